"""Valid HTML: the Nu Html Checker (the W3C's validator, vnu.jar) finds 0 errors on one page of
every type, and on the states that only exist after a script ran (search with and without
results, the compare table), captured from Chromium's DOM. Warnings are reported, not failed.

vnu.jar and Java are installed by scripts/run-tests (npm package vnu-jar into .venv/vnu,
Debian's default-jre-headless); when either is missing these tests fail, never skip.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.support.serve import serve_dir
from tests.support.figures import report
from tests.support.minimal import ROOT
from tests.support.site_pages import first_path, html_file, one_page_per_type

VNU_JAR = ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"

# The page kinds the issue names; each must be among the checked pages (besides one per type).
REQUIRED = {
    "home": r"/",
    "404": r"/404\.html",
    "case overview": r"/voorbeelden/",
    "method overview": r"/methoden/",
    "facet page": r"/methoden/niveau/[^/]+/",
    "case": r"/voorbeelden/[^/]+/",
    "method": r"/methoden/(?!niveau/|vergelijk/)[^/]+/",
    "lessons": r"/lessen/",
    "guide step": r"/keuzehulpen/[^/]+/[^/]+/",
    "search page": r"/zoeken/",
    "compare": r"/methoden/vergelijk/",
    "about": r"/over-deze-site/",
}


def vnu(files: list[Path]) -> list[dict]:
    """All messages of the Nu Html Checker for these files (JSON output, never an exit code guess)."""
    java = "/usr/bin/java"  # Debian's default-jre-headless (scripts/run-tests installs it); no PATH lookup
    if not Path(java).exists():
        pytest.fail("java ontbreekt: scripts/run-tests installeert Debian's default-jre-headless")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} ontbreekt: scripts/run-tests installeert het npm-pakket vnu-jar in .venv/vnu")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    return json.loads(proc.stderr or proc.stdout)["messages"]


def _split(messages: list[dict]) -> tuple[list[str], list[str]]:
    def line(m):
        return f"{m.get('url', '').rsplit('site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"

    errors = [line(m) for m in messages if m["type"] in ("error", "non-document-error")]
    warnings = [line(m) for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    return errors, warnings


def test_vnu_finds_errors(tmp_path):
    """The checker itself works here: an empty form action (the error this site had) is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="nl"><title>x</title><form action=""></form>', encoding="utf-8")
    errors, _ = _split(vnu([bad]))
    assert any("action" in e for e in errors), errors


def test_every_page_type_is_valid_html(site):
    chosen = dict(one_page_per_type(site))
    for name, pattern in REQUIRED.items():
        chosen[name] = first_path(site, pattern)
    paths = sorted(set(chosen.values()))
    errors, warnings = _split(vnu([html_file(site, p) for p in paths]))
    kinds = Counter(w.split(": ", 1)[1] for w in warnings)
    report(f"valid HTML: {len(paths)} pages (one per type), {len(errors)} errors, {len(warnings)} warnings"
           + "".join(f"\n  warning x{n}: {k[:120]}" for k, n in kinds.most_common(5)))
    assert not errors, "\n".join(errors[:40])


@pytest.mark.browser
def test_scripted_states_are_valid_html(site, browser, tmp_path):
    """The DOM after the scripts ran: search with results, search without, the compare table, and a
    case page on a phone with the menu and a sub-menu opened (keyboard.js changes the menu there)."""
    server, base = serve_dir(site)
    context = browser.new_context()
    page = context.new_page()
    methods = [p.name for p in sorted((site / "methoden").iterdir()) if (p / "index.html").is_file() and p.name not in ("niveau", "vergelijk")]
    states = {
        "search-results": ("/zoeken/?q=wijk", ".tp-search__results li a"),
        "search-none": ("/zoeken/?q=qqxqqzz", ".tp-search__status:not(:empty)"),
        "compare": (f"/methoden/vergelijk/?m={methods[0]}&m={methods[1]}", ".tp-compare-table"),
    }
    files = []
    try:
        for name, (url, ready) in states.items():
            page.goto(base + url)
            page.locator(ready).first.wait_for(state="attached", timeout=15000)
            path = tmp_path / f"{name}.html"
            path.write_text(page.content(), encoding="utf-8")
            files.append(path)
        # phone width: keyboard.js turns the menu and sub-menu controls into buttons
        context.close()
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(base + first_path(site, r"/voorbeelden/[^/]+/"))
        page.locator("button.tp-menu-button").click()
        sub = page.locator(".md-sidebar--primary .tp-nav-button[aria-expanded=false]").first
        sub.wait_for(state="visible")
        sub.click()
        page.locator(".md-sidebar--primary .tp-nav-button[aria-expanded=true]").first.wait_for(state="attached")
        path = tmp_path / "phone-menu-open.html"
        path.write_text(page.content(), encoding="utf-8")
        files.append(path)
    finally:
        context.close()
        server.shutdown()
    assert "tp-search__result" in files[0].read_text(encoding="utf-8")  # results really were there
    assert 'aria-expanded="true"' in files[-1].read_text(encoding="utf-8")  # the menu really was open
    errors, warnings = _split(vnu(files))
    report(f"valid HTML after scripts: {len(files)} states, {len(errors)} errors, {len(warnings)} warnings")
    assert not errors, "\n".join(errors[:40])
