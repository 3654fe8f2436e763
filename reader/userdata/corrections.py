"""Corrections of the analysis by the user, kept in the user-state file beside bookmarks.

A correction says what the user decided (this quote is by X, this name is a place) and where it
applies: the quote or mention it concerns is anchored like a bookmark (text, context, offsets), and
people and sources are named. Nothing here changes an analysis: ``reader.userdata.apply`` lays the
corrections over one each time it is shown, so they outlive re-analysis and re-imports.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from reader.anchoring import Anchor
from reader.models import Person
from reader.text import clean_line
from reader.userdata import CORRECTIONS
from reader.userstate import UserState

# Kinds of correction, and what ``subject`` and ``value`` hold for each.
SPEAKER = "speaker"  # anchor: the quote; value: the speaker's name, None for "unknown"
SPEECH = "speech"  # anchor: the quote; value: "speech" (reported speech) or "scare" (a quoted term)
NOT_PERSON = "not-person"  # subject: the name; value: None, "organization" or "place"; may be everywhere
RENAME = "rename"  # subject: the name as the analysis has it; value: the new name
ROLE = "role"  # subject: the person; value: the role ("" clears it)
MERGE = "merge"  # subject: the person merged away; value: the person kept
ADD_SOURCE = "add-source"  # subject: the source's name; value: its kind; anchor: the passage, if any
REMOVE_SOURCE = "remove-source"  # subject: the source's name
SOURCE_KIND = "source-kind"  # subject: the source's name; value: its kind
KINDS = (SPEAKER, SPEECH, NOT_PERSON, RENAME, ROLE, MERGE, ADD_SOURCE, REMOVE_SOURCE, SOURCE_KIND)
QUOTE_KINDS = (SPEAKER, SPEECH)
NOT_PERSON_AS = ("organization", "place")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def folded(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def find_person(people: Sequence[Person], name: str | None) -> int | None:
    """The index of the person called ``name`` (full name or alias), else of the only one whose
    surname it is: what a user types is often just "Latushko"."""
    wanted = folded(name)
    if not wanted:
        return None
    for index, person in enumerate(people):
        if wanted in {folded(person.name), *(folded(a) for a in person.aliases)}:
            return index
    if " " in wanted:
        return None
    by_surname = [i for i, p in enumerate(people) if folded(p.name).split()[-1:] == [wanted]]
    return by_surname[0] if len(by_surname) == 1 else None


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    kind: str
    article_id: str  # the article it was made in (a library-wide one applies to every article)
    article_title: str  # kept so that an orphan still says where it came from
    anchor: Anchor | None = None
    subject: str = ""
    value: str | None = None
    everywhere: bool = False
    created: str = ""
    replaces: dict[str, Any] | None = None  # the correction this one took the place of, put back by undo

    def key(self) -> tuple[Any, ...]:
        """What the correction is about: a newer one with the same key takes its place."""
        where = "*" if self.everywhere else self.article_id
        if self.kind in QUOTE_KINDS and self.anchor is not None:
            return (self.kind, where, self.anchor.exact, self.anchor.start)
        return (self.kind, where, folded(self.subject))

    def describe(self) -> str:
        """One line for lists and notifications."""
        quote = f"“{_short(self.anchor.exact)}”" if self.anchor is not None else ""
        if self.kind == SPEAKER:
            return f"speaker of {quote} → {self.value or 'unknown'}"
        if self.kind == SPEECH:
            return f"{quote} is {'a quoted term, not reported speech' if self.value == 'scare' else 'reported speech'}"
        if self.kind == NOT_PERSON:
            what = f"an {self.value}" if self.value == "organization" else f"a {self.value}" if self.value else ""
            return f"{self.subject} is not a person{' but ' + what if what else ''}" + (
                " (everywhere)" if self.everywhere else ""
            )
        if self.kind == RENAME:
            return f"{self.subject} renamed {self.value}"
        if self.kind == ROLE:
            return f"role of {self.subject} → {self.value or '(none)'}"
        if self.kind == MERGE:
            return f"{self.subject} merged into {self.value}"
        if self.kind == ADD_SOURCE:
            return f"source added: {self.subject} ({self.value})"
        if self.kind == REMOVE_SOURCE:
            return f"source removed: {self.subject}"
        if self.kind == SOURCE_KIND:
            return f"source {self.subject} is of kind {self.value}"
        return self.kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "anchor": self.anchor.to_dict() if self.anchor is not None else None,
            "subject": self.subject,
            "value": self.value,
            "everywhere": self.everywhere,
            "created": self.created,
            "replaces": self.replaces,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown kind of correction '{kind}'")
        anchor = data.get("anchor")
        value = data.get("value")
        replaces = data.get("replaces")
        return cls(
            id=str(data["id"]),
            kind=kind,
            article_id=str(data["article_id"]),
            article_title=str(data.get("article_title") or ""),
            anchor=Anchor.from_dict(anchor) if isinstance(anchor, dict) else None,
            subject=str(data.get("subject") or ""),
            value=None if value is None else str(value),
            everywhere=bool(data.get("everywhere", False)),
            created=str(data.get("created") or ""),
            replaces=replaces if isinstance(replaces, dict) else None,
        )


def _short(text: str, width: int = 48) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def clean_name(name: str | None) -> str:
    """A name or role as typed: one line, no control characters, single spaces."""
    return clean_line(name or "").strip()


class Corrections:
    """The corrections table of the user-state file: every change is one atomic write under its lock."""

    def __init__(self, state: UserState, clock: Callable[[], str] = now_iso):
        self.state = state
        self.clock = clock

    def _load(self) -> dict[str, Correction]:
        return self.state.read_entries(CORRECTIONS, Correction.from_dict)

    def all(self) -> list[Correction]:
        """Every correction, oldest first: the order they are applied in."""
        return sorted(self._load().values(), key=lambda c: (c.created, c.id))

    def __len__(self) -> int:
        return len(self._load())

    def for_article(self, article_id: str) -> list[Correction]:
        return [c for c in self.all() if c.article_id == article_id or c.everywhere]

    def add(
        self,
        kind: str,
        article_id: str,
        article_title: str,
        *,
        anchor: Anchor | None = None,
        subject: str = "",
        value: str | None = None,
        everywhere: bool = False,
    ) -> Correction:
        """Record a correction; one about the same thing (same quote, same name) is replaced, and kept
        inside the new one so that undo brings it back."""
        correction = Correction(
            id=uuid.uuid4().hex[:12],
            kind=kind,
            article_id=article_id,
            article_title=article_title,
            anchor=anchor,
            subject=subject,
            value=value,
            everywhere=everywhere,
            created=self.clock(),
        )
        key = correction.key()

        def change(table: dict[str, Any]) -> Correction:
            nonlocal correction
            for old_id, doc in list(table.items()):
                try:
                    old = Correction.from_dict(doc)
                except (KeyError, TypeError, ValueError):
                    continue
                if old.key() == key:
                    correction = replace(correction, replaces=doc)
                    del table[old_id]
            table[correction.id] = correction.to_dict()
            return correction

        return self.state.update_table(CORRECTIONS, change)  # type: ignore[no-any-return]

    def undo(self, article_id: str) -> Correction | None:
        """Take back the newest correction made in an article (putting back the one it replaced)."""

        def change(table: dict[str, Any]) -> Correction | None:
            mine: list[Correction] = []
            for doc in table.values():
                try:
                    correction = Correction.from_dict(doc)
                except (KeyError, TypeError, ValueError):
                    continue
                if correction.article_id == article_id:
                    mine.append(correction)
            if not mine:
                return None
            newest = max(mine, key=lambda c: (c.created, c.id))
            del table[newest.id]
            if newest.replaces is not None and "id" in newest.replaces:
                table[str(newest.replaces["id"])] = newest.replaces
            return newest

        return self.state.update_table(CORRECTIONS, change)  # type: ignore[no-any-return]


def by_article(corrections: Iterable[Correction]) -> tuple[dict[str, list[Correction]], list[Correction]]:
    """(article id -> its own corrections, the library-wide ones), each oldest first."""
    mine: dict[str, list[Correction]] = {}
    everywhere: list[Correction] = []
    for correction in sorted(corrections, key=lambda c: (c.created, c.id)):
        if correction.everywhere:
            everywhere.append(correction)
        else:
            mine.setdefault(correction.article_id, []).append(correction)
    return mine, everywhere
