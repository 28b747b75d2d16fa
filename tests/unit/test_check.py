"""`toolbox check`: one small bad file per error class, asserting file, line, column and message."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from tests.support.minimal import TESTS


def check(repo: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(repo), "check"])
    err = capsys.readouterr().err
    lines = [l for l in err.splitlines() if l and not l.endswith("veranderd.")]
    return code, lines


def write(repo: Path, rel: str, text: str | bytes) -> None:
    path = repo / rel
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


CASE = "cases/de-stroming.yaml"


def case_text(repo: Path) -> str:
    return (repo / CASE).read_text(encoding="utf-8")


def test_duplicate_key(repo, capsys):
    write(repo, CASE, case_text(repo) + "title: Nog een titel\n")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == ["cases/de-stroming.yaml:10:1: veld 'title' staat er twee keer (eerder op regel 1); haal er één weg."]


def test_syntax_error(repo, capsys):
    write(repo, CASE, "title: De Stroming\nsummary: [niet gesloten\nstadsdeel: zuid\n")
    code, lines = check(repo, capsys)
    assert code == 1 and len(lines) == 1
    # at the bracket left open (the real mistake), not where the parser noticed it (line 3)
    assert lines == [
        "cases/de-stroming.yaml:2:10: YAML-syntaxfout: de lijst die hier met [ begint, wordt niet goed gesloten; zet komma's tussen de waarden en sluit af met ] (de fout viel op op regel 3)."
    ]


def test_tab_indentation(repo, capsys):
    write(repo, CASE, case_text(repo).replace("story:\n  - ", "story:\n\t- "))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == ["cases/de-stroming.yaml:7:1: tab gebruikt om in te springen; gebruik spaties (twee per niveau)."]


def test_unknown_field_suggests_closest(repo, capsys):
    write(repo, CASE, case_text(repo).replace("summary:", "sumary:"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert any(l.startswith("cases/de-stroming.yaml:2:1: onbekend veld 'sumary'. Bedoel je 'summary'?") for l in lines)
    assert "cases/de-stroming.yaml:1:1: verplicht veld 'summary' ontbreekt." in lines


def test_wrong_type(repo, capsys):
    write(repo, CASE, case_text(repo).replace("methods: [wijkstemdag]", "methods: wijkstemdag"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "cases/de-stroming.yaml:5:10: veld 'methods' moet een lijst (regels die met '- ' beginnen) zijn, maar is 'wijkstemdag'."
    ]


def test_missing_required_field(repo, capsys):
    write(repo, CASE, case_text(repo).replace("stadsdeel: zuid\n", ""))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == ["cases/de-stroming.yaml:1:1: verplicht veld 'stadsdeel' ontbreekt."]


def test_invalid_slug_file_name(repo, capsys):
    (repo / CASE).rename(repo / "cases/De Stroming.yaml")
    code, lines = check(repo, capsys)
    assert code == 1
    assert "cases/De Stroming.yaml:1:1: bestandsnaam 'De Stroming.yaml' is geen geldige slug" in lines[0]


def test_dangling_reference_suggests_closest(repo, capsys):
    write(repo, CASE, case_text(repo).replace("methods: [wijkstemdag]", "methods: [wijkstemdg]"))
    code, lines = check(repo, capsys)
    assert code == 1
    # the lesson still names the case, so only the case's reference is wrong
    assert lines == [
        "cases/de-stroming.yaml:5:11: veld 'methods': onbekende methode 'wijkstemdg' (zie toolbox/methods/). "
        "Bedoel je 'wijkstemdag'? Toegestaan: wijkstemdag."
    ]


def test_dangling_reference_to_reference_data(repo, capsys):
    write(repo, CASE, case_text(repo).replace("stadsdeel: zuid", "stadsdeel: zuidd"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "cases/de-stroming.yaml:3:12: veld 'stadsdeel': onbekend stadsdeel 'zuidd' (zie toolbox/reference/stadsdelen.yaml). "
        "Bedoel je 'zuid'? Toegestaan: stedelijk, west, zuid."
    ]


def test_unknown_source_section(repo, capsys):
    write(repo, CASE, case_text(repo).replace("section: Deel A", "section: Deel C"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines[0].startswith("cases/de-stroming.yaml:8:")
    assert "bron 'bron' heeft geen onderdeel 'Deel C'." in lines[0]


def test_not_utf8(repo, capsys):
    write(repo, CASE, "title: Co\xf6peratie\n".encode("latin-1"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == ["cases/de-stroming.yaml:1:10: het bestand is geen UTF-8 (byte 0xf6); sla het op als UTF-8."]


def test_empty_file(repo, capsys):
    write(repo, CASE, "# alleen commentaar\n\n")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines[0] == "cases/de-stroming.yaml:1:1: het bestand is leeg; verwacht velden zoals 'title:'."


def test_top_level_not_a_mapping(repo, capsys):
    write(repo, CASE, "- title: De Stroming\n")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines[0] == "cases/de-stroming.yaml:1:1: het bestand moet velden bevatten ('naam: waarde'), maar is een lijst."


def test_python_tag_is_refused_and_never_run(repo, capsys, tmp_path):
    marker = tmp_path / "pwned"
    write(repo, CASE, case_text(repo).replace("title: De Stroming", f"title: !!python/object/apply:os.system ['touch {marker}']"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines[0].startswith("cases/de-stroming.yaml:1:8: de tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan")
    assert not marker.exists()


def test_alias_bomb_fails_fast(repo, capsys):
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        levels.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    write(repo, CASE, "\n".join(levels) + "\n")
    start = time.perf_counter()
    code, lines = check(repo, capsys)
    assert time.perf_counter() - start < 5  # 9**10 items if expanded; refused before that
    assert code == 1
    assert lines[0] == "cases/de-stroming.yaml:1:5: ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde uit."


def test_huge_file(repo, capsys):
    write(repo, CASE, case_text(repo) + "#" + "x" * 600_000 + "\n")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines[0].startswith("cases/de-stroming.yaml:1:1: bestand is te groot")


def test_html_in_title_is_refused(repo, capsys):
    write(repo, CASE, case_text(repo).replace("title: De Stroming", "title: <script>alert(1)</script>"))
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == ["cases/de-stroming.yaml:1:8: veld 'title' mag geen < of > bevatten (het is gewone tekst, geen HTML)."]


def test_yml_extension_and_slug_collision(repo, capsys):
    write(repo, "cases/de-stroming.yml", case_text(repo))
    write(repo, "toolbox/methods/index.yaml", (repo / "toolbox/methods/wijkstemdag.yaml").read_text())
    code, lines = check(repo, capsys)
    assert code == 1
    assert "cases/de-stroming.yml:1:1: gebruik de extensie '.yaml' in plaats van '.yml'." in lines
    assert "toolbox/methods/index.yaml:1:1: de naam 'index' is gereserveerd voor de site; kies een andere bestandsnaam." in lines


def test_all_errors_in_one_run(repo, capsys):
    write(repo, CASE, case_text(repo).replace("stadsdeel: zuid", "stadsdeel: noord").replace("summary:", "samenvatting:"))
    write(repo, "toolbox/lessons/klein-wordt-groot.yaml", "title: x\n  bad: [\n")
    code, lines = check(repo, capsys)
    assert code == 1
    files = {l.split(":")[0] for l in lines}
    assert files == {"cases/de-stroming.yaml", "toolbox/lessons/klein-wordt-groot.yaml"}
    assert len(lines) >= 3


def test_missing_reference_file(repo, capsys):
    (repo / "toolbox/reference/rollen.yaml").unlink()
    code, lines = check(repo, capsys)
    assert code == 1
    assert "toolbox/reference/rollen.yaml:1:1: referentiebestand 'rollen.yaml' ontbreekt; het bepaalt de toegestane waarden." in lines


def test_cli_prints_no_traceback(repo):
    (repo / CASE).write_text("title: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(repo), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("cases/de-stroming.yaml:")


def test_six_faults_in_one_file_take_one_run(repo, capsys):
    """Schema faults and reference faults of the same file, all in the first run, each at its line."""
    write(repo, CASE, (TESTS / "bad/six-faults.yaml").read_bytes())
    code, lines = check(repo, capsys)
    assert code == 1
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5", "6", "7", "8"], lines
    assert "onbekend stadsdeel 'noord'" in lines[0] and "Bedoel je 'de-wijert'?" in lines[1]
    assert "onbekende methode 'wijkstemdg'" in lines[2] and "geen onderdeel 'Deel C'" in lines[3]
    assert "'2026-13-01' is geen bestaande datum" in lines[4] and "zoals 2026-11-27" in lines[4]
    assert "onbekend veld 'samenvatting'" in lines[5]


@pytest.mark.parametrize(
    "kind,folder,name",
    [
        ("method", "toolbox/methods", "niveau"),
        ("method", "toolbox/methods", "vergelijk"),
        ("case", "cases", "wijk"),
        ("case", "cases", "jaar"),
        ("lesson", "toolbox/lessons", "index"),
    ],
)
def test_reserved_names_check_and_new_agree(repo, capsys, kind, folder, name):
    """toolbox new refuses a reserved name with the very message toolbox check (and build) gives."""
    assert main(["--root", str(repo), "new", kind, name]) == 1
    refused = capsys.readouterr().err
    assert not (repo / folder / f"{name}.yaml").exists()
    source = {"method": "toolbox/methods/wijkstemdag.yaml", "case": CASE, "lesson": "toolbox/lessons/klein-wordt-groot.yaml"}[kind]
    write(repo, f"{folder}/{name}.yaml", (repo / source).read_text(encoding="utf-8"))
    code, lines = check(repo, capsys)
    assert code == 1
    message = f"{folder}/{name}.yaml:1:1: de naam '{name}' is gereserveerd voor de site; kies een andere bestandsnaam."
    assert message in lines
    assert message.split(": ", 1)[1] in refused


def test_content_file_linked_from_outside_the_project_is_refused(repo, capsys, tmp_path):
    outside = tmp_path / "elders.yaml"
    outside.write_text(case_text(repo), encoding="utf-8")
    (repo / CASE).unlink()
    (repo / CASE).symlink_to(outside)
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "cases/de-stroming.yaml:1:1: dit bestand is een link naar een bestand buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat)."
    ]


def test_hand_written_page_linked_from_outside_the_project_is_refused(repo, capsys, tmp_path):
    (repo / "docs/geheim.md").symlink_to("/etc/hostname")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "docs/geheim.md:1:1: dit is een link naar iets buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat)."
    ]


def test_theme_file_linked_from_outside_the_project_is_refused(repo, capsys):
    # theme/assets is published as the site's assets/: a link there would publish the file it points at.
    (repo / "theme/assets/js/geheim.js").symlink_to("/etc/hostname")
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "theme/assets/js/geheim.js:1:1: dit is een link naar iets buiten het project; zet het bestand zelf in de map (de site publiceert alleen wat in het project staat)."
    ]


def test_unclosed_quote_is_shown_where_it_was_opened(repo, capsys):
    text = case_text(repo).replace("summary: Een klein", 'summary: "Een klein') + 'keywords: ["buurt"]\n'
    write(repo, CASE, text)
    code, lines = check(repo, capsys)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("cases/de-stroming.yaml:2:10: YAML-syntaxfout: het aanhalingsteken hier wordt niet gesloten")
