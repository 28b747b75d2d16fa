"""The ``toolbox`` command: check, build, serve, generate, schema.

Content errors are printed as ``path:line:col: message`` and exit with 1; no
Python traceback reaches a content editor for a content problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentErrors


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder upwards that holds mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _report(errors: ContentErrors) -> int:
    for error in errors.errors:
        print(error, file=sys.stderr)
    n = len(errors.errors)
    print(f"\n{n} {'fout' if n == 1 else 'fouten'} gevonden; er is niets gebouwd of veranderd.", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    from .build import collect
    from .validate import load_content

    content = load_content(args.root)
    # A few rules can only be checked on the generated pages (a synonym must point at a word some
    # page uses: generator/search/index.py). Collect the pages in memory, without writing them or
    # running the site engine, so check refuses everything the build would refuse.
    collect(content, args.root)
    print(
        f"In orde: {len(content.cases)} voorbeelden, {len(content.methods)} methoden, {len(content.lessons)} lessen, {len(content.guides)} keuzehulpen."
    )
    return 0


ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}


def cmd_build(args) -> int:
    from .build import EngineError, build

    site = Path(args.site_dir) if args.site_dir else args.root / ("site-offline" if args.offline else "site")
    try:
        stats = build(args.root, site, offline=args.offline, engine=args.engine)
    except EngineError as exc:
        print(
            f"De site-engine ({ENGINE_NAMES[args.engine]}) weigerde de pagina's:\n{exc}\nDe vorige site is niet veranderd.", file=sys.stderr
        )
        return 1
    print(
        f"Site gebouwd in {site} ({stats.pages} pagina's; genereren {stats.generate_seconds:.2f} s, {ENGINE_NAMES[args.engine]} {stats.engine_seconds:.2f} s)."
    )
    return 0


def cmd_generate(args) -> int:
    from .build import generate_into

    out = Path(args.out) if args.out else args.root / "build" / "docs"
    _content, pages = generate_into(args.root, out)
    print(f"{pages} pagina's geschreven naar {out}.")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    return serve(args.root, args.dev_addr)


def cmd_schema(args) -> int:
    from .jsonschema import write_schemas
    from .validate import load_content

    out = Path(args.out) if args.out else args.root / "schema"
    for path in write_schemas(load_content(args.root), out):
        print(path)
    return 0


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, new_entry

    try:
        path, schemas = new_entry(args.root, args.kind, args.slug)
    except ScaffoldError as exc:
        print(f"toolbox new: {exc} Er is niets geschreven.", file=sys.stderr)
        return 1
    print(f"Nieuw bestand: {path.relative_to(args.root).as_posix()}. Vul de velden in en controleer met: scripts/toolbox check")
    if not schemas:
        print(
            "Let op: schema/ (voor de controle in je editor) is niet bijgewerkt, want de inhoud heeft nog fouten. Draai 'scripts/toolbox schema' als 'scripts/toolbox check' in orde is."
        )
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="toolbox", description="Toolbox Participatie: controleer de inhoud en bouw de site.")
    p.add_argument("--root", type=Path, default=None, help="map van de repository (standaard: gevonden via mkdocs.yml)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("check", help="controleer alle YAML-bestanden en meld elke fout als pad:regel:kolom")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("build", help="controleer, genereer en bouw de site (strict); bij een fout blijft de vorige site staan")
    s.add_argument("--site-dir", help="waar de site komt (standaard: site/)")
    s.add_argument("--offline", action="store_true", help="bouw een kopie die werkt vanaf een map of USB-stick (file://)")
    s.add_argument(
        "--engine", choices=sorted(ENGINE_NAMES), default="mkdocs", help="site-engine (standaard: mkdocs; zensical: zie ENGINES.md)"
    )
    s.set_defaults(func=cmd_build)

    s = sub.add_parser("generate", help="schrijf alleen de Markdown-pagina's (voor MkDocs of een andere engine)")
    s.add_argument("--out", help="doelmap (standaard: build/docs, de docs_dir van mkdocs.yml)")
    s.set_defaults(func=cmd_generate)

    s = sub.add_parser("serve", help="live voorbeeld; bouwt opnieuw als een YAML-bestand verandert en toont fouten in de browser")
    s.add_argument("--dev-addr", default=None, help="adres:poort (standaard 127.0.0.1:8000, of de eerste vrije poort daarna)")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("schema", help="schrijf JSON Schema voor editors (met toegestane waarden uit de referentiedata)")
    s.add_argument("--out", help="doelmap (standaard: schema/)")
    s.set_defaults(func=cmd_schema)

    s = sub.add_parser("new", help="maak een nieuw invulbestand: toolbox new case|method|lesson <naam>")
    s.add_argument("kind", metavar="SOORT", help="case (voorbeeld), method (methode) of lesson (les)")
    s.add_argument("slug", metavar="NAAM", help="bestandsnaam zonder .yaml: kleine letters, cijfers en streepjes")
    s.set_defaults(func=cmd_new)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = (args.root or find_root(Path.cwd())).resolve()
    try:
        return args.func(args)
    except ContentErrors as errors:
        return _report(errors)
    except KeyboardInterrupt:
        return 130
