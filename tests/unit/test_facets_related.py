"""Related content (derived from shared facets, never typed) and the method comparison."""

from __future__ import annotations

import pytest

from generator.build import generate
from generator.related import MIN_SCORE
from generator.validate import load_content

from tests.support.minimal import ROOT

SECOND_CASE = """\
title: Speeltuin aan de Dijk
summary: Buren maakten samen een speeltuin.
stadsdeel: west
methods: [wijkstemdag]
themes: [een]
sources: [{doc: bron, section: Deel A}]
reviewed: 2026-11-27
"""


def with_second_case(repo, text=SECOND_CASE):
    (repo / "cases/speeltuin-aan-de-dijk.yaml").write_text(text, encoding="utf-8")
    return load_content(repo)


def test_cases_sharing_a_method_suggest_each_other_with_the_reason(repo):
    c = with_second_case(repo)
    [s] = c.similar.cases("de-stroming")
    assert s.slug == "speeltuin-aan-de-dijk" and s.score >= MIN_SCORE
    assert "zelfde methode: Wijkstemdag" in s.reasons
    assert [x.slug for x in c.similar.cases("speeltuin-aan-de-dijk")] == ["de-stroming"]


def test_only_a_shared_stadsdeel_is_not_enough(repo):
    c = with_second_case(repo, SECOND_CASE.replace("[wijkstemdag]", "[]").replace("west", "zuid"))
    assert c.similar.cases("de-stroming") == []


def test_typed_related_cases_are_not_repeated(repo):
    case = repo / "cases/de-stroming.yaml"
    case.write_text(case.read_text(encoding="utf-8") + "related: [speeltuin-aan-de-dijk]\n", encoding="utf-8")
    c = with_second_case(repo)
    assert c.similar.cases("de-stroming") == [] and c.similar.cases("speeltuin-aan-de-dijk") == []


def test_the_case_page_ends_with_the_suggestion(repo, tmp_path):
    c = with_second_case(repo)
    generate(c, repo, tmp_path / "docs")
    page = (tmp_path / "docs/voorbeelden/de-stroming.md").read_text(encoding="utf-8")
    block = page.split("## Lijkt hierop", 1)[1].split("## Bron", 1)[0]
    assert "/speeltuin-aan-de-dijk.md)" in block and "Wijkstemdag" in block


def test_real_content_suggestions_share_something(repo):
    c = load_content(ROOT)
    suggested = 0
    for slug, case in c.cases.items():
        for s in c.similar.cases(slug):
            other = c.cases[s.slug]
            shared = (set(case.methods) & set(other.methods)) | (set(case.themes) & set(other.themes)) | (set(case.wijken) & set(other.wijken))
            assert shared or case.stadsdeel == other.stadsdeel, (slug, s)
            assert s.slug != slug and s.slug not in c.related_cases(slug)
            suggested += 1
    for slug in c.methods:
        for s in c.similar.methods(slug):
            assert s.slug != slug and s.reasons
            suggested += 1
    assert suggested > len(c.cases)  # most pages get at least one suggestion


# --- compare ---------------------------------------------------------------------------


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


@pytest.mark.parametrize("chosen", [("buurtbudget", "wijkstemdag"), ("wijktop-3", "burgerbegroting", "buurtbudget")])
def test_compare_side_by_side(server, page, chosen):
    c = load_content(ROOT)
    page.goto(f"{server}/methoden/vergelijk/?" + "&".join(f"m={m}" for m in chosen))
    table = page.locator(".tp-compare-table")
    table.wait_for()
    assert table.get_attribute("data-methods") == " ".join(chosen)
    heads = page.eval_on_selector_all(".tp-compare-table thead th", "els => els.map(e => e.textContent.trim())")
    assert heads == ["Kenmerk"] + [c.methods[m].title for m in chosen]
    rows = page.eval_on_selector_all(".tp-compare-table tbody th", "els => els.map(e => e.textContent)")
    for label in ("Participatieniveau", "Bereikt vooral", "Inzet", "Kosten", "Duur", "Valkuilen", "Voorbeelden"):
        assert label in rows
    cost_row = page.locator(".tp-compare-table tbody tr", has=page.locator("th", has_text="Kosten"))
    cells = cost_row.locator("td").all_inner_texts()  # the band's name, then its mark (tests/test_provenance.py)
    assert len(cells) == len(chosen)
    for cell, m in zip(cells, chosen):
        assert cell.startswith(c.ref("banden").name(c.methods[m].cost)), cell
    for m in chosen:
        for pitfall in c.methods[m].pitfalls[:1]:
            assert pitfall[:40] in page.inner_text(".tp-compare-table")
        assert page.locator(f'.tp-compare-form input[value="{m}"]').is_checked()
    # At most three: the other boxes are disabled once three are ticked.
    if len(chosen) == 3:
        assert page.locator(".tp-compare-form input:disabled").count() == len(c.methods) - 3
