"""Synthetic but realistic content for the benchmark: the real tree, grown to N cases.

The copy keeps everything real (reference data, methods, guides, the 29 real cases and
their lessons, hand-written pages, mkdocs.yml) and adds generated cases and lessons until
there are N cases and about N/4 lessons. Generated entries look like real ones: the same
fields filled at similar rates, text of similar length (a generated case file averages about
the size of a real one) (sentences sampled from the source
letter, so the search index sees Dutch text with a realistic vocabulary), methods drawn
with a skew (a few methods are used by many cases, as in reality), wijken that lie in the
case's stadsdeel, timelines, figures and related cases.

Nothing generated here is ever written into the repository: it goes to a temporary folder
and is only there to measure speed and size. Deterministic for a given N and seed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
from pathlib import Path

import yaml

from generator.rules_time import PATTERN as TIME_PATTERN

REPO = Path(__file__).resolve().parent.parent
# The letter lives in the project's shared/ folder next to the clone (as for the truth tests), or
# where TOOLBOX_SOURCE_LETTER points.
SOURCE_TEXT = Path(os.environ.get("TOOLBOX_SOURCE_LETTER") or REPO.parent / "shared/sources/gebiedsgericht-werken-oogst-en-lessen.txt")
COPIED = ["mkdocs.yml", "docs", "theme", "cases", "toolbox"]
LESSON_RATIO = 4  # one lesson per four cases

PROJECTS = [
    "Buurtmoestuin",
    "Speelplek",
    "Leefstraat",
    "Buurtkamer",
    "Wijkfeest",
    "Groen schoolplein",
    "Bankjes aan het water",
    "Jongerenplek",
    "Energiecoöperatie",
    "Repair café",
    "Pluktuin",
    "Buurtbus",
    "Kunst in de tunnel",
    "Boomspiegels",
    "Wijkkrant",
    "Buitenfitness",
    "Voedselbank",
    "Taalcafé",
    "Straatfeest",
    "Klushuis",
    "Trapveld",
    "Bibliotheek op het plein",
    "Ontmoetingstuin",
]
STREETS = [
    "Oosterstraat",
    "Vismarkt",
    "Hereweg",
    "Paterswoldseweg",
    "Korreweg",
    "Damsterdiep",
    "Zonnelaan",
    "Peizerweg",
    "Helperzoom",
    "Kerklaan",
    "Noorderhaven",
    "Eikenlaan",
    "Parkweg",
]
KEYWORDS = [
    "buurt",
    "wijk",
    "bewoners",
    "groen",
    "spelen",
    "geld",
    "subsidie",
    "vrijwilligers",
    "ontmoeten",
    "jongeren",
    "ouderen",
    "veiligheid",
    "straat",
    "plein",
    "tuin",
    "energie",
    "armoede",
    "cultuur",
    "sport",
    "school",
    "gebiedsteam",
    "wijkwethouder",
    "initiatief",
    "budget",
    "draagvlak",
    "samen",
]
FIGURE_LABELS = ["bewoners deden mee", "euro uit het wijkbudget", "vrijwilligers", "handtekeningen", "bezoekers per jaar"]


def _sentences() -> list[str]:
    text = SOURCE_TEXT.read_text(encoding="utf-8")
    text = re.sub(r"[*_<>]", "", text)
    parts = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text))
    # Sentences that speak from the letter's "now" ("dit najaar", "inmiddels") are refused in
    # content by the time-word rule, as they would be in a real case: leave them out.
    return [p.strip() for p in parts if 40 <= len(p.strip()) <= 220 and not TIME_PATTERN.search(p)]


def _slugify(text: str) -> str:
    text = text.lower().replace("ö", "o").replace("é", "e").replace("ë", "e")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Generator:
    def __init__(self, root: Path, seed: int):
        self.rng = random.Random(seed)
        self.root = root
        self.sentences = _sentences()
        ref = lambda kind: yaml.safe_load((root / "toolbox/reference" / f"{kind}.yaml").read_text(encoding="utf-8"))["items"]  # noqa: E731
        self.stadsdelen = [i["slug"] for i in ref("stadsdelen")]
        self.wijken = [(i["slug"], i.get("stadsdeel")) for i in ref("wijken")]
        self.themes = [i["slug"] for i in ref("themas")]
        self.scales = [i["slug"] for i in ref("schaalniveaus")]
        self.roles = [i["slug"] for i in ref("rollen")]
        self.initiators = [i["slug"] for i in ref("initiatiefnemers")]
        source = ref("bronnen")[0]
        self.source, self.sections = source["slug"], source["sections"]
        self.methods = sorted(p.stem for p in (root / "toolbox/methods").glob("*.yaml"))
        # Zipf-like popularity: the first methods in a shuffled order are used far more often.
        order = self.methods[:]
        self.rng.shuffle(order)
        self.method_weights = {m: 1 / (rank + 1) for rank, m in enumerate(order)}

    def text(self, n: int) -> str:
        return " ".join(self.rng.choice(self.sentences) for _ in range(n))

    def sources(self) -> list[dict]:
        return [{"doc": self.source, "section": s} for s in self.rng.sample(self.sections, self.rng.randint(1, 2))]

    def case(self, i: int, slugs: list[str]) -> tuple[str, dict]:
        rng = self.rng
        stadsdeel = rng.choice(self.stadsdelen)
        fitting = [w for w, sd in self.wijken if sd in (None, stadsdeel) or stadsdeel == "stedelijk"]
        project = rng.choice(PROJECTS)
        street = rng.choice(STREETS)
        title = f"{project} {street} {i}"
        start = rng.randint(2014, 2021)
        end = rng.randint(start, 2023)
        methods = rng.choices(list(self.method_weights), weights=list(self.method_weights.values()), k=rng.randint(1, 3))
        case = {
            "title": title,
            "summary": self.text(2),
            "stadsdeel": stadsdeel,
            "wijken": sorted(set(rng.sample(fitting, min(len(fitting), rng.randint(0, 2))))),
            "methods": sorted(set(methods)),
            "period": {"start": start, "end": end, "ongoing": rng.random() < 0.3},
            "initiator": rng.choice(self.initiators),
            "scales": sorted(set(rng.sample(self.scales, rng.randint(1, 2)))),
            "themes": sorted(set(rng.sample(self.themes, rng.randint(1, 3)))),
            "roles": sorted(set(rng.sample(self.roles, rng.randint(1, 2)))),
            "story": [self.text(rng.randint(1, 3)) for _ in range(rng.randint(1, 3))],
            "timeline": [
                {"year": y, **({"month": rng.randint(1, 12)} if rng.random() < 0.5 else {}), "event": self.text(1)}
                for y in sorted(rng.randint(start, end) for _ in range(rng.randint(2, 4)))
            ]
            if rng.random() < 0.15
            else [],
            "figures": [
                {"value": str(rng.randint(3, 5000)), "label": rng.choice(FIGURE_LABELS), "source": self.sources()[0]}
                for _ in range(rng.randint(0, 2))
            ],
            "outcomes": [self.text(1) for _ in range(rng.randint(0, 2))],
            "related": sorted(set(rng.sample(slugs, min(len(slugs), rng.randint(1, 4))))),
            "keywords": sorted(set(rng.sample(KEYWORDS, rng.randint(5, 11)) + [street])),
            "sources": self.sources(),
            "reviewed": dt.date(2026, 11, 27),
        }
        if rng.random() < 0.35:
            keys = rng.sample(["legitimiteit", "betrokkenheid", "rendement"], rng.randint(1, 2))
            case["public_values"] = {k: self.text(1) for k in sorted(keys)}
        return f"{_slugify(project)}-{_slugify(street)}-{i}", case

    def lesson(self, i: int, cases: list[str]) -> tuple[str, dict]:
        rng = self.rng
        return f"synthetische-les-{i}", {
            "title": self.text(1)[:290].replace(":", ","),
            "claim": self.text(rng.randint(2, 3)),
            "cases": sorted(set(rng.sample(cases, rng.randint(1, 4)))),
            "methods": sorted(set(rng.sample(self.methods, rng.randint(1, 2)))),
            "sources": self.sources(),
            "keywords": sorted(set(rng.sample(KEYWORDS, rng.randint(3, 6)))),
            "reviewed": dt.date(2026, 11, 27),
        }


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def snapshot(dest: Path, source: Path = REPO) -> Path:
    """Copy the content tree once, so every N in one benchmark run starts from the same content
    (the working tree may change while a long run goes on)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def make_repo(dest: Path, n_cases: int, seed: int = 2026, source: Path = REPO) -> dict:
    """Copy the content tree (``source``: the repository or a snapshot) to ``dest`` and grow it
    to ``n_cases`` cases. Returns the counts."""
    if dest.exists():
        shutil.rmtree(dest)
    snapshot(dest, source)
    gen = Generator(dest, seed + n_cases)
    real_cases = sorted(p.stem for p in (dest / "cases").glob("*.yaml"))
    new_slugs: list[str] = []
    for i in range(1, max(0, n_cases - len(real_cases)) + 1):
        slug, case = gen.case(i, new_slugs[-200:])  # related cases: recent ones, as editors would link
        new_slugs.append(slug)
        _dump(dest / "cases" / f"{slug}.yaml", case)
    real_lessons = len(list((dest / "toolbox/lessons").glob("*.yaml")))
    n_lessons = max(real_lessons, n_cases // LESSON_RATIO)
    for i in range(1, n_lessons - real_lessons + 1):
        slug, lesson = gen.lesson(i, new_slugs or real_cases)
        _dump(dest / "toolbox/lessons" / f"{slug}.yaml", lesson)
    return {
        "cases": len(real_cases) + len(new_slugs),
        "cases_real": len(real_cases),
        "lessons": n_lessons,
        "methods": len(gen.methods),
    }
