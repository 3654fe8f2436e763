"""Speakers in news the older rules were not written on: kin and titles before a name (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _speaker(body: str, words: str) -> str | None:
    return next(q.speaker for q in analyze(body).quotes if words in body[q.start : q.end])


def test_a_possessive_before_a_role_and_a_name_is_the_speakers_tie_not_the_speaker() -> None:
    body = (
        "In 2019, a teacher, Mara Kovel, died in a crash on the coast road. Kovel's father Tomas Brenner "
        'told the Daily Echo, "We have got justice for Mara today."'
    )
    assert _speaker(body, "justice for Mara") == "Tomas Brenner"


def test_a_curly_possessive_before_a_lawyer_keeps_the_lawyer() -> None:
    body = 'Mara Kovel lost the case in May. Mara Kovel’s lawyer Tomas Brenner said, "We will appeal at once."'
    assert _speaker(body, "appeal at once") == "Tomas Brenner"
