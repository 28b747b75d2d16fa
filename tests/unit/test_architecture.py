"""The pipeline runs one way: load -> validate -> model -> render -> site engine, and the imports say so.

Reads every ``import`` in ``generator/`` (function-level ones included) from the source, so a
lazy import inside a function cannot hide a circle or a step reaching back.
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# Which step each module belongs to. "shared" is plain data and helpers every step may use.
# A new module must be placed here: the test names it when it is missing.
STEPS: dict[str, set[str]] = {
    "shared": {
        "generator",
        "layout",
        "errors",
        "schema",
        "guides",
        "guides.schema",
        "search.text",
        "escape",
        "marks",
        "pictures",
        "collection",
        "site_settings",
    },
    "load": {"load"},
    "validate": {
        "validate",
        "validate_cases",
        "rules_time",
        "rules_marks",
        "references",
        "messages",
        "guides.rules",
        "guides.check",
        "search.synonyms_file",
    },
    "model": {"content", "guides.engine", "search.synonyms"},
    "render": {
        "render",
        "pages",
        "fragments",
        "glossary",
        "jsonschema",
        "guides.pages",
        "search",
        "search.index",
        "browse",
        "browse.facets",
        "browse.related",
        "browse.compare",
        "opendata",
        "opendata.fields",
        "opendata.tables",
        "opendata.export",
        "opendata.codebook",
        "opendata.participedia",
        "opendata.datapackage",
        "opendata.catalog",
        "opendata.publication",
    },
    "engine": {"build", "serve", "cli", "scaffold", "__main__"},
}

# What each step may import besides itself. Validation builds the model it returns; rendering reads
# the model and never the validation step; the engine step (commands) runs the whole pipeline.
MAY_IMPORT = {
    "shared": {"shared"},
    "load": {"shared"},
    "validate": {"shared", "load", "model"},
    "model": {"shared"},
    "render": {"shared", "model"},
    "engine": {"shared", "load", "validate", "model", "render"},
}


def modules(root: Path = GENERATOR) -> dict[str, Path]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or "generator"] = path
    return found


def from_module(node: ast.ImportFrom, package: list[str]) -> str:
    """The dotted name of the module a ``from ... import`` reads; ``package``: the importing file's package."""
    if not node.level:
        return node.module or ""
    return ".".join(package[: len(package) - (node.level - 1)] + ([node.module] if node.module else []))


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The generator modules ``name`` imports anywhere in its file."""
    package = ["generator"] if name == "generator" else ["generator", *name.split(".")]
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            full = from_module(node, package)
            if full.split(".")[0] != "generator":
                continue
            target = full.removeprefix("generator").lstrip(".")
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if sub in known else (target or "generator"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("generator"):
                    found.add(alias.name.removeprefix("generator").lstrip(".") or "generator")
    found.discard(name)
    return found


def graph(root: Path = GENERATOR) -> dict[str, set[str]]:
    mods = modules(root)
    return {name: imports(name, path, set(mods)) for name, path in mods.items()}


def step_of(name: str) -> str:
    return next(step for step, members in STEPS.items() if name in members)


def test_the_import_reader_sees_lazy_imports():
    """The reader finds an import inside a function (cli imports its commands lazily)."""
    assert {"build", "validate", "scaffold", "serve", "jsonschema"} <= graph()["cli"]


def test_every_module_has_a_step():
    placed = set().union(*STEPS.values())
    missing = set(modules()) - placed
    assert not missing, f"place these modules in STEPS (tests/unit/test_architecture.py): {sorted(missing)}"
    assert not placed - set(modules()), f"STEPS names modules that do not exist: {sorted(placed - set(modules()))}"


def test_imports_run_one_way():
    wrong = []
    for name, targets in graph().items():
        step = step_of(name)
        for target in sorted(targets):
            other = step_of(target)
            if other != step and other not in MAY_IMPORT[step]:
                wrong.append(f"{name} ({step}) imports {target} ({other})")
    assert not wrong, "\n".join(wrong)


def test_render_never_imports_validation():
    g = graph()
    render_side = STEPS["render"] | STEPS["model"]
    reaching_back = {(name, t) for name in render_side for t in g[name] if step_of(t) in ("validate", "load")}
    assert not reaching_back


def circles(g: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in g:
        if v not in index:
            visit(v)
    return found


def test_no_import_circle():
    assert not circles(graph()), f"import circles: {circles(graph())}"


def test_the_checks_would_see_a_lazy_import_back_into_browsing(tmp_path):
    """Not vacuous: a function-level import from the model into browse (the old circle) is caught."""
    fake = tmp_path / "generator"
    for path in GENERATOR.rglob("*.py"):
        target = fake / path.relative_to(GENERATOR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    content = fake / "content.py"
    content.write_text(
        content.read_text(encoding="utf-8") + "\n\ndef facets(c):\n    from .browse import Browse\n\n    return Browse(c)\n",
        encoding="utf-8",
    )
    g = graph(fake)
    assert "browse" in g["content"]
    assert step_of("browse") not in MAY_IMPORT[step_of("content")]
    assert any({"content", "browse"} <= set(c) for c in circles(g))


def _top_level_names(path: Path) -> set[str]:
    """What ``from module import name`` can take from a file: its top-level definitions and imports."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def test_every_import_of_a_project_module_names_something_that_exists():
    """A lazy import inside a test or a function runs only when that code runs; a moved helper
    would then fail late, in CI. Every ``from <project module> import name`` is resolved here,
    from the source, in a second."""
    project = GENERATOR.parent
    missing = []
    for folder in ("generator", "tests", "benchmarks"):
        for path in sorted((project / folder).rglob("*.py")):
            module = ".".join(path.relative_to(project).with_suffix("").parts)
            package = module.split(".")[:-1]
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom):
                    continue
                name = from_module(node, package)
                if name.split(".")[0] not in ("generator", "tests", "benchmarks"):
                    continue
                folder_of = project.joinpath(*name.split("."))
                file = folder_of / "__init__.py" if folder_of.is_dir() else folder_of.with_suffix(".py")
                if not file.is_file():
                    missing.append(f"{path.relative_to(project)}:{node.lineno}: no module {name}")
                    continue
                defined = _top_level_names(file)
                for alias in node.names:
                    if (
                        alias.name != "*"
                        and alias.name not in defined
                        and not (folder_of / f"{alias.name}.py").is_file()
                        and not (folder_of / alias.name).is_dir()
                    ):
                        missing.append(f"{path.relative_to(project)}:{node.lineno}: {name} has no {alias.name}")
    assert not missing, "\n".join(missing)
