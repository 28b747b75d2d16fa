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
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    deadline = time.monotonic() + 90
    while not any(f"http://127.0.0.1:{port}/" in line for line in output):
        assert proc.poll() is None and time.monotonic() < deadline, "".join(output)
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", output
    stop_process_group(proc)


def test_serve_names_its_address(preview):
    url, output = preview
    assert [line for line in output if re.search(rf"het voorbeeld staat op {re.escape(url)}/", line)], "".join(output)
