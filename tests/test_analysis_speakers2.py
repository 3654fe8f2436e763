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
