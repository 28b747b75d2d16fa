"""Site search: an index built from the generated pages, searched in the browser.

See ``index.py`` (what is indexed, and how), ``text.py`` (Dutch normalisation, shared
with ``theme/assets/js/search-core.js``) and ``generator/search/README.md`` (why this design).
"""

from __future__ import annotations

from .index import INDEX_PATH, write_index

SEARCH_PAGE = "zoeken.md"


def search_page(r, c) -> None:
    """The search page (a section function for ``pages.SECTIONS``)."""
    r.page(SEARCH_PAGE, "search/page.md.j2")


def search_index(r) -> None:
    """The index of every page collected so far; runs after all sections."""
    write_index(r.content, r.pages)


__all__ = ["INDEX_PATH", "SEARCH_PAGE", "search_index", "search_page", "write_index"]
