#!/usr/bin/env python3
"""Measure search options on the real content with the query set (tests/search_queries.yaml).

Builds the site twice from one generated docs folder:
  * "ours":  the site as shipped (generator/search, theme/assets/js/search-core.js);
  * "lunr":  the same pages with Material's own search plugin (lang: nl) and its header search;
and, when the `pagefind` Python package is installed, runs Pagefind over "ours" as a third option.
Each engine gets every query typed in Chromium; the script prints recall@5, query times,
first-search latency and index sizes (raw and gzip), the figures in generator/search/README.md.

Usage: python3 scripts/measure_search.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import engine_build, generate  # noqa: E402
from generator.validate import load_content  # noqa: E402
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests/search_queries.yaml").read_text(encoding="utf-8"))


def url_of(md_path: str) -> tuple[str, str]:
    path, _, anchor = md_path.partition("#")
    p = path[: -len(".md")]
    p = p[: -len("index")] if p == "index" or p.endswith("/index") else p + "/"
    return "/" + p, anchor


def hit(expect: str, links: list[str]) -> bool:
    """A hit when one of the first five links is the expected page (and anchor, if it names one).
    Lunr and Pagefind link sections by the heading's own id, which is the same anchor."""
    path, anchor = url_of(expect)
    for link in links[:5]:
        lpath, _, lanchor = link.partition("#")
        if lpath == path and (not anchor or lanchor == anchor):
            return True
    return False


def size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def serve(directory: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


def build_sites(work: Path) -> tuple[Path, Path]:
    content = load_content(ROOT)
    docs = work / "docs"
    generate(content, ROOT, docs)
    ours = work / "ours"
    engine_build(ROOT, docs, ours)
    # The same pages with the theme's search: its plugin on, our header override off.
    overrides = work / "overrides"
    shutil.copytree(ROOT / "theme/overrides", overrides)
    (overrides / "partials/header.html").unlink()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"lang": "nl"}}]
    config["theme"]["custom_dir"] = str(overrides)
    lunr_root = work / "lunr-root"
    lunr_root.mkdir()
    (lunr_root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    lunr = work / "lunr"
    engine_build(lunr_root, docs, lunr)
    return ours, lunr


def run_ours(page, base: str) -> dict:
    page.goto(base + "/zoeken/?q=speeltuin")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'speeltuin'")
    first = float(page.get_attribute(".tp-search__results", "data-first-ms"))
    hits, times = 0, []
    for q in QUERIES:
        field = page.locator("#tp-search-q")
        field.fill("")
        field.press_sequentially(q["query"])
        page.wait_for_function("q => document.querySelector('.tp-search__results').getAttribute('data-query') === q", arg=q["query"])
        links = page.eval_on_selector_all(".tp-search__result a", "els => els.map(e => new URL(e.href).pathname + new URL(e.href).hash)")
        times.append(float(page.get_attribute(".tp-search__results", "data-ms")))
        hits += hit(q["expect"], links)
    return {"hits": hits, "median_ms": statistics.median(times), "max_ms": max(times), "first_ms": first}


def run_lunr(page, base: str) -> dict:
    page.goto(base + "/")
    field = page.locator(".md-search__input")
    t0 = time.perf_counter()
    # Material drops queries typed before its index is loaded: retype until results show.
    while True:
        field.click()
        field.fill("")
        field.press_sequentially("speeltuin")
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=500)
            break
        except Exception:
            if time.perf_counter() - t0 > 30:
                raise
    first = (time.perf_counter() - t0) * 1000
    hits, times = 0, []
    snapshot_js = """() => [document.querySelector('.md-search-result__meta').textContent,
        ...Array.from(document.querySelectorAll('.md-search-result__list > .md-search-result__item > a'))
            .slice(0, 5).map(e => new URL(e.href).pathname + new URL(e.href).hash)]"""
    previous = None
    for q in QUERIES:
        field.fill("")
        start = time.perf_counter()
        field.press_sequentially(q["query"])
        # Material debounces and searches in a worker: wait until the list changed and then
        # stayed the same for 300 ms (or 5 s passed).
        stable, last = 0, None
        while time.perf_counter() - start < 5:
            page.wait_for_timeout(100)
            snap = page.evaluate(snapshot_js)
            stable = stable + 1 if snap == last else 0
            last = snap
            if stable >= 3 and snap != previous:
                break
        previous = last
        links = last[1:]
        times.append((time.perf_counter() - start) * 1000)
        hits += hit(q["expect"], links)
    return {"hits": hits, "median_ms": None, "max_ms": None, "first_ms": first, "wall_ms": statistics.median(times)}


def run_pagefind(page, base: str) -> dict:
    page.goto(base + "/")
    t0 = time.perf_counter()
    page.evaluate("async () => { window.pf = await import('/pagefind/pagefind.js'); await pf.init(); }")
    links_js = """async q => { const t = performance.now(); const r = await pf.search(q);
        const d = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
        return [performance.now() - t, d.map(x => new URL(x.url, location.href).pathname + new URL(x.url, location.href).hash)]; }"""
    page.evaluate(links_js, "speeltuin")
    first = (time.perf_counter() - t0) * 1000
    hits, times = 0, []
    for q in QUERIES:
        ms, links = page.evaluate(links_js, q["query"])
        times.append(ms)
        hits += hit(q["expect"], links)
    return {"hits": hits, "median_ms": statistics.median(times), "max_ms": max(times), "first_ms": first}


# Enter -> results on the search page: the query set, one query after another on one page
# (the parts a query needs load when it runs, as for a visitor). Time in the page: from the
# submit (what Enter does) until the result list or the no-result block shows this query.
ENTER_JS = """async (qs) => {
  const form = document.querySelector('form[data-tp-search]'), input = form.querySelector('input');
  const list = document.querySelector('.tp-search__results'), out = [];
  for (const q of qs) {
    const t = performance.now();
    input.value = q;
    form.requestSubmit();
    while (list.getAttribute('data-query') !== q) await new Promise(r => requestAnimationFrame(r));
    out.push(performance.now() - t);
  }
  return out;
}"""


def measure_enter(sites: list[str]) -> int:
    """Median Enter-to-results and the search page's first visit (gzip) on already built sites
    (e.g. benchmarks/synth.py content at 100 and 2,000 cases, built with ``toolbox build``)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.run import first_visit, serve as serve_gz
    from playwright.sync_api import sync_playwright

    queries = [q["query"] for q in QUERIES]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for site in sites:
            srv, base = serve_gz(Path(site))
            visit = first_visit(browser, base + "/zoeken/")
            page = browser.new_page()
            page.goto(base + "/zoeken/")
            page.wait_for_function("window.TPSearch && window.TP_SEARCH_CORE")
            times = page.evaluate(ENTER_JS, queries)
            again = page.evaluate(ENTER_JS, queries)  # parts now cached: the search alone
            page.close()
            srv.shutdown()
            print(
                f"{site}: first visit /zoeken/ {visit['gzip_kb']} KB gzip in {visit['requests']} requests; "
                f"Enter -> results over {len(queries)} queries: median {statistics.median(times):.1f} ms, "
                f"max {max(times):.1f} ms (parts loading as needed); again: median {statistics.median(again):.1f} ms, max {max(again):.1f} ms"
            )
        browser.close()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", help="keep the built sites in this folder")
    ap.add_argument("--enter", nargs="+", metavar="SITE", help="only measure Enter-to-results and first visit on these built sites")
    args = ap.parse_args()
    if args.enter:
        return measure_enter(args.enter)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="measure-search-"))
    work.mkdir(parents=True, exist_ok=True)
    ours, lunr = build_sites(work)
    have_pagefind = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(ours)], capture_output=True).returncode == 0

    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, site, run in (("ours", ours, run_ours), ("lunr", lunr, run_lunr), ("pagefind", ours, run_pagefind)):
            if name == "pagefind" and not have_pagefind:
                continue
            srv, base = serve(site)
            page = browser.new_page()
            results[name] = run(page, base)
            page.close()
            srv.shutdown()
        browser.close()

    # Ours is a core plus parts loaded as a query needs them: the sum of all files here.
    ours_files = [size(f) for f in sorted((ours / "assets/search").iterdir())]
    sizes = {"ours": (sum(r for r, _ in ours_files), sum(g for _, g in ours_files)), "lunr": size(lunr / "search/search_index.json")}
    if have_pagefind:
        files = [f for f in (ours / "pagefind").rglob("*") if f.is_file()]
        sizes["pagefind"] = (sum(f.stat().st_size for f in files), None)
    n = len(QUERIES)
    print(f"{n} queries from tests/search_queries.yaml; pages: {sum(1 for _ in ours.rglob('*.html'))}")
    for name, r in results.items():
        raw, gz = sizes[name]
        times = (
            f"median {r['median_ms']:.1f} ms, max {r['max_ms']:.1f} ms"
            if r["median_ms"] is not None
            else f"(in-page time not exposed; wall per query {r['wall_ms']:.0f} ms)"
        )
        print(
            f"{name:9} recall@5 {r['hits'] / n:6.1%} ({r['hits']}/{n}); query {times}; first search {r['first_ms']:.0f} ms; "
            f"index {raw / 1024:.0f} KB" + (f", {gz / 1024:.0f} KB gzip" if gz else " (all files, fetched in parts)")
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
