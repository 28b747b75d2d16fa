"""The search query set is big and well formed (read from tests/search_queries.yaml, no build)."""

from __future__ import annotations

import yaml

from tests.support.minimal import TESTS


QUERIES = yaml.safe_load((TESTS / "search_queries.yaml").read_text(encoding="utf-8"))


def url_of(md_path: str) -> str:
    """The site URL (directory style) of a generated page, as the search links to it."""
    path, _, anchor = md_path.partition("#")
    p = path[: -len(".md")]
    if p == "index" or p.endswith("/index"):
        p = p[: -len("index")]
    else:
        p += "/"
    return "/" + p + ("#" + anchor if anchor else "")


def test_query_set_is_big_and_well_formed():
    assert len(QUERIES) >= 40
    assert all({"query", "expect", "why"} <= set(q) for q in QUERIES)
    assert len({q["query"] for q in QUERIES}) == len(QUERIES), "duplicate queries"
