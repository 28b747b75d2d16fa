"""Compare on the built site: method pages link to it; without JavaScript it shows every method."""

from __future__ import annotations

from generator.validate import load_content

from tests.support.minimal import ROOT
from generator.build import generate
from tests.unit.test_facets_related import with_second_case


def test_method_page_links_to_compare(site):
    html = (site / "methoden/buurtbudget/index.html").read_text(encoding="utf-8")
    assert 'href="../vergelijk/?m=buurtbudget"' in html
    assert "../vergelijk/?m=buurtbudget&amp;m=" in html  # with its related methods


def test_compare_without_javascript_shows_every_method(site):
    c = load_content(ROOT)
    html = (site / "methoden/vergelijk/index.html").read_text(encoding="utf-8")
    table = html.split("Alle methoden in één tabel", 1)[1]
    for slug in c.methods:
        assert f'href="../{slug}/"' in table, slug
    picker = html.split('<form class="tp-compare-form"', 1)[1].split(">", 1)[0]
    assert " hidden" in picker  # the picker needs JavaScript, so it shows only with it


def test_the_case_page_ends_with_the_suggestion(repo, tmp_path):
    c = with_second_case(repo)
    generate(c, repo, tmp_path / "docs")
    page = (tmp_path / "docs/voorbeelden/de-stroming.md").read_text(encoding="utf-8")
    block = page.split("## Lijkt hierop", 1)[1].split("## Bron", 1)[0]
    assert "/speeltuin-aan-de-dijk.md)" in block and "Wijkstemdag" in block
