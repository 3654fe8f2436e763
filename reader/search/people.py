"""Who said what across the library: every quote by one person, and the most quoted people and
most cited sources. Computed from the stored analyses, names compared without case or accents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.models import Article
from reader.search.query import fold


@dataclass(frozen=True, slots=True)
class QuoteHit:
    article_id: str
    title: str
    source: str
    published: str | None
    speaker: str
    text: str
    start: int
    end: int
    corrected: bool = False  # the speaker is the user's correction

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.corrected:
            data["corrected"] = True
        return data


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int  # quotes for a person; articles citing it for a source
    articles: int
    kind: str | None = None  # a source's kind (outlet, organization ...)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "articles": self.articles, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Overview:
    people: list[Count] = field(default_factory=list)  # most quoted first
    sources: list[Count] = field(default_factory=list)  # most cited first
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "people": [c.to_dict() for c in self.people],
            "sources": [c.to_dict() for c in self.sources],
        }


def _names_of(article: Article, speaker: str) -> set[str]:
    """The folded names a speaker goes by in one article: the name itself and its aliases there."""
    names = {fold(speaker)}
    for person in article.analysis.people if article.analysis else ():
        if fold(person.name) in names:
            names |= {fold(alias) for alias in person.aliases}
    return names


def quotes_by(articles: Iterable[Article], person: str) -> list[QuoteHit]:
    """Every quote spoken by ``person`` (full name or an alias), newest article first."""
    wanted = fold(person)
    if not wanted:
        return []
    found: list[tuple[str, QuoteHit]] = []
    for article in articles:
        if not article.analysis:
            continue
        known: dict[str, bool] = {}
        for quote in article.analysis.quotes:
            if quote.scare or not quote.speaker:
                continue
            if quote.speaker not in known:
                known[quote.speaker] = wanted in _names_of(article, quote.speaker)
            if known[quote.speaker]:
                hit = QuoteHit(
                    article.id,
                    article.title,
                    article.source,
                    article.published,
                    quote.speaker,
                    quote.text,
                    quote.start,
                    quote.end,
                    quote.corrected,
                )
                found.append((article.published or article.imported_at or "", hit))
    found.sort(key=lambda pair: (pair[0], pair[1].article_id, -pair[1].start), reverse=True)
    return [hit for _, hit in found]


def overview(articles: Iterable[Article], limit: int = 10) -> Overview:
    """The most quoted people (by quotes) and the most cited sources (by articles citing them)."""
    quotes: Counter[str] = Counter()
    quoted_in: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    shown: dict[str, str] = {}  # folded name -> the name as first written
    kinds: dict[str, str] = {}
    total = 0
    for article in articles:
        total += 1
        if not article.analysis:
            continue
        speakers: Counter[str] = Counter()
        for quote in article.analysis.quotes:
            if quote.speaker and not quote.scare and quote.speaker_type in (None, "person"):
                key = fold(quote.speaker)
                shown.setdefault(key, quote.speaker)
                speakers[key] += 1
        quotes.update(speakers)
        quoted_in.update(speakers.keys())
        for source in article.analysis.sources:
            key = "source:" + fold(source.name)
            shown.setdefault(key, source.name)
            kinds.setdefault(key, source.kind)
            mentions[key] += max(1, len(source.mentions))
        cited.update({"source:" + fold(s.name) for s in article.analysis.sources})

    def top(counter: Counter[str], articles_of: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda kv: (-kv[1], -articles_of[kv[0]], shown[kv[0]].casefold()))[:limit]

    people = [Count(shown[k], n, quoted_in[k]) for k, n in top(quotes, quoted_in)]
    sources = [Count(shown[k], n, n, kinds.get(k)) for k, n in top(cited, mentions)]
    return Overview(people=people, sources=sources, articles=total)
