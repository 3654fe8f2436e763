"""Speakers named in the clause after an earlier quote of their sentence, after "as described by", or
in one long subject after the quote (invented sentences)."""

from __future__ import annotations

from reader.analysis import analyze


def _quote(body: str, words: str):
    return next(q for q in analyze(body).quotes if words in body[q.start : q.end])


def test_a_second_clause_with_its_own_subject_names_the_second_quotes_speaker() -> None:
    body = (
        'The two leaders met in Harbourton on Monday. Mara Kovel saying she was "very encouraged" and '
        'Tomas Brenner calling it a "great meeting."'
    )
    assert _quote(body, "very encouraged").speaker == "Mara Kovel"
    quote = _quote(body, "great meeting")
    assert (quote.speaker, quote.speaker_reason) == ("Tomas Brenner", "paraphrase")


def test_a_quote_joined_without_a_new_subject_keeps_the_first_speaker() -> None:
    body = 'Mara Kovel said the plan was "bold" and "a first step."'
    assert _quote(body, "first step").speaker == "Mara Kovel"


def test_as_described_by_after_the_quote_names_who_described_it() -> None:
    body = (
        'The audit was published on Friday. The agency had been "extremely careless" in the handling of '
        "the files, as described by Harbour auditor Tomas Brenner."
    )
    assert _quote(body, "extremely careless").speaker == "Tomas Brenner"


def test_one_quoted_by_an_outlet_after_the_quote_is_its_speaker_not_the_outlet() -> None:
    body = '"It is a disaster," Jane Roe was quoted by the Harbour Post as saying. The mayor, Jane Roe, left.'
    assert _quote(body, "It is a disaster").speaker == "Jane Roe"


def test_one_long_subject_after_the_quote_is_the_speaker() -> None:
    body = (
        'The test was announced in Harbourton. "Tritium would let them build a bigger bomb," nuclear experts '
        "Mara Kovel and Tomas Brenner of the Harbour Institute for Science and International Security wrote "
        "in September."
    )
    quote = _quote(body, "bigger bomb")
    assert (quote.speaker, quote.scare) == ("Mara Kovel", False)


def test_a_question_mark_before_a_verb_that_reports_after_quotes_ends_no_attribution() -> None:
    body = (
        'Mara Kovel and Tomas Brenner met the press in Harbourton. "How many states have we lost? Is it two?" '
        "Kovel asks as an aide walks in front of her, saying the count is not finished."
    )
    assert _quote(body, "How many states").speaker == "Mara Kovel"


def test_thanking_someone_for_quoted_words_is_the_thankers_speech() -> None:
    body = (
        "The union paid for a bus tour across the state. It became such a presence that Tomas Brenner on Sunday "
        'thanked its members "for their support in my campaign" and called the union "one of my sponsors."'
    )
    assert _quote(body, "their support").speaker == "Tomas Brenner"
    assert _quote(body, "my sponsors").speaker == "Tomas Brenner"


def test_a_participle_after_an_inverted_cue_is_the_cues_speaker_not_the_sentence_subjects() -> None:
    body = (
        'Harbour police chief Mara Kovel closed the inquiry on Monday. Kovel cannot say that "from her '
        'perspective," Tomas Brenner added, saying it should be "up to the prosecutor to decide."'
    )
    quote = _quote(body, "up to the prosecutor")
    assert (quote.speaker, quote.speaker_reason) == ("Tomas Brenner", "paraphrase")


def test_a_byline_after_a_quoted_fragment_is_no_vox_pop_signature() -> None:
    body = (
        'Harbour Premier Mara Kovel said Monday that she will "try to form a stable government" and insisted '
        'that her party was "still the first force in the country."--Tomas Brenner.\n\nNext story.'
    )
    assert _quote(body, "first force").speaker == "Mara Kovel"


def test_expressed_confidence_that_reports_speech_but_expressed_a_desire_to_does_not() -> None:
    body = (
        "The campaign went back to the airwaves on Wednesday with an interview on Harbour Radio, in which Mara "
        'Kovel expressed confidence that the inquiry would not be an issue "that is going to affect the campaign."'
    )
    assert _quote(body, "affect the campaign").speaker == "Mara Kovel"
    body = 'In a clip that Judge Mara Kovel called "distasteful," Tomas Brenner expressed a desire to "shut it down."'
    assert _quote(body, "distasteful").speaker == "Mara Kovel"


def test_a_verb_then_an_infinitive_cue_after_an_appositive_name_is_the_names() -> None:
    body = (
        "The newsroom was quiet. The editor I was talking to, Tomas Brenner, interrupted me in mid-sentence "
        'to announce, "And there goes the franchise."'
    )
    assert _quote(body, "franchise").speaker == "Tomas Brenner"


def test_a_role_then_a_name_after_an_inverted_cue_is_the_named_person_not_the_body() -> None:
    body = (
        'The Harbour Disease Agency said thirty towns reported cases. "Virtually all of the state has this virus '
        "now,\" said the HDA's interim deputy director, Mara Kovel."
    )
    assert _quote(body, "Virtually all").speaker == "Mara Kovel"


def test_a_name_from_a_group_named_after_its_kind_is_the_subject_before_a_colon() -> None:
    body = (
        "The assembly passed the bill on Tuesday. Mara Kovel from the rights group Stonewall Harbour also "
        'welcomed the vote: "This is a truly historic step forward."'
    )
    assert _quote(body, "historic step").speaker == "Mara Kovel"


def test_someones_arguments_were_introduces_the_quote_after_them() -> None:
    body = (
        "Tomas Brenner spoke in Harbourton on Monday. Brenner's most pointed arguments, though, were directed "
        'at the government. "They do not respect the privacy of their own people."'
    )
    assert _quote(body, "privacy").speaker == "Tomas Brenner"


def test_a_sentence_of_the_writers_that_names_no_one_does_not_end_the_speakers_turn() -> None:
    body = (
        'The towns are small. "Oh gosh, those are some very small towns," Mara Kovel said. They also lie in a '
        'media dead zone, far away from either city. "That\'s a tough area."'
    )
    quote = _quote(body, "tough area")
    assert (quote.speaker, quote.speaker_reason) == ("Mara Kovel", "previous-quote")


def test_a_cue_that_introduces_the_next_quote_does_not_attribute_the_question_before_it() -> None:
    body = (
        'Tomas Brenner and Mara Kovel traded emails that night. Kovel responds to Brenner with, "Why now? That '
        'was on my way to the airport?" Brenner then writes back, "You look tired."'
    )
    assert _quote(body, "Why now").speaker == "Mara Kovel"
    assert _quote(body, "look tired").speaker == "Tomas Brenner"


def test_a_question_asked_by_a_host_and_answered_by_the_guest() -> None:
    body = (
        'Tomas Brenner was asked by host Mara Kovel, who backs him, "That story has moved a little bit, has it '
        'not?" Brenner responded, "It has. But there is frustration."'
    )
    assert _quote(body, "has it not").speaker == "Mara Kovel"
    assert _quote(body, "frustration").speaker == "Tomas Brenner"


def test_as_x_author_of_a_title_in_doubled_apostrophes_put_it() -> None:
    body = (
        "The Harbour Court of Appeals ruled on Monday. As Mara Kovel, professor of law at Harbour and author of "
        "''The Unwritten Charter,'' put it, ''Senators should remember that a compromise candidate is better.''"
    )
    quotes = analyze(body).quotes
    assert [q.speaker for q in quotes] == [None, "Mara Kovel"]


def test_a_reply_that_reports_its_own_words_does_not_attribute_the_exclamation_before_it() -> None:
    body = (
        "Mara Kovel and Tomas Brenner worked together for years. After Kovel fell ill, Brenner emailed her, "
        'addressing her as "Mara" and telling her, "you are an all-star and we need you!" She replied to him '
        'that it was an "honor to serve."'
    )
    assert _quote(body, "all-star").speaker == "Tomas Brenner"
    assert _quote(body, "honor to serve").speaker == "Mara Kovel"


def test_a_possessive_and_a_speech_noun_give_the_quote_to_the_possessor() -> None:
    body = (
        'Tomas Brenner lost the race in 2012. Tomas Brenner\'s "47 percent" comment was nearly as dismissive '
        "as Mara Kovel's vitriol."
    )
    assert _quote(body, "47 percent").speaker == "Tomas Brenner"
    body = (
        "Tomas Brenner spoke in Harbourton. Mara Kovel on Thursday blamed the press for making an issue out of "
        'Brenner\'s claim that the mayor "founded the gang," calling it a slip.'
    )
    assert _quote(body, "founded the gang").speaker == "Tomas Brenner"


def test_what_a_cue_reports_or_says_about_someones_remarks_stays_the_cues_speakers() -> None:
    body = (
        "Tomas Brenner spoke in Harbourton. Mara Kovel said on Thursday that Brenner's claim that the mayor "
        'took bribes is "simply not true."'
    )
    assert _quote(body, "simply not true").speaker == "Mara Kovel"
    body = (
        "Tomas Brenner spoke in Harbourton. Brenner's remarks about the judge were \"the textbook definition "
        'of a racist comment," Mara Kovel said.'
    )
    assert _quote(body, "textbook definition").speaker == "Mara Kovel"


def test_a_name_set_after_the_agent_of_a_passive_is_not_what_she_stands_for() -> None:
    body = (
        'Standing beside the mayor at the harbour, Mara Kovel said, "I cry with joy." The freed aid worker was '
        "greeted by the mayor and his wife, Anna Brenner, along with some supporters.\n\n"
        '"I have been dreaming of this moment for seven years," she said.'
    )
    assert _quote(body, "dreaming").speaker == "Mara Kovel"


def test_a_fragment_right_after_its_cue_is_not_given_to_a_cue_later_in_the_writers_clause() -> None:
    body = (
        'Tomas Brenner and Mara Kovel met again on Thursday. Brenner opened the debate saying "of course" '
        "Kovel has the experience to lead -- having suggested in a speech that she is unfit -- but said she "
        "lacks judgment."
    )
    assert _quote(body, "of course").speaker == "Tomas Brenner"


def test_a_with_clause_between_the_cue_and_the_quote_names_the_quotes_speaker() -> None:
    body = (
        "Tomas Brenner and Mara Kovel met on Monday. The Brenner campaign has denied it happened, with Kovel "
        'taking to social media to call the reporter "totally delusional" for the accusation.'
    )
    assert _quote(body, "totally delusional").speaker == "Mara Kovel"


def test_a_framing_verb_with_a_long_object_before_as_is_its_subjects() -> None:
    body = (
        "The mayor spoke on Sunday. On television, the mayor's campaign chairman, Tomas Brenner, dismissed "
        'criticism of the mayor\'s comments about the judge as "partisan talking points." He left early.'
    )
    assert _quote(body, "talking points").speaker == "Tomas Brenner"


def test_to_counter_that_reports_speech() -> None:
    body = (
        "Tomas Brenner and Mara Kovel work for the campaign. The fact-check was shared 3,200 times, leading "
        'advisers like Tomas Brenner to counter that "every cent of the bailout was repaid."'
    )
    assert _quote(body, "every cent").speaker == "Tomas Brenner"


def test_a_name_whose_appositive_is_left_open_before_the_cue_after_the_quote() -> None:
    body = (
        'The championship ended at dusk. "I knew this day was going to come," Marcos Brenner, the winning '
        "surfer said shortly after the final."
    )
    assert _quote(body, "this day").speaker == "Marcos Brenner"


def test_a_fragment_in_a_sentence_naming_no_one_carries_on_the_speaker_just_before() -> None:
    body = (
        '"The activity could technically be a violation," Mara Kovel added. But that is not the same thing as '
        '"properly chargeable under the law of the land."'
    )
    quote = _quote(body, "properly chargeable")
    assert (quote.speaker, quote.confidence) == ("Mara Kovel", "medium")


def test_a_short_term_in_a_sentence_naming_no_one_stays_a_term() -> None:
    body = '"We will win," Mara Kovel added. Then the press pushed the "gun violence" narrative.'
    assert _quote(body, "gun violence").scare


def test_a_short_next_sentence_does_not_take_a_quote_cued_in_its_own_sentence() -> None:
    body = (
        'Mara Kovel and Tomas Brenner met on Monday. Kovel said the plan was "a disaster for the town." Brenner agreed.'
    )
    assert _quote(body, "a disaster").speaker == "Mara Kovel"
