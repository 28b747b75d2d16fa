"""Both site engines on the same generated pages: build time and peak memory, cold and warm.

    python3 benchmarks/engines.py                  # the real site and 2,000 cases (about 10 minutes)
    python3 benchmarks/engines.py --sizes real     # a quick look

For each size the script copies the content once (the real content, or grown to N cases with
``synth.py``, as benchmarks/run.py does), generates the Markdown once into ``build/docs`` (the
docs_dir of mkdocs.yml) and builds that same tree with each engine, each build in its own child
process (wall seconds, CPU seconds and peak RSS from ``wait4``):

* MkDocs: ``mkdocs build --strict`` twice. MkDocs keeps no cache, so "warm" is only the second
  run with the files in the OS page cache and the bytecode compiled.
* Zensical: ``zensical build --strict`` on the config ``toolbox build --engine zensical`` writes
  (``generator.build.zensical_config``: mkdocs.yml with the folders changed), with its cache
  (``.cache/`` next to that config) removed (cold), then again with the cache it left behind and
  nothing changed (warm). ``toolbox build --engine zensical`` itself is always cold.

Writes ``benchmarks/engines.json`` and prints a Markdown table for benchmarks/README.md ("## Engines").
A measurement, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.run import CODE, GENERATE_CHILD, _bench_line, machine, run_child  # noqa: E402
from benchmarks.synth import make_repo, snapshot  # noqa: E402
from generator.build import zensical_config  # noqa: E402

SIZES = ("real", "2000")


def engine_runs(root: Path, work: Path, engines: list[str]) -> dict:
    """Cold and warm build of ``root/build/docs`` by each engine."""
    py = sys.executable
    site = work / "site"
    results = {}
    for run in ("cold", "warm") if "mkdocs" in engines else ():
        shutil.rmtree(site, ignore_errors=True)
        r = run_child(
            [py, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
            root,
            work / f"mkdocs-{run}.log",
        )
        r.pop("output")
        results[f"mkdocs_{run}"] = r
    if "zensical" not in engines:
        return results
    config = zensical_config(root, root / "build/docs", root / "build/site")
    cache = config.parent / ".cache"
    shutil.rmtree(cache, ignore_errors=True)  # Zensical's cache: none for the cold build
    for run in ("cold", "warm"):
        shutil.rmtree(root / "build/site", ignore_errors=True)
        r = run_child([py, "-m", "zensical", "build", "--strict", "-f", str(config)], config.parent, work / f"zensical-{run}.log")
        r.pop("output")
        r["cache_mb"] = round(sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 2**20, 1)
        results[f"zensical_{run}"] = r
    return results


def measure(size: str, base: Path, engines: list[str]) -> dict:
    root = base / f"repo-{size}"
    work = base / f"work-{size}"
    work.mkdir(parents=True)
    if size == "real":
        snapshot(root, base / "snapshot")
        counts = {"cases": len(list((root / "cases").glob("*.yaml")))}
    else:
        counts = make_repo(root, int(size), source=base / "snapshot")
    gen = _bench_line(
        run_child([sys.executable, "-c", GENERATE_CHILD, str(root), str(root / "build/docs")], CODE["path"], work / "generate.log")[
            "output"
        ]
    )
    pages = len(list((root / "build/docs").rglob("*.md")))
    print(f"{size}: {counts['cases']} cases, {pages} pages generated in {gen['wall_s']:.1f} s", flush=True)
    runs = engine_runs(root, work, engines)
    for name, r in runs.items():
        print(f"  {name}: {r['wall_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU, {r['peak_rss_mb']:.0f} MB", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    return {"size": size, "cases": counts["cases"], "pages": pages, "generate": gen, "runs": runs}


def table(report: dict) -> str:
    lines = [
        "| content | pages | engine | cold s (CPU s) | warm s (CPU s) | peak RSS cold / warm MB |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for m in report["sizes"]:
        label = "real site" if m["size"] == "real" else f"{m['cases']:,} cases"
        for engine, name in (("mkdocs", "MkDocs"), ("zensical", "Zensical")):
            if f"{engine}_cold" not in m["runs"]:
                continue
            cold, warm = m["runs"][f"{engine}_cold"], m["runs"][f"{engine}_warm"]
            lines.append(
                f"| {label} | {m['pages']:,} | {name} | {cold['wall_s']:.1f} ({cold['cpu_s']:.1f}) | {warm['wall_s']:.1f} ({warm['cpu_s']:.1f}) "
                f"| {cold['peak_rss_mb']:.0f} / {warm['peak_rss_mb']:.0f} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", nargs="+", default=list(SIZES), help="'real' and/or numbers of cases")
    p.add_argument("--engines", nargs="+", default=["mkdocs", "zensical"], choices=["mkdocs", "zensical"])
    args = p.parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = bool(
        subprocess.run(
            ["git", "status", "--porcelain", "--", "generator", "docs", "theme", "mkdocs.yml"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    )
    started = dt.datetime.now(dt.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="engines-bench-") as tmp:
        base = Path(tmp)
        snapshot(base / "snapshot")
        sizes = [measure(size, base, args.engines) for size in args.sizes]
    report = {
        "started_utc": started.strftime("%Y-%m-%d %H:%M"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "machine": {**machine(), "zensical": version("zensical")},
        "sizes": sizes,
    }
    (HERE / "engines.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
