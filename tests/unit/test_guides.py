"""The decision guides' engine on the real content: every shared vector, plus the graph check.

Each vector states answers and the advice the guide must give, in which order, and which
answers the explanation ("Waarom?") must cite. The same vectors are checked against the
built pages in tests/browser/test_guides_browser.py.
"""

from __future__ import annotations

from collections import Counter

import pytest

from generator.guides.check import MAX_PAGES, check_guides, page_count
from generator.guides.engine import GuideAnswerError, evaluate, next_question, walk

from tests.support.guide_vectors import load_vectors, vector_id
from tests.support.minimal import ROOT

VECTORS = load_vectors()


GUIDES = {"initiatiefwijzer", "methodekeuzehulp", "afwegingskader", "rolkeuze", "plan-in-de-wijk"}


def test_every_guide_has_scenarios_for_its_results(content):
    """At least ten per guide, or every result path when a guide has fewer."""
    counts = Counter(guide for guide, _v in VECTORS)
    assert set(counts) == GUIDES
    for slug, n in counts.items():
        results = sum(1 for step in walk(content.guides[slug]) if step.question is None)
        assert n >= min(10, results), (slug, n)


def _refs_of(result) -> dict[str, set[str]]:
    """Every slug any fired rule links to, per kind."""
    refs: dict[str, set[str]] = {}
    for sr in result.sections:
        for item in sr.items:
            for kind in ("methods", "cases", "lessons", "criteria", "vragen", "roles", "stadsdelen", "values"):
                refs.setdefault(kind, set()).update(getattr(item.rule, kind))
    return refs


def _cited(result, slug: str) -> list[str]:
    for sr in result.sections:
        for item in sr.items:
            if item.slug == slug:
                return [q.slug for q, _o in item.because]
        for rm in sr.methods:
            if rm.slug == slug:
                return [m.question.slug for m in rm.fits]
    raise AssertionError(f"'{slug}' is not in the advice")


@pytest.mark.parametrize("item", VECTORS, ids=[vector_id(v) for v in VECTORS])
def test_vector(item, content):
    slug, vector = item
    guide = content.guides[slug]
    answers = vector["answers"]
    if vector.get("error"):
        with pytest.raises(GuideAnswerError):
            evaluate(guide, answers, content)
        return
    if "next" in vector:
        assert next_question(guide, answers).slug == vector["next"]
        with pytest.raises(GuideAnswerError):  # incomplete: no result yet
            evaluate(guide, answers, content)
        return

    result = evaluate(guide, answers, content)
    assert "".join(f"{o.slug}/" for _q, o in result.answers) == vector["path"]
    for section, expected in vector["advice"].items():
        got = result.section(section).slugs()
        if isinstance(expected, list):
            assert got == expected, f"{section}: {got}"
        else:  # a ranked shortlist
            assert got[0] == expected["first"], got
            assert set(expected.get("includes", [])) <= set(got), got
            assert not set(expected.get("excludes", [])) & set(got), got
    for section, methods in vector.get("phases", {}).items():
        combo = result.section(section).combination
        assert [p.method.slug for p in combo.phases] == methods
    for slug_, questions in vector.get("because", {}).items():
        cited = _cited(result, slug_)
        assert sorted(set(cited)) == sorted(questions), f"{slug_}: {cited}"
    for method, questions in vector.get("watch", {}).items():
        ranked = next(rm for sr in result.sections for rm in sr.methods if rm.slug == method)
        assert sorted({m.question.slug for m in ranked.watch}) == sorted(questions)
    refs = _refs_of(result)
    for kind, slugs in vector.get("refs", {}).items():
        assert set(slugs) <= refs.get(kind, set()), f"{kind}: {sorted(refs.get(kind, set()))}"


def test_every_vector_path_is_a_page_of_the_guide(content):
    """The URL of each result vector is one of the pages the generator writes."""
    for slug, vector in VECTORS:
        if "path" in vector:
            paths = {step.path for step in walk(content.guides[slug]) if step.question is None}
            assert vector["path"] in paths, vector["name"]


def test_real_guides_pass_the_graph_check_and_stay_bounded(content):
    from generator.guides.check import GuideEntry

    assert set(content.guides) == GUIDES
    entries = {}
    for slug, guide in content.guides.items():
        from generator.load import load_document

        doc, errors = load_document(ROOT / "toolbox/guides" / f"{slug}.yaml", ROOT)
        assert not errors
        entries[slug] = GuideEntry(slug, guide, doc)
        assert page_count(guide) <= MAX_PAGES
    assert check_guides(content, entries) == []


def test_every_result_page_advises_and_explains(content):
    """Every reachable answer path ends in advice whose items each say why (or that they always apply)."""
    for guide in content.guides.values():
        for step in walk(guide):
            if step.question is not None:
                continue
            result = evaluate(guide, step.mapping, content)
            assert any(not sr.empty for sr in result.sections)
            for sr in result.sections:
                for rm in sr.methods:
                    assert rm.fits, rm.slug  # a listed method always has a reason to fit
                    assert any(m.question.slug in sr.section.require for m in rm.fits)


def test_rolkeuze_reaches_all_six_roles(content):
    guide = content.guides["rolkeuze"]
    roles = set()
    for step in walk(guide):
        if step.question is None:
            item = evaluate(guide, step.mapping, content).section("rol").items[0]
            roles.update(item.rule.roles)
    assert roles == set(content.ref("rollen").items)


def test_rolkeuze_explains_every_role_with_the_oude_wijken_lesson(content):
    guide = content.guides["rolkeuze"]
    for step in walk(guide):
        if step.question is None:
            result = evaluate(guide, step.mapping, content)
            assert "sterke-en-zwakke-wijken-andere-rol" in _refs_of(result)["lessons"], step.path


def test_money_amounts_come_from_the_letter(content, source_letter):
    """Every amount or percentage a guide mentions is written in the source letter."""
    import re

    letter_plain = source_letter.replace(" %", "%")
    for slug in content.guides:
        text = (ROOT / "toolbox/guides" / f"{slug}.yaml").read_text(encoding="utf-8")
        for amount in re.findall(r"\d[\d.]*\s*(?:euro|%)", text):
            assert amount.replace(" %", "%") in letter_plain, f"{slug}: {amount}"


# Tools that belong to residents (their funding) or that work for residents against a plan
# (counter-power): a plan-maker is never advised to use them as his own instrument.
RESIDENT_TOOLS = {"25-procent-regel", "buurtbudget", "wijkwethoudersbudget", "wijktop-3", "tegenmacht-buurtwerk"}


def test_plan_maker_is_never_advised_resident_tools(content):
    guide = content.guides["plan-in-de-wijk"]
    results = 0
    for step in walk(guide):
        if step.question is not None:
            continue
        results += 1
        for sr in evaluate(guide, step.mapping, content).sections:
            for item in sr.items:
                assert not RESIDENT_TOOLS & set(item.rule.methods), (step.path, item.slug)
            assert not RESIDENT_TOOLS & {m.slug for m in sr.methods}, step.path
    assert results == 4
    # The guide says so in words, on every result: they are for neighbours, not for the plan.
    rule = next(r for s in guide.sections for r in s.rules if r.slug == "niet-jouw-instrument")
    assert not rule.when and "Buren kunnen ze wel zelf gebruiken" in rule.text


def test_every_methodekeuzehulp_result_links_evidence(content):
    """Every shortlist links at least one Groningen case or lesson behind a listed method."""
    guide = content.guides["methodekeuzehulp"]
    for step in walk(guide):
        if step.question is not None:
            continue
        methods = evaluate(guide, step.mapping, content).section("methoden").methods
        assert any(content.cases_using(m.slug) or content.lessons_for_method(m.slug) for m in methods), step.path


# --- Methodekeuzehulp: who begins changes the advice; every why rests on the letter -------------

# Residents' own funding tools and counter-power (for residents, against a plan): never a plan-maker's.
PLAN_MAKER_NEVER = {"25-procent-regel", "buurtbudget", "wijkwethoudersbudget", "wijktop-3", "burgerbegroting", "tegenmacht-buurtwerk"}


def _mkh_results(content):
    guide = content.guides["methodekeuzehulp"]
    for step in walk(guide):
        if step.question is None:
            yield step, evaluate(guide, step.mapping, content)


def test_methodekeuzehulp_never_gives_a_developer_resident_tools(content):
    developer = 0
    for step, result in _mkh_results(content):
        if step.mapping["wie"] != "ontwikkelaar":
            continue
        developer += 1
        section = result.section("methoden")
        advised = {m.slug for m in section.methods}
        if section.combination:
            advised |= {p.method.slug for p in section.combination.phases if p.method}
        assert not PLAN_MAKER_NEVER & advised, (step.path, PLAN_MAKER_NEVER & advised)
        for sr in result.sections:
            for item in sr.items:
                assert not PLAN_MAKER_NEVER & set(item.rule.methods), (step.path, item.slug)
        # ... and points to the guide for plan-makers, saying neighbours may use those tools
        item = result.section("wie-begint").items[0]
        assert item.slug == "plan-maker" and "plan-in-de-wijk" in item.rule.guides, step.path
        assert "Buren kunnen deze instrumenten wel zelf gebruiken" in item.rule.text
    assert developer >= 20


def test_methodekeuzehulp_initiator_changes_the_advice(content):
    """The same question from four initiators gives four different shortlists or rules."""
    by_initiator: dict[str, set] = {}
    for step, result in _mkh_results(content):
        rest = tuple(sorted((q, o) for q, o in step.mapping.items() if q not in ("wie", "schaal", "middelen")))
        if step.mapping.get("schaal", "wijk-of-groter") == "wijk-of-groter" and step.mapping.get("middelen", "genoeg") == "genoeg":
            by_initiator.setdefault(rest, {})[step.mapping["wie"]] = tuple(result.section("methoden").slugs())
    changed = sum(1 for lists in by_initiator.values() if len(set(lists.values())) == len(lists) == 4)
    assert changed >= len(by_initiator) // 2, (changed, len(by_initiator))
    # Every initiator gets its own rule, with a lesson from the letter.
    seen = {}
    for step, result in _mkh_results(content):
        items = result.section("wie-begint").items
        assert len(items) == 1 and items[0].rule.lessons, step.path
        seen[step.mapping["wie"]] = items[0].slug
    assert len(set(seen.values())) == 4


def test_every_methodekeuzehulp_why_names_evidence_from_the_letter(content):
    """Each result's 'why' rests on a case or lesson, not only on the visitor's answers:
    the initiator rule and every combination name their evidence, and every listed method that
    has a case or lesson shows it in its 'why' (checked on the built page below)."""
    for step, result in _mkh_results(content):
        item = result.section("wie-begint").items[0]
        assert item.rule.lessons and (item.rule.cases or item.rule.guides), step.path
        combo = result.section("methoden").combination
        if combo:
            assert combo.combination.cases and combo.combination.lessons, (step.path, combo.combination.slug)


def test_methodekeuzehulp_phases_keep_the_letters_order(content):
    """Opinions are asked before the way out: a pilot never comes before the evening that showed
    the dilemma (Ossenmarkt), and every phase's method serves that phase's goal."""
    guide = content.guides["methodekeuzehulp"]
    for step, result in _mkh_results(content):
        combo = result.section("methoden").combination
        if not combo:
            continue
        slugs = [p.method.slug for p in combo.phases]
        assert len(set(slugs)) == len(slugs)
        for pick in combo.phases:
            method = content.methods[pick.method.slug]
            assert set(method.goals) & set(pick.phase.values), (step.path, pick.method.slug)
        if combo.combination.slug == "peilen-en-oplossen":
            assert slugs[0] != "pilot-met-evaluatie", step.path
            assert set(content.methods[slugs[0]].ladder) & {"informeren", "raadplegen"}, step.path
    titles = [[p.title for p in c.phases] for s in guide.sections for c in s.combinations]
    assert ["Draagvlak peilen", "Een uitweg zoeken"] in titles


def test_methodekeuzehulp_ranks_groningen_evidence_above_general(content):
    """For the same need (same goal match), a method a Groningen case used and that is not general
    never ranks below a general method with the same or one point fewer on the answers."""
    from generator.guides.engine import has_evidence

    for step, result in _mkh_results(content):
        methods = result.section("methoden").methods
        for i, upper in enumerate(methods):
            for lower in methods[i + 1 :]:
                if has_evidence(lower.slug, content) and not has_evidence(upper.slug, content):
                    assert upper.score > lower.score + 1, (step.path, upper.slug, lower.slug)
