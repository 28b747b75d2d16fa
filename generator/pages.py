"""Which pages exist, at which path, from which template.

One function per section keeps the list of generated pages readable in one place,
like MkDocs' own ``commands/build.py``.
"""

from __future__ import annotations

from . import layout
from .content import Content
from .browse import compare_pages, facet_pages, overview_context
from .guides.pages import guide_pages
from .render import Renderer
from .search import search_index, search_page


def case_pages(r: Renderer, c: Content) -> None:
    r.page(layout.page_path("cases"), "cases_index.md.j2", **overview_context(r.browse, "cases"))
    for slug, case in c.cases.items():
        r.page(layout.page_path("cases", slug), "case.md.j2", slug=slug, case=case)


def method_pages(r: Renderer, c: Content) -> None:
    r.page(layout.page_path("methods"), "methods_index.md.j2", **overview_context(r.browse, "methods"))
    for slug, method in c.methods.items():
        r.page(layout.page_path("methods", slug), "method.md.j2", slug=slug, method=method)


def lesson_pages(r: Renderer, c: Content) -> None:
    r.page(layout.LESSONS_PAGE, "lessons.md.j2")


def background_pages(r: Renderer, c: Content) -> None:
    for kind in layout.BACKGROUND_LISTS:
        r.page(layout.page_path(kind), "reference.md.j2", ref=c.ref(kind))
    r.page(layout.SOURCES_PAGE, "source.md.j2", ref=c.ref("bronnen"))
    r.page(layout.GLOSSARY_PAGE, "glossary.md.j2", ref=c.ref("begrippen"))
    r.page(layout.GROWTH_PAGE, "growth.md.j2", ref=c.ref("groei"))


def open_data_pages(r: Renderer, c: Content) -> None:
    from .opendata import write_open_data  # data/*.json|csv, data/schema/, open-data.md (codebook)

    write_open_data(r)


def publication_pages(r: Renderer, c: Content) -> None:
    from .opendata import write_publication  # data/datapackage.json, data/catalog.jsonld, over-deze-site.md

    write_publication(r)


SECTIONS = [
    case_pages,
    method_pages,
    lesson_pages,
    background_pages,
    open_data_pages,
    publication_pages,
    facet_pages,
    compare_pages,
    guide_pages,
    search_page,
]


def render_all(r: Renderer) -> None:
    for section in SECTIONS:
        section(r, r.content)
    search_index(r)  # last: it indexes every page the sections (and docs/) wrote
