"""Command line: python -m analysis {validate,briefing,refresh} …"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="validate the data package and its coverage")
    check.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")

    brief = commands.add_parser("briefing", help="write the briefing: pages, slides, charts, spreadsheets")
    brief.add_argument("--out", type=Path, default=Path("build"), help="folder to write into (default: build/)")

    serve = commands.add_parser("explore", help="serve the explorer as a web app on this machine")
    serve.add_argument("--port", type=int, default=8866)

    refresh = commands.add_parser("refresh", help="re-execute notebooks in place (stored outputs)")
    refresh.add_argument("notebooks", nargs="*", type=Path)

    audit = commands.add_parser("audit", help="check the report against itself (always exits 0)")
    audit.add_argument("--report", default=None, help="one report id (default: all)")
    audit.add_argument("--format", choices=["table", "json", "csv"], default="table")
    audit.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")

    chart = commands.add_parser("charts", help="export every briefing chart (PNG, SVG, alt text)")
    chart.add_argument("--lang", choices=["zh", "en", "both"], default="both")
    chart.add_argument("--out", type=Path, default=Path("build/charts"))

    ext = commands.add_parser("extract", help="find every numeric mention in a report's text")
    ext.add_argument("path", type=Path, help="the report as plain text (UTF-8 or GB18030)")
    ext.add_argument("--report-id", default="", help="report id to put on every row")
    ext.add_argument("--format", choices=["csv", "json"], default="csv")
    ext.add_argument("-o", "--out", type=Path, default=None,
                     help="output file (default: stdout); with --draft, a folder")
    what = ext.add_mutually_exclusive_group()
    what.add_argument("--draft", action="store_true",
                      help="write draft tables in the package's schema (figures, non_figures, sections, "
                           "units, reports) into the folder given by -o")
    what.add_argument("--page-metadata", action="store_true",
                      help="print the web page's furniture around the text (published, source, index "
                           "number, views) as JSON")

    dictionary = commands.add_parser("dictionary", help="print the data dictionary (Markdown)")
    dictionary.add_argument("--write", type=Path, default=None,
                            help="replace the dictionary block in this file (data/README.md)")

    workshop = commands.add_parser("workshop", help="build, check or copy the workshop notebooks")
    workshop.add_argument("verb", nargs=argparse.REMAINDER, help="build | check | copy --lang zh|en")

    args = parser.parse_args(argv)
    if args.command == "workshop":
        from .teach.build import main as workshop_main
        return workshop_main(args.verb)
    if args.command == "audit":
        from .audit.formats import render
        from .tables.package import use_data
        from .tables.schema import DataError
        try:
            if args.data:
                use_data(args.data)
            text = render(args.report, args.format)
        except KeyError as exc:  # an unknown report id is a usage error, not a finding
            print(f"error: {exc.args[0]}", file=sys.stderr)
            return 2
        except DataError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(text, end="")
        return 0
    if args.command == "charts":
        from .charts.catalogue import export_all
        langs = ("zh", "en") if args.lang == "both" else (args.lang,)
        index = export_all(args.out, langs)
        print(f"wrote {index}")
        return 0
    if args.command == "dictionary":
        return _dictionary(args.write)
    if args.command == "extract":
        return _extract(args)
    if args.command == "validate":
        return _validate(args.data)
    if args.command == "explore":
        import os

        from .explore.serve import voila_command
        command, env = voila_command(args.port)
        os.execve(command[0], command, env)  # Voilà takes over this process
    if args.command == "briefing":
        from .briefing.build import BuildError, build
        try:
            build(args.out)
        except BuildError as exc:  # the user's --out, not a fault of the package
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.command == "refresh":
        from .briefing.notebooks import own_notebooks, refresh as run
        run([p.resolve() for p in args.notebooks] or own_notebooks())
        return 0
    return 2


DICTIONARY_START = "<!-- data-dictionary:start (generated by: python -m analysis dictionary --write data/README.md) -->"
DICTIONARY_END = "<!-- data-dictionary:end -->"


def _dictionary(target: Path | None) -> int:
    from .tables.package import DATA_DIR, DESCRIPTOR
    from .tables.schema import markdown_dictionary, read_descriptor

    text = markdown_dictionary(read_descriptor(DATA_DIR / DESCRIPTOR))
    if target is None:
        print(text, end="")
        return 0
    page = target.read_text(encoding="utf-8")
    start, end = page.index(DICTIONARY_START), page.index(DICTIONARY_END)
    page = page[: start + len(DICTIONARY_START)] + "\n\n" + text + "\n" + page[end:]
    target.write_text(page, encoding="utf-8")
    return 0


def _extract(args) -> int:
    import contextlib
    import json

    from .extract import ExtractError, draft_tables, extract, page_metadata, write, write_draft

    if args.draft and not args.out:
        print("error: --draft writes several tables: give the folder to write them in with -o FOLDER",
              file=sys.stderr)
        return 2
    if args.draft and not args.report_id:
        print("error: --draft needs the new report's id: --report-id ID (for example, "
              "a district and a year: ganxian-2021)", file=sys.stderr)
        return 2
    try:
        if args.draft:
            counts = write_draft(draft_tables(args.path, args.report_id), args.out)
            print(f"wrote draft tables to {args.out}: "
                  + ", ".join(f"{name}.csv {n} rows" for name, n in counts.items()))
            return 0
        with contextlib.ExitStack() as stack:
            out = (stack.enter_context(open(args.out, "w", encoding="utf-8", newline=""))
                   if args.out else sys.stdout)
            if args.page_metadata:
                out.write(json.dumps(page_metadata(args.path), ensure_ascii=False, indent=2) + "\n")
                return 0
            count = write(extract(args.path, args.report_id), out, args.format)
    except (ExtractError, FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        sys.stderr.close()
        return 0
    if args.out:
        print(f"wrote {count} mentions to {args.out}")
    return 0


def _validate(data: Path | None) -> int:
    from .tables.coverage import check_coverage
    from .tables.package import load_package
    from .tables.schema import DataError

    try:
        package = load_package(data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    coverage = check_coverage(package)
    sizes = ", ".join(f"{name} {len(frame)}" for name, frame in package.tables.items())
    print(f"valid: {sizes}")
    print(f"digit runs in raw text: {coverage.runs}; unaccounted {len(coverage.unaccounted)}; "
          f"counted twice {len(coverage.double_counted)}")
    for run in coverage.unaccounted:
        print(f"  unaccounted: {run}", file=sys.stderr)
    for run, holders in coverage.double_counted:
        print(f"  counted twice: {run} by {holders}", file=sys.stderr)
    return 0 if coverage.complete else 1


if __name__ == "__main__":
    sys.exit(main())
