"""Reading and writing a sharded library for ``ArticleStore``: shard by shard, never the whole of it.

Reads find an article through the manifest (id -> shard and key) and parse only its shard;
library-wide reads go one shard at a time. Writes rewrite only the shards they change, then commit
the manifest (``reader.shards``). Summaries and shards are immutable files named by generation, so
what was parsed from one stays true as long as the manifest names it.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader import shards
from reader.shards import ROW_HASH, ROW_ID, ROW_URL, Manifest, Shard, collector_paused
from reader.storage import StoreError, file_fingerprint, keep_copy, write_lock

TABLES_KEPT = 4  # parsed shards kept: an article opened, then its neighbours, cost one parse


class ShardedArticles:
    """The sharded layout of the library at ``path`` (its manifest), when it has that layout."""

    def __init__(self, path: Path, lock_file: Path):
        self.path = path
        self.lock_file = lock_file
        self._seen: list[int] | None = None  # stamp of the file whose layout was last looked at
        self._manifest: Manifest | None = None
        # parsed files, by name and digest (names come back when a library is split again)
        self._rows: dict[tuple[str, str], list[list[Any]]] = {}
        self._tables: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self._index: tuple[Manifest, dict[str, tuple[str, str]]] | None = None
        self.written: dict[str, dict[str, Any]] = {}  # id -> document, of the last write made here
        self.written_stamp: list[int] | None = None  # the manifest that write committed

    # -- the manifest ----------------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        """The manifest as it is on disk now; None when the library is a single file (or missing)."""
        stamp = file_fingerprint(self.path)
        if stamp is None:
            self._seen, self._manifest = None, None
            return None
        if stamp != self._seen:
            manifest = shards.read_manifest(self.path)
            self._manifest = manifest
            self._seen = manifest.stamp if manifest is not None else stamp
        return self._manifest

    def active(self) -> bool:
        return self.manifest() is not None

    def _require(self, fresh: bool = False) -> Manifest:
        """The manifest; ``fresh`` (a writer, under the lock) reads it again whatever its stamp says:
        inode numbers are reused and mtimes are coarse, so a stamp can look current when it is not."""
        if fresh:
            self._seen = None
        manifest = self.manifest()
        if manifest is None:
            raise StoreError(f"{self.path}: the library changed while being read; try again")
        return manifest

    def changed_on_disk(self) -> bool:
        return file_fingerprint(self.path) != self._seen

    # -- reading ---------------------------------------------------------------------------
    def rows(self, manifest: Manifest, shard: Shard) -> list[list[Any]]:
        found = self._rows.get((shard.rows, shard.rows_digest))
        if found is None:
            found = shards.read_rows(manifest, shard)
            self._rows[(shard.rows, shard.rows_digest)] = found
        return found

    def all_rows(self, manifest: Manifest) -> list[list[Any]]:
        named = {(shard.rows, shard.rows_digest) for shard in manifest.shards.values()}
        for stale in set(self._rows) - named:
            del self._rows[stale]
        with collector_paused():
            return [row for shard in manifest.shards.values() for row in self.rows(manifest, shard)]

    def index(self, manifest: Manifest) -> dict[str, tuple[str, str]]:
        """id -> (shard, key), from the manifest: finding an article reads no other file."""
        if self._index is not None and self._index[0] is manifest:
            return self._index[1]
        found: dict[str, tuple[str, str]] = {}
        with collector_paused():
            for shard in manifest.shards.values():
                for key, article_id in zip(shard.keys, shard.ids, strict=True):
                    found[article_id] = (shard.name, key)
        self._index = (manifest, found)
        return found

    def table(self, manifest: Manifest, shard: Shard) -> dict[str, Any]:
        found = self._tables.get((shard.file, shard.digest))
        if found is None:
            found = shards.read_shard_table(manifest, shard)
            self._tables[(shard.file, shard.digest)] = found
            while len(self._tables) > TABLES_KEPT:
                self._tables.popitem(last=False)
        else:
            self._tables.move_to_end((shard.file, shard.digest))
        return found

    def _retrying(self, read: Callable[[Manifest], Any]) -> Any:
        """``read(manifest)``, read again from the new manifest when a write replaced a shard meanwhile."""
        for attempt in range(3):
            manifest = self._require()
            try:
                return read(manifest)
            except FileNotFoundError as exc:
                if attempt == 2 or not self.changed_on_disk():
                    raise self._missing(exc) from exc
        raise AssertionError("unreachable")

    def _missing(self, exc: FileNotFoundError) -> StoreError:
        if self.changed_on_disk():
            return StoreError(f"{self.path}: the library changed while being read; try again")
        return StoreError(
            f"{exc.filename or exc}: a shard of the library {self.path.name} is missing (a library in shards is "
            f"{self.path.name} and the folder {shards.shard_dir(self.path).name}/ beside it: copy both); "
            "run 'reader doctor' to check it"
        )

    def document(self, article_id: str) -> dict[str, Any] | None:
        def read(manifest: Manifest) -> dict[str, Any] | None:
            hit = self.index(manifest).get(article_id)
            if hit is None:
                return None
            return self.table(manifest, manifest.shards[hit[0]]).get(hit[1])

        return self._retrying(read)  # type: ignore[no-any-return]

    def neighbours(self, article_id: str) -> tuple[list[int] | None, list[dict[str, Any]]]:
        """Every document of the shard holding ``article_id``, with the manifest's stamp: the catalog of a
        library listed from its summaries keeps them, so the next article opened there costs no parse."""

        def read(manifest: Manifest) -> tuple[list[int] | None, list[dict[str, Any]]]:
            hit = self.index(manifest).get(article_id)
            if hit is None:
                return manifest.stamp, []
            return manifest.stamp, list(self.table(manifest, manifest.shards[hit[0]]).values())

        return self._retrying(read)  # type: ignore[no-any-return]

    def ids(self) -> list[str]:
        return list(self._retrying(self.index))

    def count(self) -> int:
        return self._require().count

    def stamp(self) -> list[int] | None:
        return self._require().stamp

    def documents(self, progress: Callable[[int, int], None] | None = None) -> Iterator[dict[str, Any]]:
        """Every document, one shard at a time (the shards of the manifest read when this started)."""
        manifest = self._require()
        done, total = 0, max(1, manifest.size)
        for shard in manifest.shards.values():
            try:
                table = shards.read_shard_table(manifest, shard)  # not cached: a whole pass would evict all
            except FileNotFoundError as exc:
                raise self._missing(exc) from exc
            yield from table.values()
            done += shard.size
            if progress:
                progress(done, total)

    def list_entries(self) -> tuple[list[int] | None, list[list[Any]]]:
        """The list's columns of every article, from the summaries, with the manifest's stamp."""

        def read(manifest: Manifest) -> tuple[list[int] | None, list[list[Any]]]:
            rows = self.all_rows(manifest)
            with collector_paused():
                return manifest.stamp, [row[shards.ROW_ENTRY] for row in rows]

        return self._retrying(read)  # type: ignore[no-any-return]

    def dedupe_documents(self) -> list[dict[str, Any]]:
        """What the importers' dedupe compares, from the summaries: id, URL and content hash."""

        def read(manifest: Manifest) -> list[dict[str, Any]]:
            rows = self.all_rows(manifest)
            with collector_paused():
                return [
                    {"id": row[ROW_ID], "url": row[ROW_URL], "meta": {"content_hash": row[ROW_HASH]}, "body": ""}
                    for row in rows
                ]

        return self._retrying(read)  # type: ignore[no-any-return]

    def forget(self) -> None:
        self._seen = self._manifest = self._index = None
        self._tables.clear()
        self._rows.clear()

    # -- writing ---------------------------------------------------------------------------
    def upsert(
        self, incoming: list[dict[str, Any]], merge: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any] | None]
    ) -> tuple[list[str], list[str], list[str]]:
        """Add or replace documents, rewriting only the shards they fall in; ``merge(old, new)`` is the
        document to store over ``old``, or None when nothing changed. Returns (added, updated, unchanged)."""
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        with write_lock(self.lock_file):
            manifest = self._require(fresh=True)
            index = dict(self.index(manifest))
            writer = shards.Writer(manifest)
            tables: dict[str, dict[str, Any]] = {}
            dirty: set[str] = set()

            def table_of(name: str) -> dict[str, Any]:
                if name not in tables:
                    shard = manifest.shards.get(name)
                    tables[name] = dict(self.table(manifest, shard)) if shard is not None else {}
                return tables[name]

            for doc in incoming:
                hit = index.get(doc["id"])
                if hit is None:
                    key = str(writer.new.next_key)
                    writer.new.next_key += 1
                    hit = index[doc["id"]] = (shards.shard_name(key, manifest.shard_size), key)
                    table_of(hit[0])[key] = doc
                    added.append(doc["id"])
                    dirty.add(hit[0])
                    continue
                table = table_of(hit[0])
                merged = merge(table[hit[1]], doc)
                if merged is None:
                    unchanged.append(doc["id"])
                    continue
                table[hit[1]] = merged
                updated.append(doc["id"])
                dirty.add(hit[0])
            self._commit(writer, {name: tables[name] for name in dirty}, set(added + updated))
        return added, updated, unchanged

    def delete(self, wanted: set[str]) -> list[str]:
        removed: list[str] = []
        with write_lock(self.lock_file):
            manifest = self._require(fresh=True)
            index = self.index(manifest)
            changed: dict[str, dict[str, Any]] = {}
            for article_id in wanted:
                hit = index.get(article_id)
                if hit is None:
                    continue
                table = changed.get(hit[0])
                if table is None:
                    table = changed[hit[0]] = dict(self.table(manifest, manifest.shards[hit[0]]))
                if table.pop(hit[1], None) is not None:
                    removed.append(article_id)
            self._commit(shards.Writer(manifest), changed, set())
        return removed

    def _commit(self, writer: shards.Writer, changed: dict[str, dict[str, Any]], ids: set[str]) -> None:
        """Write the changed shards and commit; remember the documents written (the catalog takes them)."""
        self.written = {}
        if not changed:
            return
        for name in sorted(changed):
            writer.put(name, changed[name])
        manifest = writer.commit()  # under the lock: its stamp is that of this very commit
        self._manifest, self._seen, self.written_stamp = manifest, manifest.stamp, manifest.stamp
        for table in changed.values():
            for doc in table.values():
                if doc["id"] in ids:
                    self.written[doc["id"]] = doc
        for name, table in changed.items():  # the new files hold exactly these tables
            shard = manifest.shards.get(name)
            if shard is not None:
                self._tables[(shard.file, shard.digest)] = table

    def migrate(self, table: dict[str, Any], size: int) -> None:
        """Turn the single-file library at ``path`` (its articles ``table``) into shards; the caller
        holds the write lock. The single file is kept as ``<name>.single.bak`` until every shard has
        been read back and found to hold exactly its articles; if one is not, it is put back."""
        kept = keep_copy(self.path, ".single.bak") if self.path.exists() else None
        manifest = shards.split(self.path, table, size)
        self.forget()
        expected = sorted(doc["id"] for doc in table.values())
        try:
            found = sorted(doc["id"] for _, part in shards.iter_tables(manifest) for doc in part.values())
        except (OSError, StoreError) as exc:
            found = [f"unreadable: {exc}"]
        if found != expected:
            from reader.storage import atomic_write_bytes

            if kept is None:
                self.path.unlink()
            else:
                atomic_write_bytes(self.path, kept.read_bytes())
            raise StoreError(
                f"{self.path}: the library could not be split into shards (they did not read back as "
                "written); it was left as a single file, as it was"
            )
        if kept is not None:
            with contextlib.suppress(OSError):
                kept.unlink()
        # the write that split the library wrote every article: the catalog takes those it changed
        self.written = {doc["id"]: doc for doc in table.values()}
        self.written_stamp = manifest.stamp
