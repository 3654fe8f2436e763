"""Bookmarks as a user keeps them: add, edit, delete and undo, filter, and survive re-imports and restarts."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkNotFound, Bookmarks, clean_tags
from reader.library import ArticleNotFound, Library
from reader.locations import state_path
from reader.userstate import UserState
from tests.conftest import SEED_TXT

SEED = SEED_TXT.read_text(encoding="utf-8")
TITLE = SEED.split("\n", 1)[0].strip()
PASSAGE = "Alexander Lukashenko has backed Putin"


def ticking_clock() -> Callable[[], str]:
    counter = itertools.count()
    return lambda: f"2024-05-01T12:00:{next(counter):02d}.000000Z"


@pytest.fixture
def library(sample_store: Path) -> Iterator[Library]:
    lib = Library.open(sample_store)
    yield lib
    lib.close()


def article_id(library: Library) -> str:
    return library.articles()[0].id


def span_of(library: Library, text: str) -> tuple[int, int]:
    body = library.require(article_id(library)).body
    start = body.index(text)
    return start, start + len(text)


# -- the plain class ---------------------------------------------------------------------------
def test_add_edit_delete_restore(tmp_path: Path, library: Library) -> None:
    article = library.articles()[0]
    marks = Bookmarks(UserState(tmp_path / "state.json"), clock=ticking_clock())
    start, end = span_of(library, PASSAGE)
    first = marks.add(article, start, end, note="why it matters", tags=["#Belarus", "war, belarus"])
    assert first.text == PASSAGE
    assert first.tags == ("Belarus", "war")
    assert first.article_title == TITLE
    second = marks.add(article, 0, 20)
    assert [b.id for b in marks.all()] == [second.id, first.id]  # newest first

    edited = marks.edit(first.id[:6], note="changed my mind", tags=["politics"])
    assert (edited.note, edited.tags, edited.created) == ("changed my mind", ("politics",), first.created)
    assert edited.updated > first.updated
    assert marks.get(first.id).note == "changed my mind"

    removed = marks.delete(first.id)
    assert [b.id for b in marks.all()] == [second.id]
    marks.restore(removed)
    assert marks.get(first.id) == edited
    assert marks.counts() == {article.id: 2}


def test_unknown_or_ambiguous_ids_say_so(tmp_path: Path, library: Library) -> None:
    marks = Bookmarks(UserState(tmp_path / "state.json"))
    with pytest.raises(BookmarkNotFound, match="no bookmark"):
        marks.get("abcdef")
    with pytest.raises(BookmarkNotFound):
        marks.delete("abcdef")


def test_notes_and_tags_lose_control_characters(tmp_path: Path, library: Library) -> None:
    marks = Bookmarks(UserState(tmp_path / "state.json"))
    bookmark = marks.add(
        library.articles()[0], 0, 10, note="red \x1b[31malert\x1b[0m\nsecond\tline", tags=["\x1b]0;x\x07t"]
    )
    assert bookmark.note == "red alert\nsecond line"
    assert "\x1b" not in "".join(bookmark.tags)
    assert clean_tags(["", "#", " a ", "A"]) == ("a",)


def test_empty_span_is_refused(library: Library) -> None:
    with pytest.raises(ValueError):
        library.add_bookmark(article_id(library), 5, 5)
    with pytest.raises(ArticleNotFound):
        library.add_bookmark("nope", 0, 5)
    assert library.bookmarks() == []


# -- the library facade ------------------------------------------------------------------------
def test_bookmark_is_listed_counted_and_survives_a_restart(sample_store: Path) -> None:
    library = Library.open(sample_store)
    aid = article_id(library)
    start, end = span_of(library, PASSAGE)
    added = library.add_bookmark(aid, start, end, note="key point", tags=("belarus",))
    assert added.status == "anchored"
    assert [row["bookmarks"] for row in library.summaries()] == [1]
    library.close()

    reopened = Library.open(sample_store)
    [item] = reopened.bookmarks()
    assert (item.id, item.bookmark.text, item.bookmark.note, item.status) == (
        added.id,
        PASSAGE,
        "key point",
        "anchored",
    )
    assert item.to_dict()["article_title"] == TITLE
    assert state_path(sample_store).is_file()
    assert "key point" not in sample_store.read_text(encoding="utf-8")  # never inside the article store
    reopened.close()


def test_filter_by_text_and_tag(library: Library) -> None:
    aid = article_id(library)
    library.add_bookmark(aid, *span_of(library, PASSAGE), note="the regime", tags=("belarus",))
    library.add_bookmark(aid, *span_of(library, "Kastus Kalinouski Battalion"), tags=("units",))
    assert [i.bookmark.text for i in library.bookmarks("#units")] == ["Kastus Kalinouski Battalion"]
    assert [i.bookmark.text for i in library.bookmarks("regime")] == [PASSAGE]
    assert [i.bookmark.text for i in library.bookmarks("lukashenko #bel")] == [PASSAGE]
    assert library.bookmarks("#nothing") == []


def test_undo_a_delete(library: Library) -> None:
    added = library.add_bookmark(article_id(library), *span_of(library, PASSAGE), note="keep me")
    removed = library.delete_bookmark(added.id)
    assert library.bookmarks() == []
    library.restore_bookmark(removed)
    [item] = library.bookmarks()
    assert (item.id, item.bookmark.note, item.bookmark.created) == (added.id, "keep me", added.bookmark.created)


def test_deleting_the_article_orphans_its_bookmarks_but_keeps_them(library: Library) -> None:
    aid = article_id(library)
    library.add_bookmark(aid, *span_of(library, PASSAGE), note="still mine")
    library.delete([aid])
    [item] = library.bookmarks()
    assert item.status == "orphaned"
    assert (item.bookmark.text, item.bookmark.note, item.article_title) == (PASSAGE, "still mine", TITLE)
    assert "still mine" in library.export_bookmarks("md").decode()


# -- re-import ---------------------------------------------------------------------------------
def write_article(path: Path, body: str) -> None:
    path.write_text(f"{TITLE}\n\n{body}\n", encoding="utf-8")


def seed_body() -> str:
    from reader.importers.plaintext import parse_text

    return parse_text(SEED).body


def test_reimport_replaces_the_article_in_place_and_bookmarks_follow(tmp_path: Path, empty_store: Path) -> None:
    source = tmp_path / "in" / "belarus.txt"
    source.parent.mkdir()
    body = seed_body()
    paragraphs = body.split("\n\n")
    paragraph = paragraphs[0]
    assert PASSAGE in paragraph and "widespread" in paragraph
    write_article(source, body)
    library = Library.open(empty_store)
    assert len(library.import_sources([str(source)]).added) == 1
    [article] = library.articles()
    whole = library.add_bookmark(article.id, 0, len(paragraph), note="the whole paragraph")
    short = library.add_bookmark(article.id, *span_of(library, PASSAGE), note="short one")

    # a paragraph added on top, a word changed inside the bookmarked paragraph
    changed = paragraph.replace("widespread", "broad")
    write_article(source, "Editor's note: this article was updated.\n\n" + body.replace(paragraph, changed))
    report = library.import_sources([str(source)])
    assert report.updated == [article.id] and not report.added
    assert len(library) == 1
    updated = library.require(article.id)
    assert updated.body.startswith("Editor's note")
    assert updated.analysis is not None

    placed = {i.id: i for i in library.bookmarks()}
    assert placed[whole.id].status == "moved"
    assert placed[whole.id].current_text == changed
    assert placed[short.id].status == "moved"
    assert placed[short.id].current_text == PASSAGE

    # the paragraph removed entirely: both are orphaned, and still listed after a restart
    write_article(source, "\n\n".join(paragraphs[1:]))
    library.import_sources([str(source)])
    library.close()
    reopened = Library.open(empty_store)
    statuses = {i.id: i.status for i in reopened.bookmarks()}
    assert statuses == {whole.id: "orphaned", short.id: "orphaned"}
    orphan = reopened.bookmark(whole.id)
    assert orphan.bookmark.text == paragraph and orphan.bookmark.note == "the whole paragraph"
    assert reopened.summaries()[0]["bookmarks"] == 2
    reopened.close()
