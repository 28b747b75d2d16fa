"""Content truth on the built site: lessons link existing pages, pictures have a text, parts and parents.

The checks on the content itself (numbers, sentences, readability) are tests/unit/test_content_truth.py."""

from __future__ import annotations

import re


def test_every_lesson_links_an_existing_case_and_method(site, content):
    html = (site / "lessen/index.html").read_text(encoding="utf-8")
    for slug, lesson in content.lessons.items():
        assert f'id="{slug}"' in html
        for case in lesson.cases:
            assert (site / "voorbeelden" / case / "index.html").is_file()
        for method in lesson.methods:
            assert (site / "methoden" / method / "index.html").is_file()


def test_every_picture_has_a_text_alternative(site):
    missing = []
    pictures = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*?</article>", html, re.S)
        html = article.group(0) if article else ""  # theme icons sit outside the content, inside named controls
        for svg in re.findall(r"<svg\b[^>]*>.*?</svg>", html, re.S):
            opening = svg[: svg.index(">")]
            if 'aria-hidden="true"' in opening:
                continue  # decorative icons
            pictures += 1
            if 'role="img"' not in opening or "<title" not in svg:
                missing.append(f"{page.relative_to(site)}: {opening[:80]}")
        for img in re.findall(r"<img\b[^>]*>", html):
            pictures += 1
            if "alt=" not in img:
                missing.append(f"{page.relative_to(site)}: {img[:80]}")
    assert pictures > 0
    assert missing == [], "\n".join(missing)
    ol = (site / "voorbeelden/verkeersplein-ossenmarkt/index.html").read_text(encoding="utf-8")
    assert 'class="tp-timeline" aria-label="Tijdlijn van Verkeersplein Ossenmarkt"' in ol


def test_mentioned_only_pages_say_so_and_parents_list_their_parts(site, content):
    for slug, case in content.cases.items():
        html = (site / "voorbeelden" / slug / "index.html").read_text(encoding="utf-8")
        assert ("Genoemd in de brief, zonder verdere details" in html) == case.mentioned_only, slug
        if case.part_of:
            parent = (site / "voorbeelden" / case.part_of / "index.html").read_text(encoding="utf-8")
            assert "Onderdelen van dit voorbeeld" in parent and f'href="../{slug}/"' in parent, (case.part_of, slug)
    overview = (site / "voorbeelden/index.html").read_text(encoding="utf-8")
    mentioned = sum(c.mentioned_only for c in content.cases.values())
    assert (
        f"{len(content.cases) - mentioned} daarvan hebben een eigen verhaal. De andere {mentioned} noemt de brief alleen bij naam"
        in overview
    )
