"""``reader correct ID ...`` and ``reader corrections list|export``: corrections from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reader.cli_common import ANCHOR_STATUS_STYLE, EXIT_OK, CommandError, _console, _dump_json, _library, write_output
from reader.userdata import SOURCE_KINDS


def add_parsers(sub: Any, store_option: Callable[..., None]) -> None:
    """The ``corrections`` and ``correct`` subcommands, added to the main parser."""
    p = sub.add_parser("corrections", help="list or export your corrections of speakers, people and sources")
    store_option(p, argparse.SUPPRESS)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("list", help="every correction with its status (anchored, moved, orphaned)")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("--json", action="store_true", help="print JSON for scripts")
    a = actions.add_parser("export", help="export the corrections as Markdown (for a report) or JSON")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    a.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")

    p = sub.add_parser(
        "correct",
        help="correct the analysis of an article: a quote's speaker, a person, a source (--undo takes it back)",
        description="Correct what the analysis says about one article. The correction is kept in your user "
        "state, applied wherever the article is shown or searched, and survives re-analysis and re-imports.",
    )
    store_option(p, argparse.SUPPRESS)
    p.add_argument("id", metavar="ID", help="an article id (or a unique prefix of one) from 'reader list'")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--quote", metavar="TEXT", help="the quote to correct: some of its words, as they read")
    what.add_argument("--not-a-person", metavar="NAME", help="NAME is not a person (see --as, --everywhere)")
    what.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="a person's name is NEW, not OLD")
    what.add_argument("--role", nargs=2, metavar=("NAME", "ROLE"), help="set a person's role ('' clears it)")
    what.add_argument("--merge", nargs=2, metavar=("A", "B"), help="A and B are one person: B is kept")
    what.add_argument("--add-source", metavar="NAME", help="add a source the analysis missed (with --kind)")
    what.add_argument("--remove-source", metavar="NAME", help="NAME is not a source of this article")
    what.add_argument("--source-kind", nargs=2, metavar=("NAME", "KIND"), help="change the kind of a source")
    what.add_argument("--undo", action="store_true", help="take back the newest correction made in this article")
    said = p.add_mutually_exclusive_group()
    said.add_argument(
        "--speaker", metavar="NAME", help="with --quote: who said it (a person of the article or any name)"
    )
    said.add_argument("--unknown", action="store_true", help="with --quote: the speaker is unknown")
    said.add_argument("--not-speech", action="store_true", help="with --quote: a quoted term, not reported speech")
    said.add_argument("--speech", action="store_true", help="with --quote: reported speech, not a quoted term")
    p.add_argument("--as", dest="as_kind", choices=("organization", "place"), help="with --not-a-person: what it is")
    p.add_argument("--everywhere", action="store_true", help="with --not-a-person: in every article, new ones too")
    p.add_argument("--kind", choices=SOURCE_KINDS, help="with --add-source: the source's kind")
    p.add_argument("--passage", metavar="TEXT", help="with --add-source: where the article cites it")
    p.add_argument("--json", action="store_true", help="print the correction as JSON")
    p.set_defaults(correct_parser=p)


def run_corrections(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        if args.action == "list":
            items = library.corrections.placed()
            if args.json:
                _dump_json([item.to_dict() for item in items])
            else:
                _print_table(items)
            return EXIT_OK
        data = library.corrections.export(args.format)
    except OSError as exc:
        raise CommandError(f"{exc.filename or library.state.path}: cannot read ({exc.strerror or exc})") from exc
    target = write_output(data if data.endswith(b"\n") else data + b"\n", args.output)
    if target is None:
        return EXIT_OK
    count = len(library.corrections)
    _say(f"Exported {count} correction{'s' if count != 1 else ''} to {target}", stderr=True)
    return EXIT_OK


def _check_usage(args: argparse.Namespace) -> None:
    """Options that only mean something with another: wrong usage (exit 2) when alone."""
    parser: argparse.ArgumentParser = args.correct_parser
    said = args.speaker is not None or args.unknown or args.not_speech or args.speech
    if args.quote is not None and not said:
        parser.error("--quote needs one of --speaker NAME, --unknown, --not-speech, --speech")
    if said and args.quote is None:
        parser.error("--speaker, --unknown, --not-speech and --speech need --quote TEXT")
    if args.speaker is not None and not args.speaker.strip():
        parser.error("--speaker needs a name; --unknown says nobody known said it")
    if (args.as_kind or args.everywhere) and args.not_a_person is None:
        parser.error("--as and --everywhere go with --not-a-person NAME")
    if args.add_source is not None and args.kind is None:
        parser.error(f"--add-source needs --kind ({'|'.join(SOURCE_KINDS)})")
    if (args.kind or args.passage) and args.add_source is None:
        parser.error("--kind and --passage go with --add-source NAME")


def run_correct(args: argparse.Namespace) -> int:
    from reader.userdata.actions import CorrectionError

    _check_usage(args)
    library = _library(args)
    article = library.require(args.id)
    fixes = library.corrections
    try:
        if args.undo:
            undone = fixes.undo(article.id)
            if undone is None:
                raise CommandError(f"no correction to undo in article {article.id}")
            _report(args, undone, article.title, "Undone")
            return EXIT_OK
        if args.quote is not None:
            quote = fixes.find_quote(article.id, args.quote)
            span = (quote.start, quote.end)
            if args.speech or args.not_speech:
                made = fixes.set_speech(article.id, span, speech=bool(args.speech))
            else:
                made = fixes.set_speaker(article.id, span, None if args.unknown else args.speaker)
        elif args.not_a_person is not None:
            made = fixes.not_a_person(article.id, args.not_a_person, args.as_kind, args.everywhere)
        elif args.rename:
            made = fixes.rename(article.id, *args.rename)
        elif args.role:
            made = fixes.set_role(article.id, *args.role)
        elif args.merge:
            made = fixes.merge(article.id, *args.merge)
        elif args.add_source is not None:
            made = fixes.add_source(article.id, args.add_source, args.kind, _passage(article, args.passage))
        elif args.remove_source is not None:
            made = fixes.remove_source(article.id, args.remove_source)
        else:
            made = fixes.source_kind(article.id, *args.source_kind)
    except CorrectionError as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:  # the user-state file could not be written (read-only folder, full disk)
        raise CommandError(f"{exc.filename or library.state.path}: cannot write ({exc.strerror or exc})") from exc
    _report(args, made, article.title, "Corrected")
    return EXIT_OK


def _passage(article: Any, text: str | None) -> tuple[int, int] | None:
    from reader.anchoring import find_passage

    if text is None:
        return None
    spans = find_passage(article.body, text)
    if len(spans) != 1:
        found = "is not in" if not spans else f"occurs {len(spans)} times in"
        raise CommandError(f"the passage {found} article {article.id}; give the words once, as they read")
    return spans[0]


def _report(args: argparse.Namespace, correction: Any, title: str, verb: str) -> None:
    if args.json:
        _dump_json({**correction.to_dict(), "description": correction.describe()})
    else:
        _say(f"{verb} in “{title}”: {correction.describe()}")


# -- output ----------------------------------------------------------------------------------------
def _say(message: str, stderr: bool = False) -> None:
    from rich.text import Text

    _console(stderr=stderr).print(Text(message), soft_wrap=True)  # one line, however narrow the terminal


def _print_table(items: list[Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console()
    if not items:
        console.print(
            Text("No corrections yet. Make one in the app, or: reader correct ID --quote TEXT --speaker NAME")
        )
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, kwargs in (
        ("ID", {"style": "dim", "no_wrap": True}),
        ("Status", {"no_wrap": True}),
        ("Article", {"ratio": 1}),
        ("Correction", {"ratio": 3}),
    ):
        table.add_column(name, **kwargs)
    for item in items:
        table.add_row(
            Text(item.correction.id),
            Text(item.status, style=ANCHOR_STATUS_STYLE.get(item.status, "")),
            Text(item.article_title or item.correction.article_id),
            Text(item.correction.describe()),
        )
    console.print(table)
