"""Publish the content as open data under ``/data/``: JSON, CSV and JSON Schema.

Everything here is derived from the validated content model and the pydantic
schema, so the files can never disagree with the site:

* ``data/<kind>.json``: one file per kind (cases, methods, lessons, guides when
  there are any), an object with licence and source information and ``items``,
  one record per entry: ``{"slug": ..., <the fields of the YAML file>}``.
* ``data/reference.json``: every reference list (the allowed values of each facet).
* ``data/<kind>.csv``: one row per entry. Nested objects become dotted columns
  (``period.start``); a list of plain values becomes one cell with the items
  joined by ``;`` (a ``;`` or ``\\`` inside an item is escaped with ``\\``);
  a list of objects (``sources``, ``timeline``, ``figures``) gets its own table
  ``data/<kind>-<field>.csv`` with the entry's slug and the item's position.
* ``data/schema/*.schema.json``: the JSON Schema of each export file and of each
  YAML file (the latter is what ``toolbox schema`` writes for editors).

The codebook page (``open-data.md``) is generated from the same field walk, so a
new field in ``schema.py`` shows up in the exports and in the codebook at once.
``read_csv`` is the inverse of the CSV export; the tests use it to prove the round trip.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import io
import json
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from ..content import Content
from ..layout import REFERENCES
from ..schema import REFERENCE_FILES, SLUG_PATTERN, Case, Lesson, Method

DATA_DIR = "data"
SCHEMA_DIR = f"{DATA_DIR}/schema"
LIST_SEPARATOR = ";"

# The data licence. CC0: the content restates a public document of the gemeente Groningen,
# and the Dutch government's open data policy prefers CC0 so reuse needs no conditions.
LICENSE = {
    "name": "CC0 1.0 Universeel (Publiek domein)",
    "id": "CC0-1.0",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}

# Which model each exported kind uses, its file name and its Dutch name.
ENTRY_KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "cases": (Case, "case", "voorbeelden"),
    "methods": (Method, "method", "methoden"),
    "lessons": (Lesson, "lesson", "lessen"),
}

# --- Participedia ------------------------------------------------------------------
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
        "part_of": ("is_component_of", "direct", "het hoofdvoorbeeld; de omgekeerde richting (has_components) leid je af uit part_of van de andere voorbeelden"),
        "funding[].by": ("funder", "gedeeltelijk", "vrije tekst; bij ons per geldstroom, met bedrag en voorwaarde"),
        "participants[].value": ("number_of_participants", "gedeeltelijk", "het aantal zoals de brief het geeft (bijvoorbeeld 'zo'n 300'), per groep deelnemers"),
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


# --- walking the schema ---------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """How a field's value is stored: one value, a nested object, a list of values or of objects."""

    kind: str  # "value" | "model" | "list" | "model_list"
    base: object  # the innermost type: str, int, bool, date or a model class
    optional: bool


def shape_of(annotation) -> Shape:
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
        origin = typing.get_origin(annotation)
    if origin is tuple:
        inner = typing.get_args(annotation)[0]
        if typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return Shape("model_list", inner, optional)
        return Shape("list", inner, optional)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", annotation, optional)
    return Shape("value", annotation, optional)


@functools.cache
def fields_of(model: type[BaseModel]) -> tuple[tuple[str, Shape], ...]:
    """A model's fields and their shapes, worked out once per model (the export walks thousands of entries)."""
    return tuple((name, shape_of(info.annotation)) for name, info in model.model_fields.items())


@dataclass(frozen=True)
class Column:
    """One documented field: a dotted path and everything the codebook says about it."""

    path: str  # e.g. "period.start" or "timeline[].year"
    type_nl: str
    required: bool
    description: str
    table: str  # which CSV holds it: "" = the main file, else the child table's field name


def _inner_constraints(model: type[BaseModel], name: str) -> list:
    """The string constraints of a field, also when they sit inside tuple[...] or Optional[...]."""
    info = model.model_fields[name]
    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        ann = stack.pop()
        if typing.get_origin(ann) is typing.Annotated:
            found.extend(typing.get_args(ann)[1:])
            stack.append(typing.get_args(ann)[0])
        else:
            stack.extend(a for a in typing.get_args(ann) if a is not Ellipsis)
    return found


def _value_type_nl(model: type[BaseModel], name: str, base) -> str:
    if typing.get_origin(base) is dict:
        return "groep: naam → lijst van slugs"
    if base is bool:
        return "ja/nee (true/false)"
    if base is int:
        return "heel getal"
    if base is dt.date:
        return "datum (JJJJ-MM-DD)"
    for c in _inner_constraints(model, name):
        pattern = getattr(c, "pattern", None)
        if pattern == SLUG_PATTERN:
            return "slug"
        if pattern and pattern.startswith("^(") and pattern.endswith(")$"):
            return "een van: " + ", ".join(pattern[2:-2].split("|"))
        if getattr(c, "max_length", None) == 300:
            return "tekst (één regel)"
    return "tekst"


def _description(model: type[BaseModel], name: str, shape: Shape) -> str:
    info = model.model_fields[name]
    if info.description:
        return info.description
    if shape.kind in ("model", "model_list"):
        return (shape.base.__doc__ or "").strip().split("\n")[0]
    return ""


def columns(model: type[BaseModel], prefix: str = "", table: str = "", parent_required: bool = True, _seen: tuple = ()) -> list[Column]:
    """Every field of a model, nested objects and lists of objects included, in schema order."""
    result = []
    if model in _seen:  # a model that contains itself: documented once
        return result
    _seen = (*_seen, model)
    for name, info in model.model_fields.items():
        shape = shape_of(info.annotation)
        path = f"{prefix}{name}"
        required = info.is_required() and parent_required
        desc = _description(model, name, shape)
        if shape.kind == "model":
            result.append(Column(path, "groep velden", required, desc, table))
            result.extend(columns(shape.base, f"{path}.", table, required, _seen))
        elif shape.kind == "model_list":
            result.append(Column(path, "lijst van groepen velden", required, desc, table))
            result.extend(columns(shape.base, f"{path}[].", table or name, True, _seen))
        elif shape.kind == "list":
            result.append(Column(path, f"lijst van: {_value_type_nl(model, name, shape.base)}", required, desc, table))
        else:
            result.append(Column(path, _value_type_nl(model, name, shape.base), required, desc, table))
    return result


# --- JSON ---------------------------------------------------------------------------------


def records(entries: typing.Mapping[str, BaseModel]) -> list[dict]:
    return [{"slug": slug, **model.model_dump(mode="json")} for slug, model in entries.items()]


def _document(kind: str, title: str, items) -> dict:
    return {
        "title": title,
        "license": LICENSE,
        "source": "College van B&W Groningen, 'De oogst en de lessen van een collegeperiode Gebiedsgericht Werken' (brief aan de gemeenteraad, een openbaar document van de gemeente Groningen).",
        "schema": f"schema/{kind}.schema.json",
        "count": len(items),
        "items": items,
    }


def reference_document(content: Content) -> dict:
    lists = {
        kind: {"title": ref.title, "intro": list(ref.intro), "items": [item.model_dump(mode="json") for item in ref]}
        for kind, ref in sorted(content.reference.items())
    }
    return _document("reference", "Toolbox Participatie Groningen: referentielijsten", lists)


def _wrapper_schema(title: str, items_schema: dict, defs: dict) -> dict:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "license", "source", "schema", "count", "items"],
        "properties": {
            "title": {"type": "string"},
            "license": {
                "type": "object",
                "required": ["name", "id", "url"],
                "properties": {"name": {"type": "string"}, "id": {"type": "string"}, "url": {"type": "string"}},
            },
            "source": {"type": "string"},
            "schema": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "items": items_schema,
        },
    }
    if defs:
        schema["$defs"] = defs
    return schema


def _split_defs(schema: dict) -> tuple[dict, dict]:
    schema = copy.deepcopy(schema)
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    return schema, defs


def _merge_defs(into: dict, defs: dict) -> None:
    for name, definition in defs.items():
        if into.setdefault(name, definition) != definition:  # pragma: no cover - one pydantic model per name
            raise ValueError(f"two different schema definitions named {name}")


def export_schemas(content: Content, editor: dict[str, dict]) -> dict[str, dict]:
    """JSON Schema of each export file, built around the editor schema of one entry."""
    result = {}
    for kind, (_model, single, dutch) in ENTRY_KINDS.items():
        entry, defs = _split_defs(editor[single])
        entry["properties"] = {"slug": {"type": "string", "pattern": SLUG_PATTERN}, **entry["properties"]}
        entry["required"] = ["slug", *entry.get("required", [])]
        items = {"type": "array", "items": entry, "minItems": len(getattr(content, kind))}
        result[kind] = _wrapper_schema(f"Toolbox Participatie Groningen: {dutch}", items, defs)
    all_defs: dict = {}
    lists = {}
    for kind in sorted(content.reference):
        schema, defs = _split_defs(editor[f"reference-{kind}"])
        _merge_defs(all_defs, defs)
        lists[kind] = schema
    items = {"type": "object", "additionalProperties": False, "required": sorted(lists), "properties": lists}
    result["reference"] = _wrapper_schema("Toolbox Participatie Groningen: referentielijsten", items, all_defs)
    guides = _guide_models(content)
    if guides:
        entry, defs = _split_defs(type(next(iter(guides.values()))).model_json_schema())
        entry["properties"] = {"slug": {"type": "string", "pattern": SLUG_PATTERN}, **entry["properties"]}
        entry["required"] = ["slug", *entry.get("required", [])]
        result["guides"] = _wrapper_schema("Toolbox Participatie Groningen: keuzehulpen", {"type": "array", "items": entry}, defs)
    return result


def _guide_models(content: Content) -> dict[str, BaseModel]:
    """Guides are exported as JSON when they exist and are pydantic models (a tree: no CSV)."""
    guides = dict(getattr(content, "guides", {}) or {})
    return guides if guides and all(isinstance(g, BaseModel) for g in guides.values()) else {}


def _json(data, *, compact: bool = False) -> str:
    """Schemas are indented for people; the data files are compact (smaller, and the C encoder is ~10x faster)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- CSV ----------------------------------------------------------------------------------


def join_list(items) -> str:
    return LIST_SEPARATOR.join(str(i).replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR) for i in items)


def split_list(cell: str) -> list[str]:
    if cell == "":
        return []
    items, current, escaped = [], [], False
    for ch in cell:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == LIST_SEPARATOR:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# In CSV a text item that is general advice (JSON: {"algemeen": text}) is written "algemeen: text",
# the way editors write it in YAML: the mark survives in a plain text cell.
GENERAL_PREFIX = "algemeen: "


def _marked(model: type[BaseModel], name: str) -> bool:
    """True for a text field whose items may be general advice (schema.MarkedText)."""
    return (model.model_fields[name].json_schema_extra or {}) == {"editorial": "algemeen"}


def _text_cell(value) -> str:
    return GENERAL_PREFIX + value["algemeen"] if isinstance(value, dict) else _cell(value)


def _text_value(cell: str):
    return {"algemeen": cell[len(GENERAL_PREFIX):]} if cell.startswith(GENERAL_PREFIX) else cell


def _flatten(model: type[BaseModel], data: dict, prefix: str = "") -> dict[str, str]:
    """One CSV row from a dumped model; lists of objects are left to child tables."""
    row = {}
    for name, shape in fields_of(model):
        value = data.get(name)
        key = f"{prefix}{name}"
        if shape.kind == "model":
            row.update(_flatten(shape.base, value or {}, f"{key}."))
        elif shape.kind == "list":
            row[key] = join_list([_text_cell(v) for v in value or []] if _marked(model, name) else value or [])
        elif shape.kind == "value":
            row[key] = _text_cell(value) if _marked(model, name) else _cell(value)
    return row


def _header(model: type[BaseModel], prefix: str = "") -> list[str]:
    names = []
    for name, shape in fields_of(model):
        if shape.kind == "model":
            names.extend(_header(shape.base, f"{prefix}{name}."))
        elif shape.kind != "model_list":
            names.append(f"{prefix}{name}")
    return names


def _child_fields(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    return {name: shape.base for name, shape in fields_of(model) if shape.kind == "model_list"}


def _csv_text(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def csv_tables(model: type[BaseModel], records_: list[dict], name: str, keys: tuple[str, ...] = ("slug",)) -> dict[str, str]:
    """The main table and one child table per list-of-objects field, as CSV text by file stem."""
    header = list(keys) + _header(model)
    main_rows, child_rows = [], {f: [] for f in _child_fields(model)}
    for record in records_:
        key_values = {k: record[k] for k in keys}
        main_rows.append({**key_values, **_flatten(model, record)})
        for field, child in _child_fields(model).items():
            for i, item in enumerate(record.get(field) or [], start=1):
                child_rows[field].append({**key_values, "nr": str(i), **_flatten(child, item)})
    tables = {name: _csv_text(header, main_rows)}
    for field, child in _child_fields(model).items():
        tables[f"{name}-{field}"] = _csv_text(list(keys) + ["nr"] + _header(child), child_rows[field])
    return tables


def _unflatten(model: type[BaseModel], row: dict[str, str], prefix: str = "") -> dict:
    """Inverse of _flatten: empty cells are left out, so defaults (None, [], false) apply."""
    data = {}
    for name, shape in fields_of(model):
        key = f"{prefix}{name}"
        if shape.kind == "model":
            nested = _unflatten(shape.base, row, f"{key}.")
            if nested:
                data[name] = nested
        elif shape.kind == "list":
            if row.get(key, ""):
                items = split_list(row[key])
                data[name] = [_text_value(i) for i in items] if _marked(model, name) else items
        elif shape.kind == "value" and row.get(key, "") != "":
            data[name] = _text_value(row[key]) if _marked(model, name) else row[key]
    return data


def read_csv(model: type[BaseModel], tables: dict[str, str], name: str, keys: tuple[str, ...] = ("slug",)) -> dict[tuple, dict]:
    """Read a main table and its child tables back into one dict per entry, keyed by the key columns.

    The dicts hold strings; ``model.model_validate`` turns them into the typed model.
    """
    entries: dict[tuple, dict] = {}
    for row in csv.DictReader(io.StringIO(tables[name])):
        entries[tuple(row[k] for k in keys)] = _unflatten(model, row)
    for field, child in _child_fields(model).items():
        rows = sorted(csv.DictReader(io.StringIO(tables[f"{name}-{field}"])), key=lambda r: int(r["nr"]))
        for row in rows:
            entries[tuple(row[k] for k in keys)].setdefault(field, []).append(_unflatten(child, row))
    return entries


def reference_csv(content: Content) -> dict[str, str]:
    """All reference items in one table (column 'kind' says which list); fields a list lacks stay empty."""
    union: dict[str, None] = {}
    for model in REFERENCE_FILES.values():
        union.update(dict.fromkeys(_header(model)))
    union_model_fields = list(union)
    rows, sources = [], []
    for kind, ref in sorted(content.reference.items()):
        model = REFERENCE_FILES[kind]
        for item in ref:
            data = item.model_dump(mode="json")
            rows.append({"kind": kind, **_flatten(model, data)})
            for i, src in enumerate(data.get("sources") or [], start=1):
                sources.append({"kind": kind, "slug": data["slug"], "nr": str(i), "doc": src["doc"], "section": src["section"]})
    return {
        "reference": _csv_text(["kind"] + union_model_fields, rows),
        "reference-sources": _csv_text(["kind", "slug", "nr", "doc", "section"], sources),
    }


def read_reference_csv(tables: dict[str, str]) -> dict[str, dict[str, dict]]:
    """Inverse of reference_csv: {kind: {slug: fields}}."""
    result: dict[str, dict[str, dict]] = {}
    for row in csv.DictReader(io.StringIO(tables["reference"])):
        model = REFERENCE_FILES[row["kind"]]
        result.setdefault(row["kind"], {})[row["slug"]] = _unflatten(model, row)
    for row in sorted(csv.DictReader(io.StringIO(tables["reference-sources"])), key=lambda r: int(r["nr"])):
        result[row["kind"]][row["slug"]].setdefault("sources", []).append({"doc": row["doc"], "section": row["section"]})
    return result


# --- writing everything -----------------------------------------------------------------


def open_data_files(content: Content) -> dict[str, str]:
    """Every open data file as {path under the docs dir: text}."""
    from ..jsonschema import schemas

    files: dict[str, str] = {}
    for kind, (model, _single, dutch) in ENTRY_KINDS.items():
        recs = records(getattr(content, kind))
        files[f"{DATA_DIR}/{kind}.json"] = _json(_document(kind, f"Toolbox Participatie Groningen: {dutch}", recs), compact=True)
        for stem, text in csv_tables(model, recs, kind).items():
            files[f"{DATA_DIR}/{stem}.csv"] = text
    guides = _guide_models(content)
    if guides:
        files[f"{DATA_DIR}/guides.json"] = _json(_document("guides", "Toolbox Participatie Groningen: keuzehulpen", records(guides)), compact=True)
    files[f"{DATA_DIR}/reference.json"] = _json(reference_document(content), compact=True)
    for stem, text in reference_csv(content).items():
        files[f"{DATA_DIR}/{stem}.csv"] = text
    editor = schemas(content)
    for name, schema in export_schemas(content, editor).items():
        files[f"{SCHEMA_DIR}/{name}.schema.json"] = _json(schema)
    for name, schema in editor.items():
        files[f"{SCHEMA_DIR}/{name}.schema.json"] = _json(schema)
    return files


def codebook(content: Content) -> list[dict]:
    """What the Open data page documents: per kind, its files and every field."""
    sections = []
    for kind, (model, single, dutch) in ENTRY_KINDS.items():
        rows = []
        for col in columns(model):
            target = REFERENCES[kind].get(col.path)
            rows.append({"col": col, "participedia": PARTICIPEDIA[kind].get(col.path), "allowed": _allowed_nl(target)})
        sections.append({
            "kind": kind,
            "title": dutch.capitalize(),
            "count": len(getattr(content, kind)),
            "json": f"{DATA_DIR}/{kind}.json",
            "csv": [f"{DATA_DIR}/{kind}.csv"] + [f"{DATA_DIR}/{kind}-{f}.csv" for f in _child_fields(model)],
            "schema": f"{SCHEMA_DIR}/{kind}.schema.json",
            "entry_schema": f"{SCHEMA_DIR}/{single}.schema.json",
            "rows": rows,
        })
    guides = _guide_models(content)
    if guides:
        model = type(next(iter(guides.values())))
        sections.append({
            "kind": "guides",
            "title": "Keuzehulpen",
            "count": len(guides),
            "json": f"{DATA_DIR}/guides.json",
            "csv": [],  # a guide is a tree of questions and rules: JSON only
            "schema": f"{SCHEMA_DIR}/guides.schema.json",
            "entry_schema": None,
            "rows": [{"col": col, "participedia": None, "allowed": ""} for col in columns(model)],
        })
    return sections


def _allowed_nl(target: str | None) -> str:
    if target is None:
        return ""
    kind, _, dimension = target.partition(":")
    if kind in ENTRY_KINDS:
        return f"de slug van een van de {ENTRY_KINDS[kind][2]}"
    return f"een slug uit de referentielijst '{kind}'" + (f" met dimension '{dimension}'" if dimension else "")


def reference_columns() -> list[dict]:
    """The fields of all reference lists together, each with the lists that have it."""
    merged: dict[str, dict] = {}
    for kind, model in REFERENCE_FILES.items():
        for col in columns(model):
            row = merged.setdefault(col.path, {"col": col, "kinds": [], "descriptions": []})
            row["kinds"].append(kind)
            if col.description and col.description not in row["descriptions"]:
                row["descriptions"].append(col.description)
    everywhere = len(REFERENCE_FILES)
    for row in merged.values():
        row["all"] = len(row["kinds"]) == everywhere
    return list(merged.values())


def write_open_data(renderer) -> None:
    """The pages.py section: data files plus the generated codebook page."""
    content = renderer.content
    for rel, text in open_data_files(content).items():
        renderer.write(rel, text)
    renderer.page(
        "open-data.md",
        "open_data.md.j2",
        sections=codebook(content),
        reference_columns=reference_columns(),
        license=LICENSE,
        no_counterpart=NO_COUNTERPART,
    )
