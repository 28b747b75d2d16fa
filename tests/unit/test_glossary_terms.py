"""One voice, one gloss: each term is explained in one place, and the abstract labels of a
method's facts box (ladder step, role) are explained on the page where people meet them."""

from __future__ import annotations


from generator.glossary import LINKED


def test_every_term_has_one_gloss(content):
    seen: dict[str, str] = {}
    for kind in ("begrippen", *LINKED):
        for item in content.ref(kind):
            name = item.name.lower()
            assert name not in seen, f"'{item.name}' is explained in {seen.get(name)} and in {kind}"
            seen[name] = kind
