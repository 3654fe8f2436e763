"""The article store: a TinyDB database written atomically, one write per batch: one JSON file for a
small library, shards under a manifest for a big one (``reader.shards``); callers see no difference."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from reader.locations import backup_path, lock_path
from reader.models import Article
from reader.shard_store import ShardedArticles
from reader.shards import is_manifest_meta, shard_size, shard_threshold
from reader.storage import (
    AtomicJSONStorage,
    Migration,
    StoreError,
    migrate,
    schema_version,
    stat_fingerprint,
    write_lock,
)

SCHEMA_VERSION = 1
ARTICLES = "articles"
META = "_meta"
KIND = "reader library"
HEAD_BYTES = 65536  # where a store's _meta is: it sorts first and is a few lines long
FOREIGN_ADVICE = "the file was left as it is; check the path given with --store or READER_STORE"


def _from_v0(raw: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (before ``_meta``) holds the same article documents: only the version is added."""
    return {**raw, META: {"1": {"schema": 1, "app": "reader"}}}


# version n -> the function that turns a file of format n into format n + 1
MIGRATIONS: dict[int, Migration] = {0: _from_v0}


def article_from_doc(doc: Any) -> Article:
    """An article document as stored; ValueError saying what is wrong with it."""
    if not isinstance(doc, dict):
        raise ValueError("not an object")
    for name in ("id", "title", "body"):
        if not isinstance(doc.get(name), str):
            raise ValueError(f"'{name}' is missing or not text")
    try:
        return Article.from_dict(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from exc


def check_library(raw: dict[str, Any] | None, path: Path) -> dict[str, Any]:
    """The file's tables in the current format; StoreError for a file reader must not touch."""
    if not raw:
        return {}
    raw = migrate(raw, schema_version(raw, path, KIND), SCHEMA_VERSION, MIGRATIONS, path, KIND)
    app = foreign_app(raw)
    if app is not None:
        raise StoreError(f"{path}: not a reader library (written by another program, '{app}'); {FOREIGN_ADVICE}")
    table = raw.get(ARTICLES)
    if table is None and set(raw) - {META}:
        raise StoreError(f"{path}: not a reader library (no '{ARTICLES}' table); {FOREIGN_ADVICE}")
    if table is not None and not isinstance(table, dict):
        raise StoreError(f"{path}: not a reader library ('{ARTICLES}' is not a table); {FOREIGN_ADVICE}")
    for doc in (table or {}).values():
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            raise StoreError(f"{path}: not a reader library (an article without an id); {FOREIGN_ADVICE}")
        break
    return raw


def foreign_app(raw: dict[str, Any]) -> str | None:
    """The program a file's ``_meta`` says wrote it, when that is not reader."""
    for doc in (raw.get(META) or {}).values():
        app = doc.get("app") if isinstance(doc, dict) else None
        if app is not None and app != "reader":
            return str(app)[:60]
    return None


def recorded_count(raw: dict[str, Any]) -> tuple[int | None, int]:
    """``(articles, removed)`` as the last save recorded them in ``_meta``: how many articles the
    file held, and how many that save removed at the user's request (0 when none)."""
    doc = (raw.get(META) or {}).get("1")
    if not isinstance(doc, dict):
        return None, 0
    count, removed = doc.get("articles"), doc.get("removed")
    valid = isinstance(count, int) and not isinstance(count, bool) and count >= 0
    return (count if valid else None), (removed if isinstance(removed, int) and removed > 0 else 0)


def backup_count(path: Path) -> int | None:
    """The article count a store file recorded, read from its head only (``_meta`` is written first,
    so this costs nothing at any size); None when it recorded none or cannot be read."""
    import ijson

    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)  # a file without _meta up front is not read to its end
        meta = next(ijson.items(io.BytesIO(head), META), None)
    except (OSError, ijson.JSONError):
        return None
    return recorded_count({META: meta})[0] if isinstance(meta, dict) else None


@dataclass
class UpsertResult:
    added: list[str]
    updated: list[str]
    unchanged: list[str]


def _content(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields that decide whether a re-import changed an article."""
    return {k: v for k, v in doc.items() if k not in ("imported_at",)}


class _NowSharded(Exception):
    """Raised inside a single-file write that found the library split into shards meanwhile."""


def _key_of(doc: Any) -> str:
    return str(doc.get("id")) if isinstance(doc, dict) else "?"


def _merged(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any] | None:
    """What a re-import stores over ``old``: the new document, first imported when ``old`` was; None
    when the content is the same."""
    if _content(old) == _content(new):
        return None
    return {**new, "imported_at": old.get("imported_at") or new.get("imported_at")}


class ArticleStore:
    """Articles keyed by their stable id. Reads are cached while the file is unchanged on disk."""

    def __init__(self, path: Path, *, check: bool = True):
        """``check=False`` defers reading the file to the first use (the TUI starts from the catalog)."""
        self.path = Path(path)
        # the lock sits beside the real file, so a symlinked path and its target share it
        self.lock_file = lock_path(Path(os.path.realpath(self.path)))
        self.db = TinyDB(self.path, storage=AtomicJSONStorage, backup=backup_path(self.path), kind=KIND)
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._articles: dict[str, Article] | None = None
        self._stamp: object = None
        self.shards = ShardedArticles(self.path, self.lock_file)
        if check and not self.sharded:
            self._check(self.storage.read())

    @property
    def sharded(self) -> bool:
        """Whether the library is in shards now (another process may have sharded it meanwhile)."""
        return self.shards.active()

    # -- reading -------------------------------------------------------------------------
    def _check(self, raw: dict[str, Any] | None) -> dict[str, Any]:
        return check_library(raw, self.path)

    def _malformed(self, key: str, reason: str) -> StoreError:
        return StoreError(
            f"{self.path}: article {key} is malformed ({reason}); the file was left as it is. "
            "Run 'reader doctor' to check the library."
        )

    def _load(self) -> dict[str, Article]:
        if self.sharded:
            stamp: Any = self.shards.stamp()
            if self._articles is not None and stamp == self._stamp:
                return self._articles
            table: Any = ((_key_of(doc), doc) for doc in self.shards.documents())
        else:
            raw = self.storage.read()
            stamp = self.storage.stamp
            if self._articles is not None and stamp == self._stamp and stamp is not None:
                return self._articles
            table = (self._check(raw).get(ARTICLES) or {}).items()
        articles: dict[str, Article] = {}
        for key, doc in table:
            try:
                article = article_from_doc(doc)
            except ValueError as exc:
                raise self._malformed(key, str(exc)) from exc
            articles[article.id] = article
        self._articles, self._stamp = articles, stamp
        return articles

    def documents(self) -> tuple[list[int] | None, list[dict[str, Any]]]:
        """The article documents as stored, unparsed, with the stamp of the file they were read from:
        derived data (the catalog) is built from them without making 100k ``Article`` objects."""
        if self.sharded:
            return self.shards.stamp(), list(self.shards.documents())
        raw = self._check(self.storage.read())
        stamp = self.storage.stamp
        return (list(stamp) if stamp is not None else None), list((raw.get(ARTICLES) or {}).values())

    def checked_documents(self) -> list[dict[str, Any]]:
        """The article documents, each checked for what every reader of them needs (an id, a title
        and a body), without making ``Article`` objects; StoreError naming the first that lacks it."""
        if self.sharded:
            return [self._checked(_key_of(doc), doc) for doc in self.shards.documents()]
        raw = self._check(self.storage.read())
        table = raw.get(ARTICLES) or {}
        for key, doc in table.items():
            if not isinstance(doc, dict) or not all(isinstance(doc.get(f), str) for f in ("id", "title", "body")):
                raise self._malformed(key, "no id, title or body")
        return list(table.values())

    def _checked(self, key: str, doc: Any) -> dict[str, Any]:
        try:
            article_from_doc(doc)
        except ValueError as exc:
            raise self._malformed(key, str(exc)) from exc
        return doc  # type: ignore[no-any-return]

    def dedupe_documents(self) -> tuple[list[dict[str, Any]], Callable[[str], dict[str, Any] | None] | None]:
        """What the importers' dedupe needs: every document (a single file, parsed whole anyway), or
        for shards their summaries (id, URL, content hash) and a way to read a whole one by id."""
        if self.sharded:
            return self.shards.dedupe_documents(), self.shards.document
        return self.checked_documents(), None

    def changed_documents(self, ids: Iterable[str]) -> tuple[list[int] | None, list[dict[str, Any]]]:
        """The documents of ``ids`` as the last write left them, with the store's stamp after it (for
        shards, that of the manifest this write committed, even if another process has written since)."""
        wanted = set(ids)
        if self.sharded:
            written = [doc for key, doc in self.shards.written.items() if key in wanted]
            self.shards.written = {}  # taken: after a split it held the whole library
            return self.shards.written_stamp, written
        stamp, docs = self.documents()
        return stamp, [doc for doc in docs if doc.get("id") in wanted]

    @contextlib.contextmanager
    def streamed_documents(
        self, progress: Callable[[int, int], None] | None = None
    ) -> Iterator[tuple[list[int], Iterator[dict[str, Any]]] | None]:
        """The article documents read from the file one at a time (with ijson), with the stamp of the
        file they come from: a whole 100k-article store would take gigabytes of memory as one object.

        Each document is checked as ``_load`` checks it (StoreError for a malformed one), and
        ``progress(bytes read, file size)`` follows the reading. Yields None when the file is not in
        the current format (missing, older, newer, foreign): the caller then reads it whole, which
        migrates it or says what is wrong. A damaged file raises ``ijson.JSONError`` while iterating.
        """
        import ijson  # only for this, which few runs need

        if self.sharded:
            stamp = self.shards.stamp()
            assert stamp is not None
            yield stamp, (self._checked(_key_of(doc), doc) for doc in self.shards.documents(progress))
            return
        try:
            file = open(self.path, "rb")  # noqa: SIM115 - closed by the with below, after the caller is done
        except FileNotFoundError:
            yield None
            return
        with file:
            st = os.fstat(file.fileno())
            stamp = stat_fingerprint(st)  # of the file read, whatever replaces it meanwhile
            try:
                meta = next(ijson.items(file, META), None)  # written first, so only the file's head is read
                current = meta is not None and schema_version({META: meta}, self.path, KIND) == SCHEMA_VERSION
            except (ijson.JSONError, StoreError):
                current = False
            if not current:
                yield None
                return
            file.seek(0)
            yield stamp, self._stream(file, st.st_size, progress)

    def _stream(self, file: Any, size: int, progress: Callable[[int, int], None] | None) -> Iterator[dict[str, Any]]:
        import ijson

        for count, (key, doc) in enumerate(ijson.kvitems(file, ARTICLES, use_float=True), 1):
            try:
                article_from_doc(doc)
            except ValueError as exc:
                raise self._malformed(key, str(exc)) from exc
            if progress and count % 500 == 0:
                progress(file.tell(), size)
            yield doc
        if progress:
            progress(size, size)

    def all(self) -> list[Article]:
        return list(self._load().values())

    def each(self) -> Iterator[Article]:
        """Every article, one shard at a time in a library in shards (a single file is parsed whole)."""
        if not self.sharded:
            yield from self.all()
            return
        for doc in self.shards.documents():
            yield article_from_doc(self._checked(_key_of(doc), doc))

    def get(self, article_id: str) -> Article | None:
        if self.sharded:
            if self._articles is not None and self._stamp == self.shards.stamp():
                return self._articles.get(article_id)
            doc = self.shards.document(article_id)
            return article_from_doc(self._checked(article_id, doc)) if doc is not None else None
        return self._load().get(article_id)

    def ids(self) -> list[str]:
        return self.shards.ids() if self.sharded else list(self._load())

    def __len__(self) -> int:
        return self.shards.count() if self.sharded else len(self._load())

    def changed_on_disk(self) -> bool:
        return self.shards.changed_on_disk() if self.sharded else self.storage.changed_on_disk()

    # -- writing -------------------------------------------------------------------------
    def _write(self, change: Any, removing: bool = False) -> Any:
        """Apply ``change(table_dict)`` to a fresh read of the file and write it once, under the lock.

        ``change`` returns ``(result, dirty)``; nothing is written when it changed nothing. The file
        records how many articles it holds and, with ``removing`` (the user asked for the removal),
        how many this write removed: fewer articles than the backup holds are accepted on the next
        save only with that record (see ``_check_shrink``).
        """
        meta = {"schema": SCHEMA_VERSION, "app": "reader"}
        before: list[int] = []

        def check(raw: dict[str, Any] | None) -> dict[str, Any]:
            if raw and is_manifest_meta(raw.get(META)):
                raise _NowSharded  # another process split the library since this one looked
            checked = self._check_shrink(self._check(raw))
            before.append(len(checked.get(ARTICLES) or {}))
            return checked

        def meta_for(table: dict[str, Any]) -> dict[str, Any]:
            removed = max(0, before[-1] - len(table)) if removing else 0
            return {**meta, "articles": len(table), **({"removed": removed} if removed else {})}

        def save(raw: dict[str, Any]) -> bool:
            """Past the threshold the library is split into shards instead of written whole."""
            table = raw.get(ARTICLES) or {}
            if len(table) <= shard_threshold():
                return False
            self.shards.migrate(table, shard_size())
            return True

        result, written = self.storage.update_table(self.lock_file, ARTICLES, change, check, meta, meta_for, save)
        if written:
            self._articles = None
        return result

    def _check_shrink(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Refuse to save over a file that holds fewer articles than its backup when reader did not
        remove them (another program, a copy of an older file): the save would push the last good
        copy down the backups. Only backups that recorded their count are compared."""
        backup = backup_path(self.path)
        held = len(raw.get(ARTICLES) or {})
        kept = backup_count(backup) if raw else None
        if kept is None or held >= kept:
            return raw
        recorded, removed = recorded_count(raw)
        if removed and recorded == held:
            return raw  # the last save removed them, as the user asked
        raise StoreError(
            f"{self.path}: holds {held} article{'' if held == 1 else 's'} while its backup {backup.name} holds "
            f"{kept}, and reader did not remove them; the file was left as it is. Run 'reader doctor --repair' "
            f"to recover them, or move {backup.name} aside to keep the library as it is."
        )

    def split(self) -> bool:
        """Split a single-file library into shards now, whatever its size (what its first write past
        the threshold does); False when it already is in shards or holds nothing."""
        if self.sharded or not self.path.exists():
            return False
        with write_lock(self.lock_file):
            raw = self.storage.read(fresh=True)
            if not raw or is_manifest_meta(raw.get(META)):
                return False
            table = self._check_shrink(self._check(raw)).get(ARTICLES) or {}
            if not table:
                return False
            self.shards.migrate(table, shard_size())
        self.storage.close()
        self._articles = None
        return True

    def upsert(self, articles: Iterable[Article]) -> UpsertResult:
        """Add new articles and replace changed ones, in one atomic write."""
        incoming = [a.to_dict() for a in articles]
        result = UpsertResult([], [], [])
        if incoming and self.sharded:
            self._articles = None
            return UpsertResult(*self.shards.upsert(incoming, _merged))

        def change(table: dict[str, Any]) -> tuple[UpsertResult, bool]:
            by_id = {doc["id"]: key for key, doc in table.items()}
            next_key = max((int(k) for k in table if k.isdigit()), default=0) + 1
            for doc in incoming:
                key = by_id.get(doc["id"])
                if key is None:
                    key = str(next_key)
                    next_key += 1
                    by_id[doc["id"]] = key
                    table[key] = doc
                    result.added.append(doc["id"])
                    continue
                merged = _merged(table[key], doc)
                if merged is None:
                    result.unchanged.append(doc["id"])
                    continue
                table[key] = merged
                result.updated.append(doc["id"])
            return result, bool(result.added or result.updated)

        if not incoming:
            return result
        try:
            return self._write(change)  # type: ignore[no-any-return]
        except _NowSharded:
            return UpsertResult(*self.shards.upsert(incoming, _merged))

    def delete(self, article_ids: Iterable[str]) -> list[str]:
        wanted = set(article_ids)
        if self.sharded:
            self._articles = None
            return self.shards.delete(wanted)

        def change(table: dict[str, Any]) -> tuple[list[str], bool]:
            gone = [key for key, doc in table.items() if doc.get("id") in wanted]
            removed = [table.pop(key)["id"] for key in gone]
            return removed, bool(removed)

        try:
            return self._write(change, removing=True)  # type: ignore[no-any-return]
        except _NowSharded:
            return self.shards.delete(wanted)

    def close(self) -> None:
        self.db.close()
        self.shards.forget()
