"""Shared test vectors for the decision guides: answers -> expected advice and explanation.

One YAML file per guide. The Python engine runs them in ``tests/unit/test_guides.py``; the
built static pages are checked against the same vectors in Chromium, with and without
JavaScript, in ``tests/browser/test_guides_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parents[1] / "guide_vectors"  # the data: one YAML file per guide


def load_vectors() -> list[tuple[str, dict]]:
    """(guide slug, vector) for every vector in every file, in file order."""
    found = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for vector in data["vectors"]:
            found.append((data["guide"], vector))
    return found


def vector_id(item: tuple[str, dict]) -> str:
    return f"{item[0]}: {item[1]['name']}"


def result_vectors() -> list[tuple[str, dict]]:
    """Only the vectors with a complete set of answers (they have a result page)."""
    return [(g, v) for g, v in load_vectors() if "advice" in v]
