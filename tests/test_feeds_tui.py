"""The Feeds view (F) with Pilot, against a local HTTP server: refresh in a worker, a feed's articles
in the library list, adding and removing feeds, the background refresh of ``refresh_minutes``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from reader.config import Config
from reader.library import Library
from reader.screens.feeds import FeedsScreen
from reader.screens.library import LibraryScreen
from reader.widgets.article_list import ArticleList
from tests.feed_server import Site, full_items, rss, serve
from tests.tui_helpers import make_app, settle


@pytest.fixture
def site():
    with serve() as running:
        yield running


def cells(screen: FeedsScreen) -> dict[str, list[str]]:
    table = screen.query_one(DataTable)
    rows = {}
    for index in range(table.row_count):
        row = [str(getattr(cell, "plain", cell)) for cell in table.get_row_at(index)]
        rows[row[0]] = row[1:]
    return rows


def notifications(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def refreshed(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the refresh worker and what it updates afterwards."""
    for _ in range(200):
        await settle(pilot)
        if not pilot.app.refreshing:
            break
        await asyncio.sleep(0.05)
    await settle(pilot)


async def test_feeds_view_refreshes_lists_a_feeds_articles_and_counts_reading(site: Site, empty_store: Path) -> None:
    library = Library.open(empty_store)
    library.feeds.add(site.feed("/ledger.xml", rss("The Coastal Ledger", full_items(site.base, "ledger", 3))))
    library.feeds.add(site.feed("/other.xml", rss("Other", full_items(site.base, "other", 2))), name="Other")
    library.feeds.add(site.status("/broken.xml", 500), name="Broken")
    app = make_app(empty_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert cells(screen)["Broken"][2] == "never" and cells(screen)["Other"][3] == "new"

        await pilot.press("R")
        await refreshed(pilot)
        rows = cells(screen)
        assert rows["The Coastal Ledger"][:2] == ["3", "3"] and rows["Other"][:2] == ["2", "2"]
        assert rows["Broken"][3].startswith("failing") and "HTTP 500" in rows["Broken"][3]
        assert "never" not in rows["Broken"][2]
        message = notifications(app)[-1]
        assert "5 new articles" in message and "Broken: HTTP 500" in message
        assert "3 feeds" in str(screen.query_one("#feeds-title", Static).content)

        # Enter on a feed: the library lists only its articles; opening one marks it read.
        table = screen.query_one(DataTable)
        table.move_cursor(row=[s.feed.name for s in screen.stats].index("The Coastal Ledger"))
        await pilot.press("enter")
        await settle(pilot)
        library_screen = app.screen
        assert isinstance(library_screen, LibraryScreen)
        listed = library_screen.query_one(ArticleList).rows
        assert sorted(row.title for row in listed) == ["ledger story 1", "ledger story 2", "ledger story 3"]
        assert "feed: The Coastal Ledger" in str(library_screen.query_one("#library-title", Static).content)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert cells(app.screen)["The Coastal Ledger"][:2] == ["2", "3"]  # one read now

        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")  # the feed's filter is cleared: the whole library again
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).rows) == 5


async def test_adding_a_feed_in_the_app_fetches_it_and_removing_keeps_its_articles(
    site: Site, empty_store: Path
) -> None:
    url = site.feed("/agency.xml", rss("Agency Wire", full_items(site.base, "agency", 2)))
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert "No feeds yet" in str(app.screen.query_one("#feeds-empty", Static).content)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one(Input).value = url
        await pilot.press("enter")
        await refreshed(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert cells(screen)["Agency Wire"][:2] == ["2", "2"]
        assert "2 new articles: Agency Wire 2" in notifications(app)[-1]

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")  # remove, keep the articles
        await settle(pilot)
        assert cells(screen) == {}
    library = Library.open(empty_store)
    assert library.feeds.all() == [] and len(library.articles()) == 2


async def test_refresh_minutes_refreshes_in_the_background(site: Site, empty_store: Path) -> None:
    library = Library.open(empty_store)
    library.feeds.add(site.feed("/live.xml", rss("Live", full_items(site.base, "live", 1))))
    app = make_app(empty_store, Config(refresh_minutes=0.01))  # every 0.6 s, for the test
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(100):
            if len(app.screen.query_one(ArticleList).rows) == 1:
                break
            await asyncio.sleep(0.1)
            await pilot.pause()
        assert [row.title for row in app.screen.query_one(ArticleList).rows] == ["live story 1"]
        assert len(site.hits("/live.xml")) >= 1


async def test_an_article_with_only_its_feeds_summary_says_so(site: Site, empty_store: Path) -> None:
    teaser = [{"title": "Sea wall vote", "link": f"{site.base}/gone.html", "summary": "Councillors voted on the wall."}]
    library = Library.open(empty_store)
    library.feeds.add(site.feed("/teaser.xml", rss("Teasers", teaser)))
    library.feeds.refresh()
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        title = str(app.screen.query_one("#article-title", Static).content)
        assert "Sea wall vote" in title and "only the feed's summary (its page could not be had)" in title


async def test_a_feed_named_in_markup_is_shown_as_text(site: Site, empty_store: Path) -> None:
    hostile = "[bold red]Evil[/] [link=file:///etc/passwd]click[/link]"
    library = Library.open(empty_store)
    library.feeds.add(site.feed("/evil.xml", rss(hostile, full_items(site.base, "evil", 1))))
    app = make_app(empty_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("R")
        await refreshed(pilot)
        assert hostile in cells(app.screen)
        [note] = [n for n in app._notifications if "new article" in str(n.message)]
        assert hostile in note.message and note.markup is False


async def test_the_refresh_notification_says_which_articles_are_only_the_feeds_summary(
    site: Site, empty_store: Path
) -> None:
    teaser = {"title": "Teaser", "link": f"{site.base}/news/missing.html", "summary": "A short teaser."}
    library = Library.open(empty_store)
    library.feeds.add(site.feed("/teasers.xml", rss("Teasers", [teaser, *full_items(site.base, "whole", 1)])))
    app = make_app(empty_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F", "R")
        await refreshed(pilot)
        message = notifications(app)[-1]
        assert "2 new articles" in message
        assert "1 only as the feed's summary (the page could not be had)" in message


def footer_keys(app) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """Each footer key's label, and whether it can be used now (not greyed)."""
    from textual.widgets._footer import FooterKey

    return {key.description: not key.has_class("-disabled") for key in app.screen.query(FooterKey)}


async def test_with_no_feed_only_add_is_offered_until_one_is_followed(site: Site, empty_store: Path) -> None:
    app = make_app(empty_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        keys = footer_keys(app)
        assert keys["Add"] and not any(keys[k] for k in ("Articles", "Refresh all", "Refresh one", "Remove"))
        await pilot.press("d")  # greyed: nothing happens
        assert isinstance(app.screen, FeedsScreen)
        app.library.feeds.add(site.feed("/ledger.xml", rss("The Coastal Ledger", full_items(site.base, "ledger", 1))))
        app.screen.load()
        await settle(pilot)
        assert all(footer_keys(app)[k] for k in ("Add", "Articles", "Refresh all", "Refresh one", "Remove"))
