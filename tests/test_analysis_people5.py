"""People among places, companies and groups named like them (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _people(body: str) -> list[str]:
    return [p.name for p in analyze(body).people]


@pytest.mark.parametrize("place", ["Los Angeles", "San Ellis", "Port Harbour", "Santa Kovel"])
def test_a_place_opening_a_title_and_a_name_leaves_the_person(place: str) -> None:
    body = f"{place} Mayor Karen Brenner spoke on Monday. Brenner said the city was ready."
    people = analyze(body).people
    assert [p.name for p in people] == ["Karen Brenner"]
    assert people[0].role == f"{place} Mayor"  # the place the office is of, too


def test_a_place_of_that_shape_alone_is_still_no_person() -> None:
    assert _people("Crews reached Port Harbour Kovel on Monday.") == []


@pytest.mark.parametrize(
    "body",
    [
        "State-owned builders PT Harbour Karya completed the bridge.",
        "Brenner Logistics GmbH filed for bankruptcy on Monday.",
        "Students at Kovel Elementary walked out on Friday.",
    ],
)
def test_a_companys_legal_form_or_a_school_word_makes_no_person(body: str) -> None:
    assert _people(body) == []


def test_a_name_taking_a_plural_verb_is_a_firm_not_a_person() -> None:
    analysis = analyze("Its owner Chariot Chauffeurs say they are unclear on what happened.")
    assert [p.name for p in analysis.people] == []
    assert [(s.name, s.kind) for s in analysis.sources] == [("Chariot Chauffeurs", "organization")]


@pytest.mark.parametrize(
    ("body", "people"),
    [
        ("Tom Jones says he is unclear.", ["Tom Jones"]),
        ("Mara Kovel and Tom Jones say they are unclear.", ["Mara Kovel", "Tom Jones"]),
    ],
)
def test_a_surname_ending_in_s_or_joined_names_stay_people(body: str, people: list[str]) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Gymnast Jordan Chiles won a bronze medal.", "Jordan Chiles"),
        ("Striker Georgia Stanway scored twice.", "Georgia Stanway"),
        ("Defender Kenya Brenner was injured.", "Kenya Brenner"),
    ],
)
def test_a_given_name_that_is_a_place_after_a_capitalised_role_is_a_person(body: str, name: str) -> None:
    assert _people(body) == [name]


def test_a_hyphenated_title_is_no_part_of_the_name() -> None:
    people = analyze("WHO Director-General Tedros Adhanom Ghebreyesus spoke on Monday.").people
    assert [p.name for p in people] == ["Tedros Adhanom Ghebreyesus"]


@pytest.mark.parametrize(
    ("body", "people"),
    [
        ('"We are pleased," Alexandria Ocasio-Cortez said.', ["Alexandria Ocasio-Cortez"]),
        ("Geneva Brenner and Cleveland Kovel spoke.", ["Geneva Brenner", "Cleveland Kovel"]),
        ("The Denver Broncos beat the Cleveland Browns. The Geneva Convention bans it.", []),
    ],
)
def test_places_the_census_also_gives_as_first_names_open_names_only_before_a_name(
    body: str, people: list[str]
) -> None:
    assert _people(body) == people


@pytest.mark.parametrize(
    "thing", ["Brady Bill", "Brady Campaign", "Adam Harbour Flight", "Marcus Code", "Major League Baseball"]
)
def test_a_bill_a_campaign_or_a_flight_named_after_someone_is_no_person(thing: str) -> None:
    body = f"The {thing} was debated on Monday. Mara Kovel said it would pass."
    assert _people(body) == ["Mara Kovel"]


@pytest.mark.parametrize(
    "body",
    [
        'The Committee to Protect Journalists said "Reporters are at risk."',
        '"Reporters are at risk," said the Coalition to Stop Harbour Violence.',
        'The Kovel Center to Prevent Harbour Violence said "Reporters are at risk."',
    ],
)
def test_a_body_named_with_its_purpose_speaks_whole_and_its_purpose_is_no_person(body: str) -> None:
    analysis = analyze(body)
    assert analysis.people == ()
    speaker = analysis.quotes[0].speaker
    assert speaker is not None and " to " in speaker
    assert speaker in [s.name for s in analysis.sources]


def test_a_headline_verb_after_to_joins_no_body() -> None:
    """ "White House to Announce": House is no purpose head, and the run after it is no body's name."""
    body = "White House to Announce New Sanctions\n\nMara Kovel said it was late."
    assert "White House to Announce New Sanctions" not in [s.name for s in analyze(body).sources]


def test_a_nationality_and_a_capitalised_role_introduce_a_one_word_name() -> None:
    """ "Indonesian Pilot Iriyanto": many Indonesians have one name."""
    body = 'Indonesian Pilot Sutanto and French co-pilot Remi Plesel flew. Sutanto asked him to "pull down".'
    analysis = analyze(body)
    people = {p.name: p.role for p in analysis.people}
    assert people["Sutanto"] == "Indonesian Pilot"
    assert "Pilot Sutanto" not in people


@pytest.mark.parametrize("title", ["President", "Vietnamese President"])
def test_a_family_name_written_first_stays_in_the_name_after_a_title(title: str) -> None:
    people = analyze(f"{title} Nguyen Xuan Phuc met the delegation.").people
    assert [(p.name, p.role) for p in people] == [("Nguyen Xuan Phuc", title)]


def test_local_offices_before_a_name_are_titles() -> None:
    people = analyze("Joining her were Councilmember Nithya Raman and Supervisor Jane Kim.").people
    assert {p.name: p.role for p in people} == {"Nithya Raman": "Councilmember", "Jane Kim": "Supervisor"}


def test_prime_alone_introduces_no_one() -> None:
    assert _people("Harbour Prime Video and Kestrel TV compete for viewers.") == []
    assert _people("Prime Minister Modi spoke on Monday.") == ["Modi"]


@pytest.mark.parametrize(
    "body",
    [
        "In El Harbour, fighting went on through the night.",
        "In San Luis Kovel, the council met on Monday.",
        "At Santa Clara Vale, the team won again.",
        "Near Port Edmund Roe the ferry ran aground.",
    ],
)
def test_a_place_after_a_sentence_opening_preposition_is_no_person(body: str) -> None:
    assert _people(body) == []


def test_a_person_after_a_sentence_opening_place_is_kept() -> None:
    assert _people("At Fort Kovel, Sgt. Ann Bell said the base was calm.") == ["Ann Bell"]


def test_nordic_and_footballers_given_names_and_clubs_named_like_people() -> None:
    body = "Harbour City beat Aston Villa 3-1. Erling Kovelsen scored twice and Bukayo Roe added a third."
    assert _people(body) == ["Erling Kovelsen", "Bukayo Roe"]


def test_jun_after_a_name_is_a_given_name_and_before_a_day_a_month() -> None:
    assert _people('"It is bad," columnist Ai Jun wrote in the piece.') == ["Ai Jun"]
    assert _people("The vote is on Jun 5 in Harbour.") == []


def test_an_unknown_first_name_after_a_whole_title_stays_in_the_name() -> None:
    """ "Prime Minister Abdiweli Mohamed Ali": not the office's last word glued to "Mohamed Ali"."""
    people = {p.name: p.role for p in analyze("Prime Minister Okoro Hassan Bello said the camp had opened.").people}
    assert people == {"Okoro Hassan Bello": "Prime Minister"}


def test_a_misspelt_title_still_glues_on() -> None:
    """ "Prime Minster" (as published) is no whole title: the word after it is the office's."""
    names = {p.name for p in analyze("Italian Prime Minster Silvio Berlusconi said the vote was fair.").people}
    assert names == {"Silvio Berlusconi"}
