"""The library list of a bigger library: the first page drawn from the catalog before the whole list
is read, keys accepted meanwhile, sorting with s and the unread-only filter with u."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from bench.corpus import generate, write_store
from reader.library import Library
from reader.screens import library as library_screen
from reader.widgets.article_list import ArticleList
from tests.tui_helpers import make_app, settle

COUNT = 300


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "library" / "articles.json"
    write_store(list(generate(COUNT)), path)
    return path


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.title for row in app.screen.query_one(ArticleList).rows]


def title_bar(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#library-title", Static).render())


async def test_first_page_comes_from_the_catalog_while_the_list_is_still_being_read(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.open(store).prepare_list()  # the catalog of an earlier run
    release = threading.Event()
    slow_rows = library_screen.rows_for

    def held_back(library, progress=None):  # type: ignore[no-untyped-def]
        assert release.wait(10), "the test never released the full list"
        return slow_rows(library, progress)

    monkeypatch.setattr(library_screen, "rows_for", held_back)
    app = make_app(store)
    newest = [row.title for row in Library.open(store).list_rows()]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert titles(app) == newest[: library_screen.FIRST_PAGE]  # drawn before the whole list
        assert "reading the list" in title_bar(app)
        await pilot.press("down", "down")  # input is taken at once
        assert articles.cursor == 2
        release.set()
        await settle(pilot)
        assert titles(app) == newest
        assert articles.cursor == 2 and articles.current is not None and articles.current.title == newest[2]
        assert f"{COUNT} articles" in title_bar(app)


async def test_s_cycles_the_order_and_keeps_the_cursor_on_its_article(store: Path) -> None:
    app = make_app(store)
    rows = Library.open(store).list_rows()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert "newest first" in title_bar(app)
        await pilot.press("down", "down", "down")
        chosen = articles.current
        assert chosen is not None
        await pilot.press("s")
        await settle(pilot)
        assert "by title" in title_bar(app)
        assert titles(app) == sorted((r.title for r in rows), key=str.casefold)
        assert articles.current == chosen
        await pilot.press("s")
        await settle(pilot)
        assert "by source" in title_bar(app)
        assert [r.source for r in articles.rows] == sorted((r.source for r in rows), key=str.casefold)
        await pilot.press("s")
        await settle(pilot)
        assert "most quotes first" in title_bar(app)
        assert [r.quotes for r in articles.rows] == sorted((r.quotes for r in rows), reverse=True)
        await pilot.press("s")
        await settle(pilot)
        assert "newest first" in title_bar(app)
        assert titles(app) == [r.title for r in rows]
        assert articles.current == chosen


async def test_u_lists_only_unread_articles_and_back(store: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        everything = titles(app)
        await pilot.press("r", "down", "down", "r")  # the first and the third marked read
        await pilot.press("u")
        await settle(pilot)
        assert "unread only" in title_bar(app)
        assert titles(app) == everything[1:2] + everything[3:]
        assert all(not row.read for row in app.screen.query_one(ArticleList).rows)
        await pilot.press("s")  # the filter holds in another order
        await settle(pilot)
        assert sorted(titles(app)) == sorted(everything[1:2] + everything[3:])
        await pilot.press("s", "s", "s", "u")
        await settle(pilot)
        assert titles(app) == everything
        assert f"{COUNT - 2} unread" in title_bar(app)


async def test_with_every_article_read_the_unread_list_says_so(sample_store: Path) -> None:
    app = make_app(sample_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r", "u")
        await settle(pilot)
        empty = app.screen.query_one("#library-empty", Static)
        assert empty.display and "Every article has been read" in str(empty.render())
        await pilot.press("u")
        await settle(pilot)
        assert not empty.display and len(titles(app)) == 1


async def test_without_a_list_the_app_starts_at_once_and_shows_how_far_the_listing_has_come(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_prepare = Library.prepare_list

    def held_back(self, progress=None):  # type: ignore[no-untyped-def]
        progress(50, 100)
        assert release.wait(10), "the test never released the listing"
        return real_prepare(self, progress)

    monkeypatch.setattr(Library, "prepare_list", held_back)
    app = make_app(store)  # no catalog yet, as after another program wrote the store
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        panel = str(app.screen.query_one("#library-empty", Static).render())
        assert "Listing the library" in panel and "50%" in panel
        await pilot.press("question_mark")  # keys work while the list is being built
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        release.set()
        await settle(pilot)
        assert len(titles(app)) == COUNT and f"{COUNT} articles" in title_bar(app)
        assert not app.screen.query_one("#library-empty", Static).display


async def test_an_article_found_malformed_while_listing_ends_the_app_with_the_reason(store: Path) -> None:
    import orjson

    raw = orjson.loads(store.read_bytes())
    list(raw["articles"].values())[-1]["title"] = 7
    store.write_bytes(orjson.dumps(raw))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1
    assert app.exit_error is not None and "malformed" in app.exit_error and str(store) in app.exit_error


async def test_an_empty_library_says_so_and_never_claims_to_be_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    slow_rows = library_screen.rows_for

    def held_back(library, progress=None):  # type: ignore[no-untyped-def]
        assert release.wait(10), "the test never released the list"
        return slow_rows(library, progress)

    monkeypatch.setattr(library_screen, "rows_for", held_back)
    app = make_app(tmp_path / "none-yet" / "articles.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Listing" not in str(app.screen.query_one("#library-empty", Static).render())
        release.set()
        await settle(pilot)
        assert "The library is empty" in str(app.screen.query_one("#library-empty", Static).render())
