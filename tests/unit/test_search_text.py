"""The search normalisation runs twice: in Python when the index is built and in the
browser on what people type. Both must turn text into the same terms, or a word on a page
and the same word in a query never meet. One file of vectors checks both."""

from __future__ import annotations

import json

import pytest

from generator.search.text import fold, stem, terms, tokens
from tests.support.minimal import TESTS

VECTORS = json.loads((TESTS / "search_vectors.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["input"] or "(empty)" for v in VECTORS])
def test_python_normalisation_matches_vectors(vector):
    assert fold(vector["input"]) == vector["fold"]
    assert tokens(vector["input"]) == vector["tokens"]
    assert terms(vector["input"]) == vector["terms"]


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
