"""``/data/datapackage.json``: a Frictionless Data Package describing every CSV file.

With it, ``frictionless``, pandas users and data platforms load each table with its
column types instead of guessing. Everything is derived from the same pydantic models
and field walk as the CSV export and the JSON Schema (``fields.py``), and the allowed
values come from the reference data, so the package cannot disagree with the files:

* one resource per CSV, with a Table Schema: a type per column (string, integer,
  boolean, date), ``required`` where the model requires a value, ``enum`` for a field
  that holds one slug from a reference list, and a ``pattern`` for a ``;``-joined list
  of such slugs (only allowed slugs, separated by ``;``);
* primary keys (``slug``; ``slug`` + ``nr`` in child tables; ``kind`` + ``slug`` for the
  reference table) and foreign keys from each child table to its main table;
* licence CC0 and the source letter.
"""

from __future__ import annotations

import datetime as dt
import re
import typing

from pydantic import BaseModel

from ..content import Content
from ..layout import DATA_DIR, ENTRY_KINDS
from ..schema import REFERENCE_FILES
from .export import LICENSE, title
from .fields import MODELS, child_fields, fields_of, general_advice
from .tables import LIST_SEPARATOR

PACKAGE_FILE = f"{DATA_DIR}/datapackage.json"
SOURCE_TITLE = "College van B&W Groningen, 'De oogst en de lessen van een collegeperiode Gebiedsgericht Werken' (brief aan de gemeenteraad, najaar 2018)"


def _table_type(base) -> str:
    if base is bool:
        return "boolean"
    if base is int:
        return "integer"
    if base is dt.date:
        return "date"
    return "string"


def _min_length(model: type[BaseModel], name: str) -> int:
    return max((getattr(m, "min_length", 0) or 0 for m in model.model_fields[name].metadata), default=0)


def _list_pattern(allowed: list[str]) -> str:
    """Only allowed slugs, joined by the list separator (Table Schema patterns match the whole value)."""
    one = "(?:" + "|".join(re.escape(a) for a in allowed) + ")"
    return f"{one}(?:{re.escape(LIST_SEPARATOR)}{one})*"


def table_fields(
    model: type[BaseModel], allowed: typing.Callable[[str], list[str] | None], prefix: str = "", parent_required: bool = True
) -> list[dict]:
    """Table Schema fields in CSV column order (the same walk as tables._header)."""
    result = []
    for name, shape in fields_of(model):
        info = model.model_fields[name]
        path = f"{prefix}{name}"
        required = parent_required and info.is_required() and not shape.optional
        if shape.kind == "model":
            result += table_fields(shape.base, allowed, f"{path}.", required)
            continue
        if shape.kind == "model_list":
            continue  # its own child table
        field: dict = {"name": path, "type": "string" if shape.kind == "list" else _table_type(shape.base)}
        if info.description:
            field["description"] = info.description
        if general_advice(model, name):  # see tables.GENERAL_PREFIX
            field["description"] = (
                field.get("description", "") + " Een tekst die begint met 'algemeen: ' is algemeen advies van de makers, niet uit de brief."
            ).strip()
        constraints: dict = {}
        if shape.kind == "list":
            field["description"] = (field.get("description", "") + f" Lijst: waarden gescheiden door '{LIST_SEPARATOR}'.").strip()
            if required and _min_length(model, name) >= 1:
                constraints["required"] = True
        elif required and field["type"] != "boolean":  # a bool with a default is always written
            constraints["required"] = True
        values = allowed(path)
        if values:
            if shape.kind == "list":
                constraints["pattern"] = _list_pattern(values)
            else:
                constraints["enum"] = values
        if constraints:
            field["constraints"] = constraints
        result.append(field)
    return result


def _resource(name: str, fields: list[dict], primary_key: list[str], title: str, foreign_keys: list[dict] | None = None) -> dict:
    schema: dict = {"fields": fields, "primaryKey": primary_key, "missingValues": [""]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name,
        "title": title,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": schema,
    }


def _key_fields(kind_key: bool = False) -> list[dict]:
    fields = [{"name": "kind", "type": "string", "constraints": {"required": True, "enum": sorted(REFERENCE_FILES)}}] if kind_key else []
    return fields + [{"name": "slug", "type": "string", "constraints": {"required": True}}]


NR_FIELD = {
    "name": "nr",
    "type": "integer",
    "description": "Plaats in de lijst van het item (1, 2, ...).",
    "constraints": {"required": True, "minimum": 1},
}


def data_package(content: Content, allowed_for: typing.Callable[[str, str], list[str] | None]) -> dict:
    """The package as a dict. ``allowed_for(kind, column)`` gives the allowed slugs of a column, or None."""
    resources = []
    for kind in ENTRY_KINDS:
        model = MODELS[kind]
        allowed = lambda path, kind=kind: allowed_for(kind, path)  # noqa: E731
        resources.append(_resource(kind, _key_fields() + table_fields(model, allowed), ["slug"], title(kind)))
        for field, child in child_fields(model).items():
            child_allowed = lambda path, kind=kind, field=field: allowed_for(kind, f"{field}.{path}")  # noqa: E731
            resources.append(
                _resource(
                    f"{kind}-{field}",
                    _key_fields() + [NR_FIELD] + table_fields(child, child_allowed),
                    ["slug", "nr"],
                    f"{title(kind)}: {field}",
                    [{"fields": "slug", "reference": {"resource": kind, "fields": "slug"}}],
                )
            )
    # The reference table: all lists in one table; a column a list does not have stays empty.
    columns: dict[str, dict] = {}
    for model in REFERENCE_FILES.values():
        for f in table_fields(model, lambda path: None):
            f.pop("constraints", None)  # required in one list, absent in another
            columns.setdefault(f["name"], f)
    ref_fields = _key_fields(kind_key=True) + [f for name, f in columns.items() if name != "slug"]
    resources.append(_resource("reference", ref_fields, ["kind", "slug"], "Referentielijsten"))
    resources.append(
        _resource(
            "reference-sources",
            _key_fields(kind_key=True)
            + [NR_FIELD]
            + [
                {"name": "doc", "type": "string", "constraints": {"required": True, "enum": sorted(content.ref("bronnen").items)}},
                {"name": "section", "type": "string", "constraints": {"required": True}},
            ],
            ["kind", "slug", "nr"],
            "Referentielijsten: bronnen",
            [{"fields": ["kind", "slug"], "reference": {"resource": "reference", "fields": ["kind", "slug"]}}],
        )
    )
    return {
        "profile": "tabular-data-package",
        "name": "toolbox-participatie-groningen",
        "title": "Toolbox Participatie Groningen: voorbeelden, methoden, lessen en referentielijsten",
        "description": (
            "Praktijkvoorbeelden, participatiemethoden en lessen over gebiedsgericht werken in Groningen, "
            "met de referentielijsten (stadsdelen, wijken, rollen, ...). Elke tabel is ook als JSON beschikbaar; "
            "zie ook catalog.jsonld."
        ),
        "licenses": [{"name": LICENSE["id"], "title": LICENSE["name"], "path": LICENSE["url"]}],
        "sources": [{"title": SOURCE_TITLE}],
        "keywords": ["participatie", "gebiedsgericht werken", "Groningen", "bewonersinitiatieven"],
        "resources": resources,
    }
