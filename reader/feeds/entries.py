"""Feed entries from one refresh to the next: what identifies one, what tells it was edited, and the
article it becomes with the user's full-text mode."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.importers.feeds import Entry, Feed, entry_article
from reader.models import Article

if TYPE_CHECKING:
    from reader.importers.fetch import Fetched


def entry_key(entry: Entry) -> str:
    """What identifies an entry from one refresh to the next: its id (guid), else its link, else its
    title and date."""
    return entry.guid or entry.link or f"{entry.title}\x1f{entry.published or ''}"


def entry_digest(entry: Entry) -> str:
    """Changes when the feed edits the entry (title, date, text or link)."""
    raw = "\x1f".join((entry.title, entry.link or "", entry.published or "", entry.content_html))
    return hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]


def entry_to_article(
    entry: Entry, feed: Feed, mode: str, fetch_page: Callable[[str], Fetched]
) -> tuple[Article, str | None]:
    """The article of an entry, and why its page could not be had when only the feed's own text was
    kept (``summary_only`` in its meta). ``auto`` fetches the page of a teaser (``needs_page``),
    ``always`` of every entry with a link, ``never`` none. ImportError_ when there is no text at all."""
    if mode == "never":
        return entry_article(entry, feed, None), None
    # entry_article fetches the page of an entry shorter than a full text: with ``always``, any entry.
    asked = replace(entry, text_length=0) if mode == "always" and entry.link else entry
    article = entry_article(asked, feed, fetch_page)
    return article, str(article.meta.get("page_error") or "page") if article.meta.get("summary_only") else None
