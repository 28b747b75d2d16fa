"""The same generated pages on both site engines: MkDocs (the default) and Zensical (ENGINES.md).

One generated tree is built once by each engine (module fixtures). The sites are then compared
page by page (the same page URLs; the same <title> and main heading; the same links inside the
article, resolved to where they point; the same own CSS and JavaScript, present as files), and
the Zensical site is checked as the MkDocs site is elsewhere: no inline code (the
Content-Security-Policy), search and the guides in Chromium with JavaScript on and off, and axe
on one page of every type. A difference Zensical cannot avoid yet is named in
KNOWN_DIFFERENCES, reproduced in ENGINES.md, and skipped by name only where it is checked.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

from generator.cli import main

from tests.support.figures import report
from tests.support.site_pages import html_file, page_paths
from tests.site.test_security import InlineCode

# Differences between the engines that the site accepts for now, each reproduced in ENGINES.md.
# A comparison skips only an entry named here, and only the check it names; an entry that no
# longer occurs fails test_known_differences_still_occur, so the list cannot go stale.
# Format: {name: (check, page path, what differs)}. Empty: Zensical 0.0.73 matches on every check.
KNOWN_DIFFERENCES: dict[str, tuple[str, str, str]] = {}

OWN_ASSETS = ("/assets/css/", "/assets/js/")


# --- the two builds ---------------------------------------------------------------------------


def _resolve(page: str, href: str) -> str:
    """Where a link on ``page`` (a URL path) points, written one way: './..' and '../' agree,
    'x/index.html' is 'x/'."""
    u = urlsplit(urljoin("http://site" + page, href))
    if u.netloc != "site":
        return href  # another host (none expected) or mailto:, compared as written
    path = posixpath.normpath(u.path) if u.path not in ("", "/") else "/"
    if path != "/" and (u.path.endswith("/") or u.path.endswith("/.")):
        path += "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return urlunsplit(("", "", path, u.query, u.fragment))


class PageFacts(HTMLParser):
    """What the comparison reads from a page: title, main heading, article links, CSS and scripts."""

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.title = self.h1 = ""
        self.links: list[str] = []
        self.css: list[str] = []
        self.js: list[str] = []
        self._in = {"title": 0, "h1": 0, "article": 0}
        self._h1s = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self._in:
            self._in[tag] += 1
        if tag == "h1" and self._in["article"]:
            self._h1s += 1
        if tag == "a" and self._in["article"] and a.get("href") is not None:
            self.links.append(_resolve(self.path, a["href"]))
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split():
            self.css.append(_resolve(self.path, a["href"]))
        if tag == "script" and a.get("src"):
            self.js.append(_resolve(self.path, a["src"]))

    def handle_endtag(self, tag):
        if tag in self._in and self._in[tag]:
            self._in[tag] -= 1

    def handle_data(self, data):
        if self._in["title"]:
            self.title += data
        if self._in["h1"] and self._in["article"] and self._h1s == 1:
            self.h1 += data


def facts(site: Path, path: str) -> PageFacts:
    parser = PageFacts(path)
    parser.feed(html_file(site, path).read_text(encoding="utf-8"))
    parser.title, parser.h1 = " ".join(parser.title.split()), " ".join(parser.h1.split())
    return parser


@pytest.fixture(scope="module")
def compared(sites) -> dict[str, tuple[PageFacts, PageFacts]]:
    """{page path: (MkDocs facts, Zensical facts)} for every page both sites have."""
    common = sorted(set(page_paths(sites["mkdocs"])) & set(page_paths(sites["zensical"])))
    return {p: (facts(sites["mkdocs"], p), facts(sites["zensical"], p)) for p in common}


def known(check: str, path: str) -> str | None:
    """The name of a listed difference for this check and page, if any."""
    for name, (c, p, _what) in KNOWN_DIFFERENCES.items():
        if c == check and p == path:
            return name
    return None


def _differences(compared, check: str, value) -> list[str]:
    out = []
    for path, (mk, zs) in compared.items():
        a, b = value(mk), value(zs)
        if a != b and not known(check, path):
            out.append(f"{path}: MkDocs {a!r} / Zensical {b!r}")
    return out


def test_toolbox_build_with_zensical_swaps_in_only_a_complete_site(repo, tmp_path, capsys):
    """`toolbox build --engine zensical` keeps the guarantees of the MkDocs build: strict (a broken
    link fails it, named in the message), and the previous site stays as it was on failure."""
    site = tmp_path / "site"
    assert main(["--root", str(repo), "build", "--engine", "zensical", "--site-dir", str(site)]) == 0, capsys.readouterr().err
    assert 'content="zensical-' in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "search.json").exists()  # Zensical's own index, which no page loads
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (repo / "docs/privacy.md").write_text("# Privacy\n\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    assert main(["--root", str(repo), "build", "--engine", "zensical", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "De site-engine (Zensical) weigerde" in err and "privacy.md" in err and "bestaat-niet.md" in err, err
    assert "Traceback" not in err and "\x1b[" not in err, err
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


# --- the comparison ---------------------------------------------------------------------------


def test_same_page_urls(sites):
    mk, zs = set(page_paths(sites["mkdocs"])), set(page_paths(sites["zensical"]))
    assert {"/", "/voorbeelden/", "/methoden/", "/zoeken/", "/404.html"} <= mk
    assert len(mk) > 800, len(mk)
    assert sorted(mk - zs) == [], "pages only MkDocs built"
    assert sorted(zs - mk) == [], "pages only Zensical built"


def test_same_title_and_main_heading_on_every_page(compared):
    assert all(mk.title and mk.h1 for mk, _ in compared.values()), "every page has a title and an <h1> in its article"
    problems = _differences(compared, "title", lambda f: f.title) + _differences(compared, "h1", lambda f: f.h1)
    report(f"engines: {len(compared)} pages compared on <title> and <h1>: {len(problems)} differences")
    assert not problems, "\n".join(problems[:40])


def test_same_links_inside_the_article_on_every_page(compared, sites):
    problems = _differences(compared, "links", lambda f: f.links)
    total = sum(len(mk.links) for mk, _ in compared.values())
    assert total > 10 * len(compared), total  # the articles really were read
    # and every link inside Zensical's articles reaches a file of its own site
    missing = []
    for path, (_, zs) in compared.items():
        for link in zs.links:
            target = urlsplit(link).path
            if link.startswith("/") and target and not _exists(sites["zensical"], target):
                missing.append(f"{path}: {link}")
    report(
        f"engines: {total} article links compared on {len(compared)} pages: {len(problems)} differences, {len(missing)} broken on Zensical"
    )
    assert not problems, "\n".join(problems[:40])
    assert not missing, "\n".join(missing[:40])


def _exists(site: Path, url_path: str) -> bool:
    rel = url_path.lstrip("/")
    return (site / rel).is_file() or (site / rel / "index.html").is_file()


def test_every_page_has_its_own_css_and_javascript(compared, sites):
    def own(urls):
        return [u for u in urls if u.startswith(OWN_ASSETS)]

    problems = _differences(compared, "css", lambda f: own(f.css)) + _differences(compared, "js", lambda f: own(f.js))
    mk_home = compared["/"][0]
    assert len(own(mk_home.css)) >= 3 and len(own(mk_home.js)) >= 6, (mk_home.css, mk_home.js)
    missing = sorted({u for _, zs in compared.values() for u in zs.css + zs.js if u.startswith("/") and not _exists(sites["zensical"], u)})
    assert not problems, "\n".join(problems[:40])
    assert not missing, f"Zensical pages load files its site does not have: {missing}"


def test_zensical_pages_have_no_inline_code(sites):
    """The Content-Security-Policy (deploy/) forbids inline scripts and styles on either engine."""
    problems = []
    for path in page_paths(sites["zensical"]):
        parser = InlineCode()
        parser.feed(html_file(sites["zensical"], path).read_text(encoding="utf-8"))
        problems += [f"{path}: {f}" for f in parser.found]
    assert not problems, "\n".join(problems[:40])


def test_known_differences_still_occur(compared):
    """Each listed difference is real: when Zensical catches up, the entry must go."""
    values = {"title": lambda f: f.title, "h1": lambda f: f.h1, "links": lambda f: f.links}
    stale = [
        name
        for name, (check, path, _) in KNOWN_DIFFERENCES.items()
        if check in values and path in compared and values[check](compared[path][0]) == values[check](compared[path][1])
    ]
    assert not stale, f"listed differences that no longer occur: {stale}"


# --- the Zensical site in a real browser ------------------------------------------------------
