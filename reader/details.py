"""The user's own corrections of an article's details: title, source, author, date, URL.

An import can only know what the file says (a plain-text file has no source or date). What the user
sets is user data, like bookmarks: kept in the user state beside the store (the ``details`` table,
written atomically), never in the store, so a re-import of the same file leaves it alone; it is laid
over the article wherever the article is shown, listed, searched or exported.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from reader.models import Article
from reader.userstate import UserState

DETAILS = "details"
FIELDS = ("title", "source", "author", "published", "url")


class DetailsError(ValueError):
    """A value that cannot be a detail (a malformed date or link, an empty title)."""


def clean(field: str, value: str) -> str:
    """A detail as stored: trimmed and checked; '' clears it (the title cannot be cleared)."""
    value = " ".join(value.split())
    if field == "title" and not value:
        raise DetailsError("the title cannot be empty")
    if field == "published" and value:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise DetailsError(f"'{value}' is not a date: give it as YYYY-MM-DD, e.g. 2024-03-05") from None
    if field == "url" and value and not value.lower().startswith(("http://", "https://")):
        raise DetailsError(f"'{value}' is not a web link: it must start with http:// or https://")
    return value


def apply(article: Article, edits: dict[str, str] | None) -> Article:
    """``article`` with the user's details laid over it."""
    if not edits:
        return article
    changes: dict[str, Any] = {}
    for field, value in edits.items():
        if field == "author":
            changes["authors"] = [value] if value else []
        elif field == "published" or field == "url":
            changes[field] = value or None
        elif field in FIELDS:
            changes[field] = value
    return dataclasses.replace(article, **changes)


class Details:
    """The ``details`` table of the user state: article id -> the fields the user set."""

    def __init__(self, state: UserState) -> None:
        self.state = state

    def all(self) -> dict[str, dict[str, str]]:
        return {k: v for k, v in self.state.read_table(DETAILS).items() if isinstance(v, dict)}

    def get(self, article_id: str) -> dict[str, str]:
        return dict(self.all().get(article_id) or {})

    def set(self, article_id: str, **values: str | None) -> dict[str, str]:
        """Set the given fields (None: unchanged); returns the article's details as saved."""
        cleaned = {f: clean(f, v) for f, v in values.items() if v is not None and f in FIELDS}

        def change(table: dict[str, Any]) -> dict[str, str]:
            entry = {**(table.get(article_id) or {}), **cleaned}
            table[article_id] = entry
            return dict(entry)

        saved: dict[str, str] = self.state.update_table(DETAILS, change)
        return saved
