"""Importers turn files, directories, URLs and feeds into ``Article`` objects (no analysis, no store).

Each kind of input has its own module exposing ``parse(data: bytes, origin: str)``; the kind is
told by the file suffix, the server's content type or, failing both, the first bytes. ``collect``
expands the user's arguments and yields one ``ImportItem`` per article or failure, so one bad
input never stops the others.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.importers.common import MAX_COLLECTION_BYTES, MAX_FILE_BYTES, ImportError_, megabytes
from reader.models import Article

if TYPE_CHECKING:
    from reader.importers.fetch import Fetched, Fetcher

Parser = Callable[[bytes, str], Sequence[Article | ImportError_]]
STDIN = "-"
PAGE_FETCH_THREADS = 8
# A feed may send reader to this many linked pages, within this many seconds in all; the entries
# past either keep their own summary (and say so), so one feed can neither fetch without end nor
# hold back what already arrived.
MAX_PAGES_PER_FEED = 100
FEED_PAGES_SECONDS = 180.0
# How deep OPML lists and feeds may lead to one another (a list naming a list naming a feed).
MAX_NESTING = 3
# Standard input is read with the cap of a single file: it can be endless (``< /dev/zero``).
MAX_STDIN_BYTES = MAX_FILE_BYTES

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
    note: str | None = None  # imported, but not whole: e.g. the feed's summary kept for a failed page


def is_url(source: str) -> bool:
    return "://" in source


def display_path(path: Path | str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 shown as ``\\xNN``."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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
        if is_url(source) or source == STDIN or not source.strip():
            yield source  # an empty argument is refused by ``Collector.load``, never read as '.'
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


_NOT_REGULAR = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def read_file_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; devices, pipes and sockets refused.

    The file is opened without blocking and checked on the open descriptor, so a FIFO never
    blocks and a symlink to ``/dev/zero`` is refused, and at most ``limit + 1`` bytes are read even
    if the file grows while it is read (stdin, the one stream reader reads, has ``read_stdin``)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ImportError_("no such file") from None
    except OSError as exc:
        raise ImportError_(f"cannot read ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb", buffering=0) as file:
        mode = os.fstat(fd).st_mode
        for test, kind in _NOT_REGULAR:
            if test(mode):
                raise ImportError_(f"not a regular file ({kind}; give '-' to read standard input)")
        size = os.fstat(fd).st_size
        if size > limit:
            raise ImportError_(f"too large ({megabytes(size)}; the limit is {megabytes(limit)})")
        try:
            data = _read_at_most(file, limit + 1)
        except OSError as exc:
            raise ImportError_(f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise ImportError_(f"too large (over {megabytes(limit)})")
    return data


def _read_at_most(file: Any, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = file.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_stdin(limit: int = MAX_STDIN_BYTES) -> bytes:
    """Standard input, at most ``limit`` bytes: an endless stream is refused, never read whole."""
    data = _read_at_most(sys.stdin.buffer, limit + 1)
    if len(data) > limit:
        raise ImportError_(f"too large (standard input is read up to {megabytes(limit)}; save it to a file)")
    return data


def _read_limited(path: Path) -> bytes:
    limit = MAX_COLLECTION_BYTES if path.suffix.lower() == ".json" else MAX_FILE_BYTES
    return read_file_limited(path, limit)


def suffix_kind(path: Path) -> str | None:
    """The kind of input a file's suffix says it is (html, text, json, ...), None when it says nothing."""
    return _SUFFIX_KINDS.get(path.suffix.lower())


def needs_network(path: Path) -> bool:
    """Feeds and OPML lists (and files whose kind only their content tells) may fetch pages."""
    return suffix_kind(path) not in ("text", "json", "html", "markdown")


def load_file(path: Path) -> list[ImportItem]:
    """Items of a local file; picklable, so big batches of files are parsed in worker processes."""
    with Collector() as collector:
        return collector.load(path)


class Collector:
    """Loads inputs of every kind; holds the one HTTP client that URLs, feeds and their pages share."""

    def __init__(self, fetcher_factory: Callable[[], Fetcher] | None = None):
        self._fetcher_factory = fetcher_factory
        self._fetcher: Fetcher | None = None
        self._visited: set[str] = set()  # feed and OPML URLs read, so a list naming itself ends

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

            fetcher = (self._fetcher_factory or Fetcher)()
            from reader.importers.fetch import configured_allow_hosts

            for host in configured_allow_hosts():
                fetcher.allow(host)
            self._fetcher = fetcher
        return self._fetcher

    def fetch(self, url: str) -> Fetched:
        return self.fetcher.get(url)

    def load(self, source: str | Path) -> list[ImportItem]:
        """The items of one argument; whatever goes wrong with it is its own one-line failure."""
        label = display_path(source)
        try:
            if isinstance(source, Path):
                return self.load_path(source)
            if not source.strip():
                return [ImportItem(repr(source), error="empty argument (not a file, folder or URL)")]
            if source == STDIN:
                try:
                    data = read_stdin()
                except ImportError_ as exc:
                    return [ImportItem("stdin", error=str(exc))]
                return self.load_bytes(data, "stdin", sniff(data))
            if is_url(source):
                self.fetcher.allow(source)  # the user named this host: it may be local
            return self.load_url(source)
        except RecursionError:
            return [ImportItem(label, error="nested too deeply")]
        except Exception as exc:  # one broken source must not end the import of the others
            return [ImportItem(label, error=f"failed ({type(exc).__name__}: {_first_line(exc)})")]

    def load_path(self, path: Path) -> list[ImportItem]:
        label = display_path(path)
        if path.suffix and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            return [ImportItem(label, error=f"unsupported file type '{path.suffix}'")]
        try:
            data = _read_limited(path)
        except ImportError_ as exc:
            return [ImportItem(label, error=str(exc))]
        return self.load_bytes(data, label, sniff(data, path.suffix))

    def load_url(self, url: str, depth: int = 0) -> list[ImportItem]:
        try:
            page = self.fetch(url)
        except ImportError_ as exc:
            return [ImportItem(url, error=str(exc))]
        self._visited.update((url, page.url))
        suffix = Path(page.url.split("?", 1)[0]).suffix
        kind = sniff(page.data, suffix if suffix in (".md", ".markdown", ".txt") else "", page.content_type)
        if kind == "html":
            from reader.importers.html import extract

            try:
                return [ImportItem(url, extract(page.text(), url=page.url, declared_charset=page.charset))]
            except ImportError_ as exc:
                return [ImportItem(url, error=str(exc))]
        if kind == "feed":
            return self.load_feed(page.data, url, page.url, charset=page.charset)
        return self.load_bytes(page.data, url, kind, url=page.url, depth=depth)

    def load_bytes(
        self, data: bytes, label: str, kind: str, url: str | None = None, depth: int = 0
    ) -> list[ImportItem]:
        if kind == "feed":
            return self.load_feed(data, label, url)
        if kind == "opml":
            return self.load_opml(data, label, depth)
        return parse_bytes(data, label, kind)

    def load_opml(self, data: bytes, label: str, depth: int = 0) -> list[ImportItem]:
        """The items of every feed an OPML list names, each list and feed read once, ``MAX_NESTING`` deep."""
        from reader.importers.feeds import parse_opml

        try:
            feeds = parse_opml(data)
        except ImportError_ as exc:
            return [ImportItem(label, error=str(exc))]
        if depth >= MAX_NESTING:
            return [ImportItem(label, error=f"not read: OPML lists nested more than {MAX_NESTING} deep")]
        items: list[ImportItem] = []
        for feed in feeds:
            if feed in self._visited:
                continue  # already read in this import (a list that names itself, or two lists one feed)
            self._visited.add(feed)
            items.extend(self.load_url(feed, depth + 1))
        return items

    def load_feed(
        self, data: bytes, label: str, url: str | None = None, charset: str | None = None
    ) -> list[ImportItem]:
        from reader.importers.feeds import entry_article, needs_page, parse_feed

        try:
            feed = parse_feed(data, label, url, charset=charset)
        except ImportError_ as exc:
            return [ImportItem(label, error=str(exc))]
        fetcher = self.fetcher  # made here, once, not by the first of the threads below
        ends = time.monotonic() + FEED_PAGES_SECONDS
        pages = [e for e in feed.entries if needs_page(e)]
        capped = {id(e) for e in pages[MAX_PAGES_PER_FEED:]}

        def fetch_page(link: str) -> Fetched:
            left = ends - time.monotonic()
            if left <= 0:
                raise ImportError_(f"not fetched: the feed's {FEED_PAGES_SECONDS:.0f} s for its pages ran out")
            return fetcher.get(link, deadline=min(left, fetcher.deadline))

        def one(numbered: tuple[int, Any]) -> ImportItem:
            index, entry = numbered
            name = entry.link or f"{label} entry {index}"
            unfetched = (
                f"linked page {entry.link}: not fetched (a feed may fetch {MAX_PAGES_PER_FEED} pages)"
                if id(entry) in capped
                else None
            )
            try:
                article = entry_article(entry, feed, fetch_page, unfetched)
            except ImportError_ as exc:
                return ImportItem(name, error=str(exc))
            note = article.meta.get("page_error") if article.meta.get("summary_only") else None
            return ImportItem(entry.title or name, article, note=f"kept the feed's summary ({note})" if note else None)

        with ThreadPoolExecutor(PAGE_FETCH_THREADS) as pool:
            return list(pool.map(one, enumerate(feed.entries, 1)))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0][:200]


def collect(sources: Iterable[str], fetcher_factory: Callable[[], Fetcher] | None = None) -> Iterator[ImportItem]:
    """Every item of every source, in order; the HTTP client is closed at the end."""
    with Collector(fetcher_factory) as collector:
        for source in expand(sources):
            yield from collector.load(source)
