"""Finishing a guide in Chromium: the print button needs JavaScript; the step label stays in view on a phone."""

from __future__ import annotations

import pytest


def test_print_button_only_with_javascript(browser, server):
    url = f"{server}/keuzehulpen/rolkeuze/klein/veel/"
    for js, visible in ((False, False), (True, True)):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        page.goto(url)
        assert page.locator(".tp-print").count() == 1
        assert page.locator(".tp-print").is_visible() is visible, f"js={js}"
        context.close()


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
