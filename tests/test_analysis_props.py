"""analyze() takes any text: it never raises and every offset lies inside the body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from tests.fuzz import examples

MARKS = st.sampled_from([*list("\"'“”‘’«»„ .,;:—-\n"), "\n\n", " said ", " told ", "Mr. ", "According to ", "The "])
WORDS = st.sampled_from(["Anna", "Berg", "Post", "News", "Ministry", "of", "he", "she", "it", "named", "Reuters"])
TEXT = st.lists(st.one_of(MARKS, WORDS, st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(TEXT)
def test_analyze_never_raises_and_offsets_hold(body: str) -> None:
    analysis = analyze(body)
    for quote in analysis.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
    for entity in (*analysis.people, *analysis.sources):
        for start, end in entity.mentions:
            assert 0 <= start <= end <= len(body)
    for link in analysis.links:
        if link.start is not None:
            assert body[link.start : link.end] == link.text


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=300))
def test_analyze_takes_arbitrary_unicode(body: str) -> None:
    analyze(body)
