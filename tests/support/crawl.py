"""Load every page of a served site in Chromium and record what happens, several pages at a time.

Used by the privacy test (requests to other hosts, cookies, browser storage) and the CSP test
(policy violations, script errors). It drives its own browser with Playwright's async API in a
worker thread, so it can keep a few tabs busy at once; a site of 1,300 pages then takes well
under a minute instead of several.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

# Recorded in the page before any of its own scripts run; CDP-injected, so no CSP applies to it.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI || 'inline',
    source: e.sourceFile ? e.sourceFile.split('/').pop() + ':' + e.lineNumber : ''});
});
"""

SETTLE_JS = "new Promise(r => requestAnimationFrame(() => setTimeout(r, 60)))"


@dataclass
class Crawl:
    pages: int = 0
    requests: int = 0
    foreign: list[str] = field(default_factory=list)  # "page -> url" for hosts other than ours
    failed: list[str] = field(default_factory=list)  # pages that did not answer 200
    csp: list[dict] = field(default_factory=list)  # {page, directive, blocked, source}
    errors: list[str] = field(default_factory=list)  # uncaught script errors
    local_keys: set[str] = field(default_factory=set)
    session_keys: set[str] = field(default_factory=set)
    cookies: list[dict] = field(default_factory=list)
    base: str = ""


@pytest.fixture(scope="session")
def site_crawl(site, chromium) -> Crawl:
    """Every page of the real site, served with the headers from deploy/ (CSP included), loaded
    once; the privacy and security tests both read this one crawl."""
    from tests.support.serve import serve_dir
    from tests.support.deploy_headers import served_headers
    from tests.support.site_pages import page_paths

    server, base = serve_dir(site, served_headers())
    try:
        result = crawl(base, page_paths(site))
    finally:
        server.shutdown()
    result.base = base
    return result


def crawl(base: str, paths: list[str], concurrency: int = 3) -> Crawl:
    """Visit ``base + path`` for every path; returns what was seen. Fails loudly, never skips."""
    result = Crawl()
    box: dict = {}

    def run() -> None:
        try:
            asyncio.run(_crawl(base, paths, concurrency, result))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the calling thread
            box["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return result


async def _crawl(base: str, paths: list[str], concurrency: int, result: Crawl) -> None:
    from playwright.async_api import async_playwright

    from tests.support.browser import chromium_launch_args

    own_host = urlsplit(base).netloc
    async with async_playwright() as p:
        browser = await p.chromium.launch(**chromium_launch_args())
        context = await browser.new_context()
        await context.add_init_script(RECORD_CSP)
        current: dict = {}

        def on_request(request) -> None:
            result.requests += 1
            url = request.url
            if url.startswith(("data:", "blob:", "about:")):
                return
            if urlsplit(url).netloc != own_host:
                try:
                    where = current.get(request.frame.page, "?")
                except Exception:  # a worker's request has no frame
                    where = "(worker)"
                result.foreign.append(f"{where} -> {url}")

        context.on("request", on_request)
        queue: asyncio.Queue[str] = asyncio.Queue()
        for path in paths:
            queue.put_nowait(path)

        async def worker() -> None:
            page = await context.new_page()
            page.on("pageerror", lambda exc: result.errors.append(f"{current.get(page)}: {exc}"))
            while not queue.empty():
                path = queue.get_nowait()
                current[page] = path
                response = await page.goto(base + path, wait_until="load")
                if response is None or response.status != 200:
                    result.failed.append(f"{path}: HTTP {response.status if response else 'none'}")
                await page.evaluate(SETTLE_JS)
                found = await page.evaluate(
                    "({csp: window.__cspViolations || [], local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
                )
                result.csp += [{"page": path, **v} for v in found["csp"]]
                result.local_keys.update(found["local"])
                result.session_keys.update(found["session"])
                result.pages += 1
            await page.close()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.cookies = await context.cookies()
        await context.close()
        await browser.close()
