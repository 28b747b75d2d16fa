"""Shared fixtures: the real site built once per session, a local server, a real browser.

The tests live in four folders: unit/ (no site build, no browser, no engine: seconds), site/
(the built site or an engine build, no browser), browser/ (Chromium) and support/ (helpers).
Every test that needs a browser-starting fixture is marked `browser` here, from its fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import build
from generator.validate import load_content
from tests.support.builds import offline_site, sites  # noqa: F401  fixtures: builds shared by site/ and browser/
from tests.support.browser import browser, chromium, page  # noqa: F401  fixtures
from tests.support.browser import pytest_collection_modifyitems, pytest_runtest_protocol  # noqa: F401  hooks: the browser mark from fixtures
from tests.support.crawl import site_crawl  # noqa: F401  one crawl of every page, shared by test_privacy and test_security
from tests.support.minimal import ROOT, write_minimal_tree
from tests.support.serve import serve_dir


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A minimal valid repository in a temporary folder; tests break it on purpose."""
    return write_minimal_tree(tmp_path / "repo")


@pytest.fixture(scope="session")
def content():
    """The real content, loaded once (the model is frozen: no test can change it for the next)."""
    return load_content(ROOT)


@pytest.fixture(scope="session")
def browse(content):
    """Facets and suggestions of the real content, as the renderer works them out."""
    from generator.browse import Browse

    return Browse(content)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real content, built once with the real (strict) pipeline."""
    out = tmp_path_factory.mktemp("site") / "site"
    build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def server(site):
    srv, url = serve_dir(site)
    yield url
    srv.shutdown()


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


def pytest_terminal_summary(terminalreporter):
    """Print the figures the trust tests measured (tests/support/figures.py), also when they pass."""
    from tests.support.figures import LINES

    if LINES:
        terminalreporter.section("measured")
        for line in LINES:
            terminalreporter.line(line)
