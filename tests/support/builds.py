"""Builds shared by tests in more than one folder, once per session: the offline site and the
generated tree built by both engines."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import engine_build, generate
from generator.validate import load_content
from tests.support.figures import report
from tests.support.minimal import ROOT


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Path]:
    """{engine: built site}, both from one generated tree, each engine strict."""
    work = tmp_path_factory.mktemp("engines")
    content = load_content(ROOT)
    pages = generate(content, ROOT, work / "docs")
    del content
    built, seconds = {}, {}
    for engine in ("mkdocs", "zensical"):
        t0 = time.perf_counter()
        engine_build(ROOT, work / "docs", work / f"site-{engine}", engine=engine)
        seconds[engine] = time.perf_counter() - t0
        built[engine] = work / f"site-{engine}"
    report(f"engines: one generated tree of {pages} pages, MkDocs {seconds['mkdocs']:.1f} s, Zensical {seconds['zensical']:.1f} s (cold)")
    return built


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "usb-stick"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--offline", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out
