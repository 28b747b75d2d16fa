"""Provenance marks in Chromium: the compare script and the printed method page carry them."""

from __future__ import annotations

import io

from pypdf import PdfReader

from generator.marks import MARKS
from tests.unit.test_provenance import FACT_LABELS, _norm


def test_compare_script_shows_the_same_marks(page, server, content):
    chosen = ["25-procent-regel", "buurtbudget", "right-to-challenge"]
    page.goto(server + "/methoden/vergelijk/?" + "&".join(f"m={s}" for s in chosen))
    page.wait_for_selector("table.tp-compare-table")
    rows = page.evaluate("""() => [...document.querySelectorAll('table.tp-compare-table tbody tr')].map(tr => ({
        label: tr.querySelector('th').textContent.trim(),
        cells: [...tr.querySelectorAll('td')].map(td => ({
          redactie: td.querySelectorAll(':scope > .tp-mark--redactie').length,
          algemeen: td.querySelectorAll('.tp-mark--algemeen').length,
        })),
      }))""")
    by_label = {r["label"]: r["cells"] for r in rows}
    for field, label in FACT_LABELS.items():
        if label == "Participatieniveau":
            label = next(k for k in by_label if k.startswith("Participatie") or k == "Niveau")
        for slug, cell in zip(chosen, by_label[label]):
            method = content.methods[slug]
            assert cell["redactie"] == (1 if field in method.estimates and getattr(method, field) else 0), (slug, label)
    for slug, cell in zip(chosen, by_label["Valkuilen"]):
        assert cell["algemeen"] == sum(p.mark == "algemeen" for p in content.methods[slug].pitfalls), slug


def test_printed_method_page_carries_the_marks(browser, server, content):
    slug = "25-procent-regel"
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + f"/methoden/{slug}/")
    text = _norm(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages))
    context.close()
    for kind in ("redactie", "algemeen"):
        label, why = MARKS[kind]
        assert _norm(label) in text, kind
        assert _norm(why)[:60] in text, kind
    estimates = sum(1 for f in content.methods[slug].estimates if getattr(content.methods[slug], f))
    assert text.count(MARKS["redactie"][0]) >= estimates
