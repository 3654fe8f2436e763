"""Classes of cited sources the sources finder used to miss or mislabel, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> dict[str, str]:
    return {s.name: s.kind for s in analyze(body).sources}


def test_a_body_named_before_a_head_noun_that_also_opens_sentences_is_kept_whole() -> None:
    sources = _sources(
        "The listing went down an hour later. Northfield Arms Group said in a statement that it had removed it.\n\n"
        "Officers of the Harbour Police said the quay was closed. The Department of Justice said it would appeal."
    )
    assert {"Northfield Arms Group", "Harbour Police", "Department of Justice"} <= set(sources)


def test_an_unnamed_spokesperson_officials_or_statement_credit_the_body_they_speak_for() -> None:
    sources = _sources(
        "A spokesperson for Corvane said the line would reopen. A Brightwater Rail spokesman said trains were late.\n\n"
        "A Velmora statement said the probe was healthy. Officials at the Ministry of Ports said the dock was shut.\n\n"
        "Saudi officials said the road was open. A senior official said the talks went well."
    )
    assert {"Corvane", "Brightwater Rail", "Velmora", "Ministry of Ports"} <= set(sources)
    assert "Saudi" not in sources and len(sources) == 4


def test_a_body_after_an_opening_word_or_a_nationality_is_still_named() -> None:
    sources = _sources(
        "As Ledgerline revealed, the party agreed to share its files. Western Compass reported on Saturday that "
        "the mayor would run. American Voters said they were tired."
    )
    assert {"Ledgerline", "Western Compass"} <= set(sources)
    assert "As Ledgerline" not in sources and not any("Voters" in name for name in sources)


def test_findings_credit_a_body_but_not_a_person() -> None:
    sources = _sources(
        "In 2014, Brandell found that twice as many voters wanted it. The Supreme Court ruled that the law stood.\n\n"
        "A Marlowe Institute poll shows the mayor ahead. Governor Ada Quist found it difficult to win. "
        "The body was found by hikers."
    )
    assert {"Brandell", "Supreme Court", "Marlowe Institute"} <= set(sources)
    assert "Ada Quist" not in sources


def test_a_body_that_identified_someone_is_credited_a_person_is_not() -> None:
    sources = _sources(
        "The Valley County Coroner's Office identified the man as Ivo Brandt. Ada Quist identified her neighbour."
    )
    assert len(sources) == 1 and "Coroner's Office" in next(iter(sources))


def test_a_single_unknown_name_after_according_to_is_a_body_a_given_name_a_person() -> None:
    sources = _sources(
        "The race is tight, according to Tallworth. Turnout fell, according to Jennifer.\n\n"
        "According to Coastal Rights Watch, hundreds were held. The rights of the detained matter, it said."
    )
    assert sources["Tallworth"] == "organization"
    assert sources["Jennifer"] == "person"
    assert sources["Coastal Rights Watch"] == "organization"


def test_the_body_a_report_statement_or_figures_come_from_is_a_source() -> None:
    sources = _sources(
        "A report by the Northern Health Organization found that cases rose. As reported by Western Dispatch, "
        "the plan was dropped. Figures from the Office for Harbour Statistics show a rise. A statement from "
        "Corvane said trains were full.\n\nPolling data from Iowa showed a shift. The inquiry was aided by "
        "an investigation by the New York attorney general."
    )
    assert {"Northern Health Organization", "Western Dispatch", "Office for Harbour Statistics", "Corvane"} <= set(
        sources
    )
    assert "Iowa" not in sources and "New York" not in sources


def test_a_body_named_by_a_common_noun_is_the_one_just_named() -> None:
    sources = _sources(
        "The Harbour Safety Board is investigating the collision, the agency said.\n\n"
        "The Ministry of Ports closed the quay. Police blocked the road. The ministry said the quay was unsafe.\n\n"
        "The Daily Courier ran the story first. The newspaper said the mayor had resigned."
    )
    assert {"Harbour Safety Board", "Ministry of Ports", "The Daily Courier"} <= set(sources)


def test_a_common_noun_with_two_bodies_before_it_credits_neither() -> None:
    sources = _sources(
        "The Harbour Safety Board and the Northern Rail Authority met on Monday. The agency said the line was safe."
    )
    assert not sources


def test_a_plural_that_only_opens_a_sentence_is_no_body() -> None:
    sources = _sources(
        "The trial opened on Monday. Prosecutors said the official took bribes. Witnesses said he smiled.\n\n"
        "Velmont said the plant would close. Shares of Velmont fell."
    )
    assert sources == {"Velmont": "organization"}


def test_outlets_told_or_added_to_and_outlets_that_obtained_or_saw_a_document() -> None:
    sources = _sources(
        '"We are sinking," Oduya told Harbourline in a telephone interview. "We can lead," Marek said to the '
        "news agency Reuters. She was angry, adding to CNN that she felt no pity.\n\n"
        "A letter written by the prisoner has been obtained by The Valley Courier. Documents seen by the "
        "Northern Gazette show the plan."
    )
    assert {"Harbourline", "Reuters", "CNN", "The Valley Courier", "Northern Gazette"} <= set(sources)
    assert sources["Harbourline"] == "outlet"


def test_a_spokesperson_for_a_body_described_in_an_appositive_credits_the_body() -> None:
    sources = _sources(
        "A spokesperson for NRSA, the Varnian government's nuclear authority, said the crisis had grown."
    )
    assert set(sources) == {"NRSA"}


def test_no_credit_for_a_passive_a_noun_or_a_verb_that_adds_a_thing() -> None:
    sources = _sources(
        "Ruud van Nistelrooy was then denied a run on goal. Bayern had a penalty claim, but the referee "
        "waved play on. Since then, Sevilla has added three titles to their collection."
    )
    assert not sources


def test_a_stance_felt_and_a_body_that_suggested_are_credited() -> None:
    sources = _sources(
        "Mayor Ada Quist felt the summit was a success. The figure rose, and Harbourline yesterday suggested "
        "that the real number was higher."
    )
    assert {"Ada Quist", "Harbourline"} <= set(sources)


def test_according_to_a_document_does_not_credit_the_subject_after_the_comma() -> None:
    sources = _sources(
        "According to the letter, the Varnian government began seeking clemency in March. According to recent "
        "polls, Ada Quist leads the race.\n\nAccording to the team's coach, Omar Haddad, the robot scored first."
    )
    assert set(sources) == {"Omar Haddad"}


def test_a_person_who_opens_the_clause_before_saying_is_credited_not_its_object() -> None:
    sources = _sources(
        "Ada Quist visited the plant on Monday, saying that jobs were safe. Former Mayor Omar Haddad urged "
        "voters to turn out, saying it mattered.\n\nThe businessman has praised Lena Varga, saying she was a "
        "stronger leader. Without saying a word, Ivo Brandt left."
    )
    assert set(sources) == {"Ada Quist", "Omar Haddad"}


def test_a_name_opening_word_of_the_stop_list_stays_in_a_body_after_a_lowercase_the() -> None:
    sources = _sources(
        "In May, the State Department told reporters that no records were found. State officials said the road "
        "was closed. The Government Accountability Office found that costs rose."
    )
    assert set(sources) == {"State Department", "Government Accountability Office"}


def test_a_body_named_once_right_before_its_verb_is_the_subject_not_a_name_further_back() -> None:
    sources = _sources(
        '"I will never eat them again," Ada Quist said in August after Corvane announced it was laying off workers.'
    )
    assert set(sources) == {"Ada Quist", "Corvane"}


def test_people_who_thank_or_tweet_are_credited_a_promise_or_a_condemnation_is_not() -> None:
    sources = _sources(
        "Ada Quist, the head of Velmora, thanked the launch team. Ivo Brandt tweeted that the result was a "
        "surprise.\n\nHealth Minister Mara Lind visited survivors and promised them treatment. Mayor Omar Haddad "
        "recently condemned the vandalism."
    )
    assert {"Ada Quist", "Ivo Brandt"} <= set(sources)
    assert "Mara Lind" not in sources and "Omar Haddad" not in sources


def test_a_passive_report_credits_neither_its_subject_nor_a_name_far_after_by() -> None:
    sources = _sources(
        "The archbishop, Ada Quist, was reported by local media to have visited the hospital while Omar Haddad "
        "slept. He was in a serious condition; TVN24 reported he had surgery."
    )
    assert set(sources) == {"TVN24"}


def test_a_description_before_the_name_still_opens_the_clause_of_a_participle() -> None:
    sources = _sources(
        "US citizen Ada Quist spoke to the crowd on Monday, saying that jobs were safe. She also compared Omar "
        "Haddad to Lena Varga, saying they were alike."
    )
    assert set(sources) == {"Ada Quist"}


def test_per_an_outlet_a_statement_issued_and_an_inverted_cue_after_a_described_person() -> None:
    sources = _sources(
        "She had moved to the coast years ago, per the Valley Courier. The Harbour Board issued a statement on "
        "Monday saying the line was safe.\n\nAda Quist, an aide to the mayor, sent photos to a rival, the "
        "Northern Gazette reported."
    )
    assert set(sources) == {"Valley Courier", "Harbour Board", "Northern Gazette"}


def test_a_body_whose_spokesperson_or_statement_is_its_possessive_is_the_source() -> None:
    sources = _sources("Corvane's spokesman said the line would reopen. Velmora's statement said the probe was fine.")
    assert set(sources) == {"Corvane", "Velmora"}


def test_an_outlet_after_an_inverted_cue_and_bodies_headed_division_or_directorate() -> None:
    sources = _sources(
        '"We are here," said Ada Quist, the head of the group, reports USA Today. The plan was first floated '
        "in June, reported the Valley Courier.\n\nRevenue fell, according to the state Division of Harbour "
        "Enforcement. The Civil Defence Directorate said the roads were clear."
    )
    assert {"USA Today", "Valley Courier", "Division of Harbour Enforcement", "Civil Defence Directorate"} <= set(
        sources
    )


def test_a_body_something_was_announced_or_confirmed_by_is_a_source() -> None:
    sources = _sources(
        "The discovery was announced by the Supreme Council of Relics on Sunday. The death was confirmed by "
        "Velmora on Monday. The inquiry was aided by an investigation by the New York attorney general."
    )
    assert set(sources) == {"Supreme Council of Relics", "Velmora"}


def test_an_outlet_named_by_its_kind_and_a_body_before_the_appositive_describing_it() -> None:
    sources = _sources(
        "Witnesses told local television station KVLT that the train was speeding. He told local officials "
        "nothing.\n\nHarbourstat, the EU's harbour statistics office, said prices rose."
    )
    assert set(sources) == {"KVLT", "Harbourstat"}
    assert sources["KVLT"] == "outlet"


def test_the_person_named_right_before_the_verb_is_credited_with_every_name_of_their_list() -> None:
    sources = _sources(
        "The debate between Lena Varga and Ivo Brandt grew so heated over who backed the bill that Governor "
        "Ada Quist said it needed a translator.\n\nMara Lind, Omar Haddad and Tomas Reiter said the plan was sound."
    )
    assert {"Ada Quist", "Mara Lind", "Omar Haddad", "Tomas Reiter"} <= set(sources)
    assert "Ivo Brandt" not in sources


def test_a_body_or_person_that_cited_something_is_credited_not_what_was_cited_by() -> None:
    sources = _sources(
        "In 2009, the Harbour Budget Office cited the tax as a major reason for the rise. Ada Quist cited a "
        "survey of dock workers. The report was cited by critics."
    )
    assert set(sources) == {"Harbour Budget Office", "Ada Quist"}


def test_a_body_that_predicted_or_forecast_is_credited() -> None:
    sources = _sources(
        "Meteorologists at the Valley Weather Service predicted heavy rain. The Coastal Storm Centre forecast "
        "high winds for Saturday. The forecast said little else."
    )
    assert set(sources) == {"Valley Weather Service", "Coastal Storm Centre"}


def test_the_antecedent_of_an_open_relative_clause_is_the_one_who_said() -> None:
    sources = _sources(
        "Ada Quist, who endorsed Omar Haddad in late May and said she would campaign with him, did not show up."
    )
    assert set(sources) == {"Ada Quist"}


def test_a_body_credited_with_a_paraphrase_verb_as_a_person_would_be() -> None:
    sources = _sources(
        "The Ministry of Ports added that the quay would reopen. Corvane Rail Group insisted that the deal was "
        "done. Adding to the list, the Harbour Board opened a second quay."
    )
    assert set(sources) == {"Ministry of Ports", "Corvane Rail Group"}


def test_a_body_is_credited_with_a_stance() -> None:
    sources = _sources("The Ministry of Ports dismissed the claims. The Valley Rovers Club thanked its fans.")
    assert set(sources) == {"Ministry of Ports", "Valley Rovers Club"}


def test_a_body_that_opens_the_clause_before_saying_is_credited() -> None:
    sources = _sources(
        "The Valley Rail Authority suspended service on Monday, saying the track was damaged. After meeting "
        "the Harbour Board, the crew left, saying nothing."
    )
    assert set(sources) == {"Valley Rail Authority"}


def test_phrasal_cues_and_thinks_credit_their_subject_but_went_on_to_does_not() -> None:
    sources = _sources(
        "Ada Quist pointed out that the line was old. The Harbour Board shot back that it was new. Omar "
        "Haddad thinks the line is safe.\n\nLena Varga was next to bat. Varga went on to hit a double."
    )
    assert set(sources) == {"Ada Quist", "Harbour Board", "Omar Haddad"}


def test_a_cue_of_quotes_credits_a_paraphrase_only_before_a_clause() -> None:
    sources = _sources(
        "Ada Quist complained that the service was slow. In the 62nd minute Omar Haddad conceded a penalty. "
        "Mayor Lena Varga declared the day a holiday."
    )
    assert set(sources) == {"Ada Quist"}


def test_an_unknown_name_an_appositive_calls_an_outlet_is_an_outlet_source() -> None:
    sources = _sources(
        "Kompas, a national daily, reported that the bridge had collapsed. Velmora, a small town, said nothing."
    )
    assert sources == {"Kompas": "outlet"}


def test_a_progressive_credits_its_subject_as_the_finite_verb_does() -> None:
    sources = _sources(
        "Ada Quist is arguing that the toll road will never pay for itself. Omar Haddad has been saying for "
        "weeks that the port needs dredging. The ferry was being told to wait."
    )
    assert sources == {"Ada Quist": "person", "Omar Haddad": "person"}


def test_who_expressed_a_stance_is_credited() -> None:
    sources = _sources(
        "Speaking to reporters at the harbour, Ada Quist, the port's director, expressed concern that the dredging "
        "would be late. Doubts were expressed about the budget."
    )
    assert sources == {"Ada Quist": "person"}


def test_a_second_by_joined_by_and_credits_its_body_too() -> None:
    sources = _sources(
        "The toll was reported by The Daily Courier as twelve and by Harbour Radio as fifteen. The bridge was "
        "reopened by noon and by Friday traffic was back."
    )
    assert sources == {"The Daily Courier": "outlet", "Harbour Radio": "outlet"}


def test_an_unknown_name_ending_in_today_is_an_outlet() -> None:
    sources = _sources(
        "The toll rose to nine overnight. Harbour Today yesterday suggested the real figure was higher. "
        "Earlier Today the ferries stopped."
    )
    assert sources == {"Harbour Today": "outlet"}
