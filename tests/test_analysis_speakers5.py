"""Speakers in news the older rules were not written on: bodies, open appositives (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _speaker(body: str, words: str) -> str | None:
    return next(q.speaker for q in analyze(body).quotes if words in body[q.start : q.end])


def test_an_appositive_left_open_before_the_verb_keeps_the_person() -> None:
    body = (
        "Same-sex marriage became legal in Harbour on Friday. Peter Ash, leader of the Harbour Workers "
        'Party said, "We stand with every family in the city."'
    )
    assert _speaker(body, "every family") == "Peter Ash"
