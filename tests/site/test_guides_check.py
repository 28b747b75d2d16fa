"""toolbox check accepts a valid guide (a valid tree is checked all the way, which renders every page)."""

from __future__ import annotations


from generator.cli import main
from tests.unit.test_guides_check import VALID, write_guide


def test_valid_guide_checks_clean(repo, capsys):
    write_guide(repo, VALID)
    assert main(["--root", str(repo), "check"]) == 0
    capsys.readouterr()
