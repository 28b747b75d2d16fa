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

import errno
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
    reported: set[Loc] = field(default_factory=set)  # locations the loader already has a message for

    def was_reported(self, loc: Loc) -> bool:
        """True when the loader reported this location or one of its parents (no second message)."""
        loc = tuple(loc)
        return any(loc[:i] in self.reported for i in range(len(loc) + 1))

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

    def err(self, mark, message: str, loc: Loc | None = None) -> None:
        self.errors.append(ContentError(self.doc.path, mark.line + 1, mark.column + 1, message))
        if loc is not None:
            self.doc.reported.add(loc)

    def build(self, node, loc: Loc):
        if len(loc) > MAX_DEPTH:
            self.err(node.start_mark, TOO_DEEP, loc)
            return None
        pos = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.value_pos[loc] = pos
        # libyaml hands back the same node object for an alias: seeing it twice means an alias.
        if id(node) in self.seen:
            self.err(node.start_mark, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit.", loc)
            return None
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:  # most values: the composer already resolved it to text
                return node.value
            if node.tag not in _SCALAR_TAGS:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan; gebruik gewone tekst, getallen of lijsten.", loc)
                return None
            try:
                return self.constructor.construct_object(node)
            except Exception:  # noqa: BLE001 - e.g. an impossible date like 2026-13-01
                # Keep the text: the schema then says what the field expects ("een datum als
                # 2026-11-27"), and every other field of the file is still checked.
                return node.value
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan.", loc)
                return None
            return [self.build(child, loc + (i,)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                self.err(node.start_mark, f"de tag '{node.tag}' is niet toegestaan.", loc)
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
            errors.append(
                ContentError(path, number, indent.index("\t") + 1, "tab gebruikt om in te springen; gebruik spaties (twee per niveau).")
            )
    return errors


def _control_char_error(path: str, text: str) -> list[ContentError]:
    """A control character (often pasted from a PDF): the parser would only give an offset."""
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return []
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return [ContentError(path, line, col, f"onzichtbaar stuurteken U+{ord(match.group()):04X} in de tekst; haal het weg.")]


# Characters that show nothing, or silently turn the reading direction around ("Trojan
# source"): valid YAML, invisible in an editor, and on the site they change what a reader
# sees. The byte order mark at the very start of a file is fine (it is dropped before this).
INVISIBLE = {
    "\u00ad": "zacht afbreekstreepje",
    "\u061c": "Arabisch tekstrichtingsteken",
    "\u180e": "Mongools klinkerscheidingsteken",
    "\u200b": "spatie zonder breedte",
    "\u200c": "niet-verbinder zonder breedte",
    "\u200d": "verbinder zonder breedte",
    "\u200e": "tekstrichtingsteken links-naar-rechts",
    "\u200f": "tekstrichtingsteken rechts-naar-links",
    "\u202a": "tekstrichting links-naar-rechts inbedden",
    "\u202b": "tekstrichting rechts-naar-links inbedden",
    "\u202c": "einde van een tekstrichting",
    "\u202d": "tekstrichting links-naar-rechts afdwingen",
    "\u202e": "tekstrichting rechts-naar-links afdwingen: draait de tekst om",
    "\u2060": "woordverbinder zonder breedte",
    "\u2061": "onzichtbaar functieteken",
    "\u2062": "onzichtbaar maalteken",
    "\u2063": "onzichtbaar scheidingsteken",
    "\u2064": "onzichtbaar plusteken",
    "\u2066": "tekstrichting links-naar-rechts isoleren",
    "\u2067": "tekstrichting rechts-naar-links isoleren",
    "\u2068": "tekstrichting automatisch isoleren",
    "\u2069": "einde van een geïsoleerde tekstrichting",
    "\ufeff": "byte order mark midden in de tekst",
}
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


def _invisible_errors(path: str, text: str) -> list[ContentError]:
    """Every invisible or bidi control character, with its code and place."""
    if text.isascii():
        return []
    errors = []
    for match in _INVISIBLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        errors.append(
            ContentError(
                path,
                line,
                col,
                f"onzichtbaar teken U+{ord(char):04X} ({INVISIBLE[char]}) in de tekst; haal het weg (je ziet het niet, maar het verandert wat lezers zien).",
            )
        )
    return errors


SYNTAX = "YAML-syntaxfout:"
SYNTAX_HINT = "Controleer inspringing, dubbele punten en aanhalingstekens."
# libyaml's problems (English) and what they mean for someone writing a content file.
_SYNTAX_PROBLEMS = [
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet goed gesloten; zet komma's tussen de waarden en sluit af met ]."),
    ("expected ',' or '}'", "een groep tussen { en } is niet goed gesloten; zet komma's tussen de velden en sluit af met }."),
    (
        "mapping values are not allowed",
        'een dubbele punt met een spatie erna midden in een waarde; zet de tekst tussen aanhalingstekens, zoals "Doel: meer groen."',
    ),
    (
        "did not find expected key",
        "hier verwachtte ik een nieuw veld ('naam: waarde') op dezelfde inspringing als de velden erboven; controleer de inspringing en of er tekst achter een afgesloten aanhalingsteken staat.",
    ),
    ("expected '-' indicator", "in een lijst begint elke regel met '- ', op dezelfde inspringing."),
    ("could not find expected ':'", "na een veldnaam hoort een dubbele punt en een spatie ('naam: waarde')."),
    ("unexpected end of stream", "het bestand houdt op midden in een waarde; vaak is een aanhalingsteken niet gesloten."),
    (
        "cannot start any token",
        "dit teken mag niet aan het begin van een waarde staan (zoals @ of `); zet de tekst tussen aanhalingstekens.",
    ),
    (
        "unknown escape character",
        "een \\ tussen dubbele aanhalingstekens begint een speciale code; gebruik enkele aanhalingstekens of schrijf \\\\.",
    ),
    (
        "block sequence entries are not allowed",
        "een lijstregel ('- ') staat op de verkeerde plek; zet de lijst op eigen regels onder het veld, verder ingesprongen.",
    ),
    ("expected node content", "hier ontbreekt een waarde."),
    ("undefined tag handle", "een ! aan het begin van een waarde; zet de tekst tussen aanhalingstekens."),
    ("while scanning an alias", "een * aan het begin van een waarde; zet de tekst tussen aanhalingstekens."),
    ("while scanning an anchor", "een & aan het begin van een waarde; zet de tekst tussen aanhalingstekens."),
    ("expected <document start>", "na het einde van de velden staat nog iets; controleer de inspringing van de laatste regels."),
    ("document indicator", "'---' of '...' binnen een waarde; zet de tekst tussen aanhalingstekens."),
]
_OPENS_QUOTE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)(["'])""")


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int] | None:
    """(line, col) of the last value before ``before_line`` whose quote is not closed on its line.

    A quote left open swallows every following line up to the next quote of the same kind,
    so the parser trips far below the mistake; the mistake is the last line that opens a
    quoted value and does not close it.
    """
    found = None
    for number, line in enumerate(text.splitlines()[: before_line - 1], start=1):
        match = _OPENS_QUOTE.match(line)
        if not match:
            continue
        quote, rest = match.group(2), line[match.end() :]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = re.search(r"'(?!')", rest.replace("''", "")) is not None
        if not closed:
            found = (number, match.end())
    return found


def syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    """libyaml's English syntax error as a Dutch message, at the place of the real mistake if we can tell."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    said = f"{exc.context or ''} {exc.problem or ''}"
    meaning = next((dutch for english, dutch in _SYNTAX_PROBLEMS if english in said), None)
    if "quoted scalar" in said and exc.context_mark is not None:  # the file ends inside quotes
        open_line, open_col = exc.context_mark.line + 1, exc.context_mark.column + 1
        return ContentError(
            path,
            open_line,
            open_col,
            f"{SYNTAX} het aanhalingsteken hier wordt niet gesloten; sluit de tekst af met hetzelfde aanhalingsteken.",
        )
    if ("expected ',' or" in said) and exc.context_mark is not None:  # point at the bracket left open
        open_line, open_col = exc.context_mark.line + 1, exc.context_mark.column + 1
        if (open_line, open_col) != (line, col):
            what = (
                "de lijst die hier met [ begint, wordt niet goed gesloten; zet komma's tussen de waarden en sluit af met ]"
                if "']'" in said
                else "de groep die hier met { begint, wordt niet goed gesloten; zet komma's tussen de velden en sluit af met }"
            )
            return ContentError(path, open_line, open_col, f"{SYNTAX} {what} (de fout viel op op regel {line}).")
    quote = _unclosed_quote(text, line)
    if quote is not None and quote[0] < line:
        return ContentError(
            path,
            quote[0],
            quote[1],
            f"{SYNTAX} het aanhalingsteken hier wordt niet gesloten op deze regel; daardoor loopt de tekst door tot regel {line}, waar het bestand niet meer klopt. Sluit de tekst af met hetzelfde aanhalingsteken.",
        )
    return ContentError(path, line, col, f"{SYNTAX} {meaning or 'de opbouw van het bestand klopt hier niet.'} {SYNTAX_HINT}")


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


# The operating system's reasons (English in exc.strerror) for the usual cases, in Dutch.
_OS_REASONS = {
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen leesrechten",
    errno.ENOENT: "het bestaat niet (meer), of het is een link naar niets",
    errno.EISDIR: "het is een map",
    errno.ELOOP: "een link die naar zichzelf blijft verwijzen",
    errno.EIO: "leesfout van de schijf",
}


def load_document(file: Path, root: Path) -> tuple[Document | None, list[ContentError]]:
    """Read, decode, parse and build one YAML file. Returns (document, errors)."""
    rel = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [
            ContentError(rel, 1, 1, f"bestand kan niet gelezen worden ({_OS_REASONS.get(exc.errno, 'het systeem weigert het')}).")
        ]
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
    errors = _invisible_errors(rel, text)  # the file still parses: report these with everything else
    try:
        if "&" in text or "*" in text:  # only then can there be anchors or aliases: check events first
            anchor = _first_anchor(text)
            if anchor is not None:
                return None, [
                    ContentError(
                        rel, anchor.line + 1, anchor.column + 1, "ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit."
                    )
                ]
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) stops at its own depth limit before our builder
        # sees the nodes: give the same message, at the same place, as the builder would.
        deep = _first_too_deep(text) if "nesting depth" in str(exc.problem) else None
        if deep is not None:
            return None, errors + [ContentError(rel, deep.line + 1, deep.column + 1, TOO_DEEP)]
        return None, errors + [syntax_error(rel, text, exc)]
    except yaml.YAMLError:
        return None, errors + [ContentError(rel, 1, 1, f"{SYNTAX} het bestand kan niet gelezen worden. {SYNTAX_HINT}")]
    if len(nodes) != 1:
        return None, errors + [ContentError(rel, 1, 1, f"het bestand bevat {len(nodes)} YAML-documenten ('---'); verwacht precies één.")]
    doc = Document(rel, None)
    builder = _Builder(doc)
    doc.data = builder.build(nodes[0], ())
    errors += builder.errors
    if not isinstance(doc.data, dict):
        if builder.errors:
            return None, errors
        kind = {list: "een lijst", str: "tekst"}.get(type(doc.data), "één waarde")
        return None, errors + [ContentError(rel, 1, 1, f"het bestand moet velden bevatten ('naam: waarde'), maar is {kind}.")]
    # Parse what can be parsed: the schema and reference checks still run on this document,
    # and skip the locations already reported here (doc.reported).
    return doc, errors
