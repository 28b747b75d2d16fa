"""Printing: a case, a method and a decision-guide result, printed to PDF by Chromium.

The PDF holds the page's title and text, and none of the screen chrome (menu, search, skip
link, footer). Links print as plain black text; a link to another site also shows its address.
No page of the PDF ends with a heading whose text is on the next page.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.support.figures import report
from tests.support.site_pages import html_file, page_paths

# Text that only the screen chrome has: skip link, search, footer, back-to-top, theme credit.
CHROME = ["Ga naar inhoud", "Zoek op deze site", "Terug naar boven", "Material for MkDocs", "Inhoud gebaseerd op de brief"]


# What the printed page should show, read in Chromium with print styles on: only what is printed.
PRINTED_JS = """() => {
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });
  const shown = (el) => el.checkVisibility();
  const article = document.querySelector('article');
  const text = (el) => el.innerText.replace(/\\s+/g, ' ').trim();
  const links = [...article.querySelectorAll('a[href]')].filter(shown);
  const first = links[0];
  return {
    h1: text(article.querySelector('h1')),
    paragraph: ([...article.querySelectorAll('p')].filter(shown).map(text).find(t => t.length > 40) || ''),
    headings: [...article.querySelectorAll('h2, h3')].filter(shown).map(text),
    links: links.map(a => [a.getAttribute('href'), text(a)]),
    linkStyle: first ? [getComputedStyle(first).color, getComputedStyle(first).textDecorationLine] : null,
  };
}"""


def _guide_result(site) -> str:
    for path in page_paths(site):
        if path.startswith("/keuzehulpen/") and "tp-guide--result" in html_file(site, path).read_text(encoding="utf-8"):
            return path
    raise AssertionError("no decision-guide result page in the built site")


def _flat(text: str) -> str:
    # NFKC: the PDF's text depends on the machine's fonts; with some, "fi" in "Buitenfitness"
    # comes out as the ligature U+FB01. Compare letters, not the glyphs a font chose.
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


@pytest.mark.parametrize("kind", ["case", "method", "guide result"])
def test_page_prints_cleanly(kind, browser, server, site):
    path = {
        "case": lambda: _longest(site, r"/voorbeelden/[^/]+/"),
        "method": lambda: _longest(site, r"/methoden/[^/]+/"),
        "guide result": lambda: _guide_result(site),
    }[kind]()
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + path)
    pdf = page.pdf(format="A4", print_background=False)
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED_JS)
    context.close()
    assert printed["h1"] and printed["paragraph"], path

    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    text = _flat(" ".join(pages))
    report(f"print: {path} -> {len(pages)} A4 pages, {len(pdf) // 1024} KB")

    assert _flat(printed["h1"]) in text, f"title missing from the PDF of {path}"
    assert _flat(printed["paragraph"])[:60] in text, f"body text missing from the PDF of {path}"
    assert not [c for c in CHROME if c in text], f"screen chrome printed on {path}: {[c for c in CHROME if c in text]}"
    assert all(p.strip() for p in pages), f"an empty page in the PDF of {path}"
    assert len(pages) <= 12, f"{path} prints on {len(pages)} pages"

    # links: plain black text; addresses of other sites printed after the link text
    assert printed["linkStyle"] == ["rgb(0, 0, 0)", "none"], printed["linkStyle"]
    for href, label in printed["links"]:
        if label and _flat(label)[:30] not in text:
            raise AssertionError(f"link text {label!r} missing from the PDF of {path}")
        if re.match(r"https?://", href):
            assert href in text.replace(" ", ""), f"address of {href} not printed"

    # page breaks: no page ends with a heading that belongs to the next page's text
    headings = {_flat(h) for h in printed["headings"]}
    for number, page_text in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page_text.splitlines() if line.strip()]
        assert not lines or _flat(lines[-1]) not in headings, f"page {number} of {path} ends with the heading {lines[-1]!r}"


def _longest(site, pattern: str) -> str:
    """The case or method page with the most text: the one most likely to run over several pages."""
    pages = [p for p in page_paths(site) if re.fullmatch(pattern, p) and "tp-facts" in html_file(site, p).read_text(encoding="utf-8")]
    assert pages, f"no pages match {pattern}"
    return max(pages, key=lambda p: html_file(site, p).stat().st_size)
