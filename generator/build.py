"""The build pipeline: check -> generate -> engine build -> swap into place.

Everything is built in a temporary folder next to the target and only moved
into place when it is complete, so a content error or a failed engine build
never leaves a half-built or stale site behind: the previous site stays as it was.

Two site engines read the same mkdocs.yml and the same generated pages: MkDocs
(the default) and Zensical (``engine="zensical"``, see ENGINES.md).
"""

from __future__ import annotations

import gc
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .collection import Collection, write
from .content import Content
from .glossary import Glossary
from .layout import ASSETS_DIR, GLOSSARY_PAGE, PAGES_FOLDER, THEME_FOLDER
from .pages import render_all
from .render import Renderer
from .site_settings import read_site_settings
from .validate import load_content

ENGINES = ("mkdocs", "zensical")
HAND_WRITTEN = PAGES_FOLDER  # hand-written pages only
# The front end's own CSS, JavaScript and images: published as <site>/assets/ next to the pages.
# (The theme's templates, theme/overrides, are mkdocs.yml's custom_dir: the engine reads them there.)
THEME_ASSETS = Path(THEME_FOLDER) / ASSETS_DIR


class EngineError(Exception):
    """The site engine refused the generated pages (broken link, bad config, ...)."""


@dataclass
class BuildStats:
    pages: int
    generate_seconds: float
    engine_seconds: float


def collect(content: Content, root: Path) -> Collection:
    """Every file of the site in memory: hand-written pages, generated pages, the search
    index, then the glossary boxes on every page (after the index, which reads the pages
    without them). ``toolbox check`` stops here; the build writes the result once."""
    pages = Collection()
    source = root / HAND_WRITTEN
    if source.is_dir():
        pages.add_tree(source, skip=frozenset({"__pycache__"}))
    theme_assets = root / THEME_ASSETS  # the front end's files, where mkdocs.yml's extra_css/extra_javascript name them
    if theme_assets.is_dir():
        pages.add_tree(theme_assets, prefix=f"{ASSETS_DIR}/", skip=frozenset({"__pycache__"}))
    render_all(Renderer(content, pages, read_site_settings(root)))
    glossary = Glossary.for_content(content)
    for rel in pages.markdown():
        if rel != GLOSSARY_PAGE:
            pages.replace(rel, glossary.annotate(pages[rel], "../" * rel.count("/")))
    return pages


def generate(content: Content, root: Path, out: Path) -> int:
    """Write hand-written and generated pages into an empty folder ``out``; the number of pages."""
    return write(collect(content, root), out).pages


def replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, with the old one removed only after the move."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def generate_into(root: Path, docs_dir: Path) -> tuple[Content, int]:
    """Validate, then regenerate ``docs_dir`` completely (a deleted YAML file leaves no page)."""
    content = load_content(root)
    docs_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".docs-", dir=docs_dir.parent))
    try:
        pages = generate(content, root, staging / "docs")
        replace_dir(staging / "docs", docs_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return content, pages


def engine_build(root: Path, docs_dir: Path, site_dir: Path, *, offline: bool = False, engine: str = "mkdocs") -> None:
    """Run the site engine (strict) on generated pages. Raises EngineError with its warnings."""
    if engine == "zensical":
        return zensical_build(root, docs_dir, site_dir, offline=offline)
    if engine != "mkdocs":
        raise ValueError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logger = logging.getLogger("mkdocs")
    collected: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                collected.append(record.getMessage())

    handler = Collect()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    overrides: dict = {"docs_dir": str(docs_dir), "site_dir": str(site_dir), "strict": True}
    if offline:
        overrides["use_directory_urls"] = False
    try:
        config = load_config(str(root / "mkdocs.yml"), **overrides)
        mkdocs_build(config)
    except (Abort, ConfigurationError) as exc:
        raise EngineError("\n".join(collected + [str(exc)])) from None
    finally:
        logger.removeHandler(handler)
    if collected:
        raise EngineError("\n".join(collected))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def zensical_config(root: Path, docs_dir: Path, site_dir: Path, *, offline: bool = False) -> Path:
    """Write the config Zensical reads: mkdocs.yml with only the folders changed, next to both.

    Zensical takes no folder options on its command line and wants docs_dir and site_dir inside
    the folder of its config file; the theme overrides get an absolute path. Zensical also turns
    its own search on when ``plugins`` does not list it; our ``plugins: []`` means "no theme search"
    (our own index is in assets/search/), so that is said explicitly. Else it indexes every page
    for nothing and, at 2,000 cases, stops: a facet page exceeds its index limit (ENGINES.md).
    """
    import yaml

    project = docs_dir.parent
    if site_dir.parent != project:
        raise ValueError("Zensical needs docs_dir and site_dir in the same folder")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=docs_dir.name, site_dir=site_dir.name, strict=True)
    theme = config.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    if offline:
        config["use_directory_urls"] = False
    # theme/overrides/base.html is Material's, which names the theme's CSS and bundle by their
    # content hash; Zensical ships its own, under other names (per variant): pass those.
    extra = config.get("extra") or {}
    extra["tp_theme_assets"] = zensical_theme_assets(theme.get("variant") or "modern")
    config["extra"] = extra
    if not any("search" in (p if isinstance(p, dict) else {p: None}) for p in config.get("plugins") or []):
        config["plugins"] = [*(config.get("plugins") or []), {"search": {"enabled": False}}]
    config_file = project / "zensical-mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def zensical_theme_assets(variant: str) -> dict[str, str]:
    """The file names of Zensical's theme CSS (for this variant) and bundle, relative to the site."""
    import importlib.util

    spec = importlib.util.find_spec("zensical")
    if spec is None or not spec.submodule_search_locations:
        raise EngineError("Zensical is niet geïnstalleerd. Installeer de test-pakketten: scripts/setup-env test (zie ENGINES.md).")
    assets = Path(next(iter(spec.submodule_search_locations))) / "templates" / "assets"
    wanted = {
        "main_css": f"stylesheets/{variant}/main.*.min.css",
        "palette_css": f"stylesheets/{variant}/palette.*.min.css",
        "bundle_js": "javascripts/bundle.*.min.js",
    }
    found = {}
    for key, pattern in wanted.items():
        hits = sorted(assets.glob(pattern))
        if len(hits) != 1:
            raise EngineError(f"Zensical: verwacht precies één {pattern} in {assets}, gevonden: {len(hits)}.")
        found[key] = "assets/" + hits[0].relative_to(assets).as_posix()
    return found


def zensical_build(root: Path, docs_dir: Path, site_dir: Path, *, offline: bool = False) -> None:
    """Run Zensical (strict) on generated pages. Raises EngineError with its warnings.

    It runs in its own process: its Rust runtime cannot be unloaded and reports problems on
    stderr. Its cache (.cache/ next to the config) lives in the temporary build folder, so every
    ``toolbox build --engine zensical`` is a cold build.
    """
    import importlib.util

    if importlib.util.find_spec("zensical") is None:
        raise EngineError("Zensical is niet geïnstalleerd. Installeer de test-pakketten: scripts/setup-env test (zie ENGINES.md).")
    config_file = zensical_config(root, docs_dir, site_dir, offline=offline)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_file)],
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except OSError as exc:  # pragma: no cover - no Python to start
        raise EngineError(f"Zensical kon niet starten: {exc}") from None
    if result.returncode != 0:
        raise EngineError(_zensical_problems(result.stdout + result.stderr))
    # Zensical 0.0.73 writes its search index file even with search disabled (then empty: no
    # items); no page loads it, so it is not published.
    (site_dir / "search.json").unlink(missing_ok=True)


def _zensical_problems(output: str) -> str:
    """Zensical's warnings without colour codes or the Python traceback that ends a strict build."""
    lines, in_traceback = [], False
    for line in _ANSI.sub("", output).splitlines():
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True
            continue
        if in_traceback:
            if line[:1] not in (" ", "\t", ""):  # the exception line that ends the traceback
                in_traceback = False
                lines.append(line.split(": ", 1)[-1] if "Error: " in line else line)
            continue
        if line.strip() and line.strip() not in ("Build started",):
            lines.append(line)
    return "\n".join(lines) or "Zensical stopte zonder melding."


def build(root: Path, site_dir: Path, *, offline: bool = False, engine: str = "mkdocs") -> BuildStats:
    """The whole build. Raises ContentErrors or EngineError; ``site_dir`` changes only on success."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        t0 = time.perf_counter()
        content = load_content(root)
        pages = generate(content, root, work / "docs")
        # The engine never needs the content model: free it first, so the engine's garbage
        # collections do not keep walking its objects (at 2,000 cases: ~10^5 pydantic models,
        # positions and strings) and its memory is back before the engine's peak.
        del content
        gc.collect()
        t1 = time.perf_counter()
        engine_build(root, work / "docs", work / "site", offline=offline, engine=engine)
        t2 = time.perf_counter()
        _world_readable(work / "site")
        replace_dir(work / "site", site_dir)
        return BuildStats(pages, t1 - t0, t2 - t1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _world_readable(path: Path) -> None:
    """Static hosts (and linkchecker, which drops to 'nobody') must be able to read every file."""
    path.chmod(0o755)
    for p in path.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
