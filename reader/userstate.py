"""User state kept beside the store in its own TinyDB file: reading positions and read flags.

It is written atomically and never touched by imports, so re-importing articles cannot lose it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB

from reader.storage import AtomicJSONStorage, StoreError, write_lock

STATE_SCHEMA_VERSION = 1
READING = "reading"
META = "_meta"


class UserState:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_file = self.path.with_name(f".{self.path.name}.lock")
        self.db = TinyDB(self.path, storage=AtomicJSONStorage, backup=self.path.with_name(f"{self.path.name}.bak"))
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._check(self.storage.read())

    def _check(self, raw: dict[str, Any] | None) -> None:
        if not raw:
            return
        meta = raw.get(META) or {}
        schema = max((int(doc.get("schema", 0)) for doc in meta.values()), default=0) if isinstance(meta, dict) else 0
        if schema > STATE_SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer reader (state format {schema}); upgrade reader to open it. "
                "The file was left as it is."
            )

    def read_table(self, name: str) -> dict[str, dict[str, Any]]:
        raw = self.storage.read() or {}
        self._check(raw)
        table = raw.get(name) or {}
        if not isinstance(table, dict):
            raise StoreError(f"{self.path}: table '{name}' is malformed; the file was left as it is")
        return table

    def update_table(self, name: str, change: Any) -> Any:
        """Apply ``change(table)`` to a fresh read and write the whole file once, atomically, under a lock."""
        with write_lock(self.lock_file):
            raw = dict(self.storage.read() or {})
            self._check(raw)
            table = dict(raw.get(name) or {})
            result = change(table)
            raw[name] = table
            raw[META] = {"1": {"schema": STATE_SCHEMA_VERSION}}
            self.storage.write(raw)
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
