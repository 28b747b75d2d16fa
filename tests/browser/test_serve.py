"""toolbox serve in Chromium: a refused edit shows in the browser within two seconds."""

from __future__ import annotations

import time


from tests.support.figures import report
from tests.site.test_serve import CASE, preview  # noqa: F401  preview: the fixture


def test_a_refused_edit_shows_in_the_browser_within_two_seconds(preview, page, repo):  # noqa: F811  the imported fixture
    url, output = preview
    page.goto(url + "/voorbeelden/de-stroming/")
    assert page.locator("h1").inner_text().strip() == "De Stroming"
    time.sleep(1.5)  # let the page's live-reload poll connect

    case = repo / CASE
    good = case.read_text(encoding="utf-8")
    case.write_text(good.replace("stadsdeel: zuid", "stadsdeel: noord"), encoding="utf-8")
    saved = time.monotonic()
    page.wait_for_selector(".tp-preview-errors", timeout=2000)
    shown = time.monotonic() - saved
    message = "cases/de-stroming.yaml:3:12: veld 'stadsdeel': onbekend stadsdeel 'noord'"
    assert message in page.locator(".tp-preview-errors").inner_text()
    assert page.locator("h1").inner_text().startswith("1 fout")
    assert any(line.startswith(message) for line in output), "".join(output)  # the terminal says the same
    assert not [line for line in output if "Traceback" in line]
    report(f"serve: a refused edit showed in the browser {shown:.2f} s after saving (limit 2 s)")

    # Another page of the site shows the same, until the mistake is fixed.
    page.goto(url + "/methoden/")
    assert message in page.locator(".tp-preview-errors").inner_text()
    page.goto(url + "/voorbeelden/de-stroming/")
    case.write_text(good, encoding="utf-8")
    page.wait_for_function(
        "() => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === 'De Stroming'", timeout=60_000
    )
    assert page.locator(".tp-preview-errors").count() == 0
