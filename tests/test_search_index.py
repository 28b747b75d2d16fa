"""What goes into the search index: every entry the site has, and nothing it should not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.pages import BACKGROUND_PAGES
from generator.search.index import GLOBAL, INDEX_PATH, front_matter, page_entries, plain
from generator.search.text import terms
from generator.validate import load_content

from .minimal import ROOT


def load_index(site: Path) -> dict:
    text = (site / INDEX_PATH).read_text(encoding="utf-8")
    prefix = f"window.{GLOBAL}="
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    data = json.loads(text[len(prefix):].rstrip().rstrip(";"))
    for post in data["terms"].values():  # entry numbers are stored as gaps
        doc = 0
        for i in range(0, len(post), 2):
            doc += post[i]
            post[i] = doc
    return data


@pytest.fixture(scope="module")
def index(site):
    return load_index(site)


@pytest.fixture(scope="module")
def entries(index):
    return {(d[0], d[1]) for d in index["docs"]}


def test_every_content_entry_is_findable(site, index, entries):
    c = load_content(ROOT)
    wanted = {("voorbeelden/%s.md" % s, "") for s in c.cases}
    wanted |= {("methoden/%s.md" % s, "") for s in c.methods}
    wanted |= {("lessen/index.md", s) for s in c.lessons}
    wanted |= {("begrippen.md", t.slug) for t in c.ref("begrippen")}
    for kind in BACKGROUND_PAGES:
        wanted |= {(f"achtergrond/{kind}.md", "")} | {(f"achtergrond/{kind}.md", i.slug) for i in c.ref(kind)}
    wanted |= {(p.relative_to(ROOT / "docs").as_posix(), "") for p in (ROOT / "docs").rglob("*.md") if "overrides" not in p.parts}
    missing = sorted(wanted - entries)
    assert not missing, f"built but not findable: {missing}"
    # Guides: their start page is an entry (their step and result pages opt out themselves).
    for slug in c.guides:
        assert any(path.startswith("keuzehulpen/") and slug in path for path, _ in entries), slug
    # An entry in the index is a term away: each one's own title words find it.
    terms = index["terms"]
    docs = index["docs"]
    for i, d in enumerate(docs):
        assert any(i in terms[t][0::2] for t in terms if t), d


def test_index_points_only_at_pages_that_were_built(site, index):
    for path, anchor, title, kind, snippet, page_title in index["docs"]:
        assert title and kind
        stem = path[: -len(".md")]
        html = site / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"
        assert html.is_file(), path
        if anchor:
            assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), (path, anchor)


def test_search_page_and_facet_lists_do_not_drown_results(index):
    paths = [d[0] for d in index["docs"]]
    assert "zoeken.md" not in paths
    # Facet listings are found by their title only, so their lists of titles add no terms.
    found = [(i, d) for i, d in enumerate(index["docs"]) if d[0] == "methoden/niveau/meebeslissen.md"]
    assert found, "facet page missing from the index"
    i, doc = found[0]
    own = set(terms(doc[2])) | set(terms("meebeslissen"))
    assert {t for t, post in index["terms"].items() if i in post[0::2]} <= own


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
