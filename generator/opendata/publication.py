"""What makes the site and its data findable and attributable: the data package, the
DCAT catalog record and the "Over deze site" page with the publisher line.

Runs after the open data section (pages.py), so the catalog lists every data file
that section wrote.
"""

from __future__ import annotations

import json

from ..content import Content
from .catalog import CATALOG_FILE, catalog_record
from .datapackage import PACKAGE_FILE, data_package
from .export import DATA_DIR
from .fields import ENTRY_KINDS


def _allowed_for(content: Content):
    """(kind, CSV column) -> the slugs allowed in it, from the same reference map as the JSON Schema."""
    from ..jsonschema import _allowed
    from ..layout import REFERENCES

    sources = sorted(content.ref("bronnen").items)

    def allowed(kind: str, column: str) -> list[str] | None:
        if column == "doc" or column.endswith(".doc"):
            return sources  # every SourceRef names a document from bronnen.yaml
        target = REFERENCES.get(kind, {}).get(column)
        return _allowed(content, target) if target else None

    return allowed


def _latest_review(content: Content):
    dates = [e.reviewed for kind in ENTRY_KINDS for e in getattr(content, kind).values()]
    return max(dates)


def write_publication(r) -> None:
    c = r.content
    package = data_package(c, _allowed_for(c), {kind: f"Toolbox Participatie Groningen: {dutch}" for kind, (_m, _s, dutch) in ENTRY_KINDS.items()})
    r.write(PACKAGE_FILE, json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    data_files = sorted(w for w in r.written if w.startswith(f"{DATA_DIR}/") and w.count("/") == 1 and w != CATALOG_FILE)
    record = catalog_record(r.site, data_files, _latest_review(c))
    r.write(CATALOG_FILE, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    r.page("over-deze-site.md", "about.md.j2", publisher=r.site.publisher)
