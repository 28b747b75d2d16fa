"""Related content from shared facets: "what else is like this page?"

The typed ``related`` lists in the YAML (both ways, see ``content.py``) say what an
author knew was related. This adds what the data shows: other cases with the same
method, wijk or theme, other methods used in the same cases or with the same goals.
Nothing here is hand-typed; the weights say which kind of overlap counts most.

Scoring runs over an inverted index (feature -> entries) with ``Counter.update``,
so a page costs time for the entries it shares something with, not for all
entries: fast enough for thousands of cases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import takewhile

from ..content import Content

LIMIT = 3
# Weight per shared feature. A shared method, wijk or goal says more than a shared stadsdeel.
CASE_WEIGHTS = {"methode": 6, "wijk": 6, "thema": 4, "stadsdeel": 2, "initiatief van": 2, "schaal": 1}
METHOD_WEIGHTS = {"samen gebruikt in": 6, "doel": 3, "niveau": 2, "bereikt": 2, "rol": 1, "schaal": 1, "wie begint": 1}
MIN_SCORE = 4  # at least one strong overlap (or several weak ones): "same stadsdeel" alone is not related
# A value shared by more than a tenth of all entries (one stadsdeel among thousands of cases)
# says little about likeness and costs the most to count: it is left out of the score.
COMMON_SHARE = 10
COMMON_FLOOR = 50


@dataclass(frozen=True)
class Suggestion:
    slug: str
    score: int
    reasons: tuple[str, ...]  # e.g. "zelfde methode: Buurtbudget"


class _Similarity:
    def __init__(self, features: dict[str, list[tuple[str, str, str]]], weights: dict[str, int]):
        self.features = features  # slug -> [(facet, value slug, value name)]
        self.weights = weights
        self.postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for slug, feats in features.items():
            for facet, value, _name in feats:
                self.postings[(facet, value)].append(slug)
        self.common = max(COMMON_FLOOR, len(features) // COMMON_SHARE)

    def similar(self, slug: str, exclude: set[str] = frozenset(), limit: int = LIMIT) -> list[Suggestion]:
        scores: Counter[str] = Counter()
        for facet, value, _name in self.features.get(slug, ()):
            entries = self.postings[(facet, value)]
            if len(entries) > self.common:
                continue
            for _ in range(self.weights[facet]):
                scores.update(entries)
        scores.pop(slug, None)
        for other in exclude:
            scores.pop(other, None)
        ranked = scores.most_common()  # sorted in C; ties are broken by slug below
        if len(ranked) > limit:
            floor = ranked[limit - 1][1]
            ranked = list(takewhile(lambda kv: kv[1] >= floor, ranked))
        best = sorted((kv for kv in ranked if kv[1] >= MIN_SCORE), key=lambda kv: (-kv[1], kv[0]))[:limit]
        mine = set((f, v) for f, v, _ in self.features[slug])
        out = []
        for other, score in best:
            shared = [(f, n) for f, v, n in self.features[other] if (f, v) in mine]
            shared.sort(key=lambda fn: -self.weights[fn[0]])
            out.append(Suggestion(other, score, tuple(f"zelfde {f}: {n}" for f, n in shared[:3])))
        return out


class Similarity:
    """Facet-based suggestions for case and method pages (``c.similar`` in templates)."""

    def __init__(self, content: Content):
        self.c = content

    @cached_property
    def _cases(self) -> _Similarity:
        c = self.c
        ref = c.ref
        feats: dict[str, list[tuple[str, str, str]]] = {}
        for slug, case in c.cases.items():
            f = [("methode", m, c.methods[m].title) for m in case.methods if m in c.methods]
            f += [("wijk", w, ref("wijken").name(w)) for w in case.wijken]
            f += [("thema", t, ref("themas").name(t)) for t in case.themes]
            f += [("stadsdeel", case.stadsdeel, ref("stadsdelen").name(case.stadsdeel))]
            if case.initiator:
                f += [("initiatief van", case.initiator, ref("initiatiefnemers").name(case.initiator))]
            f += [("schaal", s, ref("schaalniveaus").name(s)) for s in case.scales]
            feats[slug] = f
        return _Similarity(feats, CASE_WEIGHTS)

    @cached_property
    def _methods(self) -> _Similarity:
        c = self.c
        ref = c.ref
        feats: dict[str, list[tuple[str, str, str]]] = {}
        for slug, m in c.methods.items():
            f = [("samen gebruikt in", k, c.cases[k].title) for k in c.cases_using(slug)]
            f += [("doel", g, ref("doelen").name(g)) for g in m.goals]
            f += [("niveau", lv, ref("ladder").name(lv)) for lv in m.ladder]
            f += [("bereikt", r, ref("doelgroepen").name(r)) for r in m.reaches]
            f += [("rol", r, ref("rollen").name(r)) for r in m.roles]
            f += [("schaal", s, ref("schaalniveaus").name(s)) for s in m.scales]
            f += [("wie begint", i, ref("initiatiefnemers").name(i)) for i in m.initiators]
            feats[slug] = f
        return _Similarity(feats, METHOD_WEIGHTS)

    def cases(self, slug: str) -> list[Suggestion]:
        """Cases like this one that the page does not list already (typed related ones)."""
        return self._cases.similar(slug, exclude=set(self.c.related_cases(slug)))

    def methods(self, slug: str) -> list[Suggestion]:
        return self._methods.similar(slug, exclude=set(self.c.related_methods(slug)))

    def lessons_for_case(self, slug: str) -> list[str]:
        """Lessons about the methods this case used, that the case page does not list yet."""
        own = set(self.c.lessons_for_case(slug))
        out: list[str] = []
        for method in self.c.cases[slug].methods:
            out += [lesson for lesson in self.c.lessons_for_method(method) if lesson not in own and lesson not in out]
        return out[:LIMIT]
