"""The filter panel, the compare page and the search box also work after Material's instant
navigation (pages swapped in without a reload): they set up on each page `document$` emits."""

from __future__ import annotations

import yaml

from generator.build import engine_build, generate
from generator.validate import load_content

from tests.support.serve import serve_dir


def test_scripts_set_up_again_after_instant_navigation(repo, tmp_path, browser):
    docs, site = tmp_path / "docs", tmp_path / "site"
    site.mkdir()
    server, base = serve_dir(site)  # first: instant navigation only handles URLs under site_url
    generate(load_content(repo), repo, docs)
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["features"] = list(config["theme"].get("features", [])) + ["navigation.instant"]
    config["site_url"] = base + "/"
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    engine_build(repo, docs, site)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base + "/")
        page.evaluate("window.tpSameDocument = true")  # survives instant navigation, not a reload
        page.locator("a[href$='/voorbeelden/'] >> visible=true").first.click()
        page.wait_for_url("**/voorbeelden/")
        # This page's own panel: the URL changes before the new content is swapped in.
        page.locator("[data-tp-filter=cases] .tp-filter__form input").first.wait_for(state="attached")
        assert page.evaluate("window.tpSameDocument === true"), "the click reloaded the page: instant navigation is off"
        assert page.locator(".tp-filter__panel").count() == 1
        page.locator("a[href$='/methoden/'] >> visible=true").first.click()
        page.wait_for_url("**/methoden/")
        page.locator("[data-tp-filter=methods] .tp-filter__form input").first.wait_for(state="attached")
        assert page.locator(".tp-filter__panel").count() == 1
        assert page.evaluate("window.tpSameDocument === true")
        box = page.locator("#tp-header-q")
        box.press_sequentially("stroming")
        page.locator(".tp-quick [data-search-result]").first.wait_for()
        assert page.locator(".tp-quick").count() == 1
    finally:
        context.close()
        server.shutdown()
