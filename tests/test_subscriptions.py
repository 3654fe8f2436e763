"""Subscriptions are user data: kept in the state file beside the store, beside bookmarks and read
flags, never lost by another writer of that file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from reader.config import ConfigError, load_config
from reader.library import Library
from reader.userdata.subscriptions import Subscription, SubscriptionError, backoff


def test_subscriptions_live_beside_the_other_user_state_and_survive_a_reopen(sample_store: Path) -> None:
    library = Library.open(sample_store)
    article = library.articles()[0]
    library.feeds.add("https://ledger.example.org/rss.xml", name="Ledger", full_text="never")
    other = Library.open(sample_store)  # another process with its own view of the file
    other.mark_read(article.id)
    other.feeds.add("https://agence.example.org/atom")
    library.add_bookmark(article.id, 0, 20, note="first words")
    library.close()
    other.close()

    reopened = Library.open(sample_store)
    feeds = {f.name: f for f in reopened.feeds.all()}
    assert set(feeds) == {"Ledger", "agence.example.org"}
    assert feeds["Ledger"].full_text == "never" and feeds["Ledger"].named
    assert not feeds["agence.example.org"].named  # named after its title once fetched
    assert reopened.is_read(article.id) and len(reopened.bookmarks()) == 1
    assert reopened.feeds.find("LEDGER").url == "https://ledger.example.org/rss.xml"
    assert reopened.feeds.find(feeds["Ledger"].id[:4]).name == "Ledger"


def test_a_name_taken_or_a_mode_unknown_is_refused(empty_store: Path) -> None:
    library = Library.open(empty_store)
    library.feeds.add("https://a.example.org/feed", name="News")
    with pytest.raises(SubscriptionError, match="already named 'News'"):
        library.feeds.add("https://b.example.org/feed", name="news")
    with pytest.raises(SubscriptionError, match="--full-text takes"):
        library.feeds.add("https://c.example.org/feed", full_text="sometimes")
    with pytest.raises(SubscriptionError, match="not an http"):
        library.feeds.add("javascript:alert(1)")
    assert [f.name for f in library.feeds.all()] == ["News"]


def test_an_unknown_field_or_mode_in_the_file_is_read_not_fatal() -> None:
    doc = {"id": "abcd1234", "url": "https://x.example.org/", "name": "X", "full_text": "weird", "future": 1}
    sub = Subscription.from_dict(doc)
    assert sub.full_text == "auto" and sub.status == "new"


def test_backoff_starts_at_the_second_failure_and_doubles_up_to_a_day() -> None:
    assert backoff(0) == backoff(1) == timedelta(0)
    assert backoff(2) == timedelta(minutes=15)
    assert backoff(3) == timedelta(minutes=30)
    assert backoff(20) == timedelta(hours=24)


@pytest.mark.parametrize(
    ("line", "minutes"),
    [("refresh_minutes = 30", 30.0), ("refresh_minutes = 2.5", 2.5), ("", None)],
)
def test_refresh_minutes_is_read_from_the_config(tmp_path: Path, line: str, minutes: float | None) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'theme = "gruvbox"\n{line}\n', encoding="utf-8")
    assert load_config(path).refresh_minutes == minutes


@pytest.mark.parametrize("value", ["0", "-5", '"often"', "true", "0.5"])
def test_a_bad_refresh_minutes_is_one_clear_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"refresh_minutes = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="refresh_minutes must be a number of minutes, 1 or more"):
        load_config(path)
