"""Compare on the built site: method pages link to it; without JavaScript it shows every method."""

from __future__ import annotations

from generator.validate import load_content

from tests.support.minimal import ROOT


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
