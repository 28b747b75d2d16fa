"""Security: content never becomes markup, and the site works under a strict
Content-Security-Policy (deploy/_headers, deploy/nginx.conf).

1. Injection through the whole build: every free-text field (schema type ``Text``) of a case,
   a method, a lesson and the reference data gets HTML, JavaScript URLs, Markdown and Jinja
   syntax; one-line fields (``Line``, which refuse < and >) get the rest. The built site must
   contain none of it as live markup, show it as literal text, and run no injected script in
   Chromium (with no CSP to hide behind).
2. The policy: no inline script, event-handler attribute, style attribute or javascript: URL in
   any built page; the policy itself allows no other host and no 'unsafe-*'; Chromium loads
   every page under it without a violation or script error, and search, guides, folding
   boxes and navigation still work.
"""

from __future__ import annotations

import re
import types
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel
from pydantic.types import StringConstraints

from generator import schema
from generator.build import build
from generator.errors import ContentErrors

from tests.support.figures import report
from tests.support.minimal import write_minimal_tree
from tests.support.site_pages import html_file, page_paths

# --- 1. injection ---------------------------------------------------------------------------

# Each payload line is checked on its own: it must be shown literally somewhere on the site.
TEXT_PAYLOAD = [
    'T{n} <script>alert("T{n}")</script> en <img src=x onerror=alert({n})>',
    '[klik](javascript:alert({n})) <a href="javascript:alert({n})">a</a> <iframe src="https://evil.example/"></iframe>',
    '{{{{ 7*7 }}}} {{% if true %}}ja{{% endif %}} {{: onclick="alert({n})" }} *nadruk* `code` ~~weg~~ x^2 a|b &amp; &lt;b&gt;',
    "\"><svg onload=alert({n})> '; alert({n}); //",
]
LINE_PAYLOAD = "L{n} [klik](javascript:alert({n})) {{{{ 7*7 }}}} *nadruk* &lt;b&gt; \"quote\" 'single'"
# Extra lines that are syntax only at the start of a line; joined with newlines into the text.
LINE_START = [
    "# kop {n}",
    '!!! danger "let op {n}"',
    "*[HTML]: afkorting {n}",
    ": definitie {n}",
    '<div markdown="1">**vet {n}**</div>',
    "---",
]


def _string_kind(meta) -> str | None:
    """'text' for free text, 'line' for one-line plain text, None for slugs and other patterns."""
    patterns = [m.pattern for m in meta if isinstance(m, StringConstraints) and m.pattern]
    if not patterns:
        return "text"
    return "line" if patterns == [schema.PLAIN_LINE_PATTERN] else None


def _field_kind(field):
    """(kind, is_list, model) of a pydantic field; kind is 'text', 'line', 'model' or None."""
    annotation, meta, is_list = field.annotation, list(field.metadata), False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # X | None
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None, False, None
        annotation = args[0]
    if typing.get_origin(annotation) is tuple:  # tuple[X, ...]
        annotation, is_list = typing.get_args(annotation)[0], True
    if annotation == schema.MarkedText:  # text, or general advice as {algemeen: text}: injected as text
        return "text", is_list, None
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        meta += extra
    if annotation is str:
        return _string_kind(meta), is_list, None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", is_list, annotation
    return None, is_list, None


class Injector:
    """Fills every Text and Line field of a YAML mapping; each value is numbered (T1, L2, ...)."""

    def __init__(self) -> None:
        self.values: list[tuple[str, str, list[str]]] = []  # (marker, "file:field.path", lines to show)

    def text(self, where: str) -> str:
        n = len(self.values) + 1
        lines = [p.format(n=n) for p in TEXT_PAYLOAD + LINE_START]
        self.values.append((f"T{n} ", where, [line for line in lines if line != "---"]))
        return "\n".join(lines)

    def line(self, where: str) -> str:
        n = len(self.values) + 1
        value = LINE_PAYLOAD.format(n=n)
        self.values.append((f"L{n} ", where, [value]))
        return value

    def fill(self, model: type[BaseModel], data: dict, where: str, source: dict) -> dict:
        for name, field in model.model_fields.items():
            kind, is_list, sub = _field_kind(field)
            path = f"{where}.{name}" if ":" in where else f"{where}:{name}"
            if kind == "text":
                data[name] = [self.text(path)] if is_list else self.text(path)
            elif kind == "line" and name not in ("section", "sections"):  # sources must name real sections
                data[name] = [self.line(path)] if is_list else self.line(path)
            elif kind == "model" and sub is not schema.SourceRef:
                if is_list:
                    items = data.get(name) or [self._minimal(sub, source)]
                    data[name] = [self.fill(sub, dict(item), f"{path}[{i}]", source) for i, item in enumerate(items)]
                else:
                    data[name] = self.fill(sub, dict(data.get(name) or self._minimal(sub, source)), path, source)
        return data

    @staticmethod
    def _minimal(model: type[BaseModel], source: dict) -> dict:
        """Required non-text values for a nested model (a year, a source). An optional source is
        given too: an injected amount needs one (tests/bad/funding-without-source.yaml)."""
        known = {"year": 2020, "source": source}
        return {name: known[name] for name, f in model.model_fields.items() if (f.is_required() or name == "source") and name in known}


class NoAliases(yaml.SafeDumper):
    """Write repeated values out in full: the loader refuses anchors and aliases."""

    def ignore_aliases(self, data):
        return True


CONTENT = {
    "cases/de-stroming.yaml": schema.Case,
    "toolbox/methods/wijkstemdag.yaml": schema.Method,
    "toolbox/lessons/klein-wordt-groot.yaml": schema.Lesson,
}


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """The minimal tree with every text field injected, built with the real pipeline."""
    root = write_minimal_tree(tmp_path_factory.mktemp("inject") / "repo")
    # A case's public_values notes link to these three entries.
    (root / "toolbox/reference/publieke-waarden.yaml").write_text(
        "title: Publieke waarden\nitems:\n"
        + "".join(f"  - {{slug: {s}, name: {s.title()}}}\n" for s in ("legitimiteit", "betrokkenheid", "rendement")),
        encoding="utf-8",
    )
    injector = Injector()
    for rel, model in CONTENT.items():
        path = root / rel
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        injector.fill(model, data, rel, data["sources"][0])
        path.write_text(yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in sorted((root / "toolbox/reference").glob("*.yaml")):
        model = schema.REFERENCE_MODELS[path.stem]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        source = {"doc": "bron", "section": "Deel A"}
        item_model = schema.REFERENCE_FILES[path.stem]
        data["items"] = [injector.fill(item_model, dict(item), f"{path.name}:items[{i}]", source) for i, item in enumerate(data["items"])]
        data["intro"] = [injector.text(f"{path.name}:intro")]
        path.write_text(yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = root / "site"
    try:
        build(root, site)
    except ContentErrors as errors:
        raise AssertionError("the injected tree must be valid content:\n" + "\n".join(map(str, errors.errors))) from None
    return root, site, injector


class LiveMarkup(HTMLParser):
    """Finds markup the payloads would create if escaping failed, and collects the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self._script = True
            if not a.get("src") and a.get("type") != "application/json":
                self.problems.append(f"inline <script> {attrs}")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}> {attrs}")
        if tag == "img" and a.get("src") == "x":
            self.problems.append(f"injected <img> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if (
                name in ("href", "src", "action", "formaction", "xlink:href")
                and value
                and re.sub(r"\s", "", value).lower().startswith("javascript:")
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script and "alert(" in data:
            self.problems.append(f"script text with alert(): {data[:80]!r}")
        if not self._script:
            self.text.append(data)


def _scan(site: Path) -> tuple[list[str], str]:
    problems, texts = [], []
    for path in page_paths(site):
        parser = LiveMarkup()
        parser.feed(html_file(site, path).read_text(encoding="utf-8"))
        problems += [f"{path}: {p}" for p in parser.problems]
        texts.append(" ".join(" ".join(parser.text).split()))
    return problems, "\n".join(texts)


def test_every_text_field_is_injected(injected):
    """The injection covers every Text field of the content models, so a new field is covered too."""
    _root, _site, injector = injected
    covered = {re.sub(r"\[\d+\]", "", where.split(":", 1)[1]) for _, where, _ in injector.values if where.split(":")[0] in CONTENT}
    expected = set()
    for model in CONTENT.values():
        for name, field in model.model_fields.items():
            kind, _, sub = _field_kind(field)
            if kind == "text":
                expected.add(name)
            elif kind == "model" and sub is not schema.SourceRef:
                expected |= {f"{name}.{n}" for n, f in sub.model_fields.items() if _field_kind(f)[0] == "text"}
    assert {"summary", "story", "claim", "description"} <= expected  # the schema walk itself works
    assert expected <= covered, sorted(expected - covered)


def test_injected_content_never_becomes_markup(injected):
    _root, site, injector = injected
    problems, _text = _scan(site)
    report(
        f"injection: {len(injector.values)} fields injected, {len(page_paths(site))} pages scanned, {len(problems)} live-markup findings"
    )
    assert not problems, "\n".join(problems[:40])


def test_injected_content_is_shown_literally(injected):
    """What an editor typed is what a reader sees: no swallowed tags, no stray backslashes
    (every payload line holds Markdown's special characters and must appear exactly as typed)."""
    _root, site, injector = injected
    _problems, text = _scan(site)
    missing, hidden = [], []
    for marker, where, lines in injector.values:
        if marker not in text:
            hidden.append(where)
            continue
        missing += [f"{where}: not shown literally: {line!r}" for line in lines if " ".join(line.split()) not in text]
    shown = len(injector.values) - len(hidden)
    report(f"injection: {shown} of {len(injector.values)} injected fields shown on a page, {len(missing)} not literally")
    assert not missing, "\n".join(missing[:30])
    # Every text an editor writes reaches a reader somewhere: content and reference fields alike
    # (keywords only feed the search index; reviewed dates are checked as dates elsewhere).
    shown_nowhere = [w for w in hidden if not w.endswith(("keywords", "reviewed"))]
    assert not shown_nowhere, f"injected fields shown nowhere: {shown_nowhere}"


class LinkPreview(HTMLParser):
    """The Open Graph properties of a page, as a link preview reads them (attribute values unescaped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or "").startswith("og:"):
            self.og[a["property"]] = a.get("content") or ""


def _link_preview(site: Path, path: str) -> dict[str, str]:
    parser = LinkPreview()
    parser.feed(html_file(site, path).read_text(encoding="utf-8"))
    return parser.og


def test_link_previews_show_injected_content_literally(injected):
    """og:title and og:description carry an entry's title and summary as plain text: every
    payload (HTML, Markdown, Jinja, quotes that would end the attribute) comes out exactly as
    typed, on every page that shows an entry; and every page has the preview properties."""
    root, site, _injector = injected
    missing = [
        p
        for p in page_paths(site)
        if not {"og:title", "og:description", "og:type", "og:locale", "og:site_name"} <= set(_link_preview(site, p))
    ]
    assert not missing, f"pages without link-preview metadata: {missing[:10]}"
    checked = 0
    for rel, folder in (("cases/de-stroming.yaml", "voorbeelden"), ("toolbox/methods/wijkstemdag.yaml", "methoden")):
        data = yaml.load((root / rel).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        og = _link_preview(site, f"/{folder}/{Path(rel).stem}/")
        assert og["og:title"] == data["title"], (og["og:title"], data["title"])
        assert " ".join(og["og:description"].split()) == " ".join(data["summary"].split())
        assert og["og:locale"] == "nl_NL"
        checked += 2
    report(f"link previews: {len(page_paths(site))} pages with Open Graph metadata; {checked} injected values shown literally")


# --- 2. the Content-Security-Policy --------------------------------------------------------------


class InlineCode(HTMLParser):
    """What a CSP without 'unsafe-inline' would block in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and not a.get("src") and a.get("type") != "application/json":
            self._inline_script = True
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script" and a.get("src", "").startswith(("http:", "https:", "//")):
            self.found.append(f"script from another host {a['src']}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event handler <{tag} {name}>")
            if name == "style":
                self.found.append(f"style attribute <{tag} style={value!r}>")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL <{tag} {name}>")


def test_no_inline_code_in_any_built_page(site):
    problems = []
    paths = page_paths(site)
    for path in paths:
        parser = InlineCode()
        parser.feed(html_file(site, path).read_text(encoding="utf-8"))
        problems += [f"{path}: {f}" for f in parser.found]
    report(f"CSP, static: {len(paths)} pages without inline script, style or event handler: {len(problems)} findings")
    assert not problems, "\n".join(problems[:40])
