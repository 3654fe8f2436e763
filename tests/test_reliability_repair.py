"""``reader doctor --repair`` never loses what can be had: the damaged file's whole articles, the
catalog's copies and every backup generation; it says what each gives, and asks before a loss."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bench.corpus import generate, write_json
from reader import locations
from reader.library import Library
from reader.store import ArticleStore
from tests.conftest import ROOT, SAMPLE_STORE


def doctor(store: Path, *extra: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "doctor", "--store", str(store), *extra],
        capture_output=True,
        text=True,
        stdin=stdin,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, str]:
    """The sample library, then 32 articles imported in one write, and a bookmark on one of them."""
    store = tmp_path / "articles.json"
    store.write_bytes(SAMPLE_STORE.read_bytes())
    source = tmp_path / "new.json"
    write_json(list(generate(32, seed=5)), source)
    opened = Library.open(store)
    assert len(opened.import_sources([str(source)]).added) == 32
    last = max(opened.articles(), key=lambda a: ArticleStore(store).ids().index(a.id))
    bookmark = opened.add_bookmark(last.id, 0, 40, note="the last one")
    return store, bookmark.id


def damage(store: Path, size: int = 50_000) -> bytes:
    cut = store.read_bytes()[:size]  # head -c 50000 articles.json > x && mv x articles.json
    store.write_bytes(cut)
    return cut


def titles(store: Path) -> set[str]:
    return {a.title for a in ArticleStore(store).all()}


def test_the_catalog_gives_back_what_the_damage_cut_off(library: tuple[Path, str]) -> None:
    store, bookmark = library
    before = titles(store)
    assert len(before) == 33
    damage(store)

    checked = doctor(store)
    assert checked.returncode == 1
    assert "the catalog in the cache: 33 articles" in checked.stdout
    assert "articles.json.bak: 1 article" in checked.stdout and "1 articles" not in checked.stdout
    assert "rebuilds it with 33 articles" in checked.stdout

    repaired = doctor(store, "--repair")  # nothing is lost, so nothing to ask
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "nothing is lost" in repaired.stdout and "rebuilt with 33 articles" in repaired.stdout
    assert titles(store) == before
    [placed] = Library.open(store).bookmarks()
    assert placed.id == bookmark and placed.status == "anchored"
    assert doctor(store).returncode == 0


def test_without_the_catalog_a_loss_is_asked_for_and_whole_articles_still_beat_the_backup(
    library: tuple[Path, str],
) -> None:
    store, _ = library
    shutil.rmtree(locations.cache_dir(store))
    damaged = damage(store)

    refused = doctor(store, "--repair")  # no terminal: one line saying to pass --yes
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "reader: error: the repair of the library would lose data and was not made; pass --yes to repair anyway"
    ]
    assert "it recorded 33" in refused.stdout and "cannot be recovered from any source" in refused.stdout
    assert store.read_bytes() == damaged

    repaired = doctor(store, "--repair", "--yes")
    assert repaired.returncode == 0, repaired.stdout
    kept = titles(store)
    assert len(kept) > 1  # every whole article of the damaged file, not the 1-article backup
    lost_line = next(line for line in repaired.stdout.splitlines() if "cannot be recovered" in line)
    assert f"{33 - len(kept)} articles cannot be recovered" in lost_line


def test_damage_in_the_middle_loses_only_the_damaged_article(library: tuple[Path, str]) -> None:
    store, _ = library
    shutil.rmtree(locations.cache_dir(store))
    raw = orjson.loads(store.read_bytes())
    victim = raw["articles"]["7"]
    data = store.read_bytes()
    at = data.index(f'"id": "{victim["id"]}"'.encode()) - 500  # inside the article, before its id
    store.write_bytes(data[:at] + b'\x00\x00"}}{{garbage' + data[at + 40 :])

    run = doctor(store, "--repair", "--yes")
    assert run.returncode == 0, run.stdout
    assert f"article {victim['id']} (cut off by the damage)" in run.stdout
    assert titles(store) == {doc["title"] for key, doc in raw["articles"].items() if key != "7"}


def test_every_backup_generation_is_a_source(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    articles = ArticleStore(store)
    docs = list(generate(4, seed=9))
    for doc in docs:
        articles.upsert([doc])
    library = Library.open(store)
    library.delete([docs[0].id])  # asked for: the later saves go on
    library.add(list(generate(6, seed=9))[4:])
    # .bak holds 4 articles, .bak-2 holds 3 + 1 (before the delete)... and then the store is emptied by hand
    store.write_bytes(b"{}")
    run = doctor(store, "--repair")
    assert run.returncode == 0, run.stdout
    assert "holds nothing, while its backup" in run.stdout
    assert {a.id for a in ArticleStore(store).all()} == {d.id for d in generate(6, seed=9)}  # the deleted one too


def test_a_compact_damaged_file_is_read_up_to_the_damage(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    docs = [d.to_dict() for d in generate(3, seed=2)]
    compact = orjson.dumps({"articles": {str(n): doc for n, doc in enumerate(docs, 1)}})
    store.write_bytes(compact[: compact.index(orjson.dumps(docs[2]["title"]))])
    run = doctor(store, "--repair", "--yes")
    assert run.returncode == 0, run.stdout
    assert titles(store) == {docs[0]["title"], docs[1]["title"]}


@pytest.mark.parametrize("answer", ["n", "y"])
def test_on_a_terminal_the_loss_is_asked(library: tuple[Path, str], answer: str) -> None:
    store, _ = library
    shutil.rmtree(locations.cache_dir(store))
    damaged = damage(store)
    leader, follower = pty.openpty()
    os.write(leader, f"{answer}\n".encode())
    try:
        run = doctor(store, "--repair", stdin=follower)
    finally:
        os.close(follower)
        os.close(leader)
    assert "[y/N]" in run.stdout
    if answer == "n":
        assert run.returncode == 1 and store.read_bytes() == damaged
    else:
        assert run.returncode == 0, run.stdout
        assert len(titles(store)) > 1


def test_a_repair_not_made_keeps_the_catalog_for_the_next_one(library: tuple[Path, str]) -> None:
    store, _ = library
    aside = store.with_name("moved.json")
    store.rename(aside)
    store.mkdir()  # not a file: nothing can be set aside or written there
    run = doctor(store, "--repair", "--yes")
    assert run.returncode == 1 and "is not a file" in run.stdout and "Traceback" not in run.stderr
    assert locations.cache_dir(store).exists()  # its catalog still holds the 33 articles
    store.rmdir()
    again = doctor(store, "--repair")
    assert again.returncode == 0, again.stdout
    assert "rebuilt with 33 articles" in again.stdout and len(titles(store)) == 33


def test_a_damaged_state_keeps_the_bookmarks_saved_after_its_backup(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    store.write_bytes(SAMPLE_STORE.read_bytes())
    library = Library.open(store)
    article = library.articles()[0]
    marks = [library.add_bookmark(article.id, n * 50, n * 50 + 30, note=f"mark {n}").id for n in range(4)]
    state = locations.state_path(store)
    assert len(orjson.loads(state.with_name(f"{state.name}.bak").read_bytes())["bookmarks"]) == 3
    state.write_bytes(state.read_bytes()[:-4] + b"garbage")  # the end of the file damaged
    run = doctor(store, "--repair")
    assert run.returncode == 0, run.stdout + run.stderr
    assert {b.id for b in Library.open(store).bookmarks()} == set(marks)
