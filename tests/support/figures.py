"""Figures the trust tests measure (pages checked, violations, external requests, bad files tried).

Tests call ``report``; the line is printed (visible with ``-s``) and collected, and
conftest.py's ``pytest_terminal_summary`` prints all of them at the end of every run,
so the numbers quoted in docs/toegankelijkheid.md can be checked against any test run.
"""

from __future__ import annotations

LINES: list[str] = []


def report(line: str) -> None:
    print(line)
    LINES.append(line)
