"""The look of the Feeds view (SVG snapshots): feeds that are fine, new, failing and gone."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from reader.library import Library
from reader.userdata.subscriptions import SeenEntry
from tests.conftest import SAMPLE_STORE
from tests.tui_helpers import make_app

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def feeds_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample library following four feeds, with fixed times shown in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library").mkdir()
    shutil.copyfile(SAMPLE_STORE, tmp_path / "library" / "articles.json")
    store = Path("library/articles.json")
    library = Library.open(store)
    article = library.articles()[0]
    feeds = library.feeds
    ledger = feeds.add("https://ledger.example.org/rss.xml", name="The Coastal Ledger")
    wire = feeds.add("https://wire.example.org/atom", name="Agency Wire")
    closed = feeds.add("https://closed.example.org/feed", name="Closed Gazette")
    feeds.add("https://new.example.org/feed.xml", name="Just added")
    stamp = "2026-03-02T08:15:00Z"
    feeds.subscriptions.update(
        {
            ledger.id: lambda s: replace(
                s, last_refresh=stamp, last_success=stamp, entries={"a": SeenEntry(article.id, "d")}
            ),
            wire.id: lambda s: replace(
                s,
                last_refresh=stamp,
                last_error="timed out",
                failures=3,
                retry_after="2026-03-02T08:45:00Z",
            ),
            closed.id: lambda s: replace(
                s,
                last_refresh=stamp,
                gone=True,
                last_error="HTTP 410 Gone: the server says the feed was removed for good",
            ),
        }
    )
    library.close()
    yield store
    time.tzset()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_feeds_screen(snap_compare, feeds_store: Path, size: tuple[int, int]) -> None:
    async def open_feeds(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("F")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")  # a feed that is gone selected: its error in full below the table
        await pilot.pause()

    assert snap_compare(make_app(feeds_store), terminal_size=size, run_before=open_feeds)
