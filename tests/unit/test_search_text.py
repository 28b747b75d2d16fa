"""The search normalisation runs twice: in Python when the index is built and in the
browser on what people type. Both must turn text into the same terms, or a word on a page
and the same word in a query never meet. One file of vectors checks both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search.text import STOPWORDS, fold, stem, terms, tokens
from tests.support.minimal import TESTS

VECTORS = json.loads((TESTS / "search_vectors.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["input"] or "(empty)" for v in VECTORS])
def test_python_normalisation_matches_vectors(vector):
    assert fold(vector["input"]) == vector["fold"]
    assert tokens(vector["input"]) == vector["tokens"]
    assert terms(vector["input"]) == vector["terms"]


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


@pytest.mark.parametrize(
    "forms",
    [
        ("initiatief", "initiatieven"),
        ("bewoner", "bewoners"),
        ("idee", "ideeën", "ideeen"),
        ("creëren", "creeren"),
        ("huis", "huizen"),
        ("straat", "straten"),
        ("groen", "groene"),
        ("school", "scholen"),
        ("plan", "plannen"),
    ],
)
def test_inflected_forms_meet_on_one_stem(forms):
    assert len({stem(tokens(f)[0]) for f in forms}) == 1, forms


# --- query rules with synonyms and question fillers (issue 12) ------------------------------
QUERY = json.loads((TESTS / "search_vectors.json").read_text(encoding="utf-8"))["queries"]


def _tables():
    from generator.search.synonyms import Synonyms

    return Synonyms("vectors", QUERY["synonyms"], {}, frozenset(QUERY["fillers"]), (), ())


@pytest.mark.parametrize("vector", QUERY["vectors"], ids=[v["input"] or "(empty)" for v in QUERY["vectors"]])
def test_python_query_terms_match_vectors(vector):
    from generator.search.synonyms import query_terms

    assert query_terms(vector["input"], _tables()) == vector["query_terms"]


def test_javascript_query_terms_match_vectors(server, page):
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    tables = {"stopwords": sorted(STOPWORDS), "fillers": QUERY["fillers"], "synonyms": QUERY["synonyms"]}
    got = page.evaluate("([vs, t]) => vs.map(v => TPSearch.queryTerms(v.input, t))", [QUERY["vectors"], tables])
    assert got == [v["query_terms"] for v in QUERY["vectors"]]


def test_browser_uses_the_synonyms_the_indexer_normalised(server, page):
    """The index core carries the synonyms file as Python normalised it; the browser's query
    rules on the real index give what Python's give on the same file."""
    from generator.search.synonyms import load_synonyms, query_terms

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
