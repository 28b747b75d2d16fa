"""Build the site's search index from the generated Markdown pages.

Why from the pages: every page the site has is then findable, whoever wrote it
(lessons, background, guides, hand-written pages), with no second list of pages to
keep in step. Cases and methods are the exception: they are indexed from the YAML
(``model_entries``), because their pages also show other entries' summaries and
because that is much faster at thousands of cases. The model also adds what page text
alone does not weigh enough: keywords ("everyday words people search with"), other
names, and facet names (stadsdeel, wijk, theme, ladder level, ...).

A page becomes one search entry. A level-2 heading with an explicit anchor
(``## Title { #slug }``, as on the lessons page, the background pages and the
glossary) becomes an entry of its own that links to that anchor.

Front matter ``search_index: title`` indexes a page by its title only (facet
listings: useful for "voorbeelden zuid", but their lists would drown real
pages); ``search_index: none`` leaves a page out (the search page itself).

The index is written as scripts that set globals (a script loads from a folder opened
via file:// where fetching JSON does not): a small core, ``assets/search/core.js``, and
parts that the browser loads when a query needs them (``IndexBuilder.files()``).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import layout
from ..content import Content
from ..errors import ContentError, ContentErrors
from .synonyms import EMPTY, Synonyms
from .text import STOPWORDS, count_terms, fold, stem, terms, tokens

INDEX_DIR = "assets/search"
INDEX_PATH = f"{INDEX_DIR}/core.js"  # the core; the parts it names sit next to it
GLOBAL = "TP_SEARCH_CORE"
PARTS_GLOBAL = "TP_SEARCH_PARTS"  # {file name: part}, filled by each part as it loads
PARTS_SETUP = f"window.{PARTS_GLOBAL}=window.{PARTS_GLOBAL}||{{}};"
FORMAT_VERSION = 4
# About this many bytes (raw JSON) per part. 2,000 cases: ~20 posting parts of ~13 KB gzip
# and ~60 entry parts of ~3 KB gzip; the real site (29 cases): a few of each.
TERMS_PART_BYTES = 48_000
DOCS_PART_BYTES = 12_000

# Field weights: a word in the title says more about a page than a word in its body.
# The slug (file name or anchor) is chosen by an author to name the entry in a few words.
WEIGHTS = {"title": 10.0, "keywords": 8.0, "facts": 4.0, "description": 3.0, "slug": 2.0, "headings": 2.0, "body": 1.0}
SNIPPET_CHARS = 150

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$", re.M)
# Markup the tokenizer would otherwise read as words, removed in one pass: link targets,
# HTML tags, attribute lists, admonition types, abbreviation definitions, entities.
_MARKUP = re.compile(
    r"\]\([^)]*\)"  # the "(target)" of [text](target); the text stays
    r"|<[^>]*>"
    r"|\{:?\s*[.#:][^}]*\}"
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+\S+"
    r"|^\*\[[^\]]*\]:.*$"
    r"|&#?\w+;",
    re.M,
)
_SPACE = re.compile(r"\s+")
_HYPHENATED = re.compile(r"(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+")

SITE_KIND = "Over deze site"
KINDS = [  # (path prefix, label shown next to a result); first match wins
    # Pages about the site itself: for people who maintain or check the site, not for a
    # resident's question. They mention everyday words in examples ("bijdragen" shows how
    # to add a case), so they get a low weight (KIND_WEIGHTS) and never outrank content.
    ("bijdragen.md", SITE_KIND),
    ("publiceren.md", SITE_KIND),
    ("privacy.md", SITE_KIND),
    ("toegankelijkheid.md", SITE_KIND),
    ("open-data", SITE_KIND),
    ("over-", SITE_KIND),
    ("over.md", SITE_KIND),
    ("voorbeelden/index.md", "Overzicht"),
    ("methoden/index.md", "Overzicht"),
    ("voorbeelden/", "Voorbeeld"),
    ("methoden/", "Methode"),
    ("lessen/", "Les"),
    ("achtergrond/", "Achtergrond"),
    ("begrippen.md", "Begrip"),
    ("keuzehulp", "Keuzehulp"),
]
# Score factor per kind of page (default 1). A site page's best possible score (a word in its
# title, headings, description and body: about 25) times 0.2 stays below a content page that
# has the word in its title (10) or keywords (8): tests/site/test_search_index.py checks every such word.
KIND_WEIGHTS = {SITE_KIND: 0.2}
# Entries whose titles give the words "Bedoel je ...?" may suggest (besides the synonyms'
# site words). Cases are left out: at 2,000 cases their titles would double the core.
SUGGEST_KINDS = ("Methode", "Les", "Achtergrond", "Begrip", "Keuzehulp", "Overzicht")


@dataclass
class Entry:
    path: str  # the .md path relative to the docs root; the browser maps it to a URL
    anchor: str
    title: str
    kind: str
    snippet: str = ""
    page_title: str = ""  # for an entry at an anchor: the title of the page it is on
    fields: dict[str, list[str]] = field(default_factory=dict)  # field -> texts

    def add(self, name: str, *texts: str) -> None:
        self.fields.setdefault(name, []).extend(t for t in texts if t)


def plain(markdown: str) -> str:
    """Markdown (with some raw HTML) to plain text, good enough for indexing.

    Entities are dropped rather than decoded: the generator writes only punctuation as
    entities (``&#58;``), and decoding them would cost a pass for no searchable word."""
    return _MARKUP.sub(" ", markdown).replace("\\", "")


def front_matter(block: str) -> dict[str, str]:
    """The top-level ``key: value`` lines of a front matter block.

    Only the scalar keys the index reads matter here; a full YAML parse per page
    cost more than the rest of the index build together at 2,000 pages.
    """
    meta: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace() or key not in ("title", "description", "search_index"):
            continue
        value = value.strip()
        if value[:1] in "\"'":
            try:  # the generator writes JSON strings (valid YAML); hand-written pages may use YAML quoting
                value = str(json.loads(value) if value[0] == '"' else yaml.safe_load(value))
            except (ValueError, yaml.YAMLError):
                value = value.strip("\"'")
        meta[key] = value
    return meta


def kind_of(path: str) -> str:
    for prefix, label in KINDS:
        if path.startswith(prefix):
            return label
    return "Pagina"


def _snippet(text: str) -> str:
    text = _SPACE.sub(" ", text[: SNIPPET_CHARS * 3]).strip()
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 80 else SNIPPET_CHARS].rstrip(" ,;:") + " …"


def page_entries(path: str, markdown: str) -> list[Entry]:
    """The search entries of one page (see the module docstring)."""
    meta: dict = {}
    m = _FRONT_MATTER.match(markdown)
    if m:
        meta = front_matter(m.group(1))
        markdown = markdown[m.end() :]
    mode = str(meta.get("search_index", "full"))
    if mode == "none":
        return []
    headings = list(_HEADING.finditer(markdown))
    h1 = next((h for h in headings if len(h.group(1)) == 1), None)
    title = str(meta.get("title") or (plain(h1.group(2)) if h1 else Path(path).stem))
    description = str(meta.get("description") or "")
    page = Entry(path, "", title, kind_of(path), _snippet(description))
    page.add("title", title)
    page.add("slug", Path(path).stem.replace("-", " ") if Path(path).stem != "index" else "")
    if mode == "title":
        return [page]
    page.add("description", description)
    entries = [page]
    current = page
    pos = 0
    for h in headings:
        current.add("body", plain(markdown[pos : h.start()]))
        pos = h.end()
        level, text, anchor = len(h.group(1)), plain(h.group(2)), h.group(3)
        if level == 1:
            continue
        if level == 2 and anchor:
            current = Entry(path, anchor, text, kind_of(path), page_title=title)
            current.add("title", text)
            current.add("slug", anchor.replace("-", " "))
            current.add("facts", title)  # the page it sits on: "Rollen" for "Faciliteren"
            entries.append(current)
        elif level == 2:
            current = page
            page.add("headings", text)
        else:
            current.add("headings", text)
    current.add("body", plain(markdown[pos:]))
    for e in entries:
        if not e.snippet:
            body = " ".join(e.fields.get("body", []))
            e.snippet = _snippet(body)
    return entries


def _names(content: Content, kind: str, slugs) -> list[str]:
    items = content.ref(kind).items
    return [items[s].name for s in slugs if s in items]


def model_entries(content: Content) -> dict[str, Entry]:
    """Case and method entries straight from the YAML, keyed by page path.

    Their pages also list other entries (related cases with their summaries, lessons, ...);
    indexed from the page, a case would be found by its neighbours' words. From the model,
    an entry holds only its own text, and the build skips thousands of Markdown parses.
    """
    out: dict[str, Entry] = {}
    for slug, case in content.cases.items():
        path = layout.page_path("cases", slug)
        e = Entry(path, "", case.title, kind_of(path), _snippet(case.summary))
        e.add("title", case.title)
        e.add("keywords", *case.keywords)
        facts = _names(content, "stadsdelen", [case.stadsdeel]) + _names(content, "wijken", case.wijken)
        facts += _names(content, "themas", case.themes) + _names(content, "schaalniveaus", case.scales)
        facts += _names(content, "initiatiefnemers", [case.initiator] if case.initiator else [])
        facts += [content.methods[m].title for m in case.methods if m in content.methods]
        if case.period:
            facts += [str(y) for y in (case.period.start, case.period.end) if y]
        facts += [f.value for f in case.figures]
        e.add("facts", *facts)
        e.add("description", case.summary)
        e.add("slug", slug.replace("-", " "))
        body = list(case.story) + list(case.outcomes) + [f.label for f in case.figures]
        body += [f"{t.when or ''} {t.event}" for t in case.timeline]
        if case.public_values:
            body += [v for v in (case.public_values.legitimiteit, case.public_values.betrokkenheid, case.public_values.rendement) if v]
        e.add("body", *body)
        out[path] = e
    for slug, m in content.methods.items():
        path = layout.page_path("methods", slug)
        e = Entry(path, "", m.title, kind_of(path), _snippet(m.summary))
        e.add("title", m.title)
        e.add("keywords", *m.also_known_as, *m.keywords)
        facts = _names(content, "ladder", m.ladder) + _names(content, "doelen", m.goals)
        facts += _names(content, "schaalniveaus", m.scales) + _names(content, "initiatiefnemers", m.initiators)
        facts += _names(content, "rollen", m.roles) + _names(content, "doelgroepen", m.reaches)
        e.add("facts", *facts)
        e.add("description", m.summary)
        e.add("slug", slug.replace("-", " "))
        e.add("body", *m.description, *m.when_to_use, *m.when_not, *m.steps, *m.pitfalls, m.asks_residents or "", m.asks_municipality or "")
        out[path] = e
    return out


def content_fields(content: Content) -> dict[tuple[str, str], dict[str, list[str]]]:
    """Extra searchable words for lessons (on the shared lessons page) from the model."""
    extra: dict[tuple[str, str], dict[str, list[str]]] = {}
    for slug, lesson in content.lessons.items():
        facts = [content.cases[c].title for c in lesson.cases if c in content.cases]
        facts += [content.methods[m].title for m in lesson.methods if m in content.methods]
        extra[(layout.LESSONS_PAGE, slug)] = {"keywords": list(lesson.keywords), "facts": facts}
    return extra


class IndexBuilder:
    """Collects entries and writes the compact inverted index the browser searches."""

    def __init__(self, synonyms: Synonyms = EMPTY) -> None:
        self.entries: list[Entry] = []
        self.synonyms = synonyms
        self.guide_order: dict[str, int] = {}  # guide page path -> its place among the guides

    def add_page(self, path: str, markdown: str, extra: dict[tuple[str, str], dict[str, list[str]]] | None = None) -> None:
        for e in page_entries(path, markdown):
            for name, texts in (extra or {}).get((e.path, e.anchor), {}).items():
                e.add(name, *texts)
            self.entries.append(e)

    def _weights(self, entry: Entry) -> dict[str, int]:
        score: dict[str, float] = {}
        get = score.get
        for name, texts in entry.fields.items():
            w = WEIGHTS[name]
            text = " ".join(texts)
            counts = count_terms(text)
            if name != "body" and "-" in text:  # "buurt-budget", "Wijk-G100" also as "buurtbudget", "wijkg100"
                for joined in _HYPHENATED.findall(fold(text)):
                    for term in terms(joined.replace("-", "")):
                        counts[term] = counts.get(term, 0) + 1
            for term, tf in counts.items():
                score[term] = get(term, 0.0) + (w * (1.0 + math.log(tf)) if tf > 1 else w)
        return {t: max(1, round(v)) for t, v in score.items()}

    def data(self) -> dict:
        """The whole index as one structure (what ``files()`` splits; the tests read it back)."""
        postings: dict[str, list[int]] = {}
        last: dict[str, int] = {}
        for i, e in enumerate(self.entries):
            in_title = {stem(t) for t in tokens(e.title)}
            for term, w in self._weights(e).items():
                # Entry numbers as gaps from the previous one: shorter numbers, a smaller file.
                # A negative weight marks a word of the entry's title (the browser lifts an
                # entry whose title holds every query word, without loading its title).
                postings.setdefault(term, []).extend((i - last.get(term, 0), -w if term in in_title else w))
                last[term] = i
        syn = self.synonyms
        return {
            "version": FORMAT_VERSION,  # terms: {term: [entry gap, weight, entry gap, weight, ...]}
            "stopwords": sorted(STOPWORDS),
            "docs": [[e.path, e.anchor, e.title, e.kind, e.snippet, e.page_title] for e in self.entries],
            "terms": dict(sorted(postings.items())),
            # From toolbox/reference/synoniemen.yaml, normalised (generator/search/synonyms.py):
            # query word -> site words; question fillers; query word -> entries shown first.
            "synonyms": {w: [t for t in ts if t in postings] for w, ts in sorted(syn.words.items())},
            "fillers": sorted(syn.fillers),
            "routes": {w: [d for d in map(self.entry_at, pages) if d is not None] for w, pages in sorted(syn.routes.items())},
            "weights": {str(i): KIND_WEIGHTS[e.kind] for i, e in enumerate(self.entries) if e.kind in KIND_WEIGHTS},
            # The keuzehulpen in their own order (their `order` field), the overview of them last.
            "guides": sorted(
                (i for i, e in enumerate(self.entries) if e.kind == "Keuzehulp" and not e.anchor),
                key=lambda i: (self.guide_order.get(self.entries[i].path, 99), i),
            ),
            "suggest": self.suggestions(postings),
        }

    def entry_at(self, page: str) -> int | None:
        """The entry number of a page given by its address ("keuzehulpen/initiatiefwijzer/")."""
        wanted = {page + "index.md", page.rstrip("/") + ".md"}
        return next((i for i, e in enumerate(self.entries) if e.path in wanted and not e.anchor), None)

    def suggestions(self, postings: dict) -> list[str]:
        """Words "Bedoel je ...?" may offer when nothing is found: real words (not stems) that
        each find a page: the synonyms' site words and words from the titles of methods,
        lessons, background, glossary terms, guides and overviews."""
        words = {s.text.lower() for s in self.synonyms.targets}
        for e in self.entries:
            if e.kind in SUGGEST_KINDS:
                words.update(w for w in re.findall(r"[^\W\d_]{4,}", e.title.lower()))
        return sorted(w for w in words if all(t in postings for t in terms(w)) and terms(w))

    def dead_targets(self, vocab) -> list[ContentError]:
        """Synonyms that lead nowhere: a site word on no page, a route to a page that does not exist."""
        syn, errors = self.synonyms, []
        for spot in syn.targets:
            if spot.term not in vocab:
                errors.append(
                    syn.error(
                        spot,
                        f"'{spot.text}' komt op geen enkele pagina van de site voor, dus dit synoniem vindt niets; kies een woord dat de site gebruikt.",
                    )
                )
        known = sorted(
            {
                e.path[: -len("index.md")] if e.path.endswith("index.md") else e.path[: -len(".md")] + "/"
                for e in self.entries
                if e.kind == "Keuzehulp"
            }
        )
        for spot in syn.pages:
            if self.entry_at(spot.text) is None:
                errors.append(
                    syn.error(
                        spot, f"pagina '{spot.text}' bestaat niet of staat niet in de zoekindex. Keuzehulpen: {', '.join(known) or 'geen'}."
                    )
                )
        return errors

    def files(self, data: dict | None = None) -> dict[str, str]:
        """The index as files: a small core and parts the browser loads when a query needs them.

        Why split: at 2,000 cases the whole index is 408 KB gzip, too much to load for one
        search. The core holds what matching needs before any posting is read (the word list
        for prefix, compound and typo matching, each word's document frequency for idf, the
        stop words, the entry count) and the names of the parts. Postings are cut into parts
        by ranges of the sorted word list (a prefix query then mostly needs one or two);
        entries (path, title, summary shown in a result) into parts of consecutive entries,
        so a result list loads only the parts of the entries it shows. Parts are named by a
        hash of their content: deterministic, and a browser never mixes parts of two builds.
        The number of parts grows with the index: a small site gets a handful of files.
        """
        data = data or self.data()
        vocab = list(data["terms"])
        term_rows = [_json(data["terms"][t]) for t in vocab]
        term_parts = _cut(term_rows, TERMS_PART_BYTES)
        doc_rows = [_json(d) for d in data["docs"]]
        n_doc_parts = max(1, math.ceil(sum(map(len, doc_rows)) / DOCS_PART_BYTES))
        per_part = max(1, math.ceil(len(doc_rows) / n_doc_parts))
        doc_parts = [(i, i + per_part) for i in range(0, len(doc_rows), per_part)] or [(0, 0)]
        out: dict[str, str] = {}

        def part(prefix: str, rows: list[str]) -> str:
            payload = "[" + ",".join(rows) + "]"
            name = f"{prefix}-{hashlib.sha1(payload.encode()).hexdigest()[:10]}.js"
            out[f"{INDEX_DIR}/{name}"] = _script(f"window.{PARTS_GLOBAL}[{json.dumps(name)}]", payload, PARTS_SETUP)
            return name

        term_files = [part("t", term_rows[a:b]) for a, b in term_parts]
        doc_files = [part("d", doc_rows[a:b]) for a, b in doc_parts]
        core = {
            "version": data["version"],
            "stopwords": data["stopwords"],
            "count": len(data["docs"]),
            "terms": " ".join(vocab),  # words are [a-z0-9]+: a space is a safe separator
            "df": [len(data["terms"][t]) // 2 for t in vocab],
            "termParts": [[a, name] for (a, _b), name in zip(term_parts, term_files)],  # first word of each
            "docsPerPart": per_part,
            "docParts": doc_files,
            "synonyms": data["synonyms"],
            "fillers": data["fillers"],
            "routes": data["routes"],
            "weights": data["weights"],
            "guides": data["guides"],
            "suggest": " ".join(data["suggest"]),  # folded-free words: a space separates them
        }
        out[INDEX_PATH] = _script(f"window.{GLOBAL}", _json(core))
        return out


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _script(target: str, payload: str, setup: str = "") -> str:
    # "</" cannot end a script here, but keep the files safe to inline anyway.
    safe = payload.replace("</", "<\\/")
    return f"{setup}{target}={safe};\n"


def _cut(rows: list[str], target: int) -> list[tuple[int, int]]:
    """Consecutive ranges of items, each about ``target`` bytes (never empty, at least one)."""
    ranges, start, size = [], 0, 0
    for i, row in enumerate(rows):
        size += len(row) + 1
        if size >= target:
            ranges.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(rows) or not ranges:
        ranges.append((start, len(rows)))
    return ranges


def build_index(content: Content, pages) -> IndexBuilder:
    """The index of every Markdown page in ``pages`` (a ``collection.Collection``)."""
    builder = IndexBuilder(getattr(content, "synonyms", None) or EMPTY)
    builder.guide_order = {layout.page_path("guides", slug): g.order for slug, g in content.guides.items()}
    extra = content_fields(content)
    from_model = model_entries(content)
    for rel in pages.markdown():
        if rel in from_model:
            builder.entries.append(from_model[rel])
        else:
            builder.add_page(rel, pages[rel], extra)
    return builder


def write_index(content: Content, pages) -> None:
    """Add the index of every Markdown page now in ``pages`` to the collection."""
    builder = build_index(content, pages)
    data = builder.data()
    errors = builder.dead_targets(data["terms"])
    if errors:  # like every content error: path:line:col, all at once, nothing built
        raise ContentErrors(errors)
    for rel, text in builder.files(data).items():
        pages.add(rel, text)
