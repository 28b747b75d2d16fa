"""The facet filter in Chromium: the same sets as the static pages, OR within and AND across facets, on to compare."""

from __future__ import annotations

from generator import layout
from tests.unit.test_facets import built, slugs_listed


def test_js_filter_gives_the_same_sets_as_the_static_pages(server, page, site, content, browse):
    checked = 0
    for kind, folder in ((k, layout.KINDS[k].section) for k in layout.FACETS):
        page.goto(f"{server}/{folder}/")
        page.wait_for_selector(".tp-filter__form input", state="attached")
        for f in browse.facets(kind):
            for v in f.values:
                static = sorted(slugs_listed(built(site, f.path(v.slug)).read_text(encoding="utf-8")))
                box = page.locator(f'.tp-filter__form input[name="{f.key}"][value="{v.slug}"]')
                page.evaluate("el => el.closest('details').open = true", box.element_handle())
                box.check()
                page.wait_for_function(
                    "want => document.querySelector('.tp-filter__results').getAttribute('data-state') === want",
                    arg=f"{f.key}={v.slug}",
                )
                shown = sorted(page.eval_on_selector_all(".tp-filter__results li", "els => els.map(e => e.dataset.slug)"))
                assert shown == static, (f.key, v.slug)
                box.uncheck()
                checked += 1
    print(f"\nfilter values compared with their static page: {checked}")


def test_or_within_and_across_facets_with_counts_and_url_state(server, page, site, content, browse):
    def static(kind, key, value):
        f = next(f for f in browse.facets(kind) if f.key == key)
        return set(next(v.items for v in f.values if v.slug == value))

    # Two values of one facet (OR) and one of another (AND), from the URL.
    thema = next(f for f in browse.facets("cases") if f.key == "thema")
    a, b = [v.slug for v in thema.values if v.items][:2]
    sd = next(v.slug for f in browse.facets("cases") if f.key == "stadsdeel" for v in f.values if len(v.items) > 2)
    expected = (static("cases", "thema", a) | static("cases", "thema", b)) & static("cases", "stadsdeel", sd)
    page.goto(f"{server}/voorbeelden/?thema={a}&thema={b}&stadsdeel={sd}")
    page.wait_for_selector(".tp-filter__results[data-state]")
    shown = set(page.eval_on_selector_all(".tp-filter__results li", "els => els.map(e => e.dataset.slug)"))
    assert shown == expected
    assert page.locator(f'input[name=thema][value="{a}"]').is_checked()
    # The count next to an unticked stadsdeel is what ticking it would give (OR within stadsdeel).
    other = next(v for f in browse.facets("cases") if f.key == "stadsdeel" for v in f.values if v.slug != sd)
    count = page.locator(f'input[name=stadsdeel][value="{other.slug}"] ~ .tp-filter__count').inner_text()
    themed = static("cases", "thema", a) | static("cases", "thema", b)
    assert count == f"({len(themed & set(other.items))})"
    # Ticking writes the URL; "Wis alle filters" empties it.
    page.locator(f'input[name=stadsdeel][value="{other.slug}"]').check()
    assert f"stadsdeel={other.slug}" in page.url
    page.get_by_role("button", name="Wis alle filters").click()
    assert "thema=" not in page.url and "stadsdeel=" not in page.url
    assert page.locator(".tp-filter__results").is_hidden()


def test_filter_results_lead_to_compare(server, page, content):
    page.goto(f"{server}/methoden/?niveau=meebeslissen")
    page.wait_for_selector(".tp-filter__results li")
    picks = page.locator(".tp-filter__results input[name=m]")
    picks.nth(0).check()
    picks.nth(1).check()
    page.get_by_role("button", name="Vergelijk de gekozen methoden").click()
    page.wait_for_selector(".tp-compare-table")
    assert "/methoden/vergelijk/?m=" in page.url
    assert len(page.locator(".tp-compare-table thead th").all()) == 3  # "Kenmerk" + two methods
