"""Content errors: what an editor sees when a YAML file is wrong.

Every problem is reported as ``path:line:col: message`` (1-based line and
column, path relative to the repository root, message in Dutch) so that editors
and terminals can jump to it. Errors are collected, never raised one by one.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class ContentErrors(Exception):
    """Raised at the end of a stage that found one or more content errors."""

    def __init__(self, errors: list[ContentError]):
        super().__init__(f"{len(errors)} fout(en) in de inhoud")
        self.errors = sorted(set(errors))


def slug_form(text: str) -> str:
    """What a typed name looks like as a slug: "De Wijert" -> "de-wijert", "Café Één" -> "cafe-een"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def suggest(value: str, allowed: list[str] | tuple[str, ...] | set[str], limit: int = 12) -> str:
    """Dutch hint: the slug form of what was typed when that is allowed, else the closest
    allowed value for a typo; and the allowed values if few."""
    allowed = sorted(allowed)
    hint = ""
    fixed = slug_form(value)
    close = [fixed] if fixed != value and fixed in allowed else difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
    if close:
        hint += f" Bedoel je '{close[0]}'?"
    if not allowed:
        return hint + " Er zijn nog geen toegestane waarden."
    shown = ", ".join(allowed[:limit])
    more = f" (en {len(allowed) - limit} meer)" if len(allowed) > limit else ""
    return hint + f" Toegestaan: {shown}{more}."
