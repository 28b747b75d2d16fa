"""Provenance marks in the schema and the validator (no build). The pages are checked in
tests/site/test_provenance.py and tests/browser/test_provenance.py."""

from __future__ import annotations

import unicodedata

import pytest

from generator.errors import ContentErrors
from generator.schema import Method, editorial_fields
from generator.validate import load_content


EDITORIAL = editorial_fields(Method)


# How the method page labels each estimate in its facts box.
FACT_LABELS = {
    "ladder": "Participatieniveau",
    "effort": "Inzet",
    "cost": "Kosten",
    "duration": "Duur",
    "reaches": "Bereikt vooral",
    "misses": "Mist vaak",
}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_schema_marks_the_issue_fields_as_editorial():
    assert {k for k, v in EDITORIAL.items() if v == "redactie"} == set(FACT_LABELS)
    assert {"steps", "when_to_use", "when_not", "pitfalls"} <= {k for k, v in EDITORIAL.items() if v == "algemeen"}


def test_estimate_naming_a_field_that_is_not_an_estimate_is_refused(repo):
    path = repo / "toolbox/methods/wijkstemdag.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "estimates: [ladder, effort, cost, duration]", "estimates: [ladder, effort, cost, duration, goals]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as exc:
        load_content(repo)
    lines = [str(e) for e in exc.value.errors]
    assert (
        len(lines) == 1
        and "'goals' is geen veld met een inschatting." in lines[0]
        and lines[0].startswith("toolbox/methods/wijkstemdag.yaml:")
    )
