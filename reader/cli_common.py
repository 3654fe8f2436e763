"""What every command of the command line shares: exit codes, the one-line failure, JSON and
console output, writing a file, opening the library, and the options and argument types of the parser.

The command modules (``cli.py`` and ``cli_*.py``) import from here, never from each other, so
``cli.py`` can import them at parse time without a cycle. The helpers keep the names they had in
``cli.py`` (``_console``, ``_dump_json``, ...), which ``reader.cli`` still offers, so code written
against it reads the same.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line on stderr with exit status 1."""


def _dump_json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def write_output(data: bytes, output: str | None, *, parents: bool = False) -> Path | None:
    """``data`` to standard output (no ``output``, or '-'), else atomically to that file, whose path is
    returned; CommandError when it cannot be written. A folder that does not exist is created only
    with ``parents``: a mistyped path should not leave folders behind."""
    if not output or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return None
    from reader import export

    target = Path(output).expanduser().absolute()
    if target.is_dir():
        raise CommandError(f"{target}: is a folder; give the name of a file to write in it")
    if not parents and not target.parent.is_dir():
        what = "is not a folder" if target.parent.exists() else "does not exist"
        raise CommandError(f"{target}: cannot write ({target.parent} {what}); pass --parents to create it")
    try:
        export.write(target, data)
    except OSError as exc:
        raise CommandError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return target


# The colour of where a bookmark or a correction stands now in the text, in `list` tables.
ANCHOR_STATUS_STYLE = {"anchored": "green", "moved": "yellow", "orphaned": "red", "everywhere": "cyan"}
PIPE_WIDTH = 100_000  # columns of a console writing into a pipe or file: wide enough that nothing wraps


def _console(stderr: bool = False) -> Any:
    """A console for one of the standard streams. Into a pipe or a file, records are never wrapped
    (one per line, so grep and cut work) and no colour codes are written."""
    import os

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr, highlight=False)
    # Colour only when asked for (FORCE_COLOR, as rich and other tools read it).
    colour: dict[str, Any] = {} if os.environ.get("FORCE_COLOR") else {"no_color": True, "color_system": None}
    return Console(
        file=_TrimmedLines(stream),  # type: ignore[arg-type]
        highlight=False,
        width=PIPE_WIDTH,
        soft_wrap=True,
        **colour,
    )


class _TrimmedLines:
    """A stream that drops the spaces a table pads its last column with at each line's end."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        import re

        return self.stream.write(re.sub(r" +\n", "\n", text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def _library(args: argparse.Namespace) -> Any:
    from reader.library import Library

    return Library.open(args.store)


class Parser(argparse.ArgumentParser):
    """Wrong usage said in one line, with where the usage is, and exit status 2: the screenful of
    usage argparse prints first hides the one line that says what is wrong."""

    def error(self, message: str) -> Any:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.commands = super().add_subparsers(**kwargs)
        return self.commands

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        """As argparse's, but an unknown option is reported by the command it was given to: 'reader show:
        error: unrecognized arguments: --bogus (see 'reader show --help')'."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            self.command_parser(sys.argv[1:] if args is None else list(args)).error(
                f"unrecognized arguments: {' '.join(extra)}"
            )
        return parsed

    def command_parser(self, argv: list[str]) -> Parser:
        """The parser of the (sub)command that ``argv`` names, this one if none."""
        parser = self
        for word in argv:
            commands = getattr(parser, "commands", None)
            if commands is not None and word in commands.choices:
                parser = commands.choices[word]
        return parser


def count_in_range(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else one line of usage error (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high:,}, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high:,}, got {text.strip()}")
        return value

    return parse


def _store_option(parser: argparse.ArgumentParser, default: Any = None) -> None:
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=default,
        help="the library file (default: $READER_STORE, else articles.json in the user data directory)",
    )
