"""A folder served on 127.0.0.1 for the tests (the built site, a Zensical site, a scratch copy)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files on 127.0.0.1; the LinkChecker header lifts its politeness delay."""

    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allow")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


def serve_dir(directory: Path, headers: dict[str, str] | None = None):
    handler = type("Handler", (QuietHandler,), {"extra_headers": headers or {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
