"""User state kept beside the store in its own TinyDB file: reading positions and read flags.

It is written atomically and never touched by imports, so re-importing articles cannot lose it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from reader.storage import (
    AtomicJSONStorage,
    Migration,
    StoreError,
    migrate,
    schema_version,
)

STATE_SCHEMA_VERSION = 1
READING = "reading"
META = "_meta"
KIND = "reader state file"
T = TypeVar("T")


def _from_v0(raw: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (before ``_meta``) holds the same tables: only the version is added."""
    return {**raw, META: {"1": {"schema": 1}}}


# version n -> the function that turns a state file of format n into format n + 1
STATE_MIGRATIONS: dict[int, Migration] = {0: _from_v0}


def check_state(raw: dict[str, Any] | None, path: Path) -> dict[str, Any]:
    """The state's tables in the current format; StoreError for a file reader must not touch."""
    if not raw:
        return {}
    raw = migrate(raw, schema_version(raw, path, KIND), STATE_SCHEMA_VERSION, STATE_MIGRATIONS, path, KIND)
    for name, table in raw.items():
        if not isinstance(table, dict):
            raise StoreError(f"{path}: table '{name}' is malformed; the file was left as it is")
    return raw


class UserState:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_file = self.path.with_name(f".{self.path.name}.lock")
        self.db = TinyDB(
            self.path, storage=AtomicJSONStorage, backup=self.path.with_name(f"{self.path.name}.bak"), kind=KIND
        )
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._check(self.storage.read())

    def _check(self, raw: dict[str, Any] | None) -> dict[str, Any]:
        return check_state(raw, self.path)

    def read_table(self, name: str) -> dict[str, dict[str, Any]]:
        raw = self._check(self.storage.read())
        table = raw.get(name) or {}
        if not isinstance(table, dict):
            raise StoreError(f"{self.path}: table '{name}' is malformed; the file was left as it is")
        return table

    def read_entries(self, name: str, parse: Callable[[dict[str, Any]], T]) -> dict[str, T]:
        """The entries of a table as ``parse`` reads them; a hand-damaged one is skipped here, and
        kept in the file as it is."""
        loaded: dict[str, T] = {}
        for key, doc in self.read_table(name).items():
            try:
                loaded[key] = parse(doc)
            except (KeyError, TypeError, ValueError):
                continue
        return loaded

    def update_table(self, name: str, change: Any) -> Any:
        """Apply ``change(table)`` to a fresh read and write the whole file once, atomically, under a lock."""
        meta = {"schema": STATE_SCHEMA_VERSION}
        result, _ = self.storage.update_table(
            self.lock_file, name, lambda table: (change(table), True), self._check, meta
        )
        return result

    # -- reading state -------------------------------------------------------------------
    def reading(self, article_id: str) -> dict[str, Any]:
        return dict(self.read_table(READING).get(article_id) or {})

    def all_reading(self) -> dict[str, dict[str, Any]]:
        return self.read_table(READING)

    def set_reading(self, article_id: str, **fields: Any) -> None:
        def change(table: dict[str, Any]) -> None:
            table[article_id] = {**(table.get(article_id) or {}), **fields}

        self.update_table(READING, change)

    def is_read(self, article_id: str) -> bool:
        return bool(self.reading(article_id).get("read"))

    def close(self) -> None:
        self.db.close()
