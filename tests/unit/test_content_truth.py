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


from tests.support.figures import report
from tests.support.minimal import ROOT

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


# --- figures in all fields, also small ones and numbers written as words (issue 10) ---------------

NUMBER_WORDS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
    "honderd": 100,
    "tweehonderd": 200,
    "driehonderd": 300,
    "vierhonderd": 400,
    "vijfhonderd": 500,
    "duizend": 1000,
    "tienduizend": 10_000,
}
# "een/één" is also the article and "miljoen" multiplies the number before it (vijf miljoen).
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:\.\d{3})*)(?![\w])|\b(" + "|".join(NUMBER_WORDS) + r")(\s+miljoen)?\b", re.I)


def numbers_in(text: str) -> list[tuple[str, int]]:
    """Every number in a text, as (how it is written, value): digits, and Dutch number words."""
    out = []
    for m in _NUMBER.finditer(text):
        if m.group(1):
            out.append((m.group(1), int(m.group(1).replace(".", ""))))
        else:
            value = NUMBER_WORDS[m.group(2).lower()] * (1_000_000 if m.group(3) else 1)
            out.append((m.group(0), value))
    return out


def _content_texts(content, kinds=("cases", "lessons")):
    for kind in kinds:
        for slug, model in getattr(content, kind).items():
            for where, text in _texts(model, f"{kind}/{slug}"):
                if where.endswith((".doc", ".section")) or ".sources[" in where:
                    continue  # citations: section names are headings of the letter
                yield where, text


def test_numbers_in_all_content_fields_come_from_the_letter(content, source_letter):
    """All numbers, also under 10 and written as words, in every field of every case, lesson,
    method and reference item. A number in a slug (e.g. wijktop-3) counts too: people read it.
    Guides are measured and reported (their text belongs to the guide engineer)."""
    known = {value for _, value in numbers_in(source_letter)}
    assert {3, 5, 25, 450, 5_000_000} <= known, "the letter's numbers were not read"
    texts = list(_content_texts(content, ("cases", "lessons", "methods")))
    for kind, ref in content.reference.items():
        for item in ref:
            texts += [
                (w, t)
                for w, t in _texts(item, f"reference/{kind}/{item.slug}")
                if not w.endswith((".doc", ".section", ".url")) and ".sections[" not in w
            ]
    invented = [f"{where}: {written}" for where, text in texts for written, value in numbers_in(text) if value not in known]
    guides = [
        f"{where}: {written}"
        for slug, g in content.guides.items()
        for where, text in _texts(g, f"guides/{slug}")
        for written, value in numbers_in(text)
        if value not in known
    ]
    report(
        f"getallen: {len(texts)} teksten van voorbeelden, lessen, methoden en referentie gecontroleerd; keuzehulpen (alleen gemeten) met een getal dat niet in de brief staat: {len(guides)} {guides[:3]}"
    )
    assert invented == [], "numbers not in the source letter:\n" + "\n".join(invented)


def test_number_reader_sees_small_numbers_and_words():
    assert numbers_in("zo'n 40 plannen, 3 euro, vijf thema's en vijf miljoen") == [
        ("40", 40),
        ("3", 3),
        ("vijf", 5),
        ("vijf miljoen", 5_000_000),
    ]
    assert numbers_in("driekwart van 25.000 euro") == [("25.000", 25_000)]


# --- case -> method links need a sentence of the cited section (tests/case_method_links.yaml) --------

import yaml  # noqa: E402

LINKS = yaml.safe_load((ROOT / "tests/case_method_links.yaml").read_text(encoding="utf-8"))

# The letter's headings in order, and the section name (toolbox/reference/bronnen.yaml) each starts.
LETTER_HEADINGS = [
    ("Wat is Gebiedsgericht Werken?", "Wat is Gebiedsgericht Werken?"),
    ("Wat is er nodig om op goede wijze gebiedsgericht te werken?", "Wat is er nodig om op goede wijze gebiedsgericht te werken?"),
    ("Bestuur en Politiek", "Bestuur en Politiek"),
    ("Sturing", "Sturing"),
    ("Interne organisatie", "Interne organisatie"),
    ("ROL GEMEENTE = MAATWERK", "Rol gemeente = maatwerk"),
    ("Omgaan met initiatief", "Omgaan met initiatief"),
    ("Participatie en Democratische Vernieuwing", "Participatie en Democratische Vernieuwing"),
    ("Communicatie", "Communicatie"),
    ("Monitoring", "Monitoring"),
    ("Samenvattend", "Samenvattend"),
    ("BIJLAGE", "Bijlage — inleiding"),
    ("West", "Bijlage — West"),
    ("Oost", "Bijlage — Oost"),
    ("Zuid", "Bijlage — Zuid"),
    ("Oude Wijken", "Bijlage — Oude Wijken"),
    ("Centrum", "Bijlage — Centrum"),
]


def _squash(text: str) -> str:
    return " ".join(text.split())


def letter_sections(letter: str) -> dict[str, str]:
    """The letter cut at its headings (each a line of its own, found in order)."""
    starts = [("Inleiding", 0)]
    pos = 0
    for heading, name in LETTER_HEADINGS:
        m = re.compile(r"^" + re.escape(heading) + r".*$", re.M).search(letter, pos)
        assert m, f"heading '{heading}' not found in the letter after position {pos}"
        starts.append((name, m.start()))
        pos = m.end()
    ends = [s for _, s in starts[1:]] + [len(letter)]
    return {name: _squash(letter[start:end]) for (name, start), end in zip(starts, ends)}


def unsupported_links(cases: dict, links: list[dict], sections: dict[str, str]) -> list[str]:
    """Case -> method links without a reviewed entry, and entries whose quote is not in their section."""
    problems = []
    allowed = {(e["case"], e["method"]) for e in links}
    for slug, case in sorted(cases.items()):
        for method in case.methods:
            if (slug, method) not in allowed:
                problems.append(f"cases/{slug}.yaml: link to method '{method}' has no supporting sentence in tests/case_method_links.yaml")
    for e in links:
        cited = {s.section for s in cases[e["case"]].sources} if e["case"] in cases else set()
        if e["section"] not in cited:
            problems.append(f"{e['case']} -> {e['method']}: section '{e['section']}' is not among the case's sources")
        for quote in e["quotes"]:
            if _squash(quote) not in sections.get(e["section"], ""):
                problems.append(f"{e['case']} -> {e['method']}: quote not in section '{e['section']}': {quote!r}")
    return problems


def test_every_case_method_link_is_supported_by_its_cited_section(content, source_letter):
    sections = letter_sections(source_letter)
    assert unsupported_links(content.cases, LINKS, sections) == []
    # every reviewed entry still matches a link in the content (no stale approvals)
    used = {(s, m) for s, c in content.cases.items() for m in c.methods}
    assert [f"{e['case']} -> {e['method']}" for e in LINKS if (e["case"], e["method"]) not in used] == []


def test_an_unsupported_link_is_caught(content, source_letter):
    """The check above fails on a link the letter gives only for the approach as a whole."""
    sections = letter_sections(source_letter)
    project = content.cases["park-kranenburg"].model_copy(update={"methods": ("25-procent-regel", "deur-aan-deur")})
    cases = dict(content.cases) | {"park-kranenburg": project}
    assert unsupported_links(cases, LINKS, sections) == [
        "cases/park-kranenburg.yaml: link to method 'deur-aan-deur' has no supporting sentence in tests/case_method_links.yaml"
    ]
    wrong_section = [dict(LINKS[0], section="Bijlage — Oost")]
    assert any(
        "quote not in section 'Bijlage — Oost'" in p
        for p in unsupported_links({"25-procent-regel-hoogkerk": content.cases["25-procent-regel-hoogkerk"]}, wrong_section, sections)
    )


# --- stories, time and readability --------------------------------------------------------------

from tests.support.readability import flesch_douma, median, sentences, words  # noqa: E402

# Present-tense time words: the letter's "now" is autumn 2018, never today.
TIME_WORDS = re.compile(
    r"\b(nu|momenteel|op dit moment|sinds kort|sinds \d{4}|inmiddels|binnenkort|dit jaar|dit najaar|"
    r"over een jaar|volgend jaar|loopt nog|lopen nog|wordt opgezet|wordt nu|worden nu)\b",
    re.I,
)


def test_every_case_tells_its_own_story_or_says_the_letter_only_names_it(content):
    problems = []
    stories: dict[str, list[str]] = {}
    for slug, case in content.cases.items():
        if case.story:
            stories.setdefault(" ".join(case.story), []).append(slug)
        elif not case.mentioned_only:
            problems.append(f"{slug}: no story and not marked mentioned_only")
        if case.mentioned_only and "brief" not in case.summary:
            problems.append(f"{slug}: mentioned only, but the summary does not say the letter only names it")
    problems += [f"same story on {', '.join(s)}" for s in stories.values() if len(s) > 1]
    assert problems == []


def test_cases_and_lessons_speak_from_2018_not_today(content):
    found = [f"{where}: '{m.group(0)}'" for where, text in _content_texts(content) for m in TIME_WORDS.finditer(text)]
    assert found == [], "present-tense time words (write from the letter's moment, 2018):\n" + "\n".join(found)


def _case_text(case) -> str:
    parts = [case.summary, *case.story, *case.outcomes]
    if case.public_values:
        parts += [v for v in (case.public_values.legitimiteit, case.public_values.betrokkenheid, case.public_values.rendement) if v]
    return "\n\n".join(parts)


def _method_text(m) -> str:
    return "\n\n".join([m.summary, *m.description, *m.when_to_use, *m.when_not, *m.steps, *m.pitfalls])


def test_cases_lessons_methods_and_guides_are_easy_to_read(content):
    """Flesch-Douma per page: the median of each kind at least 65, no single page under 50 (issue 10)."""
    kinds = {
        "voorbeelden": {slug: flesch_douma(_case_text(c)) for slug, c in content.cases.items()},
        "lessen": {slug: flesch_douma(f"{l.title}\n\n{l.claim}") for slug, l in content.lessons.items()},
        "methoden": {slug: flesch_douma(_method_text(m)) for slug, m in content.methods.items()},
        # A guide's texts together: its start page, questions and the advice its result pages show.
        "keuzehulpen": {
            slug: flesch_douma("\n\n".join(t for _, t in _texts(g, slug) if len(words(t)) >= 3)) for slug, g in content.guides.items()
        },
    }
    for name, scores in kinds.items():
        assert scores, f"no {name} measured"
        low = min(scores, key=scores.get)
        report(
            f"leesbaarheid {name}: mediaan Flesch-Douma {median(scores.values()):.1f}, laagste {scores[low]:.1f} ({low}), n={len(scores)}"
        )
    for name, scores in kinds.items():
        assert median(scores.values()) >= 65, f"{name}: median Flesch-Douma {median(scores.values()):.1f} < 65"
        assert {s: round(v, 1) for s, v in scores.items() if v < 50} == {}, f"{name} under 50"


def test_lesson_claims_use_short_sentences(content):
    long = [
        f"{slug}: {len(words(s))} woorden: {s}"
        for slug, lesson in content.lessons.items()
        for s in sentences(lesson.claim)
        if len(words(s)) > 15
    ]
    assert long == [], "lesson sentences over 15 words:\n" + "\n".join(long)


def test_readability_measure_behaves():
    easy = "De kat zit op de mat. Het is een mooie dag."
    hard = "De gemeentelijke organisatieonderdelen constateerden dat integrale gebiedsgerichte samenwerking tussen beleidsdomeinen ingewikkeld bleef."
    assert flesch_douma(easy) > 90 > 0 > flesch_douma(hard)
