"""The rules of a decision guide (``toolbox/guides/*.yaml``) that need no walk over its answers.

The file itself is found, named, read and schema-checked like every other content file
(``validate.py``), and its sources are checked there too; this adds what only a guide has:
questions, options, conditions, sections and the slugs its rules name (through the same
check as every other reference, ``references.py``). Every problem is a ``path:line:col``
message in Dutch. The graph check (paths that end nowhere, advice that is never given)
needs the whole content and runs later, in ``check.py``.
"""

from __future__ import annotations

from .. import layout
from ..errors import ContentError, suggest
from ..layout import REFERENCES
from ..load import Document
from ..references import check_slugs
from .schema import Guide, Refs

MODES = ("first", "all", "rank")
MARKS = ("advies", "past", "let-op", "open", "voldaan", "info")

# Method field a Fit or Phase may use -> the collection its values come from: the layout's.
METHOD_FIELDS: dict[str, str] = {field: target for field, target in REFERENCES["methods"].items() if target != "methods"}


def check_guide(guide: Guide, doc: Document, allowed: dict[str, set[str]], broken: set[str]) -> list[ContentError]:
    """Everything about one guide that needs no walk over its answers (``check.py`` walks them later)."""
    errors: list[ContentError] = []
    questions = {}
    for qi, q in enumerate(guide.questions):
        loc = ("questions", qi)
        if q.slug in questions:
            errors.append(doc.error(loc + ("slug",), f"vraag '{q.slug}' staat twee keer in deze keuzehulp."))
        if q.ask_if is not None:
            if not q.ask_if:
                errors.append(
                    doc.error(
                        loc + ("ask_if",),
                        "'ask_if' is leeg; noem een eerdere vraag en de antwoorden waarbij deze vraag gesteld wordt, of haal het veld weg.",
                    )
                )
            errors.extend(_check_condition(q.ask_if, questions, doc, loc + ("ask_if",), earlier_only=True, all_questions=guide.questions))
        options = set()
        for oi, o in enumerate(q.options):
            if o.slug in options:
                errors.append(doc.error(loc + ("options", oi, "slug"), f"antwoord '{o.slug}' staat twee keer bij vraag '{q.slug}'."))
            options.add(o.slug)
            for fi, fit in enumerate(o.fit):
                errors.extend(_check_field_values(fit.field, fit.values, doc, loc + ("options", oi, "fit", fi), allowed, broken))
                if fit.points == 0:
                    errors.append(
                        doc.error(
                            loc + ("options", oi, "fit", fi, "points"),
                            "'points' mag niet 0 zijn: positief is een reden waarom een methode past, negatief iets om op te letten.",
                        )
                    )
        errors.extend(_check_refs(q.refs, doc, loc + ("refs",), allowed, broken))
        questions[q.slug] = q

    has_rank = any(s.mode == "rank" for s in guide.sections)
    if not has_rank:
        for qi, q in enumerate(guide.questions):
            for oi, o in enumerate(q.options):
                if o.fit:
                    errors.append(
                        doc.error(
                            ("questions", qi, "options", oi, "fit"),
                            "'fit' werkt alleen in een keuzehulp met een onderdeel met 'mode: rank'; haal het weg.",
                        )
                    )

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
                errors.append(
                    doc.error(rloc + ("slug",), f"regel '{rule.slug}' staat twee keer in deze keuzehulp; elke regel heeft een eigen naam.")
                )
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
    return errors


def _check_condition(
    cond, questions: dict, doc: Document, loc: tuple, *, earlier_only: bool = False, all_questions=()
) -> list[ContentError]:
    """Every question and option named in a condition must exist (ask_if: an earlier question)."""
    errors = []
    later = {q.slug for q in all_questions} - set(questions)
    for qslug, options in cond.items():
        if qslug not in questions:
            if earlier_only and qslug in later:
                errors.append(
                    doc.error(loc + (qslug,), f"vraag '{qslug}' komt pas later; 'ask_if' kan alleen naar eerdere vragen kijken.", key=True)
                )
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
    for field, target in layout.GUIDE_REFERENCES.items():
        errors.extend(check_slugs(doc, loc, field, getattr(refs, field), target, allowed, broken))
    return errors


def _check_field_values(field: str, values, doc: Document, loc: tuple, allowed, broken, key: str = "values") -> list[ContentError]:
    if field not in METHOD_FIELDS:
        return [doc.error(loc + ("field",), f"onbekend methodeveld '{field}'.{suggest(field, METHOD_FIELDS)}")]
    kind = METHOD_FIELDS[field]
    if kind not in allowed:
        return []
    where = layout.where(kind)
    return [
        doc.error(loc + (key, i), f"veld '{field}' kent de waarde '{v}' niet (zie {where}).{suggest(v, allowed[kind])}")
        for i, v in enumerate(values)
        if v not in allowed[kind]
    ]
