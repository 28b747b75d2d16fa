"""Facet pages on the built site: every value has a page, the overview is the filter data, links work."""

from __future__ import annotations

import configparser
import re
import subprocess


from generator import layout

from tests.support.tools import venv_tool
from tests.unit.test_facets import _Overview, built, slugs_listed


def test_every_facet_value_has_a_page_linked_from_the_overview(site, content, browse):
    pages = 0
    for kind, folder in ((k, layout.KINDS[k].section) for k in layout.FACETS):
        overview = (site / folder / "index.html").read_text(encoding="utf-8")
        for f in browse.facets(kind):
            assert f'href="{f.key}/"' in overview, f.key
            index_page = built(site, f.index_path()).read_text(encoding="utf-8")
            for v in f.values:
                page = built(site, f.path(v.slug))
                assert page.is_file(), f.path(v.slug)
                html = page.read_text(encoding="utf-8")
                assert f'href="{f.key}/{v.slug}/"' in overview, (f.key, v.slug)
                assert f'href="{v.slug}/"' in index_page
                assert f"({len(v.items)})" in overview.split(f'href="{f.key}/{v.slug}/"', 1)[1][:200]
                assert sorted(slugs_listed(html)) == sorted(v.items), f.path(v.slug)
                pages += 1
    print(f"\nfacet listing pages checked: {pages}")


def test_overview_list_is_the_filter_data(site, content, browse):
    """Without a data file: every entry is listed once on its overview, and its data-tp-f,
    read with the definitions on the same page, gives exactly the facet values' members."""
    for kind, folder in ((k, layout.KINDS[k].section) for k in layout.FACETS):
        parsed = _Overview()
        parsed.feed((site / folder / "index.html").read_text(encoding="utf-8"))
        fs = parsed.definitions["facets"]
        assert [f["key"] for f in fs] == [f.key for f in browse.facets(kind)]
        slugs = [href.rstrip("/").split("/")[-1] for _code, href in parsed.items]
        entries = content.methods if kind == "methods" else content.cases
        assert sorted(slugs) == sorted(entries), kind  # each once: every entry reachable without JavaScript
        members = {(f["key"], v["slug"]): set() for f in fs for v in f["values"]}
        for slug, (code, _href) in zip(slugs, parsed.items):
            for f, part in zip(fs, code.split(";")):
                for n in part.split():
                    members[(f["key"], f["values"][int(n)]["slug"])].add(slug)
        for f in browse.facets(kind):
            for v in f.values:
                assert members[(f.key, v.slug)] == set(v.items), (f.key, v.slug)
        assert not (site / "assets/data" / f"facets-{kind}.js").exists()  # the old second copy


def test_facet_pages_pass_linkchecker(server, tmp_path):
    """linkchecker over HTTP from both overviews; it recurses through the facet pages only."""
    cfg = configparser.ConfigParser()
    cfg["checking"] = {"threads": "4", "maxrequestspersecond": "1000", "timeout": "20"}
    keys = sorted({f.key for spec in layout.FACETS.values() for f in spec})
    # Recurse only through the overviews and the facet pages; check (not follow) every other link.
    cfg["filtering"] = {
        "nofollow": r"^(?!.*/(voorbeelden|methoden)/((" + "|".join(keys) + r")/.*)?$)",
        "ignore": r"^(?!http://127\.0\.0\.1)",  # links to other sites (the theme's footer credit): not ours to check here
    }
    cfg["output"] = {"log": "text", "verbose": "0", "warnings": "0"}
    rc = tmp_path / "linkcheckerrc"
    with rc.open("w") as fh:
        cfg.write(fh)
    result = subprocess.run(
        [venv_tool("linkchecker"), "--config", str(rc), f"{server}/voorbeelden/", f"{server}/methoden/"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = [line for line in result.stdout.splitlines() if "links in" in line or "errors found" in line or "error" in line.lower()]
    print("\nlinkchecker: " + " | ".join(summary[-3:]))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    checked = re.search(r"(\d+) links? in (\d+) URLs", result.stdout)
    assert checked and int(checked.group(2)) > 100, result.stdout[-2000:]
