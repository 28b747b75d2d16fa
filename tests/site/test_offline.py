"""The offline build (a USB stick): every local link points at a file."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit


HREF = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


def test_every_local_link_points_at_a_file(offline_site):
    """On file:// a link to a folder shows a file listing, not the page: every link must name a file."""
    broken, pages = [], 0
    for html in offline_site.rglob("*.html"):
        if html.name == "404.html" and html.parent == offline_site:
            continue  # only a web server shows it (for a missing URL); it links from the site root
        pages += 1
        for target in HREF.findall(html.read_text(encoding="utf-8")):
            if urlsplit(target).scheme or target.startswith("//") or target.startswith("mailto:"):
                continue
            if not (html.parent / unquote(target)).resolve().is_file():
                broken.append(f"{html.relative_to(offline_site)} -> {target}")
    print(f"\noffline copy: {pages} pages, every local link checked")
    assert not broken, broken[:20]
