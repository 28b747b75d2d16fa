"""The field walk: how each field of a pydantic model is stored, and what the codebook says of it.

The exports (``export.py``, ``tables.py``), the data package and the codebook all walk the
models of ``schema.py`` through these functions, so a new field reaches every one of them
at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from ..schema import SLUG_PATTERN, Case, Lesson, Method

# The model of each kind the open data exports as tables. Which kinds those are, in which
# order, and their file names and Dutch nouns are the content layout's (layout.ENTRY_KINDS,
# layout.KINDS); this only adds the pydantic model.
MODELS: dict[str, type[BaseModel]] = {"cases": Case, "methods": Method, "lessons": Lesson}


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


def child_fields(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The fields that hold a list of objects: each gets a CSV table of its own."""
    return {name: shape.base for name, shape in fields_of(model) if shape.kind == "model_list"}


def general_advice(model: type[BaseModel], name: str) -> bool:
    """True for a text field whose items may be general advice (schema.MarkedText)."""
    return (model.model_fields[name].json_schema_extra or {}) == {"editorial": "algemeen"}
