"""Followed feeds, reached through ``Library.feeds``: subscriptions with their article counts, adding
and removing them, OPML in and out, and the refresh that keeps the library current."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.userdata.subscriptions import Subscription, SubscriptionError, Subscriptions

if TYPE_CHECKING:
    from reader.feeds.refresh import RefreshReport
    from reader.library import Library

__all__ = ["FeedStats", "Feeds", "Subscription", "SubscriptionError"]


@dataclass(frozen=True, slots=True)
class FeedStats:
    """A subscription with how many of its articles are in the library and how many are unread."""

    feed: Subscription
    articles: int
    unread: int

    def to_dict(self) -> dict[str, Any]:
        feed = self.feed
        return {
            "id": feed.id,
            "name": feed.name,
            "url": feed.url,
            "status": feed.status,
            "full_text": feed.full_text,
            "articles": self.articles,
            "unread": self.unread,
            "last_refresh": feed.last_refresh,
            "last_success": feed.last_success,
            "last_error": feed.last_error,
            "failures": feed.failures,
            "retry_after": feed.retry_after,
        }


class Feeds:
    def __init__(self, library: Library):
        self.library = library

    @property
    def subscriptions(self) -> Subscriptions:
        return Subscriptions(self.library.state)

    def all(self) -> list[Subscription]:
        return self.subscriptions.all()

    def stats(self) -> list[FeedStats]:
        """Every subscription, by name, with its articles and unread ones as the library holds them now."""
        subscriptions = self.all()
        if not subscriptions:
            return []
        read = {row.id: row.read for row in self.library.list_rows()}
        result = []
        for sub in subscriptions:
            ids = [i for i in sub.article_ids() if i in read]
            result.append(FeedStats(sub, len(ids), sum(1 for i in ids if not read[i])))
        return result

    def find(self, key: str) -> Subscription:
        return self.subscriptions.find(key)

    def add(self, url: str, name: str | None = None, full_text: str = "auto") -> Subscription:
        return self.subscriptions.add(url, name, full_text)

    def remove(self, key: str, delete_articles: bool = False) -> tuple[Subscription, list[str]]:
        """Unsubscribe; the feed's articles stay in the library unless ``delete_articles``."""
        sub = self.find(key)
        removed = self.subscriptions.remove(sub.id)
        deleted = self.library.delete(sorted(removed.article_ids())) if delete_articles else []
        return removed, deleted

    def article_ids(self, feed_id: str) -> set[str]:
        sub = self.subscriptions.get(feed_id)
        return sub.article_ids() if sub else set()

    def select(self, names: Iterable[str] = ()) -> tuple[list[Subscription], list[tuple[Subscription, str]]]:
        """The feeds a refresh fetches, and those it leaves alone with why: every feed when no name is
        given, except gone ones and those backing off after failing again and again; named ones always."""
        names = list(names)
        if names:
            chosen: list[Subscription] = []
            for name in names:
                sub = self.find(name)
                if sub.id not in {s.id for s in chosen}:
                    chosen.append(sub)
            return chosen, []
        now = datetime.now(UTC)
        todo, skipped = [], []
        for sub in self.all():
            if sub.gone:
                skipped.append((sub, "gone (HTTP 410); name it to try again, or remove it"))
            elif sub.backing_off(now):
                when = (sub.retry_after or "")[11:16]
                why = f"failed {sub.failures} times in a row; next try after {when} UTC (name it to try now)"
                skipped.append((sub, why))
            else:
                todo.append(sub)
        return todo, skipped

    def refresh(
        self,
        names: Iterable[str] = (),
        *,
        progress: Callable[[str, int, int | None, str], None] | None = None,
        **options: Any,
    ) -> RefreshReport:
        """Fetch the feeds (see ``select``), import their new and edited entries, record the outcome.
        ``options``: ``jobs``, ``timeout`` (per request), ``limit`` (overall), ``client_args``."""
        from reader.feeds.refresh import Refresher

        todo, skipped = self.select(names)
        with Refresher(self.library, **options) as refresher:
            report = refresher.run(todo, progress)
        report.skipped = skipped
        return report

    def import_opml(self, data: bytes) -> tuple[list[Subscription], list[str]]:
        """Subscribe to every feed of an OPML list: (subscribed, URLs already subscribed)."""
        from reader.feeds.opml import read_outlines

        return self.subscriptions.add_many(read_outlines(data))

    def export_opml(self) -> bytes:
        from reader.feeds.opml import write_outlines

        return write_outlines(self.all())
