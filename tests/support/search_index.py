"""Read a built search index back: the core and every part it names, put together again."""

from __future__ import annotations

import json
from pathlib import Path


from generator.search.index import (
    GLOBAL,
    INDEX_DIR,
    INDEX_PATH,
    PARTS_GLOBAL,
    PARTS_SETUP,
)


def _assigned(text: str, target: str):
    """The JSON a generated index script assigns to ``target`` (and nothing else runs)."""
    assert text.startswith(target + "=") and text.endswith(";\n"), text[:80]
    return json.loads(text[len(target) + 1 : -2])


def load_index(site: Path) -> dict:
    """The core and every part it names, put back together as ``IndexBuilder.data()`` gives it,
    with entry numbers instead of gaps."""
    folder = site / INDEX_DIR
    core = _assigned((site / INDEX_PATH).read_text(encoding="utf-8"), f"window.{GLOBAL}")

    def part(name: str) -> list:
        return _assigned(
            (folder / name).read_text(encoding="utf-8").removeprefix(PARTS_SETUP), f"window.{PARTS_GLOBAL}[{json.dumps(name)}]"
        )

    vocab = core["terms"].split(" ")
    postings = [p for _first, name in core["termParts"] for p in part(name)]
    docs = [d for name in core["docParts"] for d in part(name)]
    assert [first for first, _name in core["termParts"]] == sorted({first for first, _name in core["termParts"]})
    assert len(postings) == len(vocab) == len(core["df"]) and len(docs) == core["count"]
    assert all(len(d) == core["docsPerPart"] for d in map(part, core["docParts"][:-1]))
    files = {p.name for p in folder.iterdir()}
    assert files == {"core.js"} | {name for _f, name in core["termParts"]} | set(core["docParts"]), "stray or missing parts"
    terms = {}
    for term, post, df in zip(vocab, postings, core["df"]):
        assert len(post) == 2 * df, term
        doc = 0
        for i in range(0, len(post), 2):  # entry numbers are stored as gaps
            doc += post[i]
            post[i] = doc
        terms[term] = post
    tables = {k: core[k] for k in ("synonyms", "fillers", "routes", "weights", "guides")}  # issue 12
    suggest = core["suggest"].split(" ") if core["suggest"] else []
    return {"version": core["version"], "stopwords": core["stopwords"], "docs": docs, "terms": terms, **tables, "suggest": suggest}
