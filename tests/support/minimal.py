"""A small, valid content tree written from code, so loader tests do not depend on the real content."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"  # the test data (bad/, guide_vectors/, search_*.{json,yaml}) sits here, next to the folders

SRC = "sources: [{doc: bron, section: Deel A}]"

REFERENCE = {
    "bronnen": """
        title: Bronnen
        items:
          - slug: bron
            name: Een brief
            author: Het college
            sections: [Deel A, Deel B]
    """,
    "stadsdelen": """
        title: Stadsdelen
        items:
          - {slug: zuid, name: Zuid, gebiedsteam: Gebiedsteam Zuid}
          - {slug: west, name: West, gebiedsteam: Gebiedsteam West}
          - {slug: stedelijk, name: Hele stad, gebiedsteam: Geen}
    """,
    "wijken": """
        title: Wijken
        items:
          - {slug: de-wijert, name: De Wijert, stadsdeel: zuid}
          - {slug: selwerd, name: Selwerd}
    """,
    "begrippen": """
        title: Begrippen
        items:
          - {slug: gebiedsteam, name: Gebiedsteam, description: Een team van de gemeente per gebied.}
          - {slug: wij, name: WIJ, abbreviation: true, description: De WIJ-teams voor zorg en welzijn.}
    """,
    "banden": """
        title: Banden
        items:
          - {slug: inzet-laag, name: Weinig inzet, dimension: inzet, rank: 1}
          - {slug: kosten-laag, name: Weinig kosten, dimension: kosten, rank: 1}
          - {slug: duur-kort, name: Kort, dimension: duur, rank: 1}
    """,
    "ladder": """
        title: Ladder
        items:
          - {slug: raadplegen, name: Raadplegen, rank: 2}
          - {slug: meebeslissen, name: Meebeslissen, rank: 5}
    """,
    "vragen": """
        title: Vragen
        items:
          - {slug: wie-uitgesloten, name: Wie sluit het uit?, group: legitimiteit}
    """,
    "rollen": """
        title: Rollen
        items:
          - {slug: faciliteren, name: Faciliteren, when: Als bewoners zelf veel kunnen.}
    """,
}
SIMPLE_KINDS = [
    "publieke-waarden",
    "criteria",
    "schaalniveaus",
    "initiatiefnemers",
    "themas",
    "doelgroepen",
    "doelen",
    "bestanddelen",
    "uitgangspunten",
    "groei",
    "werving",
    "besluitvorming",
    "evaluatie",
    "lespubliek",
]

METHOD = """
    title: Wijkstemdag
    summary: Bewoners stemmen op plannen.
    ladder: [meebeslissen]
    effort: inzet-laag
    cost: kosten-laag
    duration: duur-kort
    estimates: [ladder, effort, cost, duration]
    {src}
    reviewed: 2026-11-27
"""

CASE = """
    title: De Stroming
    summary: Een klein initiatief groeide uit tot een bewonersbedrijf.
    stadsdeel: zuid
    wijken: [de-wijert]
    methods: [wijkstemdag]
    story:
      - Het begon met een terras. Het gebiedsteam hielp.
    {src}
    reviewed: 2026-11-27
"""

LESSON = """
    title: Klein kan groot worden.
    claim: Een klein begin kan uitgroeien.
    cases: [de-stroming]
    methods: [wijkstemdag]
    {src}
    reviewed: 2026-11-27
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n").replace("{src}", SRC), encoding="utf-8")


def write_minimal_tree(root: Path) -> Path:
    """A repository with one case, one method, one lesson and every reference file."""
    for kind, text in REFERENCE.items():
        _write(root / "toolbox/reference" / f"{kind}.yaml", text)
    for kind in SIMPLE_KINDS:
        _write(root / "toolbox/reference" / f"{kind}.yaml", f"title: {kind}\nitems:\n  - {{slug: een, name: Een}}\n")
    _write(root / "toolbox/methods/wijkstemdag.yaml", METHOD)
    _write(root / "cases/de-stroming.yaml", CASE)
    _write(root / "toolbox/lessons/klein-wordt-groot.yaml", LESSON)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    shutil.copytree(ROOT / "theme", root / "theme", dirs_exist_ok=True)
    # Hand-written pages link to real cases; here they become stubs that keep the nav whole.
    for page in (root / "docs").rglob("*.md"):
        page.write_text(f"# {page.stem}\n\nTekst.\n", encoding="utf-8")
    return root
