"""Compare side by side in Chromium."""

from __future__ import annotations

import pytest

from generator.validate import load_content

from tests.support.minimal import ROOT


@pytest.mark.parametrize("chosen", [("buurtbudget", "wijkstemdag"), ("wijktop-3", "burgerbegroting", "buurtbudget")])
def test_compare_side_by_side(server, page, chosen):
    c = load_content(ROOT)
    page.goto(f"{server}/methoden/vergelijk/?" + "&".join(f"m={m}" for m in chosen))
    table = page.locator(".tp-compare-table")
    table.wait_for()
    assert table.get_attribute("data-methods") == " ".join(chosen)
    heads = page.eval_on_selector_all(".tp-compare-table thead th", "els => els.map(e => e.textContent.trim())")
    assert heads == ["Kenmerk"] + [c.methods[m].title for m in chosen]
    rows = page.eval_on_selector_all(".tp-compare-table tbody th", "els => els.map(e => e.textContent)")
    for label in ("Participatieniveau", "Bereikt vooral", "Inzet", "Kosten", "Duur", "Valkuilen", "Voorbeelden"):
        assert label in rows
    cost_row = page.locator(".tp-compare-table tbody tr", has=page.locator("th", has_text="Kosten"))
    cells = cost_row.locator("td").all_inner_texts()  # the band's name, then its mark (tests/site/test_provenance.py)
    assert len(cells) == len(chosen)
    for cell, m in zip(cells, chosen):
        assert cell.startswith(c.ref("banden").name(c.methods[m].cost)), cell
    for m in chosen:
        for pitfall in c.methods[m].pitfalls[:1]:
            assert pitfall[:40] in page.inner_text(".tp-compare-table")
        assert page.locator(f'.tp-compare-form input[value="{m}"]').is_checked()
    # At most three: the other boxes are disabled once three are ticked.
    if len(chosen) == 3:
        assert page.locator(".tp-compare-form input:disabled").count() == len(c.methods) - 3
