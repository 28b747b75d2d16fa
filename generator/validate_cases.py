"""Content rules for the Participedia-like case fields.

Kept apart from ``validate.py`` so the generic checks there stay small; ``load_content``
calls ``check_case_fields`` once, after the references are checked.
"""

from __future__ import annotations


def check_case_fields(cases: dict, lessons: dict, errors: list) -> None:
    """Rules a schema cannot express: a funding amount needs its source; a part has one level;
    a lesson for everyone comes from a case and is about a method."""
    for slug, entry in cases.items():
        case = entry.model
        for i, funding in enumerate(case.funding):
            if funding.amount and funding.source is None:
                errors.append(
                    entry.doc.error(
                        ("funding", i, "amount"),
                        f"bedrag '{funding.amount}' zonder bron; voeg 'source' toe (doc en section uit toolbox/reference/bronnen.yaml) of laat het bedrag weg.",
                    )
                )
        parent = cases.get(case.part_of) if case.part_of else None
        if parent is not None and parent.model.part_of:
            errors.append(
                entry.doc.error(
                    ("part_of",),
                    f"'{case.part_of}' is zelf een onderdeel van '{parent.model.part_of}'; verwijs naar het hoofdvoorbeeld, niet naar een onderdeel.",
                )
            )
    for entry in lessons.values():
        lesson = entry.model
        if lesson.audience == "medewerkers":
            continue  # a lesson about the organisation may come from the letter alone
        for field, word in (("cases", "voorbeeld"), ("methods", "methode")):
            if not getattr(lesson, field):
                errors.append(
                    entry.doc.error(
                        (field,),
                        f"veld '{field}' moet minstens één {word} noemen; alleen een les over de organisatie (audience: medewerkers) mag zonder.",
                    )
                )
