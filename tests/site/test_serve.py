"""`toolbox serve` for editors: it names its address, and a refused edit shows in the browser.

A real `toolbox serve` (subprocess) on a minimal content tree, a real Chromium on its page.
After a bad save the page must show the Dutch ``path:line:col`` messages within 2 seconds,
the terminal must say the same, and after the fix the page comes back.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from tests.support.figures import report
from tests.support.minimal import ROOT
from tests.support.tools import stop_process_group

CASE = "cases/de-stroming.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(repo):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(repo), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    deadline = time.monotonic() + 90
    while not any(f"http://127.0.0.1:{port}/" in line for line in output):
        assert proc.poll() is None and time.monotonic() < deadline, "".join(output)
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", output
    stop_process_group(proc)


@pytest.mark.browser
def test_a_refused_edit_shows_in_the_browser_within_two_seconds(preview, page, repo):
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
    message = "cases/de-stroming.yaml:3:12: veld 'stadsdeel': onbekende waarde 'noord'"
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
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === 'De Stroming'", timeout=60_000)
    assert page.locator(".tp-preview-errors").count() == 0


def test_serve_names_its_address(preview):
    url, output = preview
    assert [line for line in output if re.search(rf"het voorbeeld staat op {re.escape(url)}/", line)], "".join(output)
