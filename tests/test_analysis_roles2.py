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
