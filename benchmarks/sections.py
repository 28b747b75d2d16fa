"""CPU seconds per generator section for one content tree: where the generator's time goes.

    python3 benchmarks/sections.py /path/to/repo     # e.g. a tree made by benchmarks/synth.py

Mirrors ``generator.build.generate`` step by step (load + validate, each ``pages.SECTIONS``
function, the search index, the glossary boxes), timing each with ``time.process_time``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import pages  # noqa: E402
from generator.collection import Collection  # noqa: E402
from generator.glossary import Glossary  # noqa: E402
from generator.render import Renderer  # noqa: E402
from generator.validate import load_content  # noqa: E402


def sections(root: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    t = time.process_time()
    content = load_content(root)
    times["load + validate"] = time.process_time() - t
    renderer = Renderer(content, Collection())
    for section in pages.SECTIONS:
        t = time.process_time()
        section(renderer, content)
        times[section.__name__] = time.process_time() - t
    if hasattr(pages, "search_index"):
        t = time.process_time()
        pages.search_index(renderer)
        times["search_index"] = time.process_time() - t
    glossary = Glossary.for_content(content)
    pages_ = renderer.pages
    t = time.process_time()
    for rel in pages_.markdown():
        if rel != "begrippen.md":
            pages_.replace(rel, glossary.annotate(pages_[rel], "../" * rel.count("/")))
    times["glossary boxes"] = time.process_time() - t
    return times


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        result = sections(Path(arg))
        print(f"{arg}: {sum(result.values()):.2f} s CPU")
        for name, seconds in sorted(result.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<20} {seconds:6.2f}")
