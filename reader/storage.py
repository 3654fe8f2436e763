"""Crash-safe files: atomic writes, a lock for writers, and the TinyDB storage built on them."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

try:  # POSIX advisory locks; on other systems writers are not serialised across processes.
    import fcntl
except ImportError:  # pragma: no cover - exercised only on Windows
    fcntl = None  # type: ignore[assignment]


class StoreError(Exception):
    """A file reader cannot use as it is; the message names the file and what to do."""


class BusyError(StoreError):
    """Another reader process holds the library's write lock for too long."""


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
    ``backup``, the previous version is kept there (a hard link, so it costs no copy).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
            if backup is not None:
                _keep_backup(path, backup)
        else:  # mkstemp creates 0600; a new file gets the usual permissions
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _keep_backup(path: Path, backup: Path) -> None:
    link = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        link.unlink()
    try:
        try:
            os.link(path, link)
        except OSError:  # file systems without hard links: copy instead
            link.write_bytes(path.read_bytes())
        os.replace(link, backup)
    except OSError:
        # A backup that cannot be made must not stop the save itself.
        with contextlib.suppress(OSError):
            link.unlink()


def read_json_file(path: Path) -> Any | None:
    """Parse a JSON file; None when it is missing or empty; StoreError when it is not JSON."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not raw.strip():
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: not valid JSON ({exc.msg} at byte {exc.pos}); the file was left as it is. "
            "Run 'reader doctor' to restore the last good copy."
        ) from exc


@contextlib.contextmanager
def write_lock(lock_file: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the library's write lock; BusyError if another process keeps it past ``timeout``."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
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


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic replace on every write, a backup of the last good file.

    Parsed content is cached while the file on disk is unchanged (same inode, size and mtime),
    so repeated reads of a large library do not re-parse it.
    """

    def __init__(self, path: str | os.PathLike[str], backup: str | os.PathLike[str] | None = None):
        self.path = Path(path)
        self.backup = Path(backup) if backup else None
        self._cache: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None

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

    def read(self) -> dict[str, Any] | None:
        stamp = self._current_stamp()
        if stamp is not None and stamp == self._stamp and self._cache is not None:
            return self._cache
        data = read_json_file(self.path)
        if data is not None and not isinstance(data, dict):
            raise StoreError(f"{self.path}: not a reader library (expected a JSON object of tables)")
        self._cache, self._stamp = data, stamp
        return data

    def write(self, data: dict[str, Any]) -> None:
        try:
            payload = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
            atomic_write_bytes(self.path, payload, backup=self.backup)
        except BaseException:
            # TinyDB changed the cached dict before asking us to write it: forget it.
            self._cache = self._stamp = None
            raise
        self._cache, self._stamp = data, self._current_stamp()

    def close(self) -> None:
        self._cache = None
        self._stamp = None
