"""Guide texts say je, not u (read from the guide files, no build)."""

from __future__ import annotations

import re


from tests.support.minimal import ROOT


def _guide_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "toolbox/guides").glob("*.yaml")}


def test_guide_texts_say_je_not_u():
    formal = re.compile(r"\b(u|uw|U|Uw)\b")
    for name, text in _guide_texts().items():
        for n, line in enumerate(text.splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            assert not formal.search(line), f"toolbox/guides/{name}.yaml:{n}: {line.strip()}"
