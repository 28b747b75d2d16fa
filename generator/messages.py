"""Translate pydantic's validation errors into Dutch messages for content editors."""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from .errors import slug_form, suggest
from .load import Document
from .schema import PLAIN_LINE_PATTERN, SLUG_PATTERN

_TYPE_WORDS = {
    "string_type": "tekst",
    "int_type": "een heel getal",
    "int_parsing": "een heel getal",
    "int_from_float": "een heel getal",
    "bool_type": "ja/nee (true of false)",
    "bool_parsing": "ja/nee (true of false)",
    "tuple_type": "een lijst (regels die met '- ' beginnen)",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "model_type": "velden ('naam: waarde')",
    "model_attributes_type": "velden ('naam: waarde')",
    "dict_type": "velden ('naam: waarde')",
    "date_type": "een datum als 2026-11-27",
    "date_parsing": "een datum als 2026-11-27",
    "date_from_datetime_parsing": "een datum als 2026-11-27",
    "date_from_datetime_inexact": "een datum als 2026-11-27",
}


_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _field_name(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")  # editors count list items from 1
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "bestand"


def _fields_of(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at a location, for 'unknown field' hints."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(current.model_fields) if current else []


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


# A marked text (schema.MarkedText) is a tagged union: pydantic puts the tag in the location, giving
# names like 'steps[2].algemeen.algemeen'. The editor wrote 'steps' item 2: the tags are left out.
_TEXT_TAG, _GENERAL_TAG = "tekst", "algemeen"
_GENERAL_HOW = "Algemeen advies schrijf je als '- algemeen: tekst'; een tekst uit de brief schrijf je zonder label."


def _without_tags(loc: tuple) -> tuple[tuple, bool]:
    """The location as the editor wrote it, and whether it lies inside a general-advice item."""
    for i, part in enumerate(loc):
        if i == 0 or not isinstance(loc[i - 1], (int, str)):
            continue
        if part == _TEXT_TAG and i == len(loc) - 1:
            return loc[:i], False
        if part == _GENERAL_TAG and i == len(loc) - 2 and isinstance(loc[i + 1], str):
            return loc[:i] + loc[i + 1 :], True
    return loc, False


def _general_advice_errors(errors: list[dict]) -> list[dict]:
    """A misspelt 'algemeen:' key gives two errors (unknown key, missing 'algemeen'): keep the first."""
    misspelt = {tuple(e["loc"][:-2]) for e in errors if e["type"] == "extra_forbidden" and _without_tags(tuple(e["loc"]))[1]}
    return [e for e in errors if not (e["type"] == "missing" and _without_tags(tuple(e["loc"]))[1] and tuple(e["loc"][:-2]) in misspelt)]


def translate(exc: ValidationError, doc: Document, model: type[BaseModel]):
    """Yield ContentErrors, one per pydantic error, at the best YAML position."""
    for err in _general_advice_errors(exc.errors(include_url=False)):
        loc, general = _without_tags(tuple(err["loc"]))
        if general and err["type"] in ("extra_forbidden", "missing"):
            item = _field_name(loc[:-1])
            if err["type"] == "extra_forbidden":
                yield doc.error(
                    loc, f"veld '{item}': '{loc[-1]}' is geen label. {_GENERAL_HOW}{suggest(str(loc[-1]), [_GENERAL_TAG])}", key=True
                )
            else:
                yield doc.error(loc[:-1], f"veld '{item}' is geen tekst. {_GENERAL_HOW}")
            continue
        if doc.was_reported(loc):
            continue  # the loader has a message for this place already (a refused tag, an alias, ...)
        kind = err["type"]
        ctx = err.get("ctx") or {}
        name = _field_name(loc)
        value = err.get("input")
        if kind == "extra_forbidden":
            allowed = _fields_of(model, loc[:-1])
            yield doc.error(loc, f"onbekend veld '{loc[-1]}'.{suggest(str(loc[-1]), allowed)}", key=True)
        elif kind == "missing":
            yield doc.error(loc[:-1], f"verplicht veld '{name}' ontbreekt.", key=True)
        elif kind.startswith("date") and isinstance(value, str) and _DATE_LIKE.match(value.strip()):
            yield doc.error(
                loc,
                f"veld '{name}': '{_plain(value)}' is geen bestaande datum; schrijf jaar-maand-dag met een maand van 1 tot 12 en een dag die in die maand bestaat, zoals 2026-11-27.",
            )
        elif kind in _TYPE_WORDS:
            shown = _short(value)
            yield doc.error(loc, f"veld '{name}' moet {_TYPE_WORDS[kind]} zijn, maar is {shown}.")
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") == PLAIN_LINE_PATTERN:
            yield doc.error(loc, f"veld '{name}' mag geen < of > bevatten (het is gewone tekst, geen HTML).")
        elif kind == "string_pattern_mismatch" and ctx.get("pattern") != SLUG_PATTERN:
            yield doc.error(
                loc, f"veld '{name}': '{_plain(value)}' is niet toegestaan; zie de uitleg bij dit veld in toolbox/CONTENT-CONTRACT.md."
            )
        elif kind == "string_pattern_mismatch":
            example = slug_form(value) or "de-stroming"
            yield doc.error(
                loc,
                f"veld '{name}': '{_plain(value)}' is geen geldige slug; gebruik kleine letters a-z, cijfers en streepjes. Bedoel je '{example}'?",
            )
        elif kind == "string_too_short":
            yield doc.error(loc, f"veld '{name}' is leeg; vul tekst in of haal het veld weg.")
        elif kind == "string_too_long":
            yield doc.error(loc, f"veld '{name}' is te lang (maximaal {ctx.get('max_length')} tekens).")
        elif kind == "too_short":
            yield doc.error(loc, f"veld '{name}' moet minstens {ctx.get('min_length')} item(s) hebben.")
        elif kind in ("greater_than_equal", "less_than_equal"):
            bound = ctx.get("ge", ctx.get("le"))
            word = "minstens" if kind == "greater_than_equal" else "hoogstens"
            yield doc.error(loc, f"veld '{name}' moet {word} {bound} zijn, maar is {_short(value)}.")
        else:  # a check without its own wording yet: say what is known, in Dutch (no library text)
            yield doc.error(
                loc,
                f"veld '{name}' heeft een ongeldige waarde ({_short(value)}); zie de uitleg bij dit veld in toolbox/CONTENT-CONTRACT.md.",
            )


def _plain(value) -> str:
    return str(value)[:60]


def _short(value) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    return f"'{_plain(value)}'"
