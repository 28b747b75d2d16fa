"""`toolbox new`: the commented form covers the schema, an untouched form fails `toolbox check` with
clear messages, a filled-in form passes, bad names are refused, and the editor schema wiring holds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from generator.scaffold import KINDS

from tests.support.minimal import ROOT

FOLDERS = {"case": "cases", "method": "toolbox/methods", "lesson": "toolbox/lessons"}
ERROR_LINE = re.compile(r"^(?P<path>[\w./-]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")

# What a person types into the empty places of each form.
FILL = {
    "case": {
        "title": "Het plein",
        "summary": "Buren maakten samen een groen plein.",
        "stadsdeel": "zuid",
        "wijken": "[de-wijert]",
        "methods": "[wijkstemdag]",
        "story": "\n  - Het begon met een idee van twee buren.",
        "section": "Deel A",
        "reviewed": "2026-11-27",
    },
    "method": {
        "title": "Buurtgesprek",
        "summary": "Buren praten samen over een plan.",
        "general": "true",
        "ladder": "[raadplegen]",
        "effort": "inzet-laag",
        "cost": "kosten-laag",
        "duration": "duur-kort",
        "estimates": "[ladder, effort, cost, duration]",
        "section": "Deel B",
        "reviewed": "2026-11-27",
    },
    "lesson": {
        "title": "Praat eerst met de buren.",
        "claim": "Wie eerst met de buren praat, krijgt meer steun.",
        "cases": "[de-stroming]",
        "methods": "[wijkstemdag]",
        "section": "Deel A",
        "reviewed": "2026-11-27",
    },
}


# The fields an untouched form must be refused for: every required field of the schema
# (a case's `methods` is required but may be the empty list []).
MUST_NAME = {
    "case": ["title", "summary", "stadsdeel", "sources[1].section", "reviewed"],
    "method": ["title", "summary", "ladder", "sources[1].section", "reviewed"],
    "lesson": ["title", "claim", "sources[1].section", "reviewed"],  # cases/methods: see tests/bad/lesson-without-case.yaml
}


def test_must_name_lists_every_required_field():
    for kind, spec in KINDS.items():
        required = {n for n, f in spec.model.model_fields.items() if f.is_required()} - ({"methods"} if kind == "case" else set())
        named = {f.split("[")[0] for f in MUST_NAME[kind]}
        assert required - {"ladder"} <= named and required <= named | {"ladder"}, (kind, required - named)


def new(repo: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--root", str(repo), "new", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        pattern = re.compile(rf"^(\s*){re.escape(key)}:(?: \[\]| false)?$", re.M)
        assert len(pattern.findall(text)) == 1, f"form has no single empty '{key}:' line"
        text = pattern.sub(lambda m: f"{m.group(1)}{key}: {value}" if not value.startswith("\n") else f"{m.group(1)}{key}:{value}", text)
    return text


def check(repo: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(repo), "check"])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if ERROR_LINE.match(line)]


@pytest.mark.parametrize("kind", list(KINDS))
def test_form_lists_every_schema_field_once(repo, capsys, kind):
    code, _out, _err = new(repo, capsys, kind, "nieuw-ding")
    assert code == 0
    text = (repo / FOLDERS[kind] / "nieuw-ding.yaml").read_text(encoding="utf-8")
    keys = re.findall(r"^([a-z_]+):", text, re.M)
    assert sorted(keys) == sorted(KINDS[kind].model.model_fields)
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("kind", list(KINDS))
def test_untouched_form_gives_clear_errors_not_a_traceback(repo, capsys, kind):
    assert new(repo, capsys, kind, "nieuw-ding")[0] == 0
    rel = f"{FOLDERS[kind]}/nieuw-ding.yaml"
    code = main(["--root", str(repo), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line and not line.endswith("veranderd.")]
    assert lines and all(ERROR_LINE.match(line) and line.startswith(rel + ":") for line in lines), lines
    named = " ".join(lines)
    for field in MUST_NAME[kind]:
        assert f"veld '{field}'" in named, f"no message names {field}: {lines}"
    # Each message points at the line of the empty field.
    text = (repo / rel).read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = ERROR_LINE.match(line)
        field = re.search(r"veld '([a-z_]+)", m["msg"])[1]
        assert text[int(m["line"]) - 1].lstrip().startswith(("- ", f"{field}:", "section:")), line


def test_form_offers_the_allowed_values_from_the_reference_data(repo, capsys):
    new(repo, capsys, "case", "nieuw-ding")
    text = (repo / "cases/nieuw-ding.yaml").read_text(encoding="utf-8")
    block = text.split("\nstadsdeel:")[0].rsplit("(verplicht). Kies één van:", 1)[1]
    assert re.findall(r"^#\s+([a-z-]+)\s+", block, re.M) == ["zuid", "west", "stedelijk"]
    assert re.search(r"^#\s+de-wijert\s+De Wijert$", text, re.M)
    assert re.search(r"^#\s+wijkstemdag$", text, re.M)
    assert re.search(r"^#\s+Deel B$", text, re.M)  # the sections of the source


@pytest.mark.parametrize(
    "slug, message",
    [
        ("Het Plein", "is geen geldige naam"),
        ("het_plein", "is geen geldige naam"),
        ("plein-", "is geen geldige naam"),
        ("caf\u00e9", "is geen geldige naam"),
        ("a" * 81, "Maximaal 80 tekens"),
        ("index", "is gereserveerd"),
        ("de-stroming", "cases/de-stroming.yaml bestaat al"),
    ],
)
def test_bad_or_taken_name_is_refused_and_nothing_is_written(repo, capsys, slug, message):
    before = {p: p.read_bytes() for p in repo.rglob("*.yaml")}
    code, _out, err = new(repo, capsys, "case", slug)
    assert code == 1
    assert message in err and "Er is niets geschreven." in err
    assert {p: p.read_bytes() for p in repo.rglob("*.yaml")} == before


def test_unknown_kind_is_refused(repo, capsys):
    code, _out, err = new(repo, capsys, "plan", "iets")
    assert code == 1 and "onbekende soort 'plan'" in err


def test_dutch_kind_names_work(repo, capsys):
    assert new(repo, capsys, "methode", "buurtgesprek")[0] == 0
    assert (repo / "toolbox/methods/buurtgesprek.yaml").is_file()


def test_modeline_points_at_a_schema_that_validates_the_filled_in_form(repo, capsys):
    """The editor wiring: the modeline's relative path resolves to the schema `toolbox new` refreshed,
    and that schema accepts the filled-in form and rejects a typo in a slug."""
    code, _out, _err = new(repo, capsys, "case", "nieuw-ding")
    assert code == 0
    path = repo / "cases/nieuw-ding.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, first
    schema_path = (path.parent / m[1]).resolve()
    assert schema_path == (repo / "schema/case.schema.json").resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(fill(path.read_text(encoding="utf-8"), FILL["case"]))
    data = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}  # editors see dates as text
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "stadsdeel": "zuidd"}, schema, cls=jsonschema.Draft202012Validator)


def test_vscode_settings_map_every_content_folder_to_a_schema_toolbox_writes(repo):
    """The editor settings are the layout's: every schema `toolbox schema` writes, on its files."""
    from generator.jsonschema import editor_mapping, write_schemas
    from generator.validate import load_content

    written = {p.name for p in write_schemas(load_content(repo), repo / "schema")}
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    expected = editor_mapping()
    assert settings["yaml.schemas"] == expected, "set yaml.schemas in .vscode/settings.json to:\n" + json.dumps(expected, indent=2)
    assert {Path(schema).name for schema in expected} <= written
    for schema, globs in expected.items():
        assert all(list(ROOT.glob(g)) for g in globs), (schema, globs)  # each pattern matches real files
