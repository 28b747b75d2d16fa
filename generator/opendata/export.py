"""Publish the content as open data under ``/data/``: JSON, CSV and JSON Schema.

Everything here is derived from the validated content model and the pydantic
schema, so the files can never disagree with the site:

* ``data/<kind>.json``: one file per kind (cases, methods, lessons, guides when
  there are any), an object with licence and source information and ``items``,
  one record per entry: ``{"slug": ..., <the fields of the YAML file>}``.
* ``data/reference.json``: every reference list (the allowed values of each facet).
* ``data/<kind>.csv`` and ``data/<kind>-<field>.csv``: the same records as tables
  (``tables.py``).
* ``data/schema/*.schema.json``: the JSON Schema of each export file and of each
  YAML file (the latter is what ``toolbox schema`` writes for editors).
"""

from __future__ import annotations

import copy
import json
import typing

from pydantic import BaseModel

from ..content import Content
from ..jsonschema import schemas
from ..layout import DATA_DIR, ENTRY_KINDS, KINDS
from ..schema import SLUG_PATTERN
from .fields import MODELS
from .tables import csv_tables, reference_csv

SCHEMA_DIR = f"{DATA_DIR}/schema"
TITLE = "Toolbox Participatie Groningen"

# The data licence. CC0: the content restates a public document of the gemeente Groningen,
# and the Dutch government's open data policy prefers CC0 so reuse needs no conditions.
LICENSE = {
    "name": "CC0 1.0 Universeel (Publiek domein)",
    "id": "CC0-1.0",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


def title(kind: str) -> str:
    """The title of a kind's export file: "Toolbox Participatie Groningen: voorbeelden"."""
    return f"{TITLE}: {KINDS[kind].plural}"


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
    return _document("reference", f"{TITLE}: referentielijsten", lists)


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
    for kind in ENTRY_KINDS:
        entry, defs = _split_defs(editor[KINDS[kind].file])
        entry["properties"] = {"slug": {"type": "string", "pattern": SLUG_PATTERN}, **entry["properties"]}
        entry["required"] = ["slug", *entry.get("required", [])]
        items = {"type": "array", "items": entry, "minItems": len(getattr(content, kind))}
        result[kind] = _wrapper_schema(title(kind), items, defs)
    all_defs: dict = {}
    lists = {}
    for kind in sorted(content.reference):
        schema, defs = _split_defs(editor[f"reference-{kind}"])
        _merge_defs(all_defs, defs)
        lists[kind] = schema
    items = {"type": "object", "additionalProperties": False, "required": sorted(lists), "properties": lists}
    result["reference"] = _wrapper_schema(f"{TITLE}: referentielijsten", items, all_defs)
    guides = guide_models(content)
    if guides:
        entry, defs = _split_defs(type(next(iter(guides.values()))).model_json_schema())
        entry["properties"] = {"slug": {"type": "string", "pattern": SLUG_PATTERN}, **entry["properties"]}
        entry["required"] = ["slug", *entry.get("required", [])]
        result["guides"] = _wrapper_schema(title("guides"), {"type": "array", "items": entry}, defs)
    return result


def guide_models(content: Content) -> dict[str, BaseModel]:
    """Guides are exported as JSON when they exist and are pydantic models (a tree: no CSV)."""
    guides = dict(getattr(content, "guides", {}) or {})
    return guides if guides and all(isinstance(g, BaseModel) for g in guides.values()) else {}


def _json(data, *, compact: bool = False) -> str:
    """Schemas are indented for people; the data files are compact (smaller, and the C encoder is ~10x faster)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- writing everything -----------------------------------------------------------------


def open_data_files(content: Content) -> dict[str, str]:
    """Every open data file as {path under the docs dir: text}."""
    files: dict[str, str] = {}
    for kind in ENTRY_KINDS:
        recs = records(getattr(content, kind))
        files[f"{DATA_DIR}/{kind}.json"] = _json(_document(kind, title(kind), recs), compact=True)
        for stem, text in csv_tables(MODELS[kind], recs, kind).items():
            files[f"{DATA_DIR}/{stem}.csv"] = text
    guides = guide_models(content)
    if guides:
        files[f"{DATA_DIR}/guides.json"] = _json(_document("guides", title("guides"), records(guides)), compact=True)
    files[f"{DATA_DIR}/reference.json"] = _json(reference_document(content), compact=True)
    for stem, text in reference_csv(content).items():
        files[f"{DATA_DIR}/{stem}.csv"] = text
    editor = schemas(content)
    for name, schema in export_schemas(content, editor).items():
        files[f"{SCHEMA_DIR}/{name}.schema.json"] = _json(schema)
    for name, schema in editor.items():
        files[f"{SCHEMA_DIR}/{name}.schema.json"] = _json(schema)
    return files
