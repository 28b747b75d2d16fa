"""Time on the built site: every entry page, guide result and lesson shows the date of its source.

The rule itself (time words refused at the word) is tested in tests/unit/test_time.py."""

from __future__ import annotations

import yaml


from tests.support.minimal import ROOT
from tests.support.site_pages import html_file
from tests.unit.test_time import BRON, CHECKED, _entry_pages, _text


def test_every_entry_page_and_guide_result_shows_the_source_date(site):
    pages = _entry_pages(site)
    assert len(pages["case"]) == len(list((ROOT / "cases").glob("*.yaml")))
    assert len(pages["method"]) == len(list((ROOT / "toolbox/methods").glob("*.yaml")))
    assert pages["guide result"], "no guide result pages found"
    missing = [
        (kind, p)
        for kind, ps in pages.items()
        for p in ps
        if BRON not in _text(html_file(site, p)) or CHECKED not in _text(html_file(site, p))
    ]
    assert not missing, missing[:10]


def test_every_lesson_shows_the_source_date(site):
    text = _text(html_file(site, "/lessen/"))
    lessons = len(list((ROOT / "toolbox/lessons").glob("*.yaml")))
    assert text.count(BRON) == lessons
    assert text.count(CHECKED) == lessons


def test_no_ongoing_case_says_it_is_still_running(site):
    ongoing = [
        p.stem
        for p in (ROOT / "cases").glob("*.yaml")
        if (yaml.safe_load(p.read_text(encoding="utf-8")).get("period") or {}).get("ongoing")
    ]
    assert ongoing, "no case with an ongoing period to test"
    for slug in ongoing:
        text = _text(html_file(site, f"/voorbeelden/{slug}/"))
        assert "liep nog in 2018" in text, slug
        assert "loopt nog" not in text, slug
