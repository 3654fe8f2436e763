"""Where a query's words occur in a text, as character offsets, matching exactly what the index matched.

Two ways, same answers: a regular expression run over the text folded character for character
(fast), and the index's own tokenizer (slower), used for texts holding characters that fold to
more than one letter (ß, æ, œ ...), where folding would move the offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from reader.search.query import Term, analyzer

Span = tuple[int, int]
_WORD_END = r"(?![^\W_])"
_SEPARATOR = r"[\W_]+"
_LETTER_RUN = r"[^\W_]*"


class _SeveralLettersError(Exception):
    """A character that folds to several letters: offsets would move, so the tokenizer is used."""


@lru_cache(maxsize=1)
def _folding() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """How the analyzer folds single characters: a map to one lower-case letter or to "" when it
    folds to several letters, a pattern finding them all, and one finding the latter alone."""
    table: dict[str, str] = {}
    ranges = (range(0xC0, 0x250), range(0x1E00, 0x1F00), range(0x2070, 0x20A0), range(0xFF10, 0xFF5B), [0x130])
    for code in chain(*ranges):
        char = chr(code)
        folded = analyzer().analyze(char)
        if len(folded) == 1 and folded[0] != char:
            table[char] = folded[0] if len(folded[0]) == 1 else ""
    special = re.compile("[" + re.escape("".join(table)) + "]")
    multi = re.compile("[" + re.escape("".join(c for c, f in table.items() if not f)) + "]")
    return table, special, multi


def _fold_char(match: re.Match[str]) -> str:
    folded = _folding()[0][match.group()]
    if not folded:
        raise _SeveralLettersError
    return folded


def fold_text(text: str) -> str | None:
    """``text`` folded like the analyzer folds words, character for character (so offsets carry over);
    None when a character folds to several letters."""
    special = _folding()[1]
    if special.search(text):
        try:
            text = special.sub(_fold_char, text)
        except _SeveralLettersError:
            return None
    return text.lower()


@lru_cache(maxsize=256)
def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=lambda t: -len(t.words)):  # longer phrases first where they overlap
        body = _SEPARATOR.join(re.escape(w) for w in term.words)
        parts.append(body + (_LETTER_RUN if term.prefix else _WORD_END))
    return re.compile("|".join(parts))


def match_spans(text: str, terms: Sequence[Term]) -> list[Span]:
    """Offsets in ``text`` of the words the terms match, merged and in order."""
    if not terms or not text:
        return []
    folded = fold_text(text)
    if folded is None:
        return token_spans(text, terms)
    spans = []
    pattern = _pattern(tuple(terms))
    match = pattern.search(folded)
    while match:  # searched again from the next character, so overlapping phrases are all found
        start = match.start()
        if start == 0 or not folded[start - 1].isalnum():  # the match starts a word
            spans.append(match.span())
        match = pattern.search(folded, start + 1)
    return merge(spans)


def token_spans(text: str, terms: Sequence[Term]) -> list[Span]:
    """The same offsets found with the index's tokenizer itself."""
    tokens = analyzer().pre_tokenize(text).tokens
    words = [t.text for t in tokens]
    exact = {t.words[0] for t in terms if not (t.prefix and len(t.words) == 1)}
    prefixes = tuple(t.words[0] for t in terms if t.prefix and len(t.words) == 1)
    starts = [i for i, w in enumerate(words) if w in exact or (prefixes and w.startswith(prefixes))]
    spans: list[Span] = []
    for i in starts:
        for term in terms:
            end = i + len(term.words) - 1
            if end < len(words) and _matches_at(words, i, term):
                spans.append((tokens[i].char_offset_from, tokens[end].char_offset_to))
    return merge(spans)


def _matches_at(words: list[str], i: int, term: Term) -> bool:
    last = len(term.words) - 1
    for k, wanted in enumerate(term.words):
        got = words[i + k]
        if not (got.startswith(wanted) if term.prefix and k == last else got == wanted):
            return False
    return True


def merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
