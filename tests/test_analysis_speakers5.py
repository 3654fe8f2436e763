"""Speakers in news the older rules were not written on: bodies, open appositives (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _speaker(body: str, words: str) -> str | None:
    return next(q.speaker for q in analyze(body).quotes if words in body[q.start : q.end])


def test_an_appositive_left_open_before_the_verb_keeps_the_person() -> None:
    body = (
        "Same-sex marriage became legal in Harbour on Friday. Peter Ash, leader of the Harbour Workers "
        'Party said, "We stand with every family in the city."'
    )
    assert _speaker(body, "every family") == "Peter Ash"


def test_a_body_no_list_knows_is_named_after_its_common_noun() -> None:
    body = (
        "Reports of waste at the camp spread on Monday. In response, the charity Northern Lantern issued a "
        'statement saying, "Nothing in the story matches what our own staff have found."'
    )
    assert _speaker(body, "our own staff") == "Northern Lantern"


def test_an_inverted_cue_names_a_body_by_whose_it_is() -> None:
    body = '"No sign of the ferry was seen on any radar," said Norway\'s fisheries ministry at the time.'
    assert _speaker(body, "any radar") == "Norway's fisheries ministry"


def test_the_office_of_an_official_speaks_not_the_outlet_that_reported_it() -> None:
    body = (
        '"Every piece of wreckage goes into a shed until the experts arrive," said the office of the '
        "Harbour Mayor in a statement reported by Harbour Daily."
    )
    assert _speaker(body, "wreckage") == "office of the Harbour Mayor"


def test_the_office_of_a_named_person_is_that_person() -> None:
    body = 'Senator Jane Roe was away. "We are keeping every piece," said the office of Senator Jane Roe.'
    assert _speaker(body, "every piece") == "Jane Roe"


def test_a_document_speaks_for_the_body_that_issued_it() -> None:
    body = (
        "Earlier, the Harbour City Council passed a resolution to back the dock strike. The resolution "
        'read, "The workers of this port have been denied their rights for too long."'
    )
    assert _speaker(body, "denied their rights") == "Harbour City Council"


def test_a_report_states_its_issuers_words() -> None:
    body = (
        "The drought was noted in a declassified Harbour Intelligence Agency assessment, in which the "
        'report states, "Some funds raised for relief are almost certainly being diverted."'
    )
    assert _speaker(body, "being diverted") == "Harbour Intelligence Agency"


def test_an_aside_naming_a_report_does_not_take_the_speakers_words() -> None:
    body = (
        "Judge Anna Holm told Tom Kerr that, according to a Harbour Daily report, he had "
        '"been found guilty of every charge."'
    )
    assert _speaker(body, "every charge") == "Anna Holm"


def test_the_role_named_before_stands_for_its_holder() -> None:
    body = (
        "Harbour Mayor Tom Kerr and Dean Karl Olsen met at the college on Monday. The mayor attacked what "
        'he called the errors of the port board. "By careful planning, we could have saved the docks."'
    )
    assert _speaker(body, "saved the docks") == "Tom Kerr"


def test_a_role_another_person_holds_is_not_theirs() -> None:
    body = (
        "President Anna Holm of Harbour College welcomed Tomas Brink, the Norwegian president, on Monday. "
        'The Norwegian president attacked the trade rules. "They were written for the strong."'
    )
    assert _speaker(body, "written for the strong") == "Tomas Brink"


def test_encouraged_people_to_reports_the_words_after_it() -> None:
    body = (
        "The civil defence spokesman for the island, Tom Kerr, encouraged people to "
        '"get off the beach. We are closing every road to the shore."'
    )
    assert _speaker(body, "every road") == "Tom Kerr"
