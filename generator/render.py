"""Render the content model into plain Markdown pages (and JSON data) for any site engine.

Escaping is on by default: every ``{{ value }}`` in a template is HTML-escaped
*and* has Markdown syntax backslash-escaped, so a ``<script>`` or a
``[link](javascript:...)`` typed into YAML stays literal text. Inside raw HTML
blocks (where Markdown is not parsed) templates use ``|h`` for HTML escaping only.
Links between pages are written as relative ``.md`` links, so the engine's
strict mode checks every one of them.
"""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import layout
from .browse import Browse
from .collection import Collection
from .content import Content
from .escape import md_escape, md_link
from .fragments import MONTHS, FragmentCache, Fragments
from .pictures import flywheel_svg
from .site_settings import SiteSettings, read_site_settings

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value):
    if value is None:
        return ""
    return value if isinstance(value, Markup) else md_escape(value)


@pass_context
def _link(ctx, text, target: str) -> Markup:
    """A Markdown link to another generated page, relative to the current one."""
    return Markup(md_link(text, ctx["up"], target))


@pass_context
def _url(ctx, target: str) -> Markup:
    return Markup(f"{ctx['up']}{target}")


def _html(value) -> Markup:
    """For raw HTML blocks: escape HTML only (Markdown is not parsed there)."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=True))


def _yaml_str(value) -> Markup:
    """A front-matter value: JSON is valid YAML and escapes everything it needs.

    HTML-escaped first: the theme prints front-matter values (description, title) into the
    page without escaping (MkDocs' Jinja has no autoescape), e.g. into <meta content="...">.
    """
    import json

    return Markup(json.dumps(html.escape(str(value), quote=True), ensure_ascii=False))


def _date_nl(value) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _period(period, as_of: int | None = None) -> str:
    """'2016', '2016 tot 2018', '2016 en liep nog in 2018' from what the source gives.

    ``as_of`` is the year the source was written: "still running" is true of that year, not of
    today, so it is said in the past tense with the year. Without a dated source: 'loopt nog'.
    """
    start, end = period.start, period.end
    if start and end and end != start:
        text = f"{start} tot {end}"
    elif start or end:
        text = f"{start or end}"
    else:
        text = ""
    if period.ongoing:
        still = f"liep nog in {as_of}" if as_of else "loopt nog"
        text = f"{text} en {still}" if text else still
    return text or "onbekend"


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        auto_reload=False,  # one environment per build: no need to stat each template on every page
    )
    env.tests["first_is"] = lambda seq, value: bool(seq) and seq[0] == value
    env.tests["contains"] = lambda seq, value: value in seq
    env.filters["h"] = _html
    env.filters["yaml"] = _yaml_str
    env.filters["date_nl"] = _date_nl
    env.filters["period"] = _period
    env.globals["MONTHS"] = MONTHS
    env.globals["link"] = _link
    env.globals["url"] = _url
    env.globals["flywheel_svg"] = flywheel_svg
    # Where pages are: the content layout's one path function, never a path typed in a template.
    env.globals["page_path"] = layout.page_path
    env.globals["kinds"] = layout.KINDS
    env.globals["COMPARE_PAGE"] = layout.COMPARE_PAGE
    env.globals["OPEN_DATA_PAGE"] = layout.OPEN_DATA_PAGE
    return env


class Renderer:
    """Renders the generated pages into a collection (``collection.py``); nothing goes to disk here."""

    def __init__(self, content: Content, pages: Collection, site: SiteSettings | None = None):
        self.content = content
        self.pages = pages
        # Publisher and site address from mkdocs.yml (catalog record, about page); defaults without one.
        self.site = site if site is not None else read_site_settings(None)
        self.env = make_env()
        self.fragments = FragmentCache(content)
        self.browse = Browse(content)  # facets and suggestions, shared by every page that shows them

    def write(self, rel: str, text: str) -> None:
        """A file that is not a template's page (data files, scripts)."""
        self.pages.add(rel, text)

    def page(self, rel: str, template: str, **context) -> None:
        depth = rel.count("/")
        context.setdefault("up", Markup("../" * depth))  # from this .md file back to the docs root
        context.setdefault("frag", Fragments(self.fragments, context["up"]))
        text = self.env.get_template(template).render(c=self.content, browse=self.browse, **context)
        self.pages.add(rel, text)
