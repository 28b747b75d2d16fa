"""Export the pydantic models as JSON Schema for editors.

The allowed slugs are filled in from the reference data and the content folders,
so an editor with a YAML language server offers autocompletion and flags a typo
as you type. The models stay the single source of truth; nothing here is typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from .guides.schema import Guide
from .schema import REFERENCE_MODELS, Case, Lesson, Method
from .layout import ENTRY_KINDS, KINDS, REFERENCES, file_path


def _allowed(content, target: str) -> list[str]:
    kind, _, dimension = target.partition(":")
    if kind in ENTRY_KINDS:
        return sorted(getattr(content, kind))
    items = content.ref(kind).items.values()
    return sorted(i.slug for i in items if not dimension or getattr(i, "dimension", None) == dimension)


def schema_for(model, fields: dict[str, str], content) -> dict:
    schema = model.model_json_schema()
    props = schema["properties"]
    for field, target in fields.items():
        prop = props[field]
        enum = _allowed(content, target)
        if prop.get("type") == "array":
            prop["items"] = {**prop.get("items", {}), "enum": enum}
        elif "anyOf" in prop:  # optional single value
            prop["anyOf"] = [{"type": "string", "enum": enum}, {"type": "null"}]
        else:
            prop["enum"] = enum
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schemas(content) -> dict[str, dict]:
    models = {"cases": Case, "methods": Method, "lessons": Lesson}
    result = {KINDS[kind].file: schema_for(models[kind], REFERENCES[kind], content) for kind in ENTRY_KINDS}
    for kind, model in REFERENCE_MODELS.items():
        result[f"reference-{kind}"] = model.model_json_schema()
    result["guide"] = Guide.model_json_schema()  # field names and types; slugs are checked by `toolbox check`
    return result


def write_schemas(content, out: Path) -> list[Path]:
    """The editor schemas of validated content (``toolbox schema`` and ``toolbox new`` load it)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(content).items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def editor_mapping() -> dict[str, list[str]]:
    """``yaml.schemas`` for ``.vscode/settings.json``: each schema ``toolbox schema`` writes, onto the
    files it describes. Derived from the layout; a test holds the committed settings to it."""
    mapping = {f"./schema/{KINDS[kind].file}.schema.json": [f"{KINDS[kind].folder}/*.yaml"] for kind in KINDS}
    for kind in REFERENCE_MODELS:
        mapping[f"./schema/reference-{kind}.schema.json"] = [file_path("reference", kind)]
    return mapping
