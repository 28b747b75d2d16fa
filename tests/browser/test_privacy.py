"""Privacy: no page asks anything of another host, sets a cookie or stores something in the
browser that docs/privacy.md does not list.

Every built page is loaded in Chromium (the shared crawl in tests/support/crawl.py, served with the
headers from deploy/). A request to another host fails the test whether the browser sent it or
the Content-Security-Policy stopped it: the site must not even try. The interactive parts
(search, guides, filters, compare, folding boxes) are then used on one page of each type.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from tests.support.figures import report
from tests.support.minimal import ROOT
from tests.support.site_pages import html_file, one_page_per_type, page_paths
from tests.support.ui import open_search

PRIVACY_PAGE = ROOT / "docs" / "privacy.md"

# Click every control of this kind on a page, like a curious visitor (links are left alone:
# following them is what the crawl of every page already covers).
CONTROLS = "summary, label, input[type=checkbox], input[type=radio], select, button:not([type=submit])"

STORAGE_JS = "({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"


def allowed_storage_keys() -> set[str]:
    """Browser-storage keys docs/privacy.md lists (code spans in its storage table), the allow-list."""
    text = PRIVACY_PAGE.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("|") and not set(line) <= set("|-: ")]
    return {key for row in rows[1:] for key in re.findall(r"`([^`]+)`", row.split("|")[1])}


def _foreign(base: str, url: str) -> bool:
    return not url.startswith(("data:", "blob:", "about:", "inline", "eval")) and urlsplit(url).netloc not in ("", urlsplit(base).netloc)


def test_every_page_stays_on_this_site(site_crawl):
    blocked = [f"{v['page']} -> {v['blocked']} (stopped by the CSP)" for v in site_crawl.csp if _foreign(site_crawl.base, v["blocked"])]
    foreign = site_crawl.foreign + blocked
    report(
        f"privacy: {site_crawl.pages} pages loaded, {site_crawl.requests} requests, "
        f"{len(foreign)} to other hosts, {len(site_crawl.cookies)} cookies"
    )
    assert site_crawl.pages > 0 and not site_crawl.failed, site_crawl.failed[:20]
    assert not foreign, f"{len(foreign)} requests to other hosts:\n" + "\n".join(foreign[:50])


def test_no_cookies_and_only_documented_storage(site_crawl):
    allowed = allowed_storage_keys()
    assert not site_crawl.cookies, site_crawl.cookies
    stored = site_crawl.local_keys | site_crawl.session_keys
    report(f"privacy: browser storage keys written while loading every page: {sorted(stored) or 'none'}")
    assert stored <= allowed, f"not listed in docs/privacy.md: {sorted(stored - allowed)}"


def test_using_search_guides_filters_stays_on_this_site(browser, server, site):
    """Use the controls (up to 12) on one page of every type with a form or filter, search, and open a
    folding box: still no other host, no cookie, no undocumented storage."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    storage: set[str] = set()
    clicks = 0
    # every page type with a form control, plus one with folding boxes only
    types = {name: path for name, path in one_page_per_type(site).items() if re.search(r"<(input|button|form|select)>|tp-filter", name)}
    types["folding boxes"] = next(p for p in page_paths(site) if "<details" in html_file(site, p).read_text(encoding="utf-8"))
    for path in types.values():
        page.goto(server + path)
        controls = page.locator(CONTROLS)
        for i in range(min(controls.count(), 12)):
            control = controls.nth(i)
            if not control.is_visible() or not control.is_enabled():
                continue
            try:
                control.click(timeout=300, no_wait_after=True)
            except PlaywrightError:  # covered by another element (a styled radio button): click as a script would
                control.dispatch_event("click")
            clicks += 1
            if urlsplit(page.url).path != urlsplit(server + path).path:  # a control that navigates
                page.goto(server + path)
        keys = page.evaluate(STORAGE_JS)
        storage.update(keys["local"] + keys["session"])
    page.goto(server + "/")
    hits = open_search(page, "buurtbudget")
    keys = page.evaluate(STORAGE_JS)
    storage.update(keys["local"] + keys["session"])
    cookies = context.cookies()
    context.close()

    foreign = [url for url in requests if _foreign(server, url)]
    report(
        f"privacy, interactive: {len(types)} page types, {clicks} controls used, search with {hits} results, "
        f"{len(requests)} requests, {len(foreign)} to other hosts, storage {sorted(storage) or 'none'}"
    )
    assert not foreign, "\n".join(foreign)
    assert not cookies, cookies
    assert storage <= allowed_storage_keys(), f"not listed in docs/privacy.md: {sorted(storage - allowed_storage_keys())}"
