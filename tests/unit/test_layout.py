"""The content layout (generator/layout.py) is the one home; the documents that restate it agree."""

from __future__ import annotations

import re

import pytest

from generator import layout
from generator.schema import REFERENCE_FILES, Case, Lesson, Method

from tests.support.minimal import ROOT

CONTRACT = ROOT / "toolbox/CONTENT-CONTRACT.md"
MODELS = {"cases": Case, "methods": Method, "lessons": Lesson}


def contract_section(title_start: str) -> str:
    text = CONTRACT.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title_start)}.*?$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"CONTENT-CONTRACT.md has no section '## {title_start}'"
    return match.group(0)


def slug_list(section: str) -> set[str]:
    """The comma-separated slugs of a section (its first paragraph after the heading)."""
    body = section.split("\n", 1)[1].strip().split("\n\n", 1)[0]
    return {s.strip() for s in body.replace("\n", " ").split(",") if s.strip()}


def test_every_reference_field_points_at_a_kind_or_a_reference_file():
    for kind, fields in layout.REFERENCES.items():
        for field, target in fields.items():
            assert field in MODELS[kind].model_fields, (kind, field)
            name = target.split(":")[0]
            assert name in layout.KINDS or name in REFERENCE_FILES, (kind, field, target)


def test_every_facet_is_a_field_with_allowed_values():
    for kind, facets in layout.FACETS.items():
        assert len({f.key for f in facets}) == len(facets), kind
        for f in facets:
            if f.field != layout.YEARS:
                assert f.field in layout.REFERENCES[kind], f"facet {f.key}: field {f.field} has no list of allowed values"


@pytest.mark.parametrize("kind", sorted(layout.KINDS))
def test_entry_pages_and_reserved_names(kind):
    """An entry's page lies in its section, and no entry can take an address the site uses."""
    section = layout.KINDS[kind].section
    assert layout.page_path(kind, "voorbeeld-x").startswith(section + "/")
    for facet in layout.FACETS.get(kind, ()):
        assert facet.key in layout.reserved_for(kind)
        assert layout.facet_path(kind, facet.key).startswith(section + "/")
    assert "index" in layout.reserved_for(kind)


def test_folders_in_the_contract_are_the_layout_folders():
    for kind in ("methods", "cases"):
        heading = contract_section({"methods": "Method slugs", "cases": "Case slugs"}[kind])
        assert f"({layout.KINDS[kind].folder}/<slug>.yaml)" in heading.splitlines()[0], heading.splitlines()[0]
    assert f"({layout.REFERENCE_FOLDER}/<file>.yaml)" in contract_section("Reference slugs").splitlines()[0]


def test_contract_slug_lists_are_the_files():
    for kind, title in (("methods", "Method slugs"), ("cases", "Case slugs")):
        files = {p.stem for p in (ROOT / layout.KINDS[kind].folder).glob("*.yaml")}
        listed = slug_list(contract_section(title))
        assert listed == files, f"{title}: only in the contract {sorted(listed - files)}, only as files {sorted(files - listed)}"


def test_contract_reference_lists_are_the_reference_files():
    """Every reference file is listed (bronnen is described above the list), its slugs where the
    contract spells them out, and the field that uses it where the contract names one."""
    import yaml

    section = contract_section("Reference slugs")
    listed = dict(re.findall(r"^- ([a-z-]+)\b(.*?)(?=^- |\Z)", section, re.M | re.S))
    assert set(listed) == set(REFERENCE_FILES) - {"bronnen"}
    uses = {(kind, field): target for kind, fields in layout.REFERENCES.items() for field, target in fields.items()}
    for name, text in listed.items():
        for kind_word, field in re.findall(r"\((case|method|lesson) `([a-z_]+)`", text):
            kind = {"case": "cases", "method": "methods", "lesson": "lessons"}[kind_word]
            assert uses.get((kind, field)) == name, f"{name}: the contract says {kind}.{field} uses it"
        if "chosen by the reference author" in text:
            continue
        items = yaml.safe_load((ROOT / layout.file_path("reference", name)).read_text(encoding="utf-8"))["items"]
        slugs = {i["slug"] for i in items}
        words = set(re.findall(r"(?<![\w(`-])([a-z0-9]+(?:-[a-z0-9]+)+|[a-z0-9]{2,})(?![\w`-])", text.split(":", 1)[1]))
        assert slugs <= words, f"{name}: slugs missing from the contract: {sorted(slugs - words)}"
