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


def test_search_loads_the_core_first_then_only_the_parts_a_query_needs(page, server, site):
    """The search page loads the small core; a query loads the postings part of its words and
    the entry parts of the results it shows, not the whole index (issue 6: page weight)."""
    import json

    from generator.search.text import terms

    from tests.support.search_index import load_index

    index = load_index(site)
    core = (site / "assets/search/core.js").read_text(encoding="utf-8")
    all_parts = {p.name for p in (site / "assets/search").iterdir()} - {"core.js"}
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]) if "/assets/search/" in r.url else None)
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch && window.TP_SEARCH_CORE")
    page.wait_for_load_state("networkidle")
    assert fetched == ["core.js"]
    # One input event (as a paste would give): typed key by key, the one-letter prefixes show
    # results from every entry part, which says nothing about what the query itself needs.
    page.locator("#tp-search-q").fill("buurtbudget")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'buurtbudget'")
    links = page.eval_on_selector_all(".tp-search__result a", "els => els.map(e => new URL(e.href).pathname + new URL(e.href).hash)")
    assert links[0] == "/methoden/buurtbudget/"
    loaded = set(page.evaluate("TPSearch.loaded()"))
    assert loaded == set(fetched[1:]) and loaded < all_parts
    # The entry parts loaded are those of the entries typed so far could show; the part with
    # "buurtbudget"'s postings is among the postings parts.
    vocab = list(index["terms"])
    table = json.loads(core.split("=", 1)[1][:-2])
    word = vocab.index(terms("buurtbudget")[0])
    part_of_word = max((first, name) for first, name in table["termParts"] if first <= word)[1]
    assert part_of_word in loaded
    shown = [i for i, d in enumerate(index["docs"]) if _url(d) in links]
    assert len(shown) == len(links)
    assert {table["docParts"][i // table["docsPerPart"]] for i in shown} <= loaded


def _url(doc) -> str:
    path, anchor = doc[0][: -len(".md")], doc[1]
    path = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
    return "/" + path + ("#" + anchor if anchor else "")


def test_query_of_stop_words_reads_titles_and_still_finds_pages(page, server):
    """Only stop words ("over het"): they have no postings to mark title words, so the script
    loads the best 30 entries' parts and reads their titles (the other path of the title lift;
    at 2,000 cases its results equal the single-file index's, generator/search/README.md)."""
    page.goto(server + "/zoeken/")
    page.wait_for_function("window.TPSearch !== undefined")
    found = page.evaluate("TPSearch.search('over het', 20).then(f => f.results.map(r => r.entry[2]))")
    assert len(found) == 20 and all(found), found  # every result has its entry (title) loaded
    assert any(f.startswith("d-") for f in page.evaluate("TPSearch.loaded()"))


def test_no_result_says_so_suggests_words_and_offers_guides(page, server):
    """Nothing found: the page says so, offers "Bedoel je ...?" words that each find something,
    and links to the keuzehulpen and the overviews (issue 12: never empty-handed)."""
    page.goto(server + "/zoeken/?q=fietsenstallingxq")
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-query') === 'fietsenstallingxq'")
    box = page.locator(".tp-search__empty")
    assert box.is_visible()
    assert "Niets gevonden voor ‘fietsenstallingxq’" in page.inner_text(".tp-search__status")
    assert "Bedoel je" in box.inner_text()
    words = page.eval_on_selector_all("[data-tp-suggest]", "els => els.map(e => e.textContent)")
    assert words
    offers = page.eval_on_selector_all("[data-tp-offer]", "els => els.map(e => new URL(e.href).pathname)")
    assert "/keuzehulpen/initiatiefwijzer/" in offers and "/voorbeelden/" in offers and "/methoden/" in offers
    for w in words:  # every suggestion leads to results
        assert page.evaluate("w => TPSearch.search(w, 5).then(f => f.results.length)", w) > 0, w
    from tests.browser.test_accessibility import axe_violations

    assert axe_violations(page, "/zoeken/ no result") == []  # WCAG A/AA in this state too
    page.locator("[data-tp-suggest]").first.click()
    page.wait_for_function("document.querySelector('.tp-search__results').getAttribute('data-search-result-count') > 0")
    assert box.is_hidden()


def test_no_result_offers_the_guide_of_a_recognised_word(page, server):
    """A query whose words find nothing but name a user group gets that group's guide."""
    found = page.goto(server + "/zoeken/") and page.wait_for_function("window.TPSearch !== undefined")
    assert found
    res = page.evaluate("TPSearch.search('projectontwikkelaar', 5).then(f => f.results.map(r => r.entry[0]))")
    assert res[0] == "keuzehulpen/methodekeuzehulp/index.md"  # developer words: the organisers' guide, first
    res = page.evaluate("TPSearch.search('buurtbewoner', 5).then(f => f.results.map(r => r.entry[0]))")
    assert res[0] == "keuzehulpen/initiatiefwijzer/index.md"


def test_search_form_without_javascript_submits_to_a_page_with_guides_and_overviews(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/zoeken/")
        page.fill("#tp-search-q", "barbecue")
        page.click("form[data-tp-search] button[type=submit]")
        page.wait_for_url("**/zoeken/?q=barbecue")
        text = page.inner_text("article")
        assert "Zoeken werkt met JavaScript" in text and "Ctrl+F" in text
        links = page.eval_on_selector_all("article a", "els => els.map(e => new URL(e.href).pathname)")
        for target in ("/keuzehulpen/", "/keuzehulpen/initiatiefwijzer/", "/keuzehulpen/methodekeuzehulp/", "/voorbeelden/", "/methoden/"):
            assert target in links, target
        for href in links:  # every link of the no-JS page answers
            assert page.request.get(server + href).ok, href
    finally:
        context.close()
