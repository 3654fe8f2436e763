"""The sharded layout of a big library: a write costs what it changes, not what the library holds.

A small library is one TinyDB file, ``articles.json``. Past ``shard_threshold()`` articles the next
write splits it: ``articles.json`` becomes a small manifest, and the articles live in
``articles.d/``, a slice of keys per shard (key ``k`` in shard ``(k - 1) // shard_size``). New
articles take the next keys, so an import rewrites the last shard or two, whatever the library's
size. Each shard is two files named by the generation that wrote them, never rewritten in place:

- ``s0003.g12.json``: a plain TinyDB store of the slice (``_meta`` and ``articles``, the very format
  of a single-file library, so salvage and doctor read it as they read one);
- ``s0003.g12.rows.json``: its summary, one row per article (key, id, URL, content hash and the list
  columns): what the list without a catalog and the importers' dedupe read, 2% of the bytes.

The manifest names each shard's two files with their digests and lists the keys and ids it holds,
so finding an article reads the manifest and that one shard.

A write puts the new files of the shards it changed beside the old ones, then replaces the manifest
(atomically, last): that is the commit. Until then every reader sees the old manifest and the old
files, whole; after it, the new ones. Only then is each replaced shard file moved to its backup,
``s0003.json.bak``, and its old summary removed. A write killed before the commit leaves files no
manifest names; the next write removes them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reader.storage import (
    StoreError,
    _digest,
    atomic_write_bytes,
    file_fingerprint,
    parse_json_bytes,
    read_file_bytes,
)

LAYOUT = "shards"
MANIFEST_SCHEMA = 2  # a reader that knows only single files says the library is from a newer reader
SHARD_SCHEMA = 1  # a shard file is a single-file store of its slice
DEFAULT_SHARD_SIZE = 500
DEFAULT_THRESHOLD = 2500  # where one save of a single file costs ten times one in shards: bench.bench_shards
META = "_meta"
ARTICLES = "articles"
SHARDS = "shards"
HEAD_BYTES = 65536
SHARD_FILE = re.compile(r"^(s\d{4,})\.g(\d+)(\.rows)?\.json$")
# one summary row: what the list, the dedupe and the id lookup need, in this order
ROW_KEY, ROW_ID, ROW_URL, ROW_HASH, ROW_ENTRY = range(5)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Garbage collection held off while the summaries of 100k articles become a million long-lived
    objects: each collection meanwhile would scan them all (reading them took 0.9 s instead of 0.25 s)."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _setting(name: str, default: int, least: int = 1) -> int:
    try:
        return max(least, int(os.environ.get(name) or default))
    except ValueError:
        return default


def shard_size() -> int:
    """Articles per shard for a library sharded from now on: READER_SHARD_SIZE, else 500."""
    return _setting("READER_SHARD_SIZE", DEFAULT_SHARD_SIZE)


def shard_threshold() -> int:
    """Articles past which the next write shards a single-file library: READER_SHARD_THRESHOLD, else 2,500."""
    return _setting("READER_SHARD_THRESHOLD", DEFAULT_THRESHOLD, least=0)


def shard_dir(path: Path) -> Path:
    return path.with_name(f"{path.stem}.d")


def shard_name(key: str, size: int) -> str:
    """The shard a key belongs to; keys reader did not number go to the first one."""
    index = (int(key) - 1) // size if key.isdigit() and int(key) > 0 else 0
    return f"s{index:04d}"


def shard_backup(folder: Path, name: str) -> Path:
    return folder / f"{name}.json.bak"


def dump(raw: dict[str, Any]) -> bytes:
    """The layout every reader file has (indented, sorted keys), which ``reader.salvage`` relies on."""
    return orjson.dumps(raw, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


def content_key(doc: dict[str, Any]) -> str:
    """The content hash the dedupe compares: the importer's, else the body's (older articles)."""
    recorded = (doc.get("meta") or {}).get("content_hash")
    if recorded:
        return str(recorded)
    from reader.importers.common import content_hash

    return content_hash(doc.get("body") or "")


def summary_row(key: str, doc: dict[str, Any]) -> list[Any]:
    from reader.catalog import entry_values

    return [key, doc["id"], doc.get("url"), content_key(doc), list(entry_values(doc))]


@dataclass
class Shard:
    """One shard as the manifest records it."""

    name: str
    file: str
    digest: str
    rows: str
    rows_digest: str
    articles: int
    size: int
    keys: list[str] = field(default_factory=list)  # the keys the shard holds, in order
    ids: list[str] = field(default_factory=list)  # the id under each key: which shard holds an article

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "digest": self.digest,
            "rows": self.rows,
            "rows_digest": self.rows_digest,
            "articles": self.articles,
            "size": self.size,
            "keys": self.keys,
            "ids": self.ids,
        }


@dataclass
class Manifest:
    path: Path
    generation: int = 0
    shard_size: int = DEFAULT_SHARD_SIZE
    next_key: int = 1
    shards: dict[str, Shard] = field(default_factory=dict)
    stamp: list[int] | None = None  # of the manifest file this was read from

    @property
    def folder(self) -> Path:
        return shard_dir(self.path)

    @property
    def count(self) -> int:
        return sum(shard.articles for shard in self.shards.values())

    @property
    def size(self) -> int:
        return sum(shard.size for shard in self.shards.values())

    def to_bytes(self) -> bytes:
        meta = {
            "schema": MANIFEST_SCHEMA,
            "app": "reader",
            "layout": LAYOUT,
            "articles": self.count,
            "generation": self.generation,
            "shard_size": self.shard_size,
            "next_key": self.next_key,
        }
        shards = {name: shard.to_dict() for name, shard in sorted(self.shards.items())}
        # compact: it lists every id (2 MB at 100k); _meta still comes first, read from the head alone
        return orjson.dumps({META: {"1": meta}, SHARDS: shards}, option=orjson.OPT_SORT_KEYS)


def is_manifest_meta(meta: Any) -> bool:
    doc = meta.get("1") if isinstance(meta, dict) else None
    return isinstance(doc, dict) and doc.get("layout") == LAYOUT


def is_sharded(path: Path) -> bool:
    """Whether ``path`` is a manifest, from the head of the file only (``_meta`` is written first)."""
    import ijson

    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
        meta = next(ijson.items(io.BytesIO(head), META), None)
    except (OSError, ijson.JSONError):
        return False
    return is_manifest_meta(meta)


def looks_sharded(path: Path) -> bool:
    """Whether ``path`` is, or was, the manifest of a library in shards: it says so, or its head is
    unreadable while shard files lie beside it (what doctor must rebuild, not take for a single file)."""
    if is_sharded(path):
        return True
    folder = shard_dir(path)
    if not folder.is_dir() or not any(SHARD_FILE.match(p.name) for p in folder.iterdir()):
        return False
    import ijson

    try:
        with open(path, "rb") as handle:
            meta = next(ijson.items(io.BytesIO(handle.read(HEAD_BYTES)), META), None)
    except FileNotFoundError:
        return True
    except (OSError, ijson.JSONError):
        meta = None
    return not isinstance(meta, dict)


def _bad(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path}: {what}; the file was left as it is. Run 'reader doctor --repair' to check and mend the library."
    )


def parse_manifest(path: Path, raw: Any, stamp: list[int] | None) -> Manifest:
    """A manifest's content, checked; StoreError naming what is wrong."""
    meta = (raw.get(META) or {}).get("1") if isinstance(raw, dict) else None
    if not isinstance(meta, dict) or meta.get("layout") != LAYOUT:
        raise _bad(path, "not a sharded library's manifest")
    schema = meta.get("schema")
    if isinstance(schema, int) and schema > MANIFEST_SCHEMA:
        raise StoreError(
            f"{path}: written by a newer reader (manifest format {schema}, this one reads up to "
            f"{MANIFEST_SCHEMA}); upgrade reader to open it. The file was left as it is."
        )
    manifest = Manifest(path, stamp=stamp)
    try:
        manifest.generation = int(meta["generation"])
        manifest.shard_size = int(meta["shard_size"])
        manifest.next_key = int(meta["next_key"])
        for name, entry in (raw.get(SHARDS) or {}).items():
            manifest.shards[name] = Shard(
                name,
                str(entry["file"]),
                str(entry["digest"]),
                str(entry["rows"]),
                str(entry["rows_digest"]),
                int(entry["articles"]),
                int(entry.get("size") or 0),
                [str(key) for key in entry["keys"]],
                [str(article_id) for article_id in entry["ids"]],
            )
            if len(manifest.shards[name].keys) != len(manifest.shards[name].ids):
                raise ValueError(f"shard {name} lists {len(entry['keys'])} keys for {len(entry['ids'])} ids")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _bad(path, f"its manifest is malformed ({type(exc).__name__}: {exc})") from exc
    if manifest.shard_size < 1:
        raise _bad(path, "its manifest is malformed (shard size below 1)")
    return manifest


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at ``path``; None when ``path`` is a single-file library or missing."""
    if not is_sharded(path):
        return None
    try:
        with open(path, "rb") as handle:  # the stamp of the very bytes read, whatever replaces them
            st = os.fstat(handle.fileno())
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with collector_paused():  # a manifest lists 100k ids at 100k articles
        return parse_manifest(path, parse_json_bytes(path, raw), [st.st_ino, st.st_size, st.st_mtime_ns])


def read_verified(folder: Path, name: str, digest: str, what: str) -> bytes:
    """A shard's file, checked against the digest the manifest recorded for it."""
    path = folder / name
    raw = read_file_bytes(path)
    if raw is None:
        # a write committed since the manifest was read, and moved this version to the backup
        match = SHARD_FILE.match(name)
        kept = read_file_bytes(shard_backup(folder, match.group(1))) if match and not match.group(3) else None
        if kept is None or _digest(kept).hex() != digest:
            raise FileNotFoundError(path)
        return kept
    if _digest(raw).hex() != digest:
        raise _bad(path, f"{what} does not match the library's manifest (damaged, or changed outside reader)")
    return raw


def read_shard_table(manifest: Manifest, shard: Shard) -> dict[str, Any]:
    """The articles table of one shard (key -> document), checked as a single-file store is."""
    from reader.store import check_library

    path = manifest.folder / shard.file
    raw = parse_json_bytes(path, read_verified(manifest.folder, shard.file, shard.digest, "the shard"))
    if not isinstance(raw, dict):
        raise _bad(path, "not a shard of a reader library")
    table = check_library(raw, path).get(ARTICLES) or {}
    if not isinstance(table, dict):
        raise _bad(path, "not a shard of a reader library")
    return table


def read_rows(manifest: Manifest, shard: Shard) -> list[list[Any]]:
    path = manifest.folder / shard.rows
    raw = parse_json_bytes(path, read_verified(manifest.folder, shard.rows, shard.rows_digest, "the summary"))
    rows = raw.get("rows") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise _bad(path, "not a shard summary")
    return rows


class Writer:
    """One commit of a sharded library: the new files of the changed shards, then the manifest.

    Used only while holding the library's write lock.
    """

    def __init__(self, manifest: Manifest, keep_backups: bool = True):
        """``keep_backups=False`` (a repair, which keeps the damaged file aside itself): replaced
        files are removed instead of becoming the shards' backups."""
        self.keep_backups = keep_backups
        self.old = manifest
        self.new = Manifest(
            manifest.path, manifest.generation + 1, manifest.shard_size, manifest.next_key, dict(manifest.shards)
        )
        self.replaced: list[Shard] = []

    def put(self, name: str, table: dict[str, Any]) -> None:
        """Write shard ``name`` holding ``table`` (key -> document) as new files; an empty one goes."""
        old = self.new.shards.pop(name, None)
        if old is not None and old.name in self.old.shards:
            self.replaced.append(old)
        if not table:
            return
        folder, generation = self.new.folder, self.new.generation
        ordered = dict(sorted(table.items(), key=lambda item: _key_order(item[0])))
        meta = {"schema": SHARD_SCHEMA, "app": "reader", "articles": len(ordered), "shard": name}
        data = dump({META: {"1": meta}, ARTICLES: ordered})
        rows = orjson.dumps({"rows": [summary_row(key, doc) for key, doc in ordered.items()]})
        file, rows_file = f"{name}.g{generation}.json", f"{name}.g{generation}.rows.json"
        atomic_write_bytes(folder / file, data)
        atomic_write_bytes(folder / rows_file, rows)
        self.new.shards[name] = Shard(
            name,
            file,
            _digest(data).hex(),
            rows_file,
            _digest(rows).hex(),
            len(ordered),
            len(data),
            list(ordered),
            [doc["id"] for doc in ordered.values()],
        )

    def commit(self) -> Manifest:
        """Replace the manifest (the commit), then keep each replaced shard as its backup."""
        atomic_write_bytes(self.new.path, self.new.to_bytes())
        self.new.stamp = file_fingerprint(self.new.path)
        folder = self.new.folder
        for old in self.replaced:
            with contextlib.suppress(OSError):
                if self.keep_backups:
                    os.replace(folder / old.file, shard_backup(folder, old.name))
                else:
                    (folder / old.file).unlink()
            with contextlib.suppress(OSError):
                (folder / old.rows).unlink()
        remove_orphans(self.new)
        return self.new


def _key_order(key: str) -> tuple[bool, int, str]:
    return (not key.isdigit(), int(key) if key.isdigit() else 0, key)


def orphans(manifest: Manifest) -> list[Path]:
    """Shard files no manifest names: left by a write killed before its commit."""
    named = {name for shard in manifest.shards.values() for name in (shard.file, shard.rows)}
    try:
        found = [p for p in manifest.folder.iterdir() if SHARD_FILE.match(p.name) and p.name not in named]
    except FileNotFoundError:
        return []
    return sorted(found)


def remove_orphans(manifest: Manifest) -> int:
    """Remove what killed writes left (call it only while holding the write lock)."""
    removed = 0
    for path in orphans(manifest):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    with contextlib.suppress(FileNotFoundError):
        for leftover in manifest.folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return removed


def split(path: Path, table: dict[str, Any], size: int) -> Manifest:
    """Write a whole articles table as a sharded library's shards and commit its manifest at ``path``
    (which held the single file: the commit replaces it). The caller holds the lock and has kept the
    single file aside."""
    manifest = Manifest(path, 0, size, max((int(k) for k in table if k.isdigit()), default=0) + 1)
    stale = Manifest(path)  # files of an earlier, killed migration are not named by anything
    remove_orphans(stale)
    writer = Writer(manifest)
    slices: dict[str, dict[str, Any]] = {}
    for key, doc in table.items():
        slices.setdefault(shard_name(key, size), {})[key] = doc
    for name in sorted(slices):
        writer.put(name, slices[name])
    return writer.commit()


def iter_tables(manifest: Manifest) -> Iterator[tuple[Shard, dict[str, Any]]]:
    for shard in manifest.shards.values():
        yield shard, read_shard_table(manifest, shard)


def ids_in(rows: Iterable[list[Any]]) -> set[str]:
    return {row[ROW_ID] for row in rows}
