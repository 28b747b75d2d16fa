"""``toolbox serve``: a live preview that regenerates pages when a YAML file changes.

MkDocs' own server watches the generated folder (build/docs) and reloads the
browser; we watch the YAML and hand-written sources and regenerate into that
folder. A content error is printed and the preview keeps the last good pages.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from .build import generate_into
from .errors import ContentErrors

WATCHED = ("cases", "toolbox", "docs")


def _snapshot(root: Path) -> dict[str, float]:
    stamps = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                stamps[str(path)] = path.stat().st_mtime
    return stamps


def _regenerate(root: Path, docs: Path) -> None:
    try:
        _content, pages = generate_into(root, docs)
        print(f"toolbox: {pages} pagina's opnieuw gegenereerd.", file=sys.stderr)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print("toolbox: fouten gevonden; het voorbeeld toont de laatste goede versie.", file=sys.stderr)


def _watch(root: Path, docs: Path, stop: threading.Event) -> None:
    last = _snapshot(root)
    while not stop.wait(1.0):
        now = _snapshot(root)
        if now != last:
            last = now
            _regenerate(root, docs)


def serve(root: Path, dev_addr: str) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.serve import serve as mkdocs_serve

    docs = root / "build" / "docs"
    _content, _pages = generate_into(root, docs)  # a content error here ends serve with the usual message
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, docs, stop), daemon=True)
    watcher.start()
    try:
        # livereload must be passed explicitly: with recent click its flag default is off.
        mkdocs_serve(str(root / "mkdocs.yml"), livereload=True, dev_addr=dev_addr, strict=False)
    finally:
        stop.set()
    time.sleep(0)
    return 0
