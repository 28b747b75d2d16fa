"""The CSV tables: one row per entry, one table per list of objects.

Nested objects become dotted columns (``period.start``); a list of plain values becomes
one cell with the items joined by ``;`` (a ``;`` or ``\\`` inside an item is escaped with
``\\``); a list of objects (``sources``, ``timeline``, ``figures``) gets its own table
``<kind>-<field>`` with the entry's slug and the item's position (``nr``). The data
package (``datapackage.py``) describes these tables column by column; the tests read
them back (``tests/opendata_readers.py``) to prove the round trip.
"""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel

from ..content import Content
from ..schema import REFERENCE_FILES
from .fields import child_fields, fields_of, general_advice

LIST_SEPARATOR = ";"


def join_list(items) -> str:
    return LIST_SEPARATOR.join(str(i).replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR) for i in items)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# In CSV a text item that is general advice (JSON: {"algemeen": text}) is written "algemeen: text",
# the way editors write it in YAML: the mark survives in a plain text cell.
GENERAL_PREFIX = "algemeen: "


def _text_cell(value) -> str:
    return GENERAL_PREFIX + value["algemeen"] if isinstance(value, dict) else _cell(value)


def _flatten(model: type[BaseModel], data: dict, prefix: str = "") -> dict[str, str]:
    """One CSV row from a dumped model; lists of objects are left to child tables."""
    row = {}
    for name, shape in fields_of(model):
        value = data.get(name)
        key = f"{prefix}{name}"
        if shape.kind == "model":
            row.update(_flatten(shape.base, value or {}, f"{key}."))
        elif shape.kind == "list":
            row[key] = join_list([_text_cell(v) for v in value or []] if general_advice(model, name) else value or [])
        elif shape.kind == "value":
            row[key] = _text_cell(value) if general_advice(model, name) else _cell(value)
    return row


def _header(model: type[BaseModel], prefix: str = "") -> list[str]:
    names = []
    for name, shape in fields_of(model):
        if shape.kind == "model":
            names.extend(_header(shape.base, f"{prefix}{name}."))
        elif shape.kind != "model_list":
            names.append(f"{prefix}{name}")
    return names


def _csv_text(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def csv_tables(model: type[BaseModel], records_: list[dict], name: str, keys: tuple[str, ...] = ("slug",)) -> dict[str, str]:
    """The main table and one child table per list-of-objects field, as CSV text by file stem."""
    header = list(keys) + _header(model)
    main_rows, child_rows = [], {f: [] for f in child_fields(model)}
    for record in records_:
        key_values = {k: record[k] for k in keys}
        main_rows.append({**key_values, **_flatten(model, record)})
        for field, child in child_fields(model).items():
            for i, item in enumerate(record.get(field) or [], start=1):
                child_rows[field].append({**key_values, "nr": str(i), **_flatten(child, item)})
    tables = {name: _csv_text(header, main_rows)}
    for field, child in child_fields(model).items():
        tables[f"{name}-{field}"] = _csv_text(list(keys) + ["nr"] + _header(child), child_rows[field])
    return tables


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
