"""Time words: a text that cites a dated source may not speak as if the source's "now" is today.

The letter behind this site is from autumn 2018. "Wordt nu geëvalueerd" or "over een jaar" was
true when it was written; on a page read years later it reads as the situation today. So a text
in an entry that cites a dated source (``published`` in toolbox/reference/bronnen.yaml) may not
use words that tie it to the present; it says what the letter said from the letter's moment,
in the past tense with the year ("liep in 2018 nog", "zou in 2019 worden geëvalueerd").

The list comes from reading the letter and the content: the letter's own words for its present
and future ("nu", "momenteel", "dit najaar", "over een jaar", "straks", "huidige", ...) and the
ones the content used when it copied them ("sinds kort", "wordt opgezet", "loopt nog", ...).
Whole words, case-insensitive; a phrase may be broken over lines in the YAML.

This is a separate rule module so validate.py only needs one call to it.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from .errors import ContentError
from .schema import SLUG_PATTERN, SourceRef

# Words and phrases that place a statement in the reader's present (or a future seen from it).
TIME_WORDS: tuple[str, ...] = (
    "nu",
    "momenteel",
    "op dit moment",
    "tegenwoordig",
    "inmiddels",
    "sinds kort",
    "binnenkort",
    "straks",
    "voortaan",
    "dit jaar",
    "dit najaar",
    "dit voorjaar",
    "deze zomer",
    "deze winter",
    "volgend jaar",
    "vorig jaar",
    "komend jaar",
    "komende jaren",
    "de komende periode",
    "over een jaar",
    "afgelopen jaar",
    "afgelopen jaren",
    "afgelopen twee jaar",
    "afgelopen drie jaar",
    "afgelopen vier jaar",
    "laatste vier jaar",
    "loopt nog",
    "lopen nog",
    "wordt opgezet",
    "worden opgezet",
    "huidige",
    "deze collegeperiode",
)


def _phrase(words: str) -> str:
    # Spaces may be any whitespace: the YAML may fold a phrase over two lines.
    return r"\s+".join(re.escape(w) for w in words.split())


PATTERN = re.compile(r"(?<!\w)(" + "|".join(_phrase(w) for w in sorted(TIME_WORDS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
_SLUG = re.compile(SLUG_PATTERN)


def check_time_words(root: Path, by_kind: dict, reference: dict, errors: list[ContentError]) -> None:
    """Add one error per time word in a text of an entry (or reference item) citing a dated source."""
    sources = reference.get("bronnen")
    if sources is None:
        return
    dated = {slug: src for slug, src in sources.items.items() if src.published is not None}
    if not dated:
        return
    for kind in ("cases", "methods", "lessons"):
        for entry in by_kind.get(kind, {}).values():
            _check(root, entry.doc, entry.model, (), dated, errors)
    for entry in by_kind.get("reference", {}).values():
        file_cites: list[str] = []
        for i, item in enumerate(entry.model.items):
            file_cites += _check(root, entry.doc, item, ("items", i), dated, errors)
        # A file's intro speaks for its items: it is dated when any of them cites a dated source.
        _check(root, entry.doc, entry.model.intro, ("intro",), dated, errors, file_cites)


def check_guide_time_words(root: Path, guides: dict, reference: dict, errors: list[ContentError]) -> None:
    """The same rule for guides (toolbox/guides/*.yaml): their texts retell the dated letter too.

    A guide cites its sources once, for the whole file, so every text in it counts as citing them.
    ``guides`` maps slug -> GuideEntry (model and the document it came from).
    """
    sources = reference.get("bronnen")
    if sources is None:
        return
    dated = {slug: src for slug, src in sources.items.items() if src.published is not None}
    for entry in guides.values():
        _check(root, entry.doc, entry.model, (), dated, errors)


def _check(root: Path, doc, model, base: tuple, dated: dict, errors: list[ContentError], cited_elsewhere=()) -> list[str]:
    """Check one entry (or reference item); returns the source docs it cites."""
    texts: list[tuple[tuple, str]] = []
    cited: list[str] = list(cited_elsewhere)
    _walk(model, base, texts, cited)
    source = next((dated[d] for d in cited if d in dated), None)
    if source is None:
        return cited
    raw = None
    for loc, text in texts:
        seen: dict[str, int] = {}  # how often each word occurred earlier in this text
        for match in PATTERN.finditer(text):
            word = " ".join(match.group(1).lower().split())
            if raw is None:
                raw = _Raw(root / doc.path)
            line, col = raw.find(doc.position(loc), word, seen.get(word, 0))
            seen[word] = seen.get(word, 0) + 1
            errors.append(ContentError(doc.path, line, col, _message(match.group(1), source)))
    return cited


def _message(word: str, source) -> str:
    when = f"{source.published.season} {source.published.year}" if source.published.season else str(source.published.year)
    name = source.short or source.name
    word = " ".join(word.split())
    return (
        f"'{word}' leest als vandaag, maar de bron ({name}) is van {when}. "
        f"Schrijf vanuit dat moment, in de verleden tijd met het jaar (zoals 'liep in {source.published.year} nog')."
    )


def _walk(value, loc: tuple, texts: list, cited: list) -> None:
    """Collect (loc, text) of every prose string and the docs of every SourceRef."""
    if isinstance(value, SourceRef):
        cited.append(value.doc)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), loc + (name,), texts, cited)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            _walk(item, loc + (i,), texts, cited)
    elif isinstance(value, str) and not _SLUG.match(value):  # slugs are names, not prose
        texts.append((loc, value))


class _Raw:
    """The file's text, to point at the word itself rather than at the start of its value."""

    def __init__(self, path: Path):
        try:
            self.text = path.read_text(encoding="utf-8")
        except OSError:
            self.text = ""
        self.starts = [0]
        for m in re.finditer("\n", self.text):
            self.starts.append(m.end())

    def find(self, pos: tuple[int, int], word: str, earlier: int) -> tuple[int, int]:
        """Line and column of a word in the value that starts at ``pos``.

        The value's text lies from its start on, so the first match after it is this word,
        unless the same word occurred ``earlier`` times before in the value. When the file
        cannot be read or the word is spelled differently there (escapes), the value's start.
        """
        line, col = pos
        if not self.text or line > len(self.starts):
            return pos
        start = self.starts[line - 1] + col - 1
        pattern = re.compile(r"(?<!\w)" + _phrase(word) + r"(?!\w)", re.IGNORECASE)
        for k, m in enumerate(pattern.finditer(self.text, start)):
            if k == earlier:
                row = _bisect(self.starts, m.start())
                return row + 1, m.start() - self.starts[row] + 1
        return pos


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
