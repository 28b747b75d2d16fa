"""Open data of the real content: published at stable URLs on the built site; the data package of the
real export validates with frictionless."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.build import generate
from generator.layout import ENTRY_KINDS
from generator.validate import load_content

from tests.support.minimal import ROOT
from tests.unit.test_opendata import rich  # noqa: F401  the fixture


def test_the_real_site_publishes_every_entry_at_stable_urls(site):
    """The real build: /data/ holds every case, method and lesson, and the codebook page is built."""
    content = load_content(ROOT)
    for kind in ENTRY_KINDS:
        document = json.loads((site / "data" / f"{kind}.json").read_text(encoding="utf-8"))
        assert [i["slug"] for i in document["items"]] == list(getattr(content, kind))
        assert (site / "data" / f"{kind}.csv").is_file()
        assert (site / "data/schema" / f"{kind}.schema.json").is_file()
    html = (site / "open-data/index.html").read_text(encoding="utf-8")
    assert 'href="../data/cases.json"' in html
    if content.guides:  # guides: JSON only, validated against their schema, and round-tripped
        document = json.loads((site / "data/guides.json").read_text(encoding="utf-8"))
        schema = json.loads((site / "data/schema/guides.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
        back = {}
        for item in document["items"]:
            slug = item.pop("slug")
            back[slug] = type(content.guides[slug]).model_validate(item)
        assert back == dict(content.guides)
        assert 'href="../data/guides.json"' in html


def _frictionless_errors(package: Path) -> list[str]:
    """What `frictionless validate` reports for a package, as readable lines (empty when valid)."""
    from frictionless import validate

    result = validate(str(package))
    return [f"{task.name}: {e.type}: {e.message}" for task in result.tasks for e in task.errors] + [
        f"package: {e.type}: {e.message}" for e in result.errors
    ]


@pytest.fixture(scope="module")
def real_data(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("opendata-real") / "docs"
    generate(load_content(ROOT), ROOT, out)
    return out / "data"


def test_data_package_validates_with_frictionless(real_data, rich):  # noqa: F811  the imported fixture
    """Every CSV of the real content and of a case with hard text (quotes, ';', line breaks) loads
    with its declared types, required fields, allowed values and keys."""
    _content, rich_data, _out = rich
    for data in (real_data, rich_data):
        package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
        assert sorted(r["path"] for r in package["resources"]) == sorted(p.name for p in data.glob("*.csv"))
        assert _frictionless_errors(data / "datapackage.json") == []


def test_data_package_describes_types_enums_and_keys(real_data):
    content = load_content(ROOT)
    package = json.loads((real_data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0" and package["sources"]
    resources = {r["name"]: r for r in package["resources"]}
    cases = {f["name"]: f for f in resources["cases"]["schema"]["fields"]}
    assert cases["stadsdeel"]["constraints"] == {"required": True, "enum": sorted(content.ref("stadsdelen").items)}
    assert cases["period.start"]["type"] == "integer" and cases["reviewed"]["type"] == "date"
    assert cases["period.ongoing"]["type"] == "boolean"
    assert "pattern" in cases["wijken"]["constraints"]
    assert resources["cases"]["schema"]["primaryKey"] == ["slug"]
    assert resources["cases-sources"]["schema"]["foreignKeys"] == [{"fields": "slug", "reference": {"resource": "cases", "fields": "slug"}}]
    methods = {f["name"]: f for f in resources["methods"]["schema"]["fields"]}
    assert methods["ladder"]["constraints"]["required"] is True  # a list the schema requires to be non-empty


def test_frictionless_refuses_a_broken_table(real_data, tmp_path):
    """The constraints are really in force: an unknown stadsdeel, an unknown wijk in a list, a
    year that is not a number and a child row without its entry are each reported."""
    import csv
    import io
    import shutil

    data = tmp_path / "data"
    shutil.copytree(real_data, data)

    def edit(name: str, change) -> None:
        rows = list(csv.DictReader(io.StringIO((data / name).read_text(encoding="utf-8"), newline="")))
        change(rows)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        (data / name).write_text(buffer.getvalue(), encoding="utf-8", newline="")

    def cases(rows):
        rows[0]["stadsdeel"] = "nergens"
        rows[1]["wijken"] = "nergens-wijk"
        rows[2]["period.start"] = "twee"

    edit("cases.csv", cases)
    edit("cases-sources.csv", lambda rows: rows[0].update(slug="bestaat-niet"))
    errors = "\n".join(_frictionless_errors(data / "datapackage.json"))
    assert '"nergens"' in errors and "enum" in errors
    assert '"nergens-wijk"' in errors and "pattern" in errors
    assert '"twee"' in errors and "type-error" in errors
    assert "foreign-key" in errors
