"""Where each line of an article body falls at a reading width, and which marks touch a line.

Plain Python (no Textual), so the body widget can draw only the rows on screen: the wrapped lines
of every paragraph are one flat array of body offsets, and row <-> offset lookups are bisections.
The wrap is the one Textual's own text widgets use (Rich's ``divide_line``); prose whose characters
are all one cell wide, nearly every article, takes a shortcut that jumps a line at a time instead of
a word at a time (10 MB wrap in ~0.05 s instead of ~1.2 s) and gives the same breaks.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import Any, overload

from rich._wrap import divide_line
from rich.style import Style

# Characters one cell wide that are not whitespace (a space is handled by the shortcut itself):
# Latin, Greek, Cyrillic, general punctuation (dashes, curly quotes, ellipsis), currency signs.
# tests/test_body_layout.py checks every one against Rich's cell widths.
ONE_CELL = "\x21-\x7e\xa1-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u20a0-\u20c0"
_SINGLE_CELL_PROSE = re.compile(f"[ {ONE_CELL}]*")
_SINGLE_CELL_BODY = re.compile(f"[\n {ONE_CELL}]*")


def wrap_offsets(text: str, width: int, single_cell: bool | None = None) -> list[int]:
    """Offsets into ``text`` where its wrapped lines start after the first (as ``divide_line``)."""
    if single_cell is None:
        single_cell = _SINGLE_CELL_PROSE.fullmatch(text) is not None
    if single_cell and not text.startswith(" "):
        breaks = _wrap_single_cell(text, width, 0, len(text))
        if breaks is not None:
            return breaks
    return divide_line(text, width)


def _wrap_single_cell(text: str, width: int, start: int, length: int) -> list[int] | None:
    """Greedy wrap of one-cell ``text[start:length]``, a line per step: where the lines after the
    first start; None when a word is wider than a line (Rich folds those its own way)."""
    breaks: list[int] = []
    while length - start > width:
        edge = start + width
        if text[edge] == " ":  # the line ends exactly at a word's end: the next word starts the next line
            after = edge + 1
            while after < length and text[after] == " ":
                after += 1
            if after >= length:
                break
        else:
            space = text.rfind(" ", start, edge)
            if space < start:
                return None
            after = space + 1
        breaks.append(after)
        start = after
    return breaks


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the laid-out body: a text line of a paragraph, the gap after one, or the footer."""

    kind: str  # "text" | "gap" | "footer"
    paragraph: int  # the paragraph's index (for the footer: the number of paragraphs)
    start: int  # offsets into the body (text) or the footer's text (footer)
    end: int


class BodyLayout:
    """The body's paragraphs wrapped at ``width`` cells, each followed by a blank row, then the footer."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]], width: int, footer: str = "") -> None:
        self.body, self.spans, self.width = body, spans, max(width, 1)
        self.starts = [start for start, _ in spans]
        width = self.width
        whole_single_cell = _SINGLE_CELL_BODY.fullmatch(body) is not None
        line_starts = array("q")
        append, extend = line_starts.append, line_starts.extend
        counts = array("q", [0])
        count = counts.append
        for start, end in spans:
            if whole_single_cell:
                if end - start <= width:
                    append(start)
                    count(1)
                    continue
                breaks = _wrap_single_cell(body, width, start, end) if body[start] != " " else None
                if breaks is not None:
                    append(start)
                    extend(breaks)
                    count(len(breaks) + 1)
                    continue
            lines = _paragraph_lines(body[start:end], width, whole_single_cell)
            extend(start + offset for offset in lines)
            count(len(lines))
        self.line_starts = line_starts
        # first_line[i]: index in line_starts of paragraph i's first line; first_row[i] adds a gap row per paragraph
        self.first_line = array("q", accumulate(counts))
        self.first_row = array("q", map(add, self.first_line, range(len(self.first_line))))
        self.footer = footer
        # the footer has no cursor bar, only the space after it: one column more
        self.footer_lines = [0, *wrap_offsets(footer, width + 1)] if footer else []
        self.footer_row = self.first_row[-1]
        self.rows = self.footer_row + len(self.footer_lines)

    def paragraph_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def paragraph_rows(self, index: int) -> tuple[int, int]:
        """First row of paragraph ``index`` and how many text rows it takes."""
        return self.first_row[index], self.first_line[index + 1] - self.first_line[index]

    def row_of(self, offset: int) -> int:
        """The row whose line holds body ``offset`` (between paragraphs: the last line before)."""
        if not self.spans:
            return 0
        index = self.paragraph_at(offset)
        first, last = self.first_line[index], self.first_line[index + 1]
        line = max(bisect.bisect_right(self.line_starts, offset, first, last) - 1, first)
        return line + index

    def row(self, y: int) -> Row | None:
        if y < 0 or y >= self.rows:
            return None
        if y >= self.footer_row:
            line = y - self.footer_row
            end = self.footer_lines[line + 1] if line + 1 < len(self.footer_lines) else len(self.footer)
            return Row("footer", len(self.spans), self.footer_lines[line], end)
        index = bisect.bisect_right(self.first_row, y) - 1
        line = self.first_line[index] + y - self.first_row[index]
        if line >= self.first_line[index + 1]:
            return Row("gap", index, self.spans[index][1], self.spans[index][1])
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < self.first_line[index + 1] else self.spans[index][1]
        return Row("text", index, start, end)


def _paragraph_lines(text: str, width: int, single_cell: bool) -> list[int]:
    """Start offsets of a paragraph's wrapped lines; a newline inside it (not in a canonical body)
    breaks the line, as Textual's text widgets do."""
    lines: list[int] = []
    position = 0
    for piece in text.split("\n"):
        lines.append(position)
        lines.extend(position + offset for offset in wrap_offsets(piece, width, single_cell or None))
        position += len(piece) + 1
    return lines


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    style: Style


class SpanMarks(Sequence[Mark]):
    """Many marks of one style (find matches, search hits) kept as bare spans: a layer of 100,000
    costs no objects until a row on screen asks for its few."""

    def __init__(self, spans: Iterable[tuple[int, int]], style: Style) -> None:
        self.spans = sorted(spans)
        self.style = style

    def __len__(self) -> int:
        return len(self.spans)

    @overload
    def __getitem__(self, index: int) -> Mark: ...
    @overload
    def __getitem__(self, index: slice) -> list[Mark]: ...
    def __getitem__(self, index: int | slice) -> Mark | list[Mark]:
        if isinstance(index, slice):
            return [Mark(start, end, self.style) for start, end in self.spans[index]]
        start, end = self.spans[index]
        return Mark(start, end, self.style)


# A mark longer than this is looked up by a scan of the few such marks, not by the start index.
LONG_MARK = 4096


class MarkIndex:
    """The marks of one layer, found by the span they touch: bisection on their starts, in their order."""

    def __init__(self, marks: Sequence[Any]) -> None:
        self.marks = marks
        if isinstance(marks, SpanMarks):  # already in order of their starts
            spans = marks.spans
            self._starts = [start for start, _ in spans]
            self._order: Sequence[int] = range(len(spans))
            self._long: list[int] = []
            self._reach = max((end - start for start, end in spans), default=0)
            return
        short = [(m.start, n) for n, m in enumerate(marks) if m.end - m.start <= LONG_MARK]
        short.sort()
        self._starts = [start for start, _ in short]
        self._order = [n for _, n in short]
        self._long = [n for n, m in enumerate(marks) if m.end - m.start > LONG_MARK]
        self._reach = max((marks[n].end - marks[n].start for n in self._order), default=0)

    def __len__(self) -> int:
        return len(self.marks)

    def overlapping(self, start: int, end: int) -> list[Any]:
        """Marks that cover part of [start, end), in the order they were given."""
        marks = self.marks
        low = bisect.bisect_left(self._starts, start - self._reach)
        high = bisect.bisect_left(self._starts, end)
        touching = [marks[n] for n in self._order[low:high]]
        found = [(n, m) for n, m in zip(self._order[low:high], touching, strict=True) if m.end > start]
        found += [(n, marks[n]) for n in self._long if marks[n].start < end and marks[n].end > start]
        found.sort(key=lambda pair: pair[0])
        return [m for _, m in found]
