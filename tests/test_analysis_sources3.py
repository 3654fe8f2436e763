"""Classes of cited sources read on news the earlier rules were not written on, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> set[str]:
    return {s.name for s in analyze(body, "Title").sources}


def test_an_irish_head_of_government_s_title_is_not_part_of_the_name() -> None:
    sources = _sources("Taoiseach Ada Quist said the ferry line would reopen in May.")
    assert "Ada Quist" in sources and "Taoiseach Ada Quist" not in sources
    sources = _sources("Tánaiste Piet Vorn told reporters the budget was balanced.")
    assert "Piet Vorn" in sources and "Tánaiste Piet Vorn" not in sources


def test_a_body_no_finder_knows_is_credited_with_an_insistence_or_an_argument() -> None:
    assert "NATO" in _sources("Dock workers walked out. NATO has insisted it will keep its ships in the port.")
    assert "KLARVO" in _sources("Dock workers walked out. KLARVO argued that the strike was lawful.")
    # An object after the verb is no saying; a plural noun before "of" is no name; a noun before an auxiliary.
    assert not _sources("Marlow and Velmora have maintained a policy of turning away ships.")
    assert not _sources("Critics of Velmora contend that the port is closed.")
    assert not _sources("Harsh comments are earning some sailors more than scorn.")


def test_a_hope_or_a_concern_voiced_credits_its_subject() -> None:
    assert "Ada Quist" in _sources("Dock workers walked out. Ada Quist has voiced concern over the strike.")
    sources = _sources("Dock workers walked out. KLARVO, the main business association in Marlow, voiced its hope.")
    assert "KLARVO" in sources and "Marlow" not in sources
    assert not _sources("The voiced consonants of Marlow are soft.")


def test_an_appeal_for_something_credits_its_subject_as_a_call_for_it_does() -> None:
    assert "Piet Vorn" in _sources("Dock workers walked out. Minister Piet Vorn also appealed for calm at the quay.")
    assert "Ada Quist" in _sources("Dock workers walked out. Ada Quist appealed to residents to stay away.")
    assert not _sources("Dock workers walked out. Ada Quist appealed the ruling. His appeals to voters to stay failed.")


def test_a_plural_name_s_possessive_before_its_spokesperson_is_not_part_of_the_name() -> None:
    sources = _sources("Velocar Motors' spokeswoman said the line would reopen.")
    assert "Velocar Motors" in sources and "Velocar Motors'" not in sources


def test_a_body_whose_name_ends_in_state_is_credited() -> None:
    assert "Islamic State" in _sources("Two men attacked the port. The Islamic State said the two were its followers.")
    assert "Islamic State" in _sources("Two men attacked the port. Islamic State claimed the attack.")
    assert not _sources("The Secretary of State said the port was closed.")
    assert not _sources("The State said the port was closed.")
