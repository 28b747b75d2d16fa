"""Dutch text normalisation for the search index: fold, tokenise, stem.

The same rules run in the browser (``theme/assets/js/search-core.js``) on what people
type, so a query and a page meet on the same tokens. Both implementations are
tested against one file of shared vectors (``tests/search_vectors.json``); when
you change a rule here, change it there too and add a vector.

Why a home-made stemmer: lunr's Dutch (Snowball) stemmer maps "initiatief" and
"initiatieven" to different stems, and Material's search does not use it anyway
(see generator/search/README.md). These few rules are tuned for recall: they make
plural and inflected forms meet (bewoners/bewoner, initiatieven/initiatief,
huizen/huis, straten/straat, ideeën/idee, groene/groen) and the browser adds
prefix, compound-part and typo matching on top.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

VOWELS = "aeiouy"

# Function words that carry no meaning in a query ("hoe krijg ik geld voor mijn idee").
# "wij" is kept on purpose: WIJ is the name of the neighbourhood teams.
STOPWORDS = frozenset(
    """
    de het een en van in op te voor met aan bij om over naar uit tot door als dat die dit deze
    er is zijn was waren werd worden wordt ook of maar niet nog al wel dan zo hoe wat wie waar
    wanneer welke welk ik je jij jou u uw mijn mij me we ze hij hun haar ons onze kan kun kunt
    kunnen moet moeten wil wilt willen ga gaat gaan heb hebt hebben heeft had hadden zich
    hier daar nu meer veel iets iemand mee zelf
    """.split()
)

_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_TOKEN = re.compile(r"[a-z0-9]+")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without diacritics; '%' and '€' become words; thousands separators go."""
    s = text.lower()
    if not s.isascii():
        s = _COMBINING.sub("", unicodedata.normalize("NFD", s))
        s = s.replace("\u0133", "ij").replace("\u00df", "ss").replace("\u20ac", " euro ")
    return _THOUSANDS.sub("", s.replace("%", " procent "))


def tokens(text: str) -> list[str]:
    """Folded word tokens: letters and digits; single letters are dropped, single digits kept."""
    return [t for t in _TOKEN.findall(fold(text)) if keep_token(t)]


def keep_token(t: str) -> bool:
    return len(t) > 1 or t.isdigit()


def stem(token: str) -> str:
    """A light Dutch stemmer for recall (see the module docstring). Input: one folded token."""
    w = token
    if len(w) < 4 or any(ch.isdigit() for ch in w):
        return w
    if w.endswith(("eeen", "ieen")):  # ideeën -> idee, knieën -> knie
        w = w[:-2]
    elif w.endswith("heden"):  # mogelijkheden -> mogelijkheid
        w = w[:-5] + "heid"
    elif w.endswith("en") and len(w) >= 5 and w[-3] not in VOWELS:  # wijken, initiatieven
        w = w[:-2]
    elif w.endswith("s") and len(w) >= 5 and w[-2] in "rlm":  # bewoners, regels, teams
        w = w[:-1]
    elif w.endswith("e") and len(w) >= 4 and w[-2] not in VOWELS:  # groene, oude, grote
        w = w[:-1]
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in VOWELS:  # plann -> plan, less -> les
        w = w[:-1]
    w = _DOUBLE_VOWEL.sub(r"\1", w)  # straat/straten, boom/bomen, idee -> one vowel
    if w.endswith("v"):  # initiatiev(en) -> initiatief
        w = w[:-1] + "f"
    elif w.endswith("z"):  # huiz(en) -> huis
        w = w[:-1] + "s"
    return w


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Stemmed terms of a text, stop words removed (the index and the query both use this)."""
    return [stem(t) for t in tokens(text) if keep_stopwords or t not in STOPWORDS]


# --- the same terms, faster, for the index build over thousands of pages -----------------
_WORD = re.compile(r"[\w\u0300-\u036f]+")  # with combining marks, so a decomposed "é" stays in its word
_WORD_TERMS: dict[str, tuple[str, ...]] = {}


def _word_terms(word: str) -> tuple[str, ...]:
    parts = _TOKEN.findall(fold(word)) if not word.isascii() else [word]
    return tuple(stem(t) for t in parts if keep_token(t) and t not in STOPWORDS)


def count_terms(text: str) -> dict[str, int]:
    """``Counter(terms(text))``, computed without folding the whole text.

    Words are split and counted first (in C); each distinct word is folded and stemmed once
    and cached. A property test checks that the result equals ``terms()``; the text-wide
    normalisation was what made the index build slow at 2,000 cases.
    """
    s = text.lower()
    if not s.isascii() and _COMBINING.search(s):  # decomposed text (rare): fold it as fold() would
        s = _COMBINING.sub("", unicodedata.normalize("NFD", s))
    if "%" in s:
        s = s.replace("%", " procent ")
    if "\u20ac" in s:
        s = s.replace("\u20ac", " euro ")
    if "." in s or "," in s:
        s = _THOUSANDS.sub("", s)
    if "_" in s:
        s = s.replace("_", " ")
    counts: dict[str, int] = {}
    get = counts.get
    cache = _WORD_TERMS
    for word, n in Counter(_WORD.findall(s)).items():
        found = cache.get(word)
        if found is None:
            found = cache[word] = _word_terms(word)
        for t in found:
            counts[t] = get(t, 0) + n
    return counts
