"""``reader bookmarks list|add|edit|delete|export``: bookmarked passages from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli_common import ANCHOR_STATUS_STYLE, EXIT_OK, CommandError, _console, _dump_json, _library, write_output
from reader.storage import StoreError


def add_parser(sub: Any, store_option: Callable[..., None]) -> None:
    """The ``bookmarks`` subcommand and its actions, added to the main parser."""
    p = sub.add_parser("bookmarks", help="list, add, edit, delete and export bookmarked passages")
    store_option(p, argparse.SUPPRESS)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("list", help="list bookmarks, newest first, with their status")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("--json", action="store_true", help="print JSON for scripts")
    a.add_argument("--filter", metavar="QUERY", default="", help="words in the passage, note or title; #tag for a tag")

    a = actions.add_parser("add", help="bookmark a passage of an article, found by its text")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("id", metavar="ID", help="an article id (or a unique prefix of one) from 'reader list'")
    a.add_argument("--text", required=True, help="the passage, as it reads in the article")
    a.add_argument("--note", default="", help="a note to keep with the passage")
    a.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeat, or separate by commas)")
    a.add_argument("--json", action="store_true", help="print the new bookmark as JSON")

    a = actions.add_parser("edit", help="change the note or the tags of a bookmark")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("bookmark", metavar="BID", help="a bookmark id (or a unique prefix) from 'reader bookmarks list'")
    a.add_argument("--note", default=None, help="the new note ('' removes it)")
    a.add_argument("--tag", action="append", default=None, metavar="TAG", help="the new tags (replace the old ones)")
    a.add_argument("--no-tags", action="store_true", help="remove every tag")

    a = actions.add_parser("delete", help="delete a bookmark")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("bookmark", metavar="BID", help="a bookmark id (or a unique prefix) from 'reader bookmarks list'")

    a = actions.add_parser("export", help="export bookmarks as Markdown (for a report) or JSON")
    store_option(a, argparse.SUPPRESS)
    a.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    a.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    a.add_argument("--parents", action="store_true", help="create the folders of FILE that do not exist yet")
    a.add_argument("--filter", metavar="QUERY", default="", help="export only the bookmarks this query finds")


def run(args: argparse.Namespace) -> int:
    from reader.bookmarks import BookmarkNotFound

    library = _library(args)
    try:
        return ACTIONS[args.action](library, args)
    except BookmarkNotFound as exc:
        raise CommandError(str(exc.args[0])) from exc
    except StoreError:
        raise  # already names the file and what happened
    except OSError as exc:  # the user-state file could not be written (read-only folder, full disk)
        raise CommandError(f"{exc.filename or library.state.path}: cannot write ({exc.strerror or exc})") from exc


def _list(library: Any, args: argparse.Namespace) -> int:
    items = library.bookmarks(args.filter)
    _warn_malformed(library)
    if args.json:
        _dump_json([item.to_dict() for item in items])
        return EXIT_OK
    _print_table(items, library.path, bool(args.filter))
    return EXIT_OK


def _add(library: Any, args: argparse.Namespace) -> int:
    from reader.anchoring import find_passage

    article = library.require(args.id)
    spans = find_passage(article.body, args.text)
    if not spans:
        raise CommandError(
            f"the passage is not in article {article.id} ('{article.title}'); copy it from 'reader show {article.id}'"
        )
    if len(spans) > 1:
        raise CommandError(
            f"the passage occurs {len(spans)} times in article {article.id}; give more of it so that it is found once"
        )
    start, end = spans[0]
    try:
        item = library.add_bookmark(article.id, start, end, note=args.note, tags=args.tag)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        _dump_json(item.to_dict())
    else:
        _say(f"Bookmarked {item.id} in “{item.article_title}”: {_excerpt(item.bookmark.text)}")
    return EXIT_OK


def _edit(library: Any, args: argparse.Namespace) -> int:
    tags = [] if args.no_tags else args.tag
    if args.note is None and tags is None:
        raise CommandError("nothing to change: give --note, --tag or --no-tags")
    bookmark = library.edit_bookmark(args.bookmark, note=args.note, tags=tags)
    _say(f"Updated bookmark {bookmark.id}")
    return EXIT_OK


def _delete(library: Any, args: argparse.Namespace) -> int:
    bookmark = library.delete_bookmark(args.bookmark)
    _say(f"Deleted bookmark {bookmark.id}: {_excerpt(bookmark.text)}")
    return EXIT_OK


def _export(library: Any, args: argparse.Namespace) -> int:
    target = write_output(library.export_bookmarks(args.format, args.filter), args.output, parents=args.parents)
    if target is None:
        return EXIT_OK
    count = len(library.bookmarks(args.filter))
    _say(f"Exported {count} bookmark{'s' if count != 1 else ''} to {target}", stderr=True)
    return EXIT_OK


ACTIONS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "list": _list,
    "add": _add,
    "edit": _edit,
    "delete": _delete,
    "export": _export,
}


# -- output ----------------------------------------------------------------------------------------
def _warn_malformed(library: Any) -> None:
    """Entries of the bookmarks table that cannot be read are not listed, but never silently."""
    bad = library.bookmark_store.malformed()
    if bad:
        keys = ", ".join(list(bad)[:5])
        print(
            f"reader: {len(bad)} bookmark entr{'y' if len(bad) == 1 else 'ies'} in {library.state.path} cannot be "
            f"read and {'is' if len(bad) == 1 else 'are'} not listed ({keys}); they are kept as they are "
            "(see 'reader doctor')",
            file=sys.stderr,
        )


def _excerpt(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _say(message: str, stderr: bool = False) -> None:
    from rich.text import Text

    _console(stderr=stderr).print(Text(message))


def _print_table(items: list[Any], path: Path, filtered: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from reader.bookmarks import group_by_article

    console = _console()
    if not items:
        hint = "No bookmark matches." if filtered else "No bookmarks yet. Add one: reader bookmarks add ID --text ..."
        console.print(Text(hint))
        return
    for _, title, group in group_by_article(items):
        console.print(Text(title or "Untitled", style="bold"))
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
        table.add_column(style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=3)
        table.add_column(ratio=2)
        for item in group:
            tags = " ".join(f"#{t}" for t in item.bookmark.tags)
            table.add_row(
                Text(item.id),
                Text(item.status, style=ANCHOR_STATUS_STYLE.get(item.status, "")),
                Text(_excerpt(item.current_text or item.bookmark.text)),
                Text(" ".join(x for x in (item.bookmark.note, tags) if x), style="italic"),
            )
        console.print(table)
        console.print()
