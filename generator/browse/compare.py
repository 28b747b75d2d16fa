"""The compare page: methods side by side (``compare.js``), and the data it reads.

The page loads ``assets/data/compare-methods.js``: a script that sets a global, because a
folder opened via file:// cannot fetch JSON. Its rows are the method facets (``layout.FACETS``).
"""

from __future__ import annotations

import json

from .. import layout
from ..content import Content
from ..marks import MARKS
from .facets import ordered_entries

DATA_FILE = f"{layout.ASSETS_DIR}/data/compare-methods.js"

# The table's rows, top to bottom, by the method's field: a facet field shows the facet (its
# label and value names from the layout's facets), the others the method's own lists.
ROW_FIELDS = ("ladder", "goals", "initiators", "roles", "reaches", "misses", "effort", "cost", "duration", "pitfalls", "cases")
OWN_ROWS = {"misses": "Mist vaak", "pitfalls": "Valkuilen", "cases": "Voorbeelden"}
# A row's name in the data: the facet key of a facet field (the row an estimate marks), else the field.
ROW_KEY = {field: field for field in ROW_FIELDS} | {f.field: f.key for f in layout.FACETS["methods"] if f.field in ROW_FIELDS}


def rows() -> list[list[str]]:
    """["facet", key] or [list name, label] per row, for ``compare.js``."""
    return [[field, OWN_ROWS[field]] if field in OWN_ROWS else ["facet", ROW_KEY[field]] for field in ROW_FIELDS]


def compare_data(b) -> dict:
    """What ``compare.js`` needs: every method with its facet values, misses, pitfalls and cases,
    which rows are editorial estimates, and the provenance marks' texts (generator/marks.py)."""
    c: Content = b.content
    fs = b.facets("methods")
    names = c.ref("doelgroepen").items
    items = []
    for slug, entry in ordered_entries(c, "methods"):
        items.append(
            {
                "slug": slug,
                "title": entry.title,
                "path": layout.page_path("methods", slug),
                "facets": {f.key: f.of[slug] for f in fs},
                "misses": [names[s].name for s in entry.misses if s in names],
                "pitfalls": [[p, p.mark] if getattr(p, "mark", None) else p for p in entry.pitfalls],
                "estimates": [ROW_KEY[f] for f in getattr(entry, "estimates", ()) if f in ROW_KEY],
                "cases": [[c.cases[s].title, layout.page_path("cases", s)] for s in c.cases_using(slug)],
            }
        )
    return {
        "facets": [{"key": f.key, "label": f.label, "values": [{"slug": v.slug, "name": v.name} for v in f.values]} for f in fs],
        "items": items,
        "rows": rows(),
        "marks": {kind: list(texts) for kind, texts in MARKS.items()},
    }


def compare_pages(r, c: Content) -> None:
    """The compare page and its data (a section function for ``pages.SECTIONS``)."""
    r.page(layout.COMPARE_PAGE, "compare/page.md.j2")
    payload = json.dumps(compare_data(r.browse), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    r.write(DATA_FILE, f"window.TP_COMPARE={payload};\n")
