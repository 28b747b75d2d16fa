"""The one check for a field that names other entries or allowed values.

Cases, methods, lessons (``layout.REFERENCES``) and the references inside a guide's rules
all go through ``check_slugs``, so a typo gets the same message wherever it is made.
"""

from __future__ import annotations

from . import layout
from .errors import ContentError, suggest
from .load import Document


def unknown(target: str) -> str:
    """ "onbekend voorbeeld", "onbekende rol", ... for the collection a field points at."""
    return layout.UNKNOWN.get(target.split(":")[0], "onbekende waarde")


def check_slugs(
    doc: Document,
    loc: tuple,
    field: str,
    value,
    target: str,
    allowed: dict[str, set[str]],
    broken: set[str],
    own: tuple[str, str] | None = None,
) -> list[ContentError]:
    """Every slug in ``value`` (one slug or a tuple) must be in ``allowed[target]``, once.

    ``loc`` is the field's position in ``doc``; ``broken`` holds "kind:slug" of files that exist
    but failed (no cascade of messages about them); ``own`` is (kind, slug) of the entry itself,
    which may not name itself.
    """
    if target not in allowed:
        return []  # the reference file itself is missing or broken: reported once, there
    errors = []
    values = value if isinstance(value, tuple) else (value,)
    seen = set()
    for i, slug in enumerate(values):
        if slug is None:
            continue
        at = loc + (field, i) if isinstance(value, tuple) else loc + (field,)
        if slug in seen:
            errors.append(doc.error(at, f"veld '{field}' noemt '{slug}' twee keer."))
        seen.add(slug)
        if own is not None and (target, slug) == own:
            errors.append(doc.error(at, f"veld '{field}' verwijst naar dit bestand zelf."))
        elif slug not in allowed[target] and f"{target}:{slug}" not in broken:
            errors.append(
                doc.error(at, f"veld '{field}': {unknown(target)} '{slug}' (zie {layout.where(target)}).{suggest(slug, allowed[target])}")
            )
    return errors
