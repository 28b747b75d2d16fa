"""The one evaluation engine for decision guides.

A guide asks its questions in file order; a question with ``ask_if`` is only
asked when the earlier answers match. ``walk`` enumerates every reachable answer
prefix (each becomes a static page), ``evaluate`` turns a complete set of answers
into advice. Every piece of advice carries the answers that caused it, so a
result page can say *why*. Nothing here renders or reads files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

from .schema import Combination, Condition, Fit, Guide, Option, Phase, Question, Rule, Section

Answer = tuple[Question, Option]


class GuideAnswerError(ValueError):
    """Answers that do not fit the guide (unknown option, question not asked, incomplete)."""


def matches(cond: Condition, answers: Mapping[str, str]) -> bool:
    return all(answers.get(q) in options for q, options in cond.items())


def is_asked(question: Question, answers: Mapping[str, str]) -> bool:
    return question.ask_if is None or matches(question.ask_if, answers)


def next_question(guide: Guide, answers: Mapping[str, str]) -> Question | None:
    """The first question that is asked and not answered yet; None when complete."""
    for q in guide.questions:
        if q.slug not in answers and is_asked(q, answers):
            return q
    return None


@dataclass(frozen=True)
class Step:
    """A reachable answer prefix: a step page (``question`` set) or a result page."""

    answers: tuple[Answer, ...]
    question: Question | None

    @property
    def path(self) -> str:
        """The URL part below the guide, e.g. 'groot/weinig/' ('' for the start page)."""
        return "".join(f"{o.slug}/" for _q, o in self.answers)

    @property
    def mapping(self) -> dict[str, str]:
        return {q.slug: o.slug for q, o in self.answers}


def walk(guide: Guide, limit: int | None = None) -> Iterator[Step]:
    """Every reachable prefix, depth first, parents before children.

    Stops after ``limit`` steps so a guide with an exploding number of answer
    combinations is reported instead of hanging the build.
    """
    count = 0
    stack: list[tuple[Answer, ...]] = [()]
    while stack:
        answers = stack.pop()
        mapping = {q.slug: o.slug for q, o in answers}
        question = next_question(guide, mapping)
        yield Step(answers, question)
        count += 1
        if limit is not None and count >= limit:
            return
        if question is not None:
            stack.extend(answers + ((question, option),) for option in reversed(question.options))


def resolve(guide: Guide, answers: Mapping[str, str]) -> tuple[Answer, ...]:
    """Check a complete set of answers against the guide; return them in asking order."""
    given = dict(answers)
    ordered: list[Answer] = []
    so_far: dict[str, str] = {}
    while (q := next_question(guide, so_far)) is not None:
        if q.slug not in given:
            raise GuideAnswerError(f"vraag '{q.slug}' is niet beantwoord")
        option = next((o for o in q.options if o.slug == given[q.slug]), None)
        if option is None:
            raise GuideAnswerError(f"vraag '{q.slug}' heeft geen antwoord '{given[q.slug]}'")
        ordered.append((q, option))
        so_far[q.slug] = option.slug
    extra = set(given) - set(so_far)
    if extra:
        raise GuideAnswerError(f"deze vragen worden bij deze antwoorden niet gesteld: {', '.join(sorted(extra))}")
    return tuple(ordered)


# --- results ------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One piece of advice from a rule, with the answers that triggered it."""

    rule: Rule
    because: tuple[Answer, ...]

    @property
    def slug(self) -> str:
        return self.rule.slug


@dataclass(frozen=True)
class Match:
    """An answer whose ``fit`` matched a method field."""

    question: Question
    option: Option
    fit: Fit
    values: tuple[str, ...]  # the method's values that matched


@dataclass(frozen=True)
class RankedMethod:
    slug: str
    score: int
    fits: tuple[Match, ...]  # reasons why it fits
    watch: tuple[Match, ...]  # answers that conflict with it

    def questions(self) -> list[str]:
        return [m.question.slug for m in self.fits]


@dataclass(frozen=True)
class PhasePick:
    phase: Phase
    method: RankedMethod | None


@dataclass(frozen=True)
class CombinationResult:
    combination: Combination
    because: tuple[Answer, ...]
    phases: tuple[PhasePick, ...]


@dataclass(frozen=True)
class SectionResult:
    section: Section
    items: tuple[Item, ...] = ()
    methods: tuple[RankedMethod, ...] = ()
    combination: CombinationResult | None = None

    @property
    def empty(self) -> bool:
        return not self.items and not self.methods

    def slugs(self) -> list[str]:
        """What this section advises: rule slugs, or method slugs in rank order."""
        return [i.slug for i in self.items] or [m.slug for m in self.methods]


@dataclass(frozen=True)
class Result:
    guide: Guide
    answers: tuple[Answer, ...]
    sections: tuple[SectionResult, ...] = field(default=())

    def section(self, slug: str) -> SectionResult:
        return next(s for s in self.sections if s.section.slug == slug)


def evaluate(guide: Guide, answers: Mapping[str, str], content) -> Result:
    """Advice for a complete set of answers. ``content``: the methods and cases (for rank sections)."""
    ordered = resolve(guide, answers)
    mapping = {q.slug: o.slug for q, o in ordered}
    sections = tuple(_evaluate_section(s, ordered, mapping, content) for s in guide.sections)
    return Result(guide, ordered, sections)


def _because(cond: Condition, answers: tuple[Answer, ...]) -> tuple[Answer, ...]:
    return tuple((q, o) for q, o in answers if q.slug in cond)


def fires(rule: Rule, mapping: Mapping[str, str]) -> bool:
    return matches(rule.when, mapping) and not (rule.unless and matches(rule.unless, mapping))


def _evaluate_section(section: Section, answers, mapping, content) -> SectionResult:
    if section.mode == "rank":
        return _rank(section, answers, mapping, content)
    items = []
    passed: dict = {}  # 'first': earlier rules that did not match are part of the reason too
    for rule in section.rules:
        if fires(rule, mapping):
            items.append(Item(rule, _because({**passed, **rule.when, **rule.unless}, answers)))
            if section.mode == "first":
                break
        elif section.mode == "first":
            passed.update(rule.when)
            passed.update(rule.unless)
    return SectionResult(section, items=tuple(items))


def _field_values(method, name: str) -> tuple[str, ...]:
    value = getattr(method, name)
    return value if isinstance(value, tuple) else (value,)


def score_methods(answers: tuple[Answer, ...], methods: Mapping[str, object]) -> dict[str, RankedMethod]:
    """Score every method from the ``fit`` of each answer against the method's own fields."""
    scored = {}
    for slug, method in methods.items():
        score, fits, watch = 0, [], []
        for q, o in answers:
            for fit in o.fit:
                hit = tuple(v for v in _field_values(method, fit.field) if v in fit.values)
                if hit:
                    score += fit.points
                    (fits if fit.points > 0 else watch).append(Match(q, o, fit, hit))
        scored[slug] = RankedMethod(slug, score, tuple(fits), tuple(watch))
    return scored


EVIDENCE_BONUS = 1  # a method Groningen used (a case, and not a general description) ranks above a general one


def has_evidence(slug: str, content) -> bool:
    """The letter shows the method at work: a case uses it and its description is not general."""
    return bool(content.cases_using(slug)) and not content.methods[slug].general


def _sort_key(ranked: RankedMethod, content) -> tuple:
    """Most points first, a Groningen method with evidence counting one point more than a general
    one for the same need; on a tie, first the method with evidence, then the one with more cases."""
    bonus = EVIDENCE_BONUS if has_evidence(ranked.slug, content) else 0
    return (
        -(ranked.score + bonus),
        -bonus,
        -len(content.cases_using(ranked.slug)),
        content.methods[ranked.slug].title.casefold(),
        ranked.slug,
    )


def excluded(section: Section, mapping: Mapping[str, str]) -> set[str]:
    """Methods this section never lists for these answers (e.g. residents' tools for a plan-maker)."""
    return {m for ex in section.exclude if matches(ex.when, mapping) for m in ex.methods}


def _rank(section: Section, answers, mapping, content) -> SectionResult:
    methods = content.methods
    scored = score_methods(answers, methods)
    required = [q for q in section.require if q in mapping]
    left_out = excluded(section, mapping)
    scored = {s: r for s, r in scored.items() if s not in left_out}
    listed = [r for r in scored.values() if r.score > 0 and all(any(m.question.slug == q for m in r.fits) for q in required)]
    listed.sort(key=lambda r: _sort_key(r, content))
    combination = None
    for combo in section.combinations:
        if matches(combo.when, mapping):
            combination = _combine(combo, answers, scored, content)
            break
    return SectionResult(section, methods=tuple(listed[: section.limit]), combination=combination)


def _combine(combo: Combination, answers, scored: dict[str, RankedMethod], content) -> CombinationResult:
    """Per phase the best-scoring method that serves it, each method used once."""
    used: set[str] = set()
    picks = []
    for phase in combo.phases:
        candidates = [
            scored[s]
            for s, m in content.methods.items()
            if s in scored
            and s not in used
            and set(_field_values(m, phase.field)) & set(phase.values)
            and (not phase.ladder or set(m.ladder) & set(phase.ladder))
        ]
        candidates.sort(key=lambda r: _sort_key(r, content))
        pick = candidates[0] if candidates else None
        if pick:
            used.add(pick.slug)
        picks.append(PhasePick(phase, pick))
    return CombinationResult(combo, _because(combo.when, answers), tuple(picks))
