"""Search quality on the real, built site, in a real browser: what people type finds the page
they mean. Prints recall@5 and the median query time; fails below 90% recall@5."""

from __future__ import annotations

import statistics
from pathlib import Path

import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
MIN_RECALL = 0.90


def url_of(md_path: str) -> str:
    """The site URL (directory style) of a generated page, as the search links to it."""
    path, _, anchor = md_path.partition("#")
    p = path[: -len(".md")]
    if p == "index" or p.endswith("/index"):
        p = p[: -len("index")]
    else:
        p += "/"
    return "/" + p + ("#" + anchor if anchor else "")


def run_query(page, query: str) -> tuple[list[str], float]:
    """Type like a person (key by key) and return the result links and the search time (ms)."""
    field = page.locator("#tp-search-q")
    field.fill("")
    field.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('.tp-search__results').getAttribute('data-query') === q", arg=query
    )
    links = page.eval_on_selector_all(".tp-search__result a", "els => els.map(e => new URL(e.href).pathname + new URL(e.href).hash)")
    ms = float(page.get_attribute(".tp-search__results", "data-ms"))
    return links, ms


def test_query_set_is_big_and_well_formed():
    assert len(QUERIES) >= 40
    assert all({"query", "expect", "why"} <= set(q) for q in QUERIES)
    assert len({q["query"] for q in QUERIES}) == len(QUERIES), "duplicate queries"


def test_every_expected_page_exists(site):
    for q in QUERIES:
        path = url_of(q["expect"]).split("#")[0]
        assert (site / path.lstrip("/") / "index.html").is_file(), q


def test_recall_at_5_in_chromium(server, page):
    page.goto(server + "/zoeken/")
    hits, times, misses = 0, [], []
    for q in QUERIES:  # the first query goes in before the index has loaded: it must not be lost
        links, ms = run_query(page, q["query"])
        times.append(ms)
        if url_of(q["expect"]) in links[:5]:
            hits += 1
        else:
            misses.append(f"  {q['query']!r}: wanted {q['expect']}, got {links[:5]}")
    recall = hits / len(QUERIES)
    print(f"\nsearch recall@5: {recall:.1%} ({hits}/{len(QUERIES)}); median query time {statistics.median(times):.1f} ms; slowest {max(times):.1f} ms")
    print("misses:\n" + "\n".join(misses) if misses else "misses: none")
    assert recall >= MIN_RECALL, "\n".join(misses)


def test_first_search_after_page_load(server, page):
    """A search link (?q=) shows results on first load: the query waits for the index."""
    page.goto(server + "/zoeken/?q=speeltuin")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'speeltuin'")
    first_ms = float(page.get_attribute(".tp-search__results", "data-first-ms"))
    print(f"\nfirst search (navigation start to results shown): {first_ms:.0f} ms")
    assert url_of("voorbeelden/speelplek-oosterhaven.md") in page.eval_on_selector_all(
        ".tp-search__result a", "els => els.map(e => new URL(e.href).pathname)"
    )
    assert "speeltuin" in page.inner_text(".tp-search__status")
