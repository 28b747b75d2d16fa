"""`pytest -m "not browser"` starts no browser: the mark comes from the fixtures, and a launch
from an unmarked test fails before Chromium starts (tests/support/browser.py).

A small sample suite, run in a pytest of its own with the project's hooks and fixtures, shows
both: tests that reach Chromium directly or through another fixture are deselected, and a test
that asks to launch without a browser fixture fails with the rule's message."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

from tests.support.minimal import ROOT, TESTS

SAMPLE_CONFTEST = """
from tests.support.browser import browser, chromium, page  # noqa: F401
from tests.support.browser import pytest_collection_modifyitems, pytest_runtest_protocol  # noqa: F401


def pytest_deselected(items):
    for item in items:
        print("DESELECTED", item.nodeid, [m.name for m in item.iter_markers()])
"""

SAMPLE_TESTS = """
import pytest

from tests.support.browser import chromium_launch_args, launches


@pytest.fixture
def dashboard(page):  # reaches Chromium only through another fixture
    return page


def test_plain():
    assert launches == []


def test_page(page):
    raise AssertionError("a test with the page fixture ran under -m 'not browser'")


def test_indirect(dashboard):
    raise AssertionError("a test with a fixture that needs page ran under -m 'not browser'")


def test_launch_without_a_browser_fixture():
    chromium_launch_args()
    raise AssertionError("chromium_launch_args() allowed a launch from an unmarked test")
"""


def _run_sample(tmp_path, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: starts Chromium\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text(SAMPLE_CONFTEST, encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(textwrap.dedent(SAMPLE_TESTS), encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-s", "-rA", "--rootdir", str(tmp_path), *args, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_not_browser_deselects_every_test_that_reaches_chromium_and_refuses_an_unmarked_launch(tmp_path):
    result = _run_sample(tmp_path, "-m", "not browser")
    out = result.stdout
    deselected = sorted(line for line in out.splitlines() if line.startswith("DESELECTED"))
    assert deselected == [
        "DESELECTED test_sample.py::test_indirect ['browser']",
        "DESELECTED test_sample.py::test_page ['browser']",
    ], out
    assert "PASSED test_sample.py::test_plain" in out, out
    assert "FAILED test_sample.py::test_launch_without_a_browser_fixture" in out, out
    assert "test_launch_without_a_browser_fixture starts Chromium but is not marked browser" in out, out
    assert "1 failed, 1 passed, 2 deselected" in out, out


def _launch_calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "launch"]


def test_every_chromium_launch_in_the_tests_asks_permission_first():
    """A launch that bypasses chromium_launch_args() would not be refused in an unmarked test."""
    found, bypass = 0, []
    for path in sorted(TESTS.rglob("*.py")):
        for call in _launch_calls(ast.parse(path.read_text(encoding="utf-8"))):
            found += 1
            asks = any(
                k.arg is None and isinstance(k.value, ast.Call) and getattr(k.value.func, "id", "") == "chromium_launch_args"
                for k in call.keywords
            )
            if not asks:
                bypass.append(f"{path.relative_to(TESTS)}:{call.lineno}")
    assert found >= 2, "the browser fixture and the crawl both launch Chromium"
    assert not bypass, f"launch Chromium with **chromium_launch_args(): {bypass}"
