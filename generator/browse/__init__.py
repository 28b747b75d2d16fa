"""Browsing: facets (listing pages and the overview filter), facet-based suggestions
("lijkt op") and the compare page. Part of rendering: the content model knows nothing of it.

Templates reach it as ``browse``: ``browse.facets(kind)``, ``browse.similar.cases(slug)``.
"""

from __future__ import annotations

from functools import cached_property

from .. import layout
from ..content import Content
from .compare import compare_pages
from . import facets as _facets
from .facets import Facet, facet_pages, overview_context
from .related import Similarity


class Browse:
    """The browsing aids of one build, each worked out once, when a page first needs it."""

    def __init__(self, content: Content):
        self.content = content

    @cached_property
    def _facets(self) -> dict[str, list[Facet]]:
        return {kind: _facets.facets(self.content, kind) for kind in layout.FACETS}

    def facets(self, kind: str) -> list[Facet]:
        return self._facets[kind]

    @cached_property
    def similar(self) -> Similarity:
        return Similarity(self.content)


__all__ = ["Browse", "compare_pages", "facet_pages", "overview_context"]
