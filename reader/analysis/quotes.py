"""Quote spans: pairs of quote marks, nested quotes, quotes running over paragraphs.

Works on any text: unbalanced or stray marks are skipped, never raised on. Apostrophes inside
words (don't, Russia’s) are not quote marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reader.text import paragraph_spans

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
OPEN_BEFORE = " \t\n([{—–-/:;,"  # characters after which a straight mark opens a quote
MASK = "\ue000"  # stands for a character inside a quote in the masked text
MAX_OUTSIDE_SINGLE_WORDS = 8  # single-quoted phrases outside double quotes: headline-style terms only
HEADLINE_WORDS = 15  # a paragraph this short holding such a phrase is a headline or a subhead

# Only the few marks in a text are looked at; the scans jump from one to the next.
_SINGLE_MARKS = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + "'") + "]")
_NOT_NEWLINE = re.compile("[^\n]")
_DOUBLE_MARKS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + '"') + "]")
# Feet and inches with straight marks, ending at the inch mark: 6'5", 5' 11".
_INCHES = re.compile(r"(?<![\w.])\d['’]\s?\d{1,2}\"$")


@dataclass(slots=True)
class RawQuote:
    start: int  # first character inside the marks (whitespace trimmed)
    end: int
    open_mark: int  # offset of the opening mark, or of the paragraph start for a continuation
    close_mark: int | None  # offset of the closing mark, None when the paragraph ends first
    paragraph: int
    depth: int = 0  # 0: primary quote, 1: quote inside a quote
    parent: int | None = None  # index of the enclosing quote
    continued: bool = False  # continues a quote left open in the previous paragraph
    headline: bool = False  # single-quoted words in a headline-length paragraph of a double-quoting article


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _straight_kind(text: str, pos: int) -> str:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opens = before in OPEN_BEFORE or before in DOUBLE_OPEN + SINGLE_OPEN
    closes = not before.isspace() and (after.isspace() or not _is_letter(after))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _single_kind(text: str, pos: int) -> str | None:
    """'open', 'close' or None (an apostrophe) for a single quote mark at ``pos``."""
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if _is_letter(before) and _is_letter(after):
        return None  # don't, Russia’s
    if ch in SINGLE_OPEN:
        return "open"
    if ch in "’'" and (before.isspace() or before in OPEN_BEFORE or before in DOUBLE_OPEN) and _is_letter(after):
        return "open"
    if ch in SINGLE_CLOSE + "'" and not before.isspace():
        return "close"
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _primary_marks(body: str, start: int, end: int, single: bool) -> list[tuple[int, str]]:
    marks: list[tuple[int, str]] = []
    uses_low = "„" in body[start:end]
    for match in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(body, start, end):
        pos = match.start()
        ch = body[pos]
        if single:
            kind = _single_kind(body, pos)
            if kind:
                marks.append((pos, kind))
        elif ch == '"':
            if pos > 2 and body[pos - 1].isdigit() and _INCHES.search(body, max(0, pos - 6), pos + 1):
                continue  # "the 6'5" forward": a height's inch mark, no quotation mark
            marks.append((pos, _straight_kind(body, pos)))
        elif ch in DOUBLE_OPEN:
            # A wrong-way mark at a word's end closes ("decision.“ However", "abhorrent“ in a tweet",
            # 'for her here,“ said Jim').
            after = body[pos + 1] if pos + 1 < len(body) else " "
            backwards = (pos > 0 and body[pos - 1] in ".,!?;:…" and (after.isspace() or after in ")]—–")) or (
                pos > 0 and not body[pos - 1].isspace() and body[pos - 1] not in OPEN_BEFORE + "“‘«" and after.isspace()
            )
            marks.append((pos, "close" if (ch == "“" and uses_low) or backwards else "open"))
        elif ch in DOUBLE_CLOSE:
            backwards = _straight_kind(body, pos) == "open"
            marks.append((pos, "either" if backwards else "close"))
    return marks


def _primary_quotes(body: str, single: bool) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    pending = False  # the previous paragraph ended inside a quote
    for index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        marks = _primary_marks(body, p_start, p_end, single)
        open_at: int | None = None
        continued = False
        first = True
        for pos, kind in marks:
            if open_at is None:
                if pending and first and kind in ("close", "either") and body[p_start:pos].strip():
                    # A paragraph continuing an open quote without a new opening mark.
                    _emit(quotes, body, p_start, pos, p_start, pos, index, continued=True)
                elif kind == "close" and (single or body[pos] in DOUBLE_CLOSE + SINGLE_CLOSE):
                    pass  # stray closing mark; a single one after a word is an apostrophe ("voters' minds")
                else:
                    open_at = pos
                    continued = pending and first and not body[p_start:pos].strip()
            else:
                if kind == "open" and body[pos] in DOUBLE_OPEN + SINGLE_OPEN:
                    open_at = pos  # the earlier mark was never closed
                    continue
                _emit(quotes, body, open_at + 1, pos, open_at, pos, index, continued=continued)
                open_at, continued = None, False
            first = False
        pending = open_at is not None
        if open_at is not None:
            _emit(quotes, body, open_at + 1, p_end, open_at, None, index, continued=continued)
    return quotes


def _emit(
    quotes: list[RawQuote],
    body: str,
    start: int,
    end: int,
    open_mark: int,
    close_mark: int | None,
    paragraph: int,
    continued: bool = False,
) -> None:
    start, end = _trimmed(body, start, end)
    if end > start and any(ch.isalnum() for ch in body[start:end]):
        quotes.append(RawQuote(start, end, open_mark, close_mark, paragraph, continued=continued))


def _single_pairs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of single-quoted phrases between ``start`` and ``end``."""
    pairs = []
    open_at: int | None = None
    for match in _SINGLE_MARKS.finditer(body, start, end):
        pos = match.start()
        kind = _single_kind(body, pos)
        if kind == "open" and open_at is None:
            open_at = pos
        elif kind == "close" and open_at is not None:
            pairs.append((open_at, pos))
            open_at = None
    return pairs


_DOUBLED = re.compile("''(?!')")


def _doubled_apostrophes(body: str) -> tuple[str, set[int]]:
    """``body`` with each doubled apostrophe (``''quote,''`` as some papers write) made a double mark.

    The copy has the same length: an opening pair becomes ``" "`` read as space + mark, a closing pair
    mark + space, so the straight-mark rules see what they see around ``"``. Returns the copy and the
    offsets of the closing pairs' first apostrophes.
    """
    if "''" not in body:
        return body, set()
    chars = list(body)
    closers = set()
    for match in _DOUBLED.finditer(body):
        pos = match.start()
        before = body[pos - 1] if pos else " "
        after = body[pos + 2] if pos + 2 < len(body) else " "
        if (before.isspace() or before in OPEN_BEFORE) and not after.isspace():
            chars[pos], chars[pos + 1] = " ", '"'
        else:
            chars[pos], chars[pos + 1] = '"', " "
            closers.add(pos)
    return "".join(chars), closers


def find_quotes(body: str) -> list[RawQuote]:
    """All quotes of ``body`` in text order, nested ones after their parent."""
    body, closers = _doubled_apostrophes(body)
    # A value in markup left in the text (author="@name") is not a quote.
    found = _find_quotes(body)
    quotes = [q for q in found if not (q.open_mark > 0 and body[q.open_mark - 1] == "=")]
    if len(quotes) < len(found):
        _relink_parents(quotes)
    for quote in quotes:
        if quote.close_mark in closers:
            quote.close_mark += 1  # the pair's second apostrophe: the text after the quote starts after it
    return quotes


def _find_quotes(body: str) -> list[RawQuote]:
    has_double = any(ch in body for ch in DOUBLE_OPEN + DOUBLE_CLOSE + '"')
    primary = _primary_quotes(body, single=not has_double)
    result: list[RawQuote] = []
    for quote in primary:
        result.append(quote)
        if not has_double:
            continue
        parent = len(result) - 1
        for a, b in _single_pairs(body, quote.start, quote.end):
            s, e = _trimmed(body, a + 1, b)
            if e > s:
                result.append(RawQuote(s, e, a, b, quote.paragraph, depth=1, parent=parent))
    if has_double:
        result.extend(_outside_singles(body, primary))
        result.sort(key=lambda q: (q.start, q.depth))
        _relink_parents(result)
    return result


def _outside_singles(body: str, primary: list[RawQuote]) -> list[RawQuote]:
    """Single-quoted terms outside double quotes ('quasi-state of war' style)."""
    found = []
    covered = sorted((q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in primary)
    starts = [s for s, _ in covered]
    reach = list(accumulate((e for _, e in covered), max))  # furthest end among spans starting so far
    for index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        headline: bool | None = None
        for a, b in _single_pairs(body, p_start, p_end):
            i = bisect_right(starts, a) - 1
            if i >= 0 and reach[i] >= a:
                continue  # inside a double-quoted span
            s, e = _trimmed(body, a + 1, b)
            if e > s and len(body[s:e].split()) <= MAX_OUTSIDE_SINGLE_WORDS:
                if headline is None:
                    # "Justice vows to be 'more circumspect'" above the text, "'A fight to the end.'" as a
                    # subhead: news puts single marks in headlines, double ones in its sentences
                    headline = len(body[p_start:p_end].split(maxsplit=HEADLINE_WORDS)) <= HEADLINE_WORDS
                found.append(RawQuote(s, e, a, b, index, headline=headline))
    return found


def _relink_parents(quotes: list[RawQuote]) -> None:
    top = None
    for index, quote in enumerate(quotes):
        if quote.depth == 0:
            top = index
        else:
            quote.parent = top


def mask_quotes(body: str, quotes: list[RawQuote]) -> str:
    """``body`` with the words inside primary quotes blanked out (same length), for context rules.

    Joined from slices of the text between the quotes and the masks, in text order: a list of every
    character costs ten times more. Quotes out of order, if any, are masked on such a list."""
    parts = []
    done = 0  # the end of the text taken so far
    for quote in quotes:
        if quote.depth == 0:
            end = quote.end - 1 if body[quote.end - 1] in ".!?…" else quote.end  # keeps sentence ends
            if quote.start < done or end < quote.start:
                return _mask_characters(body, quotes)
            inside = body[quote.start : end]
            parts.append(body[done : quote.start])
            parts.append(_NOT_NEWLINE.sub(MASK, inside) if "\n" in inside else MASK * len(inside))
            done = end
    parts.append(body[done:])
    return "".join(parts)


def _mask_characters(body: str, quotes: list[RawQuote]) -> str:
    chars = list(body)
    for quote in quotes:
        if quote.depth == 0:
            end = quote.end - 1 if body[quote.end - 1] in ".!?…" else quote.end
            inside = body[quote.start : end]
            chars[quote.start : end] = _NOT_NEWLINE.sub(MASK, inside) if "\n" in inside else MASK * len(inside)
    return "".join(chars)
