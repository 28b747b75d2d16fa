"""The Content-Security-Policy is strict and both host configurations (deploy/) agree."""

from __future__ import annotations

from tests.support.deploy_headers import HTTPS_ONLY, csp_directives, headers_file, nginx_headers


def test_policy_is_strict_and_both_host_configs_agree():
    shipped = headers_file()
    nginx = nginx_headers()
    assert {k: v for k, v in nginx.items() if k not in HTTPS_ONLY} == shipped
    assert set(HTTPS_ONLY) <= set(nginx)
    csp = csp_directives(shipped["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    for directive, sources in csp.items():
        for source in sources:
            assert source in ("'self'", "'none'", "data:") or source.startswith("'sha256-"), (directive, source)
    assert "data:" not in csp["script-src"] + csp.get("style-src", [])
    for name in ("X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
        assert name in shipped
