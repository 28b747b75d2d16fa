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

# Method field -> row of the compare table, for the "inschatting van de redactie" marks.
COMPARE_ROWS = {"ladder": "niveau", "reaches": "bereik", "effort": "inzet", "cost": "kosten", "duration": "duur", "misses": "misses"}


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
                "estimates": [COMPARE_ROWS[f] for f in getattr(entry, "estimates", ()) if f in COMPARE_ROWS],
                "cases": [[c.cases[s].title, layout.page_path("cases", s)] for s in c.cases_using(slug)],
            }
        )
    return {
        "facets": [{"key": f.key, "label": f.label, "values": [{"slug": v.slug, "name": v.name} for v in f.values]} for f in fs],
        "items": items,
        "marks": {kind: list(texts) for kind, texts in MARKS.items()},
    }


def compare_pages(r, c: Content) -> None:
    """The compare page and its data (a section function for ``pages.SECTIONS``)."""
    r.page(layout.COMPARE_PAGE, "compare/page.md.j2")
    payload = json.dumps(compare_data(r.browse), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    r.write(DATA_FILE, f"window.TP_COMPARE={payload};\n")
