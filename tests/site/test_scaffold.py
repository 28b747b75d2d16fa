"""toolbox new: a filled-in form passes the check, and every entry page shows when it was last reviewed.

These run the whole check (which renders every page) or generate the site's pages, so they are
not in tests/unit/; the form itself is tested there."""

from __future__ import annotations


import datetime as dt

import pytest

from generator.scaffold import KINDS
from generator.validate import load_content
from tests.unit.test_scaffold import FILL, FOLDERS, check, fill, new


@pytest.mark.parametrize("kind", list(KINDS))
def test_filled_in_form_passes_check(repo, capsys, kind):
    assert new(repo, capsys, kind, "nieuw-ding")[0] == 0
    path = repo / FOLDERS[kind] / "nieuw-ding.yaml"
    path.write_text(fill(path.read_text(encoding="utf-8"), FILL[kind]), encoding="utf-8")
    code, errors = check(repo, capsys)
    assert (code, errors) == (0, [])
    entry = getattr(load_content(repo), KINDS[kind].collection)["nieuw-ding"]
    assert entry.title == FILL[kind]["title"]
    assert entry.reviewed == dt.date(2026, 11, 27)


def test_every_entry_shows_when_it_was_last_reviewed(repo):
    """Cases and methods on their own page, lessons on the lessons page: the `reviewed` date, in Dutch."""
    from generator.build import generate

    (repo / "cases/de-stroming.yaml").write_text(
        (repo / "cases/de-stroming.yaml").read_text(encoding="utf-8").replace("reviewed: 2026-11-27", "reviewed: 2026-03-05"),
        encoding="utf-8",
    )
    out = repo / "out"
    generate(load_content(repo), repo, out)
    assert "Laatst gecontroleerd: 5 maart 2026." in (out / "voorbeelden/de-stroming.md").read_text(encoding="utf-8")
    assert "Laatst gecontroleerd: 27 november 2026." in (out / "methoden/wijkstemdag.md").read_text(encoding="utf-8")
    lessons = (out / "lessen/index.md").read_text(encoding="utf-8")
    section = lessons.split("{ #klein-wordt-groot }", 1)[1]
    assert "Laatst gecontroleerd: 27 november 2026" in section
