"""The benchmark's synthetic content is valid content (a smoke test at tiny N, not a timed test)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.synth import make_repo
from generator.validate import load_content

from tests.support.minimal import ROOT


def test_synthetic_tree_validates_and_has_the_requested_size(tmp_path: Path):
    counts = make_repo(tmp_path / "repo", 45)
    content = load_content(tmp_path / "repo")  # raises ContentErrors if the generator wrote bad content
    assert len(content.cases) == counts["cases"] == 45
    assert len(content.lessons) == counts["lessons"]
    real = {p.stem for p in (ROOT / "cases").glob("*.yaml")}
    synthetic = [c for slug, c in content.cases.items() if slug not in real]
    assert len(synthetic) == 45 - len(real) > 0
    # Realistic: the generated cases fill the optional fields real cases fill.
    filled = lambda field: sum(1 for c in synthetic if getattr(c, field))  # noqa: E731
    for field in ("wijken", "story", "outcomes", "keywords", "themes", "period", "related"):
        assert filled(field) >= len(synthetic) // 2, field
    for field in ("timeline", "figures", "public_values"):  # filled less often, as in the real cases
        assert filled(field) >= 1, field


def test_synthetic_tree_is_deterministic(tmp_path: Path):
    make_repo(tmp_path / "a", 40)
    make_repo(tmp_path / "b", 40)
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a/cases").glob("*.yaml")}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b/cases").glob("*.yaml")}
    assert files_a == files_b
