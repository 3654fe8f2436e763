"""More classes of cited sources, on invented sentences: what a reader of the sources list would notice."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> set[str]:
    return {s.name for s in analyze(body, "Title").sources}


def test_every_person_of_a_subject_joined_by_and_is_a_source() -> None:
    assert {"Ondrej Pilka", "Mara Doyle"} <= _sources("Ondrej Pilka and Mara Doyle both said the plan would fail.")
    assert {"Ondrej Pilka", "Mara Doyle"} <= _sources(
        "Police chief Ondrej Pilka and Mayor Mara Doyle said the plan would fail."
    )


def test_a_comma_after_one_name_joins_two_clauses_not_two_names() -> None:
    sources = _sources("Ondrej Pilka met Mara Doyle, and Ilse Marn said the plan would fail.")
    assert "Ilse Marn" in sources and "Mara Doyle" not in sources
    sources = _sources("The tram is a fine idea to annoy Ondrej Pilka, Mara Doyle said on Monday.")
    assert "Mara Doyle" in sources and "Ondrej Pilka" not in sources


def test_a_promise_or_an_agreement_credits_its_subject_only_before_that() -> None:
    assert "Ilse Marn" in _sources("Ilse Marn vowed that the talks would go on.")
    assert "Ilse Marn" in _sources("Ilse Marn agreed that the talks had failed.")
    assert "Ilse Marn" not in _sources("Ilse Marn agreed to resume the talks in May.")


def test_an_estimate_a_hope_or_a_suspicion_credits_its_subject_before_that() -> None:
    assert "Ada Quist" in _sources("Ada Quist estimated that the repairs would take a year.")
    assert "Ada Quist" in _sources("Ada Quist hopes that the line will reopen.")
    assert "Ada Quist" not in _sources("Ada Quist hopes to reopen the line in May.")
    assert "Ada Quist" not in _sources("The estimated cost alarmed Ada Quist, who left in hopes that it would fall.")


def test_a_persons_finding_or_ruling_before_that_credits_them() -> None:
    assert "Ilse Marn" in _sources("Judge Ilse Marn ruled that the contract was void.")
    assert "Ada Quist" in _sources("A team led by Ada Quist found that the asteroid is spinning.")
    assert "Ada Quist" not in _sources("Ada Quist found it difficult to sleep.")


def test_calls_for_action_and_questions_put_credit_their_subject() -> None:
    assert "Ilse Marn" in _sources("Ilse Marn called for an inquiry into the crash.")
    assert "Ilse Marn" in _sources("Ilse Marn asked whether the talks would succeed.")


def test_a_name_in_apposition_after_by_and_a_role_is_the_source() -> None:
    assert "Ada Quist" in _sources("His death was confirmed by his publicist, Ada Quist.")


def test_a_venue_before_the_speaker_at_the_sentence_start() -> None:
    assert {"Valdoran Tribune", "Helena Quarry"} <= _sources(
        "Speaking to the Valdoran Tribune, Helena Quarry said the ice was thinning."
    )
    assert {"Marvale Courier", "Ada Quist"} <= _sources(
        "Writing in the Marvale Courier, Ada Quist said the train was speeding."
    )


def test_a_body_named_with_what_it_is() -> None:
    assert "Velocar" in _sources("Velocar, the carmaker, said the recall would cost millions.")
    assert "Velocar" in _sources("The carmaker Velocar said the recall would cost millions.")
    assert "VTV" in _sources("Twelve died in the blast, according to broadcaster VTV.")
    assert "Velmora" not in _sources("Velmora, a small town, said nothing.")


def test_an_executive_or_capitalised_officials_speak_for_their_body() -> None:
    assert "Velocar" in _sources("Velocar's chief executive said the recall would cost millions.")
    assert "VLCR" in _sources("Officials at VLCR said the recall would cost millions.")


def test_an_unknown_name_after_an_inverted_cue_is_a_source() -> None:
    assert "Velocar" in _sources("The recall will cost millions, said Velocar.")
    assert _sources("The recall will cost millions, said Monday's notice.") == set()


def test_talking_about_something_credits_the_speaker_talking_to_someone_does_not() -> None:
    assert "Nadia Ferro" in _sources("I met a beekeeper named Nadia Ferro who talked about how hard the winter was.")
    assert "Nadia Ferro" not in _sources("Nadia Ferro talked to her neighbours for an hour.")


def test_the_outlet_a_participle_tells_is_a_venue() -> None:
    sources = _sources("Omar Haddad said the verdict was fair, telling the Marvale Courier he was relieved.")
    assert {"Omar Haddad", "Marvale Courier"} <= sources


def test_a_participle_telling_an_outlet_credits_the_subject_of_its_clause() -> None:
    assert {"Omar Haddad", "Marvale Courier"} <= _sources(
        "Omar Haddad called the verdict fair, telling the Marvale Courier he was relieved."
    )
    assert _sources("The lawyer kept telling Omar Haddad to sit down.") == set()


def test_a_body_that_declines_to_comment_is_not_a_source() -> None:
    assert _sources("The Marvale Police Department declined to comment.") == set()
    assert _sources("Velocar did not respond to a request for comment.") == set()


def test_the_person_of_a_relative_clause_right_before_the_verb_is_the_source() -> None:
    sources = _sources("The theory was challenged by Piet Vorn, who said the storm would miss the coast.")
    assert "Piet Vorn" in sources


def test_a_description_that_speaks_is_not_listed_as_a_source() -> None:
    sources = _sources(
        'Voters went to the polls on Tuesday.\n\nThe Vermont senator emailed supporters saying: "The fight goes on."'
    )
    assert not any(name.startswith("The Vermont") for name in sources)


def test_a_poll_or_a_study_credits_the_body_whose_it_is() -> None:
    assert "Brandell" in _sources("A Brandell poll found that most voters disliked the rules.")
    assert "Kestrel Institute" in _sources("A Kestrel Institute study shows that the rules are unfair.")


def test_the_reporters_own_line_at_the_end_is_not_a_source() -> None:
    assert _sources("The mayor spoke on Monday.\n\nKarsten Lerer reported from Marvale.") == set()
    assert "Radio Lusk" in _sources("Radio Lusk reported from Kabul that the road was closed.")


def test_the_one_who_asks_a_speaker_is_a_source() -> None:
    assert "Ada Quist" in _sources("When asked by host Ada Quist whether he would run, Piet Vorn said no.")


def test_every_name_joined_after_according_to_or_an_inverted_cue_is_a_source() -> None:
    assert {"Ada Quist", "Piet Vorn"} <= _sources("According to Ada Quist and Piet Vorn, the line will reopen.")
    assert {"Ada Quist", "Piet Vorn"} <= _sources("The line will reopen, said Ada Quist and Piet Vorn.")
    assert "Ada Quist" in _sources("The line will reopen, said Mayor Ada Quist.")


def test_a_name_after_said_that_opens_the_reported_clause_is_not_a_source() -> None:
    sources = _sources("Piet Vorn, another pilot, said Ada Quist is the best of them.")
    assert "Piet Vorn" in sources and "Ada Quist" not in sources


def test_every_outlet_told_is_a_venue_and_a_full_stop_is_not_part_of_its_name() -> None:
    sources = _sources("The line will reopen, Ada Quist told the Marvale Courier and the Valdoran Tribune.")
    assert {"Ada Quist", "Marvale Courier", "Valdoran Tribune"} <= sources
    assert _sources('"It is fine," Ada Quist said to the news agency Merovia.') == {"Ada Quist", "Merovia"}


def test_a_country_written_with_the_that_speaks_stays_a_source() -> None:
    assert "The Netherlands" in _sources('Aid was pledged.\n\n"We will help," the Netherlands said in a statement.')


def test_an_outlet_inside_a_longer_outlets_name_is_not_a_second_venue() -> None:
    sources = _sources("Piet Vorn told BBC Sport he was delighted.")
    assert "BBC Sport" in sources and "BBC" not in sources


def test_more_inverted_cues_credit_the_name_after_them() -> None:
    assert "Ada Quist" in _sources("The comet is old, explained Ada Quist, an astronomer.")
    assert "Ada Quist" in _sources("The comet is old, argued Ada Quist.")


def test_the_person_an_unnamed_spokesman_speaks_for_is_the_source() -> None:
    assert "Ada Quist" in _sources("Ada Quist's spokesman said the mayor was ill.")
    assert "Ada Quist" not in _sources("Ada Quist's friend said the mayor was ill.")


def test_the_subject_of_with_x_saying_is_the_source() -> None:
    assert "Ada Quist" in _sources("The mayor resigned, with Ada Quist saying she was ill.")
    assert "Piet Vorn" not in _sources("Ada Quist met with Piet Vorn, saying she was ill.")
