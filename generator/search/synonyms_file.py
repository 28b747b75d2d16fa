"""The synonyms file (``toolbox/reference/synoniemen.yaml``): its schema and its checks (validation).

Editors maintain the file; this module reads it into the normalised maps of ``synonyms.py``,
which the index writes into ``core.js``. Three parts:

* ``groups``: words people type (``words``: "bbq", "projectontwikkelaar") and the words the
  site uses for the same thing (``terms``: "barbecue", "ontwikkelaar"). A query word that is
  one of the ``words`` also searches for the ``terms``. One step only: a word is never
  itself a term of another group (a chain or a cycle is an error), and a word belongs to
  one group (a duplicate is an error).
* ``routes``: words that name a user group or a goal ("bewoner", "ambtenaar") -> the page
  that helps them (a keuzehulp). A query with such a word shows that page first.
* ``fillers``: words of a question ("hoe krijg ik ...", "wat moet ik doen als ...") that say
  nothing about the subject. The query drops them when other words remain.

Words are compared after the search normalisation (``text.py``): "BBQ's" and "bbq" are the
same word. Why here and not in ``validate.py``: the checks belong to the search, and
``validate.py`` only skips the file in its reference loop and calls ``load_synonyms``. Whether a term occurs on a page
can only be known once the index is built: ``index.py`` checks that (``dead_targets``), and
``toolbox check`` generates the pages (without the site engine) so it reports it as well.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from ..errors import ContentError
from ..load import Document, load_document
from ..messages import translate
from ..schema import Line, Strict, Text
from ..layout import SYNONYMS_FILE
from .synonyms import EMPTY, Spot, Synonyms
from .text import STOPWORDS, stem, tokens

# A site address as a visitor sees it, without the domain: "keuzehulpen/initiatiefwijzer/".
PagePath = Annotated[str, StringConstraints(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*/)+$", max_length=200)]


class Group(Strict):
    """Words people use for one thing, and the word(s) the site uses for it."""

    terms: tuple[Line, ...] = Field(min_length=1, description="Words the site uses; each must occur on a page.")
    words: tuple[Line, ...] = Field(min_length=1, description="What people type instead: spoken words, loan words, abbreviations.")


class Route(Strict):
    """Words that name a user group or a goal, and the page (a keuzehulp) that helps them."""

    page: PagePath = Field(description="Address of the page on the site, e.g. 'keuzehulpen/initiatiefwijzer/'.")
    words: tuple[Line, ...] = Field(min_length=1, description="Words that name the group or goal.")


class SynonymFile(Strict):
    title: Line
    intro: tuple[Text, ...] = ()
    fillers: tuple[Line, ...] = Field(default=(), description="Question words a query may drop: 'krijg', 'doen', ...")
    groups: tuple[Group, ...] = Field(min_length=1)
    routes: tuple[Route, ...] = ()


def _one_term(doc: Document, loc: tuple, text: str, errors: list[ContentError], *, what: str) -> Spot | None:
    """The normalised form of one word of the file, or an error if it is not one searchable word."""
    found = tokens(text)
    line, col = doc.position(loc)
    if len(found) != 1:
        errors.append(
            doc.error(
                loc,
                f"'{text}' is geen los woord; een {what} is één woord zonder spaties of streepjes (zoekwoorden worden per woord vergeleken).",
            )
        )
        return None
    if found[0] in STOPWORDS:
        errors.append(doc.error(loc, f"'{text}' is een stopwoord dat het zoeken altijd overslaat; haal het weg."))
        return None
    return Spot(text, stem(found[0]), line, col)


def check_synonyms(doc: Document, model: SynonymFile) -> tuple[Synonyms, list[ContentError]]:
    """Every check that needs only the file: one word each, no duplicates, no chains or cycles."""
    errors: list[ContentError] = []
    words: dict[str, tuple[str, ...]] = {}
    first: dict[str, Spot] = {}  # query word -> where it was first listed
    targets: list[Spot] = []
    term_of: dict[str, Spot] = {}  # site word -> where it was first listed as a term
    for g, group in enumerate(model.groups):
        group_terms = []
        for t, text in enumerate(group.terms):
            spot = _one_term(doc, ("groups", g, "terms", t), text, errors, what="term")
            if spot and spot.term not in group_terms:
                group_terms.append(spot.term)
                targets.append(spot)
                term_of.setdefault(spot.term, spot)
        for w, text in enumerate(group.words):
            loc = ("groups", g, "words", w)
            spot = _one_term(doc, loc, text, errors, what="synoniem")
            if spot is None:
                continue
            if spot.term in group_terms:
                errors.append(
                    doc.error(loc, f"'{text}' verwijst naar zichzelf: het staat ook bij 'terms' van deze groep; haal het hier weg.")
                )
            elif spot.term in first:
                before = first[spot.term]
                errors.append(
                    doc.error(
                        loc,
                        f"'{text}' staat er twee keer (eerder als '{before.text}' op regel {before.line}); een woord hoort bij één groep.",
                    )
                )
            else:
                first[spot.term] = spot
                words[spot.term] = tuple(group_terms)
    errors += _chains(doc, model, words, first, term_of)
    routes: dict[str, tuple[str, ...]] = {}
    seen_route: dict[str, Spot] = {}
    pages = []
    for r, route in enumerate(model.routes):
        line, col = doc.position(("routes", r, "page"))
        pages.append(Spot(route.page, route.page, line, col))
        for w, text in enumerate(route.words):
            loc = ("routes", r, "words", w)
            spot = _one_term(doc, loc, text, errors, what="woord")
            if spot is None:
                continue
            if spot.term in seen_route:
                before = seen_route[spot.term]
                errors.append(
                    doc.error(
                        loc,
                        f"'{text}' staat er twee keer bij 'routes' (eerder als '{before.text}' op regel {before.line}); een woord wijst naar één pagina.",
                    )
                )
                continue
            seen_route[spot.term] = spot
            routes[spot.term] = (route.page,)
    fillers = set()
    for f, text in enumerate(model.fillers):
        loc = ("fillers", f)
        found = tokens(text)
        if len(found) != 1:
            errors.append(doc.error(loc, f"'{text}' is geen los woord; een vulwoord is één woord."))
            continue
        term = stem(found[0])
        if term in words or term in term_of or term in routes:
            errors.append(
                doc.error(
                    loc,
                    f"'{text}' is een vulwoord maar staat ook bij 'groups' of 'routes'; een vulwoord zegt niets over het onderwerp, dus kies één van beide.",
                )
            )
            continue
        fillers.add(term)
    return Synonyms(doc.path, words, routes, frozenset(fillers), tuple(targets), tuple(pages)), errors


def _chains(doc: Document, model: SynonymFile, words, first, term_of) -> list[ContentError]:
    """A site word that is itself listed as a query word: a chain (a -> b -> c) or a cycle (a -> b -> a).

    Synonyms apply one step only, so a chain would silently stop halfway; point each word at
    the site's word directly."""
    errors = []
    for word, spot in first.items():
        for target in words[word]:
            if target not in words:
                continue
            path, cur = [word, target], target
            while cur in words and words[cur] and words[cur][0] not in path:
                cur = words[cur][0]
                path.append(cur)
            shown = " → ".join(first[p].text if p in first else term_of[p].text for p in path)
            if cur in words and words[cur] and words[cur][0] in path:
                back = words[cur][0]
                shown += " → " + (first[back].text if back in first else term_of[back].text)
                errors.append(
                    ContentError(
                        doc.path,
                        spot.line,
                        spot.col,
                        f"kringverwijzing: {shown}. Een synoniem wijst naar een woord van de site, niet naar een ander synoniem.",
                    )
                )
            else:
                errors.append(
                    ContentError(
                        doc.path,
                        spot.line,
                        spot.col,
                        f"'{spot.text}' wijst naar '{term_of[target].text}', maar dat is zelf een synoniem (regel {first[target].line}): {shown}. Laat het direct naar een woord van de site wijzen.",
                    )
                )
            break
    return errors


def load_synonyms(root: Path, errors: list[ContentError]) -> Synonyms:
    """Load and check the synonyms file (optional: without it, search has no synonyms)."""
    path = root / SYNONYMS_FILE
    if not path.exists():
        return EMPTY
    doc, load_errors = load_document(path, root)
    errors.extend(load_errors)
    if doc is None:
        return EMPTY
    try:
        model = SynonymFile.model_validate(doc.data)
    except ValidationError as exc:
        errors.extend(translate(exc, doc, SynonymFile))
        return EMPTY
    synonyms, found = check_synonyms(doc, model)
    errors.extend(found)
    return synonyms
