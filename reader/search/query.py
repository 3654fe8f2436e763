"""The search query language, parsed into a small tree that knows nothing of the engine.

    ukraine "peace talks" kyiv OR kiev -opinion sanct* title:war person:"Pavel Kulazhanka"
    speaker:zelensky quote:surrender source:reuters feed:ledger after:2022-03 before:2023

Words are folded (case, accents) by the same analyzer the index uses, so a query matches
exactly what was indexed. Errors raise ``QueryError`` with a message meant for the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

TEXT_FIELDS = ("title", "source", "person", "speaker", "quote", "feed")
DATE_FIELDS = ("after", "before")
FIELD_NAMES = TEXT_FIELDS + DATE_FIELDS
_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
MAX_QUERY_CHARS = 1000

Analyze = Callable[[str], list[str]]


class QueryError(ValueError):
    """A query that cannot be read; the message says what is wrong and how to write it."""


@dataclass(frozen=True, slots=True)
class Term:
    """Folded words that must appear together, in order; ``prefix`` extends the last one."""

    words: tuple[str, ...]
    field: str | None = None  # None: title or body; else one of TEXT_FIELDS
    prefix: bool = False
    text: str = ""  # as typed

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True, slots=True)
class DateRange:
    """Published (else imported) date: on or after ``start``, strictly before ``end`` (UTC days)."""

    start: date | None = None
    end: date | None = None
    text: str = ""

    def bounds(self) -> tuple[int | None, int | None]:
        """Unix seconds: inclusive lower bound, exclusive upper bound."""

        def seconds(day: date | None) -> int | None:
            return None if day is None else int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())

        return seconds(self.start), seconds(self.end)


Clause = Term | DateRange


@dataclass(frozen=True, slots=True)
class Query:
    """All ``groups`` must match (each group is a list of alternatives joined by OR); no ``excluded`` may."""

    text: str
    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()
    notes: tuple[str, ...] = field(default=())  # parts of the query that were read in a lenient way

    @property
    def terms(self) -> list[Term]:
        """The positive terms, the ones to highlight."""
        return [c for group in self.groups for c in group if isinstance(c, Term)]

    @property
    def ranked(self) -> bool:
        """False when only dates and exclusions are given: then results go newest first."""
        return bool(self.terms)


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The text analyzer shared by indexing and querying: words of letters and digits, accents
    folded to ASCII, lower-cased."""
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(64))
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.lowercase())
        .build()
    )


def analyze(text: str) -> list[str]:
    from reader.text import drop_invisible

    return list(analyzer().analyze(drop_invisible(text)))


def fold(text: str) -> str:
    """A name or phrase reduced to its folded words, for comparing names regardless of case and accents."""
    return " ".join(analyze(text))


@dataclass(slots=True)
class _Lexeme:
    raw: str
    negated: bool = False
    field: str | None = None
    quoted: bool = False
    closed: bool = True  # False for a phrase whose closing quote is missing

    @property
    def operator(self) -> str | None:
        if self.quoted or self.field or self.negated:
            return None
        return {"OR": "OR", "|": "OR", "AND": "AND", "&&": "AND", "NOT": "NOT"}.get(self.raw)


def _lex(text: str) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        lexeme = _Lexeme("")
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            lexeme.negated = True
            i += 1
        match = _FIELD_PREFIX.match(text, i)
        if match and match.group(1).lower() in FIELD_NAMES:
            lexeme.field = match.group(1).lower()
            i = match.end()
        if i < n and text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                end, lexeme.closed = n, False
            lexeme.raw, lexeme.quoted = text[i + 1 : end], True
            i = end + 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            lexeme.raw = text[i:end]
            i = end
        lexemes.append(lexeme)
    return lexemes


def _parse_date(name: str, raw: str) -> date:
    """``2024``, ``2024-03`` or ``2024-03-15``: the first day of that year, month or day."""
    match = _DATE.fullmatch(raw.strip())
    example = f"{name}:2024, {name}:2024-03 or {name}:2024-03-15"
    if not raw.strip():
        raise QueryError(f"'{name}:' needs a date right after it, e.g. {example}")
    if not match:
        raise QueryError(f"'{name}:{raw}' is not a date; write {example}")
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        raise QueryError(f"'{name}:{raw}' is not a real date; write {example}") from None


def _clause(lexeme: _Lexeme, analyze_fn: Analyze) -> Clause | None:
    """The clause a lexeme stands for; None when it holds no searchable word (e.g. lone punctuation)."""
    name = lexeme.field
    if name in DATE_FIELDS:
        day = _parse_date(name, lexeme.raw)
        shown = f"{name}:{lexeme.raw}"
        return DateRange(start=day, text=shown) if name == "after" else DateRange(end=day, text=shown)
    raw = lexeme.raw.strip()
    if name and not raw:
        raise QueryError(f"'{name}:' needs a word or a \"phrase\" right after it, e.g. {name}:ukraine")
    prefix = raw.endswith("*")
    words = tuple(analyze_fn(raw.rstrip("*")))
    if not words:
        if name:
            raise QueryError(f"'{name}:{lexeme.raw}' has no letters or digits to search for")
        return None
    shown = f'"{lexeme.raw}"' if lexeme.quoted else lexeme.raw
    return Term(words=words, field=name, prefix=prefix, text=f"{name}:{shown}" if name else shown)


def parse(text: str, analyze_fn: Analyze | None = None) -> Query:
    """Read a query. Raises ``QueryError`` (with a message for the user) when it cannot be read."""
    analyze_fn = analyze_fn or analyze
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    lexemes = _lex(text)
    notes: list[str] = []
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    pending_or = False  # the previous lexeme was OR
    last_positive = False  # the previous item was a positive clause a following OR can join
    negate_next = False
    for position, lexeme in enumerate(lexemes):
        op = lexeme.operator
        if op == "OR":
            if not last_positive or pending_or or position == len(lexemes) - 1:
                raise QueryError("'OR' needs a search term on each side, e.g. kyiv OR kiev")
            pending_or = True
            continue
        if op == "AND":
            if pending_or:
                raise QueryError("'OR' needs a search term on each side, e.g. kyiv OR kiev")
            continue
        if op == "NOT":
            if position == len(lexemes) - 1:
                raise QueryError("'NOT' needs a term after it, e.g. NOT opinion (or -opinion)")
            negate_next = True
            continue
        if not lexeme.closed:
            notes.append(f"the quote opened in {lexeme.raw!r} is not closed: read as a phrase to the end")
        clause = _clause(lexeme, analyze_fn)
        negated = lexeme.negated or negate_next
        negate_next = False
        if negated:
            if pending_or:
                raise QueryError(f"an excluded term ('-{lexeme.raw}') cannot be one side of OR")
            if clause is not None:
                excluded.append(clause)
            last_positive = False
            continue
        if clause is None:
            if not pending_or:
                last_positive = False
            continue
        if pending_or and groups:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or, last_positive = False, True
    if not groups and not excluded:
        raise QueryError('nothing to search for: type words, "a phrase", or a filter like title:word')
    return Query(text=text, groups=tuple(tuple(g) for g in groups), excluded=tuple(excluded), notes=tuple(notes))


def describe(query: Query) -> str:
    """The query as it was understood, for messages and the help screen."""

    def one(clause: Clause) -> str:
        return clause.text

    parts = [" OR ".join(one(c) for c in group) for group in query.groups]
    parts += [f"-{one(c)}" for c in query.excluded]
    return " ".join(f"({p})" if " OR " in p and len(query.groups) + len(query.excluded) > 1 else p for p in parts)


def terms_for(query: Query, fields: Sequence[str | None]) -> list[Term]:
    return [t for t in query.terms if t.field in fields]
