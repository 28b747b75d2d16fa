"""The guide schema: what a ``toolbox/guides/<slug>.yaml`` file may contain.

Like all content models these forbid unknown fields and are frozen. Fields that
name other content (methods, cases, lessons, criteria, ...) are plain slugs here;
``load.py`` checks them against the content and reference data, and checks the
names of questions and options used in conditions. Closed vocabularies (section
modes, marks, method fields) are checked there too, so the editor gets a Dutch
message with the closest allowed value instead of pydantic's English one.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..schema import Line, Slug, SourceRef, Strict, Text

# A condition: question slug -> the option slugs that satisfy it. All listed
# questions must match (AND); within one question any listed option matches (OR).
Condition = dict[Slug, tuple[Slug, ...]]


class Refs(Strict):
    """Content from the letter that a rule or question points to, by slug."""

    methods: tuple[Slug, ...] = Field(default=(), description="Slugs of methods in toolbox/methods/.")
    cases: tuple[Slug, ...] = Field(default=(), description="Slugs of cases in cases/.")
    lessons: tuple[Slug, ...] = Field(default=(), description="Slugs of lessons in toolbox/lessons/.")
    criteria: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/criteria.yaml.")
    vragen: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/vragen.yaml.")
    roles: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/rollen.yaml.")
    stadsdelen: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/stadsdelen.yaml.")
    values: tuple[Slug, ...] = Field(default=(), description="Slugs from toolbox/reference/publieke-waarden.yaml.")
    guides: tuple[Slug, ...] = Field(default=(), description="Slugs of other guides in toolbox/guides/ (a link to their start page).")


class Fit(Strict):
    """How one answer scores a method in a 'rank' section, from the method's own fields."""

    field: Slug = Field(description="A method field: goals, initiators, scales, ladder, reaches, misses, roles, effort, cost or duration.")
    values: tuple[Slug, ...] = Field(min_length=1, description="Slugs of that field that match this answer.")
    points: int = Field(ge=-5, le=5, description="Positive: a reason why the method fits. Negative: something to watch.")


class Option(Strict):
    slug: Slug = Field(description="Becomes part of the URL of the next page.")
    label: Line
    help: Text | None = Field(default=None, description="One or two short sentences that explain the option.")
    fit: tuple[Fit, ...] = ()


class Question(Strict):
    slug: Slug
    text: Line = Field(description="The question as asked on the page.")
    short: Line = Field(description="A short name for the answer overview, e.g. 'Omvang'.")
    help: Text | None = None
    ask_if: Condition | None = Field(default=None, description="Only ask when earlier answers match this condition.")
    refs: Refs = Field(default_factory=Refs, description="Letter content shown with the question.")
    options: tuple[Option, ...] = Field(min_length=2)


class Rule(Refs):
    """One piece of advice, given when the answers match ``when`` (and not ``unless``)."""

    slug: Slug
    when: Condition = Field(default_factory=dict, description="Empty: always.")
    unless: Condition = Field(default_factory=dict)
    mark: Slug = Field(default="info", description="advies, past, let-op, open, voldaan or info.")
    title: Line
    text: Text | None = None
    general: bool = Field(default=False, description="True when the text is general advice, not from the letter.")
    checklist: bool = Field(default=False, description="Show the named criteria and questions as a checklist to tick off.")
    wijken: bool = Field(
        default=False,
        description="Show, for each named stadsdeel, the wijken that toolbox/reference/wijken.yaml places in it, and the wijken it does not place.",
    )


class Phase(Strict):
    title: Line
    field: Slug = Field(description="The method field that decides which methods fit this phase.")
    values: tuple[Slug, ...] = Field(min_length=1)
    ladder: tuple[Slug, ...] = Field(
        default=(),
        description="Optional: only methods at one of these participation steps, so a phase that asks opinions never gets a method of a later phase.",
    )
    text: Text | None = None


class Combination(Refs):
    """A proposal of one method per phase, e.g. ideas -> prioritise -> decide.

    Its ``cases`` and ``lessons`` are the evidence from the letter for the order of the phases.
    """

    slug: Slug
    when: Condition = Field(default_factory=dict)
    title: Line
    text: Text | None = None
    phases: tuple[Phase, ...] = Field(min_length=2)


class Exclusion(Refs):
    """rank: methods never listed (nor proposed in a phase) when the answers match ``when``.

    E.g. a plan-maker is never advised residents' own funding tools or counter-power.
    """

    when: Condition = Field(description="The answers for which these methods are left out.")


class Section(Strict):
    slug: Slug
    title: Line
    intro: Text | None = None
    mode: Slug = Field(description="first: the first matching rule; all: every matching rule; rank: a ranked list of methods.")
    required: bool = Field(default=False, description="True: every answer path must give advice here (else: a dead end).")
    rules: tuple[Rule, ...] = ()
    limit: int = Field(default=5, ge=1, le=12, description="rank: how many methods the shortlist shows.")
    require: tuple[Slug, ...] = Field(default=(), description="rank: questions a method must match to be listed.")
    combinations: tuple[Combination, ...] = ()
    exclude: tuple[Exclusion, ...] = Field(default=(), description="rank: methods left out for some answers (slug list in 'methods').")


class Guide(Strict):
    """A decision guide: toolbox/guides/<slug>.yaml."""

    title: Line
    tagline: Line = Field(description="The promise of the guide in a few words.")
    audience: Line = Field(description="For whom, e.g. 'Voor bewoners met een idee'.")
    summary: Text = Field(description="Two short sentences for the overview page.")
    order: int = Field(ge=1, le=99, description="Place on the overview page.")
    intro: tuple[Text, ...] = ()
    general: Text | None = Field(default=None, description="Shown on every page when the advice is (partly) general.")
    result_title: Line = Field(description="Heading of a result page, e.g. 'Jouw route'.")
    print_fields: tuple[Line, ...] = Field(default=(), description="Blank lines to fill in by hand on the printed result.")
    questions: tuple[Question, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = Field(min_length=1)
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    reviewed: dt.date
