"""What goes into the search index: every entry the site has, and nothing it should not."""

from __future__ import annotations


import pytest

from generator.search.index import (
    front_matter,
    page_entries,
    plain,
)
from generator.search.text import terms


def test_page_entries_split_anchored_headings_and_read_front_matter():
    md = (
        '---\ntitle: "Rollen van de gemeente"\ndescription: "Wat de gemeente doet."\n---\n\n'
        "# Rollen\n\nIntro met een [link](x.md) en <b>html</b> en \\*escapes\\*.\n\n"
        "## Faciliteren { #faciliteren }\n\nDe gemeente helpt.\n\n### Wanneer\n\nAls het kan.\n\n"
        "## Gewone kop\n\nTerug op de pagina.\n"
    )
    page, item = page_entries("achtergrond/rollen.md", md)
    assert (page.title, page.anchor, page.snippet) == ("Rollen van de gemeente", "", "Wat de gemeente doet.")
    assert (item.title, item.anchor, item.page_title) == ("Faciliteren", "faciliteren", "Rollen van de gemeente")
    assert "Wanneer" in item.fields["headings"] and "Gewone kop" in page.fields["headings"]
    body = " ".join(page.fields["body"])
    assert "Terug op de pagina" in body and "link" in body and "x.md" not in body and "<b>" not in body
    assert "Als het kan" in " ".join(item.fields["body"])


@pytest.mark.parametrize(
    "mode, expected",
    [("none", 0), ("title", 1), ("full", 2)],
)
def test_front_matter_search_index_modes(mode, expected):
    md = f"---\nsearch_index: {mode}\n---\n# Titel\n\nTekst.\n\n## Los {{ #los }}\n\nMeer.\n"
    assert len(page_entries("x.md", md)) == expected


def test_front_matter_reader_handles_json_and_yaml_quoting():
    meta = front_matter('title: "Een \\"citaat\\" hier"\ndescription: \'Het kan: zo\'\nhide:\n  - toc\nother: 1')
    assert meta == {"title": 'Een "citaat" hier', "description": "Het kan: zo"}


def test_plain_text_keeps_words_and_drops_markup():
    text = plain(
        '[Buurtbudget](../methoden/buurtbudget.md){: .x } &amp; <span>klein&#58; 25</span>\n\n!!! note "Let op"\n    Tekst\n*[WIJ]: Stichting'
    )
    assert terms(text) == terms("Buurtbudget klein 25 Let op Tekst")
