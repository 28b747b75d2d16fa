"""Open data: the exports validate against the published schema, round-trip to the content model,
hold every entry, and the codebook page documents every field."""

from __future__ import annotations

import copy
import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest

from generator.build import generate
from generator.layout import ENTRY_KINDS
from generator.opendata.fields import MODELS, columns
from generator.opendata.tables import join_list
from generator.schema import REFERENCE_FILES
from generator.validate import load_content
from tests.support.minimal import write_minimal_tree
from tests.support.opendata_readers import read_csv, read_reference_csv, split_list


# A case that uses every field, with text that is hard for CSV: the list separator, the escape
# character, commas, quotes and a line break inside one item.
RICH_CASE = r"""
title: Het "Groene" plein, fase 2
summary: "Bewoners maakten een plein groen; de gemeente hielp. Een \\ schuine streep blijft staan."
stadsdeel: zuid
wijken: [de-wijert]
methods: [wijkstemdag]
period: {start: 2019, end: 2022, ongoing: true}
initiator: een
scales: [een]
themes: [een]
roles: [faciliteren]
story:
  - "Eerste alinea; met een puntkomma, en een komma."
  - |
    Tweede alinea
    over twee regels.
  - Derde alinea met \; al escaped in de bron.
timeline:
  - {year: 2019, month: 3, event: Eerste avond; veel mensen.}
  - {year: 2020, when: voorjaar, event: De schop ging de grond in.}
figures:
  - value: "250"
    label: bewoners deden mee
    source: {doc: bron, section: Deel B}
outcomes: [Een groen plein., "Meer contact; minder afval."]
public_values:
  legitimiteit: Veel steun in de straat.
  rendement: Weinig geld, veel effect.
related: [de-stroming]
keywords: [plein, "groen;plein", "a\\b"]
sources: [{doc: bron, section: Deel A}, {doc: bron, section: Deel B}]
reviewed: 2026-11-27
mentioned_only: true
part_of: de-stroming
funding:
  - {by: "gebiedsteam; wijkbudget", amount: "25%, of \\ 500 euro", condition: "Als \"de buurt\" het steunt.", source: {doc: bron, section: Deel B}}
  - {by: ondernemers}
participants:
  - {value: zo'n 300, label: bewoners kwamen, source: {doc: bron, section: Deel A}}
recruitment: [een]
decision: [een]
evaluation: een
"""


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    """The minimal tree plus the rich case, generated once per module: the tests only read it."""
    repo = write_minimal_tree(tmp_path_factory.mktemp("rich") / "repo")
    # public_values fields are named after the three public values: the reference list must hold them.
    (repo / "toolbox/reference/publieke-waarden.yaml").write_text(
        "title: Publieke waarden\nitems:\n"
        + "".join(
            f"  - {{slug: {s}, name: {s.capitalize()}, sources: [{{doc: bron, section: Deel B}}]}}\n"
            for s in ("legitimiteit", "betrokkenheid", "rendement")
        ),
        encoding="utf-8",
    )
    (repo / "cases/groene-plein.yaml").write_text(textwrap.dedent(RICH_CASE).lstrip(), encoding="utf-8")
    content = load_content(repo)
    out = repo / "out"
    generate(content, repo, out)
    return content, out / "data", out


def _load(data: Path, name: str):
    return json.loads((data / name).read_text(encoding="utf-8"))


def _csv_tables(data: Path) -> dict[str, str]:
    # newline="" keeps line breaks inside quoted cells exactly as written (csv module rule).
    return {p.stem: p.open(encoding="utf-8", newline="").read() for p in data.glob("*.csv")}


def test_the_rich_case_exercises_every_case_field(rich):
    content, _data, _out = rich
    case = content.cases["groene-plein"]
    unset = [name for name in type(case).model_fields if getattr(case, name) in (None, ())]
    assert unset == [], f"test fixture leaves fields empty: {unset}"


@pytest.mark.parametrize("kind", [*ENTRY_KINDS, "reference"])
def test_export_validates_against_its_published_schema(rich, kind):
    _content, data, _out = rich
    schema = _load(data, f"schema/{kind}.schema.json")
    document = _load(data, f"{kind}.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["schema"] == f"schema/{kind}.schema.json"
    assert document["license"]["id"] == "CC0-1.0"


def test_schema_rejects_what_the_validator_rejects(rich):
    """The published schema is not vacuous: an unknown field, a wrong slug or a missing slug fail."""
    _content, data, _out = rich
    schema = _load(data, "schema/cases.schema.json")
    good = _load(data, "cases.json")
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(good)
    for mutate in (
        lambda item: item.update(colour="rood"),
        lambda item: item.update(stadsdeel="atlantis"),
        lambda item: item["methods"].append("bestaat-niet"),
        lambda item: item.pop("slug"),
        lambda item: item.pop("reviewed"),
    ):
        bad = copy.deepcopy(good)
        mutate(bad["items"][0])
        assert not validator.is_valid(bad)


@pytest.mark.parametrize("kind", list(ENTRY_KINDS))
def test_json_round_trip_holds_every_entry(rich, kind):
    content, data, _out = rich
    model = MODELS[kind]
    document = _load(data, f"{kind}.json")
    entries = getattr(content, kind)
    assert document["count"] == len(entries)
    back = {}
    for item in document["items"]:
        slug = item.pop("slug")
        back[slug] = model.model_validate(item)
    assert back == dict(entries)
    assert [i["slug"] for i in _load(data, f"{kind}.json")["items"]] == list(entries)


@pytest.mark.parametrize("kind", list(ENTRY_KINDS))
def test_csv_round_trip_holds_every_entry(rich, kind):
    content, data, _out = rich
    model = MODELS[kind]
    back = read_csv(model, _csv_tables(data), kind)
    assert {slug: model.model_validate(fields) for (slug,), fields in back.items()} == dict(getattr(content, kind))


def test_csv_has_one_row_per_entry_and_lists_joined_with_semicolons(rich):
    content, data, _out = rich
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(_csv_tables(data)["cases"])))
    assert [r["slug"] for r in rows] == list(content.cases)
    row = next(r for r in rows if r["slug"] == "groene-plein")
    assert row["keywords"] == r"plein;groen\;plein;a\\b"
    assert split_list(row["keywords"]) == ["plein", "groen;plein", "a\\b"]
    assert row["period.start"] == "2019" and row["period.ongoing"] == "true"
    timeline = list(csv.DictReader(io.StringIO(_csv_tables(data)["cases-timeline"])))
    assert [(t["slug"], t["nr"], t["year"]) for t in timeline] == [("groene-plein", "1", "2019"), ("groene-plein", "2", "2020")]


@pytest.mark.parametrize("items", [[], ["a"], ["a;b", "c\\", "\\;"], [";", ";;", "\\\\", "x", ""]])
def test_list_escaping_round_trips(items):
    """Items never are empty strings alone (Text has min_length 1), so "" can mean the empty list."""
    assert split_list(join_list(items)) == items


def test_reference_round_trips_through_json_and_csv(rich):
    content, data, _out = rich
    document = _load(data, "reference.json")
    assert sorted(document["items"]) == sorted(content.reference)
    csv_back = read_reference_csv(_csv_tables(data))
    for kind, ref in content.reference.items():
        model = REFERENCE_FILES[kind]
        listed = document["items"][kind]
        assert listed["title"] == ref.title
        assert [model.model_validate(i) for i in listed["items"]] == list(ref)
        assert [model.model_validate(f) for f in csv_back[kind].values()] == list(ref)


def test_codebook_page_documents_every_field_with_its_schema_description(rich):
    _content, _data, out = rich
    page = (out / "open-data.md").read_text(encoding="utf-8")
    for kind, model in MODELS.items():
        for col in columns(model):
            assert col.description, f"{kind}.{col.path} has no description in schema.py"
            row = re.search(r"^\| `" + re.escape(col.path) + r"` \|.*$", page, re.M)
            assert row, f"codebook misses {kind} field {col.path}"
    for model in REFERENCE_FILES.values():
        for col in columns(model):
            assert re.search(r"^\| `" + re.escape(col.path) + r"` \|", page, re.M), f"codebook misses reference field {col.path}"
    # The mapping onto Participedia is stated where we have one and denied where we do not.
    assert re.search(r"^\| `title` \|.*\| `title` \|$", page, re.M)
    assert re.search(r"^\| `figures` \|.*geen directe tegenhanger \|$", page, re.M)
    assert "CC0" in page and "openbaar document van de gemeente Groningen" in page


# --- the Frictionless Data Package (data/datapackage.json) ------------------------------------


# --- marks: general advice and estimates reach the data user (issue 10) --------------------------

MARKED_FIELDS = """asks_residents: {algemeen: "Tijd om te stemmen; een uur."}
asks_municipality: Geld voor de plannen.
when_to_use: [Er is geld voor kleine plannen., {algemeen: "Als veel mensen willen meedoen; ook jongeren."}]
steps:
  - Zet de plannen op een rij.
  - algemeen: "Tel de stemmen; met z'n tweeën."
pitfalls: [{algemeen: Te weinig tijd.}]
"""


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The minimal tree with general advice in a method, generated once per module: the tests only read it."""
    repo = write_minimal_tree(tmp_path_factory.mktemp("marked") / "repo")
    path = repo / "toolbox/methods/wijkstemdag.yaml"
    path.write_text(path.read_text(encoding="utf-8") + MARKED_FIELDS, encoding="utf-8")
    content = load_content(repo)
    out = repo / "out"
    generate(content, repo, out)
    return content, out / "data", out


def _marks(method) -> dict:
    """Every marked text field of a method as (text, mark) pairs: what the export must keep."""
    result = {}
    for name in ("asks_residents", "asks_municipality", "when_to_use", "when_not", "steps", "pitfalls"):
        value = getattr(method, name)
        items = value if isinstance(value, tuple) else (value,) if value is not None else ()
        result[name] = [(str(v), v.mark) for v in items]
    return result


def test_json_keeps_general_advice_as_an_object_and_lists_the_estimates(marked):
    content, data, _out = marked
    item = _load(data, "methods.json")["items"][0]
    assert item["asks_residents"] == {"algemeen": "Tijd om te stemmen; een uur."}
    assert item["asks_municipality"] == "Geld voor de plannen."
    assert item["when_to_use"] == ["Er is geld voor kleine plannen.", {"algemeen": "Als veel mensen willen meedoen; ook jongeren."}]
    assert item["steps"] == ["Zet de plannen op een rij.", {"algemeen": "Tel de stemmen; met z'n tweeën."}]
    assert item["estimates"] == ["ladder", "effort", "cost", "duration"]
    jsonschema.validate(_load(data, "methods.json"), _load(data, "schema/methods.schema.json"), cls=jsonschema.Draft202012Validator)
    # Back into the model: the marks themselves survive, not only the texts.
    back = MODELS["methods"].model_validate({k: v for k, v in item.items() if k != "slug"})
    assert _marks(back) == _marks(content.methods["wijkstemdag"])
    assert ("Te weinig tijd.", "algemeen") in _marks(back)["pitfalls"]


def test_csv_writes_general_advice_with_its_label_and_reads_it_back(marked):
    content, data, _out = marked
    import csv
    import io

    tables = _csv_tables(data)
    row = next(csv.DictReader(io.StringIO(tables["methods"])))
    assert row["asks_residents"] == "algemeen: Tijd om te stemmen; een uur."
    assert split_list(row["when_to_use"]) == ["Er is geld voor kleine plannen.", "algemeen: Als veel mensen willen meedoen; ook jongeren."]
    assert row["estimates"] == "ladder;effort;cost;duration"
    # No text may start with "algemeen:" (generator/rules_marks.py refuses it), so the label is unambiguous.
    model = MODELS["methods"]
    back = model.model_validate(read_csv(model, tables, "methods")[("wijkstemdag",)])
    assert _marks(back) == _marks(content.methods["wijkstemdag"])


def test_codebook_and_data_package_explain_the_marks(marked):
    _content, data, out = marked
    page = (out / "open-data.md").read_text(encoding="utf-8")
    model = MODELS["methods"]
    marked_fields = [n for n, i in model.model_fields.items() if (i.json_schema_extra or {}) == {"editorial": "algemeen"}]
    assert marked_fields and '`{"algemeen": "de tekst"}`' in page and "In CSV begint de tekst met `algemeen: `" in page
    assert all(f"`{name}`" in page.split("**Algemeen advies**")[1].split("\n")[0] for name in marked_fields)
    assert "Het veld `estimates` noemt bij elke methode welke velden een inschatting zijn." in page
    package = _load(data, "datapackage.json")
    methods = next(r for r in package["resources"] if r["name"] == "methods")
    described = {f["name"] for f in methods["schema"]["fields"] if "begint met 'algemeen: '" in f.get("description", "")}
    assert described == set(marked_fields)
