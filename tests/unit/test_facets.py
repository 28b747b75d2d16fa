"""Faceted browsing: static listing pages per facet value (no JavaScript needed), the filter
panel over the same data, and the two agreeing. Values come from the reference data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import layout
from generator.browse import Browse
from generator.browse import facets as F
from generator.browse.compare import compare_data
from generator.errors import ContentErrors
from generator.validate import load_content


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


# --- the model -------------------------------------------------------------------


def test_facet_values_are_the_reference_values_in_file_order(content, browse):
    ref_for = {
        "niveau": "ladder",
        "doel": "doelen",
        "schaal": "schaalniveaus",
        "wie-begint": "initiatiefnemers",
        "rol": "rollen",
        "bereik": "doelgroepen",
        "stadsdeel": "stadsdelen",
        "wijk": "wijken",
        "thema": "themas",
        "initiatief-van": "initiatiefnemers",
    }
    for kind in layout.FACETS:
        for f in browse.facets(kind):
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
    thema = next(f for f in Browse(c).facets("cases") if f.key == "thema")
    assert [v.slug for v in thema.values][-1] == "zwemmen"
    assert thema.path("zwemmen") == "voorbeelden/thema/zwemmen.md"


def test_membership_follows_the_yaml(content, browse):
    for kind in layout.FACETS:
        entries = content.methods if kind == "methods" else content.cases
        for f in browse.facets(kind):
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
    case.write_text(
        case.read_text(encoding="utf-8").replace("end: 2017", "end: null").replace("start: 2015", "start: 2015, ongoing: true"),
        encoding="utf-8",
    )
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


def test_reserved_names_cover_every_page_folder_the_site_writes(browse):
    """Every folder the facet pages use and the compare page are names no entry may take:
    derived from the layout, so a new facet is reserved by the line that adds it."""
    for kind in layout.FACETS:
        folders = {Path(f.index_path()).parent.name for f in browse.facets(kind)}
        assert folders <= layout.reserved_for(kind), kind
    assert Path(layout.COMPARE_PAGE).stem in layout.reserved_for("methods")


def test_compare_data_matches_the_facets(content, browse):
    data = compare_data(browse)
    assert [i["slug"] for i in data["items"]] == [s for s, _ in F.ordered_entries(content, "methods")]
    for f in browse.facets("methods"):
        for v in f.values:
            assert [i["slug"] for i in data["items"] if v.slug in i["facets"][f.key]] == list(v.items)


def test_codes_are_value_positions_per_facet(content, browse):
    for kind in layout.FACETS:
        fs = browse.facets(kind)
        for slug, code in F.codes(browse, kind).items():
            parts = code.split(";")
            assert len(parts) == len(fs) and set(code) <= set("0123456789 ;"), code
            for f, part in zip(fs, parts):
                assert [f.values[int(n)].slug for n in part.split()] == f.of[slug]


# --- the built site -----------------------------------------------------------------


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
