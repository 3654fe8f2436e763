"""Command line: ``reader [--store PATH]`` opens the TUI; subcommands work on the same library.

Exit codes: 0 success, 1 failure (one clear line on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader import __version__
from reader.cli_common import (
    EXIT_FAIL,
    EXIT_OK,
    CommandError,
    Parser,
    _console,
    _dump_json,
    _library,
    _store_option,
    count_in_range,
)
from reader.cli_common import EXIT_USAGE as EXIT_USAGE  # importable from here, as before
from reader.cli_common import write_output as write_output

MAX_LIMIT = 1_000_000  # search hits one command prints at most; the index caps it to what it holds


# -- commands ----------------------------------------------------------------------------
def cmd_tui(args: argparse.Namespace) -> int:
    import gc

    # Start-up makes long-lived objects only (modules, classes, styles): collecting garbage meanwhile
    # is wasted time, and frozen they are not scanned again. About a tenth of the time to the first screen.
    gc.disable()
    try:
        app = _tui_app(args)
        gc.freeze()
    finally:
        gc.enable()
    app.run()
    if app.exit_error:
        print(f"reader: {app.exit_error}", file=sys.stderr)
    return app.return_code or EXIT_OK


def _tui_app(args: argparse.Namespace) -> Any:
    from reader import locations
    from reader.config import ConfigError, load_config
    from reader.library import Library

    # The user's own library does not exist yet: it is made from the bundled sample, and the app says so.
    default = locations.default_store_path()
    first_run = args.store is None and locations.resolve_store(None) == default and not default.exists()
    library = Library.open(args.store, lazy=True)
    if not library.catalog.fresh() and not library.list_in_background():
        # First start after the store was written by something else: one full read, which also fails
        # here, with a clear message, on a store that cannot be read. Later starts read only the catalog.
        # A big store in the current format is listed by the app itself, which shows its progress.
        if library.path.exists() and library.path.stat().st_size > 50_000_000:
            print("reader: reading the whole library once to list it quickly from now on…", file=sys.stderr)
        library.prepare_list()
        library.store.storage.close()  # the parsed file is not kept: the TUI reads from the catalog
    try:
        config = load_config()
    except ConfigError as exc:
        raise CommandError(str(exc)) from exc
    from reader.app import ReaderApp

    return ReaderApp(library, config, first_run=first_run)


def cmd_import(args: argparse.Namespace) -> int:
    from reader.render import import_progress, print_import_summary

    library = _library(args)
    with import_progress(enabled=not args.quiet and sys.stderr.isatty()) as progress:
        report = library.import_sources(args.sources, stage_progress=progress)
    from reader.text import clean_line

    for label, reason in report.failed:
        print(f"reader: {clean_line(label)}: {clean_line(reason)}", file=sys.stderr)
    for label, note in report.partial:
        print(f"reader: {clean_line(label)}: {clean_line(note)}", file=sys.stderr)
    if args.json:
        _dump_json(
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "failed": [{"source": label, "error": reason} for label, reason in report.failed],
                "partial": [{"source": label, "note": note} for label, note in report.partial],
            }
        )
    elif not args.quiet:
        print_import_summary(_console(stderr=True), report, library.path)
    if not (report.added or report.updated or report.unchanged or report.failed):
        print("reader: nothing to import: no text, Markdown, HTML or JSON file in what was given", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAIL


def cmd_list(args: argparse.Namespace) -> int:
    library = _library(args)
    rows = library.summaries()
    if args.json:
        _dump_json(rows)
        return EXIT_OK
    from reader.render import print_article_table

    print_article_table(_console(), rows, library.read_flags(), library.path)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    library = _library(args)
    article = library.require(args.id)
    if args.json:
        data = article.to_dict()
        analysis = data.pop("analysis") or {}
        data["words"] = article.words
        data.update({k: analysis.get(k, []) for k in ("quotes", "people", "sources", "links")})
        data["analyzer_version"] = analysis.get("version")
        data["feed"] = article.meta.get("feed")
        _dump_json(data)
        return EXIT_OK
    from reader.render import print_article

    # Piped output is not wrapped by rich: a very long article prints at once and stays greppable.
    print_article(_console(), article)
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.analysis import analyze
    from reader.importers import read_file_limited, read_stdin
    from reader.importers.common import MAX_FILE_BYTES, ImportError_, decode
    from reader.importers.plaintext import parse_text

    try:
        # the cap of one imported file; devices and pipes other than stdin are refused, not read
        data = read_stdin() if args.file == "-" else read_file_limited(Path(args.file), MAX_FILE_BYTES)
        article = parse_text(decode(data), source=Path(args.file).name if args.file != "-" else "stdin")
    except ImportError_ as exc:
        reason = "cannot read (no such file)" if str(exc) == "no such file" else str(exc)
        raise CommandError(f"{args.file}: {reason}") from exc
    except OSError as exc:  # a folder, or a file that cannot be opened
        raise CommandError(f"{args.file}: cannot read ({exc.strerror or exc})") from exc
    analysis = analyze(article.body, article.title)
    result = {"title": article.title, **{k: v for k, v in analysis.to_dict().items() if k != "version"}}
    if args.json:
        _dump_json(result)
        return EXIT_OK
    from reader.render import print_analysis

    print_analysis(_console(), article, analysis)
    return EXIT_OK


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from reader.cli_bookmarks import run

    return run(args)


def cmd_feeds(args: argparse.Namespace) -> int:
    from reader.cli_feeds import run_feeds

    return run_feeds(args)


def cmd_refresh(args: argparse.Namespace) -> int:
    from reader.cli_feeds import run_refresh

    return run_refresh(args)


def cmd_corrections(args: argparse.Namespace) -> int:
    from reader.cli_corrections import run_corrections

    return run_corrections(args)


def cmd_correct(args: argparse.Namespace) -> int:
    from reader.cli_corrections import run_correct

    return run_correct(args)


def cmd_search(args: argparse.Namespace) -> int:
    from reader.search import QueryError, SearchError

    library = _library(args)
    try:
        results = library.search(args.query, limit=args.limit)
    except (QueryError, SearchError) as exc:
        raise CommandError(f"search: {exc}") from exc
    if args.json:
        _dump_json(results.to_dict())
        return EXIT_OK
    from reader.search.render import print_results

    print_results(_console(), results)
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    import time

    from reader.search import SearchError

    library = _library(args)
    started = time.perf_counter()
    # Analyses made by an older analyzer are redone and stored first, so the index reflects them.
    refreshed = library.refresh_analyses()
    try:
        count = library.reindex()
    except SearchError as exc:
        raise CommandError(f"reindex: {exc}") from exc
    elapsed = time.perf_counter() - started
    if args.json:
        _dump_json(
            {
                "articles": count,
                "reanalysed": refreshed,
                "seconds": round(elapsed, 3),
                "index": str(library.search_index.dir),
            }
        )
    else:
        if refreshed:
            print(
                f"Re-analysed {refreshed} article{'s' if refreshed != 1 else ''} (analyzer upgraded)", file=sys.stderr
            )
        print(f"Indexed {count} article{'s' if count != 1 else ''} in {elapsed:.1f} s", file=sys.stderr)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from reader.cli_details import run_edit

    return run_edit(args)


def cmd_doctor(args: argparse.Namespace) -> int:
    from reader.cli_doctor import run_doctor

    return run_doctor(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "analyze": cmd_analyze,
    "bookmarks": cmd_bookmarks,
    "feeds": cmd_feeds,
    "refresh": cmd_refresh,
    "corrections": cmd_corrections,
    "correct": cmd_correct,
    "search": cmd_search,
    "reindex": cmd_reindex,
    "doctor": cmd_doctor,
    "edit": cmd_edit,
}


# -- parser ------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader",
        description="Read news articles in the terminal and see who said what: quotes, people, sources.",
        epilog="Run 'reader' alone to open the app. 'reader COMMAND --help' describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _store_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "import",
        help="import files, directories, web pages and feeds into the library",
        description="Import articles: text, Markdown, HTML and JSON files (or another reader library), "
        "directories (recursively), web pages, RSS/Atom feeds and OPML lists by URL, and '-' for stdin. "
        "The same article (same URL or same text) is stored once; importing again updates it in place.",
    )
    _store_option(p, argparse.SUPPRESS)
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a file, a directory (recursive), a URL (page, feed or OPML) or - for stdin",
    )
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    p = sub.add_parser("list", help="list the articles in the library, newest first")
    _store_option(p, argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = sub.add_parser("show", help="show one article with its quotes, people and sources")
    _store_option(p, argparse.SUPPRESS)
    p.add_argument("id", metavar="ID", help="an article id (or a unique prefix of one) from 'reader list'")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    from reader.cli_details import add_parser as add_edit_parser

    add_edit_parser(sub, _store_option)

    p = sub.add_parser("analyze", help="analyse one plain-text article without touching any library")
    _store_option(p, argparse.SUPPRESS)
    p.add_argument("file", metavar="FILE", help="a text file (title line, blank line, body), or - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    from reader.cli_bookmarks import add_parser as add_bookmarks_parser

    add_bookmarks_parser(sub, _store_option)
    from reader.cli_feeds import add_parsers as add_feeds_parsers

    add_feeds_parsers(sub, _store_option)
    from reader.cli_corrections import add_parsers as add_corrections_parsers

    add_corrections_parsers(sub, _store_option)
    p = sub.add_parser(
        "search",
        help='search the library (words, "phrases", OR, -word, prefix*, title: source: person: speaker: '
        "quote: feed: after: before:)",
        description="Search the library. See docs/search.md for the query language.",
    )
    _store_option(p, argparse.SUPPRESS)
    p.add_argument("query", metavar="QUERY", help="e.g. 'ukraine \"peace talks\" -opinion after:2022'")
    p.add_argument(
        "--limit",
        type=count_in_range(1, MAX_LIMIT),
        default=20,
        metavar="N",
        help=f"show at most N articles, 1 to {MAX_LIMIT:,} (default 20)",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = sub.add_parser(
        "reindex", help="redo analyses made by an older analyzer and rebuild the search index from the library"
    )
    _store_option(p, argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    from reader.cli_doctor import add_parser as add_doctor_parser

    add_doctor_parser(sub, _store_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from reader.library import ArticleNotFound
    from reader.storage import StoreError

    handler = COMMANDS.get(args.command, cmd_tui) if args.command else cmd_tui
    try:
        return handler(args)
    except (CommandError, StoreError, ArticleNotFound) as exc:
        message = exc.args[0] if exc.args else str(exc)
        print(f"reader: error: {message}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
