"""The finish of the guide pages (issue 11, item 6), on the built site.

* "Zo komt het advies tot stand" shows each section's rules as a real list.
* Without JavaScript there is no print button (it would do nothing); with it there is one.
* On a phone, after a step, the step label is in view below the header and below the place
  where the theme's "terug naar boven" button appears.
* Guide texts say "je", never "u"; joined lesson titles never show ".,".
"""

from __future__ import annotations

import re

import pytest

from tests.support.minimal import ROOT

GUIDES = ["afwegingskader", "initiatiefwijzer", "methodekeuzehulp", "rolkeuze"]


@pytest.mark.parametrize("guide", GUIDES)
def test_rule_overview_is_a_list_for_every_section(site, guide):
    html = (site / "keuzehulpen" / guide / "index.html").read_text(encoding="utf-8")
    details = html[html.index("Zo komt het advies tot stand"):]
    details = details[: details.index("</details>")]
    sections = details.count("<strong>")
    assert sections >= 1
    # Every section title is followed by its own <ul>, never by "- " run into a paragraph.
    assert details.count("<ul>") == sections, details[:500]
    assert not re.search(r"<p>[^<]*\n- ", details)


@pytest.mark.browser
def test_print_button_only_with_javascript(browser, server):
    url = f"{server}/keuzehulpen/rolkeuze/klein/veel/"
    for js, visible in ((False, False), (True, True)):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        page.goto(url)
        assert page.locator(".tp-print").count() == 1
        assert page.locator(".tp-print").is_visible() is visible, f"js={js}"
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_step_label_is_in_view_on_a_phone_after_a_step(browser, server, js):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{server}/keuzehulpen/initiatiefwijzer/")
    page.check(".tp-step #antwoord-voor-de-buurt")
    page.click("#verder-voor-de-buurt")
    page.wait_for_url("**/voor-de-buurt/#vraag")
    page.wait_for_timeout(300)
    label = page.locator(".tp-guide__kicker").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert label["y"] >= header["y"] + header["height"], (label, header)
    if js:
        # Show the theme's back-to-top button where it appears on scrolling up: it must not
        # overlap the label.
        page.evaluate("() => { const t = document.querySelector('.md-top'); t.hidden = false; t.style.transform = 'none'; }")
        top = page.locator(".md-top").bounding_box()
        assert top["y"] + top["height"] <= label["y"], (top, label)
    context.close()


def _guide_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "toolbox/guides").glob("*.yaml")}


def test_guide_texts_say_je_not_u():
    formal = re.compile(r"\b(u|uw|U|Uw)\b")
    for name, text in _guide_texts().items():
        for n, line in enumerate(text.splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            assert not formal.search(line), f"toolbox/guides/{name}.yaml:{n}: {line.strip()}"


def test_built_guide_pages_never_join_titles_with_dot_comma(site):
    bad = []
    for page in (site / "keuzehulpen").rglob("index.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        if ".," in text or "?," in text or "!," in text:
            bad.append(str(page.relative_to(site)))
    assert not bad, f"{len(bad)} pages: {bad[:5]}"
