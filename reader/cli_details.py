"""``reader edit``: the details of an article an import could not know (title, source, author,
date, URL), set by the user and kept in the state file over re-imports."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reader.cli_common import EXIT_OK, CommandError, _console, _dump_json, _library


def add_parser(sub: Any, store_option: Callable[..., None]) -> None:
    p = sub.add_parser(
        "edit",
        help="set an article's title, source, author, date or URL (kept as your data, over re-imports)",
        description="Set the details an import could not know. They are kept in your state file beside the "
        "library, so a re-import of the same file keeps them, and they are shown, listed, searched "
        "(source:, after:) and exported. An empty value ('') clears a detail.",
    )
    store_option(p, argparse.SUPPRESS)
    p.add_argument("id", metavar="ID", help="an article id (or a unique prefix of one) from 'reader list'")
    p.add_argument("--title", help="the title")
    p.add_argument("--source", help="the outlet or publisher, e.g. 'The Washington Post'")
    p.add_argument("--author", help="the author")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    p.add_argument("--url", help="the article's web address (http or https)")
    p.add_argument("--json", action="store_true", help="print the article's details as JSON")


def run_edit(args: argparse.Namespace) -> int:
    from reader.details import FIELDS, DetailsError

    values = {field: getattr(args, field) for field in FIELDS}
    if all(value is None for value in values.values()):
        raise CommandError("nothing to change: give --title, --source, --author, --published or --url")
    library = _library(args)
    try:
        article = library.edit_details(args.id, **values)
    except DetailsError as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"{library.state.path}: cannot write ({exc.strerror or exc})") from exc
    if args.json:
        _dump_json(article.summary() | {"authors": article.authors})
        return EXIT_OK
    from rich.text import Text

    shown = {
        "title": article.title,
        "source": article.source,
        "author": ", ".join(article.authors),
        "published": article.published or "",
        "url": article.url or "",
    }
    console = _console()
    console.print(Text(f"Updated {article.id}:"))
    for field in FIELDS:
        if values[field] is not None:
            console.print(Text(f"  {field}: {shown[field] or '(none)'}"))
    return EXIT_OK
