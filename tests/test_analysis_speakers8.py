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


@pytest.mark.parametrize(
    "body",
    [
        'The talks ended on Monday. NATO said "We are pleased."',
        '"We are pleased," the UN said after the talks.',
        '"We are pleased," said FIFA.',
    ],
)
def test_a_bodys_initials_as_subject_of_a_speech_verb_speak_the_quote(body: str) -> None:
    quote = _quote(body, "We are pleased")
    assert quote.speaker in ("NATO", "UN", "FIFA")
    assert quote.speaker_type == "organization"


def test_capitals_that_are_a_title_or_a_place_are_no_body() -> None:
    assert _quote('The talks ended. "We are pleased," the CEO said.', "pleased").speaker is None
    assert _quote('The talks ended. "We are pleased," the UK said.', "pleased").speaker_type != "person"


def test_capitals_that_are_no_speech_verbs_subject_speak_nothing() -> None:
    """A word of capitals before another verb names a thing as often as a body."""
    body = 'KRACK would also affect devices within the so-called "Internet of things".'
    assert _quote(body, "Internet of things").speaker is None


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            'A report by Harbourwatch came out on Monday. Harbourwatch, a monitoring group, said "It shrinks."',
            "Harbourwatch",
        ),
        ('The forest was studied by Kovelsky. Kovelsky insisted "It shrinks."', "Kovelsky"),
    ],
)
def test_a_name_opening_the_sentence_speaks_when_the_article_writes_it_capitalised_inside_one(
    body: str, name: str
) -> None:
    assert _quote(body, "It shrinks").speaker == name


def test_a_word_capitalised_only_where_a_sentence_opens_stays_no_speaker() -> None:
    body = 'The forest shrank again. Reports said "The forest is shrinking." Reports differ.'
    assert _quote(body, "forest is shrinking").speaker is None


def test_a_lone_name_opening_a_sentence_is_who_the_next_he_stands_for() -> None:
    body = (
        "Harbour won 2-0 on Sunday.\n\n"
        'Brenner was delighted with the way his side played. "I think we played well," he said.'
    )
    assert _quote(body, "played well").speaker == "Brenner"


@pytest.mark.parametrize(
    "opening", ["Rather than wait", "Acting on the advice", "Countering the claim", "Critics were"]
)
def test_an_opening_adverb_participle_or_plural_is_no_one_a_he_stands_for(opening: str) -> None:
    body = f'Harbour won 2-0 on Sunday.\n\n{opening}, the team went home. "I think we played well," he said.'
    assert _quote(body, "played well").speaker is None


@pytest.mark.parametrize("kin", ["brother", "late mother", "friend", "neighbour"])
@pytest.mark.parametrize("frame", ['{subject} said "He was kind."', '"He was kind," {subject} said.'])
def test_an_unnamed_relative_or_friend_of_the_one_named_is_not_them(kin: str, frame: str) -> None:
    body = "Liam Kovel was arrested in 2011. " + frame.format(subject=f"Kovel's {kin}")
    assert _quote(body, "He was kind").speaker is None


@pytest.mark.parametrize("agent", ["spokesman", "lawyer", "office"])
def test_one_who_speaks_for_the_one_named_gives_them_as_speaker(agent: str) -> None:
    body = f'Liam Kovel was arrested in 2011. Kovel\'s {agent} said "He is innocent."'
    assert _quote(body, "He is innocent").speaker == "Liam Kovel"


def test_he_skips_a_woman_whose_given_name_the_census_gives_as_a_womans() -> None:
    """Hillary is not in the hand-picked lists; the census file says who mostly bears it."""
    body = (
        "Hillary Kovel lost the vote to Tomas Brenner on Monday.\n\n"
        'Brenner spoke to supporters afterwards. "We won," he said.'
    )
    assert _quote(body, "We won").speaker == "Tomas Brenner"
    body = 'Hillary Kovel met the council on Monday. "We won," he said.'
    assert _quote(body, "We won").speaker is None


def test_a_title_at_any_mention_outweighs_the_given_names_usual_gender() -> None:
    body = (
        'Simone Ferrante, the coach, arrived on Monday. Mr. Ferrante spoke to the players.\n\n"We are ready," he said.'
    )
    assert _quote(body, "We are ready").speaker == "Simone Ferrante"


def test_an_interviewees_own_words_reported_after_the_quote_are_theirs() -> None:
    body = (
        "Wikinews interviewed Jo-Anne Boulding, a candidate.\n\n"
        "Wikinews: Why are you running?\n\n"
        'Jo-Anne Boulding: I want to help. "Change is coming," I told them.'
    )
    quote = _quote(body, "Change is coming")
    assert (quote.speaker, quote.speaker_reason) == ("Jo-Anne Boulding", "turn")


def test_a_writers_own_words_outside_an_interview_have_no_speaker() -> None:
    assert _quote('The road was closed. "Go home," I told them.', "Go home").speaker is None


@pytest.mark.parametrize("subject", ["The 45-year-old", "The Briton", "The Texan", "The Democrat"])
def test_a_subject_that_is_only_an_age_or_a_nationality_is_the_one_person_named_before(subject: str) -> None:
    body = (
        "Mara Kovel, a 45-year-old singer from Texas, won the vote on Monday. "
        f'{subject} told reporters: "We are ready."'
    )
    assert _quote(body, "We are ready").speaker == "Mara Kovel"


def test_an_age_the_article_never_gives_them_or_two_people_named_before_leave_it_open() -> None:
    body = 'Mara Kovel, a singer, won the vote on Monday. The 61-year-old told reporters: "We are ready."'
    assert _quote(body, "We are ready").speaker is None
    body = 'Mara Kovel beat Tomas Brenner on Monday. The Briton told reporters: "We are ready."'
    assert _quote(body, "We are ready").speaker is None
