"""Shapes of attribution seen on development news (fourth round), each in invented sentences.

Each test is one class of error: the speaker a reader would name for the quote.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze

CAST = (
    "Lucia Ferrante, Karl Olsen, Dara Pell and Ivo Stenner met the council on Monday. "
    "Tomas Brink, Helen Marsh, Ted Corwin and Ana Lisk came too. "
)


def _quote(text: str, words: str):
    """The quote of ``CAST + text`` that holds ``words``."""
    body = CAST + text
    return next(q for q in analyze(body).quotes if words in body[q.start : q.end])


def test_a_title_in_the_attribution_does_not_stop_the_speaker_carrying_over() -> None:
    text = (
        '"The old rules no longer apply," said Tomas Brink, the author of "A Long Winter," a history of the city.'
        '\n\n"Nobody in the council listens to the voters any more."'
    )
    assert _quote(text, "Nobody in the council").speaker == "Tomas Brink"


@pytest.mark.parametrize("opener", ["Specifically", "In other words"])
def test_a_linking_adverb_carries_the_speaker_before(opener: str) -> None:
    text = f'"The bridge is a waste of money," Helen Marsh said. {opener}, "it will cost twice what was promised."'
    assert _quote(text, "twice what").speaker == "Helen Marsh"


def test_where_the_subject_spoke_may_stand_before_its_verb() -> None:
    text = 'Dara Pell at the market praised the stallholders "for keeping the square alive all winter."'
    assert _quote(text, "square alive").speaker == "Dara Pell"


def test_a_comma_inside_a_title_ends_its_clause() -> None:
    text = (
        'Asked why he had not endorsed Helen Marsh during an appearance on "Evening Report," Tomas Brink said '
        'he had not "seen a costed plan for the ferry."'
    )
    assert _quote(text, "costed plan").speaker == "Tomas Brink"


def test_a_participle_joined_by_and_is_the_subjects() -> None:
    text = (
        "Dara Pell, who skipped the vote, now rarely mentions Ana Lisk, turning her fire on "
        'Ivo Stenner and conceding that her "harbour scheme" may never be built.'
    )
    assert _quote(text, "harbour scheme").speaker == "Dara Pell"


def test_a_subjectless_clause_between_subject_and_verb_holds_no_speaker() -> None:
    text = (
        "Ted Corwin, when asked which part of Ana Lisk's budget he disliked, responded that the mayor "
        '"counts the pennies and forgets the pounds."'
    )
    assert _quote(text, "counts the pennies").speaker == "Ted Corwin"


def test_the_subject_after_when_is_the_verbs_and_an_infinitive_cue_reports_no_one() -> None:
    text = (
        "The feud began last week when Mrs. Ferrante, in response to Mr. Olsen's use of a crude word to "
        'describe her defeat, accused him of "petty and childish spite."'
    )
    assert _quote(text, "petty and childish").speaker == "Lucia Ferrante"


def test_an_honorific_tells_apart_a_couple_sharing_a_surname() -> None:
    text = (
        "Marta Keel and her husband, Oskar Keel, run the bakery on the square. "
        '"We will not close on Sundays," Mrs. Keel said. "The rent has doubled," Mr. Keel said.'
    )
    assert _quote(text, "close on Sundays").speaker == "Marta Keel"
    assert _quote(text, "rent has doubled").speaker == "Oskar Keel"


def test_the_name_right_before_the_verb_is_its_subject() -> None:
    text = 'Comparing Ana Lisk\'s years in office with the present council Ivo Stenner asked "Which era was better?"'
    assert _quote(text, "Which era").speaker == "Ivo Stenner"


def test_a_quote_trailing_off_takes_the_attribution_after_it() -> None:
    text = (
        '"Would you hire a chef from abroad?" Karl Olsen asked.\n\n'
        '"Perhaps. We are talking to several kitchens in the region…" Helen Marsh said.'
    )
    assert _quote(text, "several kitchens").speaker == "Helen Marsh"


def test_a_name_in_an_opening_phrase_led_by_a_preposition_is_not_the_subject() -> None:
    text = (
        "Like Ted Corwin, Ana Lisk also rejected the idea that the council could drop the plan, arguing that "
        'there is "room for exceptions" in the budget.'
    )
    assert _quote(text, "room for exceptions").speaker == "Ana Lisk"


def test_a_title_no_one_said_does_not_end_the_clause_of_the_subject() -> None:
    text = (
        'Tomas Brink, a former champion of the quiz show "Final Answer," who went on to coach its players, said '
        'his old rival was "the quickest mind I ever met."'
    )
    assert _quote(text, "quickest mind").speaker == "Tomas Brink"


def test_two_roles_joined_by_and_describe_one_subject() -> None:
    text = (
        "Former prosecutor and Bristol City Mayor Tomas Brink, who backs the governor, mocked Helen Marsh on "
        'the phone-in "Morning Talk," calling her inquiry "a total waste of public money and of time" in the end.'
    )
    assert _quote(text, "total waste").speaker == "Tomas Brink"


def test_a_signature_may_open_with_a_title() -> None:
    text = '"Clear figures at last, and a date for the vote."\n\n-Senator Ana Lisk, writing after the hearing.'
    quote = _quote(text, "Clear figures")
    assert (quote.speaker, quote.speaker_reason) == ("Ana Lisk", "vox-pop")


def test_the_last_of_joined_verbs_is_the_subjects() -> None:
    text = (
        "After I asked Karl Olsen whether he would ever vote for the budget, he leaned back in his chair, "
        'crossed his arms and said, "Not in a hundred years!"'
    )
    assert _quote(text, "hundred years").speaker == "Karl Olsen"


def test_a_participle_set_off_by_commas_is_the_subjects() -> None:
    text = 'Mr. Brink, citing "forty years of broken promises," said the ferry plan could still win the vote.'
    assert _quote(text, "broken promises").speaker == "Tomas Brink"
