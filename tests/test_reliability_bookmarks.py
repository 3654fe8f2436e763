"""Bookmark files that are not what they should be: said, never silently dropped or created."""

from __future__ import annotations

from pathlib import Path

import orjson

from reader import locations
from reader.library import Library
from tests.conftest import SAMPLE_STORE, run_reader


def bookmarked_library(folder: Path) -> Path:
    store = folder / "articles.json"
    store.write_bytes(SAMPLE_STORE.read_bytes())
    library = Library.open(store)
    article = library.articles()[0]
    library.add_bookmark(article.id, 0, 30, note="kept")
    return store


def test_export_to_a_missing_folder_is_refused_unless_asked(tmp_path: Path) -> None:
    store = bookmarked_library(tmp_path)
    target = tmp_path / "no" / "such" / "dir" / "x.md"
    refused = run_reader(store, "bookmarks", "export", "-o", str(target))
    assert refused.returncode == 1
    [line] = refused.stderr.strip().splitlines()
    assert "does not exist" in line and "--parents" in line
    assert not (tmp_path / "no").exists()  # no folder made behind the user's back

    made = run_reader(store, "bookmarks", "export", "-o", str(target), "--parents")
    assert made.returncode == 0, made.stderr
    assert "kept" in target.read_text(encoding="utf-8")


def test_malformed_bookmark_entries_are_reported_and_kept(tmp_path: Path) -> None:
    store = bookmarked_library(tmp_path)
    state = locations.state_path(store)
    raw = orjson.loads(state.read_bytes())
    raw["bookmarks"]["hand-edited"] = {"id": "hand-edited", "note": "no anchor"}
    raw["bookmarks"]["junk"] = "not a bookmark"
    state.write_bytes(orjson.dumps(raw))

    listed = run_reader(store, "bookmarks", "list", "--json")
    assert listed.returncode == 0
    assert len(orjson.loads(listed.stdout)) == 1
    assert "2 bookmark entries" in listed.stderr and "hand-edited" in listed.stderr

    checked = run_reader(store, "doctor")
    assert checked.returncode == 1, checked.stdout
    problem = [line for line in checked.stdout.splitlines() if line.startswith("PROBLEM")]
    assert len(problem) == 1 and "hand-edited" in problem[0] and "junk" in problem[0]

    repaired = run_reader(store, "doctor", "--repair")  # nothing to mend: they stay for the user to fix
    assert repaired.returncode == 1
    library = Library.open(store)
    library.add_bookmark(library.articles()[0].id, 40, 60)  # a later save keeps them too
    kept = orjson.loads(state.read_bytes())["bookmarks"]
    assert kept["hand-edited"] == {"id": "hand-edited", "note": "no anchor"} and kept["junk"] == "not a bookmark"
    assert len(kept) == 4
