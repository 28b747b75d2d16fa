"""Benchmark: build time, memory, page weight and search latency at 100, 1,000 and 2,000 cases.

    python3 benchmarks/run.py                    # all sizes, writes benchmarks/results.{json,md}
    python3 benchmarks/run.py --sizes 100        # a quick look
    python3 benchmarks/run.py --no-browser       # skip the Chromium measurements

For each N the script grows a copy of the real content to N cases (``synth.py``) in a
temporary folder and measures, each step in its own child process (so one step's memory
and imports do not flatter the next):

1. ``toolbox build`` (the product's own pipeline): generator seconds (load, validate,
   render: everything before the engine starts), MkDocs seconds, wall time and peak
   memory (max RSS of the process, from ``wait4``).
2. The bare engine on the same Markdown: ``toolbox generate`` into ``build/docs`` and then
   plain ``mkdocs build`` on it, so the generator's share is measured against the engine
   alone in the same run.
3. Sizes: every HTML page gzipped (largest per kind of page), the search index raw and gzipped.
4. In Chromium (Debian's, through Playwright): the bytes a first visit transfers (cold cache,
   every response gzipped at level 6 unless already compressed, as a static host with gzip
   would send it) for a case page and for the largest page of every kind; and the
   first-search latency: open the search page, type a query, time until the results show.
5. A cProfile of the generator at the largest N (top functions by cumulative time).

Results: ``benchmarks/results.json`` (everything) and ``benchmarks/results.md`` (tables, which
the README summarises). Targets (issue 6): generator <= 10% of the build, build time linear
in N, no first visit over 250 KB gzip at 2,000 cases. This is a measurement, not a test:
nothing here asserts; the report says which targets were met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.synth import COPIED, make_repo, snapshot  # noqa: E402
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SIZES = (100, 1000, 2000)
TARGET_GENERATOR_SHARE = 0.10
TARGET_FIRST_VISIT_KB = 250
GZIP_LEVEL = 6
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg)")
SEARCH_QUERIES = ["buurtbudget", "geld voor de buurt", "speelplek"]
KB = 1024


# --- child processes ----------------------------------------------------------------------


# Where the children import the generator from: a copy of generator/ taken when the run starts
# (see main), so code that changes in the working tree during a long run cannot mix versions.
CODE = {"path": REPO}


def run_child(args: list[str], cwd: Path, log: Path) -> dict:
    """Run a command; wall seconds and peak memory (max RSS) of that process and its children."""
    env = {**os.environ, "PYTHONPATH": str(CODE["path"]), "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    with log.open("w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed (exit {proc.returncode}):\n{text[-3000:]}")
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "output": text,
    }


BUILD_CHILD = """
import json, sys, time
from pathlib import Path
import generator.build as b
# CPU seconds as well as wall seconds: other processes on a shared machine stretch wall time,
# not the CPU time a step needs. The engine step is wrapped to split the two parts.
cpu = {"start": time.process_time()}
engine = b.engine_build
def timed_engine(*args, **kwargs):
    cpu["engine_start"] = time.process_time()
    engine(*args, **kwargs)
    cpu["engine_end"] = time.process_time()
b.engine_build = timed_engine
stats = b.build(Path(sys.argv[1]), Path(sys.argv[2]))
print("BENCH " + json.dumps({
    "pages": stats.pages, "generate_s": stats.generate_seconds, "engine_s": stats.engine_seconds,
    "generate_cpu_s": cpu["engine_start"] - cpu["start"], "engine_cpu_s": cpu["engine_end"] - cpu["engine_start"],
}))
"""

PROFILE_CHILD = """
import cProfile, io, pstats, sys, tempfile
from pathlib import Path
from generator.build import generate
from generator.validate import load_content
root = Path(sys.argv[1])
profile = cProfile.Profile()
profile.enable()
generate(load_content(root), root, Path(tempfile.mkdtemp()) / "docs")
profile.disable()
out = io.StringIO()
pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
print(out.getvalue())
"""


GENERATE_CHILD = """
import json, shutil, sys, time
from pathlib import Path
from generator.build import generate
from generator.validate import load_content
root, out = Path(sys.argv[1]), Path(sys.argv[2])
shutil.rmtree(out, ignore_errors=True)
cpu, wall = time.process_time(), time.perf_counter()
generate(load_content(root), root, out)
print("BENCH " + json.dumps({"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall}))
"""


def _bench_line(output: str) -> dict:
    return json.loads(re.search(r"^BENCH (.*)$", output, re.M)[1])


def measure_builds(root: Path, work: Path, repeats: int) -> dict:
    """The generator alone and the bare engine alone, each the best of ``repeats`` runs (on a shared
    machine the minimum is the least disturbed measurement), plus one full ``toolbox build``."""
    py = sys.executable
    full = run_child([py, "-c", BUILD_CHILD, str(root), str(work / "site")], CODE["path"], work / "build.log")
    stats = _bench_line(full.pop("output"))
    gens = []
    for _ in range(repeats):  # leaves the Markdown in build/docs, where mkdocs.yml's docs_dir points
        gens.append(
            _bench_line(
                run_child([py, "-c", GENERATE_CHILD, str(root), str(root / "build/docs")], CODE["path"], work / "generate.log")["output"]
            )
        )
    bares = []
    for _ in range(repeats):
        bare = run_child(
            [py, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(work / "site-bare")], root, work / "bare.log"
        )
        bare.pop("output")
        bares.append(bare)
    # The full build's own split counts as one more run of each (its engine part runs in-process,
    # without interpreter start-up, so it can only make the engine figure smaller, never larger).
    gens.append({"wall_s": stats["generate_s"], "cpu_s": stats["generate_cpu_s"]})
    engines = [{"wall_s": b["wall_s"], "cpu_s": b["cpu_s"]} for b in bares] + [
        {"wall_s": stats["engine_s"], "cpu_s": stats["engine_cpu_s"]}
    ]
    gen_wall, gen_cpu = min(g["wall_s"] for g in gens), min(g["cpu_s"] for g in gens)
    eng_wall, eng_cpu = min(e["wall_s"] for e in engines), min(e["cpu_s"] for e in engines)
    return {
        "pages": stats["pages"],
        "build": {
            "repeats": repeats,
            "generator_s": round(gen_wall, 3),
            "generator_cpu_s": round(gen_cpu, 3),
            "engine_s": round(eng_wall, 3),
            "engine_cpu_s": round(eng_cpu, 3),
            "generator_plus_engine_s": round(gen_wall + eng_wall, 3),
            "generator_plus_engine_cpu_s": round(gen_cpu + eng_cpu, 3),
            "generator_share": round(gen_wall / (gen_wall + eng_wall), 4),
            "generator_share_cpu": round(gen_cpu / (gen_cpu + eng_cpu), 4),
            "engine_peak_rss_mb": max(b["peak_rss_mb"] for b in bares),
            "all_generator_runs": gens,
            "all_engine_runs": engines,
        },
        "toolbox_build": {  # the product's own command, once: what an editor waits for
            "process_wall_s": full["wall_s"],
            "process_cpu_s": full["cpu_s"],
            "peak_rss_mb": full["peak_rss_mb"],
            "generator_s": round(stats["generate_s"], 3),
            "engine_s": round(stats["engine_s"], 3),
            "generator_cpu_s": round(stats["generate_cpu_s"], 3),
            "engine_cpu_s": round(stats["engine_cpu_s"], 3),
        },
    }


def profile_generator(root: Path, work: Path) -> str:
    result = run_child([sys.executable, "-c", PROFILE_CHILD, str(root)], CODE["path"], work / "profile.log")
    return result["output"]


# --- sizes -----------------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def page_kind(rel: str) -> str:
    """Group pages by kind: 'voorbeelden/<slug>' and facet listings apart from overviews."""
    parts = rel.split("/")[:-1]  # drop index.html
    if not parts:
        return "home"
    if len(parts) == 1:
        return parts[0] + "/ (overzicht)"
    if len(parts) == 2:
        return parts[0] + "/<pagina>"
    return parts[0] + "/" + parts[1] + "/<waarde>"


def measure_sizes(site: Path) -> dict:
    pages = {}
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        data = html.read_bytes()
        pages[rel] = (len(data), gz(data))
    by_kind: dict[str, tuple[str, int, int]] = {}
    for rel, (raw, zipped) in pages.items():
        kind = page_kind(rel)
        if kind not in by_kind or zipped > by_kind[kind][2]:
            by_kind[kind] = (rel, raw, zipped)
    # The index in parts (generator/search): core.js loads with the search page or the header
    # box; postings and entry parts load as a query needs them. Both figures are recorded:
    # the core (what every search pays) and all files together (each gzipped on its own).
    search = {}
    parts = sorted((site / "assets/search").glob("*.js")) if (site / "assets/search").is_dir() else []
    core = site / "assets/search/core.js"
    if core.is_file():
        data = core.read_bytes()
        search["core"] = {"raw_kb": round(len(data) / KB, 1), "gzip_kb": round(gz(data) / KB, 1), "files": 1}
    if parts:
        blobs = [p.read_bytes() for p in parts]
        search["all"] = {
            "raw_kb": round(sum(map(len, blobs)) / KB, 1),
            "gzip_kb": round(sum(gz(b) for b in blobs) / KB, 1),
            "files": len(blobs),
        }
    legacy = site / "search/search_index.json"  # Material's lunr index, if its search plugin is on
    if legacy.is_file():
        data = legacy.read_bytes()
        search["all"] = {"raw_kb": round(len(data) / KB, 1), "gzip_kb": round(gz(data) / KB, 1), "files": 1}
    gz_sizes = [z for _r, z in pages.values()]
    return {
        "html_pages": len(pages),
        "html_gzip_kb_median": round(statistics.median(gz_sizes) / KB, 1),
        "largest_html_by_kind": {
            k: {"page": v[0], "raw_kb": round(v[1] / KB, 1), "gzip_kb": round(v[2] / KB, 1)} for k, v in sorted(by_kind.items())
        },
        "search_index": search,
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / KB / KB, 1),
    }


# --- browser -----------------------------------------------------------------------------------


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def first_visit(browser, url: str) -> dict:
    """Everything a cold first visit loads, with the size a gzip-serving host would send."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # scripts that load more after idle (e.g. an index) get their chance
    resources, total_gz, total_raw = [], 0, 0
    for request in requests:
        if not request.url.startswith("http"):
            continue
        response = request.response()
        if response is None or response.status >= 400:
            continue
        body = response.body()
        kind = response.headers.get("content-type", "")
        sent = gz(body) if COMPRESSIBLE.match(kind) else len(body)
        total_gz += sent
        total_raw += len(body)
        resources.append((request.url.split("/", 3)[-1], round(sent / KB, 1)))
    external = [r.url for r in requests if not r.url.startswith(url.split("/", 3)[0] + "//" + url.split("/", 3)[2])]
    context.close()
    resources.sort(key=lambda r: -r[1])
    return {
        "requests": len(resources),
        "gzip_kb": round(total_gz / KB, 1),
        "raw_kb": round(total_raw / KB, 1),
        "largest": resources[:5],
        "external_requests": external,
    }


def first_search(browser, base: str, query: str) -> dict:
    """Open the search page cold, type a query at once, time until results are on screen."""
    context = browser.new_context()
    page = context.new_page()
    if page.goto(f"{base}/zoeken/").status == 200 and page.locator("form[data-tp-search] input[type=search]").count():
        search_input, results = "form[data-tp-search] input[type=search]", ".tp-search__results:not([hidden]) li"
        kind = "eigen zoekfunctie (assets/search/: core.js, then the parts a query needs)"
    else:  # Material's lunr search in the header
        page.goto(f"{base}/")
        page.locator("label[for=__search]").first.click()
        search_input, results = ".md-search__input", ".md-search-result__item"
        kind = "Material (lunr)"
    page.wait_for_load_state("load")
    timings = []
    for i, q in enumerate([query, *[s for s in SEARCH_QUERIES if s != query][:1]]):
        box = page.locator(search_input)
        box.fill("")
        t0 = time.perf_counter()
        deadline = t0 + 60
        while True:  # Material drops queries typed before its index is ready: type again until results show
            box.fill("")
            box.press_sequentially(q, delay=0)
            try:
                page.locator(results).first.wait_for(state="visible", timeout=2000)
                break
            except Exception:
                if time.perf_counter() > deadline:
                    raise
        timings.append(round((time.perf_counter() - t0) * 1000, 1))
    hits = page.locator(results).count()
    context.close()
    return {
        "search": kind,
        "query": query,
        "first_ms": timings[0],
        "second_ms": timings[1] if len(timings) > 1 else None,
        "results_shown": hits,
    }


def measure_browser(site: Path, sizes: dict) -> dict:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (or run with --no-browser)")
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            case = next(iter(sorted((site / "voorbeelden").glob("*-1/index.html"))), None) or next(
                (site / "voorbeelden").glob("*/index.html")
            )
            visits = {"case page (" + case.parent.name + ")": first_visit(browser, f"{base}/voorbeelden/{case.parent.name}/")}
            for kind, info in sizes["largest_html_by_kind"].items():
                rel = info["page"][: -len("index.html")]
                visits[f"largest {kind} ({rel or '/'})"] = first_visit(browser, f"{base}/{rel}")
            search = first_search(browser, base, SEARCH_QUERIES[0])
            browser.close()
    finally:
        server.shutdown()
    worst = max(visits.items(), key=lambda kv: kv[1]["gzip_kb"])
    return {"first_visits": visits, "heaviest_first_visit": {"page": worst[0], "gzip_kb": worst[1]["gzip_kb"]}, "first_search": search}


# --- report ------------------------------------------------------------------------------------


def machine() -> dict:
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    versions = {}
    for pkg in ("mkdocs", "mkdocs-material", "pydantic", "jinja2", "playwright"):
        try:
            from importlib.metadata import version

            versions[pkg] = version(pkg)
        except Exception:  # pragma: no cover - a missing optional package
            versions[pkg] = None
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() if Path(CHROMIUM).exists() else None
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu[1].strip() if cpu else platform.processor(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
        "chromium": chromium,
        **versions,
    }


def linearity(runs: list[dict]) -> list[dict]:
    """Seconds per 1,000 cases between successive sizes: about equal slopes mean linear growth."""
    out = []
    for a, b in zip(runs, runs[1:]):
        dn = (b["n"] - a["n"]) / 1000
        slope = lambda key: round((b["build"][key] - a["build"][key]) / dn, 2)  # noqa: E731
        out.append(
            {
                "from": a["n"],
                "to": b["n"],
                "build_s_per_1000": slope("generator_plus_engine_s"),
                "generator_s_per_1000": slope("generator_s"),
                "engine_s_per_1000": slope("engine_s"),
                "build_cpu_s_per_1000": slope("generator_plus_engine_cpu_s"),
                "generator_cpu_s_per_1000": slope("generator_cpu_s"),
                "engine_cpu_s_per_1000": slope("engine_cpu_s"),
            }
        )
    return out


def verdicts(runs: list[dict], slopes: list[dict]) -> dict:
    share = {r["n"]: r["build"]["generator_share"] for r in runs}
    share_cpu = {r["n"]: r["build"]["generator_share_cpu"] for r in runs}
    result = {
        "generator_share_max": max(share.values()),
        "generator_share_cpu_max": max(share_cpu.values()),
        "generator_target_met": all(s <= TARGET_GENERATOR_SHARE for s in [*share.values(), *share_cpu.values()]),
    }
    if len(slopes) >= 2:
        # O(N^2) would double the slope from 100-1000 to 1000-2000; CPU time is the fairer
        # measure on a shared machine.
        ratio = slopes[-1]["build_cpu_s_per_1000"] / max(slopes[0]["build_cpu_s_per_1000"], 1e-9)
        result["slope_ratio_last_vs_first_cpu"] = round(ratio, 2)
        first_wall = slopes[0]["build_s_per_1000"]
        result["slope_ratio_last_vs_first_wall"] = round(slopes[-1]["build_s_per_1000"] / first_wall, 2) if first_wall > 0 else None
        result["linear"] = ratio <= 1.35
    largest = max(runs, key=lambda r: r["n"])
    if "browser" in largest:
        kb = largest["browser"]["heaviest_first_visit"]["gzip_kb"]
        result["heaviest_first_visit_kb_at_max_n"] = kb
        result["first_visit_target_met"] = kb <= TARGET_FIRST_VISIT_KB
    return result


def write_markdown(report: dict, path: Path) -> None:
    m = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {report['date']} with `python3 benchmarks/run.py` on {m['nproc']} cores ({m['cpu']}), "
        f"{m['memory_gb']} GB RAM, Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs-material']}, {m['chromium'] or 'no browser'}. "
        f"Load average at the start: {report['load_average_start']} (per size in results.json): other processes shared the machine, "
        "so wall times are stretched and vary from run to run; CPU times vary less.",
        "",
        f"Code and content: commit {report.get('content_commit', '?')}{' plus uncommitted changes in the working tree' if report.get('working_tree_changes') else ''}, "
        "copied once at the start so all sizes use the same version. "
        "Synthetic content: the real tree grown to N cases and N/4 lessons (`benchmarks/synth.py`); the 26 real methods.",
        "",
        "## Build",
        "",
        "Generator: `load_content` + `generate`. Engine: plain `mkdocs build` on that Markdown. Each is the best of "
        "`repeats` fresh processes plus the split inside one `toolbox build` (all runs are in results.json): on a shared machine "
        "the minimum is the least disturbed figure, and even CPU seconds grow when another process shares the core. "
        "Wall seconds, CPU seconds in brackets. Share = generator / (generator + engine).",
        "",
        "| N cases | pages | generator s | bare MkDocs s | generator share (wall / CPU) | `toolbox build` s | peak RSS `toolbox build` MB | peak RSS bare MkDocs MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["runs"]:
        b, t = r["build"], r["toolbox_build"]
        lines.append(
            f"| {r['n']} | {r['pages']} | {b['generator_s']:.1f} ({b['generator_cpu_s']:.1f}) | {b['engine_s']:.1f} ({b['engine_cpu_s']:.1f}) | "
            f"{b['generator_share']:.1%} / {b['generator_share_cpu']:.1%} | {t['process_wall_s']:.1f} ({t['process_cpu_s']:.1f}) | "
            f"{t['peak_rss_mb']:.0f} | {b['engine_peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "Growth (seconds per 1,000 extra cases; CPU seconds in brackets):",
        "",
        "| from → to | build | generator | MkDocs |",
        "|---|---:|---:|---:|",
    ]
    for s in report["linearity"]:
        lines.append(
            f"| {s['from']} → {s['to']} | {s['build_s_per_1000']} ({s['build_cpu_s_per_1000']}) | {s['generator_s_per_1000']} ({s['generator_cpu_s_per_1000']}) | "
            f"{s['engine_s_per_1000']} ({s['engine_cpu_s_per_1000']}) |"
        )
    lines += [
        "",
        "## Size",
        "",
        "Search index: the core (loaded with the search page or the header box) and all its files together (postings and entry parts load as a query needs them).",
        "",
        "| N cases | HTML pages | median page gzip KB | search core raw KB | search core gzip KB | search index, all files: raw KB | gzip KB | files | site MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    none = {"raw_kb": "–", "gzip_kb": "–", "files": "–"}
    for r in report["runs"]:
        s = r["sizes"]
        core, every = s["search_index"].get("core", none), s["search_index"].get("all", none)
        lines.append(
            f"| {r['n']} | {s['html_pages']} | {s['html_gzip_kb_median']} | {core['raw_kb']} | {core['gzip_kb']} | "
            f"{every['raw_kb']} | {every['gzip_kb']} | {every['files']} | {s['site_mb']} |"
        )
    browser_runs = [r for r in report["runs"] if "browser" in r]
    if browser_runs:
        lines += ["", "## First visit (cold cache, gzip level 6) and first search, in Chromium", ""]
        for r in browser_runs:
            br = r["browser"]
            fs = br["first_search"]
            lines += [
                f"### N = {r['n']}",
                "",
                f"First search ({fs['search']}): query '{fs['query']}' typed as soon as the search page has loaded: "
                f"**{fs['first_ms']} ms** until results show; a second query {fs['second_ms']} ms.",
                "",
                "| page | requests | transferred KB (gzip) | largest resources (KB) |",
                "|---|---:|---:|---|",
            ]
            visits = sorted(br["first_visits"].items(), key=lambda kv: -kv[1]["gzip_kb"])
            case_row = [kv for kv in visits if kv[0].startswith("case page")]
            shown = visits[:8] + [kv for kv in case_row if kv not in visits[:8]]
            for name, v in shown:
                largest = ", ".join(f"{u} {k}" for u, k in v["largest"][:3])
                flag = " **over 250 KB**" if v["gzip_kb"] > TARGET_FIRST_VISIT_KB else ""
                lines.append(f"| {name} | {v['requests']} | {v['gzip_kb']}{flag} | {largest} |")
            lines += [
                f"({len(visits) - len(shown)} lighter page kinds not shown; all are in results.json.)" if len(visits) > len(shown) else "",
                "",
            ]
    v = report["verdicts"]
    lines += [
        "## Targets",
        "",
        f"- Generator at most 10% of the build: **{'met' if v['generator_target_met'] else 'missed'}** (largest share {v['generator_share_max']:.1%} of wall time, {v['generator_share_cpu_max']:.1%} of CPU time).",
    ]
    if "linear" in v:
        lines.append(
            f"- Build time linear in N: **{'yes' if v['linear'] else 'no'}** (CPU seconds per 1,000 cases, slope 1000→2000 / slope 100→1000 = "
            f"{v['slope_ratio_last_vs_first_cpu']}; wall: {v['slope_ratio_last_vs_first_wall'] if v['slope_ratio_last_vs_first_wall'] is not None else 'not meaningful, the first slope is not positive'})."
        )
    if "first_visit_target_met" in v:
        lines.append(
            f"- No first visit over 250 KB at the largest N: **{'met' if v['first_visit_target_met'] else 'missed'}** (heaviest {v['heaviest_first_visit_kb_at_max_n']} KB)."
        )
    if report.get("profile"):
        lines += [
            "",
            f"## Generator profile at N = {report['profile']['n']} (cProfile, top by cumulative time)",
            "",
            "```",
            report["profile"]["top"].strip(),
            "```",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _profile_top(text: str, keep: int = 30) -> str:
    """The header and the function table of pstats output, trimmed to ``keep`` rows."""
    lines = text.strip().splitlines()
    start = next((i for i, l in enumerate(lines) if l.strip().startswith("ncalls")), 0)
    head = [l for l in lines[:start] if "function calls" in l]
    return "\n".join(head + lines[start : start + keep + 1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--repeats", type=int, default=3, help="runs of the generator and of the engine per size (the best counts)")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary repositories and sites")
    args = parser.parse_args(argv)

    report = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "runs": [],
    }
    scratch = Path(tempfile.mkdtemp(prefix="toolbox-bench-"))
    base = snapshot(scratch / "base")
    # The children run in scratch/code (their cwd comes first on sys.path), importing this copy.
    shutil.copytree(REPO / "generator", scratch / "code" / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    CODE["path"] = scratch / "code"
    report["content_commit"] = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    report["working_tree_changes"] = bool(
        subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", *COPIED, "generator"], capture_output=True, text=True
        ).stdout.strip()
    )
    try:
        for n in sorted(args.sizes):
            work = scratch / f"n{n}"
            work.mkdir()
            t0 = time.perf_counter()
            counts = make_repo(work / "repo", n, source=base)
            print(f"N={n}: content ready ({counts}) in {time.perf_counter() - t0:.1f} s", flush=True)
            run = {"n": n, "content": counts, "load_average": [round(x, 2) for x in os.getloadavg()]}
            run.update(measure_builds(work / "repo", work, args.repeats))
            print(f"N={n}: build { ({k: v for k, v in run['build'].items() if not k.startswith('all_')}) }", flush=True)
            run["sizes"] = measure_sizes(work / "site")
            if not args.no_browser:
                run["browser"] = measure_browser(work / "site", run["sizes"])
                print(
                    f"N={n}: heaviest first visit {run['browser']['heaviest_first_visit']}, first search {run['browser']['first_search']}",
                    flush=True,
                )
            if not args.no_profile and n == max(args.sizes):
                report["profile"] = {"n": n, "top": _profile_top(profile_generator(work / "repo", work))}
            report["runs"].append(run)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print(f"kept: {scratch}")
    report["linearity"] = linearity(report["runs"])
    report["verdicts"] = verdicts(report["runs"], report["linearity"])
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_markdown(report, args.out.with_suffix(".md"))
    print(f"written: {args.out} and {args.out.with_suffix('.md')}")
    print(json.dumps(report["verdicts"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
