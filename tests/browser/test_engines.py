"""The Zensical site in Chromium: search with and without JavaScript, the guides, axe on every page type."""

from __future__ import annotations

import pytest


from tests.support.serve import serve_dir
from tests.support.figures import report
from tests.support.site_pages import one_page_per_type
from tests.browser.test_accessibility import DESKTOP, PHONE, axe_violations, new_page, phone_sample
from tests.browser.test_guides_browser import WALKS, _advice, _assert_advice, _choose_by_keyboard
from tests.support.ui import SEARCH_RESULT, open_search


@pytest.fixture(scope="module")
def zensical_server(sites):
    srv, url = serve_dir(sites["zensical"])
    yield url
    srv.shutdown()


def test_search_on_zensical_with_and_without_javascript(browser, zensical_server):
    context, page = new_page(browser, DESKTOP)
    page.goto(zensical_server + "/")
    hits = open_search(page, "moestuin")
    first = page.locator(SEARCH_RESULT).first.get_attribute("href")
    context.close()
    assert hits > 0 and "hortushof" in first, (hits, first)

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(zensical_server + "/zoeken/?q=speeltuin")
    text = page.inner_text("article")
    links = page.eval_on_selector_all("article a", "els => els.map(e => e.getAttribute('href'))")
    context.close()
    assert "Zoeken werkt met JavaScript" in text
    assert "../voorbeelden/" in links and "../methoden/" in links


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_guides_on_zensical(browser, zensical_server, js):
    """Every guide walked to a result by keyboard, as tests/browser/test_guides_browser.py does on MkDocs."""
    context = browser.new_context(java_script_enabled=js)
    page = context.new_page()
    try:
        for guide, vector in sorted(WALKS.items()):
            page.goto(f"{zensical_server}/keuzehulpen/{guide}/")
            if js:
                page.evaluate("() => { window.tpSamePage = true; }")
            options = vector["path"].strip("/").split("/")
            for i, option in enumerate(options):
                _choose_by_keyboard(page, option)
                last = i == len(options) - 1
                prefix = "/".join(options[: i + 1]) + "/"
                page.wait_for_url(f"{zensical_server}/keuzehulpen/{guide}/{prefix}#" + ("advies" if last else "vraag"))
                page.wait_for_selector("#advies" if last else "#vraag")
            _assert_advice(_advice(page), vector)
            # every step is a full page load, with or without JavaScript (guides.js, as
            # tests/browser/test_guides_browser.py checks on MkDocs): the marker set on the first page is gone
            assert page.evaluate("() => window.tpSamePage === undefined"), guide
    finally:
        context.close()


def test_axe_on_every_page_type_of_zensical(browser, zensical_server, sites):
    """Zero axe violations (WCAG 2.0/2.1 A+AA) on one page of every type, desktop and phone."""
    types = one_page_per_type(sites["zensical"])
    assert types == one_page_per_type(sites["mkdocs"]), "both engines give the same page types"
    problems: list[str] = []
    context, page = new_page(browser, DESKTOP)
    for name, path in types.items():
        page.goto(zensical_server + path)
        problems += axe_violations(page, f"{path} [{name}]")
    context.close()
    phone = phone_sample(types)
    context, page = new_page(browser, PHONE, is_mobile=True, has_touch=True)
    for name, path in phone.items():
        page.goto(zensical_server + path)
        problems += axe_violations(page, f"{path} [{name}] phone")
    context.close()
    report(f"engines: axe on Zensical, {len(types)} page types + {len(phone)} on a phone: {len(problems)} violations")
    assert not problems, "\n".join(problems)
