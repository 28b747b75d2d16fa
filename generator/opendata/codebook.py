"""The codebook: what the "Open data" page says of each file and each field.

Generated from the same field walk as the exports (``fields.py``), so a new field in
``schema.py`` shows up in the files and on the page at once.
"""

from __future__ import annotations

from ..content import Content
from ..layout import DATA_DIR, ENTRY_KINDS, KINDS, REFERENCES
from ..schema import REFERENCE_FILES
from .export import SCHEMA_DIR, guide_models
from .fields import MODELS, child_fields, columns
from .participedia import PARTICIPEDIA


def codebook(content: Content) -> list[dict]:
    """What the Open data page documents: per kind, its files and every field."""
    sections = []
    for kind in ENTRY_KINDS:
        model = MODELS[kind]
        rows = []
        for col in columns(model):
            target = REFERENCES[kind].get(col.path)
            rows.append({"col": col, "participedia": PARTICIPEDIA[kind].get(col.path), "allowed": _allowed_nl(target)})
        sections.append(
            {
                "kind": kind,
                "title": KINDS[kind].plural.capitalize(),
                "count": len(getattr(content, kind)),
                "json": f"{DATA_DIR}/{kind}.json",
                "csv": [f"{DATA_DIR}/{kind}.csv"] + [f"{DATA_DIR}/{kind}-{f}.csv" for f in child_fields(model)],
                "schema": f"{SCHEMA_DIR}/{kind}.schema.json",
                "entry_schema": f"{SCHEMA_DIR}/{KINDS[kind].file}.schema.json",
                "rows": rows,
            }
        )
    guides = guide_models(content)
    if guides:
        model = type(next(iter(guides.values())))
        sections.append(
            {
                "kind": "guides",
                "title": KINDS["guides"].plural.capitalize(),
                "count": len(guides),
                "json": f"{DATA_DIR}/guides.json",
                "csv": [],  # a guide is a tree of questions and rules: JSON only
                "schema": f"{SCHEMA_DIR}/guides.schema.json",
                "entry_schema": None,
                "rows": [{"col": col, "participedia": None, "allowed": ""} for col in columns(model)],
            }
        )
    return sections


def _allowed_nl(target: str | None) -> str:
    if target is None:
        return ""
    kind, _, dimension = target.partition(":")
    if kind in ENTRY_KINDS:
        return f"de slug van een van de {KINDS[kind].plural}"
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
