"""The HTTP headers the site is meant to be served with, read from the host snippets in deploy/.

deploy/_headers is the reference; deploy/nginx.conf must list the same headers (a test checks
that). Tests serve these headers to Chromium, so what is tested is what is shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.minimal import ROOT

DEPLOY = ROOT / "deploy"
HTTPS_ONLY = {"Strict-Transport-Security"}  # meaningless on the tests' http://127.0.0.1


def headers_file(path: Path = DEPLOY / "_headers") -> dict[str, str]:
    """The headers for '/*' in a Netlify/Cloudflare _headers file."""
    headers: dict[str, str] = {}
    in_all = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            in_all = line.strip() == "/*"
            continue
        if in_all:
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


def nginx_headers(path: Path = DEPLOY / "nginx.conf") -> dict[str, str]:
    """The add_header lines of the nginx snippet."""
    text = path.read_text(encoding="utf-8")
    return {m[1]: m[2] for m in re.finditer(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', text, re.M)}


def served_headers() -> dict[str, str]:
    return headers_file()


def csp_directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out
