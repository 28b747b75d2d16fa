"""Security in Chromium: injected content runs no script; every page loads under the policy without a
violation or a script error; the site still works under it."""

from __future__ import annotations


from tests.support.serve import serve_dir
from tests.support.deploy_headers import served_headers
from tests.support.figures import report
from tests.support.site_pages import first_path, one_page_per_type, page_paths
from tests.support.ui import open_search
from tests.site.test_security import injected  # noqa: F401  the module's fixture (built again here: a few seconds)


def test_injected_content_runs_no_script_in_the_browser(injected, browser):  # noqa: F811  the imported fixture
    """Chromium, without any CSP: every page type of the injected site, search for the payload
    and every control used; no dialog opens and no injected element exists."""
    _root, site, _injector = injected
    server, base = serve_dir(site)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    found: list[str] = []
    probe = """() => [...document.querySelectorAll('img[src="x"], iframe, svg[onload], [onerror], [onclick], [onload], a[href^="javascript:" i]')]
                     .map(e => e.outerHTML.slice(0, 120))"""
    try:
        for path in one_page_per_type(site).values():
            page.goto(base + path)
            for control in page.locator("summary, input[type=checkbox], input[type=radio]").all()[:10]:
                if control.is_visible():
                    control.click(no_wait_after=True)
            found += [f"{path}: {e}" for e in page.evaluate(probe)]
        page.goto(base + "/")
        hits = open_search(page, "onerror")
        found += [f"search: {e}" for e in page.evaluate(probe)]
    finally:
        context.close()
        server.shutdown()
    assert hits > 0, "the search should find the injected text"
    assert not dialogs, dialogs
    assert not found, "\n".join(found)


def test_every_page_loads_without_policy_violation_or_script_error(site_crawl, site):
    violations = [f"{v['page']}: {v['directive']} blocked {v['blocked']} {v['source']}" for v in site_crawl.csp]
    report(
        f"CSP, browser: {site_crawl.pages} pages loaded with the deploy/ headers, {len(violations)} violations, "
        f"{len(site_crawl.errors)} script errors"
    )
    assert site_crawl.pages == len(page_paths(site)) and not site_crawl.failed, site_crawl.failed[:20]
    assert not violations, "\n".join(violations[:40])
    assert not site_crawl.errors, "\n".join(site_crawl.errors[:20])


def test_site_still_works_under_the_policy(browser, site):
    """Navigation, search, a decision guide and folding boxes, with the policy served."""
    server, base = serve_dir(site, served_headers())
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    violations: list[str] = []
    try:
        response = page.goto(base + first_path(site, r"/methoden/[^/]+/"))
        assert "default-src 'self'" in response.headers["content-security-policy"]
        # navigation: the menu's link to the cases overview
        page.locator(".md-sidebar--primary a.md-nav__link[href$='voorbeelden/'] >> visible=true").first.click()
        page.wait_for_url("**/voorbeelden/")
        violations += page.evaluate("window.__csp")
        # search runs in JavaScript: results prove the scripts work under the policy
        hits = open_search(page, "buurtbudget")
        assert hits > 0
        violations += page.evaluate("window.__csp")
        # a folding box
        path = first_path(site, r"/voorbeelden/[^/]+/")
        page.goto(base + path)
        details = page.locator("article details").first
        details.locator("summary").click()
        assert details.evaluate("d => d.open")
        violations += page.evaluate("window.__csp")
        # a decision guide: choose an answer; the script reveals the matching next step
        guide = first_path(site, r"/keuzehulpen/[^/]+/")
        page.goto(base + guide)
        next_link = page.locator("a.tp-next__link >> visible=true").first
        assert next_link.count() == 0, "the guide script hides the next-step links until an answer is chosen"
        page.locator(".tp-opt__label").first.click()
        next_link.wait_for(state="visible")
        # The click starts a navigation; wait for the new URL itself (wait_for_load_state
        # returns at once while the old page is still loaded, which made this flaky in CI).
        next_link.click()
        page.wait_for_url(lambda url: url.rstrip("/") != (base + guide).rstrip("/"), timeout=15000)
        page.wait_for_load_state()
        violations += page.evaluate("window.__csp")
    finally:
        context.close()
        server.shutdown()
    assert not violations, violations
    assert not errors, errors
