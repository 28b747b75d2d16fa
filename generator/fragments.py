"""Markdown fragments that many pages repeat: lists of cases, methods and lessons, names, sources.

These were Jinja macros. At 2,000 cases they ran ~60,000 times per build and Jinja's macro
machinery (a new context per call, finalize + escape per expression) was the largest part of
the case pages' cost. Here they are plain Python with the same escaping (``md_escape``) and
byte-for-byte the same output; an item that appears on many pages (a case in a list, a
reference name) is escaped once per build and reused. Templates call them as
``frag.case_list(slugs)``.
"""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from .content import Content
from .escape import md_escape, md_link
from .layout import page_path
from .marks import mark


class FragmentCache:
    """Per-build caches of escaped items, shared by every page of one build."""

    def __init__(self, content: Content):
        self.content = content
        self.names: dict[tuple[str, str], str] = {}
        self.items: dict[tuple[str, str, str], str] = {}  # (kind, slug, up) -> list line


class Fragments:
    """The fragments for one page: ``up`` is the relative path from that page to the docs root."""

    def __init__(self, cache: FragmentCache, up: str):
        self._cache = cache
        self._c = cache.content
        self._up = up

    def _link(self, text, target: str) -> str:
        return md_link(text, self._up, target)

    def _name(self, kind: str, slug: str) -> str:
        key = (kind, slug)
        names = self._cache.names
        if key not in names:
            names[key] = md_escape(self._c.ref(kind).name(slug))
        return names[key]

    def names(self, kind: str, slugs) -> Markup:
        """'A, B, C': the display names of reference slugs."""
        return Markup(", ".join(self._name(kind, s) for s in slugs))

    def _item(self, kind: str, slug: str) -> str:
        key = (kind, slug, self._up)
        items = self._cache.items
        if key not in items:
            c = self._c
            if kind == "case":
                case = c.cases[slug]
                line = f"- {self._link(case.title, page_path('cases', slug))}: {md_escape(case.summary)}"
            elif kind == "method":
                method = c.methods[slug]
                line = f"- {self._link(method.title, page_path('methods', slug))}: {md_escape(method.summary)}"
            else:
                lesson = c.lessons[slug]
                line = f"- **{self._link(lesson.title, page_path('lessons', slug))}** {md_escape(lesson.claim)}"
            items[key] = line
        return items[key]

    def case_list(self, slugs) -> Markup:
        return Markup("".join(self._item("case", s) + "\n" for s in slugs))

    def method_list(self, slugs) -> Markup:
        return Markup("".join(self._item("method", s) + "\n" for s in slugs))

    def lesson_list(self, slugs) -> Markup:
        return Markup("".join(self._item("lesson", s) + "\n" for s in slugs))

    def paragraphs(self, items) -> Markup:
        """Each item a paragraph, followed by a blank line; general advice carries its mark."""
        return Markup("".join(self.text(p) + "\n\n" for p in items))

    def bullets(self, items) -> Markup:
        return Markup("".join(f"- {self.text(p)}\n" for p in items))

    def text(self, value) -> Markup:
        """A text, escaped, followed by its provenance mark when it has one (schema.Statement)."""
        kind = getattr(value, "mark", None)
        return Markup(md_escape(value) + (" " + mark(kind) if kind else ""))

    def mark(self, kind: str) -> Markup:
        return mark(kind)

    def estimate(self, entry, field: str) -> Markup:
        """The 'inschatting van de redactie' mark when the entry lists ``field`` in its estimates."""
        return Markup(" " + mark("redactie")) if field in getattr(entry, "estimates", ()) else Markup("")

    def sources(self, refs) -> Markup:
        """One 'Bron:' line per source document (sorted by slug), its sections in order.

        A dated source says when it was written ("brief van het college, najaar 2018"), so a
        reader never takes the letter's "now" for today.
        """
        lines = []
        docs = self._c.ref("bronnen").items
        for doc, group in groupby(sorted(refs, key=lambda r: r.doc), key=lambda r: r.doc):
            group = list(group)
            src = docs[doc]
            word = "onderdeel" if len(group) == 1 else "onderdelen"
            sections = ", ".join(f'"{md_escape(r.section)}"' for r in group)
            if src.published is None:
                name = self._link(src.name, page_path("bronnen", doc))
                lines.append(f'- Bron: {md_escape(src.author)}, "{name}", {word} {sections}.\n')
                continue
            name = self._link(src.short or src.name, page_path("bronnen", doc))
            lines.append(f"- Bron: {name}, {md_escape(published(src))} — {word} {sections}.{_covers(src)}\n")
        return Markup("".join(lines))

    def reviewed(self, refs, date) -> Markup:
        """'Laatst vergeleken met de brief van het college (najaar 2018): 27 november 2026'.

        Says against which source the entry was checked; without a dated source only the date.
        """
        docs = self._c.ref("bronnen").items
        dated = sorted({r.doc for r in refs if docs[r.doc].published is not None})
        when = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
        if not dated:
            return Markup(f"Laatst gecontroleerd: {when}")
        against = " en ".join(f"{_the(docs[d])} ({md_escape(published(docs[d]))})" for d in dated)
        return Markup(f"Laatst vergeleken met {against}: {when}")

    def as_of(self, refs) -> int | None:
        """The year the entry's sources speak from (the latest publication year), or None."""
        docs = self._c.ref("bronnen").items
        years = [docs[r.doc].published.year for r in refs if docs[r.doc].published is not None]
        return max(years) if years else None


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def published(src) -> str:
    """'najaar 2018' or '2018': when a source was written."""
    date = src.published
    return f"{date.season} {date.year}" if date.season else str(date.year)


def _the(src) -> str:
    """'de brief van het college' from the short name, else the title in quotes."""
    return f"de {md_escape(src.short)}" if src.short else f'"{md_escape(src.name)}"'


def _covers(src) -> str:
    period = src.covers
    if period is None or not (period.start and period.end):
        return ""
    return f" De brief kijkt terug op {period.start}–{period.end}."
