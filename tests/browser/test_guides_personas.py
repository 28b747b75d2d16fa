"""Scenario tests: personas from the letter walk through the built site (issue 11, item 7).

Each persona in tests/guide_vectors/personas/personas.yaml starts at the home page, opens each
guide it needs from there (the home page or the guides overview), answers by clicking a
radio and its "Verder" link, and on the result page finds the key advice and links an expert
would expect, and not the wrong advice. With JavaScript on and off: the same URLs and pages.
"""

from __future__ import annotations


import pytest


from tests.unit.test_guides_personas import PERSONAS


def _walk(page, server: str, guide: str, path: str) -> None:
    page.goto(f"{server}/keuzehulpen/")
    page.click(f"a[href$='{guide}/']")  # the overview's "Begin met ..." link
    page.wait_for_url(f"{server}/keuzehulpen/{guide}/")
    done = ""
    for option in path.strip("/").split("/"):
        page.check(f".tp-step #antwoord-{option}")
        page.click(f"#verder-{option}")
        done += option + "/"
        page.wait_for_url(f"{server}/keuzehulpen/{guide}/{done}#*")
    page.wait_for_selector("#advies")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("persona", PERSONAS, ids=[p["name"] for p in PERSONAS])
def test_persona_gets_the_advice_an_expert_expects(browser, server, persona, js):
    context = browser.new_context(java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{server}/")
    text, hrefs = "", []
    for walk in persona["walks"]:
        _walk(page, server, walk["guide"], walk["path"])
        text += page.inner_text(".tp-guide") + "\n"
        hrefs += page.eval_on_selector_all(".tp-guide a[href]", "els => els.map(a => a.href)")
    expect = persona["expect"]
    for snippet in expect["texts"]:
        assert snippet in text, snippet
    for part in expect["links"]:
        assert any(part in h for h in hrefs), part
    for wrong in expect["absent"]:
        assert wrong not in text and not any(wrong in h for h in hrefs), wrong
    context.close()
