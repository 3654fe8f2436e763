"""The article store: round trips, atomic writes, and files it must refuse to touch."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from reader.importers.common import build_article
from reader.storage import StoreError, atomic_write_bytes
from reader.store import ArticleStore


def article(title: str, body: str = "Some text. More text.", source: str = "test") -> object:
    return build_article(title=title, body=body, source=source)


@pytest.mark.usefixtures("layout")
def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    original = build_article(
        title="A title",
        body="First paragraph.\n\nSecond “quoted” paragraph — with dashes…",
        source="Example News",
        url="https://example.org/a",
        published="2024-05-01",
        authors=["Ann Author"],
        meta={"counters": [1, 2]},
    )
    ArticleStore(path).upsert([original])
    reopened = ArticleStore(path).get(original.id)
    assert reopened == original


@pytest.mark.usefixtures("layout")
def test_reimport_updates_in_place_and_unchanged_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    first = store.upsert([article("Same title", "Old text.")])
    assert len(first.added) == 1
    mtime = path.stat().st_mtime_ns
    again = store.upsert([article("Same title", "Old text.")])
    assert again.unchanged == first.added
    assert path.stat().st_mtime_ns == mtime  # nothing rewritten
    changed = store.upsert([article("Same title", "New text.")])
    assert changed.updated == first.added
    assert len(store) == 1
    assert store.get(first.added[0]).body == "New text."


@pytest.mark.usefixtures("layout")
def test_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article("Kept")])
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.upsert([article("Lost")])
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert [a.title for a in ArticleStore(path).all()] == ["Kept"]


def test_atomic_write_keeps_a_backup_of_the_previous_version(tmp_path: Path) -> None:
    target, backup = tmp_path / "f.json", tmp_path / "f.json.bak"
    atomic_write_bytes(target, b"one", backup=backup)
    atomic_write_bytes(target, b"two", backup=backup)
    assert target.read_bytes() == b"two"
    assert backup.read_bytes() == b"one"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"articles": {"1": {"id": "x", "title"', "not valid JSON"),
        (b"[1, 2, 3]", "not a reader library"),
        (b'{"_default": {"1": {"a": 1}}}', "not a reader library"),
        (b'{"_meta": {"1": {"schema": 99}}, "articles": {}}', "newer reader"),
    ],
)
def test_unusable_files_are_refused_and_left_untouched(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "articles.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as error:
        ArticleStore(path).all()
    assert str(path) in str(error.value)
    assert words in str(error.value)
    assert path.read_bytes() == content


def test_store_file_records_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article("One")])
    raw = orjson.loads(path.read_bytes())
    assert raw["_meta"]["1"]["schema"] == 1
    assert [doc["title"] for doc in raw["articles"].values()] == ["One"]
