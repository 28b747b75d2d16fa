"""Accessibility checks that read the built HTML (no browser): lang, titles, headings, link texts.

The browser half (axe, keyboard, phone menu) is tests/browser/test_accessibility.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser


from tests.support.figures import report
from tests.support.site_pages import html_file, page_paths


BAD_LINK_TEXT = re.compile(
    r"(klik )?hier|klik|lees (meer|verder)|meer( info(rmatie)?)?|verder|link|deze (link|pagina)|click here|read more|here|more",
    re.I,
)


class _PageFacts(HTMLParser):
    """Language, title, headings and link names of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []  # (href, accessible name)
        self._in_title = False
        self._heading: list | None = None
        self._link: list | None = None
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        elif tag == "a" and "href" in a:
            self._link = [a["href"], a.get("aria-label") or "", a.get("title") or "", ""]
        elif tag == "img" and self._link is not None:
            self._link[3] += " " + (a.get("alt") or "")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None
        elif tag == "a" and self._link is not None:
            href, label, title, text = self._link  # accessible name: aria-label, else content, else title
            self.links.append((href, " ".join((label or text).split()) or title.strip()))
            self._link = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._heading is not None:
            self._heading[1] += data
        if self._link is not None:
            self._link[3] += data


def _facts(site, path) -> _PageFacts:
    facts = _PageFacts()
    facts.feed(html_file(site, path).read_text(encoding="utf-8"))
    return facts


def _title_scope(path: str) -> str:
    """Pages that may share a title: the steps of one decision guide (the same question, reached
    by different answers). Every other page is its own scope, so its title must be unique."""
    parts = path.strip("/").split("/")
    return "/".join(parts[:2]) if parts[0] == "keuzehulpen" and len(parts) > 2 else path


def test_every_page_has_lang_nl_a_unique_title_and_headings_in_order(site):
    """lang="nl"; a title no page elsewhere has (WCAG 2.4.2); one h1, no skipped heading level and
    every definition term with its definition (1.3.1)."""
    problems = []
    titles: dict[str, set[str]] = {}
    paths = page_paths(site)
    for path in paths:
        facts = _facts(site, path)
        if facts.lang != "nl":
            problems.append(f"{path}: <html lang={facts.lang!r}>, expected 'nl'")
        title = " ".join(facts.title.split())
        if not title:
            problems.append(f"{path}: empty <title>")
        titles.setdefault(title, set()).add(_title_scope(path))
        levels = [level for level, _ in facts.headings]
        if levels.count(1) != 1:
            problems.append(f"{path}: {levels.count(1)} h1 headings, expected exactly 1")
        if levels and levels[0] != 1:
            problems.append(f"{path}: first heading is h{levels[0]}, expected h1")
        for (before, _), (level, text) in zip(facts.headings, facts.headings[1:]):
            if level > before + 1:
                problems.append(f"{path}: heading level skipped, h{before} -> h{level} '{text}'")
        problems += [f"{path}: empty h{level}" for level, text in facts.headings if not text]
        # A term directly followed by another term: a Markdown slip that nests the next fact inside.
        html_text = html_file(site, path).read_text(encoding="utf-8")
        problems += [
            f"{path}: definition term without its definition near {m.group(1)[:60]!r}"
            for m in re.finditer(r"<dt>(.{0,200}?)</dt>\s*<dt>", html_text, re.S)
        ]
    problems += [f"pages in {sorted(scopes)} share the title {t!r}" for t, scopes in titles.items() if len(scopes) > 1]
    report(f"static checks: {len(paths)} pages for lang, title and heading order, {len(problems)} problems")
    assert not problems, "\n".join(problems)


def test_link_texts_make_sense_on_their_own(site):
    """No empty links and no 'klik hier' / 'lees meer': a link list read out alone must make sense."""
    problems = []
    links = 0
    for path in page_paths(site):
        for href, name in _facts(site, path).links:
            links += 1
            if not name:
                problems.append(f"{path}: link to {href} has no text")
            elif BAD_LINK_TEXT.fullmatch(name.strip(" .:…»›→")):
                problems.append(f"{path}: link text {name!r} (to {href}) says nothing on its own")
    report(f"link texts: {links} links on {len(page_paths(site))} pages, {len(problems)} problems")
    assert not problems, "\n".join(problems)
