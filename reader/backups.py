"""Backup generations of one file (the store, the user state): several earlier versions, not one.

One backup is not enough: a save made over a file that had lost its articles (an outside program,
a bad copy) turns the only good copy into a poor one. So each save keeps, beside ``<name>``:

- ``<name>.bak``: the version the save replaced (the newest backup);
- ``<name>.bak-2``, ``<name>.bak-3``: the two distinct versions before that;
- ``<name>.daily-YYYY-MM-DD``: the last version of each of the last ``DAILY_KEPT`` days on which
  the file was saved (the day is the version's own modification time, local time).

Versions are hard links (a synced copy where links are not supported), so keeping a version that
is also another generation costs no space; each distinct version costs its own size. Everything
here works on one file and its own siblings, so it applies to each file of a library alike.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

ROLLING = 3  # distinct versions kept: .bak, .bak-2, .bak-3
DAILY_KEPT = 7  # days with a version kept: .daily-YYYY-MM-DD
_DAILY = re.compile(r"\.daily-(\d{4}-\d{2}-\d{2})$")
_META = "_meta"


def rolling(backup: Path) -> list[Path]:
    """``.bak``, ``.bak-2``, ... ``.bak-<ROLLING>``: newest first."""
    return [backup] + [backup.with_name(f"{backup.name}-{n}") for n in range(2, ROLLING + 1)]


def daily(path: Path) -> list[Path]:
    """The daily versions of ``path`` that exist, newest day first."""
    found = [p for p in path.parent.glob(f"{path.name}.daily-*") if _DAILY.search(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def generations(path: Path, backup: Path) -> list[Path]:
    """Every backup of ``path`` that exists, newest first (rolling ones, then one a day)."""
    return [p for p in rolling(backup) if p.exists()] + [p for p in daily(path) if p not in rolling(backup)]


def _same(one: Path, other: Path) -> bool:
    try:
        a, b = one.stat(), other.stat()
    except OSError:
        return False
    if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
        return True
    return a.st_size == b.st_size and one.read_bytes() == other.read_bytes()


def _link(source: Path, target: Path) -> None:
    """Make ``target`` the same version as ``source`` in one atomic step (a temp link renamed over it)."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        temp.unlink()
    try:
        os.link(source, temp)
        os.replace(temp, target)
    except OSError:  # file systems without hard links: a synced copy instead
        from reader.storage import atomic_write_bytes

        atomic_write_bytes(target, source.read_bytes())
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def keep_generations(path: Path, backup: Path) -> None:
    """Before ``path`` is replaced: make it the newest backup and shift the older ones down.

    At every moment a ``.bak`` exists (once there was one): each generation is linked into its new
    place before the one it replaces goes. An empty file, or a version equal to ``.bak``, shifts
    nothing. A failure leaves the backups as they were, and never stops the save itself.
    """
    try:
        if path.stat().st_size == 0:
            return
        if not _same(path, backup):
            older = rolling(backup)
            for newer_one, older_one in reversed(list(pairwise(older))):
                if newer_one.exists():
                    _link(newer_one, older_one)
            _link(path, backup)
        _keep_daily(path)
    except OSError:
        pass


def _keep_daily(path: Path) -> None:
    day = datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
    target = path.with_name(f"{path.name}.daily-{day}")
    if not _same(path, target):
        _link(path, target)
    for old in daily(path)[DAILY_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def has_entries(raw: Mapping[str, Any]) -> bool:
    """Whether a file's tables hold anything besides ``_meta``."""
    return any(table for name, table in raw.items() if name != _META)


def file_has_entries(path: Path) -> bool:
    """Whether a file (whole or damaged) holds at least one entry besides ``_meta``: read only up to
    the first one, so a backup of any size is checked at once."""
    import ijson

    try:
        with open(path, "rb") as handle:
            for prefix, event, _ in ijson.parse(handle):
                if event == "map_key" and prefix and "." not in prefix and prefix != _META:
                    return True  # a key inside a table
    except (OSError, ijson.JSONError):
        pass
    return False
