"""Search quality on the real, built site, in a real browser: what people type finds the page
they mean. Prints recall@5 and the median query time; fails below 90% recall@5."""

from __future__ import annotations

import statistics


from tests.unit.test_search_quality import QUERIES, url_of

MIN_RECALL = 0.95  # per set: the older query set and the everyday-language set (issue 12)


def run_query(page, query: str) -> tuple[list[str], float]:
    """Type like a person (key by key) and return the result links and the search time (ms)."""
    field = page.locator("#tp-search-q")
    field.fill("")
    field.press_sequentially(query)
    page.wait_for_function("q => document.querySelector('.tp-search__results').getAttribute('data-query') === q", arg=query)
    links = page.eval_on_selector_all(".tp-search__result a", "els => els.map(e => new URL(e.href).pathname + new URL(e.href).hash)")
    ms = float(page.get_attribute(".tp-search__results", "data-ms"))
    return links, ms


def test_recall_at_5_in_chromium(server, page):
    page.goto(server + "/zoeken/")
    hits, times, misses = {}, [], []
    for q in QUERIES:  # the first query goes in before the index has loaded: it must not be lost
        links, ms = run_query(page, q["query"])
        times.append(ms)
        got = hits.setdefault(q.get("set", "older"), [0, 0])
        got[1] += 1
        if url_of(q["expect"]) in links[:5]:
            got[0] += 1
        else:
            misses.append(f"  {q['query']!r}: wanted {q['expect']}, got {links[:5]}")
    for name, (hit, n) in hits.items():
        print(f"\nsearch recall@5, {name} set: {hit / n:.1%} ({hit}/{n})")
    print(f"median query time {statistics.median(times):.1f} ms; slowest {max(times):.1f} ms")
    print("misses:\n" + "\n".join(misses) if misses else "misses: none")
    assert set(hits) == {"older", "everyday"} and hits["everyday"][1] >= 40
    assert all(hit / n >= MIN_RECALL for hit, n in hits.values()), "\n".join(misses)


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


def test_site_pages_never_outrank_content_for_its_title_and_keyword_words(server, page, site):
    """Pages about the site itself (bijdragen, privacy, ...) may use a resident's word in an
    example; for a word that a content page has in its title or keywords, every such content
    page ranks above every site page (generator/search/index.py, KIND_WEIGHTS)."""
    from generator.search.index import SITE_KIND
    from generator.search.text import STOPWORDS, tokens
    from generator.validate import load_content

    from tests.support.minimal import ROOT
    from tests.support.search_index import load_index

    docs = load_index(site)["docs"]
    site_pages = {url_of(d[0]) for d in docs if d[3] == SITE_KIND}
    assert {"/bijdragen/", "/privacy/", "/publiceren/", "/toegankelijkheid/", "/open-data/"} <= site_pages
    content = load_content(ROOT)
    strong: dict[str, set[str]] = {}  # query word -> content pages with it in title or keywords
    for d in docs:
        if d[3] != SITE_KIND and d[0] not in ("index.md",):
            for w in tokens(d[2]):
                strong.setdefault(w, set()).add(url_of(d[0] + ("#" + d[1] if d[1] else "")))
    for kind, folder in (("cases", "voorbeelden"), ("methods", "methoden")):
        for slug, item in getattr(content, kind).items():
            for w in (t for k in item.keywords for t in tokens(k)):
                strong.setdefault(w, set()).add(f"/{folder}/{slug}/")
    words = sorted(w for w in strong if w not in STOPWORDS and len(w) > 2 and not w.isdigit())
    assert len(words) > 300
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    ranked = page.evaluate(
        """async ws => { const out = {};
            for (const w of ws) out[w] = (await TPSearch.search(w, 400)).results.map(r => r.entry[0] + (r.entry[1] ? '#' + r.entry[1] : ''));
            return out; }""",
        words,
    )
    bad = []
    for w in words:
        urls = [url_of(u) for u in ranked[w]]
        first_site = next((i for i, u in enumerate(urls) if u in site_pages), None)
        if first_site is None:
            continue
        below = [u for u in strong[w] if u not in urls[:first_site]]
        if below:
            bad.append(f"{w!r}: {urls[first_site]} at {first_site + 1} above {sorted(below)[:3]}")
    assert not bad, "\n".join(bad)
