"""The Library facade: the one API the TUI, the CLI and scripts use (``Library.open(path)``)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import locations
from reader.analysis.stored import (
    analyse_article,
    is_current,
    with_some_analysis,
)
from reader.catalog import Catalog, Fingerprint, Row, rows_from_docs, rows_with_details, store_fingerprint
from reader.details import apply as apply_details
from reader.models import Analysis, Article, ImportReport
from reader.storage import StoreError
from reader.store import ArticleStore, UpsertResult, article_from_doc
from reader.userdata import CORRECTIONS, corrections_stamp
from reader.userstate import UserState

LIST_IN_BACKGROUND_BYTES = 20_000_000  # about 2k articles, listed in under a second before the app starts

if TYPE_CHECKING:
    from reader.bookmarks import Bookmark, Bookmarks, PlacedBookmark
    from reader.feeds import Feeds
    from reader.importers import ImportItem
    from reader.search import Overview, QuoteHit, SearchIndex, SearchResults
    from reader.userdata.actions import CorrectionSet, LibraryCorrections


def place(bookmark: Bookmark, article: Article | None) -> PlacedBookmark:
    """Bookmarks (and rapidfuzz, for re-anchoring) are imported on first use: the TUI starts without them."""
    from reader.bookmarks import place as place_bookmark

    return place_bookmark(bookmark, article)


MIN_PREFIX = 4  # characters of an id that find an article by prefix


class ArticleNotFound(LookupError):
    pass


def sort_key(article: Article) -> tuple[bool, str, str]:
    """Newest first: by publication date; undated articles after every dated one, newest import first."""
    return (bool(article.published), article.published or article.imported_at or "", article.title)


class Library:
    def __init__(self, path: Path, *, lazy: bool = False):
        """``lazy``: do not read the store until it is needed (the TUI starts from the catalog)."""
        self.path = Path(path)
        self.store = ArticleStore(self.path, check=not lazy)
        self._catalog: Catalog | None = None
        self._state: UserState | None = None
        self._bookmarks: Bookmarks | None = None
        self._search: SearchIndex | None = None
        self._corrections: LibraryCorrections | None = None
        self._filling: list[Any] = []  # threads adding a shard's documents to the catalog

    @classmethod
    def open(cls, store_path: str | Path | None = None, *, lazy: bool = False) -> Library:
        """Open a store; the default one is created from the bundled sample on first use."""
        path = locations.resolve_store(store_path)
        if store_path is None and path == locations.default_store_path() and not path.exists():
            sample = locations.sample_store()
            if sample.is_file():
                from reader.storage import atomic_write_bytes

                atomic_write_bytes(path, sample.read_bytes())
        return cls(path, lazy=lazy)

    @property
    def state(self) -> UserState:
        if self._state is None:
            self._state = UserState(locations.state_path(self.path))
        return self._state

    @property
    def cache_dir(self) -> Path:
        return locations.cache_dir(self.path)

    # -- articles ------------------------------------------------------------------------
    def articles(self) -> list[Article]:
        """Every article, newest first, with the details the user set and the corrections applied."""
        articles = self._with_corrections(self._all_stored())
        return sorted(articles, key=sort_key, reverse=True)

    def __len__(self) -> int:
        return len(self.store)

    def get(self, article_id: str) -> Article | None:
        """An article by id or unique id prefix, its analysis current and the user's corrections applied."""
        fresh, doc = self.catalog.document(article_id, prefix=True)
        if fresh:
            return self._shown(analyse_article(self._article(doc))) if doc is not None else None
        article = self.store.get(article_id)
        if article is None and len(article_id) >= 4:
            matches = [a for a in self.store.ids() if a.startswith(article_id)]
            if len(matches) == 1:
                article = self.store.get(matches[0])
        if article is not None:
            self._catalog_keeps_shard(article.id)
        return self._shown(analyse_article(self._with_details(article))) if article else None

    # -- corrections (reader.userdata: the logic; here the hooks that apply them everywhere) --
    @property
    def corrections(self) -> LibraryCorrections:
        """Make, undo, list and export corrections of the analysis (see docs/corrections.md)."""
        if self._corrections is None:
            from reader.userdata.actions import LibraryCorrections

            self._corrections = LibraryCorrections(self)
        return self._corrections

    def _shown(self, article: Article | None) -> Article | None:
        return next(self._with_corrections([article])) if article is not None else None

    def _with_corrections(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Articles with some analysis and the corrections applied: what every view reads."""
        if not self.state.read_table(CORRECTIONS):  # none: the corrections code is not even imported
            yield from map(with_some_analysis, articles)
            return
        snapshot: CorrectionSet = self.corrections.snapshot()
        for article in articles:
            yield snapshot.apply(with_some_analysis(article))

    def _stored(self, article_id: str) -> Article | None:
        """An article as stored: from the catalog while it holds the store as it is now (one small
        read instead of parsing the whole store), else from the store."""
        fresh, doc = self.catalog.document(article_id)
        if fresh:
            return self._article(doc) if doc is not None else None
        article = self.store.get(article_id)
        if article is not None:
            self._catalog_keeps_shard(article.id)
        return self._with_details(article) if article else None

    def _catalog_keeps_shard(self, article_id: str) -> None:
        """A sharded library listed from its summaries: the documents of the shard just read go into the
        catalog, so the other articles of that shard open from it. In a thread of its own (compressing
        500 documents takes longer than reading them), and derived data: a failure changes nothing."""
        if not self.store.sharded:
            return
        try:
            stamp, docs = self.store.shards.neighbours(article_id)
        except StoreError:
            return

        def fill() -> None:
            with contextlib.suppress(sqlite3.Error, OSError):
                self.catalog.add_documents(docs, stamp)

        import threading

        filling = threading.Thread(target=fill, name="catalog-fill", daemon=True)
        filling.start()
        self._filling = [t for t in self._filling if t.is_alive()] + [filling]

    def _all_stored(self) -> Iterator[Article]:
        """Every article as stored, one at a time from the catalog while it is fresh (parsed whole, the
        store of 100k articles takes 5 GB), else from the store."""
        docs = self.catalog.documents()
        if docs is None and self.store.sharded:
            docs = self.store.shards.documents()  # one shard at a time
        if docs is None:
            yield from self._with_edited_details(self.store.all())
            return
        edits = self._details()
        for doc in docs:
            yield self._article(doc, edits)

    def _article(self, doc: dict[str, Any], edits: dict[str, dict[str, str]] | None = None) -> Article:
        """An article from a stored document, with the user's details over it."""
        try:
            article = article_from_doc(doc)
        except ValueError as exc:
            raise StoreError(
                f"{self.path}: article {doc.get('id') if isinstance(doc, dict) else '?'} is malformed ({exc}); "
                "the file was left as it is. Run 'reader doctor' to check the library."
            ) from exc
        return apply_details(article, (self._details() if edits is None else edits).get(article.id))

    def require(self, article_id: str) -> Article:
        article = self.get(article_id)
        if article is None:
            raise ArticleNotFound(self._not_found(article_id))
        return article

    def _not_found(self, article_id: str) -> str:
        """Why an id finds no article: too short, ambiguous (with the candidates), or unknown."""
        matches = sorted(i for i in self.store.ids() if i.startswith(article_id)) if article_id else []
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            return f"'{article_id}' matches {len(matches)} articles: {shown} (give more characters)"
        if len(article_id) < MIN_PREFIX and matches:
            return f"ids need at least {MIN_PREFIX} characters ('{article_id}' is too short)"
        return f"no article with id '{article_id}' in {self.path} (see 'reader list')"

    def add(self, articles: Iterable[Article]) -> ImportReport:
        analysed = [analyse_article(a) for a in articles]
        before = self._store_fingerprint()
        result = self.store.upsert(analysed)
        self._index_changed(before, analysed, result.added + result.updated)
        return ImportReport(result.added, result.updated, result.unchanged)

    def import_sources(
        self,
        sources: list[str],
        progress: Callable[[str, Any], None] | None = None,
        *,
        stage_progress: Callable[[str, int, int | None, str], None] | None = None,
        fetcher_factory: Callable[[], Any] | None = None,
    ) -> ImportReport:
        """Import files, directories (recursively), URLs, feeds and '-' (stdin).

        Failures are reported per item; duplicates (same URL or same text) are stored once; the
        store is written one atomic chunk at a time. ``progress(label, item)`` is called for each
        item read; ``stage_progress(stage, done, total, label)`` counts inputs read, then articles
        analysed, with totals (for a bar with an ETA).
        """
        from reader.importers.batch import run_import

        stored, fetch = self.store.dedupe_documents()
        return run_import(
            sources,
            stored,
            self._save_chunk,
            self.path,
            progress=progress,
            stage_progress=stage_progress,
            fetcher_factory=fetcher_factory,
            fetch_stored=fetch,
        )

    def import_items(
        self, items: Iterable[ImportItem], stage_progress: Callable[[str, int, int | None, str], None] | None = None
    ) -> ImportReport:
        """Import articles already read (a feed refresh's new entries) as ``import_sources`` does."""
        from reader.importers.batch import run_import

        stored, fetch = self.store.dedupe_documents()
        return run_import(
            [], stored, self._save_chunk, self.path, stage_progress=stage_progress, items=items, fetch_stored=fetch
        )

    def _save_chunk(self, articles: list[Article]) -> UpsertResult:
        """One atomic write of part of an import, the search index and catalog kept in step."""
        before = self._store_fingerprint()
        result = self.store.upsert(articles)
        self._index_changed(before, articles, result.added + result.updated)
        return result

    def delete(self, article_ids: Iterable[str]) -> list[str]:
        before = self._store_fingerprint()
        removed = self.store.delete(article_ids)
        if removed:
            self._index_changed(before, (), [], removed)
        return removed

    def refresh_analyses(self) -> int:
        """Store fresh analyses for every article analysed by an older analyzer version."""
        from reader.importers.batch import WorkerPool, analysed

        stale = [a for a in self.store.each() if not is_current(a)]
        if stale:
            with WorkerPool() as pool:
                fresh = list(analysed(stale, pool))
            before = self._store_fingerprint()
            result = self.store.upsert(fresh)
            self._catalog_changed(before, result.added + result.updated)
        return len(stale)

    def analysis(self, article_id: str) -> Analysis:
        analysis = self.require(article_id).analysis
        assert analysis is not None
        return analysis

    @property
    def feeds(self) -> Feeds:
        """Feed subscriptions and their refresh (user data in the state file)."""
        from reader.feeds import Feeds

        return Feeds(self)

    # -- the library list (served by the catalog) -----------------------------------------
    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog(self.cache_dir, self.path)
        return self._catalog

    def list_rows(self, limit: int | None = None, progress: Callable[[int, int], None] | None = None) -> list[Row]:
        """The library list, newest first, with read flags: from the catalog, which is rebuilt first
        (one full read of the store, followed by ``progress``) when it is missing or stale."""
        if store_fingerprint(self.path) is None:
            return []
        read = self.read_flags()
        rows = self.catalog.rows(limit, read)
        if rows is None:
            docs = self.prepare_list(progress)
            rows = self.catalog.rows(limit, read)
            if rows is None:  # the catalog cannot be written here, or the store changed meanwhile
                rows = rows_from_docs(docs, read)[:limit]
        return rows_with_details(rows, self._details())

    def cached_rows(self, limit: int | None = None) -> list[Row] | None:
        """The library list, newest first, only if the catalog holds the store as it is now (None
        otherwise): never reads the store, so the TUI can draw its first page at once."""
        if store_fingerprint(self.path) is None:
            return []
        rows = self.catalog.rows(limit, self.read_flags())
        return None if rows is None else rows_with_details(rows, self._details())

    def list_fingerprint(self) -> Fingerprint:
        """Identity of the store as it is now: the list is out of date when this changes."""
        return store_fingerprint(self.path)

    def prepare_list(self, progress: Callable[[int, int], None] | None = None) -> list[dict[str, Any]]:
        """Make the catalog hold the store as it is now; a full read of the store (and StoreError on
        a file or article that cannot be read) only when it does not already.

        The store is streamed into the catalog one article at a time, so memory stays flat however big
        the library; ``progress(bytes read, file size)`` follows it. Returns the documents read when
        the catalog could not be written (then the list is served from them), else nothing.
        """
        if self.catalog.fresh():
            return []
        if self.store.sharded:
            return self._list_from_summaries()
        import ijson

        with (
            contextlib.suppress(ijson.JSONError, sqlite3.Error, OSError),
            self.store.streamed_documents(progress) as streamed,
        ):
            if streamed is not None:
                self.catalog.rebuild(streamed[1], streamed[0])
                return []
        # An older format, a damaged file or no catalog folder: read the store whole, which migrates
        # it, or says what is wrong with it, or serves the list without the catalog.
        stamp, docs = self.store.documents()
        for doc in docs:
            self._article(doc)  # every article readable, as when the whole store is loaded
        with contextlib.suppress(sqlite3.Error, OSError):  # derived data: the list is served from the documents read
            self.catalog.rebuild(docs, stamp)
        return docs

    def _list_from_summaries(self) -> list[dict[str, Any]]:
        """The catalog of a sharded library, from its shards' summaries (a fiftieth of its bytes): the
        list is complete at once, each article's document is read from its shard when opened."""
        if not self.store.sharded:  # made a single file again meanwhile (a restore): read it as one
            return self.prepare_list()
        stamp, entries = self.store.shards.list_entries()
        try:
            self.catalog.rebuild_list(entries, stamp)
        except (sqlite3.Error, OSError):  # no catalog can be written here: the list from the documents
            return self.store.documents()[1]
        return []

    def list_in_background(self) -> bool:
        """Whether the list can be built while the app runs: the catalog is stale and the store big, in
        the current format (so it can be streamed; reading only its head tells). Otherwise the caller
        builds it first, which is quick, or migrates the store, or fails with a clear message."""
        if self.catalog.fresh() or store_fingerprint(self.path) is None or self.store.sharded:
            return False
        if self.path.stat().st_size < LIST_IN_BACKGROUND_BYTES:
            return False
        with self.store.streamed_documents() as streamed:
            return streamed is not None

    def _catalog_changed(self, before: Fingerprint, changed_ids: Iterable[str], removed: Iterable[str] = ()) -> None:
        """Keep the catalog in step with a write just made to the store (from the store's cache, no re-read)."""
        try:
            if self.store.sharded:  # the documents the write made, the rest from the summaries if need be
                after, changed = self.store.changed_documents(changed_ids)
                if not self.catalog.store_changed(before, after, changed, removed):
                    self._list_from_summaries()
                    self.catalog.add_documents(changed, after)  # a copy of what was just written
                return
            after, docs = self.store.documents()
            wanted = set(changed_ids)
            changed = [doc for doc in docs if doc.get("id") in wanted]
            if not self.catalog.store_changed(before, after, changed, removed):
                self.catalog.rebuild(docs, after)
        except (sqlite3.Error, OSError):
            pass  # derived data: the next reader rebuilds it

    # -- reading state -------------------------------------------------------------------
    def is_read(self, article_id: str) -> bool:
        return self.state.is_read(article_id)

    def read_flags(self) -> dict[str, bool]:
        return {k: bool(v.get("read")) for k, v in self.state.all_reading().items()}

    def mark_read(self, article_id: str, read: bool = True) -> None:
        self.state.set_reading(article_id, read=read)

    def position(self, article_id: str) -> int:
        return int(self.state.reading(article_id).get("position") or 0)

    def save_position(self, article_id: str, offset: int) -> None:
        self.state.set_reading(article_id, position=int(offset))

    def summaries(self) -> list[dict[str, Any]]:
        """Rows of ``reader list --json``."""
        counts = self.bookmark_store.counts()
        return [{**a.summary(), "bookmarks": counts.get(a.id, 0)} for a in self.articles()]

    # -- bookmarks -----------------------------------------------------------------------
    @property
    def bookmark_store(self) -> Bookmarks:
        if self._bookmarks is None:
            from reader.bookmarks import Bookmarks

            self._bookmarks = Bookmarks(self.state)
        return self._bookmarks

    def bookmarks(self, query: str = "") -> list[PlacedBookmark]:
        """Every bookmark, newest first, with its status in the current text; ``query`` filters by text or #tag."""
        return self.bookmark_store.placed(self._stored, query)

    def article_bookmarks(self, article_id: str) -> list[PlacedBookmark]:
        """The bookmarks of one article, placed in its current body (to mark them while reading)."""
        article = self._stored(article_id)
        return [place(b, article) for b in self.bookmark_store.for_article(article_id)]

    def bookmark(self, bookmark_id: str) -> PlacedBookmark:
        bookmark = self.bookmark_store.get(bookmark_id)
        return place(bookmark, self._stored(bookmark.article_id))

    def add_bookmark(
        self, article_id: str, start: int, end: int, note: str = "", tags: Iterable[str] = ()
    ) -> PlacedBookmark:
        """Bookmark ``body[start:end]`` of an article; ValueError when the span holds no text."""
        article = self.require(article_id)
        bookmark = self.bookmark_store.add(article, start, end, note=note, tags=tags)
        return place(bookmark, article)

    def edit_bookmark(self, bookmark_id: str, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark:
        return self.bookmark_store.edit(bookmark_id, note=note, tags=tags)

    def delete_bookmark(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark; keep the returned one to undo with ``restore_bookmark``."""
        return self.bookmark_store.delete(bookmark_id)

    def restore_bookmark(self, bookmark: Bookmark) -> None:
        self.bookmark_store.restore(bookmark)

    def export_bookmarks(self, fmt: str, query: str = "") -> bytes:
        """Bookmarks as Markdown ('md', for a report) or JSON ('json', everything)."""
        from reader import export

        return export.render(fmt, self.bookmarks(query), lambda article_id: self._shown(self._stored(article_id)))

    # -- search --------------------------------------------------------------------------
    @property
    def search_index(self) -> SearchIndex:
        """The library's search index; nothing is read or built until the first search."""
        if self._search is None:
            from reader.search import SearchIndex

            self._search = SearchIndex(
                self.path,
                self.cache_dir,
                lambda: self._with_corrections(self._all_stored()),
                overlay=lambda: corrections_stamp(self.state.read_table(CORRECTIONS)),
            )
        return self._search

    def search(self, query: str, limit: int = 20) -> SearchResults:
        """Ranked hits for a query (see docs/search.md); raises ``reader.search.QueryError`` on a bad query."""
        return self.search_index.search(query, limit=limit)

    def reindex(self) -> int:
        """Rebuild the search index from the store; returns the number of articles indexed."""
        return self.search_index.rebuild()

    def quotes_by(self, person: str) -> list[QuoteHit]:
        """Every quote in the library spoken by ``person`` (full name or alias), newest first."""
        from reader.search import quotes_by

        return quotes_by(self._with_corrections(self._all_stored()), person)

    def overview(self, limit: int = 10) -> Overview:
        """The most quoted people and the most cited sources, with counts."""
        from reader.search import overview

        return overview(self._with_corrections(self._all_stored()), limit=limit)

    def _store_fingerprint(self) -> Any:
        from reader.search.index import store_fingerprint

        return store_fingerprint(self.path)

    def _index_changed(
        self, before: Any, articles: Iterable[Article], changed_ids: list[str], removed: Iterable[str] = ()
    ) -> None:
        """Keep an existing search index (and the catalog) in step with a write just made to the store."""
        wanted = set(changed_ids)
        removed = list(removed)
        if wanted or removed:
            self._catalog_changed(before, wanted, removed)
            changed = self._with_corrections(self._with_edited_details(a for a in articles if a.id in wanted))
            self.search_index.store_changed(before, list(changed), removed)

    # -- the user's details (title, source, author, date, URL) ---------------------------
    def _details(self) -> dict[str, dict[str, str]]:
        from reader.details import Details

        if self._state is None and not locations.state_path(self.path).exists():
            return {}  # nothing saved yet: no state file to open
        return Details(self.state).all()

    def _with_details(self, article: Article) -> Article:
        return apply_details(article, self._details().get(article.id))

    def _with_edited_details(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Articles with the details the user set laid over them, the details read once."""
        edits = self._details()
        for article in articles:
            yield apply_details(article, edits.get(article.id))

    def edit_details(self, article_id: str, **values: str | None) -> Article:
        """Set an article's title, source, author, published (YYYY-MM-DD) or url as the user knows
        them (None: unchanged, '' clears); kept as user data, shown and searched from now on.
        ``reader.details.DetailsError`` says what is wrong with a value."""
        from reader.details import Details

        article = self.require(article_id)
        Details(self.state).set(article.id, **values)
        edited = self.require(article.id)
        fingerprint = self._store_fingerprint()  # the store is as the index knows it: only this article changes
        self.search_index.store_changed(fingerprint, [edited], [])
        return edited

    def close(self) -> None:
        for filling in self._filling:
            filling.join()
        self.store.close()
        if self._state is not None:
            self._state.close()
