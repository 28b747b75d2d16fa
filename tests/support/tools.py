"""Tools the tests run, found in the project's own environment, never on the machine's PATH.

``scripts/run-tests`` runs ``.venv/bin/python -m pytest``; the console scripts the test extra
installs (linkchecker, ...) sit next to that interpreter. Looking them up with ``shutil.which``
would find them only where the machine happens to have its own copy (or PATH holds .venv/bin).
"""

from __future__ import annotations

import sys
from pathlib import Path


def venv_tool(name: str) -> str:
    """Absolute path of a console script installed into the running interpreter's environment."""
    path = Path(sys.executable).parent / name  # not resolved: .venv/bin/python is a symlink
    assert path.is_file(), f"{name} ontbreekt in {path.parent}: installeer de testpakketten (scripts/run-tests doet dat)"
    return str(path)


def stop_process_group(proc) -> None:
    """Stop a server started with ``start_new_session=True``: Ctrl+C first, as a person would, then kill."""
    import os
    import signal
    import subprocess

    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
