"""``toolbox serve``: a live preview for editors.

We watch the YAML and hand-written sources and regenerate the Markdown into build/docs;
MkDocs' live-reload server watches that folder, rebuilds and reloads the browser.
When an edit is refused, every page of the preview shows the Dutch ``path:line:col``
messages instead (the terminal prints the same), until the content is sound again: an
editor who only looks at the browser still sees why nothing changed.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from .build import generate_into
from .errors import ContentErrors
from .layout import source_folders

WATCHED = source_folders()  # content, hand-written pages and the front end (layout.py)
POLL_SECONDS = 0.3  # without inotify: how often the sources are compared
DEFAULT_PORT = 8000
PORTS_TRIED = 20  # the default port and the next ones, when another preview already uses it


def _snapshot(root: Path) -> dict[str, tuple[float, int]]:
    stamps = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                stat = path.stat()
                stamps[str(path)] = (stat.st_mtime, stat.st_size)
    return stamps


def _watch_sources(root: Path, changed: threading.Event):
    """Set ``changed`` on every file event under the sources (inotify); None if that is not
    possible here (then the sources are compared every POLL_SECONDS)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: changed.set()  # type: ignore[method-assign]
    observer = Observer()
    try:
        for folder in WATCHED:
            if (root / folder).is_dir():
                observer.schedule(handler, str(root / folder), recursive=True)
        observer.daemon = True
        observer.start()
    except OSError:  # e.g. the inotify watch limit
        return None
    return observer


def error_page(messages: list[str]) -> bytes:
    """The page the preview shows while the content has errors (plain HTML, no theme)."""
    items = "\n".join(f"<li><code>{html.escape(m)}</code></li>" for m in messages)
    n = len(messages)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fouten in de inhoud – voorbeeld</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
h1{{color:#a00000}} li{{margin:.5rem 0}} code{{white-space:pre-wrap;word-break:break-word}}</style></head>
<body><main>
<h1>{n} {"fout" if n == 1 else "fouten"} in de inhoud</h1>
<p>Het voorbeeld toont de site weer zodra je deze {"fout" if n == 1 else "fouten"} hebt verbeterd en het bestand hebt bewaard.
Elke regel is <code>bestand:regel:kolom: wat er mis is</code>.</p>
<ul class="tp-preview-errors">
{items}
</ul>
</main></body></html>
""".encode("utf-8")


def _free_address(host: str, port: int, tries: int) -> tuple[str, int]:
    for candidate in range(port, port + tries):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return host, candidate
    raise SystemExit(f"toolbox serve: poort {port} tot {port + tries - 1} op {host} zijn bezet; kies een andere met --dev-addr.")


def _parse_addr(dev_addr: str | None) -> tuple[str, int, int]:
    """(host, first port, how many ports to try): an address given explicitly is used as is."""
    if not dev_addr:
        return "127.0.0.1", DEFAULT_PORT, PORTS_TRIED
    host, _, port = dev_addr.rpartition(":")
    return host or "127.0.0.1", int(port), 1


def serve(root: Path, dev_addr: str | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _timestamp

    host, port = _free_address(*_parse_addr(dev_addr))
    docs = root / "build" / "docs"
    site_dir = tempfile.mkdtemp(prefix="toolbox-serve-")
    state = {"errors": []}  # the messages the preview shows; empty while the content is sound

    class Preview(LiveReloadServer):
        def server_activate(self) -> None:
            super().server_activate()  # listening now: only then is the address worth printing
            print(f"toolbox serve: het voorbeeld staat op http://{host}:{port}/  (stoppen: Ctrl+C)", flush=True)

        def _serve_request(self, environ, start_response):
            path = environ["PATH_INFO"]
            is_page = path.endswith("/") or path.endswith(".html") or "." not in path.rsplit("/", 1)[-1]
            if state["errors"] and is_page and not path.startswith("/livereload/"):
                body = self._inject_js_into_html(error_page(state["errors"]), self._visible_epoch)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
                return [body]
            return super()._serve_request(environ, start_response)

    def reload_browsers() -> None:
        # The live-reload script in each page polls for a newer "epoch"; MkDocs only bumps it
        # after a build, and a refused edit changes nothing MkDocs watches, so bump it here.
        with server._epoch_cond:
            server._wanted_epoch = server._visible_epoch = _timestamp()
            server._epoch_cond.notify_all()

    def show(errors: list[str]) -> None:
        for line in errors:
            print(line, file=sys.stderr)
        print(
            f"toolbox serve: {len(errors)} {'fout' if len(errors) == 1 else 'fouten'}; "
            "het voorbeeld in de browser toont ze tot ze verbeterd zijn.",
            file=sys.stderr,
            flush=True,
        )
        state["errors"] = errors
        reload_browsers()

    def regenerate() -> None:
        try:
            _content, pages = generate_into(root, docs)
        except ContentErrors as exc:
            show([str(e) for e in exc.errors])
            return
        print(f"toolbox serve: {pages} pagina's opnieuw gegenereerd.", file=sys.stderr, flush=True)
        if state["errors"]:
            state["errors"] = []  # MkDocs sees the new pages, rebuilds and reloads the browser itself

    def config():
        cfg = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=site_dir, dev_addr=f"{host}:{port}")
        cfg.site_url = server.url
        return cfg

    def builder() -> None:
        try:
            mkdocs_build(config(), serve_url=server.url)
        except Exception as exc:  # the engine refused the pages: show that like a content error
            show([f"De site-engine (MkDocs) weigerde de pagina's: {exc}"])
            raise SystemExit("") from None

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # our own lines are what an editor reads
    server = Preview(builder=builder, host=host, port=port, root=site_dir, mount_path=urlsplit("/").path)
    try:
        _content, _pages = generate_into(root, docs)
    except ContentErrors as exc:
        if not docs.is_dir():  # nothing good to fall back on yet: an empty site under the error page
            docs.mkdir(parents=True)
            (docs / "index.md").write_text("# Voorbeeld\n", encoding="utf-8")
        show([str(e) for e in exc.errors])
    try:
        builder()
    except SystemExit:
        pass  # shown on every page already; the next good edit rebuilds
    server.watch(str(docs))

    stop = threading.Event()
    changed = threading.Event()
    observer = _watch_sources(root, changed)

    def watch() -> None:
        last = _snapshot(root)
        while not stop.is_set():
            if observer is not None:  # inotify: woken by the save itself
                if not changed.wait(0.5):
                    continue
                time.sleep(0.05)  # an editor's save can be several writes
                changed.clear()
            elif stop.wait(POLL_SECONDS):
                break
            now = _snapshot(root)
            if now != last:
                last = now
                regenerate()

    threading.Thread(target=watch, daemon=True).start()
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if observer is not None:
            observer.stop()
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
