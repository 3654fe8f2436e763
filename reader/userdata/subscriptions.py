"""Feed subscriptions: user data in the state file beside the store, like bookmarks.

Each subscription is one document of the ``feeds`` table: what the user chose (URL, name, full-text
mode), what the server said last (ETag, Last-Modified, a permanent move, 410 Gone), how the last
refreshes went (time, error, consecutive failures, when to try again) and the entries already seen,
so an entry is fetched and imported once and again only when the feed edits it. Every change is one
locked read-modify-write of the file (``UserState.update_table``), so two processes never lose each
other's changes and a crash leaves the previous version whole.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.text import clean_line
from reader.userstate import UserState

FEEDS = "feeds"
FULL_TEXT_MODES = ("auto", "always", "never")
# A feed that fails again and again is left alone for a while: from the second failure in a row,
# 15 minutes, doubling each time, at most a day. Naming the feed refreshes it anyway.
BACKOFF_FIRST = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=24)
# The page of an entry kept as its summary is tried again on this many refreshes, then left.
PAGE_TRIES = 5


class SubscriptionError(ValueError):
    """A subscription that cannot be added or found; the message says why."""


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def feed_url(url: str) -> str:
    """A URL fit to subscribe to: http(s) with a host, surrounding spaces and control characters gone."""
    cleaned = clean_line(url)
    parts = urlsplit(cleaned)
    if parts.scheme.lower() not in ("http", "https"):
        if not parts.scheme and Path(cleaned).expanduser().is_file():
            raise SubscriptionError(
                f"'{cleaned}' is a file: a feed is followed by its web address; "
                "'reader import FILE' imports a feed file's entries once"
            )
        raise SubscriptionError(f"'{cleaned}' is not an http(s) URL (a feed is subscribed to by its web address)")
    if not parts.hostname:
        raise SubscriptionError(f"'{cleaned}' has no host")
    return cleaned


def backoff(failures: int) -> timedelta:
    """How long to leave a feed alone after ``failures`` failures in a row (nothing after the first)."""
    if failures < 2:
        return timedelta(0)
    return min(BACKOFF_FIRST * 2 ** (failures - 2), BACKOFF_MAX)


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """An entry already imported: the article it became, a digest of what the feed said (an edit
    changes it), and whether only its summary could be kept, with how many times its page failed
    (it is tried again on the next refreshes, up to ``PAGE_TRIES`` times)."""

    article_id: str
    digest: str
    summary_only: bool = False
    page_tries: int = 0

    @property
    def wants_page(self) -> bool:
        return self.summary_only and self.page_tries < PAGE_TRIES

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"article": self.article_id, "digest": self.digest}
        if self.summary_only:
            data.update(summary_only=True, page_tries=self.page_tries)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SeenEntry:
        tries = data.get("page_tries")
        return cls(
            str(data.get("article") or ""),
            str(data.get("digest") or ""),
            bool(data.get("summary_only")),
            tries if isinstance(tries, int) and not isinstance(tries, bool) else 0,
        )


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    url: str
    name: str
    full_text: str = "auto"
    named: bool = False  # the user chose the name; otherwise it follows the feed's own title
    added: str = ""
    title: str = ""  # the feed's own title, as last fetched
    etag: str | None = None
    last_modified: str | None = None
    last_refresh: str | None = None  # the last attempt
    last_success: str | None = None
    last_error: str | None = None
    failures: int = 0  # in a row
    retry_after: str | None = None
    gone: bool = False  # the server answered 410 Gone
    moved_from: str | None = None  # the URL before a permanent redirect changed it
    entries: dict[str, SeenEntry] = field(default_factory=dict)  # the entries the feed lists now
    # Articles of entries the feed no longer lists: only their ids are kept, so the state file does
    # not grow by a URL and a digest for every entry a busy feed ever had.
    archived: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``new`` (never refreshed), ``ok``, ``failing`` or ``gone``."""
        if self.gone:
            return "gone"
        if self.last_error:
            return "failing"
        return "ok" if self.last_success else "new"

    def backing_off(self, now: datetime | None = None) -> bool:
        retry = parse_time(self.retry_after)
        return retry is not None and retry > (now or datetime.now(UTC))

    def article_ids(self) -> set[str]:
        return {seen.article_id for seen in self.entries.values() if seen.article_id} | set(self.archived)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("entries", "archived")}
        data["entries"] = {key: seen.to_dict() for key, seen in self.entries.items()}
        data["archived"] = list(self.archived)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Subscription:
        known = {f.name for f in fields(cls)} - {"entries", "archived"}
        values = {k: v for k, v in data.items() if k in known}
        entries = data.get("entries") or {}
        mode = values.get("full_text")
        return cls(
            **{**values, "full_text": mode if mode in FULL_TEXT_MODES else "auto"},
            entries={str(k): SeenEntry.from_dict(v) for k, v in entries.items() if isinstance(v, dict)},
            archived=tuple(str(i) for i in data.get("archived") or () if i),
        )


def default_name(url: str) -> str:
    """Until the first refresh gives the feed's title: its host, without ``www.``."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


class Subscriptions:
    """The subscriptions in one state file."""

    def __init__(self, state: UserState):
        self.state = state

    def _load(self) -> dict[str, Subscription]:
        loaded = {}
        for key, doc in self.state.read_table(FEEDS).items():
            if isinstance(doc, dict) and doc.get("url"):
                loaded[key] = Subscription.from_dict({**doc, "id": key})
        return loaded

    def all(self) -> list[Subscription]:
        """Every subscription, by name."""
        return sorted(self._load().values(), key=lambda s: (s.name.casefold(), s.url))

    def __len__(self) -> int:
        return len(self._load())

    def get(self, feed_id: str) -> Subscription | None:
        return self._load().get(feed_id)

    def find(self, key: str) -> Subscription:
        """A subscription by name (any case), URL, id or unique id prefix."""
        loaded = self._load()
        wanted = clean_line(key)
        if wanted in loaded:
            return loaded[wanted]
        for matches in (
            [s for s in loaded.values() if s.name.casefold() == wanted.casefold()],
            [s for s in loaded.values() if wanted in (s.url, s.moved_from)],
            [s for s in loaded.values() if len(wanted) >= 4 and s.id.startswith(wanted)],
        ):
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise SubscriptionError(f"several feeds match '{wanted}'; use its id (see 'reader feeds list')")
        raise SubscriptionError(f"no feed named '{wanted}' (see 'reader feeds list')")

    def add(self, url: str, name: str | None = None, full_text: str = "auto") -> Subscription:
        """Subscribe to a feed; SubscriptionError when the URL is not http(s) or already subscribed."""
        url = feed_url(url)
        if full_text not in FULL_TEXT_MODES:
            raise SubscriptionError(f"--full-text takes {', '.join(FULL_TEXT_MODES)} (got '{full_text}')")
        chosen = clean_line(name or "")
        subscription = Subscription(
            id=uuid.uuid4().hex[:8],
            url=url,
            name=chosen or default_name(url),
            full_text=full_text,
            named=bool(chosen),
            added=now_iso(),
        )

        def change(table: dict[str, Any]) -> Subscription:
            for doc in table.values():
                if isinstance(doc, dict) and url in (doc.get("url"), doc.get("moved_from")):
                    raise SubscriptionError(f"already subscribed to {url} (as '{doc.get('name')}')")
                if chosen and isinstance(doc, dict) and str(doc.get("name", "")).casefold() == chosen.casefold():
                    raise SubscriptionError(f"a feed is already named '{doc.get('name')}'; choose another --name")
            table[subscription.id] = subscription.to_dict()
            return subscription

        return self.state.update_table(FEEDS, change)

    def add_many(self, wanted: Iterable[tuple[str, str | None]]) -> tuple[list[Subscription], list[str]]:
        """Subscribe to several feeds in one write (an OPML list): (added, URLs already subscribed)."""
        stamp = now_iso()

        def change(table: dict[str, Any]) -> tuple[list[Subscription], list[str]]:
            known = {doc.get("url") for doc in table.values() if isinstance(doc, dict)}
            known |= {doc.get("moved_from") for doc in table.values() if isinstance(doc, dict)}
            added, skipped = [], []
            for url, name in wanted:
                if url in known:
                    skipped.append(url)
                    continue
                known.add(url)
                chosen = clean_line(name or "")
                name = chosen or default_name(url)
                sub = Subscription(uuid.uuid4().hex[:8], url, name, named=bool(chosen), added=stamp)
                table[sub.id] = sub.to_dict()
                added.append(sub)
            return added, skipped

        return self.state.update_table(FEEDS, change)

    def remove(self, feed_id: str) -> Subscription:
        def change(table: dict[str, Any]) -> Subscription:
            doc = table.pop(feed_id, None)
            if not isinstance(doc, dict):
                raise SubscriptionError(f"no feed with id '{feed_id}'")
            return Subscription.from_dict({**doc, "id": feed_id})

        return self.state.update_table(FEEDS, change)

    def restore(self, subscription: Subscription) -> None:
        def change(table: dict[str, Any]) -> None:
            table[subscription.id] = subscription.to_dict()

        self.state.update_table(FEEDS, change)

    def update(self, changes: dict[str, Callable[[Subscription], Subscription]]) -> None:
        """Apply ``changes[id](subscription)`` to each feed in one write; feeds removed meanwhile stay removed."""

        def change(table: dict[str, Any]) -> None:
            for feed_id, apply in changes.items():
                doc = table.get(feed_id)
                if isinstance(doc, dict):
                    table[feed_id] = apply(Subscription.from_dict({**doc, "id": feed_id})).to_dict()

        self.state.update_table(FEEDS, change)
