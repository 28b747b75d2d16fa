"""Read the open data CSV tables back into plain dicts: the inverse of ``generator/opendata/tables.py``.

Only the tests need it, to prove the round trip (every entry comes back through CSV equal
to the content model); the site publishes CSV and never reads it.
"""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel

from generator.opendata.fields import child_fields, fields_of, general_advice
from generator.opendata.tables import GENERAL_PREFIX, LIST_SEPARATOR
from generator.schema import REFERENCE_FILES


def split_list(cell: str) -> list[str]:
    """Inverse of tables.join_list: the items of a list cell, escapes undone."""
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


def _text_value(cell: str):
    return {"algemeen": cell[len(GENERAL_PREFIX) :]} if cell.startswith(GENERAL_PREFIX) else cell


def _unflatten(model: type[BaseModel], row: dict[str, str], prefix: str = "") -> dict:
    """Inverse of tables._flatten: empty cells are left out, so defaults (None, [], false) apply."""
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
                data[name] = [_text_value(i) for i in items] if general_advice(model, name) else items
        elif shape.kind == "value" and row.get(key, "") != "":
            data[name] = _text_value(row[key]) if general_advice(model, name) else row[key]
    return data


def read_csv(model: type[BaseModel], tables: dict[str, str], name: str, keys: tuple[str, ...] = ("slug",)) -> dict[tuple, dict]:
    """Read a main table and its child tables back into one dict per entry, keyed by the key columns.

    The dicts hold strings; ``model.model_validate`` turns them into the typed model.
    """
    entries: dict[tuple, dict] = {}
    for row in csv.DictReader(io.StringIO(tables[name])):
        entries[tuple(row[k] for k in keys)] = _unflatten(model, row)
    for field, child in child_fields(model).items():
        rows = sorted(csv.DictReader(io.StringIO(tables[f"{name}-{field}"])), key=lambda r: int(r["nr"]))
        for row in rows:
            entries[tuple(row[k] for k in keys)].setdefault(field, []).append(_unflatten(child, row))
    return entries


def read_reference_csv(tables: dict[str, str]) -> dict[str, dict[str, dict]]:
    """Inverse of tables.reference_csv: {kind: {slug: fields}}."""
    result: dict[str, dict[str, dict]] = {}
    for row in csv.DictReader(io.StringIO(tables["reference"])):
        model = REFERENCE_FILES[row["kind"]]
        result.setdefault(row["kind"], {})[row["slug"]] = _unflatten(model, row)
    for row in sorted(csv.DictReader(io.StringIO(tables["reference-sources"])), key=lambda r: int(r["nr"])):
        result[row["kind"]][row["slug"]].setdefault("sources", []).append({"doc": row["doc"], "section": row["section"]})
    return result
