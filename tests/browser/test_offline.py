"""`toolbox build --offline`: a copy that works from a folder or USB stick opened via file://,
search included, for meetings without internet. Opened in Chromium via file:// here."""

from __future__ import annotations


import pytest


@pytest.fixture
def file_page(browser):
    """A page that records every request that is not a local file."""
    context = browser.new_context()
    page = context.new_page()
    page.outside = []
    page.errors = []
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith(("file://", "data:")) else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_search_from_the_header_via_file_url(offline_site, file_page):
    page = file_page
    page.goto((offline_site / "index.html").as_uri())
    box = page.locator("#tp-header-q")
    box.press_sequentially("speeltuin")
    page.locator(".tp-quick [data-search-result] a").first.wait_for()
    box.press("Enter")
    page.wait_for_url("**/zoeken.html?q=speeltuin")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'speeltuin'")
    first = page.locator(".tp-search__result a").first
    assert first.get_attribute("href").endswith("/voorbeelden/speelplek-oosterhaven.html")
    first.click()
    page.wait_for_url("**/voorbeelden/speelplek-oosterhaven.html")
    assert page.locator("h1").inner_text() == "Speelplek Oosterhaven"
    # typing on the search page itself, with a typo
    page.goto((offline_site / "zoeken.html").as_uri())
    page.locator("#tp-search-q").press_sequentially("buurtbugdet")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'buurtbugdet'")
    assert page.locator(".tp-search__result a").first.get_attribute("href").endswith("/methoden/buurtbudget.html")
    assert page.outside == [] and page.errors == []


def test_filter_and_compare_via_file_url(offline_site, file_page):
    page = file_page
    page.goto((offline_site / "methoden" / "index.html").as_uri() + "?niveau=meebeslissen")
    page.locator(".tp-filter__results li").first.wait_for()
    href = page.locator(".tp-filter__results li a").first.get_attribute("href")
    assert href.startswith("file://") and href.endswith(".html") and (offline_site / href.split("usb-stick/", 1)[1]).is_file()
    page.goto((offline_site / "methoden" / "vergelijk.html").as_uri() + "?m=buurtbudget&m=wijkstemdag")
    page.locator(".tp-compare-table").wait_for()
    assert page.locator(".tp-compare-table thead a").count() == 2
    assert page.outside == [] and page.errors == []
