"""Property tests for the canonical text: whatever comes in, no control survives and cleaning is idempotent."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.text import clean_line, looks_truncated, normalize_body, paragraph_spans, strip_controls

# Pieces that make cleaning hard: escape sequences and their fragments, C1 controls, line and paragraph
# separators, bidi controls, combining marks, characters that NFC changes, odd spaces, markup.
HOSTILE = [
    "\x1b", "\x1b[", "\x1b]", "\x1b\\", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "[2J", "]52;c;", "]8;;", "\x07",
    "\x9b", "\x9d", "\x90", "\x9c", "\x85", "\x98", "\x9e", "\x9f", "\r", "\n", "\r\n", "\n\n", "\t", " ", "\x0b",
    "\x0c", "\x00", "\x7f", "\u2028", "\u2029", "\u00a0", "\u2000", "\u3000", "\u202e", "\u2066", "\u200f",
    "\u061c", "\u0301", "\u212b", "A\u030a", "\ufeff", "\u200b", "[bold]", "[@click=app.quit]", "[/]", "“", "”",
]  # fmt: skip
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=40).map("".join)
any_text = st.one_of(st.text(), hostile_text)

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@given(any_text)
@example("\x1b]52;c;ZXZpbA==\x07text\x1b[2J\x9b31mred")
def test_strip_controls_leaves_no_escape_or_control(text: str) -> None:
    clean = strip_controls(text)
    assert not CONTROL.search(clean)
    assert not BIDI.search(clean)
    assert "\r" not in clean
    assert strip_controls(clean) == clean


@given(any_text)
def test_normalize_body_is_canonical_and_idempotent(text: str) -> None:
    body = normalize_body(text)
    assert normalize_body(body) == body
    assert not CONTROL.search(body.replace("\n", ""))
    assert not BIDI.search(body)
    assert "\t" not in body and "\n\n\n" not in body
    assert body == body.strip()
    for paragraph in body.split("\n\n") if body else []:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    spans = paragraph_spans(body)
    assert [body[a:b] for a, b in spans] == (body.split("\n\n") if body else [])


@given(any_text)
def test_clean_line_is_one_clean_line_and_idempotent(text: str) -> None:
    line = clean_line(text)
    assert clean_line(line) == line
    assert "\n" not in line and "\t" not in line
    assert not CONTROL.search(line)
    assert not BIDI.search(line)
    assert line == line.strip()


# The rule for a text that stops mid-sentence, written as a pattern: a final stop, maybe followed by
# closing quotes or brackets, or a closing quote. The code reads only the end of the text instead.
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
endings = st.lists(st.sampled_from([".", "!", "?", "…", ":", ";", '"', "'", "”", "’", "»", ")", "]", " ", "\n", "a"]))


@given(any_text, endings.map("".join))
@example("He said.", "")
@example("Cut off mid", "")
@example("She asked: (why?", ")]")
def test_looks_truncated_follows_the_sentence_end_rule(text: str, ending: str) -> None:
    body = text + ending
    tail = body.rstrip()
    assert looks_truncated(body) == (bool(tail) and SENTENCE_END.search(tail) is None)
