"""The search controls by keyboard and on a phone: header box, header button, search page."""

from __future__ import annotations


def test_phone_header_button_opens_the_search_page_ready_to_type(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server + "/voorbeelden/de-stroming/")
        assert page.locator("#tp-header-q").is_hidden()  # no room for the box: only the button
        page.get_by_role("button", name="Zoeken", exact=True).click()
        page.wait_for_url("**/zoeken/?q=")
        assert page.evaluate("document.activeElement.id") == "tp-search-q"
        page.keyboard.type("moestuin")
        page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'moestuin'")
        assert "hortushof" in page.locator(".tp-search__result a").first.get_attribute("href")
    finally:
        context.close()


def test_header_quick_results_by_keyboard(page, server):
    page.goto(server + "/methoden/")
    box = page.get_by_role("searchbox", name="Zoeken op deze site")
    box.focus()
    page.keyboard.type("petitie")
    first = page.locator(".tp-quick [data-search-result] a").first
    first.wait_for()
    assert "/methoden/handtekeningenactie/" in first.get_attribute("href")
    assert page.locator(".tp-quick__status").inner_text().startswith("Beste ")
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.closest('.tp-quick') !== null")
    page.keyboard.press("Escape")
    assert page.locator(".tp-quick").is_hidden()
    box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=petitie")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'petitie'")
    assert "petitie" in page.locator(".tp-search__status").inner_text()


def test_search_page_without_javascript_leads_to_the_overviews(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/zoeken/?q=speeltuin")
        text = page.inner_text("article")
        assert "Zoeken werkt met JavaScript" in text
        links = page.eval_on_selector_all("article a", "els => els.map(e => e.getAttribute('href'))")
        for target in ("../voorbeelden/", "../methoden/", "../voorbeelden/stadsdeel/", "../methoden/niveau/", "../methoden/vergelijk/"):
            assert target in links, target
    finally:
        context.close()
