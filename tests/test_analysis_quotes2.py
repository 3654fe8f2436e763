"""Quote marks and scare quotes: classes of error seen on development news, each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.quotes import find_quotes


def _texts(body: str) -> list[str]:
    return [body[q.start : q.end] for q in find_quotes(body)]


def test_a_plural_possessive_in_a_single_quoted_article_opens_no_quote() -> None:
    # No double marks at all: single marks are the article's quote marks, but "voters' " is an apostrophe.
    body = (
        "The mayors' council met on Monday. 'We will vote in May,' said Jane Roe.\n\n"
        "The pollsters' figures changed the voters' minds. In the meantime, the count goes on."
    )
    assert _texts(body) == ["We will vote in May,"]


def test_an_abbreviation_before_a_possessive_opens_no_quote() -> None:
    body = "Peter Ash Jr.'s decision not to run surprised the party. The campaigns' offices stayed shut."
    assert _texts(body) == []


def test_a_master_s_degree_in_an_interview_answer_is_no_quote() -> None:
    body = "Jane Roe: I finished my masters' degree in 2009. Then I worked as a coach for two years."
    assert analyze(body).quotes == ()
