"""Quote spans and scare quotes: classes of error seen on annotated news, each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

from reader.analysis import analyze


def _quote(body: str, text: str):
    return next(q for q in analyze(body).quotes if q.text == text)


def test_a_title_before_a_relative_clause_or_a_passive_cue_is_no_speech() -> None:
    # '"Harbour Lights," which recounts ...', '"Tin Crowns," written by a troupe', 'The ad, titled
    # "Unfit?", argues': the cue after the title tells of the work, not of its words.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The mayor, a fan of the film "Harbour Lights," which recounts the flood, spoke first.\n\n'
        'The play is based on a show called "Tin Crowns," written by a puppet troupe from Lyon.\n\n'
        'The ad, titled "Unfit?", argues that the plan is too costly.\n\n'
        '"Not Today," wrote Jane Roe in her column.'
    )
    assert _quote(body, "Harbour Lights,").scare is True
    assert _quote(body, "Tin Crowns,").scare is True
    assert _quote(body, "Unfit?").scare is True
    words = _quote(body, "Not Today,")
    assert (words.scare, words.speaker) == (False, "Jane Roe")
