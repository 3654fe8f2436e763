"""Big imports: worker processes, chunked atomic writes, progress."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from reader.analysis import ANALYZER_VERSION, stored
from reader.importers import batch
from reader.library import Library
from reader.storage import StoreError


def write_articles(path: Path, count: int, start: int = 0) -> None:
    articles = [
        {
            "title": f"Council meeting number {n}",
            "body": f"Councillor Ifan Rowlands opened meeting {n}. “We will vote on item {n} tonight,” he said.",
            "source": "The Coastal Ledger",
            "url": f"https://ledger.example.org/meetings/{n}",
        }
        for n in range(start, start + count)
    ]
    path.write_text(json.dumps(articles))


def test_a_large_batch_is_analysed_in_worker_processes_and_stored_whole(tmp_path, empty_store, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_SIZE", 100)
    source = tmp_path / "many.json"
    write_articles(source, 450)
    seen: list[tuple[str, int, int | None]] = []
    library = Library.open(empty_store)
    report = library.import_sources(
        [str(source)], stage_progress=lambda stage, done, total, label: seen.append((stage, done, total))
    )
    assert report.ok and len(report.added) == 450
    articles = library.articles()
    assert len(articles) == 450
    for article in articles:
        assert article.analysis is not None and article.analysis.version == ANALYZER_VERSION
        assert [q.text for q in article.analysis.quotes] == [article.body.split("“")[1].split("”")[0]]
    assert seen[-1] == ("Analysing", 450, 450)
    assert ("Reading", 1, 1) in seen


def test_each_chunk_is_kept_when_a_later_one_fails(tmp_path, empty_store, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_SIZE", 100)
    source = tmp_path / "many.json"
    write_articles(source, 250)
    library = Library.open(empty_store)
    real_upsert = library.store.upsert
    calls = []

    def failing_upsert(articles):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_upsert(articles)

    monkeypatch.setattr(library.store, "upsert", failing_upsert)
    with pytest.raises(
        StoreError,
        match=r"cannot write \(disk full\); the library is whole and holds 100 articles \(100 saved by this import",
    ):
        library.import_sources([str(source)])
    reopened = Library.open(empty_store)
    assert len(reopened.articles()) == 100  # the first chunk, whole; the store still reads


def test_many_files_are_parsed_in_worker_processes(tmp_path, empty_store):
    folder = tmp_path / "texts"
    folder.mkdir()
    for n in range(230):
        (folder / f"{n:03}.txt").write_text(f"Harbour notice {n}\n\nMooring {n} is free from Monday.\n")
    (folder / "999-empty.txt").write_text("")
    library = Library.open(empty_store)
    report = library.import_sources([str(folder)])
    assert len(report.added) == 230
    assert report.failed == [(str(folder / "999-empty.txt"), "empty (no text)")]


def test_reimporting_a_large_batch_reports_unchanged_and_updated(tmp_path, empty_store):
    source = tmp_path / "many.json"
    write_articles(source, 210)
    library = Library.open(empty_store)
    library.import_sources([str(source)])
    again = library.import_sources([str(source)])
    assert len(again.unchanged) == 210 and not again.added and not again.updated
    data = json.loads(source.read_text())
    data[5]["body"] += " The vote was postponed."
    source.write_text(json.dumps(data))
    third = library.import_sources([str(source)])
    assert len(third.updated) == 1 and len(third.unchanged) == 209
    assert len(library.articles()) == 210


def test_a_large_batch_imports_from_a_thread_as_the_app_does(tmp_path, empty_store):
    source = tmp_path / "many.json"
    write_articles(source, 220)
    outcome = {}
    worker = threading.Thread(
        target=lambda: outcome.update(report=Library.open(empty_store).import_sources([str(source)]))
    )
    worker.start()
    worker.join(timeout=120)
    assert len(outcome["report"].added) == 220
    assert len(Library.open(empty_store).articles()) == 220


def test_reimporting_unchanged_articles_does_not_analyse_them_again(tmp_path, empty_store, monkeypatch):
    source = tmp_path / "many.json"
    write_articles(source, 30)
    library = Library.open(empty_store)
    library.import_sources([str(source)])

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged article was analysed again")

    monkeypatch.setattr(stored, "analyze", refuse)
    again = library.import_sources([str(source)])
    assert len(again.unchanged) == 30 and not again.failed


def test_imports_into_a_bigger_library_are_written_in_fewer_larger_chunks(tmp_path, empty_store, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_SIZE", 100)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    write_articles(first, 400)
    write_articles(second, 190, start=400)
    library = Library.open(empty_store)
    writes: list[int] = []
    real_upsert = library.store.upsert

    def counting_upsert(articles):
        writes.append(len(articles))
        return real_upsert(articles)

    monkeypatch.setattr(library.store, "upsert", counting_upsert)
    library.import_sources([str(first)])
    assert writes == [100, 100, 100, 100]  # an empty library: the smallest chunks, so progress is saved often
    writes.clear()
    report = library.import_sources([str(second)])
    assert writes == [190]  # 400 stored: a write may carry up to 200, so the whole batch is one write
    assert len(report.added) == 190 and len(Library.open(empty_store).articles()) == 590


def test_an_import_into_a_store_with_a_malformed_article_is_refused_and_changes_nothing(tmp_path, empty_store, capsys):
    from reader.cli import main

    source = tmp_path / "few.json"
    write_articles(source, 3)
    Library.open(empty_store).import_sources([str(source)])
    raw = json.loads(empty_store.read_text())
    raw["articles"]["2"]["body"] = None
    empty_store.write_text(json.dumps(raw))
    before = empty_store.read_bytes()
    write_articles(source, 2, start=10)
    assert main(["import", "--store", str(empty_store), str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "article 2 is malformed" in err and str(empty_store) in err
    assert empty_store.read_bytes() == before
