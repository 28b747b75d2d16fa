"""Which pages a built site has, and one page of each *type*, found from the built files.

Tests that are too slow to run on every page (axe, Tab-through, print) run on one page
per type. A type is "pages in the same folder that use the same building blocks": the
folder (``voorbeelden/``, ``methoden/``, a guide's folder, ...) plus the site's own CSS
classes (``tp-*``), admonitions and structural elements (table, details, figure, form, ...)
in the page's article. So a page kind added later (a facet listing, a guide step, a guide
result) is tested without anyone having to add it to a list here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Elements that make a page behave differently (not those that come and go with the text, like lists).
STRUCTURE_TAGS = {"table", "figure", "svg", "form", "input", "select", "textarea", "button", "iframe", "video"}


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the site as a URL path ('/', '/voorbeelden/de-stroming/', '/404.html')."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


def html_file(site: Path, path: str) -> Path:
    rel = path.lstrip("/")
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


class _ArticleSignature(HTMLParser):
    """Collects the building blocks used inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in STRUCTURE_TAGS:
            self.blocks.add(f"<{tag}>")
        for name, value in attrs:
            if name == "class" and value:
                self.blocks.update(
                    c for c in value.split() if c.startswith(("tp-", "admonition")) and "__" not in c and not re.search(r"--\d+$", c)
                )

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def page_type(site: Path, path: str) -> tuple[str, frozenset[str]]:
    parts = path.strip("/").split("/")
    # Top-level pages are each their own type; deeper pages are grouped by their first two
    # folders (voorbeelden, voorbeelden/stadsdeel, keuzehulpen/rolkeuze, ...), however deep.
    folder = "/".join(parts[:-1][:2]) if len(parts) > 1 else path
    parser = _ArticleSignature()
    parser.feed(html_file(site, path).read_text(encoding="utf-8"))
    return folder, frozenset(parser.blocks)


def one_page_per_type(site: Path) -> dict[str, str]:
    """{readable type name: first page of that type}, in path order."""
    chosen: dict[tuple[str, frozenset[str]], str] = {}
    for path in page_paths(site):
        chosen.setdefault(page_type(site, path), path)
    return {f"{folder} {' '.join(sorted(blocks))}".strip(): path for (folder, blocks), path in chosen.items()}


def first_path(site: Path, pattern: str) -> str:
    """The first page whose path matches a regular expression (for tests about one page kind)."""
    for path in page_paths(site):
        if re.fullmatch(pattern, path):
            return path
    raise AssertionError(f"no page in the built site matches {pattern!r}")
