"""A developer or organisation reaches advice for a plan-maker in three clicks from home.

Home -> "Mijn plan is groter" (1) -> choose how far the plan is (2) -> "Naar de uitslag" (3),
with and without JavaScript; the result names the Omgevingswet, its source and the publieke
waarden, and never advises resident funding tools or counter-power as the plan-maker's own.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_plan_maker_advice_in_three_clicks_from_home(browser, server, js):
    context = browser.new_context(java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{server}/")
    page.click("text=Mijn plan is groter")  # 1
    page.wait_for_url(f"{server}/keuzehulpen/plan-in-de-wijk/groter/")
    page.check("#antwoord-vroeg")  # 2
    page.click("#verder-vroeg")  # 3
    page.wait_for_url(f"{server}/keuzehulpen/plan-in-de-wijk/groter/vroeg/#advies")
    text = page.inner_text(".tp-guide")
    for expected in (
        "Praat met de buurt voordat je tekent",
        "Omgevingswet",
        "omgevingsvergunning",
        "betrokkenheid",
        "Vragen bij een groter plan",
        "Ossenmarkt",
        "Omgevingsweb",
    ):
        assert expected in text, expected
    advised = page.eval_on_selector_all(".tp-item--advies a, .tp-item--past a", "els => els.map(a => a.getAttribute('href'))")
    for tool in ("25-procent-regel", "buurtbudget", "wijkwethoudersbudget", "wijktop-3", "tegenmacht-buurtwerk"):
        assert not any(f"methoden/{tool}/" in (h or "") for h in advised), tool
    context.close()
