"""toolbox check accepts valid trees: the minimal tree, a method marked general, a BOM with Windows line endings.

A valid tree is checked all the way, which renders every page (about half a second each), so
these are not in tests/unit/; the error cases are."""

from __future__ import annotations


from generator.cli import main
from tests.unit.test_check import CASE, case_text, check, write


def test_minimal_tree_is_valid(repo, capsys):
    assert main(["--root", str(repo), "check"]) == 0
    assert "1 voorbeelden, 1 methoden, 1 lessen" in capsys.readouterr().out


def test_method_used_by_no_case_must_be_marked_general(repo, capsys):
    write(repo, CASE, case_text(repo).replace("methods: [wijkstemdag]", "methods: []"))
    write(repo, "toolbox/lessons/klein-wordt-groot.yaml", (repo / "toolbox/lessons/klein-wordt-groot.yaml").read_text())
    code, lines = check(repo, capsys)
    assert code == 1
    assert lines == [
        "toolbox/methods/wijkstemdag.yaml:1:1: geen enkel voorbeeld gebruikt deze methode; noem haar bij een voorbeeld (veld 'methods') of zet 'general: true'."
    ]
    method = repo / "toolbox/methods/wijkstemdag.yaml"
    method.write_text(method.read_text() + "general: true\n", encoding="utf-8")
    assert main(["--root", str(repo), "check"]) == 0


def test_bom_and_windows_line_endings_are_valid(repo, capsys):
    text = case_text(repo).replace("\n", "\r\n")
    write(repo, CASE, "\ufeff".encode("utf-8") + text.encode("utf-8"))
    assert main(["--root", str(repo), "check"]) == 0, capsys.readouterr().err
