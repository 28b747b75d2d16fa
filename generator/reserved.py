"""Names an entry's file may not have, because the site uses that address for a page of its own.

A case or method page lives at ``/voorbeelden/<slug>/`` or ``/methoden/<slug>/``; the site
also writes listing pages there (``/methoden/niveau/``, ``/methoden/vergelijk/``, ...). A
file named like one of those would share its address. Validation refuses these names, so
``toolbox check``, ``toolbox new`` and ``toolbox build`` agree; a test keeps the facet folders
here equal to the facets the site builds (``facets.py``).
"""

from __future__ import annotations

# Folders and pages of the site itself, in every section.
SITE = frozenset({"index", "vergelijk", "filter", "zoeken", "assets", "data"})

# One listing folder per facet (facets.METHOD_FACETS / CASE_FACETS keys) and the compare page.
FACET_FOLDERS = {
    "methods": frozenset({"niveau", "doel", "schaal", "wie-begint", "rol", "inzet", "kosten", "duur", "bereik", "vergelijk"}),
    "cases": frozenset({"stadsdeel", "wijk", "thema", "methode", "initiatief-van", "jaar"}),
}


# A guide's pages live at /keuzehulpen/<slug>/; the section's own index and assets are there too.
GUIDES = frozenset({"index", "assets", "data"})


def reserved_for(kind: str) -> frozenset[str]:
    """Every name a file of this kind ("cases", "methods", "lessons", "guides") may not have."""
    if kind == "guides":
        return GUIDES
    return SITE | FACET_FOLDERS.get(kind, frozenset())
