"""People: offices glued to names, names cut short or run on, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body).people}


def test_an_office_word_glued_before_a_given_name_is_no_part_of_the_name() -> None:
    people = _people("Irish Tanaiste Helen Brogan said the talks would resume. Brogan met the unions on Friday.")
    assert "Helen Brogan" in people
    assert not any(name.startswith("Tanaiste") for name in people)


def test_the_place_of_a_title_of_office_is_no_part_of_the_name_after_it() -> None:
    people = _people(
        "On Monday, Minister of Fisheries Oleksiy Drach signed the quota. Later, the Mayor of Quellón "
        "Darwin Pinto welcomed the fleet."
    )
    assert {"Oleksiy Drach", "Darwin Pinto"} <= set(people)
    assert not any(name.startswith(("Fisheries", "Quellón")) for name in people)


def test_a_three_word_name_after_a_body_keeps_its_given_name() -> None:
    people = _people("A former commander of the Iraqi Armed Forces Hussein Kamal Jabbar was sentenced on Sunday.")
    assert "Hussein Kamal Jabbar" in people


def test_three_word_names_after_a_title_or_in_a_title_of_a_work_are_kept_as_they_were() -> None:
    people = _people("President Recep Tayyip Arslan spoke at the White House James S. Brady briefing room.")
    assert "Recep Tayyip Arslan" in people
    assert not any("Brady" in name for name in people)
    assert not _people("The network aired A Very Clinton Christmas on Sunday night.")


def test_producers_charities_resorts_and_contests_named_after_someone_are_no_people() -> None:
    people = _people(
        "The film was made by Bellamy Productions and screened at the Koru Sentosa Resort. The Alvin Marsh "
        "Ministries and Lucia Verde Music sponsored the Harbour Song Contest, which Human Rights groups praised."
    )
    assert not people


def test_a_name_listed_with_a_person_is_a_person() -> None:
    people = _people(
        "Observers met President Nkemba and Odhiambo Wekesa on Friday. "
        '"I spoke to Marta Ilves and Jaan Tamm," she said. The board thanked Peter Rourke, Olu Adeyemi '
        "and the staff."
    )
    assert {"Odhiambo Wekesa", "Jaan Tamm", "Olu Adeyemi"} <= set(people)


def test_a_name_after_a_clause_and_a_comma_is_no_item_of_a_list() -> None:
    people = _people('She wrote: "By embracing Super Glass-Steagall, Donald Trump could leap ahead of them all."')
    assert "Donald Trump" in people
    assert not any("Glass" in name for name in people)


def test_a_quoted_nickname_inside_a_name_leaves_the_name_whole() -> None:
    analysis = analyze(
        'The finalists were Peter Mel, Grant "Twiggy" Holt and Gov. C.L. “Butch” Amsel. Holt won the heat.'
    )
    people = {p.name: p for p in analysis.people}
    assert {"Grant Holt", "C.L. Amsel"} <= set(people)
    assert 'Grant "Twiggy" Holt' in people["Grant Holt"].aliases
    assert len(people["Grant Holt"].mentions) == 2
    assert not any(name in ("Twiggy", "Butch", "C.L.") for name in people)


def test_a_role_after_a_name_reads_past_an_abbreviation_or_an_initial() -> None:
    people = _people(
        '"It will pass," said Tomas Ferreira, a former aide to Mr. Lindqvist. Hanna Ort, the U.S. envoy to '
        "Estonia, agreed. Olu Bakare, an adviser to President George W. Bush, did not."
    )
    assert people["Tomas Ferreira"] == "former aide to Mr. Lindqvist"
    assert people["Hanna Ort"] == "U.S. envoy to Estonia"
    assert people["Olu Bakare"] == "adviser to President George W. Bush"


def test_an_appositive_opened_by_an_owner_names_a_person_and_their_role() -> None:
    people = _people(
        "President Ilkin Demir met with Besim Aral, Turkey's interior minister. Ana Kovac, Google's chief "
        "executive, did not attend. Lea Brandt, Mrs. Demir's spokeswoman, declined to comment."
    )
    assert people["Besim Aral"] == "Turkey's interior minister"
    assert people["Lea Brandt"] == "Mrs. Demir's spokeswoman"
    assert people["Ana Kovac"] == "Google's chief executive"


def test_a_courtesy_title_is_dropped_from_a_role_with_other_words() -> None:
    people = _people(
        "Former Nevada Senator Dr. Lila Marsh spoke first. Then security editor Dr. Ivo Brandt and Assistant "
        "Professor Ana Sol took questions."
    )
    assert people["Lila Marsh"] == "Former Nevada Senator"
    assert people["Ivo Brandt"] == "security editor"
    assert people["Ana Sol"] == "Assistant Professor"


def test_a_word_glued_before_a_known_full_name_is_dropped() -> None:
    analysis = analyze(
        "Mike Tarvin spoke on Monday. Iron Mike Tarvin was not asked back, the organisers said. Lily "
        "Eskola Garcia and Eskola Garcia's staff stayed."
    )
    people = {p.name: p for p in analysis.people}
    assert "Iron Mike Tarvin" not in people
    assert len(people["Mike Tarvin"].mentions) == 2
    assert "Lily Eskola Garcia" in people  # the second word no given name: a name of three words


def test_given_names_common_in_world_news_are_evidence_of_a_person_in_a_quote() -> None:
    people = _people(
        '"We spoke to Vitaly Orlan about it and later to Besir Kaplan," the envoy said. "Taher Qasri agreed."'
    )
    assert {"Vitaly Orlan", "Besir Kaplan", "Taher Qasri"} <= set(people)
