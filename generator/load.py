"""Load one YAML file safely, keeping the position of every key and value.

We compose the YAML node tree with libyaml (fast, C) and build plain Python
values ourselves, because that lets us:

* record line/column of every key and value (for ``path:line:col`` messages);
* reject duplicate keys (PyYAML's loaders silently keep the last one);
* reject anchors and aliases before anything is expanded, so an alias bomb
  costs no memory (content files have no need for them);
* reject every non-standard tag (``!!python/object`` and friends are never
  constructed, let alone executed).

Nothing here raises for bad content: it returns a list of ``ContentError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import ContentError

try:  # libyaml when available, pure Python otherwise: same behaviour
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 512 * 1024  # a content file is a few KB; anything this big is a mistake
MAX_DEPTH = 20  # content nests a few levels; thousands of '[' would exhaust Python's recursion
TOO_DEEP = f"de waarde is te diep genest (meer dan {MAX_DEPTH} niveaus); controleer de haken [ ] en {{ }}."
# Characters YAML does not allow in a file (control characters other than tab and newlines).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

Pos = tuple[int, int]  # 1-based line, column
Loc = tuple  # path into the data: keys and list indexes


@dataclass
class Document:
    """A loaded file: its data plus where each key and value stands in the text."""

    path: str  # relative to the repository root, for messages
    data: object
    value_pos: dict[Loc, Pos] = field(default_factory=dict)
    key_pos: dict[Loc, Pos] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Pos:
        """Best position for a location: the item itself, else its nearest parent."""
        loc = tuple(loc)
        while True:
            table = self.key_pos if key else self.value_pos
            if loc in table:
                return table[loc]
            if key and loc in self.value_pos:
                return self.value_pos[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]
            key = True  # a missing child is best shown at its parent's key

    def error(self, loc: Loc, message: str, *, key: bool = False) -> ContentError:
        line, col = self.position(loc, key=key)
        return ContentError(self.path, line, col, message)


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.errors: list[ContentError] = []
        self.seen: set[int] = set()
        self.constructor = SafeConstructor()

    def err(self, mark, message: str) -> None:
        self.errors.append(ContentError(self.doc.path, mark.line + 1, mark.column + 1, message))

    def build(self, node, loc: Loc):
        if len(loc) > MAX_DEPTH:
            self.err(node.start_mark, TOO_DEEP)
            return None
        pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.value_pos[loc] = pos
        # libyaml hands back the same node object for an alias: seeing it twice means an alias.
        if id(node) in self.seen:
            self.err(node.start_mark, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit.")
            return None
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:  # most values: the composer already resolved it to text
                return node.value
            if node.tag not in _SCALAR_TAGS:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan; gebruik gewone tekst, getallen of lijsten.")
                return None
            try:
                return self.constructor.construct_object(node)
            except Exception as exc:  # e.g. an impossible date like 2026-02-31
                self.err(node.start_mark, f"waarde '{node.value}' is ongeldig ({exc.__class__.__name__}).")
                return None
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan.")
                return None
            return [self.build(child, loc + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan.")
                return None
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                    self.err(key_node.start_mark, "een veldnaam moet gewone tekst zijn.")
                    continue
                if key_node.value == "<<":
                    self.err(key_node.start_mark, "samenvoegen met '<<' is niet toegestaan; schrijf de velden uit.")
                    continue
                key = key_node.value
                child = loc + (key,)
                if key in result or child in self.doc.key_pos:
                    first = self.doc.key_pos[child]
                    self.err(key_node.start_mark, f"veld '{key}' staat er twee keer (eerder op regel {first[0]}); haal er één weg.")
                    continue
                self.doc.key_pos[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, child)
            return result
        self.err(node.start_mark, "onbekend YAML-onderdeel.")  # pragma: no cover - yaml has only three node kinds
        return None


def _tab_errors(path: str, text: str) -> list[ContentError]:
    """Tabs in indentation: YAML forbids them, and the parser's own message is cryptic."""
    if "\t" not in text:
        return []
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(ContentError(path, number, indent.index("\t") + 1, "tab gebruikt om in te springen; gebruik spaties (twee per niveau)."))
    return errors


def _control_char_error(path: str, text: str) -> list[ContentError]:
    """A control character (often pasted from a PDF): the parser would only give an offset."""
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return []
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return [ContentError(path, line, col, f"onzichtbaar stuurteken U+{ord(match.group()):04X} in de tekst; haal het weg.")]


def _decode(path: str, raw: bytes) -> tuple[str | None, list[ContentError]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [ContentError(path, line, col, f"het bestand is geen UTF-8 (byte 0x{raw[exc.start]:02x}); sla het op als UTF-8.")]


def _first_too_deep(text: str):
    """Start of the first node nested deeper than MAX_DEPTH, found lazily from parser events."""
    depth = 0
    try:  # the pure-Python parser: libyaml's scanner reads ahead and hits its own limit first
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)) and depth > MAX_DEPTH:
                return event.start_mark
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _first_anchor(text: str):
    """Position of the first anchor or alias, found from parser events before anything is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark
    return None


def load_document(file: Path, root: Path) -> tuple[Document | None, list[ContentError]]:
    """Read, decode, parse and build one YAML file. Returns (document, errors)."""
    rel = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [ContentError(rel, 1, 1, f"bestand kan niet gelezen worden ({exc.strerror}).")]
    if len(raw) > MAX_BYTES:
        return None, [ContentError(rel, 1, 1, f"bestand is te groot ({len(raw)} bytes; maximaal {MAX_BYTES}).")]
    text, errors = _decode(rel, raw)
    if text is None:
        return None, errors
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        return None, [ContentError(rel, 1, 1, "het bestand is leeg; verwacht velden zoals 'title:'.")]
    errors = _control_char_error(rel, text) or _tab_errors(rel, text)
    if errors:
        return None, errors
    try:
        if "&" in text or "*" in text:  # only then can there be anchors or aliases: check events first
            anchor = _first_anchor(text)
            if anchor is not None:
                return None, [ContentError(rel, anchor.line + 1, anchor.column + 1, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit.")]
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) stops at its own depth limit before our builder
        # sees the nodes: give the same message, at the same place, as the builder would.
        deep = _first_too_deep(text) if "nesting depth" in str(exc.problem) else None
        if deep is not None:
            return None, [ContentError(rel, deep.line + 1, deep.column + 1, TOO_DEEP)]
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "onbekende fout").strip()
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [ContentError(rel, line, col, f"YAML-syntaxfout: {problem}. Controleer inspringing, dubbele punten en aanhalingstekens.")]
    except yaml.YAMLError as exc:
        return None, [ContentError(rel, 1, 1, f"YAML-fout: {exc}.")]
    if len(nodes) != 1:
        return None, [ContentError(rel, 1, 1, f"het bestand bevat {len(nodes)} YAML-documenten ('---'); verwacht precies één.")]
    doc = Document(rel, None)
    builder = _Builder(doc)
    doc.data = builder.build(nodes[0], ())
    if builder.errors:
        return None, builder.errors
    if not isinstance(doc.data, dict):
        kind = {list: "een lijst", str: "tekst"}.get(type(doc.data), type(doc.data).__name__)
        return None, [ContentError(rel, 1, 1, f"het bestand moet velden bevatten ('naam: waarde'), maar is {kind}.")]
    return doc, []
