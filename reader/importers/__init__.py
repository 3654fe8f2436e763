"""Importers turn files, directories, URLs and feeds into ``Article`` objects (no analysis, no store).

Each kind of input has its own module exposing ``parse(data: bytes, origin: str)``; the kind is
told by the file suffix, the server's content type or, failing both, the first bytes. ``collect``
expands the user's arguments and yields one ``ImportItem`` per article or failure, so one bad
input never stops the others.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.importers.common import MAX_COLLECTION_BYTES, MAX_FILE_BYTES, ImportError_
from reader.models import Article

if TYPE_CHECKING:
    from reader.importers.fetch import Fetched, Fetcher

Parser = Callable[[bytes, str], Sequence[Article | ImportError_]]
STDIN = "-"
PAGE_FETCH_THREADS = 8

_SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",  # sniffed: a feed or an OPML list
    ".opml": "opml",
}
SUPPORTED_SUFFIXES = tuple(_SUFFIX_KINDS)


@dataclass
class ImportItem:
    """One outcome: an article parsed from ``label``, or the reason it could not be."""

    label: str
    article: Article | None = None
    error: str | None = None


def is_url(source: str) -> bool:
    return "://" in source


def sniff(data: bytes, suffix: str = "", content_type: str = "") -> str:
    """The kind of an input: html, feed, opml, json, markdown or text."""
    from reader.importers.feeds import looks_like_feed, looks_like_opml

    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = head.lower()
    by_suffix = _SUFFIX_KINDS.get(suffix.lower())
    if by_suffix in ("text", "markdown", "json", "html"):
        return by_suffix
    if looks_like_opml(lowered) or by_suffix == "opml":
        return "opml"
    if looks_like_feed(lowered) or by_suffix == "feed" or "rss" in content_type or "atom" in content_type:
        return "feed"
    if "html" in content_type or lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    if "xml" in content_type:
        return "feed"  # neither a page nor a known feed: the feed parser says what is wrong
    if "json" in content_type or head[:1] in (b"{", b"["):
        return "json"
    if "markdown" in content_type or (not suffix and lowered.startswith((b"---\n", b"# "))):
        return "markdown"
    return "text"


def _parser(kind: str) -> Parser:
    from reader.importers import html, jsonfile, markdown, plaintext

    parsers: dict[str, Parser] = {
        "text": plaintext.parse,
        "json": jsonfile.parse,
        "html": html.parse,
        "markdown": markdown.parse,
    }
    return parsers[kind]


def _files_under(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if not hidden and path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def expand(sources: Iterable[str]) -> Iterator[str | Path]:
    """Arguments to single inputs: directories are walked recursively; URLs and '-' pass through."""
    for source in sources:
        if is_url(source) or source == STDIN:
            yield source
            continue
        path = Path(source).expanduser()
        if path.is_dir():
            yield from _files_under(path)
        else:
            yield path


def _items(label: str, outcomes: Sequence[Article | ImportError_]) -> list[ImportItem]:
    if not outcomes:
        return [ImportItem(label, error="no article found")]
    if len(outcomes) == 1:
        only = outcomes[0]
        return [ImportItem(label, error=str(only))] if isinstance(only, ImportError_) else [ImportItem(label, only)]
    return [
        ImportItem(label, error=str(o)) if isinstance(o, ImportError_) else ImportItem(f"{label} [{i}]", o)
        for i, o in enumerate(outcomes, 1)
    ]


def parse_bytes(data: bytes, label: str, kind: str) -> list[ImportItem]:
    """Items of one local input of a kind that needs no network (text, json, html, markdown)."""
    try:
        if not data.strip():
            raise ImportError_("empty (no text)" if kind != "json" else "empty (no JSON)")
        return _items(label, _parser(kind)(data, label))
    except ImportError_ as exc:
        return [ImportItem(label, error=str(exc))]


def _read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportError_("no such file") from None
    except OSError as exc:
        raise ImportError_(f"cannot read ({exc.strerror or exc})") from exc
    limit = MAX_COLLECTION_BYTES if path.suffix.lower() == ".json" else MAX_FILE_BYTES
    if size > limit:
        raise ImportError_(f"too large ({size // (1024 * 1024)} MB; the limit is {limit // (1024 * 1024)} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"cannot read ({exc.strerror or exc})") from exc


def needs_network(path: Path) -> bool:
    """Feeds and OPML lists (and files whose kind only their content tells) may fetch pages."""
    return _SUFFIX_KINDS.get(path.suffix.lower()) not in ("text", "json", "html", "markdown")


def load_file(path: Path) -> list[ImportItem]:
    """Items of a local file; picklable, so big batches of files are parsed in worker processes."""
    with Collector() as collector:
        return collector.load(path)


class Collector:
    """Loads inputs of every kind; holds the one HTTP client that URLs, feeds and their pages share."""

    def __init__(self, fetcher_factory: Callable[[], Fetcher] | None = None):
        self._fetcher_factory = fetcher_factory
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> Collector:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from reader.importers.fetch import Fetcher

            self._fetcher = (self._fetcher_factory or Fetcher)()
        return self._fetcher

    def fetch(self, url: str) -> Fetched:
        return self.fetcher.get(url)

    def load(self, source: str | Path) -> list[ImportItem]:
        if isinstance(source, Path):
            return self.load_path(source)
        if source == STDIN:
            data = sys.stdin.buffer.read(MAX_COLLECTION_BYTES + 1)
            if len(data) > MAX_COLLECTION_BYTES:
                return [ImportItem("stdin", error=f"too large (over {MAX_COLLECTION_BYTES // (1024 * 1024)} MB)")]
            return self.load_bytes(data, "stdin", sniff(data))
        return self.load_url(source)

    def load_path(self, path: Path) -> list[ImportItem]:
        label = str(path)
        if path.suffix and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            return [ImportItem(label, error=f"unsupported file type '{path.suffix}'")]
        try:
            data = _read_limited(path)
        except ImportError_ as exc:
            return [ImportItem(label, error=str(exc))]
        return self.load_bytes(data, label, sniff(data, path.suffix))

    def load_url(self, url: str) -> list[ImportItem]:
        try:
            page = self.fetch(url)
        except ImportError_ as exc:
            return [ImportItem(url, error=str(exc))]
        suffix = Path(page.url.split("?", 1)[0]).suffix
        kind = sniff(page.data, suffix if suffix in (".md", ".markdown", ".txt") else "", page.content_type)
        if kind == "html":
            from reader.importers.html import extract

            try:
                return [ImportItem(url, extract(page.text(), url=page.url))]
            except ImportError_ as exc:
                return [ImportItem(url, error=str(exc))]
        return self.load_bytes(page.data, url, kind, url=page.url)

    def load_bytes(self, data: bytes, label: str, kind: str, url: str | None = None) -> list[ImportItem]:
        if kind == "feed":
            return self.load_feed(data, label, url)
        if kind == "opml":
            from reader.importers.feeds import parse_opml

            try:
                feeds = parse_opml(data)
            except ImportError_ as exc:
                return [ImportItem(label, error=str(exc))]
            return [item for feed in feeds for item in self.load_url(feed)]
        return parse_bytes(data, label, kind)

    def load_feed(self, data: bytes, label: str, url: str | None = None) -> list[ImportItem]:
        from reader.importers.feeds import entry_article, parse_feed

        try:
            feed = parse_feed(data, label, url)
        except ImportError_ as exc:
            return [ImportItem(label, error=str(exc))]

        def one(numbered: tuple[int, Any]) -> ImportItem:
            index, entry = numbered
            name = entry.link or f"{label} entry {index}"
            try:
                return ImportItem(entry.title or name, entry_article(entry, feed, fetcher.get))
            except ImportError_ as exc:
                return ImportItem(name, error=str(exc))

        fetcher = self.fetcher  # made here, once, not by the first of the threads below
        with ThreadPoolExecutor(PAGE_FETCH_THREADS) as pool:
            return list(pool.map(one, enumerate(feed.entries, 1)))


def collect(sources: Iterable[str], fetcher_factory: Callable[[], Fetcher] | None = None) -> Iterator[ImportItem]:
    """Every item of every source, in order; the HTTP client is closed at the end."""
    with Collector(fetcher_factory) as collector:
        for source in expand(sources):
            yield from collector.load(source)
