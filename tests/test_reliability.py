"""Saves that fail, two writers at once, and files reader must refuse to touch: what the user keeps."""

from __future__ import annotations

import errno
import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest

from reader import locations
from reader import store as store_module
from reader.importers.common import build_article
from reader.models import Article
from reader.storage import StoreError, StoreWriteError, write_lock
from reader.store import ArticleStore
from reader.userstate import UserState


def run(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def article(title: str, body: str = "Some text. More text.") -> Article:
    return build_article(title=title, body=body, source="test")


def titles(path: Path) -> set[str]:
    return {a.title for a in ArticleStore(path).all()}


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


# -- failed saves ----------------------------------------------------------------------------
@pytest.mark.usefixtures("layout")
def test_a_full_disk_fails_the_import_with_one_line_and_keeps_the_library(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    ArticleStore(store).upsert([article("Kept")])
    before, backup_before = store.read_bytes(), (tmp_path / "articles.json.bak").exists()
    big = tmp_path / "big.txt"
    big.write_text("A big one\n\n" + "Many words here. " * 20_000, encoding="utf-8")
    limit = len(before) + 1000  # the new library would be far larger: writing it fails as on a full disk

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run("import", "--store", str(store), str(big), preexec_fn=small_disk)
    err = one_line_error(result)
    assert str(store) in err and "cannot save" in err and "previous version was left" in err
    assert store.read_bytes() == before
    assert (tmp_path / "articles.json.bak").exists() == backup_before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert titles(store) == {"Kept"}


def test_a_read_only_folder_gives_a_clear_error_and_no_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article("Kept")])
    before = path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StoreWriteError) as error:
        store.upsert([article("Lost")])
    assert str(path) in str(error.value) and "not writable" in str(error.value)
    assert isinstance(error.value, OSError)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert titles(path) == {"Kept"}


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_read_only_library_can_be_read_but_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    store = folder / "articles.json"
    ArticleStore(store).upsert([article("Kept")])
    (tmp_path / "new.txt").write_text("New\n\nBody.\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        assert run("list", "--store", str(store)).returncode == 0
        err = one_line_error(run("import", "--store", str(store), str(tmp_path / "new.txt")))
        assert str(folder) in err
    finally:
        folder.chmod(0o755)
    assert titles(store) == {"Kept"}


def test_a_symlinked_library_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "articles.json"
    ArticleStore(real).upsert([article("First")])
    link = tmp_path / "articles.json"
    link.symlink_to(real)
    ArticleStore(link).upsert([article("Second")])
    assert link.is_symlink()
    assert titles(real) == {"First", "Second"}


def test_an_emptied_library_is_refused_while_its_backup_holds_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    store = ArticleStore(path)
    store.upsert([article("One")])
    store.upsert([article("Two")])
    backup = tmp_path / "articles.json.bak"
    good = backup.read_bytes()
    path.write_bytes(b"")  # e.g. a crash on a file system that lost the data
    err = one_line_error(run("import", "--store", str(path), str(tmp_path / "articles.json.bak")))
    assert str(path) in err and "doctor --repair" in err
    assert path.read_bytes() == b"" and backup.read_bytes() == good
    assert run("doctor", "--repair", "--store", str(path)).returncode == 0
    assert titles(path) == {"One"}


def test_a_writer_never_trusts_its_cache_for_what_it_rewrites(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    first, second = ArticleStore(path), ArticleStore(path)
    first.upsert([article("From the first")])
    second.upsert([article("From the second")])
    # The first store's cache now looks current (as after inode reuse within one mtime tick).
    first.storage._stamp = first.storage._current_stamp()
    first.upsert([article("First again")])
    assert titles(path) == {"From the first", "From the second", "First again"}


# -- two writers at once -----------------------------------------------------------------------
WRITER = """
import sys
from pathlib import Path
from reader.importers.common import build_article
from reader.store import ArticleStore
from reader.userstate import UserState
store_path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = ArticleStore(store_path)
state = UserState(store_path.with_name("articles.state.json"))
for i in range(count):
    store.upsert([build_article(title=f"{name} {i}", body=f"Body {i} of {name}.", source=name)])
    state.update_table("bookmarks", lambda t: t.update({f"{name}-{i}": {"note": f"note {i}"}}))
    state.set_reading(f"{name}-{i}", position=i)
"""


@pytest.mark.usefixtures("layout")
def test_two_writer_processes_at_once_lose_nothing(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    count = 25
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(store), name, str(count)], stderr=subprocess.PIPE)
        for name in ("left", "right")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
    assert titles(store) == {f"{name} {i}" for name in ("left", "right") for i in range(count)}
    state = UserState(tmp_path / "articles.state.json")
    expected = {f"{name}-{i}" for name in ("left", "right") for i in range(count)}
    assert set(state.read_table("bookmarks")) == expected
    assert set(state.all_reading()) == expected


@pytest.mark.usefixtures("layout")
def test_two_imports_at_once_from_the_command_line_keep_both(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    folders = []
    for name in ("morning", "evening"):
        folder = tmp_path / name
        folder.mkdir()
        for i in range(15):
            (folder / f"{i}.txt").write_text(f"{name} story {i}\n\nWhat happened in the {name}, part {i}.\n")
        folders.append(folder)
    imports = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "import", "-q", "--store", str(store), str(folder)],
            stderr=subprocess.PIPE,
        )
        for folder in folders
    ]
    for process in imports:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert titles(store) == {f"{name} story {i}" for name in ("morning", "evening") for i in range(15)}


@pytest.mark.usefixtures("layout")
def test_a_busy_library_is_one_clear_line_and_status_1(tmp_path: Path) -> None:
    store = tmp_path / "articles.json"
    ArticleStore(store).upsert([article("Kept")])
    before = store.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text("New\n\nBody.\n", encoding="utf-8")
    with write_lock(locations.lock_path(store)):  # another writer holds the library
        result = run("import", "--store", str(store), str(new), env={"READER_LOCK_TIMEOUT": "0.3"})
    err = one_line_error(result)
    assert "busy" in err and str(tmp_path) in err
    assert store.read_bytes() == before


# -- files reader must not touch ----------------------------------------------------------------
BROKEN = {
    "truncated": (b'{"articles": {"1": {"id": "x", "title"', "not valid JSON", "reader doctor"),
    "foreign": (b'{"users": {"1": {"name": "x"}}}', "not a reader library", "left as it is"),
    "future": (b'{"_meta": {"1": {"schema": 99}}, "articles": {}}', "newer reader", "upgrade reader"),
    "bad meta": (b'{"_meta": {"1": {"schema": "one"}}, "articles": {}}', "malformed", "left as it is"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_library_is_refused_by_every_command_and_left_byte_for_byte(tmp_path: Path, case: str) -> None:
    content, words, advice = BROKEN[case]
    store = tmp_path / "articles.json"
    store.write_bytes(content)
    new = tmp_path / "new.txt"
    new.write_text("New\n\nBody.\n", encoding="utf-8")
    for args in (("list",), ("list", "--json"), ("show", "abcd"), ("import", str(new))):
        err = one_line_error(run(*args, "--store", str(store)))
        assert str(store) in err and words in err and advice in err, (args, err)
        assert store.read_bytes() == content
    assert not (tmp_path / "articles.json.bak").exists()


STATE_BROKEN = {
    "truncated": (b'{"reading": {"abc": {"read": tr', "not valid JSON", "reader doctor"),
    "foreign": (b"[1, 2, 3]", "not a reader state file", "left as it is"),
    "future": (b'{"_meta": {"1": {"schema": 7}}, "reading": {}}', "newer reader", "upgrade reader"),
    "bad table": (b'{"reading": [1, 2]}', "malformed", "left as it is"),
}


@pytest.mark.parametrize("case", sorted(STATE_BROKEN))
def test_a_broken_state_file_is_refused_and_left_byte_for_byte(sample_store: Path, case: str) -> None:
    content, words, advice = STATE_BROKEN[case]
    state = locations.state_path(sample_store)
    state.write_bytes(content)
    err = one_line_error(run("list", "--store", str(sample_store)))  # the table shows read flags from the state
    assert str(state) in err and words in err and advice in err
    assert state.read_bytes() == content


# -- schema versions and migrations ---------------------------------------------------------------
def test_a_version_0_library_is_upgraded_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    old = [article(f"Old {i}", f"Old body {i}. “A quote {i}.”") for i in range(3)]
    docs = {str(i + 1): a.to_dict() for i, a in enumerate(old)}
    del docs["2"]["links"], docs["2"]["truncated"]  # an older writer left out fields at their defaults
    original = orjson.dumps({"articles": docs})  # format 0: no _meta table
    path.write_bytes(original)

    store = ArticleStore(path)
    assert {a.id: a for a in store.all()} == {a.id: a for a in old}  # readable as it is, unchanged on disk
    assert path.read_bytes() == original
    store.upsert([article("New")])

    raw = orjson.loads(path.read_bytes())
    assert raw["_meta"]["1"]["schema"] == store_module.SCHEMA_VERSION
    assert (tmp_path / "articles.json.v0.bak").read_bytes() == original
    reopened = ArticleStore(path)
    assert titles(path) == {"Old 0", "Old 1", "Old 2", "New"}
    for a in old:
        assert reopened.get(a.id) == a


def test_migrations_run_in_order_and_keep_the_file_before_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "articles.json"
    ArticleStore(path).upsert([article("Kept")])
    format_1 = path.read_bytes()

    def add_words(raw: dict) -> dict:
        table = {k: {**doc, "word_count": len(doc["body"].split())} for k, doc in raw["articles"].items()}
        return {**raw, "articles": table, "_meta": {"1": {"schema": 2}}}

    def add_flag(raw: dict) -> dict:
        table = {k: {**doc, "checked": doc["word_count"] > 0} for k, doc in raw["articles"].items()}
        return {**raw, "articles": table, "_meta": {"1": {"schema": 3}}}

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store_module, "MIGRATIONS", {**store_module.MIGRATIONS, 1: add_words, 2: add_flag})
    ArticleStore(path).upsert([article("Added")])
    raw = orjson.loads(path.read_bytes())
    assert raw["_meta"]["1"]["schema"] == 3
    kept = next(doc for doc in raw["articles"].values() if doc["title"] == "Kept")
    assert kept["word_count"] == 4 and kept["checked"] is True
    assert (tmp_path / "articles.json.v1.bak").read_bytes() == format_1


def test_a_version_0_state_file_is_upgraded_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "articles.state.json"
    original = orjson.dumps({"reading": {"abc": {"read": True, "position": 40}}, "bookmarks": {"1": {"note": "n"}}})
    path.write_bytes(original)
    state = UserState(path)
    assert state.reading("abc") == {"read": True, "position": 40}
    state.set_reading("def", read=True)
    raw = orjson.loads(path.read_bytes())
    assert raw["_meta"]["1"]["schema"] == 1
    assert raw["reading"]["abc"] == {"read": True, "position": 40} and raw["bookmarks"] == {"1": {"note": "n"}}
    assert (tmp_path / "articles.state.json.v0.bak").read_bytes() == original


def test_an_unknown_old_format_is_refused_not_guessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "articles.json"
    content = b'{"_meta": {"1": {"schema": 0}}, "articles": {}}'
    path.write_bytes(content)
    monkeypatch.setattr(store_module, "MIGRATIONS", {})
    with pytest.raises(StoreError, match="cannot be upgraded"):
        ArticleStore(path)
    assert path.read_bytes() == content


def test_every_file_the_project_writes_goes_through_atomic_writes() -> None:
    """A plain write can leave half a file after a crash: only reader/storage.py may open files for writing."""
    root = Path(__file__).resolve().parent.parent / "reader"
    plain_write = re.compile(
        r"\.write_(bytes|text)\(|open\([^)]*['\"][wax]b?\+?['\"]|shutil\.copy|os\.open\([^)]*O_WRONLY"
    )
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if path.name != "storage.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if plain_write.search(line)
    ]
    assert offenders == []
