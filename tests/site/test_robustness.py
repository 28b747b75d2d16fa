"""Bad content never breaks the site: precise messages, exit code 1, the previous site untouched.

1. The corpus in tests/bad/ (listed with the exact expected messages in tests/bad/manifest.yaml):
   each file goes into a copy of the minimal content tree and ``toolbox build`` runs as a real
   subprocess against an already built site. It must exit 1, print exactly the expected
   ``path:line:col: message`` lines and no traceback, and leave the site byte for byte as it was,
   with no temporary folders left behind.
2. A property test (hypothesis): valid files mutated at random (lines deleted, duplicated,
   re-indented, swapped or cut off; characters and bytes inserted) never cause a traceback;
   ``toolbox check`` either succeeds or prints only ``path:line:col: message`` lines.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build
from generator.cli import main

from tests.support.figures import report
from tests.support.minimal import ROOT, TESTS, write_minimal_tree

BAD = TESTS / "bad"
MANIFEST = yaml.safe_load((BAD / "manifest.yaml").read_text(encoding="utf-8"))
DEFAULT_TARGET = "cases/de-stroming.yaml"
ERROR_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")
LIBYAML_ENGLISH = re.compile(r"\b(while (scanning|parsing)|did not find|could not find|found (character|unexpected|undefined))\b")
PWNED = Path("/tmp/toolbox-pwned")  # what tests/bad/python-tag.yaml would create if a tag were ever run


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A valid minimal tree, built once: the 'previous site' every bad build must leave alone."""
    base = tmp_path_factory.mktemp("robust")
    tree = write_minimal_tree(base / "valid")
    site = base / "out" / "site"
    build(tree, site)
    return tree, site, snapshot(site)


# A Python exception or warning name in a message means a library's text reached the reader.
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception|Warning)\b|Traceback")


def _place(entry: dict, tree: Path, outside: Path) -> None:
    """Put the entry's file where it belongs in ``tree`` (or, for make: symlink-outside, a link
    there to a valid file outside the tree)."""
    target = tree / entry.get("target", DEFAULT_TARGET)
    target.parent.mkdir(parents=True, exist_ok=True)
    if entry.get("make") == "symlink-outside":
        outside.write_bytes(target.read_bytes())
        target.unlink()
        target.symlink_to(outside)
        return
    target.write_bytes(_bad_bytes(entry, tree))
    for extra in entry.get("also", ()):  # a valid file the fault needs next to it (e.g. a dated source)
        (tree / extra["target"]).write_bytes((BAD / extra["file"]).read_bytes())


def _bad_bytes(entry: dict, tree: Path) -> bytes:
    if entry.get("make") == "huge":
        valid = (tree / DEFAULT_TARGET).read_bytes()
        return valid + b"#" * (600_000 - len(valid) - 1) + b"\n"
    return (BAD / entry["file"]).read_bytes()


def test_manifest_lists_every_bad_file():
    listed = {entry["file"] for entry in MANIFEST if "make" not in entry}
    on_disk = {p.name for p in BAD.glob("*.yaml") if p.name != "manifest.yaml"}
    assert listed == on_disk


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_bad_file_gives_its_message_and_leaves_the_site_untouched(entry, built, tmp_path):
    valid_tree, site, before = built
    tree = tmp_path / "tree"
    shutil.copytree(valid_tree, tree)
    _place(entry, tree, tmp_path / "elsewhere.yaml")
    PWNED.unlink(missing_ok=True)
    if entry.get("valid"):  # valid although unusual (a BOM, Windows line endings): must pass
        result = subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(tree), "check"], capture_output=True, text=True, timeout=120, cwd=ROOT
        )
        assert result.returncode == 0 and not result.stderr, result.stderr
        assert result.stdout.startswith("In orde: 1 voorbeelden"), result.stdout
        return

    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tree), "build", "--site-dir", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )

    output = result.stdout + result.stderr
    assert not EXCEPTION_NAME.search(output), output
    assert result.returncode == 1, output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors, summary = lines[:-1], lines[-1]
    assert errors == entry["expect"], "\n".join(errors)
    assert all(ERROR_LINE.match(line) for line in errors)
    assert summary.endswith("er is niets gebouwd of veranderd.")
    assert snapshot(site) == before, "the previous site changed"
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"], "temporary build folders were left behind"
    assert not PWNED.exists(), "a YAML tag ran code"
    # check refuses everything the build refuses, with the same messages (issue 13: check ⊇ build).
    checked = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tree), "check"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert [line for line in checked.stderr.splitlines() if line.strip()][:-1] == entry["expect"]


def test_no_expected_message_names_a_python_exception():
    """Over the whole corpus: what an editor reads is Dutch, never an exception's name."""
    messages = [line for entry in MANIFEST for line in entry["expect"]]
    assert messages and not [m for m in messages if EXCEPTION_NAME.search(m)]


def test_corpus_figures():
    report(f"robustness: {len(MANIFEST)} bad content files tried through `toolbox build` (subprocess)")
    assert len(MANIFEST) >= 25


# --- property test ----------------------------------------------------------------------------

MUTATED = [
    "cases/de-stroming.yaml",
    "toolbox/methods/wijkstemdag.yaml",
    "toolbox/lessons/klein-wordt-groot.yaml",
    "toolbox/reference/stadsdelen.yaml",
]
# Characters that mean something in YAML, plus ordinary and awkward text.
YAML_CHARS = st.sampled_from(list(":-[]{},#&*!|>'\"%@`?\t\n ") + ["\r\n", "\x00", "\ufeff", "é", "€", "\u202e", "𝕏"])
INSERT = st.one_of(YAML_CHARS, st.text(max_size=6))


@st.composite
def mutations(draw):
    """A file name and 1-4 edits of its lines or bytes."""
    name = draw(st.sampled_from(MUTATED))
    edits = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "swap", "truncate", "byte"]),
                st.integers(min_value=0, max_value=10_000),
                st.integers(min_value=0, max_value=10_000),
                INSERT,
            ),
            min_size=1,
            max_size=4,
        )
    )
    return name, edits


def mutate(data: bytes, edits) -> bytes:
    for op, a, b, text in edits:
        lines = data.split(b"\n")
        i, j = a % len(lines), b % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = b" " * (1 + b % 4) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][1 + b % 4 :] if lines[i].startswith(b" ") else lines[i]
        elif op == "insert":
            line = lines[i]
            k = b % (len(line) + 1)
            lines[i] = line[:k] + text.encode("utf-8", "surrogatepass") + line[k:]
        elif op == "swap":  # swap the values of two lines ("key: value")
            left, _, lvalue = lines[i].partition(b":")
            right, _, rvalue = lines[j].partition(b":")
            if lvalue and rvalue:
                lines[i], lines[j] = left + b":" + rvalue, right + b":" + lvalue
        elif op == "truncate":
            return b"\n".join(lines)[: a % (len(data) + 1)]
        elif op == "byte":
            raw = bytearray(b"\n".join(lines))
            raw.insert(a % (len(raw) + 1), b % 256)
            return bytes(raw)
        data = b"\n".join(lines)
    return data


@pytest.fixture(scope="module")
def mutable_tree(tmp_path_factory):
    tree = write_minimal_tree(tmp_path_factory.mktemp("mutate") / "repo")
    return tree, {name: (tree / name).read_bytes() for name in MUTATED}


def test_mutated_content_never_gives_a_traceback(mutable_tree):
    tree, originals = mutable_tree
    runs = {"examples": 0, "ok": 0, "errors": 0}

    @settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(mutation=mutations())
    def check(mutation):
        name, edits = mutation
        path = tree / name
        path.write_bytes(mutate(originals[name], edits))
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--root", str(tree), "check"])  # any exception here fails the test
        finally:
            path.write_bytes(originals[name])
        runs["examples"] += 1
        lines = [line for line in err.getvalue().splitlines() if line.strip()]
        if code == 0:
            runs["ok"] += 1
            assert not lines, lines
            return
        runs["errors"] += 1
        assert code == 1
        assert lines and lines[-1].endswith("er is niets gebouwd of veranderd."), lines
        bad = [line for line in lines[:-1] if not ERROR_LINE.match(line)]
        assert not bad, f"not a path:line:col message: {bad}"
        english = [line for line in lines if EXCEPTION_NAME.search(line) or LIBYAML_ENGLISH.search(line)]
        assert not english, f"library text reached the reader: {english}"
        for line in lines[:-1]:
            where = ERROR_LINE.match(line)
            assert (tree / where["path"]).exists(), line
            assert int(where["line"]) >= 1 and int(where["col"]) >= 1, line

    check()
    report(
        f"robustness: {runs['examples']} random mutations of valid files, {runs['ok']} still valid, "
        f"{runs['errors']} refused with path:line:col messages, 0 tracebacks"
    )
    assert runs["examples"] >= 100 and runs["ok"] > 0 and runs["errors"] > 0  # both outcomes were really tried
