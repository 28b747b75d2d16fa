"""Related content (derived from shared facets, never typed) and the method comparison."""

from __future__ import annotations


from generator.browse import Browse
from generator.browse.related import MIN_SCORE
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
    [s] = Browse(c).similar.cases("de-stroming")
    assert s.slug == "speeltuin-aan-de-dijk" and s.score >= MIN_SCORE
    assert "zelfde methode: Wijkstemdag" in s.reasons
    assert [x.slug for x in Browse(c).similar.cases("speeltuin-aan-de-dijk")] == ["de-stroming"]


def test_only_a_shared_stadsdeel_is_not_enough(repo):
    c = with_second_case(repo, SECOND_CASE.replace("[wijkstemdag]", "[]").replace("west", "zuid"))
    assert Browse(c).similar.cases("de-stroming") == []


def test_typed_related_cases_are_not_repeated(repo):
    case = repo / "cases/de-stroming.yaml"
    case.write_text(case.read_text(encoding="utf-8") + "related: [speeltuin-aan-de-dijk]\n", encoding="utf-8")
    c = with_second_case(repo)
    assert Browse(c).similar.cases("de-stroming") == [] and Browse(c).similar.cases("speeltuin-aan-de-dijk") == []


def test_real_content_suggestions_share_something(repo):
    c = load_content(ROOT)
    suggested = 0
    for slug, case in c.cases.items():
        for s in Browse(c).similar.cases(slug):
            other = c.cases[s.slug]
            shared = (
                (set(case.methods) & set(other.methods)) | (set(case.themes) & set(other.themes)) | (set(case.wijken) & set(other.wijken))
            )
            assert shared or case.stadsdeel == other.stadsdeel, (slug, s)
            assert s.slug != slug and s.slug not in c.related_cases(slug)
            suggested += 1
    for slug in c.methods:
        for s in Browse(c).similar.methods(slug):
            assert s.slug != slug and s.reasons
            suggested += 1
    assert suggested > len(c.cases)  # most pages get at least one suggestion


# --- compare ---------------------------------------------------------------------------
