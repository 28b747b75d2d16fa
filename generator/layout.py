"""The content layout, as plain data: the one place that knows it.

Which kinds of content exist and where their files live, which field of an entry points at
which list of allowed values, which facets the overviews offer, which names the site keeps
for its own pages, and the one function that gives a page's path. Validation, the pages,
browsing, search, open data, the scaffold, the editor settings (``.vscode/settings.json``)
and the content contract all read it from here (tests hold the last two to it).

Adding a facet is one line in ``FACETS`` (see the README's recipe); its values come from
the reference file its field points at in ``REFERENCES``, so no code lists them.

Paths are the Markdown paths of the generated pages (``voorbeelden/de-stroming.md``); the
engine turns them into URLs (``/voorbeelden/de-stroming/``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of content entry: one YAML file per entry in ``folder``."""

    key: str  # "cases": the name in code, open data file names and `toolbox new`
    folder: str  # where the files live, relative to the repository root
    section: str  # the site folder of its pages ("voorbeelden")
    singular: str  # Dutch noun: "voorbeeld"
    plural: str  # "voorbeelden"
    unknown: str  # "onbekend voorbeeld" (het-woord) / "onbekende methode" (de-woord)
    file: str  # the English singular: "case" (case.schema.json, `toolbox new case`)


KINDS: dict[str, Kind] = {
    "cases": Kind("cases", "cases", "voorbeelden", "voorbeeld", "voorbeelden", "onbekend voorbeeld", "case"),
    "methods": Kind("methods", "toolbox/methods", "methoden", "methode", "methoden", "onbekende methode", "method"),
    "lessons": Kind("lessons", "toolbox/lessons", "lessen", "les", "lessen", "onbekende les", "lesson"),
    "guides": Kind("guides", "toolbox/guides", "keuzehulpen", "keuzehulp", "keuzehulpen", "onbekende keuzehulp", "guide"),
}

# "onbekende rol": how a message names an unknown value of a collection (the kinds' own are above).
UNKNOWN: dict[str, str] = {
    **{kind: k.unknown for kind, k in KINDS.items()},
    "banden": "onbekende band",
    "criteria": "onbekend criterium",
    "vragen": "onbekende vraag",
    "rollen": "onbekende rol",
    "stadsdelen": "onbekend stadsdeel",
    "publieke-waarden": "onbekende publieke waarde",
}

# The kinds an editor writes with `toolbox new` and the open data exports as tables.
ENTRY_KINDS = ("cases", "methods", "lessons")

# One file per list of allowed values; the file name (stem) is the reference kind.
REFERENCE_FOLDER = "toolbox/reference"
# The lists, in the order the open data and the editor schemas give them. A new list: its file in
# REFERENCE_FOLDER and its name here (schema.ITEM_MODELS only if its items need more fields).
REFERENCE_LISTS: tuple[str, ...] = (
    "bronnen",
    "stadsdelen",
    "wijken",
    "rollen",
    "publieke-waarden",
    "criteria",
    "vragen",
    "schaalniveaus",
    "ladder",
    "initiatiefnemers",
    "themas",
    "doelgroepen",
    "doelen",
    "banden",
    "bestanddelen",
    "uitgangspunten",
    "begrippen",
    "groei",
    "werving",
    "besluitvorming",
    "evaluatie",
    "lespubliek",
)
# Beside them, not a list of allowed values: the search's synonyms (search/synonyms_file.py).
SYNONYMS_FILE = f"{REFERENCE_FOLDER}/synoniemen.yaml"

# Which field refers to which collection: a content kind, a reference kind, or
# "banden:<dimension>" (only the bands of one dimension). Everything that needs "the allowed
# values of this field" (validation, JSON Schema, the scaffold's comments, the codebook,
# the facets) reads it here.
REFERENCES: dict[str, dict[str, str]] = {
    "cases": {
        "stadsdeel": "stadsdelen",
        "methods": "methods",
        "wijken": "wijken",
        "initiator": "initiatiefnemers",
        "scales": "schaalniveaus",
        "themes": "themas",
        "roles": "rollen",
        "related": "cases",
        "part_of": "cases",
        "recruitment": "werving",
        "decision": "besluitvorming",
        "evaluation": "evaluatie",
    },
    "methods": {
        "ladder": "ladder",
        "goals": "doelen",
        "initiators": "initiatiefnemers",
        "scales": "schaalniveaus",
        "roles": "rollen",
        "effort": "banden:inzet",
        "cost": "banden:kosten",
        "duration": "banden:duur",
        "reaches": "doelgroepen",
        "misses": "doelgroepen",
        "related": "methods",
    },
    "lessons": {"cases": "cases", "methods": "methods", "audience": "lespubliek"},
}

# Inside a guide, a rule's references (guides.schema.Refs): field -> collection.
GUIDE_REFERENCES: dict[str, str] = {
    "methods": "methods",
    "cases": "cases",
    "lessons": "lessons",
    "criteria": "criteria",
    "vragen": "vragen",
    "roles": "rollen",
    "stadsdelen": "stadsdelen",
    "values": "publieke-waarden",
    "guides": "guides",
}

# A value derived from an entry instead of read from one field: the years a case ran
# (its period and timeline, see browse/facets.py). The only facet that is not a field.
YEARS = "years"


@dataclass(frozen=True)
class Facet:
    """One way to narrow an overview: a folder of listing pages and a group in the filter panel.

    ``field`` is the entry's field; its allowed values (and their order, names and
    descriptions) are the collection ``REFERENCES`` names for it. A reference list whose
    items have a ``rank`` (ladder, bands) is listed by rank.
    """

    key: str  # the URL segment: /methoden/niveau/
    label: str  # the heading in Dutch: "Participatieniveau"
    field: str  # the entry's field, or YEARS

    def source(self, kind: str) -> str:
        """The collection the values come from: "ladder", "banden:inzet", "methods" or YEARS."""
        return YEARS if self.field == YEARS else REFERENCES[kind][self.field]


# Per kind, in the order the overviews show them.
FACETS: dict[str, tuple[Facet, ...]] = {
    "methods": (
        Facet("niveau", "Participatieniveau", "ladder"),
        Facet("doel", "Goed voor", "goals"),
        Facet("schaal", "Schaal", "scales"),
        Facet("wie-begint", "Wie begint", "initiators"),
        Facet("rol", "Rol van de gemeente", "roles"),
        Facet("inzet", "Inzet", "effort"),
        Facet("kosten", "Kosten", "cost"),
        Facet("duur", "Duur", "duration"),
        Facet("bereik", "Bereikt vooral", "reaches"),
    ),
    "cases": (
        Facet("stadsdeel", "Stadsdeel", "stadsdeel"),
        Facet("wijk", "Wijk", "wijken"),
        Facet("thema", "Thema", "themes"),
        Facet("methode", "Methode", "methods"),
        Facet("initiatief-van", "Initiatief van", "initiator"),
        Facet("jaar", "Jaar", YEARS),
    ),
}

# Besides the content: hand-written pages (copied as they are) and the front end (theme overrides
# in THEME_FOLDER/overrides, mkdocs.yml's custom_dir; our CSS, JS and images in THEME_FOLDER/assets,
# published as ASSETS_DIR).
PAGES_FOLDER = "docs"
THEME_FOLDER = "theme"


def source_folders() -> tuple[str, ...]:
    """Every top folder the site is made from (what `toolbox serve` watches)."""
    content = {k.folder.split("/")[0] for k in KINDS.values()} | {REFERENCE_FOLDER.split("/")[0]}
    return (*sorted(content), PAGES_FOLDER, THEME_FOLDER)


# --- pages the site writes besides one per entry ---------------------------------------------

SEARCH_PAGE = "zoeken.md"
COMPARE_PAGE = "methoden/vergelijk.md"
LESSONS_PAGE = "lessen/index.md"  # every lesson on one page, one anchor each
GLOSSARY_PAGE = "begrippen.md"
SOURCES_PAGE = "achtergrond/bron.md"
GROWTH_PAGE = "achtergrond/groei.md"
ABOUT_PAGE = "over-deze-site.md"
OPEN_DATA_PAGE = "open-data.md"
BACKGROUND = "achtergrond"  # one page per reference list that has one (BACKGROUND_LISTS)
DATA_DIR = "data"  # open data files
ASSETS_DIR = "assets"

# Reference lists with a page of their own, achtergrond/<list>.md, in menu order. The last four:
# the values of the case fields the letter can fill (and of a lesson's audience), each value's
# meaning shown once, so a reader of a case page can look it up.
BACKGROUND_LISTS = (
    "uitgangspunten",
    "schaalniveaus",
    "rollen",
    "publieke-waarden",
    "criteria",
    "vragen",
    "bestanddelen",
    "stadsdelen",
    "ladder",
    "werving",
    "besluitvorming",
    "evaluatie",
    "lespubliek",
)

# Reference lists with a page of their own elsewhere than achtergrond/<kind>.md.
_REFERENCE_PAGES = {"bronnen": SOURCES_PAGE, "begrippen": GLOSSARY_PAGE, "groei": GROWTH_PAGE}

# --- names an entry's file may not have ---------------------------------------------------------
# A case or method page lives at /voorbeelden/<slug>/ or /methoden/<slug>/; the site also writes
# pages there (the overview, the facet folders, the compare page). A file named like one of those
# would share its address; validation refuses these names, so check, new and build agree.

SITE_NAMES = frozenset({"index", "vergelijk", "filter", "zoeken", ASSETS_DIR, DATA_DIR})
GUIDE_NAMES = frozenset({"index", ASSETS_DIR, DATA_DIR})  # /keuzehulpen/<slug>/ beside the section's index


def _own_pages(kind: str) -> frozenset[str]:
    """The names of the pages and folders the site writes in a kind's section."""
    names = {f.key for f in FACETS.get(kind, ())}
    for page in (COMPARE_PAGE, LESSONS_PAGE):
        folder, _, name = page.rpartition("/")
        if folder == KINDS[kind].section:
            names.add(name.removesuffix(".md"))
    return frozenset(names)


def reserved_for(kind: str) -> frozenset[str]:
    """Every name a file of this kind may not have."""
    if kind == "guides":
        return GUIDE_NAMES
    return SITE_NAMES | _own_pages(kind)


# --- the one function that knows where a page is -----------------------------------------------


def page_path(kind: str, slug: str | None = None) -> str:
    """The Markdown path of an entry's page (with an anchor where entries share a page).

    ``kind`` is a content kind or a reference kind; without ``slug``, the kind's own page
    (the overview of a section, or a reference list's page).
    """
    if kind == "lessons":
        return LESSONS_PAGE + (f"#{slug}" if slug else "")
    if kind == "guides":
        return f"{KINDS[kind].section}/{slug}/index.md" if slug else f"{KINDS[kind].section}/index.md"
    if kind in KINDS:
        return f"{KINDS[kind].section}/{slug or 'index'}.md"
    page = _REFERENCE_PAGES.get(kind, f"{BACKGROUND}/{kind}.md")
    return page + (f"#{slug}" if slug else "")


def facet_path(kind: str, key: str, value: str | None = None) -> str:
    """A facet's index page, or the listing page of one of its values."""
    return f"{KINDS[kind].section}/{key}/{value or 'index'}.md"


def file_path(kind: str, slug: str) -> str:
    """Where an entry's YAML file lives, relative to the repository root."""
    folder = KINDS[kind].folder if kind in KINDS else REFERENCE_FOLDER
    return f"{folder}/{slug}.yaml"


def where(target: str) -> str:
    """Where the allowed values of a collection are defined, for a message: "cases/", ".../ladder.yaml"."""
    kind = target.split(":")[0]
    if kind in KINDS:
        return KINDS[kind].folder + "/"
    return f"{REFERENCE_FOLDER}/{kind}.yaml"
