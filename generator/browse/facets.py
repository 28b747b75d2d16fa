"""Faceted browsing: one static listing page per facet value, and the filter on the overviews.

Without JavaScript, every facet value has its own page (``/methoden/niveau/meebeslissen/``),
linked from the overview with its count. With JavaScript, ``theme/assets/js/filter.js`` builds a filter
panel on the overview. The overview's own list is its data: each list item carries its
facet values as value numbers (``data-tp-f``, see ``codes()``), and the filter panel's
mount carries the facet labels and value names (``definitions()``). So the page sends
every entry once, not once as HTML and again as a data file (at 2,000 cases that second
copy was 190 KB gzip), and the numbers and their names always come from the same build.
Pages, codes and definitions all come from one function, ``facets()``, so the pages and
the filter cannot disagree; a browser test checks that they do not.

Which facets exist, their labels and fields are the content layout (``layout.FACETS``);
their allowed values come from the reference file the field points at
(``layout.REFERENCES``), or, for a case's method and year, from the content itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from .. import layout
from ..content import Content


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

    def path(self, value: str) -> str:
        return layout.facet_path(self.kind, self.key, value)

    def index_path(self) -> str:
        return layout.facet_path(self.kind, self.key)


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


def _values(c: Content, kind: str, spec: layout.Facet) -> list[tuple[str, str, str]]:
    """A facet's values as (slug, name, description), in the order the pages list them."""
    source = spec.source(kind)
    if source == layout.YEARS:
        return [(str(y), str(y), "") for y in sorted({y for k in c.cases.values() for y in case_years(k)})]
    if source in layout.KINDS:  # another kind's entries, by title
        entries = getattr(c, source)
        return sorted(((s, e.title, e.summary) for s, e in entries.items()), key=lambda v: v[1].lower())
    ref, _, dimension = source.partition(":")
    items = [i for i in c.ref(ref) if not dimension or i.dimension == dimension]
    if items and hasattr(items[0], "rank"):  # ladder levels and bands: from least to most
        items.sort(key=lambda i: i.rank)
    return [(i.slug, i.name, i.description or "") for i in items]


def _values_of(entry, spec: layout.Facet) -> tuple[str, ...]:
    """The values one entry has for a facet: a list field, a single field, or its years."""
    if spec.field == layout.YEARS:
        return tuple(str(y) for y in case_years(entry))
    value = getattr(entry, spec.field)
    if isinstance(value, tuple):
        return value
    return (value,) if value else ()


def _intro(c: Content, kind: str, spec: layout.Facet) -> tuple[str, ...]:
    """The reference file's intro explains the facet on its index page."""
    ref = spec.source(kind).partition(":")[0]
    return tuple(c.ref(ref).intro) if ref in c.reference else ()


def ordered_entries(c: Content, kind: str) -> list[tuple[str, object]]:
    """Entries in the order listings show them: alphabetical by title."""
    entries = getattr(c, kind)
    return sorted(entries.items(), key=lambda kv: (kv[1].title.lower(), kv[0]))


def facets(c: Content, kind: str) -> list[Facet]:
    entries = ordered_entries(c, kind)
    out = []
    for spec in layout.FACETS[kind]:
        members: dict[str, list[str]] = {}
        for slug, entry in entries:
            for v in _values_of(entry, spec):
                members.setdefault(v, []).append(slug)
        values = tuple(Value(s, n, d, tuple(members.get(s, ()))) for s, n, d in _values(c, kind, spec))
        of: dict[str, list[str]] = {slug: [] for slug, _ in entries}
        for v in values:
            for slug in v.items:
                of[slug].append(v.slug)
        out.append(Facet(kind, spec.key, spec.label, values, of, _intro(c, kind, spec)))
    return out


def definitions(b, kind: str) -> dict:
    """What the filter panel needs besides the list on the page: labels and value names.

    ``b`` is the build's ``Browse`` (its facets are worked out once). The value order is
    the order of ``codes()``' numbers.
    """
    section = layout.KINDS[kind]
    return {
        "kind": kind,
        "noun": section.plural,
        "singular": section.singular,
        "compare": layout.COMPARE_PAGE if layout.COMPARE_PAGE.startswith(section.section + "/") else None,
        "facets": [
            {"key": f.key, "label": f.label, "values": [{"slug": v.slug, "name": v.name} for v in f.values]} for f in b.facets(kind)
        ],
    }


def codes(b, kind: str) -> dict[str, Markup]:
    """Each entry's facet values, compact enough to ride along on its list item.

    Per facet (in ``definitions()`` order, separated by ";") the positions of the entry's
    values in that facet's value list (separated by spaces): "4;0;;0 1 8;;". Numbers
    instead of slugs: at 2,000 cases slugs would add 54 KB gzip to the overview, numbers 24 KB.
    Digits, spaces and ";" only, so the string is safe in Markdown and in an attribute.
    """
    fs = b.facets(kind)
    position = [{v.slug: str(i) for i, v in enumerate(f.values)} for f in fs]
    return {
        slug: Markup(";".join(" ".join(pos[v] for v in f.of[slug]) for f, pos in zip(fs, position)))
        for slug, _ in ordered_entries(b.content, kind)
    }


def overview_context(b, kind: str) -> dict:
    """Template variables for an overview page with the filter (``facets/overview.md.j2``)."""
    return {
        "filter_definitions": json.dumps(definitions(b, kind), ensure_ascii=False, separators=(",", ":")),
        "filter_codes": codes(b, kind),
    }


def facet_pages(r, c: Content) -> None:
    """Listing pages per facet value and an index page per facet (a section function for
    ``pages.SECTIONS``). An entry named like a facet folder is refused by validation
    (``layout.reserved_for``), before anything is rendered."""
    for kind in layout.FACETS:
        for f in r.browse.facets(kind):
            r.page(f.index_path(), "facets/facet_index.md.j2", f=f)
            for v in f.values:
                r.page(f.path(v.slug), "facets/value.md.j2", f=f, v=v)
