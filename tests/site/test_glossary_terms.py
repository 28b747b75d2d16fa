"""Glossary on the built site: the facts box labels are explained on the method page."""

from __future__ import annotations

import re

from generator.glossary import LINKED
from generator.validate import load_content

from tests.support.minimal import ROOT
from tests.support.site_pages import html_file


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
