"""Find in an article: case- and accent-insensitive matches as offsets into the original body.

Whitespace in the needle matches any run of whitespace, so a phrase is found across line
wraps and hard-wrapped sources alike.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _Folded:
    """A folded text and the way back from its offsets to the source's.

    Lowered in one pass, then each distinct non-ASCII character is folded once and replaced where it
    occurs, so a 10 MB body folds in a fraction of a second. Only characters that fold to other than
    one character (ß -> ss, an accent alone -> nothing) shift offsets; their places are kept, and an
    offset maps back by bisection.
    """

    def __init__(self, text: str) -> None:
        lowered = text.lower()  # ASCII and most letters in one C pass
        if len(lowered) != len(text):  # a letter that lowers to two (İ): fold every character
            lowered, chars = text, set(text)
        else:
            chars = set(_NON_ASCII.findall(lowered))
        table: dict[str, str] = {}
        for ch in chars:
            folded = ch.casefold() if ch.isascii() else _fold_char(ch)
            if folded != ch:
                table[ch] = folded
        # For each character whose fold is not one character long: where its fold starts in the
        # folded text, where it is in the source, and how long its fold is.
        self._folded_at: list[int] = []
        self._source_at: list[int] = []
        self._length: list[int] = []
        if not table:
            self.text = lowered
            return
        pattern = re.compile("[" + "".join(re.escape(ch) for ch in table) + "]")
        self.text = pattern.sub(lambda match: table[match.group()], lowered)
        shift = 0
        odd = [ch for ch, folded in table.items() if len(folded) != 1]
        for match in re.finditer("[" + "".join(re.escape(ch) for ch in odd) + "]", lowered) if odd else ():
            length = len(table[match.group()])
            self._folded_at.append(match.start() + shift)
            self._source_at.append(match.start())
            self._length.append(length)
            shift += length - 1

    def source(self, index: int) -> int:
        """The source offset of the character the folded ``index`` came from."""
        k = bisect.bisect_right(self._folded_at, index) - 1
        if k < 0:
            return index
        start, length = self._folded_at[k], self._length[k]
        if index < start + length:
            return self._source_at[k]
        return self._source_at[k] + 1 + index - (start + length)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8)
def _folded(text: str) -> _Folded:
    return _Folded(text)


def fold(text: str) -> str:
    return _folded(text).text


def find_all(body: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``needle`` in ``body`` as (start, end) offsets."""
    words = fold(needle).split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    folded = _folded(body)
    if not folded._folded_at:  # offsets unchanged by folding: the usual case
        return [match.span() for match in pattern.finditer(folded.text)]
    return [(folded.source(m.start()), folded.source(m.end() - 1) + 1) for m in pattern.finditer(folded.text)]
