"""Cited sources, a fourth set of classes on invented sentences: restated positions, outlets' names."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _sources(body: str) -> dict[str, str]:
    return {s.name: s.kind for s in analyze(body, "Title").sources}


def test_a_restated_position_credits_its_subject() -> None:
    assert "Ilse Marn" in _sources("Minister Ilse Marn reaffirmed the ferry would keep running in winter.")
    assert "Ilse Marn" in _sources("Ilse Marn reiterated that the line would reopen.")
    assert "Transport Ministry" in _sources("On Monday the Transport Ministry reiterated its support for the plan.")
    assert "Ilse Marn" not in _sources("The reiterated claims of Ilse Marn's critics were dismissed.")


def test_welcoming_a_decision_credits_its_subject() -> None:
    assert "Ilse Marn" in _sources("Ilse Marn from the harbour group also welcomed the vote: it was a big step.")
    assert "Ilse Marn" not in _sources("The well-known Ilse Marn Hall welcomes visitors on Mondays.")


def test_an_outlet_whose_name_ends_in_online_is_named_whole() -> None:
    sources = _sources("Harbour News Online reported that the ferry had been sold. The ferry sails on Monday.")
    assert sources.get("Harbour News Online") == "outlet" and "Harbour News" not in sources


def test_a_place_opening_an_outlet_s_name_after_its_kind_stays_in_the_name() -> None:
    sources = _sources("Speaking to news site Nairobi Live, Ada Quist said the ferry would be sold.")
    assert sources.get("Nairobi Live") == "outlet" and "Live" not in sources


def test_centers_for_a_cause_are_a_body_named_whole() -> None:
    sources = _sources("The Centers for Ferry Control and Prevention stated that thirty ports had reported cases.")
    assert "Centers for Ferry Control and Prevention" in sources and "Prevention" not in sources


def test_an_outlet_interviewing_is_a_venue_with_a_time_between() -> None:
    sources = _sources("In an interview at the time with The Harbour Times, Ada Quist stated that she loved the sea.")
    assert sources.get("The Harbour Times") == "outlet"
    sources = _sources("During an interview this month with Harbour News, Ada Quist said the ferry would stay.")
    assert sources.get("Harbour News") == "outlet"


def test_a_message_aired_or_broadcast_on_an_outlet_makes_it_a_venue() -> None:
    sources = _sources("In an audio message which aired today on Harbour News, Piet Vorn said he would not resign.")
    assert sources.get("Harbour News") == "outlet"
    sources = _sources("In remarks broadcast on Harbour Radio, Piet Vorn said he would not resign.")
    assert sources.get("Harbour Radio") == "outlet"


def test_the_body_that_conducted_a_poll_or_a_study_is_credited() -> None:
    assert "Velmora Research" in _sources("Most back the ferry, according to a poll conducted by Velmora Research.")
    assert "Quist Institute" in _sources("The risk is supported by research conducted by the Quist Institute.")
    assert "Quist Institute" not in _sources("The raid was conducted by officers trained at the Quist Institute.")


def test_a_body_s_name_with_of_the_is_read_whole() -> None:
    sources = _sources("The Ministry of the Interior said the ferry would be sold.")
    assert "Ministry of the Interior" in sources and "Interior" not in sources
    assert "Council of the Harbour Forces" in _sources("The Council of the Harbour Forces said the port was closed.")


def test_a_body_closing_the_clause_after_a_person_s_own_clause_is_the_source() -> None:
    sources = _sources("Ada Quist, the acting mayor, has resigned, the Harbour Authority announced yesterday.")
    assert "Harbour Authority" in sources and "Ada Quist" not in sources
    sources = _sources(
        "Ada Quist, the mayor, has resigned, the Council of the Harbour Forces, now in control of the city, said."
    )
    assert "Council of the Harbour Forces" in sources and "Ada Quist" not in sources
    sources = _sources("Ada Quist, head of the Harbour Authority said the plan would fail.")
    assert "Ada Quist" in sources


def test_a_passive_with_a_frequency_adverb_credits_no_one() -> None:
    assert "Ada Quist" not in _sources("The murder of journalist Ada Quist is sometimes cited as linked to the gang.")
    assert "Ada Quist" not in _sources("The fall of Ada Quist was often cited as a warning.")


def test_the_body_that_compiled_polls_is_credited() -> None:
    assert "Velmora Research" in _sources("Lee leads by three points, according to polls compiled by Velmora Research.")


def test_a_writer_named_with_of_before_an_outlet_is_not_part_of_its_name() -> None:
    sources = _sources("The boycott has critics. Vorn of Harbour Magazine points out that the brand is Latvian.")
    assert sources.get("Harbour Magazine") == "outlet" and "Vorn of Harbour Magazine" not in sources
    assert "Voice of America" in _sources("Voice of America reported that the ferry sank.")


def test_a_name_no_finder_knows_that_a_message_aired_on_is_an_outlet() -> None:
    sources = _sources("In an audio message which aired today on Velmora-One, Piet Vorn said he would not resign.")
    assert sources.get("Velmora-One") == "outlet"
    assert "Monday" not in _sources("The show aired on Monday, and Piet Vorn said he would not resign.")
    assert "Velmora’s AM" not in _sources("The talk was broadcast on Velmora’s AM 970, and Piet Vorn said he was well.")


def test_a_website_told_in_lowercase_is_an_outlet() -> None:
    sources = _sources('"We came out flat," he told harbourfc.com after the match.')
    assert sources.get("harbourfc.com") == "outlet"
    assert _sources("He told reporters the team came out flat.") == {}


def test_a_question_put_to_someone_named_at_length_credits_the_one_who_asks() -> None:
    assert "Ada Quist" in _sources("Ada Quist asked the 2016 Velmora City Hall contender if he would run.")
    assert "Ada Quist" not in _sources("Ada Quist asked the council for money.")


def test_a_body_named_as_the_possessor_of_the_subject_is_not_credited() -> None:
    sources = _sources("It is a test of the Harbour Authority's ability to assert its control over the port.")
    assert "Harbour Authority" not in sources
    assert "Harbour Authority" in _sources("The Harbour Authority's spokesman said the port was safe.")


def test_the_person_who_speaks_for_a_body_after_an_inverted_cue_is_a_source() -> None:
    body = '"The virus is everywhere," said the Harbour Authority\'s deputy director, Ada Quist. "We expect more."'
    assert "Ada Quist" in _sources(body)  # she is the speaker; her body is named only as her employer
    assert "Ada Quist" in _sources("The line will reopen, said the Harbour Authority's deputy director, Ada Quist.")


def test_the_one_quoted_as_saying_is_a_source() -> None:
    assert "Ada Quist" in _sources("The Harbour Times quoted Ada Quist as saying the port was unsafe.")
    assert "Ada Quist" in _sources("Ada Quist was quoted by the Harbour Times as saying the port was unsafe.")
    body = 'Ada Quist, manager of the Harbour Inn, is quoted by the Harbour Times as saying, "Shame on them."'
    assert {"Ada Quist", "Harbour Times"} <= set(_sources(body))
    assert "Piet Vorn" not in _sources("Piet Vorn met Ada Quist, who was quoted as saying the port was unsafe.")


def test_a_body_ending_a_person_s_appositive_before_the_verb_is_not_cut_at_its_and() -> None:
    body = "Ada Quist, an analyst at the Center for Harbour and International Studies told Harbour News it was bad."
    sources = _sources(body)
    assert "Ada Quist" in sources and "International Studies" not in sources


def test_a_body_named_after_a_date_is_read_whole() -> None:
    sources = _sources("In a statement, the January 25 Harbour Coalition said that it still demands a time frame.")
    assert "January 25 Harbour Coalition" in sources and "Harbour Coalition" not in sources
    sources = _sources("On January 25 Harbour Authority officials said that the port was closed.")
    assert "Harbour Authority" in sources and "January 25 Harbour Authority" not in sources


def test_an_outlet_set_off_by_commas_after_its_kind_is_an_outlet_and_its_it_speaks() -> None:
    body = (
        "Harbourland's state news agency, Kestrel, identified the officer. "
        'It says he was killed while "performing his duty."'
    )
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Kestrel"
    assert ("Kestrel", "outlet") in [(s.name, s.kind) for s in analysis.sources]


def test_a_name_after_the_kind_and_a_comma_with_no_closing_comma_is_no_outlet() -> None:
    analysis = analyze('In the newspaper, Mara Kovel wrote "it is over."')
    assert analysis.quotes[0].speaker == "Mara Kovel"


@pytest.mark.parametrize("outlet", ["Harbourland Today", "India Today"])
def test_a_name_ending_in_today_is_an_outlet_that_speaks(outlet: str) -> None:
    body = f'According to {outlet}, most people support the law "against promoting it."'
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == outlet
    assert (outlet, "outlet") in [(s.name, s.kind) for s in analysis.sources]


def test_today_after_a_sentence_opener_names_no_outlet() -> None:
    analysis = analyze('Earlier Today, Mara Kovel said "It is over."')
    assert [s.name for s in analysis.sources] == ["Mara Kovel"]


def test_a_region_before_for_is_no_part_of_the_bodys_name() -> None:
    body = (
        "Jane Roe is Deputy Director of Middle East and North Africa for Harbour International. "
        'Harbour International refers to the prisoners as "prisoners of conscience."'
    )
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Harbour International"
    assert "Middle East and North Africa for Harbour International" not in [s.name for s in analysis.sources]


def test_a_watchdog_named_watch_is_a_body_and_a_person_of_a_body_is_a_person() -> None:
    analysis = analyze(
        "Harbour Rights Watch said the army fired on crowds. "
        '"Votes did not count," said Vasundhara Kolhe of Harbour Policy Institute, who observed the vote.'
    )
    assert [p.name for p in analysis.people] == ["Vasundhara Kolhe"]
    assert [q.speaker for q in analysis.quotes] == ["Vasundhara Kolhe"]
    kinds = {s.name: s.kind for s in analysis.sources}
    assert kinds["Harbour Rights Watch"] == "organization"
    assert kinds["Vasundhara Kolhe"] == "person"


def test_a_place_before_state_is_no_source_but_a_body_that_states_that_is() -> None:
    assert not analyze("The warning covers Harbour, Kovelland state and the islands.").sources
    analysis = analyze("Officials at Kovel Holdings state that prices will rise.")
    assert [s.name for s in analysis.sources] == ["Kovel Holdings"]


def test_an_example_in_a_such_as_list_is_not_the_subject_of_the_verb() -> None:
    body = "Other firms, such as the Harbour Bank, and Kovel Motors, have announced cuts."
    assert not analyze(body).sources
    assert [s.name for s in analyze("Kovel Holdings, such as it is, said prices would rise.").sources] == [
        "Kovel Holdings"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Ann Bell wrote in an op-ed for the Harbour Gazette that the plan would work.",
        "In a column for the Harbour Gazette, Ann Bell argued the plan would work.",
        "Ann Bell wrote in an essay in the Harbour Gazette that the plan would work.",
    ],
)
def test_an_outlet_that_runs_a_persons_opinion_piece_is_a_source(body: str) -> None:
    kinds = {s.name: s.kind for s in analyze(body).sources}
    assert kinds == {"Ann Bell": "person", "Harbour Gazette": "outlet"}


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("In an interview with The Atlantic, Ann Bell said the plan would work.", "The Atlantic"),
        ("Ann Bell told MSNBC that the plan would work.", "MSNBC"),
        ("Ann Bell told The Hill that the plan would work.", "The Hill"),
    ],
)
def test_outlets_known_by_a_name_with_no_outlet_word(body: str, outlet: str) -> None:
    kinds = {s.name: s.kind for s in analyze(body).sources}
    assert kinds == {"Ann Bell": "person", outlet: "outlet"}


def test_a_new_yorker_is_no_outlet() -> None:
    assert [s.kind for s in analyze("Ann Bell, a lifelong New Yorker, said no.").sources] == ["person"]


def test_a_network_named_for_what_it_airs_is_an_outlet_and_others_are_bodies() -> None:
    kinds = {s.name: s.kind for s in analyze("Ann Bell told the Kovel News Network it would work.").sources}
    assert kinds["Kovel News Network"] == "outlet"
    kinds = {s.name: s.kind for s in analyze("The Harbour Relief Network said it would help.").sources}
    assert kinds["Harbour Relief Network"] == "organization"


def test_a_journal_named_after_its_kind_is_an_outlet_and_no_person() -> None:
    body = "According to a study released this month by the journal Harbour Medicine, injuries rose."
    analysis = analyze(body)
    assert not analysis.people
    assert [(s.name, s.kind) for s in analysis.sources] == [("Harbour Medicine", "outlet")]


def test_a_post_on_x_ends_the_sentence_and_joins_no_name() -> None:
    analysis = analyze('"Peace is a right," Lind wrote on X. Analysts said the unrest was large.')
    assert [s.name for s in analysis.sources] == ["Lind"]


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        ("A Harbourpeace study has found radioactivity in four of eight fish samples.", "Harbourpeace"),
        ("A new Kovel University survey shows support falling.", "Kovel University"),
    ],
)
def test_the_body_of_a_study_or_survey_that_finds_is_a_source(body: str, body_name: str) -> None:
    assert [s.name for s in analyze(body).sources] == [body_name]


def test_a_place_of_a_study_is_no_source() -> None:
    assert not analyze("A Texas study found high levels of lead.").sources
