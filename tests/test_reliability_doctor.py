"""``reader doctor``: what it finds, what --repair restores, and what it never touches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from reader import locations
from reader.importers.common import build_article
from reader.library import analyse_article
from reader.store import ArticleStore
from reader.userstate import UserState


def doctor(store: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "doctor", "--store", str(store), *extra],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def library_with_history(folder: Path) -> Path:
    """A library saved twice (so it has a backup) and a user state saved twice."""
    store = folder / "articles.json"
    articles = ArticleStore(store)
    articles.upsert([build_article(title="First", body="One “quoted” line.", source="s")])
    articles.upsert([build_article(title="Second", body="Two lines here.", source="s")])
    state = UserState(locations.state_path(store))
    state.set_reading("a", read=True)
    state.set_reading("b", position=10)
    return store


def aside_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


def test_a_healthy_library_passes(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    result = doctor(store)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 articles" in result.stdout and "PROBLEM" not in result.stdout


def test_a_missing_library_is_a_problem(tmp_path: Path) -> None:
    result = doctor(tmp_path / "nowhere.json")
    assert result.returncode == 1
    assert "no library at" in result.stdout


def test_a_corrupt_library_is_reported_then_restored_from_its_backup(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    cache = locations.cache_dir(store)
    (cache / "index").mkdir(parents=True)  # a search index built earlier
    backup = store.with_name("articles.json.bak")
    good = backup.read_bytes()
    damaged = store.read_bytes()[:200]
    store.write_bytes(damaged)

    checked = doctor(store)
    assert checked.returncode == 1
    assert "not valid JSON" in checked.stdout and "--repair" in checked.stdout
    assert store.read_bytes() == damaged  # checking changes nothing
    assert cache.exists()

    # The damaged file recorded two articles; only the backup's one can be had: that is asked first.
    refused = doctor(store, "--repair")
    assert refused.returncode == 1 and "would lose 1 article" in refused.stdout
    assert refused.stderr.strip().splitlines() == [
        "reader: error: the repair of the library would lose data and was not made; pass --yes to repair anyway"
    ]
    assert store.read_bytes() == damaged and not aside_copies(store)

    repaired = doctor(store, "--repair", "--yes")
    assert repaired.returncode == 0, repaired.stdout
    assert orjson.loads(store.read_bytes())["articles"] == orjson.loads(good)["articles"]
    [aside] = aside_copies(store)
    assert aside.read_bytes() == damaged  # the damaged file is kept, never deleted
    assert not cache.exists()  # the derived index goes, to be rebuilt
    assert [a.title for a in ArticleStore(store).all()] == ["First"]
    assert doctor(store).returncode == 0


def test_a_corrupt_library_without_a_usable_backup_is_left_alone(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    store.with_name("articles.json.bak").write_bytes(b"{broken")
    store.write_bytes(b'{"articles": ')
    result = doctor(store, "--repair")
    assert result.returncode == 1
    assert "no usable backup" in result.stdout
    assert store.read_bytes() == b'{"articles": '
    assert not aside_copies(store)


def test_a_newer_library_is_never_replaced_by_an_older_backup(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    future = b'{"_meta": {"1": {"schema": 42}}, "articles": {}}'
    store.write_bytes(future)
    result = doctor(store, "--repair")
    assert result.returncode == 1
    assert "newer reader" in result.stdout
    assert store.read_bytes() == future


def test_a_corrupt_state_file_is_restored_from_its_backup(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    state = locations.state_path(store)
    good = state.with_name(f"{state.name}.bak").read_bytes()
    state.write_bytes(b'{"reading": {"a": ')
    assert doctor(store).returncode == 1
    result = doctor(store, "--repair")
    assert result.returncode == 0, result.stdout
    assert state.read_bytes() == good
    assert aside_copies(state)[0].read_bytes() == b'{"reading": {"a": '
    assert UserState(state).reading("a") == {"read": True}


def test_malformed_articles_and_analyses_out_of_range_are_mended(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    articles = ArticleStore(store)
    articles.upsert([analyse_article(build_article(title="Third", body="Three “quoted” words.", source="s"))])
    raw = orjson.loads(store.read_bytes())
    third = raw["articles"]["3"]
    third["analysis"]["quotes"][0]["end"] = 10_000  # offsets beyond the body
    raw["articles"]["2"]["body"] = None  # a malformed article, whole in the backup
    raw["articles"]["4"] = {"id": "zzz", "title": "No body"}  # malformed and nowhere else
    before = orjson.dumps(raw)
    store.write_bytes(before)

    checked = doctor(store)
    assert checked.returncode == 1
    assert "outside the body" in checked.stdout and "article 2" in checked.stdout

    assert doctor(store, "--repair").returncode == 1  # "zzz" is nowhere else: dropping it is asked first
    assert store.read_bytes() == before
    repaired = doctor(store, "--repair", "--yes")
    assert repaired.returncode == 0, repaired.stdout
    assert aside_copies(store)[0].read_bytes() == before
    mended = {a.title: a for a in ArticleStore(store).all()}
    assert set(mended) == {"First", "Second", "Third"}
    quote = mended["Third"].analysis.quotes[0]
    assert mended["Third"].body[quote.start : quote.end] == quote.text == "quoted"
    assert "zzz" in repaired.stdout  # the article set aside is named
    assert doctor(store).returncode == 0


def test_temp_files_of_interrupted_saves_are_reported_and_removed(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    leftover = tmp_path / ".articles.json.k2j3h4.tmp"
    leftover.write_bytes(b"half a save")
    checked = doctor(store)
    assert checked.returncode == 0 and "1 temp file" in checked.stdout
    assert doctor(store, "--repair").returncode == 0
    assert not leftover.exists()


def test_an_old_format_is_upgraded_by_repair_with_the_old_file_kept(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    doc = build_article(title="Old", body="Old text.", source="s").to_dict()
    original = orjson.dumps({"articles": {"1": doc}})
    store.write_bytes(original)
    checked = doctor(store)
    assert checked.returncode == 0 and "format 0" in checked.stdout
    assert doctor(store, "--repair").returncode == 0
    assert orjson.loads(store.read_bytes())["_meta"]["1"]["schema"] == 1
    assert store.with_name("articles.json.v0.bak").read_bytes() == original
    assert [a.title for a in ArticleStore(store).all()] == ["Old"]


def test_doctor_json_for_scripts(tmp_path: Path) -> None:
    store = library_with_history(tmp_path)
    result = doctor(store, "--json")
    data = orjson.loads(result.stdout)
    assert data["healthy"] is True
    assert {f["status"] for f in data["findings"]} == {"ok"}
