"""The build is deterministic: the same content gives the same bytes.

A snapshot of the real content is built twice, in two processes with different string-hash
seeds (so any dependence on set or dict order shows up), side by side. Every file must be
byte-identical. The only declared exception is a timestamp: the build date in sitemap.xml's
<lastmod> (and sitemap.xml.gz, which is compared after unpacking, because gzip also stores
the time it was packed).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.figures import report
from tests.support.minimal import ROOT

CONTENT = ["cases", "toolbox", "docs", "theme", "mkdocs.yml"]
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def _comparable(rel: str, data: bytes) -> bytes:
    if rel == "sitemap.xml.gz":
        data = gzip.decompress(data)
        rel = "sitemap.xml"
    if rel == "sitemap.xml":
        data = LASTMOD.sub(b"<lastmod/>", data)
    return data


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    snapshot = tmp_path / "repo"
    for name in CONTENT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name)
        else:
            snapshot.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, snapshot / name)
    builds = []
    for seed in ("1", "2"):
        out = tmp_path / f"site-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed, NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "generator", "--root", str(snapshot), "build", "--site-dir", str(out)]
        builds.append((out, subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    for out, process in builds:
        stdout, stderr = process.communicate(timeout=1800)
        assert process.returncode == 0, stderr[-3000:]

    first, second = (_files(out) for out, _ in builds)
    assert first.keys() == second.keys(), sorted(set(first) ^ set(second))[:20]
    differ = [rel for rel in first if _comparable(rel, first[rel]) != _comparable(rel, second[rel])]
    timestamps = [rel for rel in first if first[rel] != second[rel] and rel not in differ]
    report(
        f"determinism: {len(first)} files from two builds, {len(differ)} differ, "
        f"{len(timestamps)} differ only in a declared timestamp ({', '.join(timestamps) or 'none'})"
    )
    assert not differ, f"{len(differ)} files differ between two builds of the same content: {differ[:20]}"
    assert set(timestamps) <= {"sitemap.xml", "sitemap.xml.gz"}
