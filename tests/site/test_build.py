"""The real pipeline: strict build of the real content, derived links, atomic replacement."""

from __future__ import annotations

import re
import subprocess


from generator.build import build, generate_into
from generator.cli import main

from tests.support.minimal import ROOT
from tests.support.tools import venv_tool


def test_real_content_passes_check(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0, capsys.readouterr().err


def test_every_case_and_method_has_a_page(site, content):
    for slug in content.cases:
        assert (site / "voorbeelden" / slug / "index.html").is_file(), slug
    for slug in content.methods:
        assert (site / "methoden" / slug / "index.html").is_file(), slug
    assert (site / "voorbeelden/index.html").is_file()
    assert (site / "methoden/index.html").is_file()


def test_case_page_links_its_methods_and_method_page_lists_its_cases(site, content):
    for slug, case in content.cases.items():
        html = (site / "voorbeelden" / slug / "index.html").read_text(encoding="utf-8")
        for method in case.methods:
            assert f'href="../../methoden/{method}/"' in html, (slug, method)
    for slug in content.methods:
        html = (site / "methoden" / slug / "index.html").read_text(encoding="utf-8")
        for case in content.cases_using(slug):
            assert f'href="../../voorbeelden/{case}/"' in html, (slug, case)


def test_ossenmarkt_page_shows_sourced_facts(site):
    html = (site / "voorbeelden/verkeersplein-ossenmarkt/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "250" in text
    assert "Bijlage — Centrum" in text
    assert "voorjaar 2016" in text


def test_no_third_party_urls_in_built_pages(site):
    """No page references another host for anything it loads (fonts, scripts, styles, images)."""
    loads = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)
    offenders = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if loads.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_deleted_yaml_leaves_no_page(repo, tmp_path):
    docs = tmp_path / "docs"
    generate_into(repo, docs)
    assert (docs / "voorbeelden/de-stroming.md").is_file()
    (repo / "toolbox/lessons/klein-wordt-groot.yaml").unlink()  # the lesson refers to the case
    (repo / "cases/de-stroming.yaml").unlink()
    method = repo / "toolbox/methods/wijkstemdag.yaml"  # no case uses it any more
    method.write_text(method.read_text(encoding="utf-8") + "general: true\n", encoding="utf-8")
    generate_into(repo, docs)
    assert not (docs / "voorbeelden/de-stroming.md").exists()
    assert (docs / "methoden/wijkstemdag.md").is_file()


def test_content_error_leaves_previous_site_untouched(repo, tmp_path, capsys):
    site = tmp_path / "site"
    build(repo, site)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (repo / "cases/de-stroming.yaml").write_text("title: [\n", encoding="utf-8")
    assert main(["--root", str(repo), "build", "--site-dir", str(site)]) == 1
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert "cases/de-stroming.yaml:2:1:" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_engine_error_leaves_previous_site_untouched(repo, tmp_path, capsys):
    """A broken link in a hand-written page fails the strict build; the old site stays."""
    site = tmp_path / "site"
    build(repo, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (repo / "docs/privacy.md").write_text("# Privacy\n\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    assert main(["--root", str(repo), "build", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "bestaat-niet.md" in err
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_linkchecker_finds_no_broken_link(server, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=4\n[filtering]\ncheckextern=0\n", encoding="utf-8")
    result = subprocess.run(
        [venv_tool("linkchecker"), "--config", str(config), "--no-status", "--no-warnings", f"{server}/"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert checked and int(checked.group(2)) > 50, result.stdout[-1000:]
    print(f"linkchecker: {checked.group(0)}")
