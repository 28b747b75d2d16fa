"""Faceted browsing: static listing pages per facet value (no JavaScript needed), the filter
panel over the same data, and the two agreeing. Values come from the reference data."""

from __future__ import annotations

import configparser
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import facets as F
from generator import reserved
from generator.errors import ContentErrors
from generator.validate import load_content

from tests.support.minimal import ROOT
from tests.support.tools import venv_tool

LINK = re.compile(r'href="([^"]+)"')


def built(site: Path, md_path: str) -> Path:
    stem = md_path[: -len(".md")]
    return site / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"


def slugs_listed(html: str) -> list[str]:
    """Entry slugs linked inside the page's `.tp-facet-results` block."""
    block = html.split('class="tp-facet-results"', 1)
    if len(block) < 2:
        return []
    body = block[1].split("</div>", 1)[0]
    return [m.rstrip("/").split("/")[-1] for m in LINK.findall(body)]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


# --- the model -------------------------------------------------------------------


def test_facet_values_are_the_reference_values_in_file_order(content):
    ref_for = {"niveau": "ladder", "doel": "doelen", "schaal": "schaalniveaus", "wie-begint": "initiatiefnemers",
               "rol": "rollen", "bereik": "doelgroepen", "stadsdeel": "stadsdelen", "wijk": "wijken",
               "thema": "themas", "initiatief-van": "initiatiefnemers"}
    for kind in F.SECTIONS:
        for f in content.facets(kind):
            slugs = [v.slug for v in f.values]
            if f.key in ref_for:
                ref = list(content.ref(ref_for[f.key]))
                if f.key == "niveau":
                    ref.sort(key=lambda i: i.rank)
                assert slugs == [i.slug for i in ref], f.key
            elif f.key in ("inzet", "kosten", "duur"):
                assert slugs == [b.slug for b in sorted(content.ref("banden"), key=lambda b: b.rank) if b.dimension == f.key]
            elif f.key == "methode":
                assert set(slugs) == set(content.methods)
            else:
                assert f.key == "jaar"
                assert slugs == sorted({str(y) for k in content.cases.values() for y in F.case_years(k)})


def test_a_new_reference_value_gets_a_listing_page(repo):
    path = repo / "toolbox/reference/themas.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {slug: zwemmen, name: Zwemmen}\n", encoding="utf-8")
    c = load_content(repo)
    thema = next(f for f in c.facets("cases") if f.key == "thema")
    assert [v.slug for v in thema.values][-1] == "zwemmen"
    assert thema.path("zwemmen") == "voorbeelden/thema/zwemmen.md"


def test_membership_follows_the_yaml(content):
    for kind in F.SECTIONS:
        entries = content.methods if kind == "methods" else content.cases
        for f in content.facets(kind):
            for v in f.values:
                for slug in v.items:
                    assert v.slug in f.of[slug]
            assert sum(len(v.items) for v in f.values) == sum(len(vs) for vs in f.of.values())
            assert set(f.of) == set(entries)


def test_case_years_use_period_and_timeline_only(repo):
    case = repo / "cases/de-stroming.yaml"
    case.write_text(
        case.read_text(encoding="utf-8") + "period: {start: 2015, end: 2017}\ntimeline:\n  - {year: 2019, event: Opening.}\n",
        encoding="utf-8",
    )
    c = load_content(repo)
    assert F.case_years(c.cases["de-stroming"]) == [2015, 2016, 2017, 2019]
    case.write_text(case.read_text(encoding="utf-8").replace("end: 2017", "end: null").replace("start: 2015", "start: 2015, ongoing: true"), encoding="utf-8")
    assert F.case_years(load_content(repo).cases["de-stroming"]) == [2015, 2019]


def test_slug_that_would_take_a_facet_url_is_refused_by_validation(repo):
    """Refused by load_content (so by toolbox check, new and build alike), not only while rendering."""
    (repo / "toolbox/methods/niveau.yaml").write_text(
        (repo / "toolbox/methods/wijkstemdag.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as exc:
        load_content(repo)
    assert [str(e) for e in exc.value.errors] == [
        "toolbox/methods/niveau.yaml:1:1: de naam 'niveau' is gereserveerd voor de site; kies een andere bestandsnaam."
    ]


def test_reserved_names_cover_every_facet_folder():
    """reserved.py names every folder the facet pages use; a new facet must be added there."""
    assert {key for key, *_ in F.METHOD_FACETS} | {Path(F.COMPARE_PAGE).stem} <= reserved.FACET_FOLDERS["methods"]
    assert {key for key, *_ in F.CASE_FACETS} <= reserved.FACET_FOLDERS["cases"]


def test_compare_data_matches_the_facets(content, tmp_path):
    script = F.write_data(content, tmp_path).read_text(encoding="utf-8")
    assert script.startswith("window.TP_COMPARE=")
    data = json.loads(script[len("window.TP_COMPARE="):].rstrip().rstrip(";"))
    assert [i["slug"] for i in data["items"]] == [s for s, _ in F.ordered_entries(content, "methods")]
    for f in content.facets("methods"):
        for v in f.values:
            assert [i["slug"] for i in data["items"] if v.slug in i["facets"][f.key]] == list(v.items)


def test_codes_are_value_positions_per_facet(content):
    for kind in F.SECTIONS:
        fs = content.facets(kind)
        for slug, code in F.codes(content, kind).items():
            parts = code.split(";")
            assert len(parts) == len(fs) and set(code) <= set("0123456789 ;"), code
            for f, part in zip(fs, parts):
                assert [f.values[int(n)].slug for n in part.split()] == f.of[slug]


# --- the built site -----------------------------------------------------------------


def test_every_facet_value_has_a_page_linked_from_the_overview(site, content):
    pages = 0
    for kind, (folder, *_rest) in F.SECTIONS.items():
        overview = (site / folder / "index.html").read_text(encoding="utf-8")
        for f in content.facets(kind):
            assert f'href="{f.key}/"' in overview, f.key
            index_page = built(site, f.index_path()).read_text(encoding="utf-8")
            for v in f.values:
                page = built(site, f.path(v.slug))
                assert page.is_file(), f.path(v.slug)
                html = page.read_text(encoding="utf-8")
                assert f'href="{f.key}/{v.slug}/"' in overview, (f.key, v.slug)
                assert f'href="{v.slug}/"' in index_page
                assert f"({len(v.items)})" in overview.split(f'href="{f.key}/{v.slug}/"', 1)[1][:200]
                assert sorted(slugs_listed(html)) == sorted(v.items), f.path(v.slug)
                pages += 1
    print(f"\nfacet listing pages checked: {pages}")


class _Overview(HTMLParser):
    """The filter definitions and, per list item with data-tp-f, its code and first link."""

    def __init__(self):
        super().__init__()
        self.definitions, self.items, self._open = None, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-tp-facets" in a:
            self.definitions = json.loads(a["data-tp-facets"])
        if tag == "li" and "data-tp-f" in a:
            self._open = [a["data-tp-f"], None]
            self.items.append(self._open)
        elif tag == "a" and self._open and self._open[1] is None:
            self._open[1] = a["href"]

    def handle_endtag(self, tag):
        if tag == "li":
            self._open = None


def test_overview_list_is_the_filter_data(site, content):
    """Without a data file: every entry is listed once on its overview, and its data-tp-f,
    read with the definitions on the same page, gives exactly the facet values' members."""
    for kind, (folder, *_rest) in F.SECTIONS.items():
        parsed = _Overview()
        parsed.feed((site / folder / "index.html").read_text(encoding="utf-8"))
        fs = parsed.definitions["facets"]
        assert [f["key"] for f in fs] == [f.key for f in content.facets(kind)]
        slugs = [href.rstrip("/").split("/")[-1] for _code, href in parsed.items]
        entries = content.methods if kind == "methods" else content.cases
        assert sorted(slugs) == sorted(entries), kind  # each once: every entry reachable without JavaScript
        members = {(f["key"], v["slug"]): set() for f in fs for v in f["values"]}
        for slug, (code, _href) in zip(slugs, parsed.items):
            for f, part in zip(fs, code.split(";")):
                for n in part.split():
                    members[(f["key"], f["values"][int(n)]["slug"])].add(slug)
        for f in content.facets(kind):
            for v in f.values:
                assert members[(f.key, v.slug)] == set(v.items), (f.key, v.slug)
        assert not (site / F.DATA_DIR / f"facets-{kind}.js").exists()  # the old second copy


def test_js_filter_gives_the_same_sets_as_the_static_pages(server, page, site, content):
    checked = 0
    for kind, (folder, *_rest) in F.SECTIONS.items():
        page.goto(f"{server}/{folder}/")
        page.wait_for_selector(".tp-filter__form input", state="attached")
        for f in content.facets(kind):
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


def test_or_within_and_across_facets_with_counts_and_url_state(server, page, site, content):
    def static(kind, key, value):
        f = next(f for f in content.facets(kind) if f.key == key)
        return set(next(v.items for v in f.values if v.slug == value))

    # Two values of one facet (OR) and one of another (AND), from the URL.
    thema = next(f for f in content.facets("cases") if f.key == "thema")
    a, b = [v.slug for v in thema.values if v.items][:2]
    sd = next(v.slug for f in content.facets("cases") if f.key == "stadsdeel" for v in f.values if len(v.items) > 2)
    expected = (static("cases", "thema", a) | static("cases", "thema", b)) & static("cases", "stadsdeel", sd)
    page.goto(f"{server}/voorbeelden/?thema={a}&thema={b}&stadsdeel={sd}")
    page.wait_for_selector(".tp-filter__results[data-state]")
    shown = set(page.eval_on_selector_all(".tp-filter__results li", "els => els.map(e => e.dataset.slug)"))
    assert shown == expected
    assert page.locator(f'input[name=thema][value="{a}"]').is_checked()
    # The count next to an unticked stadsdeel is what ticking it would give (OR within stadsdeel).
    other = next(v for f in content.facets("cases") if f.key == "stadsdeel" for v in f.values if v.slug != sd)
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


def test_facet_pages_pass_linkchecker(server, tmp_path):
    """linkchecker over HTTP from both overviews; it recurses through the facet pages only."""
    cfg = configparser.ConfigParser()
    cfg["checking"] = {"threads": "4", "maxrequestspersecond": "1000", "timeout": "20"}
    keys = sorted({key for spec in (F.METHOD_FACETS, F.CASE_FACETS) for key, *_ in spec})
    # Recurse only through the overviews and the facet pages; check (not follow) every other link.
    cfg["filtering"] = {
        "nofollow": r"^(?!.*/(voorbeelden|methoden)/((" + "|".join(keys) + r")/.*)?$)",
        "ignore": r"^(?!http://127\.0\.0\.1)",  # links to other sites (the theme's footer credit): not ours to check here
    }
    cfg["output"] = {"log": "text", "verbose": "0", "warnings": "0"}
    rc = tmp_path / "linkcheckerrc"
    with rc.open("w") as fh:
        cfg.write(fh)
    result = subprocess.run(
        [venv_tool("linkchecker"), "--config", str(rc), f"{server}/voorbeelden/", f"{server}/methoden/"],
        capture_output=True, text=True, timeout=600,
    )
    summary = [line for line in result.stdout.splitlines() if "links in" in line or "errors found" in line or "error" in line.lower()]
    print("\nlinkchecker: " + " | ".join(summary[-3:]))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    checked = re.search(r"(\d+) links? in (\d+) URLs", result.stdout)
    assert checked and int(checked.group(2)) > 100, result.stdout[-2000:]
