"""The decision guides in a real browser (Debian's chromium), with and without JavaScript.

* Each guide is completed by keyboard alone (Tab, Space, arrow keys, Enter): with and
  without JavaScript every step is an ordinary page load (guides.js adds Enter-to-continue,
  focus and printing). Both must reach the same result URL and advice.
* Every result vector of tests/guide_vectors/ is checked against its built page, with and
  without JavaScript: the pages say what the Python engine says.
* A result printed to PDF by Chromium contains the date, the answers and the advice, and
  none of the buttons.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest

from generator.render import MONTHS

from tests.support.guide_vectors import result_vectors, vector_id

RESULTS = result_vectors()
# One walk per guide: the first result vector of each, answered by keyboard.
WALKS = {}
for _guide, _vector in RESULTS:
    WALKS.setdefault(_guide, _vector)


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def any_page(request, browser):
    context = browser.new_context(java_script_enabled=request.param)
    page = context.new_page()
    page.js = request.param
    yield page
    context.close()


def _advice(page) -> dict[str, list[str]]:
    """What a result page advises, per section, read from the DOM (rules or methods in order)."""
    return page.evaluate(
        """() => {
          const out = {};
          for (const s of document.querySelectorAll('[data-tp-section]')) {
            const ids = [...s.querySelectorAll('[data-tp-rule], [data-tp-method]')]
              .map(e => e.dataset.tpRule || e.dataset.tpMethod);
            out[s.dataset.tpSection] = ids;
          }
          return out;
        }"""
    )


def _assert_advice(got: dict, vector: dict) -> None:
    for section, expected in vector["advice"].items():
        if isinstance(expected, list):
            assert got.get(section, []) == expected, section
        else:
            ids = got[section]
            assert ids[0] == expected["first"]
            assert set(expected.get("includes", [])) <= set(ids)
            assert not set(expected.get("excludes", [])) & set(ids)


def _tab_until(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement && document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _choose_by_keyboard(page, option: str) -> None:
    """From the page as loaded, select one answer with Tab/Space/arrows and follow 'Verder' with Enter."""
    _tab_until(page, ".tp-step .tp-opt__input")
    values = page.eval_on_selector_all(".tp-step .tp-opt__input", "els => els.map(e => e.value)")
    page.keyboard.press("Space")  # checks the first answer
    for _ in range(values.index(option)):
        page.keyboard.press("ArrowDown")  # moves to the next answer and checks it
    assert page.eval_on_selector(".tp-step .tp-opt__input:checked", "e => e.value") == option
    page.keyboard.press("Tab")  # the only visible 'Verder' link is the one of the chosen answer
    assert page.evaluate("() => document.activeElement.id") == f"verder-{option}"
    page.keyboard.press("Enter")


@pytest.mark.parametrize("guide", sorted(WALKS))
def test_complete_guide_by_keyboard(any_page, server, guide):
    page, vector = any_page, WALKS[guide]
    page.goto(f"{server}/keuzehulpen/{guide}/")
    page.evaluate("() => { window.tpSamePage = true; }") if page.js else None
    options = vector["path"].strip("/").split("/")
    for i, option in enumerate(options):
        _choose_by_keyboard(page, option)
        prefix = "/".join(options[: i + 1]) + "/"
        page.wait_for_url(f"{server}/keuzehulpen/{guide}/{prefix}#" + ("advies" if i == len(options) - 1 else "vraag"))
        page.wait_for_selector("#advies" if i == len(options) - 1 else "#vraag")

    assert page.url == f"{server}/keuzehulpen/{guide}/{vector['path']}#advies"
    _assert_advice(_advice(page), vector)
    # With and without JavaScript every step is an ordinary page load of the same URL
    # (guides.js explains why), so the marker set on the first page is gone.
    assert page.evaluate("() => window.tpSamePage === undefined")
    if page.js:
        # guides.js moved focus to the result heading after the load.
        page.wait_for_function("() => document.activeElement && document.activeElement.id === 'advies'")
        page.go_back()  # history works: the previous step, with its question
        page.wait_for_url(f"{server}/keuzehulpen/{guide}/{'/'.join(options[:-1])}{'/' if len(options) > 1 else ''}#vraag")
        page.wait_for_selector(".tp-step .tp-opt__input")
    else:
        # Without JavaScript the fragment puts the result heading in view and focus order.
        assert page.evaluate("() => document.querySelector(':target').id") == "advies"


@pytest.mark.parametrize("item", RESULTS, ids=[vector_id(v) for v in RESULTS])
def test_vector_on_built_page(browser, server, item):
    """The static result page says exactly what the engine says, with and without JavaScript."""
    guide, vector = item
    seen = []
    for js in (True, False):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        page.goto(f"{server}/keuzehulpen/{guide}/{vector['path']}")
        got = _advice(page)
        _assert_advice(got, vector)
        text = page.inner_text(".tp-guide")
        for snippet in vector.get("texts", []):
            assert snippet in text, snippet
        for q, o in vector["answers"].items():  # the answers are listed on the page
            assert page.locator(".tp-answers li").count() == len(vector["answers"])
        seen.append(got)
        context.close()
    assert seen[0] == seen[1]


def test_step_without_javascript_shows_only_the_chosen_link(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/keuzehulpen/rolkeuze/")
    assert page.locator(".tp-next__link:visible").count() == 0
    assert page.locator(".tp-next__hint").is_visible()
    page.click("#antwoord-klein")  # the radio itself is not covered by its card
    assert page.locator(".tp-next__link:visible").get_attribute("id") == "verder-klein"
    page.locator(".tp-opt", has=page.locator("#antwoord-groot")).click()  # the whole card is the click target
    assert page.is_checked("#antwoord-groot")
    visible = page.locator(".tp-next__link:visible")
    assert visible.count() == 1 and visible.get_attribute("id") == "verder-groot"
    assert not page.locator(".tp-next__hint").is_visible()
    visible.click()
    page.wait_for_url(f"{server}/keuzehulpen/rolkeuze/groot/#vraag")
    assert page.locator("h1#vraag").inner_text() == "Hoeveel energie en organisatiekracht heeft het gebied?"
    assert page.locator("legend #vraag").count() == 1  # the question is the fieldset's legend
    context.close()


def test_enter_on_a_chosen_answer_continues_with_javascript(page, server):
    page.goto(f"{server}/keuzehulpen/rolkeuze/")
    _tab_until(page, ".tp-step .tp-opt__input")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/keuzehulpen/rolkeuze/klein/#vraag")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'vraag'")
    assert "Hoeveel energie" in page.title()


def test_every_answer_has_a_real_label(page, server):
    page.goto(f"{server}/keuzehulpen/initiatiefwijzer/voor-de-buurt/samen/buren-zijn-voor/")
    radios = page.locator(".tp-opt__input")
    assert radios.count() == 8
    for i in range(radios.count()):
        radio = radios.nth(i)
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        assert label.count() == 1 and label.inner_text().strip()
    assert page.get_by_role("group", name="In welk deel van de gemeente is je idee?").count() == 1


def _words(text: str) -> str:
    """PDF text as the words a reader sees, independent of the machine's fonts: ligatures
    (U+FB01 "fi") as letters (NFKC), and symbols such as the rule's check box dropped, since
    whether a font has a glyph for U+2611 decides whether the PDF's text holds it."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "So")
    return " ".join(text.split())


def _dutch_today(page) -> str:
    """Today in the browser's own time zone (the page prints that), so the machine's TZ does not matter."""
    year, month, day = page.evaluate("() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }")
    today = dt.date(year, month, day)
    return f"{today.day} {MONTHS[today.month - 1]} {today.year}"


@pytest.mark.parametrize("guide", ["afwegingskader", "rolkeuze"])
def test_result_prints_date_answers_and_advice(page, server, guide):
    from pypdf import PdfReader

    vector = WALKS[guide]
    page.goto(f"{server}/keuzehulpen/{guide}/{vector['path']}")
    page.wait_for_function("() => !document.querySelector('.tp-print').hidden")  # guides.js ran
    pdf = page.pdf(format="A4")
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    text = _words(text)
    assert f"Datum: {_dutch_today(page)}" in text
    for q_label, answer in page.eval_on_selector_all(
        ".tp-answers li", "els => els.map(li => [li.querySelector('em').innerText, li.innerText])"
    ):
        assert q_label in text
    # The rule's own title; its status mark (.tp-mark, "☑ Voldaan:") has a print style of its own.
    first_rule = page.eval_on_selector(
        "[data-tp-rule] h3",
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.tp-mark').forEach(m => m.remove()); return c.textContent; }",
    )
    assert _words(first_rule) in text
    for absent in ("Opnieuw beginnen", "Vorige vraag", "Print of bewaar als PDF", "wijzig"):
        assert absent not in text, absent
