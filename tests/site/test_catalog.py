"""Findable and attributable: the DCAT catalog record (data/catalog.jsonld), sitemap.xml and
robots.txt, link previews with and without site_url, and the configurable publisher in the
footer and on "Over deze site" (mkdocs.yml extra.publisher).

The real site (session fixture, no site_url) and a minimal tree built with a site_url and its
own publisher, so each setting is shown to reach every place that uses it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
import yaml

from generator.build import build

from tests.support.figures import report
from tests.support.site_pages import html_file, page_paths

SITE_URL = "https://toolbox.example.nl/participatie/"
PUBLISHER = "Gemeente Voorbeeldstad, team Wijken & Buurten"
EMAIL = "wijken@example.nl"
LETTER_LINE = "gebaseerd op de brief van het college van B&W van Groningen, najaar 2018"


class Text(HTMLParser):
    """Visible text of a page (outside script/style), plus its head's link and meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.head: list[dict] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("meta", "link"):
            self.head.append({"tag": tag, **dict(attrs)})

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())  # inline elements (a link) add no space


def parsed(site: Path, path: str) -> Text:
    p = Text()
    p.feed(html_file(site, path).read_text(encoding="utf-8"))
    return p


def _og(page: Text, prop: str) -> str | None:
    return next((m.get("content") for m in page.head if m.get("property") == prop), None)


def _canonical(page: Text) -> str | None:
    return next((m.get("href") for m in page.head if m["tag"] == "link" and m.get("rel") == "canonical"), None)


@pytest.fixture(scope="module")
def with_site_url(tmp_path_factory):
    """A minimal tree whose mkdocs.yml sets site_url and its own publisher."""
    from tests.support.minimal import write_minimal_tree

    root = write_minimal_tree(tmp_path_factory.mktemp("siteurl") / "repo")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = SITE_URL
    config.setdefault("extra", {})["publisher"] = {"name": PUBLISHER, "url": "https://www.example.nl/", "email": EMAIL}
    config = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = root / "site"
    build(root, site)
    return site


def _catalog(site: Path) -> tuple[dict, dict]:
    record = json.loads((site / "data/catalog.jsonld").read_text(encoding="utf-8"))
    return record, record["dcat:dataset"][0]


def _nl(value) -> str:
    assert value["@language"] == "nl", value
    return value["@value"]


# --- the catalog record ----------------------------------------------------------------------


def test_catalog_record_has_the_required_properties(site):
    record, dataset = _catalog(site)
    assert record["@type"] == "dcat:Catalog"
    assert record["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert record["@context"]["dct"] == "http://purl.org/dc/terms/"
    for key in ("dct:title", "dct:description"):
        assert _nl(record[key]) and _nl(dataset[key])
    assert "Groningen" in _nl(dataset["dct:description"]) and "2018" in _nl(dataset["dct:description"])
    assert dataset["@type"] == "dcat:Dataset"
    # The publisher is the configured one (here: the default), in the catalog and the dataset.
    assert _nl(dataset["dct:publisher"]["foaf:name"]) == "de redactie van de Toolbox Participatie Groningen"
    assert dataset["dct:publisher"] == record["dct:publisher"]
    contact = dataset["dcat:contactPoint"]
    assert contact["@type"] == "vcard:Organization" and _nl(contact["vcard:fn"])
    assert contact.get("vcard:hasEmail") or contact.get("vcard:hasURL")
    assert dataset["dct:license"]["@id"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert dataset["dct:language"]["@id"].endswith("/language/NLD")
    assert dataset["dct:accessRights"]["@id"].endswith("/access-right/PUBLIC")
    assert len(dataset["dcat:keyword"]) >= 3
    period = dataset["dct:temporal"]
    assert (period["dcat:startDate"]["@value"], period["dcat:endDate"]["@value"]) == ("2014-01-01", "2018-12-31")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", dataset["dct:modified"]["@value"])


def test_every_data_file_is_one_distribution_that_exists(site):
    """One distribution per data file (JSON, CSV, the data package), each resolving to its file,
    with the media type of its extension; relative addresses when there is no site_url."""
    _record, dataset = _catalog(site)
    data = site / "data"
    expected = sorted(p.name for p in data.iterdir() if p.suffix in (".json", ".csv"))
    assert "datapackage.json" in expected and "cases.csv" in expected
    seen = []
    for dist in dataset["dcat:distribution"]:
        assert dist["@type"] == "dcat:Distribution"
        url = dist["dcat:downloadURL"]["@id"]
        assert url == dist["dcat:accessURL"]["@id"]
        assert not re.match(r"[a-z]+:", url), f"no site_url, so addresses are relative: {url}"
        target = (data / url).resolve()
        assert target.is_file(), f"distribution {url} does not exist"
        media = {".csv": "text/csv", ".json": "application/json"}[target.suffix]
        assert dist["dcat:mediaType"]["@id"].endswith("/" + media)
        assert dist["dct:license"]["@id"] == dataset["dct:license"]["@id"]
        if "dct:conformsTo" in dist:
            assert (data / dist["dct:conformsTo"]["@id"]).is_file()
        seen.append(target.name)
    assert sorted(seen) == expected
    report(f"catalog record: {len(seen)} distributions, every one resolves to its file")


def test_catalog_uses_site_url_and_configured_publisher(with_site_url):
    record, dataset = _catalog(with_site_url)
    assert _nl(dataset["dct:publisher"]["foaf:name"]) == PUBLISHER
    assert dataset["dct:publisher"]["foaf:homepage"]["@id"] == "https://www.example.nl/"
    assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"] == f"mailto:{EMAIL}"
    assert dataset["dcat:landingPage"]["@id"] == SITE_URL + "open-data/"
    for dist in dataset["dcat:distribution"]:
        url = dist["dcat:downloadURL"]["@id"]
        assert url.startswith(SITE_URL + "data/"), url
        assert (with_site_url / url.removeprefix(SITE_URL)).is_file(), url


# --- sitemap, robots, link previews ------------------------------------------------------------


def test_without_site_url_no_sitemap_and_relative_previews(site):
    """A sitemap must list absolute addresses: without site_url none is published, robots.txt
    has no Sitemap line, and pages have no canonical link or og:url."""
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap" not in robots
    page = parsed(site, "/voorbeelden/")
    assert _og(page, "og:url") is None and _canonical(page) is None
    image = _og(page, "og:image")
    assert (html_file(site, "/voorbeelden/").parent / image).resolve() == (site / "assets/images/delen.png").resolve()


def test_with_site_url_sitemap_robots_and_previews_are_absolute(with_site_url):
    site = with_site_url
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    pages = [p for p in page_paths(site) if p != "/404.html"]
    assert sorted(locs) == sorted(urljoin(SITE_URL, p.lstrip("/")) for p in pages)
    case = parsed(site, "/voorbeelden/de-stroming/")
    assert _canonical(case) == SITE_URL + "voorbeelden/de-stroming/"
    assert _og(case, "og:url") == SITE_URL + "voorbeelden/de-stroming/"
    assert _og(case, "og:image") == SITE_URL + "assets/images/delen.png"
    assert _og(case, "og:type") == "article" and _og(parsed(site, "/"), "og:type") == "website"
    report(f"sitemap with site_url: {len(locs)} absolute addresses, one per page")


def test_share_image_is_a_small_png_of_the_announced_size(site):
    data = (site / "assets/images/delen.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    page = parsed(site, "/")
    assert (width, height) == (int(_og(page, "og:image:width")), int(_og(page, "og:image:height"))) == (1200, 630)
    assert len(data) < 100_000


# --- publisher and footer -----------------------------------------------------------------------


def test_footer_names_the_publisher_in_dutch_without_theme_credit(site):
    """Every page: the footer says who publishes it and that it is based on the 2018 letter;
    no "Made with Material for MkDocs" in any page body. The theme is credited on the about page."""
    default_line = f"Een uitgave van de redactie van de Toolbox Participatie Groningen; {LETTER_LINE}."
    paths = page_paths(site)
    without, credit = [], []
    for path in paths:
        text = parsed(site, path).text
        if default_line not in text:
            without.append(path)
        if "Made with" in text:
            credit.append(path)
    assert not without, f"pages without the publisher line: {without[:10]}"
    assert not credit, f"pages with the theme's English credit: {credit[:10]}"
    about = parsed(site, "/over-deze-site/").text
    assert about.count(default_line) == 2  # in the page and in its footer
    assert "Material for MkDocs" in about
    report(f"footer: publisher line on {len(paths)} pages, theme credit only on 'Over deze site'")


def test_configured_publisher_reaches_footer_and_about_page(with_site_url):
    line = f"Een uitgave van {PUBLISHER}; {LETTER_LINE}."
    assert line in parsed(with_site_url, "/").text
    assert parsed(with_site_url, "/over-deze-site/").text.count(line) == 2
