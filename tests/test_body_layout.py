"""The body's layout: the same line breaks as Textual's text widgets, rows and offsets that agree."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.cells import get_character_cell_size

from reader.text import paragraph_spans
from reader.widgets.body_layout import ONE_CELL, BodyLayout, MarkIndex, wrap_offsets

WORD = st.text(alphabet="abcdeéfghij“”’—…", min_size=1, max_size=30)
SPACES = st.sampled_from([" ", " ", " ", "  "])


def test_every_character_taken_for_one_cell_is_one_cell_wide() -> None:
    for low, high in re.findall(r"(.)-(.)", ONE_CELL):
        for code in range(ord(low), ord(high) + 1):
            assert get_character_cell_size(chr(code)) == 1, hex(code)
            assert not chr(code).isspace(), hex(code)


@given(st.lists(st.tuples(WORD, SPACES), min_size=1, max_size=60), st.integers(min_value=1, max_value=90))
def test_lines_break_where_textual_breaks_them(words: list[tuple[str, str]], width: int) -> None:
    text = "".join(word + space for word, space in words).rstrip()
    assert wrap_offsets(text, width) == divide_line(text, width)


def test_wide_characters_and_long_words_wrap_as_textual_wraps_them() -> None:
    for text in ("東京都の天気は晴れです " * 9, "x" * 200 + " short words after it", "a " + "y" * 150):
        assert wrap_offsets(text, 40) == divide_line(text, 40)


def test_rows_and_offsets_agree() -> None:
    body = "\n\n".join(["short one", "word " * 40 + "end", "东京 " * 30, "last"])
    spans = paragraph_spans(body)
    layout = BodyLayout(body, spans, 20, footer="the footer")
    rows = [layout.row(y) for y in range(layout.rows)]
    assert [r.kind for r in rows if r is not None].count("footer") == 1
    texts = [r for r in rows if r is not None and r.kind == "text"]
    # every character of every paragraph is on exactly one row, in order
    for index, (start, end) in enumerate(spans):
        mine = [r for r in texts if r.paragraph == index]
        assert mine[0].start == start and mine[-1].end == end
        assert all(a.end <= b.start for a, b in itertools.pairwise(mine))
        first, height = layout.paragraph_rows(index)
        assert height == len(mine) and rows[first] == mine[0] and rows[first + height].kind == "gap"
    for y, row in enumerate(rows):
        if row is not None and row.kind == "text":
            assert layout.row_of(row.start) == y
            assert layout.row_of(row.end - 1) == y
            assert len(body[row.start : row.end].rstrip()) <= 20


def test_a_hundred_thousand_paragraphs_lay_out_as_one_row_each_plus_a_gap() -> None:
    body = "\n\n".join(f"Paragraph {n}." for n in range(100_000))
    layout = BodyLayout(body, paragraph_spans(body), 76)
    assert layout.rows == 200_000
    assert layout.row(199_998).start == body.rindex("Paragraph")
    assert layout.row_of(body.index("Paragraph 54321.")) == 2 * 54321


class Mark:
    def __init__(self, start: int, end: int, name: str) -> None:
        self.start, self.end, self.name = start, end, name


def test_marks_are_found_by_the_span_they_touch_in_their_order() -> None:
    marks = [Mark(0, 10_000, "long"), Mark(50, 60, "a"), Mark(5, 8, "b"), Mark(55, 58, "c"), Mark(90, 95, "d")]
    index = MarkIndex(marks)
    assert [m.name for m in index.overlapping(52, 57)] == ["long", "a", "c"]
    assert [m.name for m in index.overlapping(60, 90)] == ["long"]
    assert [m.name for m in index.overlapping(0, 6)] == ["long", "b"]
    assert [m.name for m in index.overlapping(20_000, 30_000)] == []


def test_many_marks_of_one_style_are_found_like_any_others() -> None:
    from rich.style import Style

    from reader.widgets.body_layout import SpanMarks

    spans = [(n * 10, n * 10 + 3) for n in range(100_000)]
    marks = SpanMarks(reversed(spans), Style(bold=True))
    assert len(marks) == 100_000 and (marks[5].start, marks[5].end) == (50, 53)
    found = MarkIndex(marks).overlapping(52, 71)
    assert [(m.start, m.end) for m in found] == [(50, 53), (60, 63), (70, 73)]
    assert all(m.style.bold for m in found)
