"""Every command on the Bijdragen page (docs/bijdragen.md) works exactly as written there.

A staff member copies the commands from the page into a terminal in the project folder. Here
each one runs through the shell, as written, in a temporary copy of the project (minimal
content, the real scripts; the code and .venv are linked, not reinstalled) with only the
system folders on PATH, as on a machine that never had the project.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.minimal import ROOT, write_minimal_tree
from tests.support.tools import stop_process_group

PAGE = ROOT / "docs" / "bijdragen.md"
COMMAND = re.compile(r"`((?:scripts/)[^`]+)`")
MINIMAL_ENV = {"HOME": os.environ.get("HOME", "/root"), "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
NEW = {
    "scripts/toolbox new case speeltuin-de-wijert": "cases/speeltuin-de-wijert.yaml",
    "scripts/toolbox new method buurtgesprek": "toolbox/methods/buurtgesprek.yaml",
    "scripts/toolbox new lesson samen-beginnen": "toolbox/lessons/samen-beginnen.yaml",
}
# The order they run in: first what works on sound content, then the new forms (which
# `toolbox check` must then refuse until their required fields are filled in).
EXPECTED = ["scripts/build-site", "scripts/toolbox schema", "scripts/toolbox check", "scripts/toolbox serve", "scripts/toolbox build", *NEW]


def commands_on_page() -> list[str]:
    return list(dict.fromkeys(COMMAND.findall(PAGE.read_text(encoding="utf-8"))))


def run(command: str, project: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(command, shell=True, cwd=project, env=MINIMAL_ENV, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "command not found" not in output, f"{command}:\n{output}"
    return result


@pytest.fixture
def project(tmp_path) -> Path:
    # The real project's environment must be set up for this folder first (quick when it is),
    # so the copy below, whose generator/ links here, never reinstalls into the shared .venv.
    subprocess.run(["/bin/bash", "-c", 'source scripts/setup-env ""'], cwd=ROOT, check=True, capture_output=True, timeout=600)
    copy = write_minimal_tree(tmp_path / "project")
    for name in ("generator", "pyproject.toml", ".venv"):
        (copy / name).symlink_to(ROOT / name)
    (copy / "scripts").mkdir()
    for script in (ROOT / "scripts").iterdir():
        if script.is_file():
            (copy / "scripts" / script.name).write_bytes(script.read_bytes())
            (copy / "scripts" / script.name).chmod(script.stat().st_mode)
    return copy


def test_the_page_shows_every_command_this_test_runs():
    assert commands_on_page() and set(commands_on_page()) == set(EXPECTED), commands_on_page()


def _serve(project: Path) -> None:
    """`scripts/toolbox serve` prints the address of the preview, and the preview answers there."""
    proc = subprocess.Popen(
        "scripts/toolbox serve",
        shell=True,
        cwd=project,
        env=MINIMAL_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        lines = []
        deadline = time.monotonic() + 120
        address = None
        while address is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            address = found.group(0) if found else None
        assert address, "".join(lines)
        with urllib.request.urlopen(address, timeout=30) as response:
            assert response.status == 200 and "</html>" in response.read().decode("utf-8")
        with urllib.request.urlopen(address + "voorbeelden/de-stroming/", timeout=30) as response:
            assert "De Stroming" in response.read().decode("utf-8")
    finally:
        stop_process_group(proc)
    assert "Traceback" not in proc.stdout.read()


def test_every_command_on_the_bijdragen_page_works_as_written(project):
    for command in EXPECTED:
        if command == "scripts/toolbox serve":
            _serve(project)
            continue
        result = run(command, project)
        if command == "scripts/build-site":
            assert result.returncode == 0, result.stderr
            assert (project / "site/voorbeelden/de-stroming/index.html").is_file()
        elif command == "scripts/toolbox schema":
            assert result.returncode == 0, result.stderr
            assert (project / "schema/case.schema.json").is_file()
        elif command == "scripts/toolbox check":
            assert result.returncode == 0, result.stderr
            assert result.stdout.startswith("In orde: 1 voorbeelden")
        elif command == "scripts/toolbox build":
            assert result.returncode == 0, result.stderr
            assert "Site gebouwd in" in result.stdout
        else:  # toolbox new ...
            assert result.returncode == 0, result.stderr
            assert (project / NEW[command]).is_file()
            assert "scripts/toolbox check" in result.stdout  # the next step, as the page says
    # The new forms are not filled in yet: the check names what is missing, file by file.
    result = run("scripts/toolbox check", project)
    assert result.returncode == 1
    named = {line.split(":", 1)[0] for line in result.stderr.splitlines() if re.match(r"^[^:]+:\d+:\d+: ", line)}
    assert named == set(NEW.values()), result.stderr
