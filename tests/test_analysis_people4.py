"""People: names against the marks and words around them in ordinary news text, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body).people}


def test_a_closing_quote_written_with_apostrophes_is_no_part_of_a_name() -> None:
    body = (
        "''The plan never depended on Mark Stevens.'' The crowd cheered. 'It was never about Dana Pryce.' "
        "Stevens and Pryce did not reply."
    )
    analysis = analyze(body)
    names = {p.name: p for p in analysis.people}
    assert set(names) == {"Mark Stevens", "Dana Pryce"}
    assert "Stevens" in names["Mark Stevens"].aliases


def test_a_title_that_only_qualifies_another_does_not_make_the_next_word_a_person() -> None:
    people = _people(
        "Former Gazette reporter Mary Fenn criticised the manager. Acting Pentagon spokesman Tom Ruiz said so. "
        "Former Senator Walsh agreed."
    )
    assert set(people) == {"Mary Fenn", "Tom Ruiz", "Walsh"}
    assert people["Walsh"] == "Former Senator"


def test_a_given_name_opening_a_place_tagged_with_its_state_is_no_person() -> None:
    people = _people(
        "At a summit in Glen Ellyn, Ill., Ruiz defended the bill. The rally in Jackson Hole, Wyoming, was "
        "small. Gold went to Simone Biles, United States, and silver to Rebeca Andrade, Brazil."
    )
    assert set(people) == {"Simone Biles", "Rebeca Andrade"}


def test_a_long_appositive_is_not_cut_at_the_stop_of_an_honorific_or_an_initial() -> None:
    people = _people(
        "Gail Rowan, a strategist for Mrs. Ortega's 2008 campaign who currently polls for a group in Ohio, "
        "said no. Ned Pryor, a former director of the A.F.T.-C.W.U. and a union organizer in three states, agreed."
    )
    assert people["Gail Rowan"] == "strategist for Mrs. Ortega's 2008 campaign who currently polls for a group in Ohio"
    assert people["Ned Pryor"] == "former director of the A.F.T.-C.W.U. and a union organizer in three states"


def test_a_word_of_the_lexicon_after_a_given_name_and_a_middle_initial_is_a_surname() -> None:
    people = _people(
        "The studio cast actor Marcus T. Jordan as the hero. Representative Owen P. King, a Republican, "
        "objected. Later Mr. King and Jordan met."
    )
    assert {"Marcus T. Jordan", "Owen P. King"} <= set(people)
    assert "King" not in people and "Jordan" not in people


def test_an_appositive_with_its_role_noun_before_of_makes_a_pair_of_unknown_words_a_person() -> None:
    people = _people(
        "The film left out the speech of Zbyr Qazmi, the grieving father of a sailor. Volkswagen, the "
        "owner of Audi, said nothing."
    )
    assert people == {"Zbyr Qazmi": "grieving father of a sailor"}


def test_a_place_or_title_word_after_a_given_name_is_a_surname_when_a_person_s_appositive_follows() -> None:
    people = _people(
        "The claims will be heard, Ruth Pope, deputy security adviser, said. You are not welcome, said Lena "
        "Day, executive director of the group. She married Gary Hall, who once modelled. The Franklin Institute "
        "said no. Austin Park, the largest in town, opened."
    )
    assert set(people) == {"Ruth Pope", "Lena Day", "Gary Hall"}
    assert people["Lena Day"] == "executive director of the group"


def test_the_verb_of_a_sign_off_is_no_part_of_the_writer_s_name() -> None:
    people = _people("The senator spoke for an hour.\n\nFollow Dana Kessler on Twitter @dkessler.")
    assert set(people) == {"Dana Kessler"}


def test_a_capitalised_function_word_before_a_hyphened_word_is_no_east_asian_surname() -> None:
    people = _people(
        "The Ortiz-Lamb matchup is a classic. She told The Star-Courier of Newark. Park Joo-Ho scored twice."
    )
    assert set(people) == {"Park Joo-Ho"}


def test_a_chinese_surname_and_a_pinyin_given_name_is_a_person_even_in_a_quote() -> None:
    people = _people(
        '"I get to talk to Hu Jintao, and I remind him," she said. "Ask Ma Long," he said, of the long queue.'
    )
    assert set(people) == {"Hu Jintao"}


def test_a_particle_or_connector_of_a_name_is_no_alias_of_its_owner() -> None:
    analysis = analyze("Pierre de Valk teaches law. Valk said the Banco de Portugal erred.")
    assert [(p.name, p.aliases) for p in analysis.people] == [("Pierre de Valk", ("Valk",))]


def test_a_place_word_of_another_language_before_a_particle_opens_a_place() -> None:
    people = _people(
        "They surfed at Punta de Lobos and flew to Rio de Janeiro. Later the Ceremonial Punta de Lobos began. "
        "Rio Ferdinand and Maria de Souza watched."
    )
    assert set(people) == {"Rio Ferdinand", "Maria de Souza"}


def test_a_double_surname_written_alone_is_the_person_with_the_full_name() -> None:
    analysis = analyze(
        "The chair, Debra Wasserman Holt, resigned. Wasserman Holt said she was sorry. John Paul Ortega sailed "
        "on Monday; Paul Ortega stayed home."
    )
    names = {p.name: p for p in analysis.people}
    assert set(names) == {"Debra Wasserman Holt", "John Paul Ortega", "Paul Ortega"}
    assert "Wasserman Holt" in names["Debra Wasserman Holt"].aliases


def test_a_gendered_honorific_before_a_shared_surname_is_the_person_of_that_gender() -> None:
    analysis = analyze(
        "Bill Ostrow and his wife, Hillary Ostrow, arrived. Mrs. Ostrow spoke first; Mr. Ostrow waved. "
        "Mrs. Ostrow thanked the crowd."
    )
    mentions = {p.name: len(p.mentions) for p in analysis.people}
    assert mentions == {"Bill Ostrow": 2, "Hillary Ostrow": 3}


def test_an_honorific_inside_a_role_says_nothing_of_its_owner_s_gender() -> None:
    analysis = analyze(
        "Lorne Meyer, a former governor who argued with Ms. Brandt, spoke. Avery Meyer, a donor, agreed. "
        "Mr. Meyer left early."
    )
    mentions = {p.name: len(p.mentions) for p in analysis.people}
    assert mentions == {"Lorne Meyer": 2, "Brandt": 1, "Avery Meyer": 1}


def test_the_words_of_an_office_before_its_title_stay_in_the_role() -> None:
    people = _people(
        "Senate Majority Leader Harold Ruiz spoke. White House Press Secretary Jo Ames agreed. FBI Director "
        "Tom Fries left. Sen. Bo Lane stayed."
    )
    assert people == {
        "Harold Ruiz": "Senate Majority Leader",
        "Jo Ames": "White House Press Secretary",
        "Tom Fries": "FBI Director",
        "Bo Lane": "Sen.",
    }


def test_an_office_word_after_a_title_is_no_one_word_name() -> None:
    people = _people("General Ilker Demir, Chief of the General Staff of the Armed Forces, spoke on Friday.")
    assert set(people) == {"Ilker Demir"}


def test_a_name_the_article_introduces_as_a_thing_is_no_person_where_it_recurs() -> None:
    people = _people(
        "The party hired several data vendors, among them a firm called Oxford Metrica, which is owned "
        "by a donor to a rival. Aides later grumbled about the price tag associated with Oxford "
        "Metrica’s services."
    )
    assert people == {}


def test_a_show_named_after_its_outlet_is_no_person() -> None:
    people = _people(
        "He spoke to Globepost Live's Alina Markova about the film. Later he told Harbour Download on "
        "Thursday that the bill would pass."
    )
    assert set(people) == {"Alina Markova"}


def test_a_name_after_an_ordinal_number_is_a_numbered_thing() -> None:
    people = _people("Mr. Hale took a post at 21st Century Wolf last year. The 44th President Barack Obama spoke.")
    assert set(people) == {"Hale", "Barack Obama"}


def test_a_surname_with_a_particle_capitalised_at_a_sentence_start_is_an_alias() -> None:
    analysis = analyze(
        "Robin van Dael scored twice. Martin Van Buren was cited. Ursula von der Lunde spoke. Van Dael agreed. "
        "Von der Lunde smiled."
    )
    names = {p.name: p.aliases for p in analysis.people}
    assert names == {
        "Robin van Dael": ("Van Dael",),
        "Martin Van Buren": (),
        "Ursula von der Lunde": ("Von der Lunde",),
    }


def test_the_lowercase_words_that_narrow_a_role_noun_stay_in_the_role() -> None:
    people = _people(
        "Republican presidential candidate Dana Voss spoke. Her campaign manager Cory Lind said so. They met "
        "reporter Ann Bell. Critics kept naming businesswoman Eva Roth."
    )
    assert people == {
        "Dana Voss": "Republican presidential candidate",  # the party the role is of, too
        "Cory Lind": "campaign manager",
        "Ann Bell": "reporter",
        "Eva Roth": "businesswoman",
    }


def test_a_ship_named_after_a_person_is_no_person() -> None:
    people = _people(
        "The HMS Queen Maud sailed at dawn. The USS Harry S. Truman left Norfolk. The crew of USS John McCain "
        "rested. Captain Ann Bell of HMS Dauntless spoke."
    )
    assert people == {"Ann Bell": "Captain"}


def test_the_lowercase_end_of_a_capitalised_word_is_no_role_before_a_name() -> None:
    from reader.analysis.person_roles import _role_before

    text = "a letter to President Kibwana Odinga"
    assert _role_before(text, text.index("Kibwana")) is None  # not "resident"
    text = "the Spanish singer Marisol"
    assert _role_before(text, text.index("Marisol")) == "Spanish singer"
