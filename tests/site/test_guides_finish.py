"""The finish of the guide pages (issue 11, item 6), on the built site.

* "Zo komt het advies tot stand" shows each section's rules as a real list.
* Without JavaScript there is no print button (it would do nothing); with it there is one.
* On a phone, after a step, the step label is in view below the header and below the place
  where the theme's "terug naar boven" button appears.
* Guide texts say "je", never "u"; joined lesson titles never show ".,".
"""

from __future__ import annotations

import re

import pytest


GUIDES = ["afwegingskader", "initiatiefwijzer", "methodekeuzehulp", "rolkeuze"]


@pytest.mark.parametrize("guide", GUIDES)
def test_rule_overview_is_a_list_for_every_section(site, guide):
    html = (site / "keuzehulpen" / guide / "index.html").read_text(encoding="utf-8")
    details = html[html.index("Zo komt het advies tot stand") :]
    details = details[: details.index("</details>")]
    sections = details.count("<strong>")
    assert sections >= 1
    # Every section title is followed by its own <ul>, never by "- " run into a paragraph.
    assert details.count("<ul>") == sections, details[:500]
    assert not re.search(r"<p>[^<]*\n- ", details)


def test_built_guide_pages_never_join_titles_with_dot_comma(site):
    bad = []
    for page in (site / "keuzehulpen").rglob("index.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        if ".," in text or "?," in text or "!," in text:
            bad.append(str(page.relative_to(site)))
    assert not bad, f"{len(bad)} pages: {bad[:5]}"
