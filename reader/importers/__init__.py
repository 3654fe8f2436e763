"""Importers turn files, directories and URLs into ``Article`` objects (no analysis, no store).

Each kind of input has its own module exposing ``parse(data: bytes, origin: str) -> list[Article]``.
``collect`` expands the user's arguments and yields one ``ImportItem`` per article or failure, so
one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.importers.common import MAX_FILE_BYTES, ImportError_
from reader.models import Article

Parser = Callable[[bytes, str], list[Article]]


@dataclass
class ImportItem:
    """One outcome: an article parsed from ``label``, or the reason it could not be."""

    label: str
    article: Article | None = None
    error: str | None = None


def _parser_for(path: Path) -> Parser | None:
    from reader.importers import jsonfile, plaintext

    suffix = path.suffix.lower()
    if suffix in (".txt", ".text", ""):
        return plaintext.parse
    if suffix == ".json":
        return jsonfile.parse
    return None


SUPPORTED_SUFFIXES = (".txt", ".text", ".json")


def _files_under(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def expand(sources: list[str]) -> Iterator[str | Path]:
    """Arguments to single inputs: directories are walked recursively; URLs pass through."""
    for source in sources:
        if "://" in source:
            yield source
            continue
        path = Path(source).expanduser()
        if path.is_dir():
            yield from _files_under(path)
        else:
            yield path


def load_file(path: Path) -> list[ImportItem]:
    label = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return [ImportItem(label, error="no such file")]
    except OSError as exc:
        return [ImportItem(label, error=f"cannot read ({exc.strerror or exc})")]
    if size > MAX_FILE_BYTES:
        return [
            ImportItem(
                label,
                error=f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)",
            )
        ]
    parser = _parser_for(path)
    if parser is None:
        return [ImportItem(label, error=f"unsupported file type '{path.suffix}'")]
    try:
        data = path.read_bytes()
        articles = parser(data, str(path))
    except ImportError_ as exc:
        return [ImportItem(label, error=str(exc))]
    except OSError as exc:
        return [ImportItem(label, error=f"cannot read ({exc.strerror or exc})")]
    if not articles:
        return [ImportItem(label, error="no article found")]
    if len(articles) == 1:
        return [ImportItem(label, article=articles[0])]
    return [ImportItem(f"{label} [{i + 1}]", article=a) for i, a in enumerate(articles)]


def collect(sources: list[str]) -> Iterator[ImportItem]:
    for item in expand(sources):
        if isinstance(item, str):
            yield ImportItem(item, error="URL import is not available yet")
            continue
        yield from load_file(item)
