"""Every page the search query set expects exists on the built site."""

from __future__ import annotations
from tests.unit.test_search_quality import QUERIES, url_of


def test_every_expected_page_exists(site):
    for q in QUERIES:
        path = url_of(q["expect"]).split("#")[0]
        assert (site / path.lstrip("/") / "index.html").is_file(), q
