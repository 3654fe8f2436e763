"""The catalog: a compact SQLite copy of what the library list shows, plus each article's stored
document, kept in the cache dir so the TUI draws its first screen and opens an article without
parsing the whole store (1.1 GB and 15 s at 100k articles).

It is derived data, like the search index: keyed by the store's fingerprint (inode, size, mtime),
updated by the writes the library makes, rebuilt from the store when missing, stale or corrupt.
A sharded library's catalog is rebuilt from the shards' summaries: the list at once, without the
documents ("partial"), which are then read from the store, one shard per article opened.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from reader.storage import file_fingerprint as store_fingerprint

CATALOG_VERSION = 2  # 2: undated articles sort after dated ones
FILE_NAME = "catalog.sqlite3"
Fingerprint = list[int] | None

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    words INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    truncated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_newest ON entries (sort_key, title);
CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, doc BLOB NOT NULL);
"""
COLUMNS = "id, title, source, date, words, quotes, truncated, sort_key"

# How the list can be ordered: key -> label shown in the title bar.
ORDERS = {"date": "newest first", "title": "by title", "source": "by source", "quotes": "most quotes first"}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the library list."""

    id: str
    title: str
    source: str
    date: str
    words: int
    quotes: int
    read: bool = False
    truncated: bool = False
    bookmarks: int = 0
    sort_key: str = ""  # "1" + publication date, else "0" + import time: newest first, undated last


def entry_values(doc: dict[str, Any]) -> tuple[Any, ...]:
    """The list columns of a stored article document (``Article.to_dict`` shape), in ``COLUMNS`` order."""
    analysis = doc.get("analysis") or {}
    quotes = sum(1 for q in analysis.get("quotes") or () if not q.get("scare"))
    published = doc.get("published") or ""
    return (
        doc["id"],
        doc.get("title") or "",
        doc.get("source") or "",
        published[:10],
        len((doc.get("body") or "").split()),
        quotes,
        1 if doc.get("truncated") else 0,
        date_key(published, doc.get("imported_at")),
    )


def date_key(published: str | None, imported_at: str | None) -> str:
    """What newest first sorts on: dated articles by their date, then undated ones by import time
    (an undated article is not news of today because it was imported today)."""
    return f"1{published}" if published else f"0{imported_at or ''}"


def rows_with_details(rows: list[Row], details: dict[str, dict[str, str]]) -> list[Row]:
    """The rows with the user's details (title, source, date) over them, newest first again."""
    if not details:
        return rows
    changed = False
    result = []
    for row in rows:
        edits = details.get(row.id)
        if edits:
            changed = True
            values: dict[str, Any] = {k: edits[k] for k in ("title", "source") if k in edits}
            if "published" in edits:
                values["date"] = edits["published"][:10]
                imported = row.sort_key[1:] if row.sort_key.startswith("0") else ""
                values["sort_key"] = date_key(edits["published"], imported)
            row = replace(row, **values)
        result.append(row)
    return sort_rows(result, "date") if changed else result


def sort_rows(rows: list[Row], order: str) -> list[Row]:
    """The rows in one of ``ORDERS``; ties stay newest first, so every order is stable and predictable."""
    newest = sorted(rows, key=attrgetter("sort_key", "title"), reverse=True)
    if order == "title":
        return sorted(newest, key=lambda row: row.title.casefold())
    if order == "source":
        return sorted(newest, key=lambda row: row.source.casefold())
    if order == "quotes":
        return sorted(newest, key=attrgetter("quotes"), reverse=True)
    return newest


def rows_from_docs(docs: Iterable[dict[str, Any]], read: dict[str, bool]) -> list[Row]:
    """The rows straight from stored documents, newest first: when there is no catalog to serve them."""
    rows = []
    for doc in docs:
        id, title, source, date, words, quotes, truncated, sort_key = entry_values(doc)
        rows.append(Row(id, title, source, date, words, quotes, read.get(id, False), bool(truncated), 0, sort_key))
    return sort_rows(rows, "date")


def next_order(order: str) -> str:
    keys = list(ORDERS)
    return keys[(keys.index(order) + 1) % len(keys)] if order in ORDERS else keys[0]


class Catalog:
    """The list rows and stored documents of one store, in ``<cache>/catalog.sqlite3``."""

    def __init__(self, cache_dir: Path, store_path: Path):
        self.path = Path(cache_dir) / FILE_NAME
        self.store_path = Path(store_path)

    # -- connections -----------------------------------------------------------------------
    @contextlib.contextmanager
    def _connect(self, create: bool = False) -> Iterator[sqlite3.Connection]:
        """A short-lived connection (the TUI reads from several threads); a damaged file is removed."""
        if not create and not self.path.exists():
            raise sqlite3.OperationalError("no catalog")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if create:
                db.executescript(SCHEMA)
            yield db
        except sqlite3.DatabaseError as exc:
            if not isinstance(exc, sqlite3.OperationalError):  # corrupt or not a database: derived, start again
                db.close()
                self.remove()
            raise
        finally:
            db.close()

    def remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{self.path}{suffix}")

    @staticmethod
    def _meta(db: sqlite3.Connection) -> tuple[int | None, Fingerprint]:
        values = dict(db.execute("SELECT key, value FROM meta").fetchall())
        version = values.get("version")
        fingerprint = values.get("fingerprint")
        return (
            int(version) if version is not None else None,
            orjson.loads(fingerprint) if fingerprint is not None else None,
        )

    @staticmethod
    def _partial(db: sqlite3.Connection) -> bool:
        """Whether the catalog holds the list only, not every article's document."""
        return db.execute("SELECT value FROM meta WHERE key = 'docs'").fetchone() == ("partial",)

    def _describes(self, db: sqlite3.Connection) -> bool:
        """Whether this catalog holds the store file as it is now."""
        version, fingerprint = self._meta(db)
        return (
            version == CATALOG_VERSION and fingerprint is not None and fingerprint == store_fingerprint(self.store_path)
        )

    # -- reading ---------------------------------------------------------------------------
    def fingerprint(self) -> Fingerprint:
        """The store fingerprint this catalog describes; None when there is no usable catalog."""
        try:
            with self._connect() as db:
                version, fingerprint = self._meta(db)
        except sqlite3.Error:
            return None
        return fingerprint if version == CATALOG_VERSION else None

    def fresh(self) -> bool:
        try:
            with self._connect() as db:
                return self._describes(db)
        except sqlite3.Error:
            return False

    def rows(self, limit: int | None = None, read: dict[str, bool] | None = None) -> list[Row] | None:
        """Rows newest first (the first ``limit`` only, when given); None when the catalog is not fresh."""
        read = read or {}
        sql = f"SELECT {COLUMNS} FROM entries ORDER BY sort_key DESC, title DESC"
        try:
            with self._connect() as db:
                db.execute("BEGIN")
                if not self._describes(db):
                    return None
                cursor = db.execute(sql + " LIMIT ?", (limit,)) if limit is not None else db.execute(sql)
                found = cursor.fetchall()
                db.execute("COMMIT")
        except sqlite3.Error:
            return None
        return [
            Row(id, title, source, date, words, quotes, read.get(id, False), bool(truncated), 0, sort_key)
            for id, title, source, date, words, quotes, truncated, sort_key in found
        ]

    def document(self, article_id: str, prefix: bool = False) -> tuple[bool, dict[str, Any] | None]:
        """``(True, doc or None)`` when the catalog is fresh, else ``(False, None)``: then ask the store.

        With ``prefix``, a unique prefix of four or more characters finds the article too.
        """
        try:
            with self._connect() as db:
                db.execute("BEGIN")
                if not self._describes(db):
                    return False, None
                found = db.execute("SELECT doc FROM docs WHERE id = ?", (article_id,)).fetchone()
                if found is None and prefix and len(article_id) >= 4 and article_id.isalnum():
                    ids = db.execute("SELECT id FROM entries WHERE id GLOB ? LIMIT 2", (article_id + "*",)).fetchall()
                    if len(ids) == 1:
                        found = db.execute("SELECT doc FROM docs WHERE id = ?", (ids[0][0],)).fetchone()
                partial = found is None and self._partial(db)
                db.execute("COMMIT")
        except sqlite3.Error:
            return False, None
        if found is None:
            return not partial, None
        try:
            return True, orjson.loads(zlib.decompress(found[0]))
        except (zlib.error, orjson.JSONDecodeError):
            self.remove()
            return False, None

    def documents(self) -> Iterator[dict[str, Any]] | None:
        """Every stored document, one at a time, when the catalog is fresh (None otherwise): what a
        search index build or a library-wide count needs, without 5 GB of parsed store at 100k."""
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None) if self.path.exists() else None
            if db is None:
                return None
            db.execute("BEGIN")
            if not self._describes(db) or self._partial(db):
                db.close()
                return None
        except sqlite3.Error:
            return None
        return self._stream(db)

    def saved_documents(self) -> list[dict[str, Any]]:
        """Every document the catalog holds, fresh or not: what ``reader doctor --repair`` can still
        take from it when the store is damaged. Empty when there is no readable catalog."""
        docs = []
        try:
            with self._connect() as db:
                for (blob,) in db.execute("SELECT doc FROM docs ORDER BY rowid"):
                    with contextlib.suppress(zlib.error, orjson.JSONDecodeError):
                        docs.append(orjson.loads(zlib.decompress(blob)))
        except sqlite3.Error:
            return []
        return docs

    def _stream(self, db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        try:
            for (blob,) in db.execute("SELECT doc FROM docs ORDER BY rowid"):
                yield orjson.loads(zlib.decompress(blob))
        finally:
            db.close()

    # -- writing ---------------------------------------------------------------------------
    @staticmethod
    def _insert(db: sqlite3.Connection, docs: Iterable[dict[str, Any]]) -> None:
        batch: list[dict[str, Any]] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= 2000:
                Catalog._insert_batch(db, batch)
                batch = []
        Catalog._insert_batch(db, batch)

    @staticmethod
    def _insert_batch(db: sqlite3.Connection, docs: list[dict[str, Any]]) -> None:
        db.executemany(
            f"INSERT OR REPLACE INTO entries ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", map(entry_values, docs)
        )
        db.executemany(
            "INSERT OR REPLACE INTO docs (id, doc) VALUES (?, ?)",
            ((doc["id"], zlib.compress(orjson.dumps(doc), 1)) for doc in docs),
        )

    @staticmethod
    def _set_fingerprint(db: sqlite3.Connection, fingerprint: Fingerprint) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("version", str(CATALOG_VERSION)), ("fingerprint", orjson.dumps(fingerprint).decode())],
        )

    def rebuild(self, docs: Iterable[dict[str, Any]], fingerprint: Fingerprint) -> None:
        """Replace everything with ``docs``, the store's articles at ``fingerprint``, in one transaction."""
        for attempt in range(2):
            try:
                with self._connect(create=True) as db:
                    db.execute("BEGIN IMMEDIATE")
                    db.execute("DELETE FROM entries")
                    db.execute("DELETE FROM docs")
                    self._insert(db, docs)
                    db.execute("DELETE FROM meta WHERE key = 'docs'")
                    self._set_fingerprint(db, fingerprint)
                    db.execute("COMMIT")
                return
            except sqlite3.DatabaseError:
                if attempt or isinstance(docs, Iterator):
                    raise

    def rebuild_list(self, entries: Iterable[list[Any]], fingerprint: Fingerprint) -> None:
        """Replace everything with the list only (``entry_values`` of each article, from a sharded
        library's summaries): the documents are read from the store when asked for."""
        with self._connect(create=True) as db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM entries")
            db.execute("DELETE FROM docs")
            db.executemany(f"INSERT OR REPLACE INTO entries ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries)
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('docs', 'partial')")
            self._set_fingerprint(db, fingerprint)
            db.execute("COMMIT")

    def _describing(self, expected: Fingerprint, work: Callable[[sqlite3.Connection], None]) -> bool:
        """``work(db)`` in one write transaction, when the catalog describes the store at ``expected``;
        False when it does not (missing or stale) or cannot be written."""
        try:
            with self._connect() as db:
                db.execute("BEGIN IMMEDIATE")
                version, fingerprint = self._meta(db)
                if version != CATALOG_VERSION or fingerprint is None or fingerprint != expected:
                    db.execute("ROLLBACK")
                    return False
                work(db)
                db.execute("COMMIT")
        except sqlite3.Error:
            return False
        return True

    def add_documents(self, docs: Iterable[dict[str, Any]], fingerprint: Fingerprint) -> bool:
        """Add the documents of articles already listed (a shard just read to open one of them), when the
        catalog still describes the store at ``fingerprint``; False when it does not."""

        def work(db: sqlite3.Connection) -> None:
            db.executemany(
                "INSERT OR REPLACE INTO docs (id, doc) VALUES (?, ?)",
                ((doc["id"], zlib.compress(orjson.dumps(doc), 1)) for doc in docs),
            )

        return self._describing(fingerprint, work)

    def store_changed(
        self,
        before: Fingerprint,
        after: Fingerprint,
        changed: Iterable[dict[str, Any]],
        removed: Iterable[str] = (),
    ) -> bool:
        """Apply one write of the store (``before`` -> ``after``); False when the catalog did not
        describe ``before`` (missing or stale), so the caller rebuilds it instead."""

        def work(db: sqlite3.Connection) -> None:
            gone = [(article_id,) for article_id in removed]
            db.executemany("DELETE FROM entries WHERE id = ?", gone)
            db.executemany("DELETE FROM docs WHERE id = ?", gone)
            self._insert(db, changed)
            self._set_fingerprint(db, after)

        return self._describing(before, work)
