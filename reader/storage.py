"""Crash-safe files: atomic writes, a lock for writers, schema migrations, and the TinyDB storage built on them."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from reader.backups import file_has_entries, generations, has_entries, keep_generations

try:  # POSIX advisory locks; on other systems writers are not serialised across processes.
    import fcntl
except ImportError:  # pragma: no cover - exercised only on Windows
    fcntl = None  # type: ignore[assignment]

META = "_meta"
DEFAULT_LOCK_TIMEOUT = 10.0

Migration = Callable[[dict[str, Any]], dict[str, Any]]


class StoreError(Exception):
    """A file reader cannot use as it is; the message names the file and what to do."""


class BusyError(StoreError):
    """Another reader process holds the library's write lock for too long."""


class StoreWriteError(StoreError, OSError):
    """A save that failed (disk full, read-only folder...); the previous version is still in place.

    It is an OSError too, so callers that handle failed writes as OSError keep working.
    """


_WRITE_HINTS = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "the folder is not writable; check its permissions",
    errno.EPERM: "the folder is not writable; check its permissions",
}


def _write_error(path: Path, exc: OSError, what: str = "cannot save") -> StoreWriteError:
    reason = exc.strerror or str(exc)
    hint = _WRITE_HINTS.get(exc.errno or 0)
    message = f"{path}: {what} ({reason}){'; ' + hint if hint else ''}; the previous version was left as it is"
    error = StoreWriteError(message)
    error.errno = exc.errno
    return error


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, whole.

    Temp file in the same folder, fsync, rename over the target, fsync the folder. With
    ``backup``, the previous version is kept there (a hard link, so it costs no copy) and older
    ones are shifted down (``reader.backups``: three distinct versions and one a day). A failure
    raises StoreWriteError naming the file, and leaves the old file and no temp file behind.
    A symlinked target is written through the link, so the link survives.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode: int | None = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = None
        # mkstemp creates 0600: keep the old file's permissions, or the usual ones for a new file
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        if mode is not None and backup is not None:
            keep_generations(path, backup)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        if isinstance(exc, StoreWriteError):
            raise
        raise _write_error(path, exc) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _fsync_dir(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_temp_files(path: Path) -> int:
    """Delete temp files that killed saves of ``path`` left behind; call it only while holding the write lock."""
    removed = 0
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def keep_copy(path: Path, suffix: str) -> Path:
    """Keep the bytes of ``path`` beside it as ``<name><suffix>`` (never over an existing file)."""
    target = path.with_name(f"{path.name}{suffix}")
    if target.exists():
        if target.read_bytes() == path.read_bytes():
            return target
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = path.with_name(f"{path.name}{suffix}-{stamp}")
    try:
        os.link(path, target)
    except OSError:
        atomic_write_bytes(target, path.read_bytes())
    _fsync_dir(path.parent)
    return target


def read_json_file(path: Path) -> Any | None:
    """Parse a JSON file; None when it is missing or empty; StoreError when it is not JSON."""
    return parse_json_bytes(path, read_file_bytes(path))


def read_file_bytes(path: Path) -> bytes | None:
    """A file's bytes; None when it is missing; StoreError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def parse_json_bytes(path: Path, raw: bytes | None) -> Any | None:
    """JSON read from ``path``; None when missing or blank; StoreError naming the file when it is not JSON."""
    if raw is None or not raw.strip():
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: not valid JSON ({exc.msg} at byte {exc.pos}); the file was left as it is. "
            "Run 'reader doctor --repair' to restore the last good copy."
        ) from exc


# -- schema versions -----------------------------------------------------------------------
def schema_version(raw: Mapping[str, Any], path: Path, kind: str) -> int:
    """The format version recorded in the ``_meta`` table; 0 for files written before it existed."""
    meta = raw.get(META)
    if meta is None:
        return 0
    bad = StoreError(f"{path}: not a {kind} (its '{META}' table is malformed); the file was left as it is")
    if not isinstance(meta, dict):
        raise bad
    versions = []
    for doc in meta.values():
        version = doc.get("schema", 0) if isinstance(doc, dict) else None
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise bad
        versions.append(version)
    return max(versions, default=0)


def migrate(
    raw: dict[str, Any], version: int, target: int, migrations: Mapping[int, Migration], path: Path, kind: str
) -> dict[str, Any]:
    """Bring ``raw`` from format ``version`` to ``target``, one step at a time (``migrations[n]``: n → n+1).

    A migration returns a new dict and never changes its argument, so a failed one leaves nothing half done.
    """
    if version > target:
        raise StoreError(
            f"{path}: written by a newer reader ({kind} format {version}, this one reads up to {target}); "
            "upgrade reader to open it. The file was left as it is."
        )
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise StoreError(f"{path}: {kind} format {version} cannot be upgraded; the file was left as it is")
        raw = step(raw)
        version += 1
    return raw


def keep_before_migration(path: Path, version: int) -> Path | None:
    """Keep the file as it was before a migration rewrites it: ``<name>.v<version>.bak``."""
    if not path.exists():
        return None
    return keep_copy(path, f".v{version}.bak")


# -- the writer lock -----------------------------------------------------------------------
def lock_timeout() -> float:
    """Seconds a writer waits for the lock: READER_LOCK_TIMEOUT, else 10."""
    try:
        return max(0.0, float(os.environ.get("READER_LOCK_TIMEOUT") or DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


@contextlib.contextmanager
def write_lock(lock_file: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the library's write lock; BusyError if another process keeps it past ``timeout``.

    The lock is ``flock`` on a file beside the data: the kernel releases it when its holder dies,
    so a crashed writer never leaves the library locked.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    timeout = lock_timeout() if timeout is None else timeout
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            try:  # a read-only folder that already holds a lock file readable by us
                fd = os.open(lock_file, os.O_RDONLY)
            except OSError:
                raise _write_error(lock_file.parent, exc, "cannot save here") from exc
        else:
            raise _write_error(lock_file.parent, exc, "cannot save here") from exc
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if time.monotonic() >= deadline:
                    raise BusyError(
                        f"{lock_file.parent}: the library is busy (another reader is writing to it); "
                        "try again when it has finished"
                    ) from exc
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _has_content(path: Path | None) -> bool:
    try:
        return path is not None and path.stat().st_size > 0
    except OSError:
        return False


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic replace on every write, a backup of the last good file.

    Parsed content is cached while the file on disk is unchanged (same inode, size and mtime),
    so repeated reads of a large library do not re-parse it. Writers read with ``fresh=True``
    inside the lock: inode numbers are reused and mtimes are coarse, so for a read-modify-write
    the bytes are read again and the cache is used only when their digest is that of the bytes
    last parsed or written (hashing 1 GB takes about a second; parsing it, fifteen).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        backup: str | os.PathLike[str] | None = None,
        kind: str = "reader library",
    ):
        self.path = Path(path)
        self.backup = Path(backup) if backup else None
        self.kind = kind
        self._cache: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._digest: bytes | None = None  # of the bytes the cache was parsed from or written as

    def _current_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    @property
    def stamp(self) -> tuple[int, int, int] | None:
        """Identity of the file content last read or written (inode, size, mtime)."""
        return self._stamp

    def changed_on_disk(self) -> bool:
        return self._current_stamp() != self._stamp

    def read(self, fresh: bool = False) -> dict[str, Any] | None:
        stamp = self._current_stamp()
        if not fresh and stamp is not None and stamp == self._stamp and self._cache is not None:
            return self._cache
        raw = read_file_bytes(self.path)
        digest = _digest(raw) if raw is not None else None
        if digest is not None and digest == self._digest and self._cache is not None:
            self._stamp = stamp
            return self._cache  # the very bytes last parsed or written
        data = parse_json_bytes(self.path, raw)
        if data is None and stamp is not None and _has_content(self.backup):
            raise StoreError(
                f"{self.path}: empty, while its backup {self.backup.name} is not; the file was left as it is. "  # type: ignore[union-attr]
                "Run 'reader doctor --repair' to restore the backup."
            )
        if data is not None and not isinstance(data, dict):
            raise StoreError(
                f"{self.path}: not a {self.kind} (expected a JSON object of tables); the file was left as it is"
            )
        if data is not None and META not in data and not has_entries(data) and self.backup is not None:
            # '{}' or empty tables, which reader never writes: a save now would push the last good copy
            # down the backups. (A file reader emptied records its format, and the store its count.)
            full = next((p for p in generations(self.path, self.backup) if file_has_entries(p)), None)
            if full is not None:
                raise StoreError(
                    f"{self.path}: holds nothing, while its backup {full.name} holds a {self.kind}; the file was "
                    "left as it is. Run 'reader doctor --repair' to recover it."
                )
        self._cache, self._stamp, self._digest = data, stamp, digest
        return data

    def write(self, data: dict[str, Any]) -> None:
        try:
            try:
                payload = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
            except orjson.JSONEncodeError as exc:
                raise StoreError(f"{self.path}: cannot save ({exc}); the previous version was left as it is") from exc
            atomic_write_bytes(self.path, payload, backup=self.backup)
        except BaseException:
            # The caller may have changed the cached dict before asking us to write it: forget it.
            self.close()
            raise
        self._cache, self._stamp, self._digest = data, self._current_stamp(), _digest(payload)

    def update_table(
        self,
        lock_file: Path,
        name: str,
        change: Callable[[dict[str, Any]], tuple[Any, bool]],
        check: Callable[[dict[str, Any] | None], dict[str, Any]],
        meta: dict[str, Any],
        meta_for: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        save: Callable[[dict[str, Any]], bool] | None = None,
    ) -> tuple[Any, bool]:
        """Apply ``change(table)`` to a fresh read of table ``name`` and write the file once, under the
        writers' lock: the read-modify-write of every writer of these files.

        ``check`` validates (and migrates) what was read; ``meta`` is the ``_meta`` entry written, whose
        ``schema`` is the current format. ``change`` returns ``(result, dirty)``; nothing is written
        when it changed nothing. ``meta_for(table)``, when given, makes the ``_meta`` entry from the
        changed table (the store records its article count). ``save(content)``, when given, may write
        the new content another way (True when it did). Returns ``(result, written)``.
        """
        with write_lock(lock_file):
            raw = self.read(fresh=True) or {}
            version = schema_version(raw, self.path, self.kind) if raw else meta["schema"]
            raw = dict(check(raw))
            table = dict(raw.get(name) or {})
            try:
                result, dirty = change(table)
            except BaseException:
                self.close()  # the change may have altered cached entries before it failed
                raise
            if not dirty:
                return result, False
            raw[name] = table
            raw[META] = {"1": meta_for(table) if meta_for is not None else meta}
            if version < meta["schema"]:
                keep_before_migration(self.path, version)
            if save is not None and save(raw):
                self.close()
            else:
                self.write(raw)
            remove_temp_files(self.path)
            return result, True

    def close(self) -> None:
        """Forget the cached content (also after a failed change that may have altered it in place)."""
        self._cache = None
        self._stamp = None
        self._digest = None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def file_fingerprint(path: Path) -> list[int] | None:
    """Identity of a file's content (inode, size, mtime): changes whenever any process writes it.

    Derived data (the search index, the list catalog) records it to know when it is stale.
    """
    try:
        return stat_fingerprint(os.stat(path))
    except FileNotFoundError:
        return None


def stat_fingerprint(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_size, st.st_mtime_ns]
