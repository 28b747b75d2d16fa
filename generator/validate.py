"""Validate all content: every file against the schema, then every reference across files.

All problems are collected and returned together, like check-jsonschema does,
so an editor fixes a whole batch in one round instead of one error per run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import layout
from .content import Content, ReferenceList, freeze
from .errors import ContentError, ContentErrors, slug_form, suggest
from .guides.check import check_guides
from .guides.rules import check_guide
from .guides.schema import Guide
from .references import check_slugs
from .validate_cases import check_case_fields
from .load import Document, load_document
from .messages import translate
from .rules_marks import check_marks
from .rules_time import check_guide_time_words, check_time_words
from .schema import REFERENCE_FILES, REFERENCE_MODELS, SLUG_PATTERN, Case, Lesson, Method, SourceRef
from .layout import SYNONYMS_FILE
from .search.synonyms_file import load_synonyms

# The model of each kind's files; where they live and what their fields point at is the
# content layout (layout.py). Reference files have a model per file (REFERENCE_MODELS).
MODELS: dict[str, type[BaseModel]] = {"cases": Case, "methods": Method, "lessons": Lesson, "guides": Guide}
FOLDERS: dict[str, str] = {**{kind: layout.KINDS[kind].folder for kind in MODELS}, "reference": layout.REFERENCE_FOLDER}
OPTIONAL = {"guides"}  # a site without decision guides is fine

_slug_re = re.compile(SLUG_PATTERN)


@dataclass
class Entry:
    kind: str
    slug: str
    doc: Document
    model: BaseModel  # for a file with schema errors: only its well-formed fields (see _partial)


# --- file names: one list of rules for `toolbox check`, `toolbox build` and `toolbox new` ---------


def _outside_project(root: Path, kind: str, path: Path) -> str | None:
    """A symlink (or a linked folder) that leads out of the project would publish a file from elsewhere."""
    try:
        real = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop
        return "dit bestand is een link die naar zichzelf blijft verwijzen; zet het bestand zelf in de map."
    if not real.is_relative_to(root.resolve()):
        return "dit bestand is een link naar een bestand buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat)."
    return None


def _slug_form(root: Path, kind: str, path: Path) -> str | None:
    if kind == "reference" or _slug_re.match(path.stem):
        return None
    fixed = slug_form(path.stem) or "de-stroming"
    return f"bestandsnaam '{path.name}' is geen geldige slug; gebruik kleine letters a-z, cijfers en streepjes. Bedoel je '{fixed}.yaml'?"


def _reserved_name(root: Path, kind: str, path: Path) -> str | None:
    if kind != "reference" and path.stem in layout.reserved_for(kind):
        return f"de naam '{path.stem}' is gereserveerd voor de site; kies een andere bestandsnaam."
    return None


def _reference_name(root: Path, kind: str, path: Path) -> str | None:
    if kind == "reference" and path.stem not in REFERENCE_FILES:
        return f"onbekend referentiebestand '{path.stem}'.{suggest(path.stem, REFERENCE_FILES)}"
    return None


# Each rule: (root, kind, path) -> Dutch message or None. The first message counts.
NAME_RULES = [_outside_project, _slug_form, _reserved_name, _reference_name]


def name_problem(root: Path, kind: str, path: Path) -> str | None:
    """Why a content file may not have this path, or None. `toolbox new` asks the same."""
    return next((m for rule in NAME_RULES if (m := rule(root, kind, path))), None)


def _discover(root: Path, errors: list[ContentError]) -> list[tuple[str, Path]]:
    found = []
    for kind, folder in FOLDERS.items():
        base = root / folder
        if not base.is_dir() and kind in OPTIONAL:
            continue
        if not base.is_dir():
            errors.append(ContentError(folder, 1, 1, f"map '{folder}' ontbreekt."))
            continue
        if _outside_project(root, kind, base) is not None:
            errors.append(
                ContentError(
                    folder, 1, 1, f"map '{folder}' is een link naar een map buiten het project; zet de bestanden zelf in het project."
                )
            )
            continue
        for path in sorted(base.iterdir()):
            rel = path.relative_to(root).as_posix()
            if rel == SYNONYMS_FILE:  # not a list of allowed values: checked by load_synonyms
                continue
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


def _hand_written_links(root: Path, errors: list[ContentError]) -> None:
    """docs/ and theme/ are published with the site: a link in them to a file elsewhere would publish that file."""
    for folder in (layout.PAGES_FOLDER, layout.THEME_FOLDER):
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink() and _outside_project(root, folder, path):
                errors.append(
                    ContentError(
                        path.relative_to(root).as_posix(),
                        1,
                        1,
                        "dit is een link naar iets buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat).",
                    )
                )


def _walk_sources(model: BaseModel, loc: tuple):
    """Yield (loc, SourceRef) for every source reference anywhere in a model."""
    for name in type(model).model_fields:
        value = getattr(model, name, None)  # a partial model (see _partial) lacks its broken fields
        yield from _walk_value(value, loc + (name,))


def _walk_value(value, loc):
    if isinstance(value, SourceRef):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from _walk_sources(value, loc)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk_value(item, loc + (i,))


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata]) if info.metadata else TypeAdapter(info.annotation)


def _partial(model: type[BaseModel], data: dict) -> BaseModel:
    """A file that failed the schema, with only its well-formed fields: their references are
    still checked in the same run, so six faults in one file take one run, not four."""
    good = {}
    for name in model.model_fields:
        if name in data:
            try:
                good[name] = _field_adapter(model, name).validate_python(data[name])
            except ValidationError:
                continue
    return model.model_construct(**good)


@dataclass
class Checked:
    """What the content rules see: every entry that could be read, by kind and slug."""

    root: Path
    by_kind: dict[str, dict[str, Entry]]  # entries that passed the schema
    partial: dict[str, dict[str, Entry]]  # entries with schema errors: their well-formed fields only
    broken: set[str]  # "kind:slug" of files that exist but failed: no cascade of dangling-reference errors
    reference: dict[str, ReferenceList]
    allowed: dict[str, set[str]]

    def entries(self, kind: str):
        yield from self.by_kind[kind].values()
        yield from self.partial[kind].values()


def load_content(root: Path) -> Content:
    """Load and validate everything under root. Raises ContentErrors with all problems."""
    errors: list[ContentError] = []
    by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in FOLDERS}
    partial: dict[str, dict[str, Entry]] = {kind: {} for kind in by_kind}
    broken: set[str] = set()
    _hand_written_links(root, errors)
    for kind, path in _discover(root, errors):
        rel = path.relative_to(root).as_posix()
        problem = name_problem(root, kind, path)
        if problem is not None:
            errors.append(ContentError(rel, 1, 1, problem))
            broken.add(f"{kind}:{path.stem}")
            if _outside_project(root, kind, path) is not None:
                continue  # never read a file from outside the project
        doc, load_errors = load_document(path, root)  # a badly named file is still read: all its faults at once
        errors.extend(load_errors)
        if doc is None or problem is not None:
            broken.add(f"{kind}:{path.stem}")
            continue
        slug = path.stem
        model_cls = REFERENCE_MODELS[slug] if kind == "reference" else MODELS[kind]
        try:
            model = model_cls.model_validate(doc.data)
        except ValidationError as exc:
            errors.extend(translate(exc, doc, model_cls))
            model = None
        if model is None or load_errors:
            broken.add(f"{kind}:{slug}")
            if kind not in ("reference", "guides"):  # a guide's rules need its whole tree
                partial[kind][slug] = Entry(kind, slug, doc, model or _partial(model_cls, doc.data))
            continue
        by_kind[kind][slug] = Entry(kind, slug, doc, model)

    reference = _reference_lists(by_kind["reference"], errors)
    for kind in sorted(set(REFERENCE_FILES) - set(reference)):
        if not (root / layout.file_path("reference", kind)).exists():  # a broken one is reported already
            errors.append(
                ContentError(
                    layout.file_path("reference", kind),
                    1,
                    1,
                    f"referentiebestand '{kind}.yaml' ontbreekt; het bepaalt de toegestane waarden.",
                )
            )

    checked = Checked(root, by_kind, partial, broken, reference, _allowed_values(by_kind, reference))
    for rule in RULES:
        rule(checked, errors)

    guides = checked.by_kind["guides"]
    synonyms = load_synonyms(root, errors)  # toolbox/reference/synoniemen.yaml (generator/search/synonyms.py)

    if errors:
        raise ContentErrors(errors)
    content = Content(
        cases=freeze({s: e.model for s, e in sorted(by_kind["cases"].items())}),
        methods=freeze({s: e.model for s, e in sorted(by_kind["methods"].items())}),
        lessons=freeze({s: e.model for s, e in sorted(by_kind["lessons"].items())}),
        reference=freeze(reference),
        guides=freeze({s: g.model for s, g in sorted(guides.items())}),
        synonyms=synonyms,
    )
    # Every answer path of every guide, evaluated against the content: dead ends, advice never given.
    path_errors = check_guides(content, guides)
    if path_errors:
        raise ContentErrors(path_errors)
    return content


# --- content rules: each is (Checked, errors) -> None; RULES runs them in order -----------------


def _rule_references(c: Checked, errors) -> None:
    for kind in ("cases", "methods", "lessons"):
        for entry in c.entries(kind):
            _check_references(entry, layout.REFERENCES[kind], c.allowed, c.broken, errors)


def _rule_sources(c: Checked, errors) -> None:
    for kind in ("cases", "methods", "lessons", "guides", "reference"):
        for entry in c.entries(kind):
            _check_sources(entry, c.reference, errors)


def _rule_wijken(c: Checked, errors) -> None:
    _check_wijken({e.slug: e for e in c.entries("cases")}, c.reference, errors)


def _rule_public_values(c: Checked, errors) -> None:
    _check_public_values({e.slug: e for e in c.entries("cases")}, c.reference, errors)


def _rule_reference_links(c: Checked, errors) -> None:
    cases = set(c.by_kind["cases"]) | {k.split(":", 1)[1] for k in c.broken if k.startswith("cases:")}
    _check_reference_links(c.by_kind["reference"], c.reference, errors, cases)


def _rule_case_fields(c: Checked, errors) -> None:
    check_case_fields(c.by_kind["cases"], c.by_kind["lessons"], errors)  # generator/validate_cases.py


def _rule_time_words(c: Checked, errors) -> None:
    check_time_words(c.root, c.by_kind, c.reference, errors)  # no "nu" in texts citing a dated source
    check_guide_time_words(c.root, c.by_kind["guides"], c.reference, errors)  # guides retell the dated letter too


def _rule_guides(c: Checked, errors) -> None:
    for entry in c.by_kind["guides"].values():  # questions, conditions and the references in rules (guides/rules.py)
        errors.extend(check_guide(entry.model, entry.doc, c.allowed, c.broken))


def _rule_marks(c: Checked, errors) -> None:
    check_marks(c.by_kind["methods"], c.by_kind["reference"], errors)  # every editorial value carries its mark


def _rule_methods_used(c: Checked, errors) -> None:
    if not errors:  # a completeness check: only meaningful once every reference is sound
        _check_methods_used(c.by_kind, errors)


# The content rules, in the order they run. A new rule: a function like the ones above, added here.
RULES = [
    _rule_references,
    _rule_sources,
    _rule_wijken,
    _rule_public_values,
    _rule_case_fields,
    _rule_time_words,
    _rule_marks,
    _rule_guides,
    _rule_reference_links,
    _rule_methods_used,
]


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
        value = getattr(entry.model, field, None)  # None: missing or malformed, reported by the schema
        errors.extend(check_slugs(entry.doc, (), field, value, target, allowed, broken, own=(entry.kind, entry.slug)))


def _check_sources(entry: Entry, reference: dict[str, ReferenceList], errors) -> None:
    sources = reference.get("bronnen")
    if sources is None:
        return
    for loc, ref in _walk_sources(entry.model, ()):
        source = sources.items.get(ref.doc)
        if source is None:
            errors.append(
                entry.doc.error(
                    loc + ("doc",), f"onbekende bron '{ref.doc}' (zie toolbox/reference/bronnen.yaml).{suggest(ref.doc, sources.items)}"
                )
            )
        elif ref.section not in source.sections:
            errors.append(
                entry.doc.error(
                    loc + ("section",),
                    f"bron '{ref.doc}' heeft geen onderdeel '{ref.section}'.{suggest(ref.section, source.sections, limit=30)}",
                )
            )


def _check_methods_used(by_kind: dict[str, dict[str, Entry]], errors) -> None:
    """A method no case used is only honest when its page says the description is general."""
    used = {m for entry in by_kind["cases"].values() for m in entry.model.methods}
    for slug, entry in by_kind["methods"].items():
        if slug not in used and not entry.model.general:
            errors.append(
                entry.doc.error(
                    ("general",),
                    "geen enkel voorbeeld gebruikt deze methode; noem haar bij een voorbeeld (veld 'methods') of zet 'general: true'.",
                    key=True,
                )
            )


def _check_wijken(cases: dict[str, Entry], reference: dict[str, ReferenceList], errors) -> None:
    """A wijk the source places in a stadsdeel cannot appear under another stadsdeel."""
    wijken = reference.get("wijken")
    stadsdelen = reference.get("stadsdelen")
    if wijken is None or stadsdelen is None:
        return
    for entry in cases.values():
        case = entry.model
        stadsdeel = getattr(case, "stadsdeel", None)  # a partial model may lack it
        for i, slug in enumerate(case.wijken):
            wijk = wijken.items.get(slug)
            if stadsdeel not in stadsdelen.items or stadsdeel == "stedelijk":
                break  # an unknown stadsdeel is reported already; a city-wide case may name any wijk
            if wijk and wijk.stadsdeel and wijk.stadsdeel != case.stadsdeel:
                errors.append(
                    entry.doc.error(("wijken", i), f"wijk '{slug}' ligt in stadsdeel '{wijk.stadsdeel}', niet in '{case.stadsdeel}'.")
                )


def _check_public_values(cases: dict[str, Entry], reference: dict[str, ReferenceList], errors) -> None:
    """A case's notes on a public value link to that value's entry in publieke-waarden.yaml."""
    values = reference.get("publieke-waarden")
    if values is None:
        return
    for entry in cases.values():
        notes = entry.model.public_values
        for key in type(notes).model_fields if notes else ():
            if getattr(notes, key) and key not in values.items:
                errors.append(
                    entry.doc.error(
                        ("public_values", key), f"publieke waarde '{key}' staat niet in toolbox/reference/publieke-waarden.yaml.", key=True
                    )
                )


def _check_reference_links(entries: dict[str, Entry], reference: dict[str, ReferenceList], errors, cases=frozenset()) -> None:
    if "wijken" in entries and "stadsdelen" in reference:
        entry = entries["wijken"]
        for i, wijk in enumerate(entry.model.items):
            if wijk.stadsdeel and wijk.stadsdeel not in reference["stadsdelen"].items:
                errors.append(
                    entry.doc.error(
                        ("items", i, "stadsdeel"),
                        f"onbekend stadsdeel '{wijk.stadsdeel}'.{suggest(wijk.stadsdeel, reference['stadsdelen'].items)}",
                    )
                )
    if "groei" in entries:
        entry = entries["groei"]
        for i, stage in enumerate(entry.model.items):
            for j, slug in enumerate(stage.cases):
                if slug not in cases:
                    errors.append(
                        entry.doc.error(("items", i, "cases", j), f"onbekend voorbeeld '{slug}' (zie cases/).{suggest(slug, cases)}")
                    )
