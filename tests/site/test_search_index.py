"""The search index of the real, built site: every entry findable, only built pages, title marks, the core."""

from __future__ import annotations

import json

import pytest

from generator.layout import BACKGROUND_LISTS as BACKGROUND_PAGES
from generator.search.text import stem, terms, tokens
from generator.validate import load_content

from tests.support.minimal import ROOT
from tests.support.search_index import load_index
from generator.search.index import DOCS_PART_BYTES, INDEX_DIR, INDEX_PATH, TERMS_PART_BYTES, IndexBuilder


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
    wanted |= {(p.relative_to(ROOT / "docs").as_posix(), "") for p in (ROOT / "docs").rglob("*.md")}
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


def test_title_words_are_marked_in_the_postings(index):
    """The browser lifts an entry whose title holds every query word using the marks (a
    negative weight), without loading titles; the marks must say exactly that."""
    in_doc: dict[int, dict[str, int]] = {}
    for term, post in index["terms"].items():
        for i in range(0, len(post), 2):
            in_doc.setdefault(post[i], {})[term] = post[i + 1]
    for i, d in enumerate(index["docs"]):
        weights = in_doc.get(i, {})
        marked = {t for t, w in weights.items() if w < 0}
        title = {stem(t) for t in tokens(d[2])}
        assert marked == title & set(weights), d[2]
        # Every title word that is not a stop word has a posting, so the marks miss nothing
        # (search.js loads titles instead only for a query word that is a stop word's stem).
        assert set(terms(d[2])) <= set(weights), d[2]


def test_core_carries_the_synonyms_routes_and_kind_weights(index):
    """The browser's tables are the synonyms file as Python normalised it (issue 12): every site
    word it points to is in the index, routes lead to guide pages, site pages weigh less."""
    from generator.search.index import KIND_WEIGHTS, SITE_KIND
    from generator.search.synonyms_file import load_synonyms

    errors = []
    synonyms = load_synonyms(ROOT, errors)
    assert not errors
    assert len(synonyms.words) >= 300  # "a few hundred words"
    assert index["synonyms"] == {w: list(t) for w, t in sorted(synonyms.words.items())}
    assert all(t in index["terms"] for ts in index["synonyms"].values() for t in ts)
    assert set(index["fillers"]) == synonyms.fillers
    assert set(index["routes"]) == set(synonyms.routes)
    for word, docs in index["routes"].items():
        assert docs and all(index["docs"][d][3] == "Keuzehulp" for d in docs), word
    assert index["docs"][index["routes"]["projectontwikkelar"][0]][0] == "keuzehulpen/methodekeuzehulp/index.md"
    weighted = {index["docs"][int(d)][0] for d in index["weights"]}
    assert weighted == {"bijdragen.md", "publiceren.md", "privacy.md", "toegankelijkheid.md", "open-data.md", "over-deze-site.md"}
    assert set(index["weights"].values()) == {KIND_WEIGHTS[SITE_KIND]}
    assert {index["docs"][g][0] for g in index["guides"]} >= {
        "keuzehulpen/initiatiefwijzer/index.md",
        "keuzehulpen/methodekeuzehulp/index.md",
    }
    assert len(index["suggest"]) > 50 and all(terms(w) and all(t in index["terms"] for t in terms(w)) for w in index["suggest"])


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
        md = (
            f'---\ntitle: "Buurtbudget {i} in wijk {i % 37}"\n---\n# T\n\nSpeeltuin woord{i} groen{i % 11} initiatief{i * 7 % 101} tekst.\n'
        )
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
