"""One voice, one gloss: each term is explained in one place, and the abstract labels of a
method's facts box (ladder step, role) are explained on the page where people meet them."""

from __future__ import annotations

import re

from generator.glossary import LINKED
from generator.validate import load_content

from tests.support.minimal import ROOT
from tests.support.site_pages import html_file


def test_every_term_has_one_gloss():
    content = load_content(ROOT)
    seen: dict[str, str] = {}
    for kind in ("begrippen", *LINKED):
        for item in content.ref(kind):
            name = item.name.lower()
            assert name not in seen, f"'{item.name}' is explained in {seen.get(name)} and in {kind}"
            seen[name] = kind


def test_facts_box_labels_are_explained_on_the_method_page(site):
    content = load_content(ROOT)
    checked = 0
    for slug, method in content.methods.items():
        page = html_file(site, f"/methoden/{slug}/").read_text(encoding="utf-8")
        box = page.split("Begrippen op deze pagina", 1)[1]
        for kind, field in (("ladder", "ladder"), ("rollen", "roles")):
            for value in getattr(method, field):
                assert re.search(rf'href="[^"]*{LINKED[kind].removesuffix(".md")}/#{value}"', box), (slug, value)
                checked += 1
    assert checked > 50
