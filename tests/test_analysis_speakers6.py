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


def test_a_spokesperson_for_a_body_named_before_speaks_for_that_body() -> None:
    body = (
        "The Harbour Ports Authority closed the east dock on Monday. "
        '"No ship will enter before Friday," a spokesperson for the authority said.'
    )
    assert _speaker(body, "No ship") == "Harbour Ports Authority"


def test_an_official_of_the_ministry_names_the_ministry_with_medium_confidence() -> None:
    body = (
        "The Harbour Ministry of Transport shut the bridge on Monday. An official of the ministry said, "
        '"The bridge stays shut until the engineers report."'
    )
    quote = next(q for q in analyze(body).quotes if "engineers" in q.text)
    assert (quote.speaker, quote.confidence) == ("Harbour Ministry of Transport", "medium")


def test_the_unnamed_source_of_an_interview_is_not_the_outlet_that_interviewed_them() -> None:
    body = (
        "Harbour Daily interviewed a resident of the valley who wished not to be named. "
        '"It affected everyone in the town," said the source. "I am scared here."'
    )
    quotes = analyze(body).quotes
    assert [q.speaker for q in quotes] == [None, None]


def test_the_resident_said_leaves_the_speaker_unnamed() -> None:
    body = (
        "Harbour Daily spoke to a resident of the valley who asked not to be named. "
        '"It affected everyone in the town," the resident said.'
    )
    assert _speaker(body, "affected everyone") is None


def test_an_irish_head_of_government_is_named_without_the_title() -> None:
    body = 'Irish Taoiseach Liam Horan said the bill would be "enacted before the end of this year".'
    assert _speaker(body, "enacted") == "Liam Horan"


def test_a_relative_clause_left_open_after_the_subject_keeps_the_subject() -> None:
    body = (
        "Same-sex marriage was legalised in 2015. On June 19, Harbour Premier Liam Horan, who is the "
        'country\'s first openly-gay Premier addressed the assembly saying, "Today we honour the unknown heroes."'
    )
    assert _speaker(body, "unknown heroes") == "Liam Horan"
