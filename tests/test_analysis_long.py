"""Very long articles are analysed whole: every offset holds, and each copy of a repeated text reads alike."""

from __future__ import annotations

from bench.bench_analysis_scaling import QUOTE_MARKS, gold_paragraphs
from reader.analysis import analyze
from reader.models import Analysis


def _assert_offsets_hold(body: str, analysis: Analysis) -> None:
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
    for person in analysis.people:
        names = {person.name, *person.aliases, *person.name.split()}
        for start, end in person.mentions:
            assert body[start:end] in names
    for source in analysis.sources:
        for start, end in source.mentions:
            assert 0 <= start < end <= len(body)
    for link in analysis.links:
        if link.start is not None:
            assert body[link.start : link.end] == link.text


def test_two_megabyte_quote_heavy_article_is_analysed_whole() -> None:
    cycle = "\n\n".join(p for p in gold_paragraphs() if any(mark in p for mark in QUOTE_MARKS))
    copies = 2_000_000 // len(cycle) + 1
    body = "\n\n".join([cycle] * copies)
    assert len(body) >= 2_000_000
    analysis = analyze(body)
    _assert_offsets_hold(body, analysis)
    # Every copy after the first (which has no copy before it) gets the same quotes, speakers and
    # scare flags as the second: nothing is dropped or attributed differently deep into the text.
    step = len(cycle) + 2
    per_copy: list[list[tuple[int, str, str | None, bool]]] = [[] for _ in range(copies)]
    for quote in analysis.quotes:
        copy = quote.start // step
        per_copy[copy].append((quote.start - copy * step, quote.text, quote.speaker, quote.scare))
    assert len(per_copy[1]) > 80
    assert sum(q[2] is not None for q in per_copy[1]) > 40
    for copy in per_copy[2:]:
        assert copy == per_copy[1]


def test_one_giant_sentence_full_of_quotes_and_cues() -> None:
    """No stops, no paragraphs: every rule that looked back to the sentence start now looks back a bounded way."""
    body = "John Smith met Anna Berg and " + "“we will win,” she said and according to him they told the Post " * 4000
    analysis = analyze(body)
    _assert_offsets_hold(body, analysis)
    assert len(analysis.quotes) == 4000
    assert {q.speaker for q in analysis.quotes} == {"Anna Berg"}
