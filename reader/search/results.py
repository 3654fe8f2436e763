"""Search results: hits with plain-text snippets and highlight spans, so any UI can style them safely."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]
SNIPPET_CHARS = 200
CONTEXT_CHARS = 50
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    source: str
    published: str | None
    snippet: str  # plain text, newlines turned into spaces
    highlights: tuple[Span, ...]  # matched words, offsets into ``snippet``
    score: float
    offsets: tuple[Span, ...] = ()  # every matched word in the article body, in order
    title_highlights: tuple[Span, ...] = ()  # matched words in ``title``

    @property
    def first_offset(self) -> int | None:
        """Where the article should open: at the first hit in the body."""
        return self.offsets[0][0] if self.offsets else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "snippet": self.snippet,
            "highlights": [list(s) for s in self.highlights],
            "score": round(self.score, 4),
            "offsets": [list(s) for s in self.offsets],
            "title_highlights": [list(s) for s in self.title_highlights],
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    total: int  # every matching article, not only those returned
    hits: list[Hit] = field(default_factory=list)
    notes: tuple[str, ...] = ()  # how a malformed part of the query was read
    ranked: bool = True  # False when only dates were asked for: the hits are newest first, unscored

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"query": self.query, "total": self.total, "hits": [h.to_dict() for h in self.hits]}
        if self.notes:
            data["notes"] = list(self.notes)
        if not self.ranked:
            data["ranked"] = False  # newest first; the score is not a relevance
        return data


def within(spans: list[Span], regions: Sequence[Sequence[int]]) -> list[Span]:
    """The spans that lie inside one of the (sorted) regions, e.g. inside quotation marks."""
    starts = [r[0] for r in regions]
    kept = []
    for start, end in spans:
        i = bisect_left(starts, start + 1) - 1
        if i >= 0 and regions[i][0] <= start and end <= regions[i][1]:
            kept.append((start, end))
    return kept


def snippet(body: str, spans: Sequence[Span], width: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...]]:
    """A window of ``body`` around the densest run of hits, cut at spaces, with the hits' spans in it."""
    if not body:
        return "", ()
    if spans:
        best, best_count, j = 0, 0, 0
        for i, (start, _) in enumerate(spans):  # the window starting at hit i that holds the most hits
            j = max(j, i)
            while j + 1 < len(spans) and spans[j + 1][1] <= start + width - CONTEXT_CHARS:
                j += 1
            if j - i + 1 > best_count:
                best, best_count = i, j - i + 1
        start = max(0, spans[best][0] - CONTEXT_CHARS)
    else:
        start = 0
    if start > 0:
        space = body.find(" ", start, start + 20)
        start = space + 1 if space >= 0 else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    lead = ELLIPSIS if start > 0 else ""
    piece = body[start:end].replace("\n", " ")
    text = lead + piece.strip(" ") + (ELLIPSIS if end < len(body) else "")
    shift = len(lead) - (len(piece) - len(piece.lstrip(" ")))
    marks = tuple(
        (max(s, start) - start + shift, min(e, end) - start + shift) for s, e in spans if s < end and e > start
    )
    return text, tuple((s, e) for s, e in marks if 0 <= s < e <= len(text))
