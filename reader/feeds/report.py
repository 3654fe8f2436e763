"""What a refresh did, feed by feed, and how it is written into the subscriptions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.models import Article, ImportReport
from reader.userdata.subscriptions import SeenEntry, Subscription, backoff, now_iso

if TYPE_CHECKING:
    from reader.library import Library


@dataclass
class FeedOutcome:
    """What refreshing one feed gave: new articles and their entries, or the reason it failed."""

    feed: Subscription
    name: str = ""  # the feed's name after this refresh (one named by nobody takes its title)
    error: str | None = None
    gone: bool = False
    not_modified: bool = False
    moved_to: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str = ""
    articles: list[Article] = field(default_factory=list)
    seen: dict[str, SeenEntry] = field(default_factory=dict)
    skipped_entries: list[str] = field(default_factory=list)  # entries with no text and no page
    listed: set[str] | None = None  # the keys of the entries the feed lists now (None: not read)
    added: int = 0
    updated: int = 0

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def status(self) -> str:
        if self.gone:
            return "gone"
        if self.error:
            return "failed"
        return "not modified" if self.not_modified else "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "feed": self.name or self.feed.name,
            "id": self.feed.id,
            "url": self.moved_to or self.feed.url,
            "status": self.status,
            "error": self.error,
            "added": self.added,
            "updated": self.updated,
            "moved_to": self.moved_to,
            "summary_only": sum(1 for s in self.seen.values() if s.summary_only),
            "skipped_entries": self.skipped_entries,
        }


@dataclass
class RefreshReport:
    outcomes: list[FeedOutcome] = field(default_factory=list)
    skipped: list[tuple[Subscription, str]] = field(default_factory=list)  # not tried, and why
    imported: ImportReport = field(default_factory=ImportReport)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def added(self) -> int:
        return sum(o.added for o in self.outcomes)

    @property
    def updated(self) -> int:
        return sum(o.updated for o in self.outcomes)

    def summary(self) -> str:
        feeds = len(self.outcomes)
        text = f"{self.added} new, {self.updated} updated from {feeds} feed{'s' if feeds != 1 else ''}"
        if self.failed:
            text += f", {len(self.failed)} failed"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        if self.summary_only:
            text += (
                f"; {self.summary_only} only as the feed's summary for now (the page could not be had; "
                "tried again next time)"
            )
        return text

    @property
    def summary_only(self) -> int:
        """Entries kept as their feed's summary, their page not had yet."""
        return sum(1 for o in self.outcomes for s in o.seen.values() if s.summary_only)


def unique_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    for number in range(2, 1000):
        candidate = f"{name} ({number})"
        if candidate.casefold() not in taken:
            return candidate
    return name


def record(library: Library, report: RefreshReport) -> None:
    """Write what every refreshed feed said into its subscription, in one write of the state file."""
    stamp = now_iso()
    now = datetime.now(UTC)

    def applying(outcome: FeedOutcome) -> Callable[[Subscription], Subscription]:
        def apply(sub: Subscription) -> Subscription:
            if outcome.failed:
                failures = sub.failures + 1
                wait = backoff(failures)
                return replace(
                    sub,
                    last_refresh=stamp,
                    last_error=outcome.error,
                    failures=failures,
                    gone=outcome.gone,
                    retry_after=(now + wait).isoformat().replace("+00:00", "Z") if wait else None,
                )
            moved = outcome.moved_to if outcome.moved_to and outcome.moved_to != sub.url else None
            entries, archived = {**sub.entries, **outcome.seen}, set(sub.archived)
            if outcome.listed is not None:  # entries the feed dropped keep only their article's id
                dropped = [k for k, seen in entries.items() if k not in outcome.listed and not seen.summary_only]
                archived |= {entries.pop(k).article_id for k in dropped} - {""}
            return replace(
                sub,
                url=moved or sub.url,
                moved_from=sub.url if moved else sub.moved_from,
                name=sub.name if sub.named or not outcome.name else outcome.name,
                title=outcome.title or sub.title,
                etag=outcome.etag,
                last_modified=outcome.last_modified,
                last_refresh=stamp,
                last_success=stamp,
                last_error=None,
                failures=0,
                retry_after=None,
                gone=False,
                entries=entries,
                archived=tuple(sorted(archived)),
            )

        return apply

    library.feeds.subscriptions.update({o.feed.id: applying(o) for o in report.outcomes})
