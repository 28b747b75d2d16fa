"""What makes the site and its data findable and attributable: the data package, the
DCAT catalog record and the "Over deze site" page with the publisher line.

Runs after the open data section (pages.py), so the catalog lists every data file
that section wrote.
"""

from __future__ import annotations

import json

from ..content import Content
from ..jsonschema import _allowed
from ..layout import ABOUT_PAGE, DATA_DIR, ENTRY_KINDS, REFERENCES
from .catalog import CATALOG_FILE, catalog_record
from .datapackage import PACKAGE_FILE, data_package


def _allowed_for(content: Content):
    """(kind, CSV column) -> the slugs allowed in it, from the same reference map as the JSON Schema."""
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
    package = data_package(c, _allowed_for(c))
    r.write(PACKAGE_FILE, json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    data_files = sorted(w for w in r.pages.paths() if w.startswith(f"{DATA_DIR}/") and w.count("/") == 1 and w != CATALOG_FILE)
    record = catalog_record(r.site, data_files, _latest_review(c))
    r.write(CATALOG_FILE, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    r.page(ABOUT_PAGE, "about.md.j2", publisher=r.site.publisher)
