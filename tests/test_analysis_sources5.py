"""A country's body named by its possessive and a lowercase head ("Norway's fisheries ministry") is an
organisation that speaks and is cited (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> set[str]:
    return {s.name for s in analyze(body).sources}


def test_a_countrys_ministry_speaks() -> None:
    body = 'Norway\'s fisheries ministry has denied the report, saying, "No quota was broken."'
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Norway's fisheries ministry"
    assert "Norway's fisheries ministry" in {s.name for s in analysis.sources}


def test_a_two_word_country_keeps_both_words() -> None:
    sources = _sources("South Korea's unification ministry said talks would resume.")
    assert "South Korea's unification ministry" in sources


def test_a_description_before_the_bodys_name_is_not_a_second_body() -> None:
    """ "Norway's state news agency, Ekko, reported": the agency is Ekko, not a body of its own."""
    sources = _sources("Norway's state news agency, Ekko, reported that the ship had sunk.")
    assert "Norway's state news agency" not in sources


def test_a_persons_office_is_not_a_countrys_body() -> None:
    sources = _sources("Vasil Orlov's office said the meeting was cancelled.")
    assert not any(name.startswith("Vasil Orlov's") for name in sources)


def test_the_head_alone_is_the_body_named_in_full_before() -> None:
    """ "the Commission said" after "the Harbour Rights Commission of Tidewater": one body, not two."""
    body = (
        "The Harbour Rights Commission of Tidewater condemned the killing. "
        '"We call on the government to act," the Commission said.'
    )
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Harbour Rights Commission of Tidewater"
    assert "Commission" not in {s.name for s in analysis.sources}


def test_the_head_alone_after_two_such_bodies_is_neither() -> None:
    body = (
        "The Harbour Rights Commission met the Tidewater Trade Commission. "
        '"We call on the government to act," the Commission said.'
    )
    assert analyze(body).quotes[0].speaker not in ("Harbour Rights Commission", "Tidewater Trade Commission")


def test_a_source_is_never_one_letter_of_an_abbreviation() -> None:
    """ "statements from U.S. representatives": not a body named "U"."""
    sources = _sources("Harbour News received statements from U.S. representatives.")
    assert not any(len(name) < 2 for name in sources)
