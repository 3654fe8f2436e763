"""Backups: several generations, and never one replaced by a version with fewer articles unasked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from reader import locations
from reader.backups import DAILY_KEPT, generations, keep_generations
from reader.importers.common import build_article
from reader.library import Library
from reader.storage import StoreError
from reader.store import ArticleStore
from reader.userstate import UserState
from tests.conftest import run_reader


def article(n: int) -> object:
    return build_article(title=f"Story {n}", body=f"Body of story {n}, with words.", source="s")


def grown(store: Path, saves: int) -> ArticleStore:
    """A library saved ``saves`` times, one article more each time."""
    articles = ArticleStore(store)
    for n in range(saves):
        articles.upsert([article(n)])
    return articles


def count(path: Path) -> int:
    return len(orjson.loads(path.read_bytes()).get("articles") or {})


def test_the_last_three_versions_and_one_a_day_are_kept(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    grown(store, 5)
    names = [p.name for p in generations(store, locations.backup_path(store))]
    today = date.today().isoformat()
    assert names == ["articles.json.bak", "articles.json.bak-2", "articles.json.bak-3", f"articles.json.daily-{today}"]
    assert [count(store.with_name(n)) for n in names] == [4, 3, 2, 4]  # the daily one: the day's last


def test_only_the_last_days_are_kept(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    grown(store, 1)
    for day in range(1, DAILY_KEPT + 3):
        (tmp_path / f"articles.json.daily-2020-01-{day:02}").write_bytes(b"{}")
    keep_generations(store, locations.backup_path(store))
    daily = sorted(p.name for p in tmp_path.glob("*.daily-*"))
    assert len(daily) == DAILY_KEPT and daily[-1] == f"articles.json.daily-{date.today().isoformat()}"
    assert "articles.json.daily-2020-01-01" not in daily


@pytest.mark.parametrize(
    "replacement",
    [
        b"{}",
        b'{"articles": {}}',
        b'{"_meta": {"1": {"app": "notes-app", "schema": 1}}, "articles": {}}',
    ],
    ids=["empty-object", "empty-table", "another-program"],
)
def test_an_empty_or_foreign_store_is_refused_while_its_backup_is_a_library(tmp_path: Path, replacement: bytes) -> None:
    store = tmp_path / "articles.json"
    grown(store, 3)
    backup = locations.backup_path(store)
    good = backup.read_bytes()
    store.write_bytes(replacement)
    new = tmp_path / "new.txt"
    new.write_text("New\n\nA new article body.\n", encoding="utf-8")

    run = run_reader(store, "import", "-q", str(new))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    [line] = run.stderr.strip().splitlines()
    assert "the file was left as it is" in line
    assert store.read_bytes() == replacement and backup.read_bytes() == good
    assert run_reader(store, "list").returncode == 1

    repaired = run_reader(store, "doctor", "--repair")  # the backup's articles come back; nothing lost, nothing asked
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "nothing is lost" in repaired.stdout
    assert len(ArticleStore(store)) == 2
    assert next(tmp_path.glob("articles.json.corrupt-*")).read_bytes() == replacement


def test_a_store_with_fewer_articles_than_its_backup_is_not_saved_over(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    grown(store, 4)
    older = tmp_path / "older.json"
    grown(older, 1)
    store.write_bytes(older.read_bytes())  # an older copy put back by hand, or another program
    backup = locations.backup_path(store)
    good = backup.read_bytes()
    with pytest.raises(StoreError, match=r"holds 1 article while its backup articles.json.bak holds 3"):
        ArticleStore(store).upsert([article(9)])
    assert backup.read_bytes() == good
    checked = run_reader(store, "doctor")
    assert checked.returncode == 1 and "holds 1 article while its backup articles.json.bak holds 3" in checked.stdout
    assert run_reader(store, "doctor", "--repair").returncode == 0
    assert {a.title for a in ArticleStore(store).all()} == {"Story 0", "Story 1", "Story 2"}


def test_deleting_articles_is_asked_for_so_later_saves_go_on(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    articles = grown(store, 4)
    library = Library.open(store)
    gone = library.delete([a.id for a in articles.all()][:2])
    assert len(gone) == 2
    library.add([article(10)])  # the save after a delete: fewer than the backup, and that is fine
    library.add([article(11)])
    assert len(ArticleStore(store)) == 4
    backups = [count(p) for p in generations(store, locations.backup_path(store))]
    assert backups[:3] == [3, 2, 4]  # the version before the delete is still one of them


def test_an_emptied_state_file_is_refused_while_its_backup_holds_bookmarks(tmp_path: Path) -> None:
    state_path = tmp_path / "articles.state.json"
    state = UserState(state_path)
    state.set_reading("a", read=True)
    state.set_reading("b", read=True)
    state_path.write_bytes(b"{}")
    with pytest.raises(StoreError, match="holds nothing, while its backup"):
        UserState(state_path).set_reading("c", read=True)
    emptied = UserState(tmp_path / "own.state.json")  # one reader emptied itself is fine
    emptied.set_reading("a", read=True)
    emptied.update_table("reading", lambda table: table.clear())
    emptied.set_reading("b", read=True)
