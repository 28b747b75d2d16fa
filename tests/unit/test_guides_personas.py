"""The personas cover every user group and every guide (read from the data, no browser)."""

from __future__ import annotations

from collections import Counter

import yaml


from tests.support.minimal import TESTS


PERSONAS = yaml.safe_load((TESTS / "guide_vectors/personas/personas.yaml").read_text(encoding="utf-8"))["personas"]


GROUPS = {"bewoner", "medewerker", "ontwikkelaar", "initiatiefnemer"}


def test_personas_cover_every_group_and_guide(content):
    assert len(PERSONAS) >= 12
    groups = Counter(p["group"] for p in PERSONAS)
    assert set(groups) == GROUPS, groups
    guides = {w["guide"] for p in PERSONAS for w in p["walks"]}
    assert guides == set(content.guides), guides
    assert sum(1 for p in PERSONAS if len({w["guide"] for w in p["walks"]}) >= 2) >= 2
    for p in PERSONAS:  # each persona expects something concrete
        assert p["expect"]["texts"] and p["expect"]["links"], p["name"]
