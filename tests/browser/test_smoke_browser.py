"""Smoke test in Debian's Chromium: the home page, a case and a method show their titles."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "path, title",
    [
        ("/", "Toolbox Participatie"),
        ("/voorbeelden/de-stroming/", "De Stroming"),
        ("/methoden/wijktop-3/", "Wijktop 3"),
    ],
)
def test_page_shows_its_title(page, server, path, title):
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    h1 = page.locator("article h1").first
    assert title in h1.inner_text()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_home_has_an_entrance_for_each_user_group(page, server):
    """Residents, staff, developers and organisations, initiators learning from cases (the letter's four)."""
    page.goto(server + "/")
    headings = page.locator(".tp-entrance h2").all_inner_texts()
    assert headings == [
        "Ik heb een idee",
        "Ik organiseer participatie",
        "Ik heb een plan voor een plek in de wijk",
        "Ik wil leren van voorbeelden",
    ]


def test_case_page_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/voorbeelden/verkeersplein-ossenmarkt/")
    assert "Verkeersplein Ossenmarkt" in page.locator("article h1").inner_text()
    page.get_by_role("link", name="Pilot met evaluatie").first.click()
    assert "/methoden/pilot-met-evaluatie/" in page.url
    context.close()
