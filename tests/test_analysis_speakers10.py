"""A subject that describes someone named before by place, party or a former role ("the Ohio senator",
"the Iowa Republican", "the former secretary of state") is that person (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _quote(body: str, words: str):
    return next(q for q in analyze(body).quotes if words in body[q.start : q.end])


@pytest.mark.parametrize(
    ("lead", "described"),
    [
        ("Sen. Vasil Orlov spoke in Dayton on Monday.", "The Ohio senator said the plan was"),
        ("Rep. Vasil Orlov toured the plant on Friday.", "In an interview, the Iowa Republican said the plan was"),
        ("Vasil Orlov toured the region on Monday.", "The former secretary of state called the plan"),
    ],
)
def test_a_description_is_the_person_named_before(lead: str, described: str) -> None:
    """The title or the place in the description need not be in the person's role."""
    quote = _quote(f'{lead} {described} "a costly mistake."', "costly mistake")
    assert quote.speaker == "Vasil Orlov"


def test_a_person_in_the_opening_phrase_is_not_the_one_described() -> None:
    """ "In an interview with radio host Tom Reyes, the candidate said": Reyes asks, the candidate speaks."""
    body = (
        "Lena Ortiz campaigned in Reno on Tuesday. In an interview with radio host Tom Reyes, the Democratic "
        'presidential candidate said the plan was "absurd."'
    )
    assert _quote(body, "absurd").speaker == "Lena Ortiz"


def test_a_holder_of_another_office_is_not_the_one_described() -> None:
    """The mayor named last is not "the Republican presidential candidate"; the candidate before him is."""
    body = (
        "Candidate Joan Pike urged Mayor Bill Harte to restore the unit. Mayor Bill Harte closed the unit in "
        'April.\n\n"The threat comes from there," the Republican presidential candidate said.'
    )
    assert _quote(body, "threat comes").speaker == "Joan Pike"


def test_a_description_followed_by_a_name_is_that_name() -> None:
    body = (
        'Ivo Brandt pressed the diplomats. The party was "working to change its image," wrote the American '
        "ambassador at the time, Carl Mendes."
    )
    assert _quote(body, "working to change").speaker == "Carl Mendes"


def test_a_bare_role_is_not_the_one_person_named_before() -> None:
    """ "The judge said" after a man is arrested: the judge is someone else, unnamed."""
    quote = _quote('John Doe was arrested on Monday. The judge said he was "a danger."', "a danger")
    assert quote.speaker != "John Doe"


@pytest.mark.parametrize(
    ("body_name", "called"),
    [("the Municipality of Harbourne", "The city reasoned,"), ("the Harbourne Town Council", "The town said,")],
)
def test_the_city_or_town_is_its_own_body_named_before(body_name: str, called: str) -> None:
    body = f'The claim was filed by {body_name} in 2010. {called} "the users pay a fee."'
    assert _quote(body, "users pay").speaker == body_name.removeprefix("the ")


@pytest.mark.parametrize(
    ("lead", "subject", "speaker"),
    [
        ("Omar Haddad posted online under another name.", "One post by him read,", "Omar Haddad"),
        ("The Harbour Ministry met on Monday.", "A statement from the ministry read,", "Harbour Ministry"),
    ],
)
def test_a_document_by_someone_speaks_for_its_author(lead: str, subject: str, speaker: str) -> None:
    assert _quote(f'{lead} {subject} "We will win in the end."', "will win").speaker == speaker


def test_a_body_described_by_a_generic_noun_is_the_body_named_before() -> None:
    """ "The worldwide press freedom organization said": no name holds those words; the body named is it."""
    body = (
        "The Harbour Press Union condemned the kidnapping. The worldwide press freedom organization said: "
        '"It is unacceptable."'
    )
    assert _quote(body, "unacceptable").speaker == "Harbour Press Union"


def test_a_statement_is_the_one_body_named_just_before() -> None:
    """ "The Harbour Ministry confirmed ... The statement said": no document word was written before."""
    body = (
        "The Harbour Ministry confirmed yesterday that the police will enforce the law.\n\n"
        'The statement said "agencies have no qualms with visitors."\n\n'
        'The statement continued: "Any talk of bans is unfounded."'
    )
    quotes = analyze(body).quotes
    assert [q.speaker for q in quotes] == ["Harbour Ministry", "Harbour Ministry"]


def test_a_statement_after_two_bodies_is_neither_without_a_document_word() -> None:
    body = (
        "The Harbour Ministry met the Tidewater Council yesterday.\n\n"
        'The statement said "agencies have no qualms with visitors."'
    )
    assert analyze(body).quotes[0].speaker is None
