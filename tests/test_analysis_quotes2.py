"""Quote marks and scare quotes: classes of error seen on development news, each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.quotes import find_quotes


def _texts(body: str) -> list[str]:
    return [body[q.start : q.end] for q in find_quotes(body)]


def test_a_plural_possessive_in_a_single_quoted_article_opens_no_quote() -> None:
    # No double marks at all: single marks are the article's quote marks, but "voters' " is an apostrophe.
    body = (
        "The mayors' council met on Monday. 'We will vote in May,' said Jane Roe.\n\n"
        "The pollsters' figures changed the voters' minds. In the meantime, the count goes on."
    )
    assert _texts(body) == ["We will vote in May,"]


def test_an_abbreviation_before_a_possessive_opens_no_quote() -> None:
    body = "Peter Ash Jr.'s decision not to run surprised the party. The campaigns' offices stayed shut."
    assert _texts(body) == []


def test_a_master_s_degree_in_an_interview_answer_is_no_quote() -> None:
    body = "Jane Roe: I finished my masters' degree in 2009. Then I worked as a coach for two years."
    assert analyze(body).quotes == ()


def _quote(body: str, text: str):
    return next(q for q in analyze(body).quotes if q.text == text)


def test_single_quoted_words_in_a_headline_are_no_one_s_quote() -> None:
    body = (
        "Mayor vows to stay 'more careful' with her words.\n\n"
        'Mayor Jane Roe said on Monday that she regretted her remarks. "I spoke too soon," she said.\n\n'
        "'A fight to the very end.'\n\n"
        'Peter Ash, her rival, was not convinced. "We will see in May," he said.'
    )
    for text in ("more careful", "A fight to the very end."):
        quote = _quote(body, text)
        assert (quote.scare, quote.speaker) == (True, None)
    assert _quote(body, "I spoke too soon,").scare is False


def test_single_quoted_words_in_a_long_paragraph_stay_a_quote() -> None:
    body = (
        'Jane Roe spoke to the council on Monday. "We will vote in May," she said. In her book she calls the '
        "lobbyists 'honey thieves' and says that the council has listened to them for far too many years."
    )
    assert _quote(body, "honey thieves").scare is False


def test_a_capitalised_quote_that_is_its_own_sentence_is_speech_not_a_title() -> None:
    body = (
        '"We have a common enemy," Peter Ash told the delegates on Monday. "Donald Trump."\n\n'
        'The rally had one message: "Stop The Tax."\n\n'
        'Jane Roe was asked about the vote. "Blacklisted?"'
    )
    for text in ("Donald Trump.", "Stop The Tax.", "Blacklisted?"):
        assert _quote(body, text).scare is False


def test_a_title_inside_a_sentence_stays_a_title() -> None:
    body = 'Peter Ash watched "Morning Talk" on Monday. He loves "The Long Night."'
    assert _quote(body, "Morning Talk").scare is True
    assert _quote(body, "The Long Night.").scare is True


def test_a_nationality_someone_gives_a_person_is_their_word_not_a_title() -> None:
    body = 'Jane Roe spoke in Dover on Monday, adding that she believed the new judge was "Peruvian."'
    quote = _quote(body, "Peruvian.")
    assert (quote.scare, quote.speaker) == (False, "Jane Roe")


def test_capitalised_words_right_after_said_are_the_speaker_s_words() -> None:
    body = 'Peter Ash met voters in Dover. He said "The Farmers" and waved at the crowd.'
    quote = _quote(body, "The Farmers")
    assert (quote.scare, quote.speaker) == (False, "Peter Ash")


def test_a_title_after_wrote_or_called_stays_a_title() -> None:
    body = 'Jane Roe, who wrote "The Long Night," met a painter whose print is called "Rivers and Hills" today.'
    assert _quote(body, "The Long Night,").scare is True
    assert _quote(body, "Rivers and Hills").scare is True


def test_words_someone_casts_a_person_as_are_not_a_term() -> None:
    body = (
        'Jane Roe ran a quiet campaign. Her advertisements cast Peter Ash as an "honest broker" in the dispute, '
        'and she portrayed herself as a "careful steward" of the budget.'
    )
    assert _quote(body, "honest broker").scare is False
    assert _quote(body, "careful steward").scare is False


def test_a_wrong_way_opening_mark_after_a_comma_closes_the_quote() -> None:
    body = "“It will be a long night,“ said Jane Roe, a council member. “We are ready.”"
    assert _texts(body) == ["It will be a long night,", "We are ready."]
    assert analyze(body).quotes[0].speaker == "Jane Roe"


def test_a_long_book_title_with_its_subtitle_is_a_title() -> None:
    body = 'Jane Roe bought "Harbour Lights: The Secret History of the Dover Ferries" on the train.'
    assert _quote(body, "Harbour Lights: The Secret History of the Dover Ferries").scare is True


def test_a_long_quote_in_capitals_without_small_words_is_speech() -> None:
    body = 'Peter Ash wrote on Monday: "We Will Win This Race And Then We Win The Next One"'
    assert _quote(body, "We Will Win This Race And Then We Win The Next One").scare is False


def test_a_crowd_s_calls_and_a_sign_s_words_are_someone_s_words() -> None:
    body = (
        'Peter Ash walked through the market. There were constant calls of "Go Peter Go" as he passed. '
        'A boy hoisted a sign that read "12%!" at the back.'
    )
    assert _quote(body, "Go Peter Go").scare is False
    assert _quote(body, "12%!").scare is False


def test_quoted_words_completing_a_reported_clause_are_not_a_term() -> None:
    body = (
        'The council met on Monday. Her campaign protested that the inspectors were being "unfair" to the farms, '
        'and she later tweeted that the ruling was "Shameful!"'
    )
    assert _quote(body, "unfair").scare is False
    assert _quote(body, "Shameful!").scare is False


def test_a_title_ending_in_an_exclamation_that_is_the_sentence_s_subject_stays_a_title() -> None:
    body = (
        'The review was short. "Hello, Harbour!" opens in Dover in May. '
        'Jane Roe asked the hall if it was ready. "Yesss!" the crowd shouted back.'
    )
    assert _quote(body, "Hello, Harbour!").scare is True
    assert _quote(body, "Yesss!").scare is False


def test_quoted_words_completing_an_infinitive_someone_asked_for_are_their_words() -> None:
    body = 'The meeting opened with a call for the council to "embrace" the plan before winter.'
    assert _quote(body, "embrace").scare is False


def test_a_short_paragraph_quoting_in_single_marks_with_its_cue_stays_a_quote() -> None:
    body = (
        "The minister spoke in Dover. 'We will open the port in May,' she said.\n\n"
        "'It is a good day,' said Peter Ash.\n\n"
        'A sign at the gate read "Welcome back" on Monday.'
    )
    quote = _quote(body, "It is a good day,")
    assert (quote.scare, quote.speaker) == (False, "Peter Ash")
