"""Content rules that keep the site true to its source.

- every number in the content appears in the source letter (no invented figures);
- no sentence is copied: no run of 9 or more words is shared with the letter;
- every picture has a text alternative; every lesson links an existing case and method.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from pydantic import BaseModel

from generator.validate import load_content

from .minimal import ROOT

NGRAM = 9
# Runs the letter uses as proper names or fixed titles: quoting them is naming, not copying.
NAMES = [
    "rotonde Buitenhof, Park Kranenburg, Tennispark LTC, de Buitenfitness en de Ruskeveenseplas",
    "De oogst en de lessen van een collegeperiode Gebiedsgericht Werken",
    "Zo krijgt jouw idee de wind mee",
    "Groots in Groningen: de kracht van klein",
]


# Pages about the site itself (how to contribute, publish, what was tested): their numbers are
# line numbers, ports, test figures and dates of this project, not facts about Groningen.
ABOUT_THE_SITE = {"bijdragen", "publiceren", "toegankelijkheid", "privacy", "open-data"}


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.lower())
    return re.findall(r"[\w'’%-]+", text)


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _texts(value, where: str):
    """Every string in a model, with a readable location."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{where}[{i + 1}]")


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def all_texts(content):
    texts = []
    for kind in ("cases", "methods", "lessons"):
        for slug, model in getattr(content, kind).items():
            texts.extend(_texts(model, f"{kind}/{slug}"))
    for kind, ref in content.reference.items():
        texts.extend((f"reference/{kind}.intro", t) for t in ref.intro)
        for item in ref:
            texts.extend(_texts(item, f"reference/{kind}/{item.slug}"))
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if page.stem in ABOUT_THE_SITE:
            continue
        texts.append((page.relative_to(ROOT).as_posix(), page.read_text(encoding="utf-8")))
    return texts


def test_source_letter_is_present(source_letter):
    assert "Gebiedsgericht" in source_letter, "the file at the source letter's path is not the letter"


def test_every_number_comes_from_the_source(all_texts, source_letter):
    source = source_letter
    known = set(re.findall(r"\d+(?:\.\d{3})*", source))
    invented = []
    for where, text in all_texts:
        if where.endswith((".reviewed", ".sections")) or "section" in where.rsplit(".", 1)[-1]:
            continue
        for number in re.findall(r"(?<![\w.-])\d+(?:\.\d{3})*", text):
            if int(number.replace(".", "")) >= 10 and number not in known:
                invented.append(f"{where}: {number}")
    assert invented == [], "numbers not found in the source letter:\n" + "\n".join(invented)


def test_no_sentence_copied_from_the_source(all_texts, source_letter):
    source_text = source_letter
    for name in NAMES:
        source_text = source_text.replace(name, " ")
    source = _ngrams(_words(source_text), NGRAM)
    copied = []
    for where, text in all_texts:
        if where.endswith((".section", ".name")) or ".sections[" in where:
            continue  # citations quote section headings and names on purpose
        for name in NAMES:
            text = text.replace(name, " ")
        shared = _ngrams(_words(text), NGRAM) & source
        if shared:
            copied.append(f"{where}: '{' '.join(sorted(shared)[0])}'")
    assert copied == [], f"runs of {NGRAM}+ words copied from the letter:\n" + "\n".join(copied)


def test_every_lesson_links_an_existing_case_and_method(site, content):
    html = (site / "lessen/index.html").read_text(encoding="utf-8")
    for slug, lesson in content.lessons.items():
        assert f'id="{slug}"' in html
        for case in lesson.cases:
            assert (site / "voorbeelden" / case / "index.html").is_file()
        for method in lesson.methods:
            assert (site / "methoden" / method / "index.html").is_file()


def test_every_picture_has_a_text_alternative(site):
    missing = []
    pictures = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*?</article>", html, re.S)
        html = article.group(0) if article else ""  # theme icons sit outside the content, inside named controls
        for svg in re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.S):
            opening = svg[: svg.index(">")]
            if 'aria-hidden="true"' in opening:
                continue  # decorative icons
            pictures += 1
            if 'role="img"' not in opening or "<title" not in svg:
                missing.append(f"{page.relative_to(site)}: {opening[:80]}")
        for img in re.findall(r"<img\b[^>]*>", html):
            pictures += 1
            if "alt=" not in img:
                missing.append(f"{page.relative_to(site)}: {img[:80]}")
    assert pictures > 0
    assert missing == [], "\n".join(missing)
    ol = (site / "voorbeelden/verkeersplein-ossenmarkt/index.html").read_text(encoding="utf-8")
    assert 'class="tp-timeline" aria-label="Tijdlijn van Verkeersplein Ossenmarkt"' in ol
