"""Explain glossary terms where they appear.

Each page gets a closed "Begrippen op deze pagina" box listing the glossary
terms it uses. A <details> element works without JavaScript, by keyboard and on
touch screens, unlike hover tooltips. Abbreviations also become <abbr> via the
Markdown ``abbr`` extension, for people who hover.
"""

from __future__ import annotations

import re

from .content import ReferenceList
from .render import md_escape

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>")


class Glossary:
    def __init__(self, terms: ReferenceList):
        self.terms = list(terms)
        self.patterns = [
            (t, re.compile(r"(?<![\w-])" + re.escape(t.name) + (r"(?![\w-])" if t.abbreviation else r"\w*"), 0 if t.abbreviation else re.I))
            for t in self.terms
        ]

    def annotate(self, markdown: str, up: str) -> str:
        """Append the terms box (and abbreviation definitions) to a Markdown page."""
        body = _FRONT_MATTER.sub("", markdown, count=1)
        text = _LINK_TARGET.sub(" ", body).replace("\\", "")
        used = [t for t, pattern in self.patterns if pattern.search(text)]
        if not used:
            return markdown
        # pymdownx.details: a collapsible box whose content is Markdown, so the engine
        # rewrites and checks the links like any other.
        items = "\n".join(f"    - [{md_escape(t.name)}]({up}begrippen.md#{t.slug}): {md_escape(t.description or '')}" for t in used)
        box = f'\n\n??? info "Begrippen op deze pagina ({len(used)})"\n{items}\n'
        abbrs = "".join(
            f"\n*[{t.name}]: {(t.description or '').splitlines()[0][:200]}" for t in used if t.abbreviation
        )
        return markdown.rstrip("\n") + box + abbrs + "\n"
