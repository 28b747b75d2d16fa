"""`toolbox build --offline`: a copy that works from a folder or USB stick opened via file://,
search included, for meetings without internet. Opened in Chromium via file:// here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.minimal import ROOT

HREF = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "usb-stick"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--offline", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


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


def test_every_local_link_points_at_a_file(offline_site):
    """On file:// a link to a folder shows a file listing, not the page: every link must name a file."""
    broken, pages = [], 0
    for html in offline_site.rglob("*.html"):
        if html.name == "404.html" and html.parent == offline_site:
            continue  # only a web server shows it (for a missing URL); it links from the site root
        pages += 1
        for target in HREF.findall(html.read_text(encoding="utf-8")):
            if urlsplit(target).scheme or target.startswith("//") or target.startswith("mailto:"):
                continue
            if not (html.parent / unquote(target)).resolve().is_file():
                broken.append(f"{html.relative_to(offline_site)} -> {target}")
    print(f"\noffline copy: {pages} pages, every local link checked")
    assert not broken, broken[:20]


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
