"""``toolbox new case|method|lesson <slug>``: a commented YAML form for a new entry.

The form lists every field of the schema with a Dutch explanation and, for fields
that take values from the reference data, the allowed values read from
``toolbox/reference/`` at the moment the form is made. Required fields are left
empty on purpose: until they are filled in, ``toolbox check`` names each one
(``pad:regel:kolom: verplicht veld ... ontbreekt`` or ``... is leeg``), so a half-filled
form can never be published by accident.

The first line is a yaml-language-server modeline pointing at the JSON Schema
that ``toolbox schema`` writes into ``schema/``, so editors such as VS Code
validate and autocomplete while you type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .errors import ContentErrors
from .load import load_document
from .schema import REFERENCE_FILES, REFERENCE_MODELS, SLUG_PATTERN, Case, Lesson, Method
from .layout import ENTRY_KINDS, KINDS as LAYOUT, file_path
from .validate import load_content, name_problem


class ScaffoldError(Exception):
    """A refused ``toolbox new``: the message is for the person at the keyboard, in Dutch."""


@dataclass(frozen=True)
class Kind:
    collection: str  # the content kind (layout.KINDS)
    model: type[BaseModel]

    @property
    def schema(self) -> str:  # file name written by `toolbox schema`
        return f"{LAYOUT[self.collection].file}.schema.json"

    @property
    def word(self) -> str:  # Dutch, for messages
        return LAYOUT[self.collection].singular


_MODELS = {"cases": Case, "methods": Method, "lessons": Lesson}
# `toolbox new case|method|lesson`, and the Dutch nouns as aliases.
KINDS = {LAYOUT[kind].file: Kind(kind, _MODELS[kind]) for kind in ENTRY_KINDS}
ALIASES = {LAYOUT[kind].singular: LAYOUT[kind].file for kind in ENTRY_KINDS}

_HEADER = """\
# yaml-language-server: $schema={schema}
#
# Nieuw: {word} '{slug}'. Vul de velden in en bewaar het bestand.
# - Tekst achter een # is uitleg. De computer slaat die over; je mag hem laten staan.
# - (verplicht) = dit veld moet je invullen. Andere velden mag je leeg laten.
# - Een lijst schrijf je zo: elke waarde op een eigen regel die begint met "  - ".
#   Een lege lijst is [].
# - Schrijf eenvoudig Nederlands (taalniveau B1): korte zinnen, leg moeilijke woorden uit.
# - Alles komt uit de bron. Verzin geen getallen, jaartallen, bedragen of namen.
# Controleer het bestand daarna met:  scripts/toolbox check
# Een fout ziet er zo uit:  {path}:@TITLE_LINE@:7: veld 'title' moet tekst zijn, maar is leeg.
# (bestand:regel:kolom: wat er mis is). Kijk op die regel, verbeter en controleer opnieuw.

"""

_SOURCES = """\
# Bron (verplicht): waar staat dit in de brief? Eén of meer keer doc en section.
#   doc: de bron. Kies uit:{docs}
#   section: het deel van de bron, precies zo geschreven als hieronder.{sections}
sources:
  - doc: {doc}
    section:
"""

_REVIEWED = """\
# Datum waarop je alles met de bron hebt vergeleken, zoals 2026-11-27 (jaar-maand-dag). (verplicht)
# Dit staat op de pagina als 'Laatst gecontroleerd'.
reviewed:
"""

CASE = """\
# Naam van het voorbeeld, zoals mensen het kennen. (verplicht)
title:
# Twee of drie korte zinnen: wat is het en wat leverde het op? (verplicht)
summary:
# Het stadsdeel (verplicht). Kies één van:{stadsdelen}
stadsdeel:
# Wijken (mag leeg). Kies uit:{wijken}
wijken: []
# Gebruikte methoden (verplicht veld, maar de lijst mag leeg zijn: []). Kies uit:{methods}
methods: []
# Periode in jaren, alleen als de bron het zegt. Laat leeg als je het niet weet. Voorbeeld:
#   period: {{start: 2019, end: 2022, ongoing: false}}
#   (ongoing: true betekent: het loopt nog)
period:
# Wie nam het initiatief? Eén van (mag leeg):{initiatiefnemers}
initiator:
# Schaal (mag leeg). Kies uit:{schaalniveaus}
scales: []
# Thema's (mag leeg). Kies uit:{themas}
themes: []
# Rol van de gemeente (mag leeg). Kies uit:{rollen}
roles: []
# Wat gebeurde er? Eén alinea per regel met "  - ". Voorbeeld:
#   story:
#     - Het begon met een idee van twee buren.
story: []
# Tijdlijn: belangrijke momenten. year is verplicht; month (1-12) en when (zoals 'voorjaar') mogen weg. Voorbeeld:
#   timeline:
#     - {{year: 2019, month: 3, event: De eerste bewonersavond.}}
timeline: []
# Cijfers, precies zoals de bron ze geeft (nooit zelf uitrekenen). Voorbeeld:
#   figures:
#     - value: "250"
#       label: bewoners deden mee
#       source: {{doc: {doc}, section: <het deel van de bron>}}
figures: []
# Wat leverde het op? Eén resultaat per regel met "  - ".
outcomes: []
# Publieke waarden (mag leeg): een korte tekst bij legitimiteit, betrokkenheid en/of rendement. Voorbeeld:
#   public_values:
#     betrokkenheid: Veel buren hielpen mee.
public_values:
# Verwante voorbeelden (mag leeg): de namen van andere voorbeelden.{cases}
related: []
# Woorden waarmee mensen zoeken, ook gewone woorden en andere spellingen (mag leeg).
keywords: []
# Noemt de brief dit voorbeeld alleen bij naam, zonder verdere details? Zet dan true.
mentioned_only: false
# Hoort dit voorbeeld bij een groter voorbeeld? De naam van dat voorbeeld (mag leeg).
part_of:
# Wie betaalde, hoeveel en onder welke voorwaarde (alleen als de bron het zegt; een bedrag heeft een bron nodig). Voorbeeld:
#   funding:
#     - by: wijkwethoudersbudget
#       amount: 3 euro per inwoner
#       condition: Bewoners kozen zelf welke plannen geld kregen.
#       source: {{doc: {doc}, section: <het deel van de bron>}}
funding: []
# Hoeveel mensen deden mee, precies zoals de bron het zegt. Zelfde vorm als figures.
participants: []
# Hoe werden deelnemers gevonden (mag leeg)? Kies uit:{werving}
recruitment: []
# Wie besliste (mag leeg)? Kies uit:{besluitvorming}
decision: []
# Evaluatie op het moment van de bron (mag leeg). Eén van:{evaluatie}
evaluation:
"""

METHOD = """\
# Naam van de methode. (verplicht)
title:
# Twee of drie korte zinnen: wat is het? (verplicht)
summary:
# Andere namen voor dezelfde methode (mag leeg).
also_known_as: []
# Zet op true als de brief de methode alleen noemt en deze pagina een algemene uitleg geeft.
# Een methode die geen enkel voorbeeld gebruikt (veld 'methods' bij een voorbeeld), moet true zijn.
general: false
# Uitleg: één alinea per regel met "  - ". Algemeen advies dat niet uit de brief komt, schrijf je
# als "  - algemeen: tekst"; de pagina toont dan het label 'algemeen advies'. Zo ook bij de lijsten hieronder.
description: []
# Trede op de participatieladder (verplicht, minstens één). Kies uit:{ladder}
ladder: []
# Doelen (mag leeg). Kies uit:{doelen}
goals: []
# Wie kan het starten (mag leeg)? Kies uit:{initiatiefnemers}
initiators: []
# Schaal (mag leeg). Kies uit:{schaalniveaus}
scales: []
# Rol van de gemeente (mag leeg). Kies uit:{rollen}
roles: []
# Hoeveel inzet vraagt het? (mag leeg) Kies één van:{inzet}
effort:
# Hoeveel kost het? (mag leeg) Kies één van:{kosten}
cost:
# Hoe lang duurt het? (mag leeg) Kies één van:{duur}
duration:
# Wie bereik je ermee (mag leeg)? Kies uit:{doelgroepen}
reaches: []
# Wie bereik je er niet mee (mag leeg)? Kies uit dezelfde lijst.
misses: []
# Niveau, inzet, kosten, duur en bereik staan niet in de brief: het zijn inschattingen van de redactie.
# Noem hier elk veld dat je hierboven invulde (ladder, effort, cost, duration, reaches, misses).
estimates: []
# Wat vraagt het van bewoners? (mag leeg)
asks_residents:
# Wat vraagt het van de gemeente? (mag leeg)
asks_municipality:
# Wanneer gebruik je het? Eén situatie per regel met "  - ".
when_to_use: []
# Wanneer juist niet?
when_not: []
# Stappen, in volgorde.
steps: []
# Valkuilen: wat kan er misgaan?
pitfalls: []
# Verwante methoden (mag leeg). Kies uit:{methods}
related: []
# Woorden waarmee mensen zoeken (mag leeg).
keywords: []
"""

LESSON = """\
# De les in één korte zin. (verplicht)
title:
# De les uitgelegd in twee of drie zinnen. (verplicht)
claim:
# Uit welke voorbeelden komt de les? (mag leeg bij een les over de organisatie){cases}
cases: []
# Over welke methoden gaat de les? (mag leeg) Kies uit:{methods}
methods: []
# Woorden waarmee mensen zoeken (mag leeg).
keywords: []
# Voor wie is de les (mag leeg: voor iedereen)? Eén van:{lespubliek}
audience:
"""

BODIES = {"case": CASE, "method": METHOD, "lesson": LESSON}
MAX_LISTED = 40  # longer lists (e.g. thousands of cases) point at the folder instead


def _reference_items(root: Path) -> dict[str, list]:
    """Each reference list that loads and validates on its own; a broken one is simply not offered."""
    lists: dict[str, list] = {}
    for kind in REFERENCE_FILES:
        path = root / file_path("reference", kind)
        if not path.is_file():
            continue
        doc, errors = load_document(path, root)
        if doc is None or errors:
            continue
        try:
            lists[kind] = list(REFERENCE_MODELS[kind].model_validate(doc.data).items)
        except ValidationError:
            continue
    return lists


def _slugs_in(root: Path, collection: str) -> list[str]:
    folder = root / LAYOUT[collection].folder
    return sorted(p.stem for p in folder.glob("*.yaml") if re.match(SLUG_PATTERN, p.stem)) if folder.is_dir() else []


def _choices(pairs: list[tuple[str, str]], folder: str = "", indent: int = 3) -> str:
    """Allowed values as comment lines: '#   slug  Naam'."""
    if not pairs:
        return f" (nog geen; zie {folder})" if folder else " (nog geen waarden)"
    if len(pairs) > MAX_LISTED:
        return f" de bestandsnamen (zonder .yaml) in {folder}"
    width = max(len(s) for s, _ in pairs)
    return "".join(f"\n#{' ' * indent}{slug.ljust(width)}  {name}".rstrip() for slug, name in pairs)


def render(root: Path, kind: str, slug: str) -> str:
    """The form for a new entry, with today's allowed values from the reference data."""
    spec = KINDS[kind]
    refs = _reference_items(root)
    values = {k: _choices([(i.slug, i.name) for i in items]) for k, items in refs.items()}
    for k in REFERENCE_FILES:
        values.setdefault(k, " (de referentielijst ontbreekt of heeft een fout; draai scripts/toolbox check)")
    for dim in ("inzet", "kosten", "duur"):
        values[dim] = _choices([(i.slug, i.name) for i in refs.get("banden", []) if getattr(i, "dimension", None) == dim])
    values["methods"] = _choices([(s, "") for s in _slugs_in(root, "methods")], LAYOUT["methods"].folder + "/")
    values["cases"] = _choices([(s, "") for s in _slugs_in(root, "cases") if s != slug], LAYOUT["cases"].folder + "/")
    sources = refs.get("bronnen", [])
    doc = sources[0].slug if len(sources) == 1 else ""
    values["doc"] = doc or "<kies een bron>"
    folder = LAYOUT[spec.collection].folder
    depth = folder.count("/") + 1
    header = _HEADER.format(schema="../" * depth + "schema/" + spec.schema, word=spec.word, slug=slug, path=f"{folder}/{slug}.yaml")
    sections = "".join(f"\n#     voor {src.slug}:" + "".join(f"\n#       {section}" for section in src.sections) for src in sources)
    sources_block = _SOURCES.format(docs=_choices([(src.slug, src.name) for src in sources], indent=5), sections=sections, doc=doc)
    text = header + BODIES[kind].format(**values) + sources_block + _REVIEWED
    title_line = text.splitlines().index("title:") + 1  # the example error points at the real line
    return text.replace("@TITLE_LINE@", str(title_line))


def check_slug(root: Path, kind: str, slug: str) -> Path:
    """Where the new file goes; ScaffoldError (in Dutch) for a bad or taken name."""
    if not re.match(SLUG_PATTERN, slug) or len(slug) > 80:
        raise ScaffoldError(
            f"'{slug}' is geen geldige naam. Gebruik alleen kleine letters a-z, cijfers en streepjes "
            "(geen spaties, hoofdletters of accenten), zoals 'speeltuin-de-wijert'. Maximaal 80 tekens."
        )
    folder = LAYOUT[KINDS[kind].collection].folder
    path = root / folder / f"{slug}.yaml"
    problem = name_problem(root, KINDS[kind].collection, path)  # the same rules as toolbox check and build
    if problem is not None:
        raise ScaffoldError(problem)
    if path.exists():
        raise ScaffoldError(f"{folder}/{slug}.yaml bestaat al. Open dat bestand om het te veranderen, of kies een andere naam.")
    return path


def new_entry(root: Path, kind: str, slug: str) -> tuple[Path, bool]:
    """Write the form. Returns its path and whether the editor schemas in schema/ were refreshed."""
    kind = ALIASES.get(kind, kind)
    if kind not in KINDS:
        raise ScaffoldError(f"onbekende soort '{kind}'. Kies case (voorbeeld), method (methode) of lesson (les).")
    path = check_slug(root, kind, slug)
    schemas_written = _refresh_schemas(root)
    text = render(root, kind, slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": never overwrite, even if created meanwhile
        f.write(text)
    return path, schemas_written


def _refresh_schemas(root: Path) -> bool:
    """Keep schema/ (generated, not committed) current so the editor knows the newest slugs.

    Done before the new, still empty form exists; skipped when the content has errors.
    """
    from .jsonschema import write_schemas

    try:
        write_schemas(load_content(root), root / "schema")
    except ContentErrors:
        return False
    return True
