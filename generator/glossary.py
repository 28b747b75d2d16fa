"""Explain glossary terms where they appear.

Each page gets a closed "Begrippen op deze pagina" box listing the glossary
terms it uses. A <details> element works without JavaScript, by keyboard and on
touch screens, unlike hover tooltips. Abbreviations also become <abbr> via the
Markdown ``abbr`` extension, for people who hover.
"""

from __future__ import annotations

import re

from .content import ReferenceList
from .escape import md_escape
from .layout import GLOSSARY_PAGE, page_path

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>")


# Labels people meet in facts boxes (a ladder step, a role, a public value) are explained once, on
# their own reference page; the box on each page links there instead of repeating them in begrippen.
LINKED = {kind: page_path(kind) for kind in ("ladder", "rollen", "publieke-waarden")}


class Glossary:
    @classmethod
    def for_content(cls, content) -> "Glossary":
        """The glossary (begrippen) plus the facts-box labels of LINKED, each explained once."""
        return cls(content.ref("begrippen"), [(content.ref(kind), page) for kind, page in LINKED.items() if kind in content.reference])

    def __init__(self, terms: ReferenceList, linked=()):
        self.terms = list(terms)
        self.pages = {t.slug: GLOSSARY_PAGE for t in self.terms}
        names = {t.name.lower() for t in self.terms}
        for ref, page in linked:
            for t in ref:
                if t.name.lower() not in names and t.slug not in self.pages:
                    self.terms.append(t)
                    self.pages[t.slug] = page
                    names.add(t.name.lower())
        self.patterns = [
            (t, re.compile(r"(?<![\w-])" + re.escape(t.name) + (r"(?![\w-])" if _abbr(t) else r"\w*"), 0 if _abbr(t) else re.I))
            for t in self.terms
        ]
        # Escaped once, not once per page (the box repeats the same few terms on thousands of pages).
        self.escaped = {t.slug: (md_escape(t.name), md_escape(t.description or "")) for t in self.terms}
        self.needles = [(t.name if _abbr(t) else t.name.lower()) for t in self.terms]

    def used_in(self, text: str) -> list:
        """The terms that occur in ``text``, in glossary order.

        Why the substring check first: these patterns start with a look-behind and most are
        case-insensitive, which keeps ``re`` from its fast literal scan, so a search over a
        page without the term costs a full slow pass (the benchmark measured a third of the
        generator's time at 1,000 cases). ``str.find`` rules a term out in C speed, and the
        regex then starts at the first candidate. A term that does not occur as a substring
        (case-folded by ``str.lower``) cannot match its pattern, so the result is the same.
        """
        folded = text.lower()
        aligned = len(folded) == len(text)  # lower() keeps offsets for all but a few exotic letters
        used = []
        for (term, pattern), needle in zip(self.patterns, self.needles):
            at = (text if _abbr(term) else folded).find(needle)
            if at >= 0 and pattern.search(text, at if aligned else 0):
                used.append(term)
        return used

    def annotate(self, markdown: str, up: str) -> str:
        """Append the terms box (and abbreviation definitions) to a Markdown page."""
        body = _FRONT_MATTER.sub("", markdown, count=1)
        text = _LINK_TARGET.sub(" ", body).replace("\\", "")
        used = self.used_in(text)
        if not used:
            return markdown
        # pymdownx.details: a collapsible box whose content is Markdown, so the engine
        # rewrites and checks the links like any other.
        items = "\n".join(f"    - [{self.escaped[t.slug][0]}]({up}{self.pages[t.slug]}#{t.slug}): {self.escaped[t.slug][1]}" for t in used)
        box = f'\n\n??? info "Begrippen op deze pagina ({len(used)})"\n{items}\n'
        abbrs = "".join(f"\n*[{t.name}]: {(t.description or '').splitlines()[0][:200]}" for t in used if _abbr(t))
        return markdown.rstrip("\n") + box + abbrs + "\n"


def _abbr(term) -> bool:
    return getattr(term, "abbreviation", False)  # only glossary terms (schema.Term) can be abbreviations
