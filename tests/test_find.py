"""Find in an article: what a reader typing into the find box expects to be matched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.find import find_all


def test_case_and_accents_are_ignored_and_offsets_point_into_the_original() -> None:
    body = "Café owners said CAFE prices rose. The café closed."
    spans = find_all(body, "cafe")
    assert [body[a:b] for a, b in spans] == ["Café", "CAFE", "café"]


def test_a_phrase_matches_across_line_breaks_and_runs_of_spaces() -> None:
    body = "the front\nlines   were quiet"
    [(start, end)] = find_all(body, "front lines were")
    assert body[start:end] == "front\nlines   were"


def test_blank_needle_finds_nothing_and_regex_characters_are_literal() -> None:
    assert find_all("a.b a*b", "   ") == []
    assert find_all("a.b axb", "a.b") == [(0, 3)]


def test_expanding_characters_map_back_to_whole_source_characters() -> None:
    body = "Straße und STRASSE"
    assert [body[a:b] for a, b in find_all(body, "strasse")] == ["Straße", "STRASSE"]


@given(st.text(), st.text())
def test_every_match_is_a_real_span_of_the_body(body: str, needle: str) -> None:
    for start, end in find_all(body, needle):
        assert 0 <= start < end <= len(body)
