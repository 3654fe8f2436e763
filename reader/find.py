"""Find in an article: case- and accent-insensitive matches as offsets into the original body.

Whitespace in the needle matches any run of whitespace, so a phrase is found across line
wraps and hard-wrapped sources alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=8)
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text and, for each folded character, the index of its source character."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = ch.casefold() if ch.isascii() else _fold_char(ch)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), tuple(origin)


def fold(text: str) -> str:
    return _folded(text)[0]


def find_all(body: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``needle`` in ``body`` as (start, end) offsets."""
    words = fold(needle).split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    folded, origin = _folded(body)
    spans = []
    for match in pattern.finditer(folded):
        start = origin[match.start()]
        end = origin[match.end() - 1] + 1
        spans.append((start, end))
    return spans
