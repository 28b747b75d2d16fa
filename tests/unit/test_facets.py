"""Faceted browsing: static listing pages per facet value (no JavaScript needed), the filter
panel over the same data, and the two agreeing. Values come from the reference data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import facets as F
from generator import reserved
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
