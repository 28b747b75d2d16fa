"""The browser's search normalisation (search.js) against the same vectors as the Python side."""

from __future__ import annotations

from generator.search.text import STOPWORDS, stem
from tests.unit.test_search_text import QUERY, VECTORS


def test_javascript_normalisation_matches_vectors(server, page):
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    got = page.evaluate(
        """vectors => vectors.map(v => ({
            fold: TPSearch.fold(v.input),
            tokens: TPSearch.tokens(v.input),
        }))""",
        VECTORS,
    )
    # JS has no stop word list of its own: it takes the one in the index (written from Python).
    stops = page.evaluate("new Promise(r => TPSearch.whenIndex(ix => r(Array.from(ix.stop))))")
    assert set(stops) == set(STOPWORDS)
    # Query words that are a stop word's stem have no postings; for them the script reads
    # titles instead of the title marks in the postings (generator/search/README.md).
    stop_stems = page.evaluate("new Promise(r => TPSearch.whenIndex(ix => r(Array.from(ix.stopStems))))")
    assert set(stop_stems) == {stem(w) for w in STOPWORDS}
    js_terms = page.evaluate(
        "([vectors, stops]) => vectors.map(v => TPSearch.tokens(v.input).filter(t => !stops.includes(t)).map(TPSearch.stem))",
        [VECTORS, stops],
    )
    for vector, js, terms_js in zip(VECTORS, got, js_terms):
        assert js["fold"] == vector["fold"], vector["input"]
        assert js["tokens"] == vector["tokens"], vector["input"]
        assert terms_js == vector["terms"], vector["input"]


def test_javascript_query_terms_match_vectors(server, page):
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    tables = {"stopwords": sorted(STOPWORDS), "fillers": QUERY["fillers"], "synonyms": QUERY["synonyms"]}
    got = page.evaluate("([vs, t]) => vs.map(v => TPSearch.queryTerms(v.input, t))", [QUERY["vectors"], tables])
    assert got == [v["query_terms"] for v in QUERY["vectors"]]


def test_browser_uses_the_synonyms_the_indexer_normalised(server, page):
    """The index core carries the synonyms file as Python normalised it; the browser's query
    rules on the real index give what Python's give on the same file."""
    from generator.search.synonyms import query_terms
    from generator.search.synonyms_file import load_synonyms

    from tests.support.minimal import ROOT

    errors = []
    synonyms = load_synonyms(ROOT, errors)
    assert not errors and synonyms.words
    queries = ["bbq in de buurt", "hoe krijg ik een projectontwikkelaar zover", "wie betaalt de stoep", "wat moet ik doen als"]
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    got = page.evaluate("qs => new Promise(r => TPSearch.whenIndex(() => r(qs.map(q => TPSearch.queryTerms(q)))))", queries)
    assert got == [query_terms(q, synonyms) for q in queries]
    assert got[0][0] == ["bbq", "fest", "activiteit"]  # a loan word finds the site's words
