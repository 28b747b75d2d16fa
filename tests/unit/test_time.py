"""Time: the letter is from autumn 2018, and no page may present its "now" as today.

* The rule (generator/rules_time.py): a present-tense time word in a text that cites a dated
  source is an error at the word itself, in Dutch; the same word citing an undated source is not.
* The built site: every case and method page, every lesson and every guide result says which
  source it comes from and when that source was written, and against which source it was checked.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generator.errors import ContentErrors
from generator.render import _period
from generator.rules_time import PATTERN, TIME_WORDS
from generator.schema import Period
from generator.validate import load_content

from tests.support.minimal import ROOT, TESTS
from tests.support.site_pages import html_file, page_paths

DATED = """title: Bronnen
items:
  - slug: bron
    name: Een brief
    author: Het college
    short: brief van het college
    published: {year: 2018, season: najaar}
    sections: [Deel A, Deel B]
"""


def _errors(repo: Path) -> list[str]:
    with pytest.raises(ContentErrors) as exc:
        load_content(repo)
    return [str(e) for e in exc.value.errors]


def _case(repo: Path, summary: str) -> None:
    path = repo / "cases/de-stroming.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^summary: .*$", "summary: " + summary, text, count=1, flags=re.M), encoding="utf-8")


def test_time_word_in_a_text_citing_a_dated_source_is_refused_at_the_word(repo):
    (repo / "toolbox/reference/bronnen.yaml").write_text(DATED, encoding="utf-8")
    _case(repo, "Het plein is aangelegd. De evaluatie loopt nu.")
    lines = _errors(repo)
    line = next(n for n, t in enumerate((repo / "cases/de-stroming.yaml").read_text().splitlines(), 1) if t.startswith("summary:"))
    col = "summary: Het plein is aangelegd. De evaluatie loopt nu.".index(" nu.") + 2
    assert lines == [
        f"cases/de-stroming.yaml:{line}:{col}: 'nu' leest als vandaag, maar de bron (brief van het college) is van najaar 2018. "
        "Schrijf vanuit dat moment, in de verleden tijd met het jaar (zoals 'liep in 2018 nog')."
    ]


def test_a_phrase_folded_over_two_lines_is_found_and_pointed_at(repo):
    (repo / "toolbox/reference/bronnen.yaml").write_text(DATED, encoding="utf-8")
    _case(repo, "De experimenten worden over\n  een jaar geëvalueerd.")
    lines = _errors(repo)
    assert len(lines) == 1 and "'over een jaar' leest als vandaag" in lines[0]
    text = (repo / "cases/de-stroming.yaml").read_text().splitlines()
    path, line, col = lines[0].split(":")[:3]
    assert text[int(line) - 1][int(col) - 1 :].startswith("over"), lines[0]


def test_only_whole_words_and_only_dated_sources(repo):
    # "nuttig", "nummer", "menu" contain "nu" but are other words; an undated source has no "now" to mix up.
    (repo / "toolbox/reference/bronnen.yaml").write_text(DATED, encoding="utf-8")
    _case(repo, "Een nuttig plan met nummer drie op het menu.")
    load_content(repo)
    (repo / "toolbox/reference/bronnen.yaml").write_text(
        DATED.replace("    published: {year: 2018, season: najaar}\n", ""), encoding="utf-8"
    )
    _case(repo, "De evaluatie loopt nu en is binnenkort klaar.")
    load_content(repo)


GUIDE = (TESTS / "bad/guide-time-word.yaml").read_text(encoding="utf-8")


def test_guide_texts_follow_the_same_rule(repo):
    # A guide cites the letter for the whole file: its rule texts may not speak from today either.
    (repo / "toolbox/guides").mkdir(parents=True, exist_ok=True)
    guide = repo / "toolbox/guides/testhulp.yaml"
    guide.write_text(GUIDE, encoding="utf-8")
    (repo / "toolbox/reference/bronnen.yaml").write_text(DATED, encoding="utf-8")
    lines = _errors(repo)
    row = next(n for n, t in enumerate(guide.read_text().splitlines(), 1) if "werkt nu" in t)
    assert len(lines) == 1 and lines[0].startswith(f"toolbox/guides/testhulp.yaml:{row}:"), lines
    assert "'nu' leest als vandaag, maar de bron (brief van het college) is van najaar 2018." in lines[0]
    # The same guide is fine once it says it from the letter's moment, or when the source has no date.
    guide.write_text(GUIDE.replace("werkt nu met", "werkte in 2018 met"), encoding="utf-8")
    load_content(repo)
    guide.write_text(GUIDE, encoding="utf-8")
    (repo / "toolbox/reference/bronnen.yaml").write_text(
        DATED.replace("    published: {year: 2018, season: najaar}\n", ""), encoding="utf-8"
    )
    load_content(repo)


def test_every_listed_word_is_caught_case_insensitively():
    for word in TIME_WORDS:
        assert PATTERN.search(f"Dat was {word.upper()} zo."), word
        assert not PATTERN.search(f"Dat was x{word}x zo."), word


def test_ongoing_period_is_said_from_the_source_year():
    assert _period(Period(start=2016, ongoing=True), 2018) == "2016 en liep nog in 2018"
    assert _period(Period(ongoing=True), 2018) == "liep nog in 2018"
    assert _period(Period(start=2015, end=2017), 2018) == "2015 tot 2017"


def test_real_source_is_dated():
    data = yaml.safe_load((ROOT / "toolbox/reference/bronnen.yaml").read_text(encoding="utf-8"))
    letter = next(i for i in data["items"] if i["slug"] == "oogst-en-lessen")
    assert letter["published"] == {"year": 2018, "season": "najaar"}
    assert letter["covers"] == {"start": 2014, "end": 2018}


# --- the built site -----------------------------------------------------------------------------

BRON = "Bron: brief van het college, najaar 2018 —"
CHECKED = "Laatst vergeleken met de brief van het college (najaar 2018):"


def _text(file: Path) -> str:
    body = file.read_text(encoding="utf-8")
    body = body.split("<article", 1)[1].split("</article>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()).replace(" ,", ",").replace(" .", ".")


def _entry_pages(site: Path) -> dict[str, list[str]]:
    paths = page_paths(site)
    guides = [p for p in paths if p.startswith("/keuzehulpen/") and "tp-guide--result" in html_file(site, p).read_text(encoding="utf-8")]
    return {
        "case": [p for p in paths if re.fullmatch(r"/voorbeelden/[^/]+/", p) and (ROOT / "cases" / f"{p.split('/')[2]}.yaml").exists()],
        "method": [
            p for p in paths if re.fullmatch(r"/methoden/[^/]+/", p) and (ROOT / "toolbox/methods" / f"{p.split('/')[2]}.yaml").exists()
        ],
        "guide result": guides,
    }
