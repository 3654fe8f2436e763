"""Refreshing subscribed feeds: every feed fetched in parallel (a bounded number at once, each with its
own deadline, all within an overall limit), the new and edited entries turned into articles (their
pages fetched when the feed carries only a summary), imported as any other article, and what each
feed said recorded in its subscription."""

from __future__ import annotations

import concurrent.futures
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.feeds.entries import entry_digest, entry_key, entry_to_article
from reader.feeds.http import FeedClient, FeedGone
from reader.feeds.report import FeedOutcome, RefreshReport, record, unique_name
from reader.importers import MAX_PAGES_PER_FEED, ImportItem
from reader.importers.common import ImportError_
from reader.importers.feeds import Entry, Feed, parse_feed
from reader.models import Article
from reader.userdata.subscriptions import SeenEntry, Subscription

if TYPE_CHECKING:
    from reader.importers.fetch import Fetched, Fetcher
    from reader.library import Library

__all__ = ["FeedOutcome", "RefreshReport", "Refresher", "entry_digest", "entry_key", "entry_to_article"]

JOBS = 8  # feeds fetched at once
PAGE_JOBS = 8  # linked pages fetched at once, over all feeds
OVERALL_LIMIT = 300.0  # seconds for a whole refresh
Progress = Callable[[str, int, int | None, str], None]


class Refresher:
    """One refresh: a feed client and a page fetcher shared by every thread, and the overall deadline."""

    def __init__(
        self,
        library: Library,
        *,
        jobs: int = JOBS,
        timeout: float | None = None,
        limit: float = OVERALL_LIMIT,
        client_args: dict[str, Any] | None = None,
        fetcher_factory: Callable[[], Fetcher] | None = None,
    ):
        self.library = library
        self.jobs = max(1, jobs)
        self.limit = limit
        self.ends = time.monotonic() + limit
        from reader.importers.fetch import configured_allow_hosts
        from reader.importers.guard import AddressPolicy

        # Hosts of subscribed feeds count as named by the user (they may be local); so do the
        # config's [fetch] allow_hosts. Feeds and their pages share this policy.
        self.policy = AddressPolicy(configured_allow_hosts())
        for sub in library.feeds.subscriptions.all():
            self.policy.allow(sub.url)
        client_options: dict[str, Any] = {**(client_args or {})}
        if timeout:
            client_options["timeout"] = timeout
        self.timeout = timeout  # per request, for the feeds and their pages alike
        self.client = FeedClient(policy=self.policy, **client_options)
        self._fetcher_factory = fetcher_factory
        self._fetcher: Fetcher | None = None
        self._names_lock = threading.Lock()
        self._library_lock = threading.Lock()
        self._taken = {s.name.casefold() for s in library.feeds.subscriptions.all()}

    def __enter__(self) -> Refresher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        """The page fetcher, made by the first thread that needs one (under a lock: one for all)."""
        with self._names_lock:
            if self._fetcher is None:
                from reader.importers.fetch import Fetcher

                if self._fetcher_factory:
                    self._fetcher = self._fetcher_factory()
                else:
                    import httpx

                    from reader.importers.fetch import TIMEOUT

                    timeout = httpx.Timeout(self.timeout) if self.timeout else TIMEOUT
                    self._fetcher = Fetcher(policy=self.policy, timeout=timeout)
            return self._fetcher

    def fetch_page(self, url: str) -> Fetched:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise ImportError_(f"not fetched (the refresh's limit of {self.limit:.0f} s was reached)")
        fetcher = self.fetcher
        return fetcher.get(url, deadline=min(left, fetcher.deadline))

    # -- one feed ------------------------------------------------------------------------
    def refresh_feed(self, sub: Subscription, pages: ThreadPoolExecutor) -> FeedOutcome:
        outcome = FeedOutcome(sub, name=sub.name, title=sub.title)
        try:
            response = self.client.get(sub.url, sub.etag, sub.last_modified, self.ends)
        except FeedGone as exc:
            outcome.error, outcome.gone = str(exc), True
            return outcome
        except ImportError_ as exc:
            outcome.error = str(exc)
            return outcome
        outcome.moved_to = response.moved_to
        outcome.etag = response.etag or (sub.etag if response.not_modified else None)
        outcome.last_modified = response.last_modified or (sub.last_modified if response.not_modified else None)
        todo: list[tuple[str, Entry, SeenEntry | None, str]] = []
        if response.not_modified:
            outcome.not_modified = True
            feed = Feed(title=sub.title or sub.name, url=sub.url, entries=[])
        else:
            try:
                feed = parse_feed(response.data, sub.name, response.url, charset=response.charset)
            except ImportError_ as exc:
                outcome.error = str(exc)
                return outcome
            outcome.title = feed.title
            outcome.name = self._name_for(sub, feed.title)
            outcome.listed = set()
            for entry in feed.entries:
                key, digest = entry_key(entry), entry_digest(entry)
                outcome.listed.add(key)
                seen = sub.entries.get(key)
                if seen is None or seen.digest != digest or seen.wants_page:
                    todo.append((key, entry, seen, digest))
        listed = {key for key, *_ in todo}
        if sub.full_text != "never":  # pages that could not be had before are tried again
            for key, seen in sub.entries.items():
                stored = self._stored_entry(key, seen) if seen.wants_page and key not in listed else None
                if stored is not None:
                    todo.append((key, stored, seen, seen.digest))
        asked = itertools.count()  # pages this feed made us fetch (next() on a count is atomic)

        def fetch_page(url: str) -> Fetched:
            if next(asked) >= MAX_PAGES_PER_FEED:
                raise ImportError_(f"not fetched (a feed may fetch {MAX_PAGES_PER_FEED} pages per refresh)")
            return self.fetch_page(url)

        results = pages.map(lambda t: self._one(t, feed, sub, outcome.name, fetch_page), todo)
        for (key, *_), result in zip(todo, results, strict=True):
            if isinstance(result, str):
                outcome.skipped_entries.append(result)
                continue
            article, record = result
            if article is not None:
                outcome.articles.append(article)
            outcome.seen[key] = record
        return outcome

    def _name_for(self, sub: Subscription, title: str) -> str:
        """A feed named by nobody takes its own title, made unique among the subscriptions."""
        with self._names_lock:
            if sub.named or not title or title.casefold() == sub.name.casefold():
                return sub.name
            self._taken.discard(sub.name.casefold())
            name = unique_name(title, self._taken)
            self._taken.add(name.casefold())
            return name

    def _stored_entry(self, key: str, seen: SeenEntry) -> Entry | None:
        """An entry no longer in the feed whose page is still wanted: rebuilt from its stored article."""
        with self._library_lock:  # feed threads share the library's read cache
            article = self.library.get(seen.article_id)
        if article is None:
            return None
        # The page is at the entry's link, which the article keeps; the key is the entry's guid, which
        # only names the page when the feed uses links as guids (a guid such as "bridge-1" is no address).
        link = next((u for u in (article.url, key) if u and u.startswith(("http://", "https://"))), None)
        if link is None:
            return None
        return Entry(title=article.title, link=link, published=article.published, authors=list(article.authors))

    def _one(
        self,
        todo: tuple[str, Entry, SeenEntry | None, str],
        feed: Feed,
        sub: Subscription,
        name: str,
        fetch_page: Callable[[str], Fetched],
    ) -> tuple[Article | None, SeenEntry] | str:
        """The article of an entry to import (None when nothing changed) and its new record, or why
        an entry seen for the first time has no article at all."""
        key, entry, seen, digest = todo
        retry = seen is not None and seen.summary_only and seen.digest == digest
        try:
            article, problem = entry_to_article(entry, feed, sub.full_text, fetch_page)
        except ImportError_ as exc:
            if seen is None:
                return f"{entry.title or key}: {exc}"
            return None, replace(seen, page_tries=seen.page_tries + 1) if retry else seen  # the stored one stays
        if retry and problem is not None:  # the page is still missing: the stored summary stays as it is
            assert seen is not None
            return None, replace(seen, page_tries=seen.page_tries + 1)
        if seen is not None and seen.article_id:
            article = replace(article, id=seen.article_id)  # an edit or a page found later: the same article
        article.meta.update(feed=name, feed_id=sub.id)
        return article, SeenEntry(article.id, digest, summary_only=problem is not None, page_tries=int(bool(problem)))

    # -- every feed ----------------------------------------------------------------------
    def run(self, feeds: list[Subscription], progress: Progress | None = None) -> RefreshReport:
        report = RefreshReport()
        # Not ``with``: past the overall limit the refresh goes on without waiting for the threads,
        # which end by themselves at their deadlines.
        pool = ThreadPoolExecutor(self.jobs, thread_name_prefix="feed")
        pages = ThreadPoolExecutor(PAGE_JOBS, thread_name_prefix="page")
        futures = {pool.submit(self.refresh_feed, sub, pages): sub for sub in feeds}
        if progress:
            progress("Fetching", 0, len(feeds), "")
        timed_out = False
        try:
            left = max(0.0, self.ends - time.monotonic())
            for done, future in enumerate(concurrent.futures.as_completed(futures, timeout=left), 1):
                outcome = future.result()
                report.outcomes.append(outcome)
                if progress:
                    progress("Fetching", done, len(feeds), outcome.feed.name)
        except concurrent.futures.TimeoutError:
            timed_out = True
            limit = f"timed out (the refresh's overall limit of {self.limit:.0f} s was reached)"
            report.outcomes += [FeedOutcome(sub, error=limit) for future, sub in futures.items() if not future.done()]
        finally:
            # Waited for when all is done, so that no thread is left when the import forks its workers.
            pool.shutdown(wait=not timed_out, cancel_futures=True)
            pages.shutdown(wait=not timed_out, cancel_futures=True)
        order = {sub.id: i for i, sub in enumerate(feeds)}
        report.outcomes.sort(key=lambda o: order[o.feed.id])
        self._import(report, progress)
        record(self.library, report)
        return report

    def _import(self, report: RefreshReport, progress: Progress | None) -> None:
        owner: dict[str, FeedOutcome] = {}

        def items() -> Iterator[ImportItem]:
            for outcome in report.outcomes:
                for article in outcome.articles:
                    owner[article.id] = outcome
                    kept = article.meta.get("page_error") if article.meta.get("summary_only") else None
                    note = f"kept the feed's summary ({kept})" if kept else None
                    yield ImportItem(f"{outcome.name or outcome.feed.name}: {article.title}", article, note=note)

        if not any(o.articles for o in report.outcomes):
            return
        report.imported = self.library.import_items(items(), stage_progress=progress)
        for article_id in report.imported.added:
            if article_id in owner:
                owner[article_id].added += 1
        for article_id in report.imported.updated:
            if article_id in owner:
                owner[article_id].updated += 1
