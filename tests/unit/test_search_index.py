"""What goes into the search index: every entry the site has, and nothing it should not."""

from __future__ import annotations

import json

import pytest

from generator.search.index import (
    DOCS_PART_BYTES, INDEX_DIR, INDEX_PATH, TERMS_PART_BYTES, IndexBuilder, front_matter, page_entries, plain,
)
from generator.search.text import terms

from tests.support.search_index import load_index


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
    text = plain("[Buurtbudget](../methoden/buurtbudget.md){: .x } &amp; <span>klein&#58; 25</span>\n\n!!! note \"Let op\"\n    Tekst\n*[WIJ]: Stichting")
    assert terms(text) == terms("Buurtbudget klein 25 Let op Tekst")


def test_fast_term_counting_equals_the_reference_rules():
    """The index build counts terms with a fast path; it must give exactly ``terms()``."""
    from collections import Counter

    from hypothesis import given, settings, strategies as st

    from generator.search.text import count_terms

    pieces = list("abeoz019 .,-_%€\u0301\u0308éëïĳßΑ²ﬁ'\n") + ["de ", "het ", "wij", "Ideeën", "25.000"]

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=40).map("".join))
    def check(text):
        assert count_terms(text) == dict(Counter(terms(text)))

    check()


def _builder(n: int) -> IndexBuilder:
    b = IndexBuilder()
    for i in range(n):
        md = f"---\ntitle: \"Buurtbudget {i} in wijk {i % 37}\"\n---\n# T\n\nSpeeltuin woord{i} groen{i % 11} initiatief{i * 7 % 101} tekst.\n"
        b.add_page(f"voorbeelden/v{i:05d}.md", md)
    return b


@pytest.mark.parametrize("n, min_parts, max_parts", [(5, 1, 1), (3000, 4, 200)])
def test_index_parts_grow_with_the_index_and_hold_the_same_data(tmp_path, n, min_parts, max_parts):
    builder = _builder(n)
    files = builder.files()
    assert files == _builder(n).files(), "part names and contents must not depend on the run"
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    data = builder.data()
    for post in data["terms"].values():
        doc = 0
        for i in range(0, len(post), 2):
            doc += post[i]
            post[i] = doc
    assert load_index(tmp_path) == data  # load_index also checks the core's part table
    core = json.loads((tmp_path / INDEX_PATH).read_text(encoding="utf-8").split("=", 1)[1][:-2])
    for parts in (core["termParts"], core["docParts"]):
        assert min_parts <= len(parts) <= max_parts, len(parts)
    if n > 5:  # parts of about the size aimed at (the last one of each kind holds the rest)
        for names, target in ((core["termParts"][:-1], TERMS_PART_BYTES), (core["docParts"][:-1], DOCS_PART_BYTES)):
            for name in names:
                name = name[1] if isinstance(name, list) else name
                size = len(files[f"{INDEX_DIR}/{name}"])
                assert target // 2 <= size <= target + 2_000, (name, size)
