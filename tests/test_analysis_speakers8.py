"""Companies named by their last word as speakers, and "Name, 45, of Place said" (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _quote(body: str, words: str):
    return next(q for q in analyze(body).quotes if words in body[q.start : q.end])


@pytest.mark.parametrize(
    "company", ["Harbour Airlines", "Kestrel Systems", "Brenmoor Motors", "Tidewater International"]
)
def test_a_company_named_by_its_last_word_speaks_its_quote(company: str) -> None:
    body = f'The flight was cancelled on Monday. {company} said "The route was safe."'
    quote = _quote(body, "route was safe")
    assert (quote.speaker, quote.speaker_type) == (company, "organization")
    assert company in [s.name for s in analyze(body).sources]


def test_a_company_that_issues_a_statement_speaks_the_statement() -> None:
    body = 'Harbour Airlines issued a statement saying "The usual flight route was declared safe."'
    assert _quote(body, "usual flight route").speaker == "Harbour Airlines"


def test_a_company_word_before_a_head_does_not_make_a_body_of_a_thing() -> None:
    """Only as the last word: "International" in "International Harbour Station" is an adjective."""
    body = 'Crews reached the International Harbour Station on Monday. Mara Kovel said "All is well."'
    assert "International Harbour Station" not in [s.name for s in analyze(body).sources]
    assert _quote(body, "All is well").speaker == "Mara Kovel"


@pytest.mark.parametrize(
    "subject",
    ["Jane Roe, 45, of Springfield", "Jane Roe, 45, from Harbourton", "Jane Roe, 45, of Port Ellis"],
)
def test_an_age_and_a_place_with_no_closing_comma_leave_the_name_the_speaker(subject: str) -> None:
    body = f'The vote was close. {subject} said "It failed."'
    assert _quote(body, "It failed").speaker == "Jane Roe"
