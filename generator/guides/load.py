"""Load and validate ``toolbox/guides/*.yaml``: schema, references and conditions.

Every problem becomes a ``path:line:col`` message in Dutch, with the closest
allowed value, exactly like the other content. The graph check (paths that end
nowhere, advice that is never given) needs the whole content and runs later, in
``check.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import ContentError, suggest
from ..load import Document, load_document
from ..messages import translate
from ..layout import reserved_for
from ..schema import SLUG_PATTERN
from .schema import Guide, Refs

GUIDES_DIR = "toolbox/guides"

MODES = ("first", "all", "rank")
MARKS = ("advies", "past", "let-op", "open", "voldaan", "info")

# Refs field -> (collection in `allowed`, Dutch words for "unknown ...", where it is defined).
REF_FIELDS: dict[str, tuple[str, str, str]] = {
    "methods": ("methods", "onbekende methode", "toolbox/methods/"),
    "cases": ("cases", "onbekend voorbeeld", "cases/"),
    "lessons": ("lessons", "onbekende les", "toolbox/lessons/"),
    "criteria": ("criteria", "onbekend criterium", "toolbox/reference/criteria.yaml"),
    "vragen": ("vragen", "onbekende vraag", "toolbox/reference/vragen.yaml"),
    "roles": ("rollen", "onbekende rol", "toolbox/reference/rollen.yaml"),
    "stadsdelen": ("stadsdelen", "onbekend stadsdeel", "toolbox/reference/stadsdelen.yaml"),
    "values": ("publieke-waarden", "onbekende publieke waarde", "toolbox/reference/publieke-waarden.yaml"),
    "guides": ("guides", "onbekende keuzehulp", "toolbox/guides/"),
}

# Method field a Fit or Phase may use -> the collection its values come from.
METHOD_FIELDS: dict[str, str] = {
    "goals": "doelen",
    "initiators": "initiatiefnemers",
    "scales": "schaalniveaus",
    "ladder": "ladder",
    "reaches": "doelgroepen",
    "misses": "doelgroepen",
    "roles": "rollen",
    "effort": "banden:inzet",
    "cost": "banden:kosten",
    "duration": "banden:duur",
}

# Folders of the site that a guide slug must not shadow.
RESERVED = reserved_for("guides")

_slug_re = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class GuideEntry:
    """A validated guide with the document it came from (for positions in later checks)."""

    slug: str
    model: Guide
    doc: Document


def load_guides(root: Path, allowed: dict[str, set[str]], reference: dict, broken: set[str], errors: list[ContentError]) -> dict[str, GuideEntry]:
    """Validate every guide file; append problems to ``errors``. The folder is optional."""
    base = root / GUIDES_DIR
    if not base.is_dir():
        return {}
    guides: dict[str, GuideEntry] = {}
    # A rule may link another guide: any guide file in this folder.
    allowed = dict(allowed, guides={p.stem for p in base.glob("*.yaml")})
    for path in sorted(base.iterdir()):
        if path.name.startswith(".") or path.is_dir() or path.suffix.lower() in (".md", ".txt"):
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix != ".yaml":
            hint = "gebruik de extensie '.yaml' in plaats van '.yml'." if path.suffix == ".yml" else "alleen .yaml-bestanden horen in deze map."
            errors.append(ContentError(rel, 1, 1, hint))
            continue
        if not _slug_re.match(path.stem) or path.stem in RESERVED:
            errors.append(ContentError(rel, 1, 1, f"bestandsnaam '{path.name}' is geen geldige naam voor een keuzehulp; gebruik kleine letters a-z, cijfers en streepjes, zoals 'rolkeuze.yaml'."))
            continue
        if not path.resolve().is_relative_to(root.resolve()):
            errors.append(ContentError(rel, 1, 1, "dit bestand is een link naar een bestand buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat)."))
            continue
        doc, load_errors = load_document(path, root)
        errors.extend(load_errors)
        if doc is None or load_errors:
            continue
        try:
            guide = Guide.model_validate(doc.data)
        except ValidationError as exc:
            errors.extend(translate(exc, doc, Guide))
            continue
        found = _check_guide(guide, doc, allowed, reference, broken)
        errors.extend(found)
        if not found:
            guides[path.stem] = GuideEntry(path.stem, guide, doc)
    return guides


def _check_guide(guide: Guide, doc: Document, allowed, reference, broken) -> list[ContentError]:
    errors: list[ContentError] = []
    questions = {}
    for qi, q in enumerate(guide.questions):
        loc = ("questions", qi)
        if q.slug in questions:
            errors.append(doc.error(loc + ("slug",), f"vraag '{q.slug}' staat twee keer in deze keuzehulp."))
        if q.ask_if is not None:
            if not q.ask_if:
                errors.append(doc.error(loc + ("ask_if",), "'ask_if' is leeg; noem een eerdere vraag en de antwoorden waarbij deze vraag gesteld wordt, of haal het veld weg."))
            errors.extend(_check_condition(q.ask_if, questions, doc, loc + ("ask_if",), earlier_only=True, all_questions=guide.questions))
        options = set()
        for oi, o in enumerate(q.options):
            if o.slug in options:
                errors.append(doc.error(loc + ("options", oi, "slug"), f"antwoord '{o.slug}' staat twee keer bij vraag '{q.slug}'."))
            options.add(o.slug)
            for fi, fit in enumerate(o.fit):
                errors.extend(_check_field_values(fit.field, fit.values, doc, loc + ("options", oi, "fit", fi), allowed, broken))
                if fit.points == 0:
                    errors.append(doc.error(loc + ("options", oi, "fit", fi, "points"), "'points' mag niet 0 zijn: positief is een reden waarom een methode past, negatief iets om op te letten."))
        errors.extend(_check_refs(q.refs, doc, loc + ("refs",), allowed, broken))
        questions[q.slug] = q

    has_rank = any(s.mode == "rank" for s in guide.sections)
    if not has_rank:
        for qi, q in enumerate(guide.questions):
            for oi, o in enumerate(q.options):
                if o.fit:
                    errors.append(doc.error(("questions", qi, "options", oi, "fit"), "'fit' werkt alleen in een keuzehulp met een onderdeel met 'mode: rank'; haal het weg."))

    rule_slugs: set[str] = set()
    for si, section in enumerate(guide.sections):
        loc = ("sections", si)
        if section.mode not in MODES:
            errors.append(doc.error(loc + ("mode",), f"onbekende 'mode' '{section.mode}'.{suggest(section.mode, MODES)}"))
        if section.mode == "rank" and section.rules:
            errors.append(doc.error(loc + ("rules",), "een onderdeel met 'mode: rank' rangschikt methoden en heeft geen 'rules'."))
        if section.mode != "rank" and (section.require or section.combinations or section.exclude):
            errors.append(doc.error(loc + ("mode",), "'require', 'combinations' en 'exclude' werken alleen met 'mode: rank'."))
        if section.mode in ("first", "all") and not section.rules:
            errors.append(doc.error(loc, "dit onderdeel heeft geen 'rules'; voeg minstens één regel toe.", key=True))
        for ri, qslug in enumerate(section.require):
            if qslug not in questions:
                errors.append(doc.error(loc + ("require", ri), f"onbekende vraag '{qslug}'.{suggest(qslug, list(questions))}"))
        for ri, rule in enumerate(section.rules):
            rloc = loc + ("rules", ri)
            if rule.slug in rule_slugs:
                errors.append(doc.error(rloc + ("slug",), f"regel '{rule.slug}' staat twee keer in deze keuzehulp; elke regel heeft een eigen naam."))
            rule_slugs.add(rule.slug)
            if rule.mark not in MARKS:
                errors.append(doc.error(rloc + ("mark",), f"onbekende 'mark' '{rule.mark}'.{suggest(rule.mark, MARKS)}"))
            errors.extend(_check_condition(rule.when, questions, doc, rloc + ("when",)))
            errors.extend(_check_condition(rule.unless, questions, doc, rloc + ("unless",)))
            errors.extend(_check_refs(rule, doc, rloc, allowed, broken))
        for ci, combo in enumerate(section.combinations):
            cloc = loc + ("combinations", ci)
            errors.extend(_check_condition(combo.when, questions, doc, cloc + ("when",)))
            errors.extend(_check_refs(combo, doc, cloc, allowed, broken))
            for pi, phase in enumerate(combo.phases):
                errors.extend(_check_field_values(phase.field, phase.values, doc, cloc + ("phases", pi), allowed, broken))
                if phase.ladder:
                    errors.extend(_check_field_values("ladder", phase.ladder, doc, cloc + ("phases", pi), allowed, broken, key="ladder"))
        for ei, exclusion in enumerate(section.exclude):
            eloc = loc + ("exclude", ei)
            errors.extend(_check_condition(exclusion.when, questions, doc, eloc + ("when",)))
            errors.extend(_check_refs(exclusion, doc, eloc, allowed, broken))
            if not exclusion.methods:
                errors.append(doc.error(eloc, "noem in 'methods' minstens één methode die wegvalt.", key=True))
    errors.extend(_check_sources(guide, doc, reference))
    return errors


def _check_condition(cond, questions: dict, doc: Document, loc: tuple, *, earlier_only: bool = False, all_questions=()) -> list[ContentError]:
    """Every question and option named in a condition must exist (ask_if: an earlier question)."""
    errors = []
    later = {q.slug for q in all_questions} - set(questions)
    for qslug, options in cond.items():
        if qslug not in questions:
            if earlier_only and qslug in later:
                errors.append(doc.error(loc + (qslug,), f"vraag '{qslug}' komt pas later; 'ask_if' kan alleen naar eerdere vragen kijken.", key=True))
            else:
                errors.append(doc.error(loc + (qslug,), f"onbekende vraag '{qslug}'.{suggest(qslug, list(questions))}", key=True))
            continue
        known = [o.slug for o in questions[qslug].options]
        if not options:
            errors.append(doc.error(loc + (qslug,), f"noem minstens één antwoord van vraag '{qslug}'."))
        for i, oslug in enumerate(options):
            if oslug not in known:
                errors.append(doc.error(loc + (qslug, i), f"vraag '{qslug}' heeft geen antwoord '{oslug}'.{suggest(oslug, known)}"))
    return errors


def _check_refs(refs: Refs, doc: Document, loc: tuple, allowed, broken) -> list[ContentError]:
    errors = []
    for field, (kind, word, where) in REF_FIELDS.items():
        values = getattr(refs, field)
        if kind not in allowed:
            continue  # the reference file itself is missing or broken: reported there
        seen = set()
        for i, slug in enumerate(values):
            if slug in seen:
                errors.append(doc.error(loc + (field, i), f"veld '{field}' noemt '{slug}' twee keer."))
            seen.add(slug)
            if slug not in allowed[kind] and f"{kind}:{slug}" not in broken:
                errors.append(doc.error(loc + (field, i), f"veld '{field}': {word} '{slug}' (zie {where}).{suggest(slug, allowed[kind])}"))
    return errors


def _check_field_values(field: str, values, doc: Document, loc: tuple, allowed, broken, key: str = "values") -> list[ContentError]:
    if field not in METHOD_FIELDS:
        return [doc.error(loc + ("field",), f"onbekend methodeveld '{field}'.{suggest(field, METHOD_FIELDS)}")]
    kind = METHOD_FIELDS[field]
    if kind not in allowed:
        return []
    where = f"toolbox/reference/{kind.split(':')[0]}.yaml"
    return [
        doc.error(loc + (key, i), f"veld '{field}' kent de waarde '{v}' niet (zie {where}).{suggest(v, allowed[kind])}")
        for i, v in enumerate(values)
        if v not in allowed[kind]
    ]


def _check_sources(guide: Guide, doc: Document, reference) -> list[ContentError]:
    sources = reference.get("bronnen")
    if sources is None:
        return []
    errors = []
    for i, ref in enumerate(guide.sources):
        source = sources.items.get(ref.doc)
        if source is None:
            errors.append(doc.error(("sources", i, "doc"), f"onbekende bron '{ref.doc}' (zie toolbox/reference/bronnen.yaml).{suggest(ref.doc, sources.items)}"))
        elif ref.section not in source.sections:
            errors.append(doc.error(("sources", i, "section"), f"bron '{ref.doc}' heeft geen onderdeel '{ref.section}'.{suggest(ref.section, source.sections, limit=30)}"))
    return errors
