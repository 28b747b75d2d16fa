"""Escaping for Markdown contexts, shared by the templates (render.py) and fragments.py."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters Python-Markdown (and the enabled pymdown extensions) treat as syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:<>])")
# Python-Markdown only unescapes a backslash before these (md.ESCAPED_CHARS); any other escaped
# character would keep its backslash on the page ("klein\: een"), so those become character references.
_MD_BACKSLASHABLE = set("\\`*_{}[]()>#+-.!|")


def md_escape(value) -> Markup:
    """Escape text for a Markdown context: HTML first, then Markdown syntax.

    quote=False: an HTML-escaped quote ("&#x27;") contains '#', which would then be escaped too.
    """
    return Markup(_MD_SPECIAL.sub(_escape_one, html.escape(str(value), quote=False)))


def _escape_one(match: re.Match) -> str:
    char = match.group(1)
    return "\\" + char if char in _MD_BACKSLASHABLE else f"&#{ord(char)};"


def md_link(text, up: str, target: str) -> str:
    """A Markdown link to another generated page; ``up`` leads from the current page to the docs root."""
    return f"[{md_escape(text)}]({up}{target})"
