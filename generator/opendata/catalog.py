"""``/data/catalog.jsonld``: a DCAT catalog record that open-data portals harvest.

DCAT-AP (the EU profile of W3C DCAT) with the properties of the Dutch profile
(DCAT-AP-NL / DCAT-AP-DONL, data.overheid.nl) that apply to a dataset like this one:
Dutch title and description, publisher and contact point (from ``extra.publisher`` in
mkdocs.yml, see ``site_settings.py``), licence (CC0), language, access rights, keywords,
temporal coverage and one distribution per data file with its media type and download
address. Addresses are absolute when ``site_url`` is set, else relative to this file's
folder (``data/``), so the record also works in a copy of the site.
"""

from __future__ import annotations

import datetime as dt

from ..layout import ABOUT_PAGE, DATA_DIR, OPEN_DATA_PAGE
from ..site_settings import SiteSettings
from .export import LICENSE, SCHEMA_DIR

CATALOG_FILE = f"{DATA_DIR}/catalog.jsonld"

# The period the source letter looks back on: "Waar werkten we van 2014-2018 aan met het
# Gebiedsgericht Werken?" (section "Wat is Gebiedsgericht Werken?"), a council term.
TEMPORAL = ("2014-01-01", "2018-12-31")
LICENSE_URI = "http://creativecommons.org/publicdomain/zero/1.0/"  # as DCAT-AP-DONL's licence list names CC0
LANGUAGE_NLD = "http://publications.europa.eu/resource/authority/language/NLD"
ACCESS_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"

# How each kind of data file is described: (media type, EU file type, Dutch description).
FILE_KINDS = {
    ".csv": ("text/csv", "CSV", "Tabel (CSV, UTF-8; lijsten gescheiden door ';'). Kolommen en types: datapackage.json."),
    ".json": ("application/json", "JSON", "Alle velden als JSON, met licentie en bron. Schema: map schema/."),
}
PACKAGE = ("application/json", "JSON", "Frictionless Data Package: elke CSV-tabel met kolomtypes, toegestane waarden en sleutels.")

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _ref(uri: str) -> dict:
    return {"@id": uri}


def _page_url(page: str) -> str:
    """A page's address relative to the site root: "open-data.md" -> "open-data/"."""
    return page.removesuffix(".md") + "/"


def _nl(text: str) -> dict:
    return {"@value": text, "@language": "nl"}


def catalog_record(settings: SiteSettings, data_files: list[str], modified: dt.date) -> dict:
    """The record for the files ``data_files`` (paths under the docs root, e.g. 'data/cases.csv')."""
    base = f"{settings.site_url}{DATA_DIR}/" if settings.site_url else ""

    def address(rel: str) -> str:
        return base + rel.removeprefix(f"{DATA_DIR}/")

    pub = settings.publisher
    publisher: dict = {"@type": "foaf:Agent", "foaf:name": _nl(pub.name)}
    if pub.url:
        publisher["foaf:homepage"] = _ref(pub.url)
    contact: dict = {"@type": "vcard:Organization", "vcard:fn": _nl(pub.name)}
    if pub.email:
        contact["vcard:hasEmail"] = _ref(f"mailto:{pub.email}")
    # Without an e-mail address the contact point is the page that says who publishes the site.
    contact["vcard:hasURL"] = _ref(pub.url or f"{settings.site_url or '../'}{_page_url(ABOUT_PAGE)}")

    distributions = []
    for rel in sorted(data_files):
        if rel.endswith("datapackage.json"):
            media, file_type, description = PACKAGE
        else:
            media, file_type, description = FILE_KINDS["." + rel.rsplit(".", 1)[-1]]
        dist = {
            "@type": "dcat:Distribution",
            "dct:title": _nl(rel.removeprefix(f"{DATA_DIR}/")),
            "dct:description": _nl(description),
            "dcat:accessURL": _ref(address(rel)),
            "dcat:downloadURL": _ref(address(rel)),
            "dcat:mediaType": _ref(IANA + media),
            "dct:format": _ref(EU_FILE_TYPE + file_type),
            "dct:license": _ref(LICENSE_URI),
        }
        stem = rel.removeprefix(f"{DATA_DIR}/").removesuffix(".json")
        if rel.endswith(".json") and "/" not in stem and stem != "datapackage":
            dist["dct:conformsTo"] = _ref(address(f"{SCHEMA_DIR}/{stem}.schema.json"))
        distributions.append(dist)

    dataset = {
        "@id": address(CATALOG_FILE) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": address(CATALOG_FILE) + "#dataset",
        "dct:title": _nl("Toolbox Participatie Groningen: voorbeelden, methoden en lessen van gebiedsgericht werken"),
        "dct:description": _nl(
            "Praktijkvoorbeelden, participatiemethoden en lessen uit vier jaar gebiedsgericht werken in de gemeente "
            "Groningen (2014-2018), met de referentielijsten die erbij horen (stadsdelen, wijken, rollen, ...). "
            "Alle inhoud is gebaseerd op de brief 'De oogst en de lessen van een collegeperiode Gebiedsgericht Werken' "
            "van het college van B&W van Groningen aan de gemeenteraad (najaar 2018)."
        ),
        "dcat:keyword": [_nl(k) for k in ("participatie", "gebiedsgericht werken", "bewonersinitiatieven", "wijken", "Groningen")],
        "dct:publisher": publisher,
        "dcat:contactPoint": contact,
        "dct:license": _ref(LICENSE_URI),
        "dct:rights": _nl(LICENSE["name"]),
        "dct:language": _ref(LANGUAGE_NLD),
        "dct:accessRights": _ref(ACCESS_PUBLIC),
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": TEMPORAL[0], "@type": "xsd:date"},
            "dcat:endDate": {"@value": TEMPORAL[1], "@type": "xsd:date"},
        },
        "dct:modified": {"@value": modified.isoformat(), "@type": "xsd:date"},
        "dct:source": _nl(
            "College van B&W Groningen, 'De oogst en de lessen van een collegeperiode Gebiedsgericht Werken', brief aan de gemeenteraad, najaar 2018"
        ),
        "dcat:distribution": distributions,
    }
    if settings.site_url:
        dataset["dcat:landingPage"] = _ref(f"{settings.site_url}{_page_url(OPEN_DATA_PAGE)}")
    return {
        "@context": CONTEXT,
        "@id": address(CATALOG_FILE),
        "@type": "dcat:Catalog",
        "dct:title": _nl(f"{settings.site_name}: open data"),
        "dct:description": _nl("De open data van de Toolbox Participatie Groningen."),
        "dct:publisher": publisher,
        "dct:language": _ref(LANGUAGE_NLD),
        "dct:license": _ref(LICENSE_URI),
        "dcat:dataset": [dataset],
    }
