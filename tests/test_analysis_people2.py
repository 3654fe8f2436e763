"""People: names found from weaker evidence, surnames that are words, and roles, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body).people}


def test_a_known_given_name_before_another_is_a_person() -> None:
    people = _people(
        "The lawyer for the family of Walter Grant spoke on Monday. Turnout was low. Other factors were at "
        "work. Thomas Neville of the state university suggested to me that wages mattered."
    )
    assert {"Walter Grant", "Thomas Neville"} <= set(people)


def test_a_place_before_a_role_noun_is_no_address_after_a_name() -> None:
    people = _people('"Voters are tired," said Dirkje Hoorn, Europe coordinator at a think tank in Utrecht.')
    assert "Dirkje Hoorn" in people


def test_a_surname_that_is_a_body_word_ends_a_name_after_a_title() -> None:
    analysis = analyze(
        "In May, Harbour Safety Minister Brannock Day said the port would reopen. Day added that it was safe. "
        "Ms. Hall, the harbour pilot, agreed."
    )
    people = {p.name: p for p in analysis.people}
    assert "Brannock Day" in people
    assert "Minister" in (people["Brannock Day"].role or "")
    assert len(people["Brannock Day"].mentions) == 2
    assert "Hall" in people
    assert not _people("Election Day was quiet in the Town Hall.")


def test_a_regnal_number_after_a_given_name_or_a_title_names_a_monarch() -> None:
    analysis = analyze("Pope Gregory XIX opened the synod. Gregory XIX spoke of peace. King Edmund IX did not attend.")
    people = {p.name: p for p in analysis.people}
    assert "Gregory XIX" in people["Gregory"].aliases
    assert people["Gregory"].role == "Pope"
    assert len(people["Gregory"].mentions) == 2
    assert "Edmund IX" in people["Edmund"].aliases
    assert not _people("After World War II the crew of Apollo XIII came home.")


def test_a_plural_role_noun_before_a_list_is_the_role_of_each_name_in_it() -> None:
    people = _people(
        "The exhibit shows photographers Nora Vale, Tomas B. Reyes and Ida Lund; and athletes Piet Kramer "
        "(tennis) and Joan Halsey (golf). Two of the injured are club football players, Sam Ortt and Lev Brandt. "
        "Researchers Ann Bello and Tom Rusk agreed."
    )
    assert [people[n] for n in ("Nora Vale", "Tomas B. Reyes", "Ida Lund")] == ["photographer"] * 3
    assert people["Piet Kramer"] == people["Joan Halsey"] == "athlete"
    assert people["Sam Ortt"] == people["Lev Brandt"] == "player"
    assert people["Ann Bello"] == people["Tom Rusk"] == "researcher"


def test_a_name_after_supporters_of_is_no_supporter() -> None:
    people = _people(
        "The supporters of Mara Quist rallied. Rena Holt of Alto Partners, Bo Chance of Delve Capital agreed."
    )
    assert people.get("Mara Quist") is None
    assert people.get("Bo Chance") is None


def test_an_office_of_a_country_before_a_name_is_its_role() -> None:
    people = _people(
        "A letter to the Prime Minister of Canada Edvin Sollie was read aloud. Then Deputy Secretary of State "
        "Ann Brill spoke."
    )
    assert people["Edvin Sollie"] == "Prime Minister of Canada"
    assert people["Ann Brill"] == "Deputy Secretary of State"


def test_a_role_set_off_by_a_comma_before_a_name() -> None:
    people = _people(
        "Also the president of the Varn region, Elio Marani, has reacted. Co-founder of Quillsoft, Dara Penn, "
        "met him. In a statement, Malaysia's Prime Minister, Aziz Harun said no. As Governor of Ohio in 1983, "
        "Bill Tarrant signed it. In the city of Boston, Colm Feeny was born."
    )
    assert people["Elio Marani"] == "president of the Varn region"
    assert people["Dara Penn"] == "Co-founder of Quillsoft"
    assert people["Aziz Harun"] == "Malaysia's Prime Minister"
    assert people.get("Bill Tarrant") is None
    assert people.get("Colm Feeny") is None


def test_a_bare_appositive_may_open_with_the_place_or_body_of_the_role() -> None:
    people = _people(
        "After the match, Ruben Ortal, Panama coach, said it was hard. Dana Kell, First Minister of Wales, "
        "agreed. Jo Hurst, Ohio Secretary of State, agreed. Ann Bellow, presidential candidate Tom Rusk said."
    )
    assert people["Ruben Ortal"] == "Panama coach"
    assert people["Dana Kell"] == "First Minister of Wales"
    assert people["Jo Hurst"] == "Ohio Secretary of State"
    assert people["Ann Bellow"] is None


def test_a_name_after_a_noun_of_kin_and_of_is_a_person() -> None:
    people = _people(
        "Among them was Maren Olsby, the mother of Tavish Quorle, who was shot in 2012. Several other parents "
        "of Brindle Cove children came. The port of Dorran Bay was shut."
    )
    assert "Tavish Quorle" in people
    assert "Brindle Cove" not in people
    assert "Dorran Bay" not in people


def test_a_phrase_before_or_after_a_name_that_is_no_role() -> None:
    people = _people(
        "Speaking to reporters, Ngozi Abara announced her resignation. According to Ayo Bankole, the bridge "
        "was weak. According to Tunde Falana, the city engineer, it was safe."
    )
    assert people["Ngozi Abara"] is None
    assert people["Ayo Bankole"] is None
    assert people["Tunde Falana"] == "city engineer"


def test_a_role_noun_before_a_name_is_evidence_inside_a_quote_too() -> None:
    people = _people('"Not even his father, Ilyas, was allowed in," said a relative. "I wrote to my daughter Mirel."')
    assert {"Ilyas", "Mirel"} <= set(people)


def test_winners_and_champions_are_roles() -> None:
    people = _people("Defending champion Mirela Dascalu won again. Last season's winner Ivo Brankov came second.")
    assert people["Mirela Dascalu"] == "Defending champion"
    assert people["Ivo Brankov"] == "winner"


def test_a_given_name_and_a_withheld_surname_is_a_person() -> None:
    analysis = analyze(
        "The detained suspect, Andrzej K., is 27. Prosecutors said Andrzej K was known to police. "
        "The network of Charles G. and David H. Koch grew. Cyrus I am not."
    )
    people = {p.name: p for p in analysis.people}
    assert "Andrzej K" in people
    assert len(people["Andrzej K"].mentions) == 2
    assert "Charles G" not in people
    assert "Cyrus I" not in people
