"""The README's recipe: a new facet is one line in the layout (plus its reference file when the
values are new). Done here in a temporary copy of the project, then built with the engine (strict)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from benchmarks.synth import snapshot

from tests.support.minimal import ROOT


def _copy_project(dest: Path) -> Path:
    """The content tree (as the benchmarks copy it) and the generator, to be changed there."""
    snapshot(dest, ROOT)
    shutil.copytree(ROOT / "generator", dest / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _toolbox(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The copy's own generator (not the installed one), run in the copy."""
    code = f"import sys; sys.path.insert(0, {str(project)!r}); from generator.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True, text=True, timeout=900)


def test_a_new_facet_needs_only_the_layout_and_its_reference_file(tmp_path):
    project = _copy_project(tmp_path / "project")
    # 1. The layout: a new list of allowed values, the field that uses it, and the facet.
    layout = project / "generator/layout.py"
    text = layout.read_text(encoding="utf-8")
    text = text.replace("REFERENCE_LISTS: tuple[str, ...] = (\n", 'REFERENCE_LISTS: tuple[str, ...] = (\n    "wervingsvormen",\n')
    text = text.replace('"recruitment": "werving",', '"recruitment": "wervingsvormen",')
    text = text.replace(
        '        Facet("jaar", "Jaar", YEARS),\n',
        '        Facet("jaar", "Jaar", YEARS),\n        Facet("werving", "Hoe mensen meededen", "recruitment"),\n',
    )
    assert text.count("wervingsvormen") == 2 and 'Facet("werving"' in text
    layout.write_text(text, encoding="utf-8")
    # 2. The reference file with the values (the same slugs as werving.yaml, other names, so the
    #    pages show which file they came from). No template: the label is in the layout.
    old = project / "toolbox/reference/werving.yaml"
    new = old.read_text(encoding="utf-8").replace("name: ", "name: Via ")
    assert new.count("name: Via ") >= 4
    (project / "toolbox/reference/wervingsvormen.yaml").write_text(new, encoding="utf-8")

    result = _toolbox(project, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    index = site / "voorbeelden/werving/index.html"
    assert index.is_file()
    items = yaml.safe_load((project / "toolbox/reference/wervingsvormen.yaml").read_text(encoding="utf-8"))["items"]
    for item in items:
        assert (site / "voorbeelden/werving" / item["slug"] / "index.html").is_file(), item["slug"]
    used = {
        case_value
        for case in (project / "cases").glob("*.yaml")
        for case_value in (yaml.safe_load(case.read_text(encoding="utf-8")).get("recruitment") or [])
    }
    assert used, "the real content uses the field"
    for value in used:
        page = (site / "voorbeelden/werving" / value / "index.html").read_text(encoding="utf-8")
        assert "met hoe mensen meededen: Via " in page  # the facet's label (layout) and the value's name (new file)
        assert 'class="tp-facet-results"' in page
    # The overview links the new facet, and its filter panel offers it (same build, same data).
    overview = (site / "voorbeelden/index.html").read_text(encoding="utf-8")
    assert 'href="werving/"' in overview
    definitions = json.loads(
        re.search(r'data-tp-facets="([^"]*)"', overview).group(1).replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")
    )
    assert [f["key"] for f in definitions["facets"]][-1] == "werving"
    # A case file may no longer take the facet's folder name: `check` refuses it like the build.
    (project / "cases/werving.yaml").write_text((project / "cases/de-stroming.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    refused = _toolbox(project, "check")
    assert refused.returncode == 1 and "cases/werving.yaml:1:1: de naam 'werving' is gereserveerd" in refused.stdout + refused.stderr
