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
        capture_output=True,
        text=True,
        timeout=600,
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
    report(
        f"valid HTML: {len(paths)} pages (one per type), {len(errors)} errors, {len(warnings)} warnings"
        + "".join(f"\n  warning x{n}: {k[:120]}" for k, n in kinds.most_common(5))
    )
    assert not errors, "\n".join(errors[:40])
