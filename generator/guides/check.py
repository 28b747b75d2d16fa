"""The build-time graph check: walk every reachable answer path of every guide.

A guide is a small state machine, so it can be checked completely: every
reachable combination of answers is evaluated. Reported, at the YAML position of
the cause:

* too many pages (each reachable answer prefix is a static page);
* dead ends: a path on which a required section gives no advice, or a phase of a
  combination for which no method exists;
* advice that is never given: a rule or combination no path reaches (or that an
  earlier rule in a 'first' section always takes first);
* questions that are never asked, because their ``ask_if`` never matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ContentError
from ..load import Document
from .engine import evaluate, fires, walk
from .schema import Guide

# Each reachable prefix is one page. 700 pages take MkDocs about 9 s on the
# build machine; beyond that a guide needs fewer options or grouped questions.
MAX_PAGES = 700
EXAMPLES = 1  # answer combinations quoted per dead end


@dataclass(frozen=True)
class GuideEntry:
    """A validated guide with the document it came from (for positions in messages)."""

    slug: str
    model: Guide
    doc: Document


def check_guides(content, guides: dict[str, GuideEntry]) -> list[ContentError]:
    errors: list[ContentError] = []
    for entry in guides.values():
        errors.extend(check_guide(entry, content))
    return errors


def _describe(answers) -> str:
    return ", ".join(f"{q.slug}: {o.slug}" for q, o in answers)


def check_guide(entry: GuideEntry, content) -> list[ContentError]:
    guide, doc = entry.model, entry.doc
    steps = list(walk(guide, limit=MAX_PAGES + 1))
    if len(steps) > MAX_PAGES:
        return [
            doc.error(
                ("questions",),
                f"deze keuzehulp heeft meer dan {MAX_PAGES} pagina's (één per combinatie van antwoorden); gebruik minder antwoorden per vraag, of stel een vraag alleen als hij ertoe doet ('ask_if').",
                key=True,
            )
        ]

    asked: set[str] = set()
    fired: set[str] = set()
    matched: set[str] = set()  # rules whose condition held somewhere: unused ones are shadowed
    combos: set[str] = set()
    dead: dict[tuple, list] = {}
    for step in steps:
        if step.question is not None:
            asked.add(step.question.slug)
            continue
        result = evaluate(guide, step.mapping, content)
        for si, sr in enumerate(result.sections):
            fired.update(sr.slugs() if sr.items else ())
            for rule in sr.section.rules:
                if fires(rule, step.mapping):
                    matched.add(rule.slug)
            if sr.section.required and sr.empty:
                dead.setdefault(("sections", si), []).append(step.answers)
            if sr.combination:
                ci = sr.section.combinations.index(sr.combination.combination)
                combos.add(sr.combination.combination.slug)
                for pi, pick in enumerate(sr.combination.phases):
                    if pick.method is None:
                        dead.setdefault(("sections", si, "combinations", ci, "phases", pi), []).append(step.answers)

    errors = []
    for loc, paths in dead.items():
        rest = len(paths) - EXAMPLES
        more = f" (en nog {rest} andere {'combinatie' if rest == 1 else 'combinaties'})" if rest > 0 else ""
        what = "deze fase heeft geen passende methode" if "phases" in loc else "dit onderdeel geeft geen advies"
        errors.append(
            doc.error(
                loc,
                f"doodlopend pad: bij de antwoorden '{_describe(paths[0])}'{more} {what}. Voeg een regel toe die hier past, of maak de voorwaarden ruimer.",
                key=True,
            )
        )
    for qi, q in enumerate(guide.questions):
        if q.slug not in asked:
            errors.append(
                doc.error(
                    ("questions", qi, "ask_if"),
                    f"vraag '{q.slug}' wordt nooit gesteld: geen enkele combinatie van eerdere antwoorden past bij 'ask_if'.",
                    key=True,
                )
            )
    for si, section in enumerate(guide.sections):
        for ri, rule in enumerate(section.rules):
            if rule.slug in fired:
                continue
            if rule.slug in matched:
                why = "een eerdere regel in dit onderdeel ('mode: first') geeft altijd eerst advies"
            else:
                why = "geen enkele combinatie van antwoorden past bij 'when'" + (" en 'unless'" if rule.unless else "")
            errors.append(doc.error(("sections", si, "rules", ri, "slug"), f"regel '{rule.slug}' geeft nooit advies: {why}."))
        for ci, combo in enumerate(section.combinations):
            if combo.slug not in combos:
                errors.append(
                    doc.error(
                        ("sections", si, "combinations", ci, "slug"),
                        f"combinatie '{combo.slug}' wordt nooit voorgesteld: geen enkele combinatie van antwoorden past, of een eerdere combinatie past altijd eerst.",
                    )
                )
    return errors


def page_count(guide) -> int:
    return sum(1 for _ in walk(guide))
