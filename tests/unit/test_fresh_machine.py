"""The suite finds every tool in the project's own environment, never on the machine's PATH.

CI (``.ci/run``) runs the suite with only the system folders on PATH; these checks catch a
test that would pass only on a machine with its own copy of a tool, before CI does.
"""

from __future__ import annotations

import ast

from tests.support.minimal import ROOT, TESTS

RUNNERS = {"run", "Popen", "check_output", "check_call", "call"}


def _path_lookups(tree: ast.AST) -> list[int]:
    """Lines that start a program by bare name (["linkchecker", ...]) or look one up on PATH."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
        if owner == "shutil" and node.func.attr == "which":
            found.append(node.lineno)
        elif owner == "subprocess" and node.func.attr in RUNNERS and node.args:
            first = node.args[0]
            if (
                isinstance(first, ast.List)
                and first.elts
                and isinstance(first.elts[0], ast.Constant)
                and "/" not in str(first.elts[0].value)
            ):
                found.append(node.lineno)
    return found


def test_no_test_finds_a_tool_on_path():
    offenders = [
        f"{p.relative_to(TESTS)}:{line}"
        for p in sorted(TESTS.rglob("*.py"))
        for line in _path_lookups(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not offenders, f"use tests/support/tools.venv_tool(name) instead of PATH: {offenders}"


def test_the_check_itself_sees_a_path_lookup():
    assert _path_lookups(ast.parse('import shutil, subprocess\nshutil.which("x")\nsubprocess.run(["linkchecker", "-q"])\n')) == [2, 3]


def test_ci_runs_the_suite_with_a_minimal_environment():
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "env -i" in ci and "PATH=/usr/sbin:/usr/bin:/sbin:/bin" in ci and "scripts/run-tests" in ci
