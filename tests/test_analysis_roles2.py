"""Where an appositive stops being a person's role (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _role(body: str, name: str) -> str | None:
    return next(p.role for p in analyze(body).people if p.name == name)


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("Mara Kovel, the Prime Minister of Harbourland visited the port on Monday.", "Prime Minister of Harbourland"),
        ("Evan Roswell, a security analyst at the Harbour Institute told the Gazette it was safe.",
         "security analyst at the Harbour Institute"),
        ("Evan Roswell, deputy transport minister for Harbourland as quoted by the Gazette, denied it.",
         "deputy transport minister for Harbourland"),
        ("Evan Roswell, a Facebook user who commented on the page, said it was done.", "Facebook user"),
    ],
)  # fmt: skip
def test_a_role_ends_where_the_sentence_or_a_clause_of_saying_goes_on(body: str, role: str) -> None:
    assert _role(body, body.split(",")[0]) == role


def test_a_role_closed_by_its_comma_is_kept_whole() -> None:
    body = "Evan Roswell, a former adviser to the Harbour Authority, said it was done."
    assert _role(body, "Evan Roswell") == "former adviser to the Harbour Authority"


def test_a_relative_clause_in_the_appositive_stays_in_the_role() -> None:
    # the seed's convention: "Pavel Latushko, a former Belarusian official who fled the country"
    body = "Evan Roswell, a former port official who fled the country, said it was done."
    assert _role(body, "Evan Roswell") == "former port official who fled the country"


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("The club signed striker Evan Roswell in May.", "striker"),
        ("Police arrested teacher Evan Roswell on Friday.", "teacher"),
        ("The show hired presenter Evan Roswell last year.", "presenter"),
        ("The school lost its retired teacher Evan Roswell in May.", "retired teacher"),
        ("It was the death of unarmed teenager Evan Roswell that began it.", "unarmed teenager"),
        ("Broadcaster Evan Roswell said it was over.", "Broadcaster"),
    ],
)  # fmt: skip
def test_a_verb_before_the_role_noun_is_no_part_of_the_role(body: str, role: str) -> None:
    assert _role(body, "Evan Roswell") == role


def test_a_broadcaster_named_by_one_word_is_an_outlet_not_a_person() -> None:
    analysis = analyze("Spanish-language broadcaster Telemundia said the debate would air live.")
    assert not analysis.people
    assert [(s.name, s.kind) for s in analysis.sources] == [("Telemundia", "outlet")]


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("The goal was saved by Harbour City keeper Evan Roswell in the last minute.", "Harbour City keeper"),
        ("The plan was confirmed by CIA spokesman Evan Roswell on Monday.", "CIA spokesman"),
        ("The talk was given by Portland State University professor Evan Roswell.",
         "Portland State University professor"),
        ("Police spokesman Evan Roswell said the road was closed.", "Police spokesman"),
        ("On Monday spokesman Evan Roswell said the road was closed.", "spokesman"),
        ("But spokesman Evan Roswell said the road was closed.", "spokesman"),
        ("The team was led by Kovel United's coach Evan Roswell.", "Kovel United's coach"),
    ],
)  # fmt: skip
def test_the_body_or_place_a_role_is_of_stays_in_it(body: str, role: str) -> None:
    assert _role(body, "Evan Roswell") == role


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("Evan Roswell, 34, a nurse from Leeds, said she was angry.", "nurse from Leeds"),
        ("Evan Roswell, 51, the mayor of Harbour, said no.", "mayor of Harbour"),
        ("Evan Roswell, 25, and his wife, Ann, pleaded for help.", None),
        ("Evan Roswell, 43, is a fervent supporter of the plan.", None),
    ],
)  # fmt: skip
def test_a_role_after_an_age_is_the_persons(body: str, role: str | None) -> None:
    assert _role(body, "Evan Roswell") == role


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("U.S. District Judge Evan Roswell ruled on Friday.", "U.S. District Judge"),
        ("Supreme Court Justice Evan Roswell wrote the opinion.", "Supreme Court Justice"),
        ("Chief executive Evan Roswell told analysts it was fine.", "Chief executive"),
        ("Former Harbour governor Evan Roswell endorsed her.", "Former Harbour governor"),
    ],
)  # fmt: skip
def test_the_court_and_office_words_of_a_title_stay_in_the_role(body: str, role: str) -> None:
    assert _role(body, "Evan Roswell") == role


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ('"That is false," Harbour House press secretary Evan Roswell said.', "Harbour House press secretary"),
        ("Kovel campaign manager Evan Roswell quit on Monday.", "Kovel campaign manager"),
        ("The party said campaign manager Evan Roswell quit.", "campaign manager"),
    ],
)  # fmt: skip
def test_the_owner_of_a_role_with_modifiers_stays_in_it(body: str, role: str) -> None:
    assert _role(body, "Evan Roswell") == role


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("Health Minister Evan Roswell opened the clinic.", "Health Minister"),
        ("Then Health Minister Evan Roswell opened the clinic.", "Health Minister"),
        ("It was Harbour Governor Evan Roswell who opened it.", "Harbour Governor"),
        ("On Monday Minister Evan Roswell opened the clinic.", "Minister"),
    ],
)  # fmt: skip
def test_what_a_capitalised_title_is_of_stays_in_the_role(body: str, role: str) -> None:
    assert _role(body, "Evan Roswell") == role


@pytest.mark.parametrize("noun", ["kicker", "punter", "fullback", "playmaker", "substitute", "skipper"])
def test_sports_positions_before_a_name_are_roles(noun: str) -> None:
    assert _role(f"The {noun} Evan Roswell missed the last chance.", "Evan Roswell") == noun


def test_a_role_noun_before_a_title_keeps_the_order_written() -> None:
    body = "The Kovel Union's executive Director Evan Roswell said in a statement that it was over."
    assert _role(body, "Evan Roswell") == "Kovel Union's executive Director"


def test_a_title_alone_gives_way_to_a_later_appositive() -> None:
    body = (
        '"It has problems," said Prof. Evan Roswell. Evan Roswell, an expert in coral ecology at Kovel '
        "Polytechnic, said more samples were needed."
    )
    assert _role(body, "Evan Roswell") == "expert in coral ecology at Kovel Polytechnic"
