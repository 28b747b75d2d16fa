"""The content schema: the single source of truth for every YAML file.

Each model forbids unknown fields and is frozen, so a typo in a field name is an
error and nothing downstream can change content by accident. Fields that refer to
other content (a method, a stadsdeel, a role, ...) are plain slugs here; which
slugs are allowed is decided by the reference data in ``toolbox/reference/``
(see ``validate.py``), never by code. ``toolbox schema`` exports these models as
JSON Schema, with the allowed slugs filled in, for editors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, PlainSerializer, StringConstraints, Tag, create_model

from .layout import REFERENCE_LISTS

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, strip_whitespace=True)]
# One-line values (titles, labels, keywords) end up in <title>, menus and metadata:
# plain text only, so angle brackets are refused outright rather than escaped.
PLAIN_LINE_PATTERN = r"^[^<>]*$"
Line = Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True, pattern=PLAIN_LINE_PATTERN)]
# A public web address, shown as text (never fetched by the build, and not a link the tests would have to reach).
HttpsUrl = Annotated[str, StringConstraints(max_length=500, pattern=r"^https://[^\s\"'<>\\`]+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared parts -----------------------------------------------------------


class SourceRef(Strict):
    """Where a fact comes from: a document from reference/bronnen.yaml and its section."""

    doc: Slug = Field(description="Slug of a source in toolbox/reference/bronnen.yaml.")
    section: Line = Field(description="Section of the source, e.g. 'Bijlage — Zuid'.")


class Figure(Strict):
    """A key figure exactly as the source gives it (value + label), never computed."""

    value: Line = Field(description="The figure as written in the source, e.g. '250' or '3 euro per inwoner'.")
    label: Line = Field(description="What the figure counts, in plain Dutch.")
    source: SourceRef


class Period(Strict):
    """When something ran, in years, as far as the source says."""

    start: int | None = Field(default=None, ge=1900, le=2100, description="First year, if the source gives it.")
    end: int | None = Field(default=None, ge=1900, le=2100, description="Last year, if the source gives it.")
    ongoing: bool = Field(default=False, description="True when the source describes it as still running.")


class TimelineEvent(Strict):
    """One dated moment in a case, as the source tells it."""

    year: int = Field(ge=1900, le=2100, description="Year of the event.")
    month: int | None = Field(default=None, ge=1, le=12, description="Month (1-12), if the source gives it.")
    when: Line | None = Field(default=None, description="Extra time words from the source, e.g. 'voorjaar'.")
    event: Text = Field(description="What happened, in plain Dutch.")


class PublicValues(Strict):
    """Notes on the three public values the gebiedsteams weigh (reference/publieke-waarden.yaml)."""

    legitimiteit: Text | None = Field(default=None, description="How the case fares on legitimacy (support, who is heard).")
    betrokkenheid: Text | None = Field(default=None, description="How the case fares on involvement of residents.")
    rendement: Text | None = Field(default=None, description="How the case fares on return: what it yields for the money and effort.")


class Funding(Strict):
    """Who paid for a case, how much and on what condition, as far as the source says."""

    by: Line = Field(description="Who paid, e.g. 'gebiedsteam (gebiedsbudget)' or 'wijkwethoudersbudget'.")
    amount: Line | None = Field(
        default=None, description="The amount as the source gives it, e.g. '25% van het benodigde bedrag'. Needs a source."
    )
    condition: Text | None = Field(default=None, description="The condition attached to the money, in plain Dutch.")
    source: SourceRef | None = Field(default=None, description="Where the letter says so; required when an amount is given.")


class GeneralAdvice(Strict):
    """A text written as general advice by the makers of the site: it is not in the cited section."""

    algemeen: Text = Field(description="General advice by the makers of this site, not from the source.")


class Statement(str):
    """A text item. ``mark`` is None when it comes from the cited section, or 'algemeen' for general advice.

    A ``str`` subclass, so every consumer that reads texts (search, compare, open data) keeps working
    and only pages that show marks look at ``mark``.
    """

    mark: str | None

    def __new__(cls, text: str, mark: str | None = None):
        obj = super().__new__(cls, text)
        obj.mark = mark
        return obj


def _statement(value) -> Statement:
    if isinstance(value, GeneralAdvice):
        return Statement(value.algemeen, "algemeen")
    return Statement(value)


# In YAML a text item is plain text (from the cited section) or `algemeen: text` (general advice):
# the mark is a field, never a prefix in the text.
MarkedText = Annotated[
    Annotated[Text, Tag("tekst")] | Annotated[GeneralAdvice, Tag("algemeen")],
    Discriminator(lambda v: "algemeen" if isinstance(v, (dict, GeneralAdvice)) else "tekst"),
    AfterValidator(_statement),
    PlainSerializer(lambda v: dump_statement(v), return_type=str | dict[str, str]),
]


def dump_statement(value) -> str | dict[str, str]:
    """The open data form of a text item: the YAML form, so the mark survives the export.

    Plain text from the cited section stays a string; general advice becomes {"algemeen": text}.
    """
    if getattr(value, "mark", None) == "algemeen":
        return {"algemeen": str(value)}
    return str(value)


# Method fields whose values are editorial. "redactie": always an estimate by the editors (the letter
# gives no ladder step, effort, cost or audience), so a value needs its field name in `estimates`.
# "algemeen": texts that may be general advice; each such item is written as `algemeen: text`.
EDITORIAL = {"redactie": {"editorial": "redactie"}, "algemeen": {"editorial": "algemeen"}}


# --- content ------------------------------------------------------------------


class Case(Strict):
    """A praktijkvoorbeeld: cases/<slug>.yaml."""

    title: Line = Field(description="Name of the case, as people know it.")
    summary: Text = Field(description="Two or three short sentences in plain Dutch (B1).")
    stadsdeel: Slug = Field(description="Slug from toolbox/reference/stadsdelen.yaml.")
    methods: tuple[Slug, ...] = Field(description="Slugs of methods in toolbox/methods/ (may be empty).")
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    wijken: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/wijken.yaml.")
    period: Period | None = Field(default=None, description="When it ran, in years, as far as the source says.")
    initiator: Slug | None = Field(default=None, description="Slug from toolbox/reference/initiatiefnemers.yaml.")
    scales: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/schaalniveaus.yaml.")
    themes: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/themas.yaml.")
    roles: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/rollen.yaml.")
    story: tuple[Text, ...] = Field(default=(), description="What happened, one paragraph per item.")
    timeline: tuple[TimelineEvent, ...] = Field(default=(), description="Dated moments, in order.")
    figures: tuple[Figure, ...] = ()
    outcomes: tuple[Text, ...] = Field(default=(), description="What it achieved, one item per result.")
    public_values: PublicValues | None = None
    related: tuple[Slug, ...] = Field(default=(), description="Slugs of other cases.")
    keywords: tuple[Line, ...] = Field(default=(), description="Everyday words people search with.")
    reviewed: dt.date = Field(description="Date the content was last checked against the source.")
    # Participedia-like fields: optional, filled only where the letter says so.
    mentioned_only: bool = Field(default=False, description="True when the letter only names this case, without further details.")
    part_of: Slug | None = Field(
        default=None, description="Slug of the case this one is part of (its page lists this one among its parts)."
    )
    funding: tuple[Funding, ...] = Field(default=(), description="Who paid, how much and on what condition.")
    participants: tuple[Figure, ...] = Field(default=(), description="How many people took part, each figure with its source.")
    recruitment: tuple[Slug, ...] = Field(default=(), description="How participants were found: slugs from toolbox/reference/werving.yaml.")
    decision: tuple[Slug, ...] = Field(default=(), description="How decisions were made: slugs from toolbox/reference/besluitvorming.yaml.")
    evaluation: Slug | None = Field(
        default=None, description="State of evaluation at the time of the letter (2018): slug from toolbox/reference/evaluatie.yaml."
    )


class Method(Strict):
    """A participation method or instrument: toolbox/methods/<slug>.yaml."""

    title: Line = Field(description="Name of the method.")
    summary: Text = Field(description="Two or three short sentences in plain Dutch (B1).")
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    also_known_as: tuple[Line, ...] = Field(default=(), description="Other names for the same method.")
    general: bool = Field(
        default=False,
        description="True when the letter only names the method and the page gives a general description.",
    )
    description: tuple[MarkedText, ...] = Field(
        default=(), description="One paragraph per item; general advice as 'algemeen: text'.", json_schema_extra=EDITORIAL["algemeen"]
    )
    ladder: tuple[Slug, ...] = Field(
        min_length=1,
        description="Slugs from toolbox/reference/ladder.yaml (an estimate: list it in 'estimates').",
        json_schema_extra=EDITORIAL["redactie"],
    )
    goals: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/doelen.yaml.")
    initiators: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/initiatiefnemers.yaml.")
    scales: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/schaalniveaus.yaml.")
    roles: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/rollen.yaml.")
    effort: Slug | None = Field(
        default=None, description="Band from toolbox/reference/banden.yaml (inzet); an estimate.", json_schema_extra=EDITORIAL["redactie"]
    )
    cost: Slug | None = Field(
        default=None, description="Band from toolbox/reference/banden.yaml (kosten); an estimate.", json_schema_extra=EDITORIAL["redactie"]
    )
    duration: Slug | None = Field(
        default=None, description="Band from toolbox/reference/banden.yaml (duur); an estimate.", json_schema_extra=EDITORIAL["redactie"]
    )
    reaches: tuple[Slug, ...] = Field(
        default=(), description="Slugs from toolbox/reference/doelgroepen.yaml; an estimate.", json_schema_extra=EDITORIAL["redactie"]
    )
    misses: tuple[Slug, ...] = Field(
        default=(), description="Slugs from toolbox/reference/doelgroepen.yaml; an estimate.", json_schema_extra=EDITORIAL["redactie"]
    )
    estimates: tuple[Slug, ...] = Field(
        default=(),
        description="Names of the fields above whose values are estimates by the editors (ladder, effort, cost, duration, reaches, misses). The page marks each one.",
    )
    asks_residents: MarkedText | None = Field(
        default=None, description="What the method asks of residents.", json_schema_extra=EDITORIAL["algemeen"]
    )
    asks_municipality: MarkedText | None = Field(
        default=None, description="What the method asks of the municipality.", json_schema_extra=EDITORIAL["algemeen"]
    )
    when_to_use: tuple[MarkedText, ...] = Field(
        default=(), description="Situations the method suits, one per item.", json_schema_extra=EDITORIAL["algemeen"]
    )
    when_not: tuple[MarkedText, ...] = Field(
        default=(), description="Situations the method does not suit, one per item.", json_schema_extra=EDITORIAL["algemeen"]
    )
    steps: tuple[MarkedText, ...] = Field(default=(), description="Steps to take, in order.", json_schema_extra=EDITORIAL["algemeen"])
    pitfalls: tuple[MarkedText, ...] = Field(
        default=(), description="What can go wrong, one per item.", json_schema_extra=EDITORIAL["algemeen"]
    )
    related: tuple[Slug, ...] = Field(default=(), description="Slugs of other methods.")
    keywords: tuple[Line, ...] = Field(default=(), description="Everyday words people search with.")
    reviewed: dt.date = Field(description="Date the content was last checked against the source.")


def editorial_fields(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> mark kind for every field the schema marks as editorial."""
    return {
        name: info.json_schema_extra["editorial"]
        for name, info in model.model_fields.items()
        if isinstance(info.json_schema_extra, dict) and "editorial" in info.json_schema_extra
    }


class Lesson(Strict):
    """A lesson learned: toolbox/lessons/<slug>.yaml."""

    title: Line = Field(description="The lesson as one short sentence.")
    claim: Text = Field(description="The lesson explained in two or three sentences.")
    cases: tuple[Slug, ...] = Field(
        default=(), description="Slugs of the cases the lesson comes from (none for a lesson about the organisation)."
    )
    methods: tuple[Slug, ...] = Field(default=(), description="Slugs of the methods the lesson is about (may be empty).")
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    keywords: tuple[Line, ...] = Field(default=(), description="Everyday words people search with.")
    reviewed: dt.date = Field(description="Date the content was last checked against the source.")
    audience: Slug | None = Field(
        default=None, description="Who the lesson is for: a slug from toolbox/reference/lespubliek.yaml; empty means everyone."
    )


# --- reference data -------------------------------------------------------------


class RefItem(Strict):
    """One allowed value of a facet or reference: a slug, a Dutch name and an explanation."""

    slug: Slug = Field(description="Short fixed name used in content files and web addresses.")
    name: Line = Field(description="Name shown on the site, in Dutch.")
    description: MarkedText | None = Field(
        default=None, description="Explanation in plain Dutch; a general explanation not from the source as 'algemeen: text'."
    )
    sources: tuple[SourceRef, ...] = Field(default=(), description="Where the explanation comes from.")


class SourceDate(Strict):
    """When a source was published, as precisely as it says: its "now"."""

    year: int = Field(ge=1900, le=2100, description="Year of publication, e.g. 2018.")
    season: Line | None = Field(default=None, description="Part of the year, e.g. 'najaar'.")


class Source(RefItem):
    author: Line = Field(description="Who wrote the source.")
    note: Text | None = Field(default=None, description="Extra remarks about the source.")
    sections: tuple[Line, ...] = Field(min_length=1, description="The section names a SourceRef may cite.")
    short: Line | None = Field(default=None, description="Short name used in the 'Bron' line, e.g. 'brief van het college'.")
    published: SourceDate | None = Field(
        default=None,
        description="When the source was published. Its texts describe that moment: entries citing it may not say 'nu' or 'binnenkort'.",
    )
    covers: Period | None = Field(default=None, description="The years the source looks back on, e.g. 2014 to 2018.")
    url: HttpsUrl | None = Field(default=None, description="Public address of a source that is online (https).")
    consulted: dt.date | None = Field(default=None, description="Date the editors last read the source at that address.")


class Stadsdeel(RefItem):
    gebiedsteam: Line = Field(description="Name of the municipal area team for this stadsdeel.")


class Wijk(RefItem):
    stadsdeel: Slug | None = Field(default=None, description="Only when the source says where it lies.")


class LadderLevel(RefItem):
    rank: int = Field(ge=1, le=10, description="1 = least say for participants.")


class Band(RefItem):
    dimension: Annotated[str, StringConstraints(pattern=r"^(inzet|kosten|duur)$")] = Field(
        description="What the band measures: effort (inzet), cost (kosten) or duration (duur)."
    )
    rank: int = Field(ge=1, le=10, description="1 = least effort, cost or time.")


class Role(RefItem):
    when: Text | None = Field(default=None, description="When the municipality takes this role.")


class Question(RefItem):
    group: Line = Field(description="What the question weighs, e.g. 'legitimiteit'.")


class GrowthStage(RefItem):
    """A stage in how an initiative can grow (the letter's 'vliegwiel'), with cases that show it."""

    cases: tuple[Slug, ...] = Field(default=(), description="Slugs of cases that show this stage.")


class Term(RefItem):
    abbreviation: bool = Field(default=False, description="True when the name is an abbreviation.")


# Reference lists whose items have more than slug, name and description. Which lists exist is the
# content layout (layout.REFERENCE_LISTS); every other list's items are plain RefItems.
ITEM_MODELS: dict[str, type[RefItem]] = {
    "bronnen": Source,
    "stadsdelen": Stadsdeel,
    "wijken": Wijk,
    "rollen": Role,
    "vragen": Question,
    "ladder": LadderLevel,
    "banden": Band,
    "begrippen": Term,
    "groei": GrowthStage,
}

# Reference files and the model of each entry. The file stem is the reference kind.
REFERENCE_FILES: dict[str, type[RefItem]] = {kind: ITEM_MODELS.get(kind, RefItem) for kind in REFERENCE_LISTS}


def _reference_file_model(item: type[RefItem]) -> type[Strict]:
    """Every reference file has the same shape: a title, an intro and a list of ``items``."""
    return create_model(
        f"{item.__name__}File",
        __base__=Strict,
        title=(Line, ...),
        intro=(tuple[Text, ...], ()),
        items=(tuple[item, ...], Field(min_length=1)),
    )


REFERENCE_MODELS: dict[str, type[Strict]] = {kind: _reference_file_model(m) for kind, m in REFERENCE_FILES.items()}
