"""Synonyms for the site search as the index and the query use them: normalised maps.

Read and checked from ``toolbox/reference/synoniemen.yaml`` by ``synonyms_file.py`` (a
validation step); this is what the validated file becomes, part of the content model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ContentError
from ..layout import SYNONYMS_FILE
from .text import STOPWORDS, stem, tokens


@dataclass(frozen=True)
class Spot:
    """A word of the file, normalised, with where it stands (for messages after validation)."""

    text: str
    term: str
    line: int
    col: int


@dataclass(frozen=True)
class Synonyms:
    """The validated file: what the index needs, normalised, with positions for later checks."""

    path: str
    words: dict  # query word -> tuple of site words (all normalised)
    routes: dict  # query word -> tuple of page addresses
    fillers: frozenset
    targets: tuple  # Spot of every group term (index.py checks each occurs on a page)
    pages: tuple  # Spot of every route page (text = the address)

    def error(self, spot: Spot, message: str) -> ContentError:
        return ContentError(self.path, spot.line, spot.col, message)


EMPTY = Synonyms(SYNONYMS_FILE, {}, {}, frozenset(), (), ())


def query_terms(text: str, synonyms: Synonyms, stopwords=STOPWORDS) -> list[list[str]]:
    """What a query searches for, word by word: [[word, its site words...], ...].

    The reference for the browser (``search-core.js``, ``queryTerms``): both run against
    ``tests/search_vectors.json``. Stop words and question fillers are dropped when other
    words remain (a query of only such words keeps them all, so it still finds something).
    """
    words = tokens(text)
    meaningful = [w for w in words if w not in stopwords]
    if meaningful:
        words = meaningful
    stems = [stem(w) for w in words]
    content = [s for s in stems if s not in synonyms.fillers]
    if content:
        stems = content
    return [[s, *[t for t in synonyms.words.get(s, ()) if t != s]] for s in stems]
