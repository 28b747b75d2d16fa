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
                line = f"- {self._link(case.title, 'voorbeelden/' + slug + '.md')}: {md_escape(case.summary)}"
            elif kind == "method":
                method = c.methods[slug]
                line = f"- {self._link(method.title, 'methoden/' + slug + '.md')}: {md_escape(method.summary)}"
            else:
                lesson = c.lessons[slug]
                line = f"- **{self._link(lesson.title, 'lessen/index.md#' + slug)}** {md_escape(lesson.claim)}"
            items[key] = line
        return items[key]

    def case_list(self, slugs) -> Markup:
        return Markup("".join(self._item("case", s) + "\n" for s in slugs))

    def method_list(self, slugs) -> Markup:
        return Markup("".join(self._item("method", s) + "\n" for s in slugs))

    def lesson_list(self, slugs) -> Markup:
        return Markup("".join(self._item("lesson", s) + "\n" for s in slugs))

    def paragraphs(self, items) -> Markup:
        """Each item a paragraph, followed by a blank line."""
        return Markup("".join(md_escape(p) + "\n\n" for p in items))

    def bullets(self, items) -> Markup:
        return Markup("".join(f"- {md_escape(p)}\n" for p in items))

    def sources(self, refs) -> Markup:
        """One line per source document (sorted, as Jinja's groupby did), its sections in order."""
        lines = []
        docs = self._c.ref("bronnen").items
        for doc, group in groupby(sorted(refs, key=lambda r: r.doc), key=lambda r: r.doc):
            group = list(group)
            src = docs[doc]
            word = "onderdeel" if len(group) == 1 else "onderdelen"
            sections = ", ".join(f'"{md_escape(r.section)}"' for r in group)
            name = self._link(src.name, "achtergrond/bron.md#" + doc)
            lines.append(f'- {md_escape(src.author)}, "{name}", {word} {sections}.\n')
        return Markup("".join(lines))
