"""The validated content as one immutable object, with derived cross-links.

Backlinks (which cases used a method, which lessons a case taught) are derived
here once, from the references the YAML already holds, so nothing is typed twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from .schema import Case, Lesson, Method, RefItem


@dataclass(frozen=True)
class ReferenceList:
    """One reference file: its page title, intro and items in file order."""

    kind: str
    title: str
    intro: tuple[str, ...]
    items: Mapping[str, RefItem]

    def name(self, slug: str) -> str:
        return self.items[slug].name

    def __iter__(self):
        return iter(self.items.values())


@dataclass(frozen=True)
class Content:
    cases: Mapping[str, Case]
    methods: Mapping[str, Method]
    lessons: Mapping[str, Lesson]
    reference: Mapping[str, ReferenceList]
    guides: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    synonyms: object = None  # search.synonyms.Synonyms (toolbox/reference/synoniemen.yaml), when there is one

    # --- derived links (built once; cached_property works on a frozen dataclass) ---
    @cached_property
    def _index(self) -> dict[str, dict[str, list[str]]]:
        index: dict[str, dict[str, list[str]]] = {
            "method_cases": defaultdict(list),
            "case_lessons": defaultdict(list),
            "method_lessons": defaultdict(list),
            "case_related_back": defaultdict(list),
            "method_related_back": defaultdict(list),
        }
        for slug, case in self.cases.items():
            for method in case.methods:
                index["method_cases"][method].append(slug)
            for other in case.related:
                index["case_related_back"][other].append(slug)
        for slug, lesson in self.lessons.items():
            for case in lesson.cases:
                index["case_lessons"][case].append(slug)
            for method in lesson.methods:
                index["method_lessons"][method].append(slug)
        for slug, method in self.methods.items():
            for other in method.related:
                index["method_related_back"][other].append(slug)
        return index

    def cases_using(self, method: str) -> list[str]:
        return list(self._index["method_cases"].get(method, []))

    def lessons_for_case(self, case: str) -> list[str]:
        return list(self._index["case_lessons"].get(case, []))

    def lessons_for_method(self, method: str) -> list[str]:
        return list(self._index["method_lessons"].get(method, []))

    def related_cases(self, slug: str) -> list[str]:
        """Typed relations both ways: if A names B, B's page shows A too."""
        typed = list(self.cases[slug].related)
        return typed + [o for o in self._index["case_related_back"].get(slug, []) if o not in typed]

    def related_methods(self, slug: str) -> list[str]:
        typed = list(self.methods[slug].related)
        return typed + [o for o in self._index["method_related_back"].get(slug, []) if o not in typed]

    def ref(self, kind: str) -> ReferenceList:
        return self.reference[kind]


def freeze(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))
