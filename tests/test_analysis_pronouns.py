"""Whom a subject pronoun before a reporting verb stands for, in invented sentences."""

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
