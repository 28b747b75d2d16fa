"""Where our fields meet Participedia's: the codebook's last column."""

from __future__ import annotations

# Where one of our fields corresponds to a field of Participedia (participedia.net), the
# largest international database of participation cases and methods. Field names are
# Participedia's API names. "direct": same meaning; "gedeeltelijk": same idea, other values
# or precision (explained). Fields not listed have no counterpart we are sure of.
PARTICIPEDIA: dict[str, dict[str, tuple[str, str, str]]] = {
    "cases": {
        "title": ("title", "direct", ""),
        "summary": ("description", "direct", "de korte beschrijving (brief description)"),
        "story": ("body", "direct", "het verhaal (narrative); bij ons één alinea per item"),
        "stadsdeel": ("location", "gedeeltelijk", "Participedia kent stad en land (Groningen, Nederland), geen stadsdeel"),
        "wijken": ("location", "gedeeltelijk", "Participedia kent één adres of plaats per voorbeeld, geen lijst wijken"),
        "period.start": ("start_date", "gedeeltelijk", "wij geven alleen het jaar, Participedia een datum"),
        "period.end": ("end_date", "gedeeltelijk", "wij geven alleen het jaar, Participedia een datum"),
        "period.ongoing": ("ongoing", "direct", ""),
        "methods": ("specific_methods_tools_techniques", "direct", "verwijzingen naar methoden"),
        "themes": ("general_issues", "gedeeltelijk", "een eigen, Groningse lijst met thema's"),
        "scales": ("scope_of_influence", "gedeeltelijk", "andere indeling (straat, buurt, wijk, ...)"),
        "initiator": ("organizer_types", "gedeeltelijk", "een eigen lijst; bij ons één waarde"),
        "keywords": ("tags", "gedeeltelijk", "vrije zoekwoorden"),
        # Participedia-like fields, filled only where the letter says so (issue 10).
        "part_of": (
            "is_component_of",
            "direct",
            "het hoofdvoorbeeld; de omgekeerde richting (has_components) leid je af uit part_of van de andere voorbeelden",
        ),
        "funding[].by": ("funder", "gedeeltelijk", "vrije tekst; bij ons per geldstroom, met bedrag en voorwaarde"),
        "participants[].value": (
            "number_of_participants",
            "gedeeltelijk",
            "het aantal zoals de brief het geeft (bijvoorbeeld 'zo'n 300'), per groep deelnemers",
        ),
        "recruitment": ("recruitment_method", "gedeeltelijk", "een eigen lijst (open, loting, uitnodiging, koplopers)"),
        "decision": ("decision_methods", "gedeeltelijk", "een eigen lijst: wie besliste"),
        "evaluation": ("formal_evaluation", "gedeeltelijk", "de stand in 2018 (gepland, liep), niet of er ooit een evaluatie was"),
    },
    "methods": {
        "title": ("title", "direct", ""),
        "summary": ("description", "direct", "de korte beschrijving (brief description)"),
        "description": ("body", "direct", "de uitgebreide tekst; bij ons één alinea per item"),
        "ladder": ("public_spectrum", "gedeeltelijk", "wij gebruiken de participatieladder, Participedia het IAP2-spectrum"),
        "scales": ("scope_of_influence", "gedeeltelijk", "andere indeling (straat, buurt, wijk, ...)"),
        "goals": ("purpose_method", "gedeeltelijk", "een eigen lijst met doelen"),
    },
    "lessons": {},  # Participedia has no lessons; "audience" has no counterpart either
    "reference": {},
}
NO_COUNTERPART = "geen directe tegenhanger"
