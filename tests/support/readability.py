"""Flesch-Douma reading ease for Dutch text, with a plain syllable count.

Flesch-Douma (Douma 1960): 206.835 - 0.93 * (words per sentence) - 77 * (syllables per word).
Higher is easier; 60-70 is plain language. Syllables are counted as groups of vowels
(a, e, i, o, u, y, with accents); a letter with a diaeresis (coöperatie, ideeën) starts a new
syllable. Good enough to compare texts of one site; not a linguist's count.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

_VOWELS = "aeiouyáéíóúàèìòùâêîôû"
_DIAERESIS = "äëïöü"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")


def syllables(word: str) -> int:
    word = unicodedata.normalize("NFC", word.lower())
    count, previous_vowel = 0, False
    for ch in word:
        if ch in _DIAERESIS:
            count += 1
            previous_vowel = True
        elif ch in _VOWELS:
            if not previous_vowel:
                count += 1
            previous_vowel = True
        else:
            previous_vowel = False
    return max(count, 1)


def sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCE_END.split(text)) if _WORD.search(s)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def flesch_douma(text: str) -> float:
    sents = sentences(text)
    ws = words(text)
    if not sents or not ws:
        raise ValueError("no text to measure")
    return 206.835 - 0.93 * (len(ws) / len(sents)) - 77 * (sum(syllables(w) for w in ws) / len(ws))


def median(values) -> float:
    return statistics.median(values)
