"""Validate all content: every file against the schema, then every reference across files.

All problems are collected and returned together, like check-jsonschema does,
so an editor fixes a whole batch in one round instead of one error per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import re

from pydantic import BaseModel, ValidationError

from .content import Content, ReferenceList, freeze
from .errors import ContentError, ContentErrors, suggest
from .guides.check import check_guides
from .guides.load import load_guides
from .load import Document, load_document
from .messages import translate
from .rules_marks import check_marks
from .rules_time import check_time_words
from .schema import REFERENCE_FILES, REFERENCE_MODELS, SLUG_PATTERN, Case, Lesson, Method, SourceRef

# Where each kind of content lives, relative to the repository root.
CONTENT_DIRS: dict[str, tuple[str, type[BaseModel] | None]] = {
    "cases": ("cases", Case),
    "methods": ("toolbox/methods", Method),
    "lessons": ("toolbox/lessons", Lesson),
    "reference": ("toolbox/reference", None),  # model per file, see REFERENCE_MODELS
}

# Which field refers to which collection. "kind:dimension" restricts bands to one dimension.
REFERENCES: dict[str, dict[str, str]] = {
    "cases": {
        "stadsdeel": "stadsdelen",
        "methods": "methods",
        "wijken": "wijken",
        "initiator": "initiatiefnemers",
        "scales": "schaalniveaus",
        "themes": "themas",
        "roles": "rollen",
        "related": "cases",
    },
    "methods": {
        "ladder": "ladder",
        "goals": "doelen",
        "initiators": "initiatiefnemers",
        "scales": "schaalniveaus",
        "roles": "rollen",
        "effort": "banden:inzet",
        "cost": "banden:kosten",
        "duration": "banden:duur",
        "reaches": "doelgroepen",
        "misses": "doelgroepen",
        "related": "methods",
    },
    "lessons": {"cases": "cases", "methods": "methods"},
}

# "onbekend voorbeeld" (het-woord) but "onbekende methode" (de-woord).
KIND_WORDS = {
    "cases": "onbekend voorbeeld",
    "methods": "onbekende methode",
    "lessons": "onbekende les",
    "banden": "onbekende band",
}

# Slugs that would collide with generated listing folders (e.g. /methoden/niveau/...).
RESERVED_SLUGS = frozenset({"index", "vergelijk", "filter", "zoeken", "assets", "data"})

_slug_re = re.compile(SLUG_PATTERN)


@dataclass
class Entry:
    kind: str
    slug: str
    doc: Document
    model: BaseModel


def _discover(root: Path, errors: list[ContentError]) -> list[tuple[str, Path]]:
    found = []
    for kind, (folder, _model) in CONTENT_DIRS.items():
        base = root / folder
        if not base.is_dir():
            errors.append(ContentError(folder, 1, 1, f"map '{folder}' ontbreekt."))
            continue
        for path in sorted(base.iterdir()):
            rel = path.relative_to(root).as_posix()
            if path.name.startswith(".") or path.is_dir() or path.suffix.lower() in (".md", ".txt"):
                continue
            if path.suffix == ".yml":
                errors.append(ContentError(rel, 1, 1, "gebruik de extensie '.yaml' in plaats van '.yml'."))
                continue
            if path.suffix != ".yaml":
                errors.append(ContentError(rel, 1, 1, "alleen .yaml-bestanden horen in deze map."))
                continue
            found.append((kind, path))
    return found


def _check_slug(kind: str, path: Path, rel: str, errors: list[ContentError]) -> str | None:
    slug = path.stem
    if kind == "reference":
        if slug not in REFERENCE_FILES:
            errors.append(ContentError(rel, 1, 1, f"onbekend referentiebestand '{slug}'.{suggest(slug, REFERENCE_FILES)}"))
            return None
        return slug
    if not _slug_re.match(slug):
        errors.append(ContentError(rel, 1, 1, f"bestandsnaam '{path.name}' is geen geldige slug; gebruik kleine letters a-z, cijfers en streepjes, zoals 'de-stroming.yaml'."))
        return None
    if slug in RESERVED_SLUGS:
        errors.append(ContentError(rel, 1, 1, f"de naam '{slug}' is gereserveerd voor de site; kies een andere bestandsnaam."))
        return None
    return slug


def _walk_sources(model: BaseModel, loc: tuple):
    """Yield (loc, SourceRef) for every source reference anywhere in a model."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _walk_value(value, loc + (name,))


def _walk_value(value, loc):
    if isinstance(value, SourceRef):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from _walk_sources(value, loc)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk_value(item, loc + (i,))


def load_content(root: Path) -> Content:
    """Load and validate everything under root. Raises ContentErrors with all problems."""
    errors: list[ContentError] = []
    entries: list[Entry] = []
    broken: set[str] = set()  # "kind:slug" of files that exist but failed: no cascade of dangling-reference errors
    for kind, path in _discover(root, errors):
        rel = path.relative_to(root).as_posix()
        slug = _check_slug(kind, path, rel, errors)
        doc, load_errors = load_document(path, root)
        errors.extend(load_errors)
        if doc is None or slug is None:
            broken.add(f"{kind}:{path.stem}")
            continue
        model_cls = REFERENCE_MODELS[slug] if kind == "reference" else CONTENT_DIRS[kind][1]
        try:
            entries.append(Entry(kind, slug, doc, model_cls.model_validate(doc.data)))
        except ValidationError as exc:
            errors.extend(translate(exc, doc, model_cls))
            broken.add(f"{kind}:{slug}")

    by_kind: dict[str, dict[str, Entry]] = {"cases": {}, "methods": {}, "lessons": {}, "reference": {}}
    for entry in entries:
        by_kind[entry.kind][entry.slug] = entry

    reference = _reference_lists(by_kind["reference"], errors)
    for kind in sorted(set(REFERENCE_FILES) - set(reference)):
        if not (root / "toolbox/reference" / f"{kind}.yaml").exists():  # a broken one is reported already
            errors.append(ContentError(f"toolbox/reference/{kind}.yaml", 1, 1, f"referentiebestand '{kind}.yaml' ontbreekt; het bepaalt de toegestane waarden."))

    allowed = _allowed_values(by_kind, reference)
    for kind in ("cases", "methods", "lessons"):
        for entry in by_kind[kind].values():
            _check_references(entry, REFERENCES[kind], allowed, broken, errors)
            _check_sources(entry, reference, errors)
    for entry in by_kind["reference"].values():
        _check_sources(entry, reference, errors)
    check_time_words(root, by_kind, reference, errors)  # no "nu" in texts citing a dated source
    check_marks(by_kind["methods"], by_kind["reference"], errors)  # every editorial value carries its mark
    _check_wijken(by_kind["cases"], reference, errors)
    _check_public_values(by_kind["cases"], reference, errors)
    if not errors:  # a completeness check: only meaningful once every reference is sound
        _check_methods_used(by_kind, errors)
    _check_reference_links(by_kind["reference"], reference, errors, set(by_kind["cases"]) | {k.split(":", 1)[1] for k in broken if k.startswith("cases:")})

    guides = load_guides(root, allowed, reference, broken, errors)  # toolbox/guides/*.yaml (generator/guides/)

    if errors:
        raise ContentErrors(errors)
    content = Content(
        cases=freeze({s: e.model for s, e in sorted(by_kind["cases"].items())}),
        methods=freeze({s: e.model for s, e in sorted(by_kind["methods"].items())}),
        lessons=freeze({s: e.model for s, e in sorted(by_kind["lessons"].items())}),
        reference=freeze(reference),
        guides=freeze({s: g.model for s, g in sorted(guides.items())}),
    )
    # Every answer path of every guide, evaluated against the content: dead ends, advice never given.
    path_errors = check_guides(content, guides)
    if path_errors:
        raise ContentErrors(path_errors)
    return content


def _reference_lists(entries: dict[str, Entry], errors: list[ContentError]) -> dict[str, ReferenceList]:
    lists = {}
    for kind, entry in entries.items():
        items = {}
        for i, item in enumerate(entry.model.items):
            if item.slug in items:
                errors.append(entry.doc.error(("items", i, "slug"), f"slug '{item.slug}' staat twee keer in dit bestand."))
            items[item.slug] = item
        lists[kind] = ReferenceList(kind, entry.model.title, entry.model.intro, freeze(items))
    return lists


def _allowed_values(by_kind, reference: dict[str, ReferenceList]) -> dict[str, set[str]]:
    allowed = {kind: set(entries) for kind, entries in by_kind.items() if kind != "reference"}
    for kind, ref in reference.items():
        allowed[kind] = set(ref.items)
    if "banden" in reference:
        for item in reference["banden"]:
            allowed.setdefault(f"banden:{item.dimension}", set()).add(item.slug)
    return allowed


def _check_references(entry: Entry, fields: dict[str, str], allowed: dict[str, set[str]], broken: set[str], errors) -> None:
    for field, target in fields.items():
        value = getattr(entry.model, field)
        values = value if isinstance(value, tuple) else (value,)
        seen = set()
        for i, slug in enumerate(values):
            if slug is None:
                continue
            loc = (field, i) if isinstance(value, tuple) else (field,)
            if target not in allowed:
                continue  # the reference file itself is missing or broken: reported once, there
            if slug in seen:
                errors.append(entry.doc.error(loc, f"veld '{field}' noemt '{slug}' twee keer."))
            seen.add(slug)
            if target == entry.kind and slug == entry.slug:
                errors.append(entry.doc.error(loc, f"veld '{field}' verwijst naar dit bestand zelf."))
            elif slug not in allowed[target] and f"{target}:{slug}" not in broken:
                word = KIND_WORDS.get(target.split(":")[0], "onbekende waarde")
                where = _where(target)
                errors.append(entry.doc.error(loc, f"veld '{field}': {word} '{slug}' (zie {where}).{suggest(slug, allowed[target])}"))


def _where(target: str) -> str:
    kind = target.split(":")[0]
    if kind in CONTENT_DIRS:
        return CONTENT_DIRS[kind][0] + "/"
    return f"toolbox/reference/{kind}.yaml"


def _check_sources(entry: Entry, reference: dict[str, ReferenceList], errors) -> None:
    sources = reference.get("bronnen")
    if sources is None:
        return
    for loc, ref in _walk_sources(entry.model, ()):
        source = sources.items.get(ref.doc)
        if source is None:
            errors.append(entry.doc.error(loc + ("doc",), f"onbekende bron '{ref.doc}' (zie toolbox/reference/bronnen.yaml).{suggest(ref.doc, sources.items)}"))
        elif ref.section not in source.sections:
            errors.append(entry.doc.error(loc + ("section",), f"bron '{ref.doc}' heeft geen onderdeel '{ref.section}'.{suggest(ref.section, source.sections, limit=30)}"))


def _check_methods_used(by_kind: dict[str, dict[str, Entry]], errors) -> None:
    """A method no case used is only honest when its page says the description is general."""
    used = {m for entry in by_kind["cases"].values() for m in entry.model.methods}
    for slug, entry in by_kind["methods"].items():
        if slug not in used and not entry.model.general:
            errors.append(entry.doc.error(("general",), "geen enkel voorbeeld gebruikt deze methode; noem haar bij een voorbeeld (veld 'methods') of zet 'general: true'.", key=True))


def _check_wijken(cases: dict[str, Entry], reference: dict[str, ReferenceList], errors) -> None:
    """A wijk the source places in a stadsdeel cannot appear under another stadsdeel."""
    wijken = reference.get("wijken")
    stadsdelen = reference.get("stadsdelen")
    if wijken is None or stadsdelen is None:
        return
    for entry in cases.values():
        case = entry.model
        for i, slug in enumerate(case.wijken):
            wijk = wijken.items.get(slug)
            if case.stadsdeel not in stadsdelen.items or case.stadsdeel == "stedelijk":
                break  # an unknown stadsdeel is reported already; a city-wide case may name any wijk
            if wijk and wijk.stadsdeel and wijk.stadsdeel != case.stadsdeel:
                errors.append(entry.doc.error(("wijken", i), f"wijk '{slug}' ligt in stadsdeel '{wijk.stadsdeel}', niet in '{case.stadsdeel}'."))


def _check_public_values(cases: dict[str, Entry], reference: dict[str, ReferenceList], errors) -> None:
    """A case's notes on a public value link to that value's entry in publieke-waarden.yaml."""
    values = reference.get("publieke-waarden")
    if values is None:
        return
    for entry in cases.values():
        notes = entry.model.public_values
        for key in type(notes).model_fields if notes else ():
            if getattr(notes, key) and key not in values.items:
                errors.append(entry.doc.error(("public_values", key), f"publieke waarde '{key}' staat niet in toolbox/reference/publieke-waarden.yaml.", key=True))


def _check_reference_links(entries: dict[str, Entry], reference: dict[str, ReferenceList], errors, cases=frozenset()) -> None:
    if "wijken" in entries and "stadsdelen" in reference:
        entry = entries["wijken"]
        for i, wijk in enumerate(entry.model.items):
            if wijk.stadsdeel and wijk.stadsdeel not in reference["stadsdelen"].items:
                errors.append(entry.doc.error(("items", i, "stadsdeel"), f"onbekend stadsdeel '{wijk.stadsdeel}'.{suggest(wijk.stadsdeel, reference['stadsdelen'].items)}"))
    if "groei" in entries:
        entry = entries["groei"]
        for i, stage in enumerate(entry.model.items):
            for j, slug in enumerate(stage.cases):
                if slug not in cases:
                    errors.append(entry.doc.error(("items", i, "cases", j), f"onbekend voorbeeld '{slug}' (zie cases/).{suggest(slug, cases)}"))
