"""Faceted browsing: one static listing page per facet value, and the filter on the overviews.

Without JavaScript, every facet value has its own page (``/methoden/niveau/meebeslissen/``),
linked from the overview with its count. With JavaScript, ``theme/assets/js/filter.js``
builds a filter panel on the overview. The overview's own list is its data: each list item
carries its facet values as value numbers (``data-tp-f``, see ``codes()``), and the filter
panel's mount carries the facet labels and value names (``definitions()``). So the page
sends every entry once, not once as HTML and again as a data file (at 2,000 cases that
second copy was 190 KB gzip), and the numbers and their names always come from the same
build. Pages, codes and definitions all come from one function, ``facets()``, so the pages
and the filter cannot disagree; a browser test checks that they do not.

The compare page (``compare.js``) does load a data file, ``assets/data/compare-methods.js``:
a script that sets a global, because a folder opened via file:// cannot fetch JSON.

The allowed values of each facet come from ``toolbox/reference/*.yaml`` (or, for a
case's method and year, from the content itself); only the facet *labels* live here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from .content import Content
from .marks import MARKS

DATA_DIR = "assets/data"
COMPARE_PAGE = "methoden/vergelijk.md"


@dataclass(frozen=True)
class Value:
    slug: str
    name: str
    description: str
    items: tuple[str, ...]  # slugs of the entries that have this value, in overview order


@dataclass(frozen=True)
class Facet:
    kind: str  # "methods" or "cases"
    key: str  # URL segment, e.g. "niveau"
    label: str  # "Participatieniveau"
    values: tuple[Value, ...]
    of: dict  # entry slug -> the value slugs it has, in value order
    intro: tuple[str, ...] = ()  # the reference file's intro: what this facet means (own words)

    @property
    def base(self) -> str:
        return SECTIONS[self.kind][0]

    def path(self, value: str) -> str:
        return f"{self.base}/{self.key}/{value}.md"

    def index_path(self) -> str:
        return f"{self.base}/{self.key}/index.md"


# kind -> (folder, plural noun, singular noun)
SECTIONS = {"methods": ("methoden", "methoden", "methode"), "cases": ("voorbeelden", "voorbeelden", "voorbeeld")}


@dataclass(frozen=True)
class _Ref:
    """A facet whose values are a reference file's items. The same file's intro explains the
    facet on its index page, so the file is named once, here."""

    kind: str
    where: Callable = lambda item: True
    order: str | None = None

    def __call__(self, c: Content):
        items = [i for i in c.ref(self.kind) if self.where(i)]
        if self.order:
            items.sort(key=lambda i: getattr(i, self.order))
        return [(i.slug, i.name, i.description or "") for i in items]


def _band(dimension: str) -> _Ref:
    return _Ref("banden", lambda i: i.dimension == dimension, order="rank")


def case_years(case) -> list[int]:
    """The years a case was active: its period (start to end) and the years of its timeline.

    An ongoing case without an end year counts only the years the source names; the
    site never invents the years in between and today.
    """
    years: set[int] = set()
    p = case.period
    if p and p.start and p.end:
        years.update(range(p.start, p.end + 1))
    elif p:
        years.update(y for y in (p.start, p.end) if y)
    years.update(e.year for e in case.timeline)
    return sorted(years)


# (key, label, values(content) -> [(slug, name, description)], values of one entry)
METHOD_FACETS = [
    ("niveau", "Participatieniveau", _Ref("ladder", order="rank"), lambda m: m.ladder),
    ("doel", "Goed voor", _Ref("doelen"), lambda m: m.goals),
    ("schaal", "Schaal", _Ref("schaalniveaus"), lambda m: m.scales),
    ("wie-begint", "Wie begint", _Ref("initiatiefnemers"), lambda m: m.initiators),
    ("rol", "Rol van de gemeente", _Ref("rollen"), lambda m: m.roles),
    ("inzet", "Inzet", _band("inzet"), lambda m: (m.effort,) if m.effort else ()),
    ("kosten", "Kosten", _band("kosten"), lambda m: (m.cost,) if m.cost else ()),
    ("duur", "Duur", _band("duur"), lambda m: (m.duration,) if m.duration else ()),
    ("bereik", "Bereikt vooral", _Ref("doelgroepen"), lambda m: m.reaches),
]

CASE_FACETS = [
    ("stadsdeel", "Stadsdeel", _Ref("stadsdelen"), lambda k: (k.stadsdeel,)),
    ("wijk", "Wijk", _Ref("wijken"), lambda k: k.wijken),
    ("thema", "Thema", _Ref("themas"), lambda k: k.themes),
    (
        "methode",
        "Methode",
        lambda c: sorted(((s, m.title, m.summary) for s, m in c.methods.items()), key=lambda v: v[1].lower()),
        lambda k: k.methods,
    ),
    ("initiatief-van", "Initiatief van", _Ref("initiatiefnemers"), lambda k: (k.initiator,) if k.initiator else ()),
    (
        "jaar",
        "Jaar",
        lambda c: [(str(y), str(y), "") for y in sorted({y for k in c.cases.values() for y in case_years(k)})],
        lambda k: tuple(str(y) for y in case_years(k)),
    ),
]


def ordered_entries(c: Content, kind: str) -> list[tuple[str, object]]:
    """Entries in the order listings show them: alphabetical by title."""
    entries = c.methods if kind == "methods" else c.cases
    return sorted(entries.items(), key=lambda kv: (kv[1].title.lower(), kv[0]))


def facets(c: Content, kind: str) -> list[Facet]:
    spec = METHOD_FACETS if kind == "methods" else CASE_FACETS
    entries = ordered_entries(c, kind)
    out = []
    for key, label, values_of, entry_values in spec:
        members: dict[str, list[str]] = {}
        for slug, entry in entries:
            for v in entry_values(entry):
                members.setdefault(v, []).append(slug)
        values = tuple(Value(s, n, d, tuple(members.get(s, ()))) for s, n, d in values_of(c))
        of: dict[str, list[str]] = {slug: [] for slug, _ in entries}
        for v in values:
            for slug in v.items:
                of[slug].append(v.slug)
        intro = tuple(c.ref(values_of.kind).intro) if isinstance(values_of, _Ref) else ()
        out.append(Facet(kind, key, label, values, of, intro))
    return out


def definitions(c: Content, kind: str) -> dict:
    """What the filter panel needs besides the list on the page: labels and value names.

    The value order is the order of ``codes()``' numbers.
    """
    return {
        "kind": kind,
        "noun": SECTIONS[kind][1],
        "singular": SECTIONS[kind][2],
        "compare": COMPARE_PAGE if kind == "methods" else None,
        "facets": [
            {"key": f.key, "label": f.label, "values": [{"slug": v.slug, "name": v.name} for v in f.values]}
            for f in c.facets(kind)
        ],
    }


def codes(c: Content, kind: str) -> dict[str, Markup]:
    """Each entry's facet values, compact enough to ride along on its list item.

    Per facet (in ``definitions()`` order, separated by ";") the positions of the entry's
    values in that facet's value list (separated by spaces): "4;0;;0 1 8;;". Numbers
    instead of slugs: at 2,000 cases slugs would add 54 KB gzip to the overview, numbers 24 KB.
    Digits, spaces and ";" only, so the string is safe in Markdown and in an attribute.
    """
    fs = c.facets(kind)
    position = [{v.slug: str(i) for i, v in enumerate(f.values)} for f in fs]
    return {
        slug: Markup(";".join(" ".join(pos[v] for v in f.of[slug]) for f, pos in zip(fs, position)))
        for slug, _ in ordered_entries(c, kind)
    }


def overview_context(c: Content, kind: str) -> dict:
    """Template variables for an overview page with the filter (``facets/overview.md.j2``)."""
    return {
        "filter_definitions": json.dumps(definitions(c, kind), ensure_ascii=False, separators=(",", ":")),
        "filter_codes": codes(c, kind),
    }


# Method field -> row of the compare table, for the "inschatting van de redactie" marks.
COMPARE_ROWS = {"ladder": "niveau", "reaches": "bereik", "effort": "inzet", "cost": "kosten", "duration": "duur", "misses": "misses"}


def compare_data(c: Content) -> dict:
    """What ``compare.js`` needs: every method with its facet values, misses, pitfalls and cases,
    which rows are editorial estimates, and the provenance marks' texts (generator/marks.py)."""
    fs = c.facets("methods")
    names = c.ref("doelgroepen").items
    items = []
    for slug, entry in ordered_entries(c, "methods"):
        items.append({
            "slug": slug,
            "title": entry.title,
            "path": f"{SECTIONS['methods'][0]}/{slug}.md",
            "facets": {f.key: f.of[slug] for f in fs},
            "misses": [names[s].name for s in entry.misses if s in names],
            "pitfalls": [[p, p.mark] if getattr(p, "mark", None) else p for p in entry.pitfalls],
            "estimates": [COMPARE_ROWS[f] for f in getattr(entry, "estimates", ()) if f in COMPARE_ROWS],
            "cases": [[c.cases[s].title, f"voorbeelden/{s}.md"] for s in c.cases_using(slug)],
        })
    return {
        "facets": [{"key": f.key, "label": f.label, "values": [{"slug": v.slug, "name": v.name} for v in f.values]} for f in fs],
        "items": items,
        "marks": {kind: list(texts) for kind, texts in MARKS.items()},
    }


def write_data(c: Content, out: Path) -> Path:
    payload = json.dumps(compare_data(c), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    folder = out / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "compare-methods.js"
    path.write_text(f"window.TP_COMPARE={payload};\n", encoding="utf-8")
    return path


def facet_pages(r, c: Content) -> None:
    """Listing pages per facet value, an index page per facet, the compare page and its
    data (a section function for ``pages.SECTIONS``). An entry named like a facet folder is
    refused by validation (``reserved.py``), before anything is rendered."""
    for kind in SECTIONS:
        for f in c.facets(kind):
            r.page(f.index_path(), "facets/facet_index.md.j2", f=f)
            for v in f.values:
                r.page(f.path(v.slug), "facets/value.md.j2", f=f, v=v)
    r.page(COMPARE_PAGE, "compare/page.md.j2")
    write_data(c, r.out)
