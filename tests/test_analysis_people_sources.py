"""What the People and Sources panes list for the kinds of news writing that used to go wrong."""

from __future__ import annotations

from reader.analysis import analyze


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body).people}


def _sources(body: str) -> dict[str, str]:
    return {s.name: s.kind for s in analyze(body).sources}


def test_a_capitalised_word_glued_before_a_name_is_not_part_of_it() -> None:
    people = _people(
        "Broadcaster Piers Morgan was there. Countryman Lawrence Cherono won the race.\n\n"
        "Previous SpaceX launches failed. Thank you for listening. I'm John Russell."
    )
    assert {"Piers Morgan", "Lawrence Cherono", "John Russell"} <= set(people)
    assert not {"Broadcaster Piers Morgan", "Countryman Lawrence Cherono", "Previous SpaceX", "I'm John Russell"} & set(
        people
    )


def test_outlets_parties_schools_and_places_are_not_people() -> None:
    people = _people(
        "Civic Platform won the vote. The Marine Bulletin reported it first. Roosevelt High won the final. "
        "Fighting spread to El Geneina. Kentucky Republicans met on Monday."
    )
    assert not people


def test_a_given_name_that_is_also_a_place_still_names_a_person() -> None:
    people = _people("Virginia Holt and Jordan Chiles arrived together. Jordan Miller stayed at home.")
    assert {"Virginia Holt", "Jordan Chiles", "Jordan Miller"} <= set(people)


def test_name_particles_initials_and_shortened_names_keep_one_whole_person() -> None:
    body = (
        "European Commission President Ursula von der Leyen spoke first. Ruud van Nistelrooy watched with "
        "Richard A. Mastracchio. Hillary Rodham Clinton arrived later; Hillary Clinton said little."
    )
    people = analyze(body).people
    names = {p.name for p in people}
    assert {"Ursula von der Leyen", "Ruud van Nistelrooy", "Richard A. Mastracchio", "Hillary Rodham Clinton"} <= names
    assert "Ursula" not in names and "Hillary Clinton" not in names
    clinton = next(p for p in people if p.name == "Hillary Rodham Clinton")
    assert "Hillary Clinton" in clinton.aliases


def test_a_title_alone_gives_way_to_the_role_the_article_states() -> None:
    people = _people("Dr. Ana Lopez, a vaccine researcher at Oxford, was not involved in the trial.")
    assert people["Ana Lopez"] == "vaccine researcher at Oxford"


def test_things_introduced_by_called_are_not_people() -> None:
    people = _people("My first book is called Legato. He ran a program called Euro for years.")
    assert not people


def test_bodies_credited_with_a_paraphrase_are_sources() -> None:
    sources = _sources(
        "The FDA said the drug was safe. According to the CDC, cases rose in May. "
        "The United Nations refugee agency said 3,000 people had fled."
    )
    assert sources == {"FDA": "organization", "CDC": "organization", "United Nations refugee agency": "organization"}


def test_outlets_that_are_the_venue_of_a_statement_are_sources() -> None:
    sources = _sources(
        "Reuters reported the talks had stalled. A senior official told The Guardian that no deal was near. "
        "Mayor Jane Holt, speaking to BBC Sport, said the stadium would open. Tom Reed said on Fox News that "
        "he would vote no. Stan remarked to The Brooklyn Paper that the drink sold well."
    )
    for outlet in ("Reuters", "The Guardian", "BBC Sport", "Fox News", "The Brooklyn Paper"):
        assert sources.get(outlet) == "outlet", outlet


def test_quoted_speakers_and_people_credited_with_a_paraphrase_are_sources() -> None:
    sources = _sources(
        '"We will rebuild," said Mayor Jane Holt. K.C. Maurer, treasurer at the Andy Warhol Foundation, said '
        "500 institutions had been invited. Kiara Perkins, a student, admitted she skipped class.\n\n"
        'Critics called it a "sham". She explained how Warhol\'s camera revealed his method.'
    )
    assert sources == {"Jane Holt": "person", "K.C. Maurer": "person", "Kiara Perkins": "person"}


def test_the_short_name_of_a_body_is_the_same_source() -> None:
    sources = _sources(
        "A former member says the Church of Scientology kept her aboard a ship. The Church said she was a volunteer."
    )
    assert sources.get("Church of Scientology") == "organization"
