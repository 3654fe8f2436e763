"""The pattern-free look-ups the analyser uses instead of a regex compiled per word give the regex's answers."""

from __future__ import annotations

import random
import re

from reader.analysis.org_shapes import ORG_HEADS, the_head_spans
from reader.analysis.tokens import is_word_char, stands_alone, word_offsets


def _texts(pieces: list[str], count: int = 4000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(count)]


def test_is_word_is_the_regex_word_class() -> None:
    for code in [*range(0x3000), 0x0663, 0x2003, 0x00B2, 0x2160, 0xFF10]:
        char = chr(code)
        assert is_word_char(char) == bool(re.match(r"\w", char)), hex(code)


def test_word_offsets_are_the_boundary_matches() -> None:
    words = ["Smith", "Al-Majid", "Corp.", "-x", "O'Neill", "é", "_", "s"]
    pieces = [*words, " ", "a", "_", ".", "-", "'", "\n", "é", "٣"]
    for word in words:
        for text in _texts(pieces):
            assert word_offsets(text, word) == [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def test_stands_alone_is_the_lookaround_search() -> None:
    words = ["boxer", "Smith", "Corp.", "-", "a"]
    pieces = [*words, " ", "a", "_", "'", "’", "-", ".", "\n"]
    for word in words:
        for text in _texts(pieces, 2000):
            pattern = rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])"
            assert stands_alone(text, word) == (re.search(pattern, text) is not None), (text, word)


def test_the_head_spans_are_the_pattern_matches() -> None:
    pieces = ["the ", "The ", "he ", "t", "T", " ", "\n ", "of", "Of", "ofs", "x", ".", "-", "A", "é", "\u2003"]
    for head in ["Ministry", "Corp.", "Court", "Co.", "University"]:
        assert head in ORG_HEADS
        pattern = re.compile(rf"[Tt](?<!\w.)he ({re.escape(head)})\b(?!\s+(?:[A-Z]|of\b))")
        for text in _texts([head, *pieces], 3000):
            assert the_head_spans(text, head) == [m.span() for m in pattern.finditer(text)], (text, head)
