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


def test_offsets_after_characters_that_fold_longer_or_shorter_still_point_at_the_match() -> None:
    body = "Maße e\u0301te ﬁnal STRASSE Ǆ office Straße"  # ß -> ss, a lone accent -> nothing, ﬁ -> fi
    assert [body[a:b] for a, b in find_all(body, "strasse")] == ["STRASSE", "Straße"]
    assert [body[a:b] for a, b in find_all(body, "office")] == ["office"]
    assert [body[a:b] for a, b in find_all(body, "final")] == ["ﬁnal"]
    assert [body[a:b] for a, b in find_all(body, "ete")] == ["e\u0301te"]


def reference_find(body: str, needle: str) -> list[tuple[int, int]]:
    """Fold character by character, keeping the source index of every folded character."""
    import re

    from reader.find import _fold_char

    words = "".join(_fold_char(ch) for ch in needle).split()
    if not words:
        return []
    out, origin = [], []
    for index, ch in enumerate(body):
        folded = _fold_char(ch)
        out.append(folded)
        origin.extend([index] * len(folded))
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [(origin[m.start()], origin[m.end() - 1] + 1) for m in pattern.finditer("".join(out))]


CHARS = st.sampled_from(
    ["ß", "İ", "ẞ", "\u212a", "k", "É", "e\u0301", "ﬁ", "Ǆ", "a", "s", "S", " ", "é", "\u0301", "i", "f"]
)


@given(st.lists(CHARS, max_size=40), st.lists(CHARS, min_size=1, max_size=4))
def test_matches_are_those_of_folding_character_by_character(body: list[str], needle: list[str]) -> None:
    assert find_all("".join(body), "".join(needle)) == reference_find("".join(body), "".join(needle))
