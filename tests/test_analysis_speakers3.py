"""Shapes of attribution found on new development news (second round), each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze

CAST = (
    "Donald Trump, Hillary Clinton, Barack Obama, Jane Doe and Ted Cruz met on Monday. "
    "Howard Stern, Peter Ash and Bernie Sanders came too. "
)


def _last(text: str):
    """The last quote of ``CAST + text``."""
    return analyze(CAST + text).quotes[-1]


@pytest.mark.parametrize(
    "text",
    [
        'Peter Ash left the hall early. "The vote was never going to pass," said a relative of the mayor.',
        'Ted Cruz was not invited. "They wanted a deal before the winter," an aide to the council told reporters.',
        'Jane Doe spoke first. "We did not expect this," one official said after the meeting.',
    ],
)
def test_a_quote_of_someone_unnamed_takes_no_earlier_speaker(text: str) -> None:
    quote = _last(text)
    assert (quote.speaker, quote.speaker_reason) == (None, "none")


@pytest.mark.parametrize(
    ("text", "speaker", "reason"),
    [
        ('Ted Cruz called the plan "a costly mistake", telling CNN it would fail.', "Ted Cruz", "paraphrase"),
        (
            'Jane Doe spoke at the hall. She described the plan as "a sad day", telling The Herald it would fail.',
            "Jane Doe",
            "pronoun",
        ),
    ],
)
def test_the_listener_of_a_participle_after_the_quote_is_no_speaker(text: str, speaker: str, reason: str) -> None:
    quote = _last(text)
    assert (quote.speaker, quote.speaker_reason) == (speaker, reason)


def test_a_lowercase_noun_before_the_name_describes_the_subject() -> None:
    # "US citizen" describes Jane Doe: she opens the sentence, and her added words are hers
    quote = _last('US citizen Jane Doe thought of the plan as "a sad mistake", adding to CNN: "It will fail."')
    assert quote.speaker == "Jane Doe"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The rift with Ted Cruz was plain on Monday when Senate leader Peter Ash lamented the "sorry state" of it.',
            "Peter Ash",
        ),
        ('Trump was angry after Jane Doe said the plan was "a failure" on Monday.', "Jane Doe"),
    ],
)
def test_a_time_clause_before_the_cue_has_a_subject_of_its_own(text: str, speaker: str) -> None:
    assert _last(text).speaker == speaker


def test_two_named_speakers_after_the_quote_are_no_new_clause() -> None:
    # "and Senate leader Ted Cruz" joins a second name to the subject; it opens no clause of its own
    quote = _last(
        '"We will win this fight," former mayor Peter Ash and Senate leader Ted Cruz, both Republicans, said.'
    )
    assert quote.speaker == "Peter Ash"


@pytest.mark.parametrize("word", ["Now", "However", "Indeed"])
def test_a_connective_opening_the_sentence_keeps_the_previous_speaker(word: str) -> None:
    quote = _last(f'"The plan was weak at first," said Peter Ash. {word}, "there is a real chance it passes."')
    assert (quote.speaker, quote.speaker_reason) == ("Peter Ash", "previous-quote")


def test_the_one_quoted_by_an_outlet_speaks() -> None:
    # "he was quoted by The Herald": The Herald reports the words, he said them
    quote = _last('Ted Cruz spoke of the plan; he was quoted by The Herald on his view of it; "It is a bad deal."')
    assert quote.speaker == "Ted Cruz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a titled name no list knows opens the sentence before; "she" is that person
        (
            'Secretary of State Zorvane Quill felt the talks went well. "It will be hard," she said on television.',
            "Zorvane Quill",
        ),
        # and with an appositive between the name and its verb
        (
            'Minister of Finance Zorvane Quill, a former banker, spoke at length. "We will recover," he said.',
            "Zorvane Quill",
        ),
        # an unnamed spokesman for an organisation: the organisation
        (
            'A spokesman for the World Health Organization said cases were falling. "We are hopeful," he said.',
            "World Health Organization",
        ),
    ],
)
def test_a_pronoun_after_a_sentence_whose_subject_no_list_knows(text: str, speaker: str) -> None:
    quote = analyze(text).quotes[-1]
    assert (quote.speaker, quote.speaker_reason) == (speaker, "pronoun")


def test_a_pronoun_after_an_unnamed_subject_is_not_an_earlier_name() -> None:
    # "He" is the programme manager, whom the article does not name; not Peter Ash before him
    quote = _last(
        'Peter Ash thanked the crew. The mission programme manager stated that "this is a moment of joy". '
        'He also cited a slogan, saying that "we heard you loud and clear".'
    )
    assert quote.speaker is None


def test_a_capitalised_title_before_its_year_is_a_work() -> None:
    quote = _last(
        'Peter Ash wrote essays such as "A Declaration of the Rights of Readers" (1996) that shaped the debate.'
    )
    assert (quote.speaker, quote.scare) == (None, True)


@pytest.mark.parametrize("verb", ["started", "began", "deadpanned", "confided"])
def test_verbs_that_report_only_right_after_a_quote(verb: str) -> None:
    quote = _last(f'"The paper says we had a secret meeting," Peter Ash {verb}.')
    assert quote.speaker == "Peter Ash"


@pytest.mark.parametrize("verb", ["reads", "read"])
def test_a_letter_that_reads_gives_its_sender_s_words(verb: str) -> None:
    quote = _last(
        f'The World Health Organization letter {verb} "we may extend the scheme in due course", but no plan exists.'
    )
    assert (quote.speaker, quote.speaker_reason) == ("World Health Organization", "named")


def test_a_titled_name_and_its_party_tag_open_the_sentence_as_its_subject() -> None:
    # "Senate Majority Leader Ted Cruz, R-Texas," is the subject, not an opening phrase before it
    quote = _last('Senate Majority Leader Ted Cruz, R-Texas, delivered a blunt message to Trump: "It is time to quit."')
    assert (quote.speaker, quote.speaker_reason) == ("Ted Cruz", "paraphrase")


def test_a_single_name_with_an_age_opening_a_sentence_names_someone() -> None:
    quote = analyze(
        'Quarlby, 24, says he survived by clinging to a plank. "They should have closed the bridge," he said.'
    )
    assert quote.quotes[-1].speaker == "Quarlby"


def test_reacted_inverted_after_a_quote_names_the_speaker() -> None:
    quote = _last('Obama spoke about the city. "He said the city is our pride," reacted Trump.')
    assert (quote.speaker, quote.speaker_reason) == ("Donald Trump", "named")


def test_a_title_before_the_quote_does_not_cut_off_the_subject() -> None:
    # the show's title is a term, so the clause before it still holds the speaker of "a costly mistake"
    quote = _last('Peter Ash, the host of "Good Morning Town" on the radio, said the plan was "a costly mistake".')
    assert quote.speaker == "Peter Ash"


def test_a_person_s_argument_opening_the_sentence_gives_the_quoted_words_to_them() -> None:
    quote = _last('Ted Cruz’s catch phrase in that race against Peter Ash was that Ash "would say anything to win."')
    assert (quote.speaker, quote.speaker_reason) == ("Ted Cruz", "paraphrase")
