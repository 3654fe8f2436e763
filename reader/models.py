"""Plain data classes shared by the core, the CLI and the UI.

Every offset is a character offset into ``Article.body``, the canonical plain text
(paragraphs separated by one blank line).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None
    scare: bool = False
    speaker_type: str | None = None  # "person", "organization", ... when the speaker is known
    # How the speaker was found (a short code, see reader.analysis.speakers) and how far to trust it.
    speaker_reason: str | None = None
    confidence: str | None = None  # "high" | "medium" | "low"

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "scare": self.scare,
        }
        if self.speaker_type is not None:
            data["speaker_type"] = self.speaker_type
        if self.speaker_reason is not None:
            data["speaker_reason"] = self.speaker_reason
        if self.confidence is not None:
            data["confidence"] = self.confidence
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            speaker=data.get("speaker"),
            scare=bool(data.get("scare", False)),
            speaker_type=data.get("speaker_type"),
            speaker_reason=data.get("speaker_reason"),
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "role": self.role,
            "mentions": [list(span) for span in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(
            name=data["name"],
            aliases=tuple(data.get("aliases") or ()),
            role=data.get("role"),
            mentions=tuple((int(a), int(b)) for a, b in data.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str  # outlet | organization | person | group | document
    url: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "aliases": list(self.aliases),
            "mentions": [list(span) for span in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            name=data["name"],
            kind=data.get("kind", "organization"),
            url=data.get("url"),
            aliases=tuple(data.get("aliases") or ()),
            mentions=tuple((int(a), int(b)) for a, b in data.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str = ""
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        start, end = data.get("start"), data.get("end")
        return cls(
            url=data["url"],
            text=data.get("text") or "",
            start=None if start is None else int(start),
            end=None if end is None else int(end),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    version: str
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    sources: tuple[Source, ...] = ()
    links: tuple[Link, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
            "sources": [s.to_dict() for s in self.sources],
            "links": [link.to_dict() for link in self.links],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            version=str(data.get("version", "")),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            people=tuple(Person.from_dict(p) for p in data.get("people") or ()),
            sources=tuple(Source.from_dict(s) for s in data.get("sources") or ()),
            links=tuple(Link.from_dict(link) for link in data.get("links") or ()),
        )


def make_article_id(url: str | None, title: str, source: str) -> str:
    """A stable id: from the canonical URL when there is one, else from title and source.

    Re-importing the same article therefore updates it in place instead of duplicating it.
    """
    key = f"url:{url.strip()}" if url else f"title:{title.strip().casefold()}\x1fsource:{source.strip().casefold()}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=2)
def _word_count(body: str) -> int:
    """Counted once per body: the article screen's title asks twice, and 10 MB take 0.2 s to split."""
    return len(body.split())


@dataclass(slots=True)
class Article:
    id: str
    title: str
    body: str
    source: str = ""
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    authors: list[str] = field(default_factory=list)
    imported_at: str = ""
    truncated: bool = False
    meta: dict[str, Any] = field(default_factory=dict)  # counters, origin path, site name ...
    links: list[Link] = field(default_factory=list)  # anchors kept by the importer
    analysis: Analysis | None = None

    @property
    def words(self) -> int:
        return _word_count(self.body)

    def to_dict(self) -> dict[str, Any]:
        # By hand: dataclasses.asdict deep-copies every quote and mention, a tenth of an import's time.
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "authors": list(self.authors),
            "imported_at": self.imported_at,
            "truncated": self.truncated,
            "meta": copy.deepcopy(self.meta),
            "links": [link.to_dict() for link in self.links],
            "analysis": self.analysis.to_dict() if self.analysis else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        analysis = data.get("analysis")
        return cls(
            id=data["id"],
            title=data.get("title") or "",
            body=data.get("body") or "",
            source=data.get("source") or "",
            url=data.get("url"),
            published=data.get("published"),
            authors=list(data.get("authors") or ()),
            imported_at=data.get("imported_at") or "",
            truncated=bool(data.get("truncated", False)),
            meta=dict(data.get("meta") or {}),
            links=[Link.from_dict(link) for link in data.get("links") or ()],
            analysis=Analysis.from_dict(analysis) if analysis else None,
        )

    def summary(self) -> dict[str, Any]:
        """The row shape of ``reader list --json`` (bookmarks are added by the library)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "words": self.words,
            "quotes": sum(1 for q in self.analysis.quotes if not q.scare) if self.analysis else 0,
        }


@dataclass
class ImportReport:
    """What an import did: article ids added, updated and unchanged, and the items that failed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)

    @property
    def ok(self) -> bool:
        return not self.failed
