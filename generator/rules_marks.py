"""Provenance marks in the data: every editorial value carries its mark, as a field, once.

The schema (``editorial_fields`` in schema.py) says which method fields are editorial:

* "redactie" fields (ladder, effort, cost, duration, reaches, misses) are always estimates by the
  editors: the letter gives no ladder step, effort band or audience. A value there needs its
  field name in ``estimates``, so the page can show "inschatting van de redactie" next to it.
* "algemeen" fields (description, steps, when/when-not, pitfalls, what it asks) hold texts that
  may be general advice. General advice is written as ``- algemeen: tekst``; the old habit of a
  text prefix ("In het algemeen: ...") is refused, because a prefix is running text, not a mark.

A separate rule module so validate.py only needs one call to it.
"""

from __future__ import annotations

import re

from .errors import ContentError, suggest
from .schema import Method, editorial_fields

EDITORIAL = editorial_fields(Method)
ESTIMATE_FIELDS = tuple(name for name, kind in EDITORIAL.items() if kind == "redactie")
TEXT_FIELDS = tuple(name for name, kind in EDITORIAL.items() if kind == "algemeen")
# "In het algemeen:" / "Algemeen:" at the start of a text: a mark written as text.
_PREFIX = re.compile(r"^\s*(in\s+het\s+algemeen|algemeen)\s*:", re.IGNORECASE)


def check_marks(methods: dict, reference: dict, errors: list[ContentError]) -> None:
    """Add an error for every estimate without its mark and every mark written as a text prefix."""
    for entry in reference.values():
        for i, item in enumerate(entry.model.items):
            if item.description is not None and _PREFIX.match(item.description):
                errors.append(entry.doc.error(("items", i, "description"), _PREFIX_MESSAGE.format(name="description")))
    for entry in methods.values():
        method, doc = entry.model, entry.doc
        listed = set()
        for i, name in enumerate(method.estimates):
            if name not in ESTIMATE_FIELDS:
                errors.append(
                    doc.error(
                        ("estimates", i),
                        f"'{name}' is geen veld met een inschatting.{suggest(name, ESTIMATE_FIELDS)} Toegestaan: {', '.join(ESTIMATE_FIELDS)}.",
                    )
                )
            elif name in listed:
                errors.append(doc.error(("estimates", i), f"veld 'estimates' noemt '{name}' twee keer."))
            elif not getattr(method, name):
                errors.append(
                    doc.error(("estimates", i), f"'estimates' noemt '{name}', maar dat veld heeft geen waarde; haal '{name}' hier weg.")
                )
            listed.add(name)
        for name in ESTIMATE_FIELDS:
            if getattr(method, name) and name not in listed:
                errors.append(
                    doc.error(
                        (name,),
                        (
                            f"veld '{name}' is een inschatting van de redactie (de brief geeft die niet), maar draagt geen label. "
                            f"Zet '{name}' in de lijst 'estimates' (de pagina toont dan 'inschatting van de redactie'), of haal het veld weg."
                        ),
                        key=True,
                    )
                )
        for name in TEXT_FIELDS:
            value = getattr(method, name)
            items = value if isinstance(value, tuple) else (value,)
            for i, text in enumerate(items):
                if text is not None and _PREFIX.match(text):
                    loc = (name, i) if isinstance(value, tuple) else (name,)
                    errors.append(doc.error(loc, _PREFIX_MESSAGE.format(name=name)))


_PREFIX_MESSAGE = (
    "veld '{name}': 'In het algemeen:' in de tekst is geen label. Schrijf algemeen advies als "
    "'algemeen: tekst' (zonder het voorvoegsel); de pagina toont dan het label 'algemeen advies'."
)
