"""Static pages for the decision guides, one per reachable answer prefix.

``/keuzehulpen/<guide>/`` is the start page with the first question; every
answer adds its option slug to the path (``/keuzehulpen/rolkeuze/groot/weinig/``),
so each step and each result is a real page that works without JavaScript and
can be bookmarked or shared. ``guides.js`` never decides anything itself: with
JavaScript, too, every step is an ordinary load of these same pages.
"""

from __future__ import annotations

from .. import layout
from ..content import Content
from ..marks import mark as provenance
from ..render import Renderer
from .engine import Step, evaluate, next_question, walk
from .schema import Guide

BASE = layout.KINDS["guides"].section

# Refs field -> the label of its list on a result page, in this order; what it points at and where
# that page is come from the layout (layout.GUIDE_REFERENCES, layout.page_path).
REF_KINDS: dict[str, str] = {
    "roles": "Rol van de gemeente",
    "criteria": "Criteria",
    "values": "Publieke waarden",
    "vragen": "Vragen",
    "stadsdelen": "Stadsdeel",
    "methods": "Methoden",
    "lessons": "Lessen",
    "cases": "Voorbeelden",
    "guides": "Keuzehulp",
}

# Visible words for each mark: advice is never told apart by colour alone.
MARKS = {
    "advies": ("➜", "Advies"),
    "past": ("✓", "Goed"),
    "let-op": ("!", "Let op"),
    "open": ("☐", "Nog doen"),
    "voldaan": ("☑", "Voldaan"),
    "info": ("", ""),
}

# Method fields as the method pages label them.
FIELD_LABELS = {
    "goals": ("Goed voor", "doelen"),
    "initiators": ("Wie begint", "initiatiefnemers"),
    "scales": ("Schaal", "schaalniveaus"),
    "ladder": ("Participatieniveau", "ladder"),
    "reaches": ("Bereikt vooral", "doelgroepen"),
    "misses": ("Mist vaak", "doelgroepen"),
    "roles": ("Rol gemeente", "rollen"),
    "effort": ("Inzet", "banden"),
    "cost": ("Kosten", "banden"),
    "duration": ("Duur", "banden"),
}


def guide_url(slug: str, step_answers=()) -> str:
    """Path of a guide page below the docs root, as a Markdown target."""
    return f"{BASE}/{slug}/" + "".join(f"{o.slug}/" for _q, o in step_answers) + "index.md"


class RefHelper:
    """Titles and targets of the letter content a guide points to (for templates)."""

    def __init__(self, content: Content):
        self.c = content

    def title(self, field: str, slug: str) -> str:
        if field == "methods":
            return self.c.methods[slug].title
        if field == "cases":
            return self.c.cases[slug].title
        if field == "lessons":
            return self.c.lessons[slug].title
        if field == "guides":
            return self.c.guides[slug].title
        return self.c.ref(layout.GUIDE_REFERENCES[field]).name(slug)

    def item(self, field: str, slug: str):
        return self.c.ref(layout.GUIDE_REFERENCES[field]).items[slug]

    @staticmethod
    def target(field: str, slug: str) -> str:
        return layout.page_path(layout.GUIDE_REFERENCES[field], slug)

    def wijken_by_stadsdeel(self, stadsdelen) -> tuple[list[tuple[str, list[str]]], list[str]]:
        """(stadsdeel name, its wijken) for each named stadsdeel, and the wijken placed nowhere."""
        wijken = self.c.ref("wijken").items.values()
        placed = [(self.title("stadsdelen", s), [w.name for w in wijken if w.stadsdeel == s]) for s in stadsdelen]
        return placed, [w.name for w in wijken if not w.stadsdeel]

    def vragen_groups(self, slugs) -> list[tuple[str, list[str]]]:
        """The fundamental questions grouped as in vragen.yaml, in first-seen order."""
        groups: dict[str, list[str]] = {}
        for s in slugs:
            groups.setdefault(self.item("vragen", s).group, []).append(s)
        return list(groups.items())

    def field_names(self, field: str, values) -> str:
        kind = FIELD_LABELS[field][1]
        return ", ".join(self.c.ref(kind).name(v) for v in values)


def condition_words(guide: Guide, cond) -> str:
    """A condition in plain Dutch: "Omvang van de opgave is ‘Groot’ en Energie is ‘Veel’ of ‘Wisselend’"."""
    questions = {q.slug: q for q in guide.questions}
    parts = []
    for qslug, options in cond.items():
        q = questions[qslug]
        labels = [f"‘{o.label}’" for o in q.options if o.slug in options]
        parts.append(f"{q.short} is " + " of ".join(labels))
    return " en ".join(parts)


def guide_pages(r: Renderer, c: Content) -> None:
    """The overview and every page of every guide (a section for ``pages.SECTIONS``)."""
    guides = sorted(c.guides.items(), key=lambda kv: (kv[1].order, kv[0]))
    common = {
        "refs": RefHelper(c),
        "ref_kinds": REF_KINDS,
        "marks": MARKS,
        "field_labels": FIELD_LABELS,
        "guide_url": guide_url,
        "condition_words": condition_words,
        "provenance": provenance,
    }
    r.page(f"{BASE}/index.md", "guides/index.md.j2", guides=guides, **common)
    for slug, guide in guides:
        for step in walk(guide):
            _page(r, c, slug, guide, step, common)


def _page(r: Renderer, c: Content, slug: str, guide: Guide, step: Step, common: dict) -> None:
    rel = guide_url(slug, step.answers)
    context = dict(common, slug=slug, guide=guide, step=step, number=len(step.answers) + 1)
    if step.question is not None:
        # Which answers end the guide: their link says so and leads to the result.
        ends = {o.slug: next_question(guide, {**step.mapping, step.question.slug: o.slug}) is None for o in step.question.options}
        r.page(rel, "guides/step.md.j2", ends=ends, **context)
    else:
        r.page(rel, "guides/result.md.j2", result=evaluate(guide, step.mapping, c), **context)
