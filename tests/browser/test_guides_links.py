"""Every URL on a page reached by in-page navigation answers 200 (issue 11, item 1).

A script that changes the address without loading the page leaves every other relative URL
on it (menu, logo, header search form, footer, favicon, stylesheets, scripts) resolving
against the new address. A check of the swapped part alone cannot see that, so these tests
request every ``a[href]``, ``form[action]``, ``link[href]`` and ``script[src]`` of the whole
page over HTTP, as the browser resolves them.

* Each guide is walked with JavaScript on: every answer up to a result, then "Vorige vraag"
  and the last answer again (at least three navigations for every guide, also the two-question
  Rolkeuze).
* The search page and a filtered overview rewrite their query string in place
  (history.replaceState); their links must still work.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.support.guide_vectors import result_vectors

# One walk per guide: its first result vector.
WALKS: dict[str, dict] = {}
for _guide, _vector in result_vectors():
    WALKS.setdefault(_guide, _vector)

URLS_JS = """() => {
  const links = new Set(), assets = new Set();
  for (const a of document.querySelectorAll('a[href]')) links.add(a.href);
  for (const f of document.querySelectorAll('form[action]')) assets.add(f.action);
  for (const l of document.querySelectorAll('link[href]')) assets.add(l.href);
  for (const s of document.querySelectorAll('script[src]')) assets.add(s.src);
  return {links: [...links], assets: [...assets]};
}"""


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def assert_every_url_answers(page, server: str) -> int:
    found = page.evaluate(URLS_JS)
    assets = {u.split("#")[0] for u in found["assets"]}
    links = {u.split("#")[0] for u in found["links"]}
    # Forms, stylesheets, icons and scripts are ours (no third party); a plain link to
    # another site (the theme's credit in the footer) is not followed by the browser and is
    # not requested here either.
    assert all(u.startswith(server + "/") for u in assets), sorted(u for u in assets if not u.startswith(server))
    ours = sorted(assets | {u for u in links if u.startswith(server + "/")})
    assert all(u.startswith("https://") for u in links - set(ours)), sorted(links - set(ours))
    bad = [(u, code) for u in ours if (code := _status(u)) != 200]
    assert not bad, f"{len(bad)} of {len(ours)} URLs on {page.url} do not answer 200: {bad[:10]}"
    return len(ours)


def _choose(page, option: str) -> None:
    page.check(f".tp-step #antwoord-{option}")
    page.click(f"#verder-{option}")


@pytest.mark.parametrize("guide", sorted(WALKS))
def test_every_url_answers_after_walking_a_guide_with_javascript(page, server, guide):
    options = WALKS[guide]["path"].strip("/").split("/")
    page.goto(f"{server}/keuzehulpen/{guide}/")
    steps = 0
    for i, option in enumerate(options):
        _choose(page, option)
        page.wait_for_url(f"{server}/keuzehulpen/{guide}/{'/'.join(options[: i + 1])}/#*")
        steps += 1
    page.click(".tp-actions a.tp-nav:has-text('Vorige vraag')")
    page.wait_for_url(f"{server}/keuzehulpen/{guide}/{'/'.join(options[:-1])}{'/' if len(options) > 1 else ''}#vraag")
    _choose(page, options[-1])
    page.wait_for_url(f"{server}/keuzehulpen/{guide}/{'/'.join(options)}/#advies")
    steps += 2
    assert steps >= 3
    page.wait_for_selector("#advies")
    # The page has the usual shell: menu, header search, footer, stylesheets and scripts.
    for shell in ("nav.md-nav", "form[action]", "footer", "link[rel=stylesheet]", "script[src]"):
        assert page.locator(shell).count() > 0, shell
    assert assert_every_url_answers(page, server) > 20


def test_every_url_answers_after_the_search_page_rewrites_its_address(page, server):
    page.goto(f"{server}/zoeken/")
    box = page.locator(".tp-search-page input[type=search], main input[type=search]").first
    box.press_sequentially("buurtbudget")
    page.wait_for_url("**/zoeken/?q=buurtbudget*")
    page.wait_for_selector(".tp-search__results li a")
    assert_every_url_answers(page, server)


def test_every_url_answers_after_the_filter_rewrites_its_address(page, server):
    page.goto(f"{server}/voorbeelden/")
    page.locator(".tp-filter__facet summary").first.click()  # the facets are closed <details>
    page.locator(".tp-filter__facet input[type=checkbox]").first.check()
    page.wait_for_url("**/voorbeelden/?*")
    assert_every_url_answers(page, server)
