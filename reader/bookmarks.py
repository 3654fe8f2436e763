"""Bookmarked passages with notes and tags, kept in the user-state file and placed again on demand.

A bookmark never changes when its article does: its anchor is what the user chose. Where the
passage lies now (anchored, moved, orphaned) is worked out against the current body each time.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from reader.anchoring import ORPHANED, Anchor, Placement, make_anchor, reanchor
from reader.models import Article
from reader.text import clean_line, strip_controls
from reader.userstate import UserState

BOOKMARKS = "bookmarks"


class BookmarkNotFound(LookupError):
    pass


def now_iso() -> str:
    """Creation times to the microsecond, so that 'newest first' holds for bookmarks made quickly."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def clean_note(note: str) -> str:
    """A note keeps its line breaks but loses control characters and stray spacing."""
    lines = [clean_line(line) for line in strip_controls(note).split("\n")]
    return "\n".join(lines).strip()


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without '#', commas split, duplicates (ignoring case) dropped, first spelling kept."""
    seen: dict[str, str] = {}
    for raw in tags:
        for part in str(raw).split(","):
            tag = clean_line(part).lstrip("#").strip()
            if tag and tag.casefold() not in seen:
                seen[tag.casefold()] = tag
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    article_id: str
    article_title: str  # kept so that an orphan still says where it came from
    anchor: Anchor
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""

    @property
    def text(self) -> str:
        return self.anchor.exact

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "anchor": self.anchor.to_dict(),
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bookmark:
        return cls(
            id=str(data["id"]),
            article_id=str(data["article_id"]),
            article_title=str(data.get("article_title") or ""),
            anchor=Anchor.from_dict(data["anchor"]),
            note=str(data.get("note") or ""),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            created=str(data.get("created") or ""),
            updated=str(data.get("updated") or data.get("created") or ""),
        )


@dataclass(frozen=True, slots=True)
class PlacedBookmark:
    """A bookmark with where its passage is in the current article (None when orphaned)."""

    bookmark: Bookmark
    placement: Placement
    article_title: str
    current_text: str | None = None

    @property
    def id(self) -> str:
        return self.bookmark.id

    @property
    def article_id(self) -> str:
        return self.bookmark.article_id

    @property
    def status(self) -> str:
        return self.placement.status

    @property
    def start(self) -> int | None:
        return self.placement.start

    @property
    def end(self) -> int | None:
        return self.placement.end

    def to_dict(self) -> dict[str, Any]:
        """The row of ``reader bookmarks list --json`` (DESIGN.md), plus where the passage is now."""
        b = self.bookmark
        return {
            "id": b.id,
            "article_id": b.article_id,
            "article_title": self.article_title,
            "text": b.text,
            "note": b.note,
            "tags": list(b.tags),
            "created": b.created,
            "status": self.status,
            "updated": b.updated,
            "start": self.start,
            "end": self.end,
            "current_text": self.current_text,
        }


@functools.lru_cache(maxsize=512)
def _placement(anchor: Anchor, body: str) -> Placement:
    return reanchor(anchor, body)


def place(bookmark: Bookmark, article: Article | None) -> PlacedBookmark:
    """Resolve one bookmark against the article as it is now; a missing article orphans it."""
    if article is None or article.id != bookmark.article_id:
        return PlacedBookmark(bookmark, Placement(ORPHANED), bookmark.article_title)
    placement = _placement(bookmark.anchor, article.body)
    text = article.body[placement.start : placement.end] if placement.start is not None else None
    return PlacedBookmark(bookmark, placement, article.title or bookmark.article_title, text)


def newest_first(items: Iterable[Bookmark]) -> list[Bookmark]:
    return sorted(items, key=lambda b: (b.created, b.id), reverse=True)


def matches(item: PlacedBookmark, query: str) -> bool:
    """Filter by text or tag: '#tag' matches tags only; other words must each appear somewhere."""
    words = query.casefold().split()
    tags = [t.casefold() for t in item.bookmark.tags]
    haystack = "\n".join(
        [item.bookmark.text, item.current_text or "", item.bookmark.note, item.article_title, *item.bookmark.tags]
    ).casefold()
    for word in words:
        if word.startswith("#") and len(word) > 1:
            if not any(tag.startswith(word[1:]) for tag in tags):
                return False
        elif word not in haystack:
            return False
    return True


def group_by_article(items: Iterable[PlacedBookmark]) -> list[tuple[str, str, list[PlacedBookmark]]]:
    """(article id, title, bookmarks) groups, in the order their first (newest) bookmark comes."""
    groups: dict[str, tuple[str, str, list[PlacedBookmark]]] = {}
    for item in items:
        group = groups.setdefault(item.article_id, (item.article_id, item.article_title, []))
        group[2].append(item)
    return list(groups.values())


class Bookmarks:
    """The bookmarks table of the user-state file: every change is one atomic write under its lock."""

    def __init__(self, state: UserState, clock: Callable[[], str] = now_iso):
        self.state = state
        self.clock = clock

    def _load(self) -> dict[str, Bookmark]:
        return self.state.read_entries(BOOKMARKS, Bookmark.from_dict)

    def all(self) -> list[Bookmark]:
        return newest_first(self._load().values())

    def __len__(self) -> int:
        return len(self._load())

    def for_article(self, article_id: str) -> list[Bookmark]:
        return [b for b in self.all() if b.article_id == article_id]

    def counts(self) -> dict[str, int]:
        """Bookmarks per article id, orphans included: they still belong to it."""
        counts: dict[str, int] = {}
        for bookmark in self._load().values():
            counts[bookmark.article_id] = counts.get(bookmark.article_id, 0) + 1
        return counts

    def get(self, bookmark_id: str) -> Bookmark:
        """A bookmark by id or unique id prefix."""
        loaded = self._load()
        if bookmark_id in loaded:
            return loaded[bookmark_id]
        found = [b for key, b in loaded.items() if key.startswith(bookmark_id)] if len(bookmark_id) >= 4 else []
        if len(found) == 1:
            return found[0]
        what = "several bookmarks start with" if found else "no bookmark with id"
        raise BookmarkNotFound(f"{what} '{bookmark_id}' (see 'reader bookmarks list')")

    def add(self, article: Article, start: int, end: int, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark ``article.body[start:end]``; ValueError when the span holds no text."""
        stamp = self.clock()
        bookmark = Bookmark(
            id=uuid.uuid4().hex[:12],
            article_id=article.id,
            article_title=article.title,
            anchor=make_anchor(article.body, start, end),
            note=clean_note(note),
            tags=clean_tags(tags),
            created=stamp,
            updated=stamp,
        )
        self._put(bookmark)
        return bookmark

    def edit(self, bookmark_id: str, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark:
        """Change the note and/or the tags; the passage itself stays what the user chose."""
        bookmark = self.get(bookmark_id)
        changed = replace(
            bookmark,
            note=bookmark.note if note is None else clean_note(note),
            tags=bookmark.tags if tags is None else clean_tags(tags),
        )
        if changed != bookmark:
            changed = replace(changed, updated=self.clock())
            self._put(changed)
        return changed

    def delete(self, bookmark_id: str) -> Bookmark:
        """Remove a bookmark and return it, so that it can be restored (undo)."""
        bookmark = self.get(bookmark_id)

        def change(table: dict[str, Any]) -> None:
            table.pop(bookmark.id, None)

        self.state.update_table(BOOKMARKS, change)
        return bookmark

    def restore(self, bookmark: Bookmark) -> None:
        """Put back a deleted bookmark as it was, with its id and times."""
        self._put(bookmark)

    def _put(self, bookmark: Bookmark) -> None:
        doc = bookmark.to_dict()

        def change(table: dict[str, Any]) -> None:
            table[bookmark.id] = doc

        self.state.update_table(BOOKMARKS, change)

    def placed(self, articles: Callable[[str], Article | None], query: str = "") -> list[PlacedBookmark]:
        """Every bookmark, newest first, placed in its current article and filtered by ``query``."""
        cache: dict[str, Article | None] = {}
        result = []
        for bookmark in self.all():
            if bookmark.article_id not in cache:
                cache[bookmark.article_id] = articles(bookmark.article_id)
            item = place(bookmark, cache[bookmark.article_id])
            if not query or matches(item, query):
                result.append(item)
        return result
