"""Write what a checkout produces, for a byte-for-byte comparison of two commits.

    python3 benchmarks/outputs.py OUT             # real content and 2,000 synthetic cases
    python3 benchmarks/outputs.py OUT --sizes 0   # real content only

For each content set it writes ``OUT/<set>/docs`` (the generated Markdown, ``toolbox generate``)
and ``OUT/<set>/site`` (``toolbox build`` with MkDocs). Run it in two checkouts and compare:

    git worktree add /tmp/before <commit>
    (cd /tmp/before && .venv/bin/python benchmarks/outputs.py /tmp/out-before)  # or the same venv
    python3 benchmarks/outputs.py /tmp/out-after
    diff -r /tmp/out-before /tmp/out-after && echo identical

The synthetic content comes from ``benchmarks/synth.py`` with its fixed seed, so both runs
grow the same cases as long as synth.py and the real content are the same. The site's
sitemap carries the build date: compare runs made on the same day.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.synth import make_repo, snapshot  # noqa: E402


def produce(content_root: Path, dest: Path) -> None:
    """Generated Markdown and built site of the content in ``content_root``, with this checkout's generator."""
    dest.mkdir(parents=True, exist_ok=True)
    env_cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO)!r}); from generator.cli import main; sys.exit(main())"]
    for command in (["generate", "--out", str(dest / "docs")], ["build", "--site-dir", str(dest / "site")]):
        subprocess.run([*env_cmd, *command], cwd=content_root, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000], help="synthetic case counts (0: none)")
    args = parser.parse_args()
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory(prefix="tp-outputs-") as tmp:
        real = snapshot(Path(tmp) / "real", REPO)
        produce(real, out / "real")
        for n in [n for n in args.sizes if n > 0]:
            repo = Path(tmp) / f"synth-{n}"
            make_repo(repo, n, source=real)
            produce(repo, out / f"synth-{n}")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
