"""Shared fixtures: the real site built once per session, a local server, a real browser."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from generator.build import build

from .minimal import ROOT, write_minimal_tree

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal valid repository in a temporary folder; tests break it on purpose."""
    return write_minimal_tree(tmp_path / "repo")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real content, built once with the real (strict) pipeline."""
    out = tmp_path_factory.mktemp("site") / "site"
    build(ROOT, out)
    return out


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


@pytest.fixture(scope="session")
def server(site):
    srv, url = serve_dir(site)
    yield url
    srv.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright. Missing chromium is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


# The source letter every fact must come from. It is not in this repository: it sits in the
# project's shared/ folder next to the clone (../shared/sources/), or where TOOLBOX_SOURCE_LETTER
# points. Missing, the truth tests fail with this message (never skip).
SOURCE_LETTER = Path(os.environ.get("TOOLBOX_SOURCE_LETTER") or ROOT.parent / "shared/sources/gebiedsgericht-werken-oogst-en-lessen.txt")


@pytest.fixture(scope="session")
def source_letter() -> str:
    if not SOURCE_LETTER.is_file():
        pytest.fail(
            f"source letter missing at {SOURCE_LETTER}: clone next to the project's shared/ folder "
            "(../shared/sources/) or set TOOLBOX_SOURCE_LETTER to the letter's path."
        )
    return SOURCE_LETTER.read_text(encoding="utf-8")


from .crawl import site_crawl  # noqa: E402,F401  one crawl of every page, shared by test_privacy and test_security


def pytest_terminal_summary(terminalreporter):
    """Print the figures the trust tests measured (tests/figures.py), also when they pass."""
    from .figures import LINES

    if LINES:
        terminalreporter.section("measured")
        for line in LINES:
            terminalreporter.line(line)
