"""More shapes of attribution in news writing, each in invented sentences: who says the quote.

Each test is one class of error found on unseen news; it fails without the rule it names.
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


def test_a_few_words_after_a_title_are_the_speech_of_the_sentence_cue() -> None:
    # the title in quotes is a term; the words after it, far from the cue, are still Cruz's words
    quote = _last('Ted Cruz said on Monday that the "Green Deal" plan was "a costly mistake" for the country.')
    assert (quote.speaker, quote.scare, quote.speaker_reason) == ("Ted Cruz", False, "paraphrase")


def test_a_name_no_list_knows_opening_the_sentence_is_its_subject() -> None:
    quote = _last('At the rally, Whitcombe compared himself to Ted Cruz, saying, "I am the one who fights."')
    assert quote.speaker == "Whitcombe"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # two clause words before the subject of the cue
        ('But as The Ledger pointed out, "The county has no money left for it."', "The Ledger"),
        # a capitalised cue verb inverted before the speaker
        ('Noted Peter Ash, "The numbers are not good this year."', "Peter Ash"),
        # a verb that reports only right after a quote
        ('"Why would anyone wait that long?" Peter Ash questioned.', "Peter Ash"),
        # someone's words named by a noun before a colon
        ('Jane Doe\'s answer was: "Not this year, and not the next."', "Jane Doe"),
    ],
)
def test_shapes_of_attribution(text: str, speaker: str) -> None:
    assert _last(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a time between the subject and its verb
        ('Peter Ash, the senator, on Monday said the bill was "a step back for all of us."', "Peter Ash"),
        ('Ted Cruz on Saturday criticized the accord, saying the deal goes "nowhere near far enough."', "Ted Cruz"),
        # the subject after a dateline's dash
        (
            'PARIS (AFP) – Hillary Clinton has taken a swipe at the plan, saying that "loud words" do more harm.',
            "Hillary Clinton",
        ),
        # an inverted cue after a comma, right before the quote
        ('Because of the calendar, explained Peter Ash, "the race will be over by the middle of March."', "Peter Ash"),
        # a name with its town and state before the verb
        (
            'Stacy Whitmore of Columbia, South Carolina says she thinks Cruz can win if he keeps "doing what he '
            'is doing."',
            "Stacy Whitmore",
        ),
        # a cue that ends the sentence reports all of it
        (
            'His endorsements will carry "a great deal of weight" and help the candidates of the party bring in the '
            "money they need to win in the fall, spokesman Peter Ash said.",
            "Peter Ash",
        ),
    ],
)
def test_the_subject_of_the_sentence_cue(text: str, speaker: str) -> None:
    assert _last(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name no list knows, right after a quote that ends its sentence with "!"
        ('"It is offensive to all of us!" Whitcombe said.', "Whitcombe"),
        # verbs that report only next to a quote
        ('"Can anyone remember how many we lost?" Jane Doe asks as the music plays.', "Jane Doe"),
    ],
)
def test_verbs_and_names_next_to_the_quote(text: str, speaker: str) -> None:
    assert _last(text).speaker == speaker


def test_a_verb_that_reports_only_before_a_quote_is_a_cue() -> None:
    # found as the sentence's subject before, a paraphrase; now named at the cue
    quote = _last('When the lights went out in the hall, Peter Ash only cracked, "Polls are for dogs."')
    assert (quote.speaker, quote.speaker_reason) == ("Peter Ash", "named")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the cue after the quote belongs to a clause of its own
        (
            'Ted Cruz said he would make the desert "glow in the dark," for instance, and Donald Trump vowed to win.',
            "Ted Cruz",
        ),
        (
            'Jane Doe accuses Ted Cruz of a "cheap trick" regarding her record while Peter Ash suggests the race '
            "is over.",
            "Jane Doe",
        ),
        # the person before the colon is the one spoken to
        ('Peter Ash delivered a blunt message to Donald Trump: "It is time to stop attacking people."', "Peter Ash"),
    ],
)
def test_not_the_speaker_of_another_clause_nor_the_listener(text: str, speaker: str) -> None:
    assert _last(text).speaker == speaker


def test_a_works_title_before_its_author_is_no_speech() -> None:
    quote = _last('"Why the city keeps losing its best teachers," by Jane Doe, ran in the paper on Sunday.')
    assert quote.scare and quote.speaker is None


@pytest.mark.parametrize(
    "text",
    ['The fans chanted, "Build That Wall Now," as the buses left.', 'He held a sign that read "Teachers For Ash."'],
)
def test_title_cased_words_chanted_or_on_a_sign_are_someones_words(text: str) -> None:
    assert not _last(text).scare


def test_the_subject_of_a_subordinate_clause_before_the_cue() -> None:
    quote = _last('Jane Doe\'s move is notable because Peter Ash has said he is "not ready" to back the plan.')
    assert quote.speaker == "Peter Ash"


def test_words_joined_to_speech_by_and_are_speech() -> None:
    quotes = analyze(CAST + 'The crowd chanted back at him, "Send them all home," and "build the wall."').quotes
    assert [q.scare for q in quotes[-2:]] == [False, False]


@pytest.mark.parametrize(
    "text",
    [
        '"The data showed the largest gain in years," Peter Ash, an economic adviser to the party and a former '
        "director of the budget office in the capital, said.",
        '"How are you doing today?" Peter Ash, a retired worker from the nuclear plant, said into the phone.',
    ],
)
def test_a_name_with_a_long_appositive_after_the_quote_speaks(text: str) -> None:
    assert _last(text).speaker == "Peter Ash"


@pytest.mark.parametrize(
    "text",
    [
        # a "where" clause has a subject of its own
        'The vote was held on Capitol Hill, where Senate Leader Peter Ash (D-Nev.) told reporters that "we will '
        'find a way to pass it."',
    ],
)
def test_the_subject_of_the_clause_with_the_cue(text: str) -> None:
    assert _last(text).speaker == "Peter Ash"


@pytest.mark.parametrize(
    "text",
    [
        '"We are done with it," Peter Ash, Trump\'s spokesman, said in a statement.',
        'Peter Ash, Clinton\'s campaign chairman, said that the plan was "dead on arrival."',
    ],
)
def test_the_named_person_speaks_not_the_one_whose_aide_he_is(text: str) -> None:
    assert _last(text).speaker == "Peter Ash"
