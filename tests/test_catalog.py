"""The catalog behind the library list: rebuilt when missing, stale or damaged, kept in step by
imports, and able to serve an article without the store being read."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bench.corpus import generate, write_store
from reader.catalog import FILE_NAME, entry_values, rows_from_docs, sort_rows
from reader.importers.common import build_article
from reader.library import Library
from reader.storage import AtomicJSONStorage, StoreError
from reader.store import ArticleStore


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "library" / "articles.json"
    write_store(list(generate(40)), path)
    return path


def expected_rows(path: Path) -> list[tuple[object, ...]]:
    """What the list must show, computed the slow way from every article in the store."""
    library = Library.open(path)
    read = library.read_flags()
    rows = []
    for a in library.articles():
        summary = a.summary()
        date = (a.published or "")[:10]
        rows.append(
            (a.id, a.title, a.source, date, summary["words"], summary["quotes"], a.truncated, read.get(a.id, False))
        )
    return rows


def shown(rows) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(r.id, r.title, r.source, r.date, r.words, r.quotes, r.truncated, r.read) for r in rows]


def forbid_full_read(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, parsing the whole store fails the test."""
    read = AtomicJSONStorage.read

    def no_full_read(self, fresh: bool = False):  # type: ignore[no-untyped-def]
        assert self.path != store, "the whole store was read"
        return read(self, fresh)

    monkeypatch.setattr(AtomicJSONStorage, "read", no_full_read)


def catalog_file(path: Path) -> Path:
    return Library.open(path).cache_dir / FILE_NAME


def test_a_missing_catalog_is_built_and_matches_the_store(store: Path) -> None:
    assert not catalog_file(store).exists()
    library = Library.open(store)
    assert shown(library.list_rows()) == expected_rows(store)
    assert library.catalog.fresh()
    assert shown(library.list_rows(limit=5)) == expected_rows(store)[:5]


def test_a_store_written_behind_the_librarys_back_makes_the_catalog_stale_and_it_is_rebuilt(store: Path) -> None:
    library = Library.open(store)
    library.list_rows()
    extra = build_article(title="Written by another program", body="A body.", published="2030-01-01")
    ArticleStore(store).upsert([extra])  # not through the library: the catalog does not know
    assert not library.catalog.fresh()
    assert library.cached_rows() is None  # never served stale
    rows = library.list_rows()
    assert rows[0].title == "Written by another program"
    assert shown(rows) == expected_rows(store)


@pytest.mark.parametrize("damage", [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\x00" * 200, b""])
def test_a_damaged_catalog_is_rebuilt(store: Path, damage: bytes) -> None:
    library = Library.open(store)
    library.list_rows()
    catalog_file(store).write_bytes(damage)
    assert shown(library.list_rows()) == expected_rows(store)
    assert library.catalog.fresh()


def test_an_import_keeps_the_catalog_in_step_and_read_flags_come_from_the_state(store: Path, tmp_path: Path) -> None:
    library = Library.open(store)
    first = library.list_rows()
    new = tmp_path / "new.txt"
    new.write_text("A story imported later\n\nIts only paragraph, with “a quote,” she said.\n", encoding="utf-8")
    library.import_sources([str(new)])
    assert library.catalog.fresh()  # updated by the import itself, no rebuild needed
    library.mark_read(first[3].id)
    rows = Library.open(store).cached_rows()
    assert rows is not None
    assert "A story imported later" in [r.title for r in rows]
    assert shown(rows) == expected_rows(store)
    assert [r.id for r in rows if r.read] == [first[3].id]


def test_deleting_articles_removes_them_from_the_list(store: Path) -> None:
    library = Library.open(store)
    rows = library.list_rows()
    library.delete([rows[0].id, rows[1].id])
    assert library.catalog.fresh()
    assert [r.id for r in library.cached_rows() or []] == [r.id for r in rows[2:]]


def test_an_article_opens_from_the_catalog_without_reading_the_store(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.open(store).list_rows()
    wanted = Library.open(store).store.all()[7]

    forbid_full_read(store, monkeypatch)
    library = Library.open(store, lazy=True)
    assert library.get(wanted.id) == wanted
    assert library.get(wanted.id[:6]) == wanted  # a unique id prefix, as `reader show` takes
    assert library.get("ffffffffffff") is None
    assert len(library.cached_rows() or []) == 40


def test_a_malformed_article_is_refused_when_the_list_is_prepared(store: Path) -> None:
    import orjson

    raw = orjson.loads(store.read_bytes())
    next(iter(raw["articles"].values()))["body"] = None
    store.write_bytes(orjson.dumps(raw))
    with pytest.raises(StoreError, match="malformed"):
        Library.open(store, lazy=True).prepare_list()


def test_orders_sort_by_date_title_source_and_quotes() -> None:
    articles = list(generate(30))
    docs = [a.to_dict() for a in articles]
    rows = rows_from_docs(docs, {})
    assert [r.sort_key for r in rows] == sorted((entry_values(d)[-1] for d in docs), reverse=True)
    by_title = sort_rows(rows, "title")
    assert [r.title.casefold() for r in by_title] == sorted(r.title.casefold() for r in rows)
    by_source = sort_rows(rows, "source")
    assert [r.source for r in by_source] == sorted((r.source for r in rows), key=str.casefold)
    for a, b in itertools.pairwise(by_source):
        if a.source == b.source:
            assert a.sort_key >= b.sort_key  # newest first within a source
    by_quotes = sort_rows(rows, "quotes")
    assert [r.quotes for r in by_quotes] == sorted((r.quotes for r in rows), reverse=True)


def test_search_and_library_wide_counts_read_the_catalog_not_the_whole_store(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.open(store).list_rows()
    speaker = next(q.speaker for a in Library.open(store).store.all() for q in a.analysis.quotes if q.speaker)
    forbid_full_read(store, monkeypatch)
    library = Library.open(store, lazy=True)
    assert library.search("said").total == 40  # the index is built from the catalog's documents
    assert all(hit.speaker == speaker for hit in library.quotes_by(speaker))
    assert library.quotes_by(speaker)
    assert library.overview().people


def test_the_tui_refuses_a_broken_store_before_it_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    broken = tmp_path / "articles.json"
    broken.write_bytes(b'{"articles": {"1": {"id": "x", "title"')
    assert main(["--store", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not valid JSON" in err and str(broken) in err


def test_the_store_is_streamed_into_the_catalog_without_being_read_whole(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = expected_rows(store)
    forbid_full_read(store, monkeypatch)
    library = Library.open(store, lazy=True)
    seen: list[tuple[int, int]] = []
    assert library.prepare_list(lambda done, size: seen.append((done, size))) == []
    assert library.catalog.fresh()
    assert shown(library.cached_rows() or []) == expected
    size = store.stat().st_size
    assert seen[-1] == (size, size) and [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_store_of_the_older_format_is_still_listed(store: Path) -> None:
    import orjson

    raw = orjson.loads(store.read_bytes())
    expected = expected_rows(store)
    del raw["_meta"]  # format 0: the same articles, no version
    store.write_bytes(orjson.dumps(raw))
    library = Library.open(store, lazy=True)
    assert not library.list_in_background()  # the app lists it before it starts, migrating as it reads
    assert shown(library.list_rows()) == expected


def test_a_store_cut_off_midway_is_refused_and_leaves_no_half_catalog(store: Path) -> None:
    library = Library.open(store)
    library.list_rows()
    whole = store.read_bytes()
    store.write_bytes(whole[: len(whole) // 2])  # the articles table breaks off in the middle
    library = Library.open(store, lazy=True)
    with pytest.raises(StoreError, match="not valid JSON"):
        library.prepare_list()
    assert not library.catalog.fresh() and library.cached_rows() is None


def test_only_a_big_store_of_the_current_format_is_listed_while_the_app_runs(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import library as library_module

    assert not Library.open(store, lazy=True).list_in_background()  # small: listed before the app starts
    monkeypatch.setattr(library_module, "LIST_IN_BACKGROUND_BYTES", 0)
    assert Library.open(store, lazy=True).list_in_background()
    Library.open(store).list_rows()
    assert not Library.open(store, lazy=True).list_in_background()  # the catalog is fresh: nothing to list
