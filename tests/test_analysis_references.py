"""Whom a pronoun or a body's common noun stands for, and whose document a quote is (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _speaker(body: str, words: str) -> str | None:
    return next(q.speaker for q in analyze(body).quotes if words in body[q.start : q.end])


def test_a_pronoun_after_a_clause_is_the_subject_not_a_name_in_the_clause() -> None:
    body = (
        "Governor Tomas Brink met the students of Harbour College on Monday. "
        "When pressed by Helen Marsh about the budget he stated that "
        '"the schools will get every penny they were promised."'
    )
    assert _speaker(body, "every penny") == "Tomas Brink"


def test_a_pronoun_does_not_stand_for_the_agent_of_a_passive() -> None:
    body = (
        "Governor Tomas Brink spoke at Harbour College on Monday. He was questioned by Karl Olsen, "
        "the college's dean, for an hour. "
        'He said, "The schools will get every penny they were promised."'
    )
    assert _speaker(body, "every penny") == "Tomas Brink"


def test_a_pronoun_skips_the_object_of_a_preposition_in_its_own_sentence() -> None:
    body = (
        "Peter Ash ran the union's office in Harbour for a decade. "
        'After a long campaign for Donald Kerr, he said, "We are starting again from nothing."'
    )
    assert _speaker(body, "starting again") == "Peter Ash"


def test_the_common_noun_of_a_body_named_before_is_that_body() -> None:
    body = (
        "The Harbour Storm Warning Centre issued an alert on Monday. The centre, which also tracked the "
        'last storm, added that "the waves may reach three metres before the tide turns."'
    )
    quote = next(q for q in analyze(body).quotes if "three metres" in body[q.start : q.end])
    assert (quote.speaker, quote.speaker_type) == ("Harbour Storm Warning Centre", "organization")


def test_a_quote_read_from_a_document_is_its_issuers() -> None:
    body = (
        "The alert covers the whole coast. "
        '"Stay away from the beaches until the wind drops," read a warning by the Harbour Storm Warning Centre.'
    )
    assert _speaker(body, "Stay away") == "Harbour Storm Warning Centre"
