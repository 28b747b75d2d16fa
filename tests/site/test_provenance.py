"""Provenance: every editorial value on a method page and the compare page carries its mark.

The schema says which method fields are editorial (``editorial_fields``): "redactie" fields are
estimates that need their name in ``estimates``; "algemeen" fields hold texts that may be
general advice (``algemeen: tekst``). For every such field of every method, the built page shows
the mark next to the value or text, and only there; the compare page (static table and the
table compare.js draws) shows the same marks; a printed method page carries the mark's label
and explanation.
"""

from __future__ import annotations

from html.parser import HTMLParser


from tests.support.figures import report
from tests.support.site_pages import html_file
from tests.unit.test_provenance import EDITORIAL, FACT_LABELS, _norm


class Blocks(HTMLParser):
    """The article's blocks (dt, dd, li, p, th, td) with their visible text and the marks inside them."""

    BLOCKS = {"dt", "dd", "li", "p", "th", "td"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.stack: list[dict] = []
        self.in_article = False
        self.why = 0  # depth inside a mark's explanation: not part of the block's own text

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if tag in self.BLOCKS:
            block = {"tag": tag, "text": "", "marks": []}
            self.blocks.append(block)
            self.stack.append(block)
        if tag == "span" and "tp-mark " in cls + " ":
            kind = next((c.split("--", 1)[1] for c in cls.split() if c.startswith("tp-mark--")), "")
            for block in self.stack:
                block["marks"].append(kind)
        if tag == "span" and ("tp-mark__why" in cls or self.why):
            self.why += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        if tag == "span" and self.why:
            self.why -= 1
        if tag in self.BLOCKS and self.stack and self.stack[-1]["tag"] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and not self.why:
            self.stack[-1]["text"] += data


def _blocks(site, path) -> list[dict]:
    parser = Blocks()
    parser.feed(html_file(site, path).read_text(encoding="utf-8"))
    for block in parser.blocks:
        block["text"] = _norm(block["text"])
    return parser.blocks


def test_every_estimate_on_every_method_page_carries_its_mark(site, content):
    checked = 0
    for slug, method in content.methods.items():
        blocks = _blocks(site, f"/methoden/{slug}/")
        for field, label in FACT_LABELS.items():
            if not getattr(method, field):
                continue
            i = next(i for i, b in enumerate(blocks) if b["tag"] == "dt" and b["text"] == label)
            value = blocks[i + 1]
            assert value["tag"] == "dd", (slug, field)
            assert ("redactie" in value["marks"]) == (field in method.estimates), (slug, field, value)
            checked += 1
    report(f"provenance: {checked} estimates on {len(content.methods)} method pages checked for their mark")
    assert checked >= len(content.methods) * 4


def test_every_general_text_carries_its_mark_and_no_other_text_does(site, content):
    marked = plain = 0
    for slug, method in content.methods.items():
        blocks = [b for b in _blocks(site, f"/methoden/{slug}/") if b["tag"] in ("li", "p")]
        for field, kind in EDITORIAL.items():
            if kind != "algemeen":
                continue
            value = getattr(method, field)
            for text in value if isinstance(value, tuple) else (value,) if value else ():
                start = _norm(text)[:50]
                block = next((b for b in blocks if start in b["text"]), None)
                assert block is not None, (slug, field, start)
                assert ("algemeen" in block["marks"]) == (text.mark == "algemeen"), (slug, field, start, block["marks"])
                marked += text.mark == "algemeen"
                plain += text.mark is None
    report(f"provenance: {marked} general-advice texts marked, {plain} texts from the letter unmarked, on method pages")
    assert marked > 100 and plain > 100


def test_compare_page_table_marks_every_estimate_column(site, content):
    heads = [b for b in _blocks(site, "/methoden/vergelijk/") if b["tag"] == "th"]
    columns = {"Niveau": "ladder", "Bereikt vooral": "reaches", "Inzet": "effort", "Kosten": "cost", "Duur": "duration"}
    for label, field in columns.items():
        head = next(h for h in heads if h["text"].startswith(label))
        every = all(field in m.estimates for m in content.methods.values() if getattr(m, field))
        assert every and "redactie" in head["marks"], (label, head)
