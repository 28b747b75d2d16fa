"""The few settings of the site engine's config (mkdocs.yml) that the generator needs too.

The publisher and the site's address are configured once, in ``mkdocs.yml``: the theme
reads them for the footer and the page head, and the generator reads them here for the
catalog record, the data package and the "Over deze site" page. Zensical reads the same
file, so this stays engine-neutral. MkDocs-specific YAML tags (``!ENV``,
``!!python/name:``) are read as empty values, never constructed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"
DEFAULT_PUBLISHER = "de redactie van de Toolbox Participatie Groningen"


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading; any tag the engine understands and we do not becomes None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str = ""  # the publisher's own web address, if any
    email: str = ""  # contact address for the site and its open data, if any


@dataclass(frozen=True)
class SiteSettings:
    site_name: str
    site_description: str
    site_url: str  # "" or an absolute address ending in "/"
    publisher: Publisher


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def read_site_settings(root: Path | None) -> SiteSettings:
    """Settings from ``root/mkdocs.yml``; no root, no file or a missing key gives the defaults."""
    data = {}
    path = root / CONFIG_FILE if root is not None else None
    if path is not None and path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    pub = extra.get("publisher") if isinstance(extra.get("publisher"), dict) else {}
    site_url = _text(data.get("site_url"))
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # as MkDocs normalises it
    return SiteSettings(
        site_name=_text(data.get("site_name")) or "Toolbox Participatie",
        site_description=_text(data.get("site_description")),
        site_url=site_url,
        publisher=Publisher(
            name=_text(pub.get("name")) or DEFAULT_PUBLISHER,
            url=_text(pub.get("url")),
            email=_text(pub.get("email")),
        ),
    )
