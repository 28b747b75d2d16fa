"""Every file of the generated site, collected in memory and written to disk once.

The sections (``pages.py``) add what they render, the hand-written pages from ``docs/`` join
the same collection, and the passes that need every page (the search index, the glossary
boxes) work on it here, not on files written and read back. Then one writer (``write``) puts
everything on disk, and its manifest is what the build reports. Like mkdocs-gen-files'
in-memory files and MkDocs' ``Files`` collection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PathTaken(Exception):
    """Two sections made a file with the same path: one would silently replace the other."""


def page_order(rel: str) -> list[str]:
    """The order pages are visited in: folder by folder, as a sorted walk of the tree would."""
    return rel.split("/")


class Collection:
    """Files of the site by path (relative to the engine's docs folder): text or bytes."""

    def __init__(self) -> None:
        self._files: dict[str, str | bytes] = {}

    def add(self, rel: str, data: str | bytes) -> None:
        if rel in self._files:
            raise PathTaken(rel)
        self._files[rel] = data

    def replace(self, rel: str, data: str | bytes) -> None:
        """A pass that rewrites a page already in the collection (the glossary box)."""
        if rel not in self._files:
            raise KeyError(rel)
        self._files[rel] = data

    def add_tree(self, folder: Path, prefix: str = "", skip: frozenset[str] = frozenset()) -> None:
        """Every file under ``folder`` (hand-written pages, theme assets), Markdown as text.

        ``skip``: names of files or folders to leave out at any depth.
        """
        for path in sorted(folder.rglob("*")):
            rel_parts = path.relative_to(folder).parts
            if skip.intersection(rel_parts) or path.is_dir():
                continue
            rel = prefix + "/".join(rel_parts)
            self.add(rel, path.read_text(encoding="utf-8") if path.suffix == ".md" else path.read_bytes())

    def __contains__(self, rel: str) -> bool:
        return rel in self._files

    def __getitem__(self, rel: str) -> str | bytes:
        return self._files[rel]

    def __len__(self) -> int:
        return len(self._files)

    def paths(self) -> list[str]:
        return sorted(self._files, key=page_order)

    def markdown(self) -> list[str]:
        """The Markdown pages, in page order."""
        return [rel for rel in self.paths() if rel.endswith(".md")]


@dataclass(frozen=True)
class Manifest:
    """What the writer put on disk: every file, and how many of them are pages."""

    files: tuple[str, ...]

    @property
    def pages(self) -> int:
        return sum(1 for rel in self.files if rel.endswith(".md"))


def write(collection: Collection, out: Path) -> Manifest:
    """Write every file of the collection into ``out`` (a new, empty folder). The only writer."""
    out.mkdir(parents=True, exist_ok=True)
    folders: set[Path] = set()
    paths = collection.paths()
    for rel in paths:
        path = out / rel
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        data = collection[rel]
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return Manifest(tuple(paths))
