"""Broken guide files give precise ``path:line:col`` errors in Dutch and exit 1.

Each test breaks one small guide in the minimal content tree on purpose: a schema
mistake, a reference to content that does not exist, a condition naming an unknown
question or answer, and the graph check's findings (dead end, advice never given,
question never asked, too many pages).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.cli import main

GUIDE = "toolbox/guides/testhulp.yaml"

VALID = """
    title: Testhulp
    tagline: Een korte test
    audience: Voor tests
    summary: Twee vragen en een advies.
    order: 1
    result_title: Uitslag
    questions:
      - slug: omvang
        text: Hoe groot is het?
        short: Omvang
        options:
          - {slug: klein, label: Klein}
          - {slug: groot, label: Groot}
      - slug: extra
        text: Doen er veel mensen mee?
        short: Mensen
        ask_if: {omvang: [groot]}
        options:
          - {slug: ja, label: Ja}
          - {slug: nee, label: Nee}
    sections:
      - slug: advies
        title: Advies
        mode: first
        required: true
        rules:
          - slug: klein-advies
            when: {omvang: [klein]}
            title: Houd het klein
            methods: [wijkstemdag]
          - slug: groot-advies
            when: {omvang: [groot]}
            title: Pak het groot aan
            roles: [faciliteren]
      - slug: let-op
        title: Let op
        mode: all
        rules:
          - slug: veel-mensen
            when: {extra: [ja]}
            mark: let-op
            title: Veel mensen
            cases: [de-stroming]
    sources: [{doc: bron, section: Deel A}]
    reviewed: 2026-11-27
"""


def write_guide(repo: Path, text: str) -> str:
    text = textwrap.dedent(text).lstrip("\n")
    path = repo / GUIDE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def where(text: str, needle: str, occurrence: int = 1) -> str:
    """'line:col' (1-based) of the n-th occurrence of needle in text."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{col}"


def check(repo: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(repo), "check"])
    err = capsys.readouterr().err
    return code, [l for l in err.splitlines() if l and not l.endswith("veranderd.")]


def broken(repo: Path, capsys, old: str, new: str) -> tuple[str, list[str]]:
    source = textwrap.dedent(VALID)
    assert old in source, old
    text = write_guide(repo, source.replace(old, new, 1))
    code, lines = check(repo, capsys)
    assert code == 1
    return text, lines


def test_unknown_method_names_the_closest(repo, capsys):
    text, lines = broken(repo, capsys, "methods: [wijkstemdag]", "methods: [wijkstemdg]")
    assert lines == [
        f"{GUIDE}:{where(text, 'wijkstemdg')}: veld 'methods': onbekende methode 'wijkstemdg' (zie toolbox/methods/). Bedoel je 'wijkstemdag'? Toegestaan: wijkstemdag."
    ]


def test_unknown_role_case_and_criterion(repo, capsys):
    text, lines = broken(
        repo, capsys, "roles: [faciliteren]", "roles: [facilteren]\n        criteria: [draagvlak]\n        stadsdelen: [noord]"
    )
    assert lines == [  # sorted by position, like every error list
        f"{GUIDE}:{where(text, 'facilteren')}: veld 'roles': onbekende rol 'facilteren' (zie toolbox/reference/rollen.yaml). Bedoel je 'faciliteren'? Toegestaan: faciliteren.",
        f"{GUIDE}:{where(text, 'draagvlak')}: veld 'criteria': onbekend criterium 'draagvlak' (zie toolbox/reference/criteria.yaml). Toegestaan: een.",
        f"{GUIDE}:{where(text, 'noord')}: veld 'stadsdelen': onbekend stadsdeel 'noord' (zie toolbox/reference/stadsdelen.yaml). Toegestaan: stedelijk, west, zuid.",
    ]


def test_unknown_answer_in_condition(repo, capsys):
    text, lines = broken(repo, capsys, "when: {omvang: [klein]}", "when: {omvang: [kleine]}")
    assert lines == [
        f"{GUIDE}:{where(text, 'kleine')}: vraag 'omvang' heeft geen antwoord 'kleine'. Bedoel je 'klein'? Toegestaan: groot, klein."
    ]


def test_unknown_question_in_condition(repo, capsys):
    text, lines = broken(repo, capsys, "when: {extra: [ja]}", "when: {extr: [ja]}")
    assert lines == [f"{GUIDE}:{where(text, 'extr:')}: onbekende vraag 'extr'. Bedoel je 'extra'? Toegestaan: extra, omvang."]


def test_ask_if_on_a_later_question(repo, capsys):
    text, lines = broken(repo, capsys, "ask_if: {omvang: [groot]}", "ask_if: {extra: [ja]}")
    assert (
        lines[0] == f"{GUIDE}:{where(text, 'extra: [ja]}')}: vraag 'extra' komt pas later; 'ask_if' kan alleen naar eerdere vragen kijken."
    )


def test_schema_error_in_dutch(repo, capsys):
    text, lines = broken(repo, capsys, "result_title: Uitslag", "result_titel: Uitslag")
    assert lines == [
        f"{GUIDE}:1:1: verplicht veld 'result_title' ontbreekt.",
        f"{GUIDE}:{where(text, 'result_titel')}: onbekend veld 'result_titel'. Bedoel je 'result_title'? Toegestaan: audience, general, intro, order, print_fields, questions, result_title, reviewed, sections, sources, summary, tagline (en 1 meer).",
    ]


def test_unknown_mode_and_mark(repo, capsys):
    text, lines = broken(repo, capsys, "mode: all", "mode: alle")
    assert lines == [f"{GUIDE}:{where(text, 'alle')}: onbekende 'mode' 'alle'. Bedoel je 'all'? Toegestaan: all, first, rank."]


def test_dead_end(repo, capsys):
    """Remove the advice for big initiatives: those answer paths end nowhere."""
    source = textwrap.dedent(VALID)
    start = source.index("      - slug: groot-advies")
    end = source.index("  - slug: let-op")
    text = write_guide(repo, source[:start] + source[end:])
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        f"{GUIDE}:{where(text, 'slug: advies')}: doodlopend pad: bij de antwoorden 'omvang: groot, extra: ja' (en nog 1 andere combinatie) dit onderdeel geeft geen advies. Voeg een regel toe die hier past, of maak de voorwaarden ruimer."
    ]


def test_advice_never_given(repo, capsys):
    """'extra' is only asked for big initiatives, so 'klein and ja' never happens."""
    text, lines = broken(repo, capsys, "when: {extra: [ja]}", "when: {omvang: [klein], extra: [ja]}")
    assert lines == [
        f"{GUIDE}:{where(text, 'veel-mensen')}: regel 'veel-mensen' geeft nooit advies: geen enkele combinatie van antwoorden past bij 'when'."
    ]


def test_advice_shadowed_by_an_earlier_rule(repo, capsys):
    text, lines = broken(repo, capsys, "when: {omvang: [klein]}", "when: {}")
    assert lines == [
        f"{GUIDE}:{where(text, 'groot-advies')}: regel 'groot-advies' geeft nooit advies: een eerdere regel in dit onderdeel ('mode: first') geeft altijd eerst advies."
    ]


def test_question_never_asked(repo, capsys):
    extra = """  - slug: nooit
    text: Wordt dit gevraagd?
    short: Nooit
    ask_if: {omvang: [klein], extra: [nee]}
    options:
      - {slug: ja, label: Ja}
      - {slug: nee, label: Nee}
sections:"""
    text, lines = broken(repo, capsys, "\nsections:", "\n" + extra)
    assert lines == [
        f"{GUIDE}:{where(text, 'ask_if', 2)}: vraag 'nooit' wordt nooit gesteld: geen enkele combinatie van eerdere antwoorden past bij 'ask_if'."
    ]


def test_too_many_pages(repo, capsys):
    many = "".join(
        f"""  - slug: v{i}
    text: Vraag {i}?
    short: V{i}
    options:
      - {{slug: a, label: A}}
      - {{slug: b, label: B}}
      - {{slug: c, label: C}}
"""
        for i in range(7)
    )
    text, lines = broken(repo, capsys, "\nsections:", "\n" + many + "sections:")
    assert lines == [
        f"{GUIDE}:{where(text, 'questions:')}: deze keuzehulp heeft meer dan 700 pagina's (één per combinatie van antwoorden); gebruik minder antwoorden per vraag, of stel een vraag alleen als hij ertoe doet ('ask_if')."
    ]


def test_fit_needs_a_rank_section_and_known_values(repo, capsys):
    text, lines = broken(
        repo, capsys, "- {slug: klein, label: Klein}", "- {slug: klein, label: Klein, fit: [{field: goalz, values: [x], points: 1}]}"
    )
    assert lines == [
        f"{GUIDE}:{where(text, '[{field')}: 'fit' werkt alleen in een keuzehulp met een onderdeel met 'mode: rank'; haal het weg.",
        f"{GUIDE}:{where(text, 'goalz')}: onbekend methodeveld 'goalz'. Bedoel je 'goals'? Toegestaan: cost, duration, effort, goals, initiators, ladder, misses, reaches, roles, scales.",
    ]


def test_broken_guide_builds_nothing(repo, capsys, tmp_path):
    """`toolbox build` refuses a guide with a dead end: exit 1, no site."""
    source = textwrap.dedent(VALID)
    write_guide(repo, source.replace("when: {omvang: [groot]}", "when: {omvang: [klein]}", 1))
    site = tmp_path / "site"
    code = main(["--root", str(repo), "build", "--site-dir", str(site)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{GUIDE}:" in err and "geeft nooit advies" in err
    assert not site.exists()
    assert "Traceback" not in err


def test_rule_slugs_are_unique(repo, capsys):
    text, lines = broken(repo, capsys, "slug: veel-mensen", "slug: klein-advies")
    assert lines == [
        f"{GUIDE}:{where(text, 'klein-advies', 2)}: regel 'klein-advies' staat twee keer in deze keuzehulp; elke regel heeft een eigen naam."
    ]


@pytest.mark.parametrize("name", ["Rolkeuze.yaml", "index.yaml", "test.yml"])
def test_bad_file_names(repo, capsys, name):
    write_guide(repo, VALID)
    (repo / GUIDE).rename(repo / "toolbox/guides" / name)
    code, lines = check(repo, capsys)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"toolbox/guides/{name}:1:1: ")


def test_exclude_needs_a_rank_section_and_known_methods(repo, capsys):
    """'exclude' (methods left out for some answers) is checked like any other reference."""
    text, lines = broken(
        repo,
        capsys,
        "    mode: first\n",
        "    mode: first\n    exclude: [{when: {omvang: [klien]}, methods: [wijkstemdg]}]\n",
    )
    assert lines == [
        f"{GUIDE}:{where(text, 'first')}: 'require', 'combinations' en 'exclude' werken alleen met 'mode: rank'.",
        f"{GUIDE}:{where(text, 'klien')}: vraag 'omvang' heeft geen antwoord 'klien'. Bedoel je 'klein'? Toegestaan: groot, klein.",
        f"{GUIDE}:{where(text, 'wijkstemdg')}: veld 'methods': onbekende methode 'wijkstemdg' (zie toolbox/methods/). Bedoel je 'wijkstemdag'? Toegestaan: wijkstemdag.",
    ]
