"""``reader feeds add|list|remove|import|export`` and ``reader refresh``: followed feeds from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli_common import EXIT_FAIL, EXIT_OK, CommandError, _console, _dump_json, _library, write_output
from reader.storage import StoreError
from reader.text import clean_line

STATUS_STYLE = {"ok": "green", "new": "cyan", "failing": "red", "gone": "red"}


def add_parsers(sub: Any, store_option: Callable[..., None]) -> None:
    """The ``feeds`` and ``refresh`` subcommands, added to the main parser."""
    p = sub.add_parser(
        "feeds",
        help="follow feeds: add, list, remove, import and export (OPML) subscriptions",
        description="Follow RSS and Atom feeds. Subscriptions are kept with your bookmarks beside the library; "
        "'reader refresh' fetches them and imports their new entries.",
    )
    store_option(p, argparse.SUPPRESS)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser(
        "add",
        help="subscribe to an RSS or Atom feed ('reader refresh' fetches it)",
        description="Subscribe to a feed. Nothing is fetched yet: 'reader refresh' fetches every feed and imports "
        "its new entries. Without --name the feed is named after its own title once fetched.",
    )
    store_option(a, argparse.SUPPRESS)
    a.add_argument("url", metavar="URL", help="the feed's http(s) address")
    a.add_argument("--name", help="what to call the feed (default: its title)")
    a.add_argument(
        "--full-text",
        choices=("auto", "always", "never"),
        default="auto",
        help="fetch each entry's page for its text: auto (when the entry is only a short summary; the default), "
        "always, or never",
    )
    a.add_argument("--json", action="store_true", help="print the subscription as JSON")

    a = actions.add_parser("list", help="list the feeds with their articles, unread ones, last refresh and error")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("--json", action="store_true", help="print JSON for scripts")

    a = actions.add_parser("remove", help="unsubscribe from a feed (its articles stay unless --delete-articles)")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("feed", metavar="NAME", help="the feed's name, URL or id (see 'reader feeds list')")
    a.add_argument("--delete-articles", action="store_true", help="also delete the feed's articles from the library")

    a = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("file", metavar="FILE.opml", help="an OPML subscription list (from another feed reader)")

    a = actions.add_parser("export", help="write the subscriptions as OPML (for another feed reader)")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")

    p = sub.add_parser(
        "refresh",
        help="fetch the subscribed feeds and import their new entries",
        description="Fetch every subscribed feed (or those named), several at once, and import their new and "
        "edited entries, analysed and searchable, unread. Unchanged feeds cost one request (ETag, "
        "Last-Modified). A feed that keeps failing is left alone for a while unless named. Exit status 1 if any "
        "feed failed.",
    )
    store_option(p, argparse.SUPPRESS)
    p.add_argument("feeds", nargs="*", metavar="NAME", help="only these feeds (name, URL or id); default: all")
    p.add_argument("--jobs", type=int, default=8, metavar="N", help="feeds fetched at once (default 8)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds per request (default 20)")
    p.add_argument(
        "--limit", type=float, default=300.0, metavar="S", help="seconds for the whole refresh (default 300)"
    )
    p.add_argument("--json", action="store_true", help="print the outcome of each feed as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def run_feeds(args: argparse.Namespace) -> int:
    from reader.feeds import SubscriptionError

    library = _library(args)
    try:
        return ACTIONS[args.action](library, args)
    except SubscriptionError as exc:
        raise CommandError(str(exc)) from exc
    except StoreError:
        raise
    except OSError as exc:
        raise CommandError(f"{exc.filename or library.state.path}: cannot write ({exc.strerror or exc})") from exc


def _add(library: Any, args: argparse.Namespace) -> int:
    sub = library.feeds.add(args.url, name=args.name, full_text=args.full_text)
    if args.json:
        _dump_json(sub.to_dict() | {"entries": len(sub.entries)})
    else:
        if sub.named:
            _say(f"Subscribed to {sub.url} as '{sub.name}'. 'reader refresh' fetches its articles.")
        else:
            _say(f"Subscribed to {sub.url}. 'reader refresh' fetches its articles and names it after its title.")
    return EXIT_OK


def _list(library: Any, args: argparse.Namespace) -> int:
    stats = library.feeds.stats()
    if args.json:
        _dump_json([s.to_dict() for s in stats])
        return EXIT_OK
    from rich.table import Table
    from rich.text import Text

    console = _console()
    if not stats:
        console.print(Text("No feeds yet. Subscribe to one: reader feeds add URL"))
        return EXIT_OK
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, options in (
        ("Feed", {"ratio": 2}),
        ("Articles", {"justify": "right"}),
        ("Unread", {"justify": "right"}),
        ("Last refresh", {"no_wrap": True}),
        ("Status", {"ratio": 2}),
    ):
        table.add_column(name, **options)
    for item in stats:
        feed = item.feed
        status = Text(feed.status, style=STATUS_STYLE.get(feed.status, ""))
        if feed.last_error:
            status.append(f": {feed.last_error}", style="")
        table.add_row(
            Text.assemble((feed.name, "bold"), "\n", (feed.url, "dim")),
            str(item.articles),
            str(item.unread),
            Text(_when(feed.last_refresh)),
            status,
        )
    console.print(table)
    return EXIT_OK


def _remove(library: Any, args: argparse.Namespace) -> int:
    sub, deleted = library.feeds.remove(args.feed, delete_articles=args.delete_articles)
    kept = len(sub.article_ids())
    if args.delete_articles:
        _say(f"Unsubscribed from '{sub.name}' and deleted its {len(deleted)} article{'s' if len(deleted) != 1 else ''}")
    else:
        _say(f"Unsubscribed from '{sub.name}'; its {kept} article{'s' if kept != 1 else ''} stay in the library")
    return EXIT_OK


def _import(library: Any, args: argparse.Namespace) -> int:
    from reader.importers.common import ImportError_

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        added, known = library.feeds.import_opml(data)
    except ImportError_ as exc:
        raise CommandError(f"{path}: {exc}") from exc
    message = f"Subscribed to {len(added)} feed{'s' if len(added) != 1 else ''} from {path}"
    if known:
        message += f" ({len(known)} already subscribed)"
    _say(message + (". 'reader refresh' fetches their articles." if added else ""))
    return EXIT_OK


def _export(library: Any, args: argparse.Namespace) -> int:
    target = write_output(library.feeds.export_opml(), args.output)
    if target is None:
        return EXIT_OK
    count = len(library.feeds.all())
    _say(f"Exported {count} feed{'s' if count != 1 else ''} to {target}", stderr=True)
    return EXIT_OK


ACTIONS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "add": _add,
    "list": _list,
    "remove": _remove,
    "import": _import,
    "export": _export,
}


# -- refresh ---------------------------------------------------------------------------------------
def run_refresh(args: argparse.Namespace) -> int:
    from reader.feeds import SubscriptionError
    from reader.render import import_progress

    for option, value in (("--jobs", args.jobs), ("--timeout", args.timeout), ("--limit", args.limit)):
        if value <= 0:
            raise CommandError(f"{option} must be more than 0 (got {value:g})")
    library = _library(args)
    if not library.feeds.all():
        raise CommandError("no feeds to refresh; subscribe to one first: reader feeds add URL")
    try:
        with import_progress(enabled=not args.quiet and not args.json and sys.stderr.isatty()) as progress:
            report = library.feeds.refresh(
                args.feeds, progress=progress, jobs=args.jobs, timeout=args.timeout, limit=args.limit
            )
    except SubscriptionError as exc:
        raise CommandError(str(exc)) from exc
    for outcome in report.failed:
        name = outcome.name or outcome.feed.name
        print(f"reader: {clean_line(name)}: {clean_line(outcome.error or '')}", file=sys.stderr)
    for label, reason in report.imported.failed:
        print(f"reader: {clean_line(label)}: {clean_line(reason)}", file=sys.stderr)
    if args.json:
        _dump_json(
            {
                "feeds": [o.to_dict() for o in report.outcomes],
                "skipped": [{"feed": s.name, "id": s.id, "reason": why} for s, why in report.skipped],
                "added": report.imported.added,
                "updated": report.imported.updated,
            }
        )
    elif not args.quiet:
        for sub, why in report.skipped:
            _say(f"skipped {sub.name}: {why}", stderr=True)
        for outcome in report.outcomes:
            if outcome.moved_to:
                _say(f"{outcome.name}: moved for good to {outcome.moved_to} (the subscription follows)", stderr=True)
        _say(report.summary(), stderr=True)
    return EXIT_OK if report.ok and report.imported.ok else EXIT_FAIL


def _when(stamp: str | None) -> str:
    """A refresh time in local time, to the minute; 'never' before the first."""
    from reader.userdata.subscriptions import parse_time

    moment = parse_time(stamp)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def _say(message: str, stderr: bool = False) -> None:
    from rich.text import Text

    _console(stderr=stderr).print(Text(message))
