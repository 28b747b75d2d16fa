"""Debian's chromium for the browser tests, and the rule that only a test marked `browser` starts it.

Every launch goes through ``chromium_launch_args()``: the `browser` fixture and the page crawl
(tests/support/crawl.py) both call it. The root conftest marks every test whose fixture closure
holds a fixture of ``BROWSER_FIXTURES`` with `browser` (the hooks at the end of this file); a launch from a test without that mark
fails here, before Chromium starts. So ``pytest -m "not browser"`` cannot start a browser:
either the test was deselected with its mark, or it fails without launching.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS


# The fixtures that start Chromium. A test needing any of them, directly or through another
# fixture, is a browser test (tests/conftest.py derives the mark from the fixture closure).
BROWSER_FIXTURES = frozenset({"chromium"})

# The test being set up or run (set by the conftest's runtest hooks), and every launch so far.
current_test: list = [None]
launches: list[str] = []


def chromium_launch_args() -> dict:
    """Keyword arguments for Playwright's ``chromium.launch``, after checking the launch is allowed.

    Missing chromium is a failure, never a skip; a launch from a test without the `browser`
    mark is a failure too (it would run under ``-m "not browser"``)."""
    item = current_test[0]
    if item is None or item.get_closest_marker("browser") is None:
        where = item.nodeid if item is not None else "outside any test"
        pytest.fail(
            f"{where} starts Chromium but is not marked browser: reach Chromium only through a fixture "
            f"that needs one of {sorted(BROWSER_FIXTURES)} (tests/support/browser.py), so the mark is set from its fixtures"
        )
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium)")
    launches.append(item.nodeid)
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def chromium() -> str:
    """Permission to start Debian's chromium; every fixture that launches it needs this one."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    """Debian's chromium through Playwright. Missing chromium is a failure, never a skip."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(**chromium_launch_args())
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def browser_fixtures_of(item) -> set[str]:
    """The browser-starting fixtures a collected test needs, directly or through other fixtures
    (``item.fixturenames`` is the test's whole fixture closure)."""
    return BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))


# The two hooks below are imported into tests/conftest.py (a conftest's pytest_* names are its hooks).


@pytest.hookimpl(tryfirst=True)  # before -m deselects by mark
def pytest_collection_modifyitems(items) -> None:
    """Add the `browser` mark to every test whose fixture closure starts Chromium."""
    for item in items:
        if browser_fixtures_of(item) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item):
    """Remember which test runs, so a Chromium launch can check that test's mark."""
    current_test[0] = item
    try:
        return (yield)
    finally:
        current_test[0] = None
