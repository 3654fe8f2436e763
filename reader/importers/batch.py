"""Big imports: files parsed and articles analysed in worker processes, duplicates folded together,
articles handed to the store in chunks so each write is atomic and progress survives a failure."""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from reader.analysis.stored import _keep_current_analysis, analysis_of, is_current
from reader.importers import Collector, ImportItem, expand, load_file, needs_network, suffix_kind
from reader.importers.common import EMPTY_CONTENT_HASH, content_hash
from reader.models import Article, ImportReport
from reader.storage import StoreError
from reader.store import UpsertResult, article_from_doc

# Worker processes cost a start-up; below this many files or articles one process is faster.
PARALLEL_MIN = 200
PARALLEL_MIN_BYTES = 1_000_000  # about 200 articles, when they come in a few big files
# The fewest articles one write carries. A write rewrites the whole store, so once the library is
# bigger a write carries half as many articles as it holds: the cost of writing stays a few times
# the new articles' own size, however big the library (see ``write_size``).
CHUNK_SIZE = 1000

Progress = Callable[[str, int, int | None, str], None]
T = TypeVar("T")
R = TypeVar("R")


def worker_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


PARENT_CHECK_SECONDS = 1.0  # how often a worker looks for its parent, besides being told by the kernel
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _exit_with_parent(parent_pid: int | None) -> None:
    """Pool initializer: make this worker end when the process that started the pool dies.

    A ``kill -9`` of ``reader import`` otherwise leaves the workers waiting for work forever (25-40
    MB each), holding the caller's stdout and stderr open. On Linux the kernel sends SIGKILL on the
    parent's death (``PR_SET_PDEATHSIG``); everywhere, a thread watches the parent's sentinel (a pipe
    on POSIX, a process handle on Windows, which multiprocessing gives every child) and whether this
    process was handed to a new parent, and ends the worker when either says the parent is gone.
    ``parent_pid`` is the pool's owner when workers are forked straight from it.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watching thread below still ends the worker
    first_parent = os.getppid()
    if parent_pid is not None and first_parent != parent_pid:
        os._exit(1)  # the owner died before the kernel was told to signal its death
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    threading.Thread(target=_watch_parent, args=(sentinel, first_parent), daemon=True, name="parent-watch").start()


def _watch_parent(sentinel: Any, first_parent: int) -> None:
    from multiprocessing.connection import wait

    while True:
        if sentinel is not None:
            try:
                if wait([sentinel], timeout=PARENT_CHECK_SECONDS):
                    os._exit(1)
            except OSError:
                sentinel = None
        else:
            time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != first_parent:  # POSIX hands orphans to another process
            os._exit(1)


def _context() -> multiprocessing.context.BaseContext:
    """Fork (fast, and plain scripts need no ``__main__`` guard) only while this process runs a
    single thread; the app imports from a worker thread, and forking a threaded process can
    deadlock the child, so then the workers come from a clean server process instead, which
    imports what every worker needs once (``WORKER_MODULES``) before it forks them."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(WORKER_MODULES))
        return context
    return multiprocessing.get_context("spawn")


# What a worker runs: the importers and the analyser's rule modules, and trafilatura for pages.
WORKER_MODULES = ("reader.importers.batch", "reader.importers.html", "reader.analysis.warm", "trafilatura")


def warm_up(paths: Iterable[Path] = ()) -> None:
    """Import the analyser (and trafilatura, when pages are among ``paths``) in this process before
    workers are forked from it, so they share it instead of each paying for it on its first file
    (about 0.05 s for the analyser and 0.25 s for the page extraction, per worker)."""
    if _context().get_start_method() != "fork":
        return  # a fork server imports ``WORKER_MODULES`` itself; spawned workers share nothing
    import reader.analysis.warm

    if any(suffix_kind(path) == "html" for path in paths):
        import trafilatura  # noqa: F401

        import reader.importers.html  # noqa: F401


class WorkerPool:
    """Runs a function over many items, in worker processes when they are many, else in this one."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or worker_count()
        self._executor: Executor | None = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    @property
    def idle(self) -> bool:
        """No worker process started yet."""
        return self._executor is None

    def in_parallel(self, items: list[Any], parallel: bool | None = None) -> bool:
        """Whether ``map`` hands ``items`` to worker processes: ``parallel`` overrides the choice
        made from the number of items."""
        if parallel is None:
            parallel = len(items) > PARALLEL_MIN
        return parallel and len(items) > 1 and self.workers > 1

    def map(self, function: Callable[[T], R], items: list[T], parallel: bool | None = None) -> Iterator[R]:
        """Results in order; ``parallel`` overrides the choice made from the number of items."""
        if not self.in_parallel(items, parallel):
            return map(function, items)
        if self._executor is None:
            context = _context()
            owner = os.getpid() if context.get_start_method() == "fork" else None
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_exit_with_parent, initargs=(owner,)
            )
        chunksize = max(1, min(64, len(items) // (self.workers * 8)))
        return self._executor.map(function, items, chunksize=chunksize)

    def map_largest_first(
        self, function: Callable[[T], R], items: list[T], sizes: list[int], parallel: bool | None = None
    ) -> Iterator[R]:
        """``map``, with results still in the order of ``items``, but the work handed out largest
        first: a big file handed out last keeps one worker busy long after the others are done
        (one 1 MB page among ten took as long as the other nine together)."""
        if not self.in_parallel(items, parallel):
            yield from map(function, items)
            return
        order = sorted(range(len(items)), key=lambda index: -sizes[index])
        waiting: dict[int, R] = {}
        following = 0
        for index, result in zip(order, self.map(function, [items[i] for i in order], True), strict=True):
            waiting[index] = result
            while following in waiting:
                yield waiting.pop(following)
                following += 1


def read_items(
    sources: Iterable[str],
    pool: WorkerPool,
    progress: Progress | None = None,
    fetcher_factory: Callable[[], Any] | None = None,
) -> Iterator[ImportItem]:
    """Every item of every source. Local files are parsed by the pool; URLs, feeds and stdin here."""
    inputs = list(expand(sources))
    total = len(inputs)
    local = [s for s in inputs if isinstance(s, Path) and not needs_network(s)]
    other = [s for s in inputs if not (isinstance(s, Path) and not needs_network(s))]
    done = 0
    sizes = [_size(p) for p in local]
    parallel = pool.in_parallel(local, len(local) > PARALLEL_MIN or sum(sizes) > PARALLEL_MIN_BYTES)
    load = load_and_analyse if parallel else load_file
    if parallel and pool.idle:
        warm_up(local)
    for path, items in zip(local, pool.map_largest_first(load, local, sizes, parallel), strict=True):
        done += 1
        if progress:
            progress("Reading", done, total, str(path))
        yield from items
    with Collector(fetcher_factory) as collector:
        for source in other:
            items = collector.load(source)
            done += 1
            if progress:
                progress("Reading", done, total, str(source))
            yield from items


def load_and_analyse(path: Path) -> list[ImportItem]:
    """A file's items, each article analysed by the worker that parsed it: the analysis of one
    page then runs while the other worker parses the next, instead of all of it after the parsing."""
    items = load_file(path)
    for item in items:
        if item.article is not None:
            article = item.article
            item.article = replace(article, analysis=analysis_of((article.body, article.title, article.links)))
    return items


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _articles(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"


def _merge(keep: Article, extra: Article) -> Article:
    """One article from two copies of the same text: the first kept, gaps filled from the second."""
    links = keep.links or extra.links
    return replace(
        keep,
        url=keep.url or extra.url,
        published=keep.published or extra.published,
        authors=keep.authors or extra.authors,
        links=links,
        analysis=keep.analysis if links is keep.links else None,
    )


def _text_key(meta: dict[str, Any], body: str) -> str:
    """The content hash an importer recorded, or the body's when it is missing (older stores);
    "" when the body has no words: such bodies are told apart by id and URL only."""
    digest = str(meta.get("content_hash") or content_hash(body))
    return "" if digest == EMPTY_CONTENT_HASH else digest


class Deduper:
    """Folds an import batch onto itself and onto the store: same id (the canonical URL, else title
    and source), same URL or same normalised text all mean the same article.

    The store comes as its documents: only those the batch touches become ``Article`` objects (at
    100k articles, making them all took longer than the rest of a small import)."""

    def __init__(self, stored: Iterable[dict[str, Any]], fetch: Callable[[str], dict[str, Any] | None] | None = None):
        """``fetch(id)``, when given, reads a whole stored document: ``stored`` then holds only what the
        dedupe compares (id, URL, content hash), as a sharded library gives it."""
        self.fetch = fetch
        self.stored: dict[str, dict[str, Any]] = {}
        self.by_hash: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        for doc in stored:
            self.stored[doc["id"]] = doc
            self._index(doc["id"], _text_key(doc.get("meta") or {}, doc["body"]), doc.get("url"))
        self.batch: dict[str, Article] = {}
        self.duplicates: list[str] = []

    def stored_article(self, article_id: str) -> Article | None:
        doc = self.stored.get(article_id)
        if doc is not None and self.fetch is not None:
            doc = self.fetch(article_id)
        return article_from_doc(doc) if doc is not None else None

    def _index(self, key: str, digest: str, url: str | None) -> None:
        if digest:
            self.by_hash.setdefault(digest, key)
        if url:
            self.by_url.setdefault(url, key)

    def add(self, article: Article) -> None:
        digest = _text_key(article.meta, article.body)
        if article.id in self.batch or article.id in self.stored:
            key = article.id
        else:
            key = (article.url and self.by_url.get(article.url)) or (digest and self.by_hash.get(digest)) or article.id
        if key != article.id and key in self.batch:  # the same text twice in this batch
            self.batch[key] = _merge(self.batch[key], article)
            self.duplicates.append(key)
            return
        if key != article.id:  # already stored under another id: update that one in place
            stored = self.stored_article(key)
            assert stored is not None
            article = _merge(stored, article)
        self.batch[key] = article
        self._index(key, _text_key(article.meta, article.body), article.url)

    def articles(self) -> list[Article]:
        return list(self.batch.values())


def write_size(stored: int) -> int:
    """How many articles the next write of an import carries, with ``stored`` already in the store.

    A crash loses at most the articles of the write under way: a third of an import into an empty
    library at worst, and nothing that was reported saved.
    """
    return max(CHUNK_SIZE, stored // 2)


def analysed(articles: list[Article], pool: WorkerPool) -> Iterator[Article]:
    """The articles in their order, each with a current analysis. Those without one are analysed by
    the pool, all handed over at once so that the workers keep going while this process writes."""
    todo = [(a.body, a.title, a.links) for a in articles if not is_current(a)]
    if pool.idle and pool.in_parallel(todo):
        warm_up()
    fresh = pool.map(analysis_of, todo)
    for article in articles:
        yield article if is_current(article) else replace(article, analysis=next(fresh))


def run_import(
    sources: list[str],
    stored: list[dict[str, Any]],
    save: Callable[[list[Article]], UpsertResult],
    store_path: Path,
    *,
    progress: Callable[[str, Any], None] | None = None,
    stage_progress: Progress | None = None,
    fetcher_factory: Callable[[], Any] | None = None,
    items: Iterable[ImportItem] = (),
    fetch_stored: Callable[[str], dict[str, Any] | None] | None = None,
) -> ImportReport:
    """Read every source, fold duplicates onto themselves and onto ``stored`` (the store's documents),
    analyse what needs it in worker processes and hand the articles to ``save`` in chunks of
    ``write_size``, each one atomic write; see ``Library.import_sources``. ``items`` are taken as read
    (the new entries of a feed refresh). ``fetch_stored``: see ``Deduper``."""
    report = ImportReport()
    with WorkerPool() as pool:
        dedupe = Deduper(stored, fetch_stored)
        for item in itertools.chain(read_items(sources, pool, stage_progress, fetcher_factory), items):
            if item.article is None:
                report.failed.append((item.label, item.error or "failed"))
            else:
                dedupe.add(item.article)
                if item.note:
                    report.partial.append((item.label, item.note))
            if progress:
                progress(item.label, item)
        articles = [_keep_current_analysis(a, dedupe.stored_article(a.id)) for a in dedupe.articles()]
        report.unchanged.extend(dedupe.duplicates)
        count = len(dedupe.stored)
        pending: list[Article] = []
        for done, article in enumerate(analysed(articles, pool), 1):
            pending.append(article)
            if stage_progress:
                stage_progress("Analysing", done, len(articles), article.title)
            if len(pending) < write_size(count) and done < len(articles):
                continue
            if stage_progress:
                stage_progress("Analysing", done, len(articles), f"saving {len(pending)} articles…")
            try:
                result = save(pending)
            except OSError as exc:
                saved = len(report.added) + len(report.updated)
                raise StoreError(
                    f"{store_path}: cannot write ({exc.strerror or exc}); the library is whole and holds "
                    f"{_articles(count)} ({saved} saved by this import before the failure)"
                ) from exc
            report.added += result.added
            report.updated += result.updated
            report.unchanged += result.unchanged
            count += len(result.added)
            pending = []
    return report
