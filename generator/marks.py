"""Provenance marks: the one visible tag for statements that are not facts from the letter.

Every editorial value or text (an estimate by the editors, general how-to advice, a guide's
rule) is marked in the data by a field, never by a text prefix. Pages show that field as the
tag made here, so the compare page, method pages and guide results look and read the same.

The tag is plain inline HTML inside the Markdown: a short label that is always visible and an
explanation that screen readers always read (visually hidden until hover or keyboard focus) and
that print always shows (see ``.tp-mark`` in theme/assets/css/toolbox.css). The texts are fixed
here, not in content: a mark's wording is part of the site's promise, not of an entry.
"""

from __future__ import annotations

from markupsafe import Markup

# kind -> (label shown on the page, explanation on hover/focus, for screen readers and in print)
MARKS: dict[str, tuple[str, str]] = {
    "redactie": (
        "inschatting van de redactie",
        "Dit is een inschatting van de makers van deze site. Het staat niet in de brief van het college uit 2018.",
    ),
    "algemeen": (
        "algemeen advies",
        "Dit is algemeen advies van de makers van deze site, niet uit de brief van het college uit 2018.",
    ),
    "keuzehulp": (
        "regel van de keuzehulp",
        "Deze regel hebben de makers van deze site opgesteld. Hij staat niet zo in de brief van het college uit 2018.",
    ),
}


def mark(kind: str) -> Markup:
    """The inline tag for one kind of editorial statement (a key of ``MARKS``)."""
    label, why = MARKS[kind]
    return Markup(
        f'<span class="tp-mark tp-mark--{kind}" tabindex="0">'
        f'<span class="tp-mark__label">{label}</span>'
        f'<span class="tp-mark__why">{why}</span></span>'
    )
