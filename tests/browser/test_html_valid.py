"""The states scripts create (open menus, search results, a guide step) are valid HTML too."""

from __future__ import annotations


from tests.support.serve import serve_dir
from tests.support.figures import report
from tests.support.site_pages import first_path
from tests.site.test_html_valid import _split, vnu


def test_scripted_states_are_valid_html(site, browser, tmp_path):
    """The DOM after the scripts ran: search with results, search without, the compare table, and a
    case page on a phone with the menu and a sub-menu opened (keyboard.js changes the menu there)."""
    server, base = serve_dir(site)
    context = browser.new_context()
    page = context.new_page()
    methods = [
        p.name for p in sorted((site / "methoden").iterdir()) if (p / "index.html").is_file() and p.name not in ("niveau", "vergelijk")
    ]
    states = {
        "search-results": ("/zoeken/?q=wijk", ".tp-search__results li a"),
        "search-none": ("/zoeken/?q=qqxqqzz", ".tp-search__status:not(:empty)"),
        "compare": (f"/methoden/vergelijk/?m={methods[0]}&m={methods[1]}", ".tp-compare-table"),
    }
    files = []
    try:
        for name, (url, ready) in states.items():
            page.goto(base + url)
            page.locator(ready).first.wait_for(state="attached", timeout=15000)
            path = tmp_path / f"{name}.html"
            path.write_text(page.content(), encoding="utf-8")
            files.append(path)
        # phone width: keyboard.js turns the menu and sub-menu controls into buttons
        context.close()
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(base + first_path(site, r"/voorbeelden/[^/]+/"))
        page.locator("button.tp-menu-button").click()
        sub = page.locator(".md-sidebar--primary .tp-nav-button[aria-expanded=false]").first
        sub.wait_for(state="visible")
        sub.click()
        page.locator(".md-sidebar--primary .tp-nav-button[aria-expanded=true]").first.wait_for(state="attached")
        path = tmp_path / "phone-menu-open.html"
        path.write_text(page.content(), encoding="utf-8")
        files.append(path)
    finally:
        context.close()
        server.shutdown()
    assert "tp-search__result" in files[0].read_text(encoding="utf-8")  # results really were there
    assert 'aria-expanded="true"' in files[-1].read_text(encoding="utf-8")  # the menu really was open
    errors, warnings = _split(vnu(files))
    report(f"valid HTML after scripts: {len(files)} states, {len(errors)} errors, {len(warnings)} warnings")
    assert not errors, "\n".join(errors[:40])
