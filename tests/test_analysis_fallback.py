"""The last guess for quotes no rule attributes: the likeliest speaker named nearby, shown as a doubtful
one ("nearby", low), or none when the article leaves the speaker unnamed.

Invented sentences, each the shape of a class of quote the rules leave without a speaker.
"""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.attribution import CONFIDENCE


def _quote(text: str, starts: str):
    return next(q for q in analyze(text).quotes if q.text.startswith(starts))


def _said(text: str, starts: str) -> tuple[str | None, str, str]:
    quote = _quote(text, starts)
    return quote.speaker, quote.speaker_reason, quote.confidence


def test_the_speaker_in_the_sentence_after_a_long_aside_is_proposed_as_a_doubtful_guess():
    text = (
        "The towns out there are small and far from the television stations that cover the state. "
        '"That is a tough area for any campaign." The good news for the senator, Eric Woolson said, is that '
        "crowds still come."
    )
    assert _said(text, "That is") == ("Eric Woolson", "nearby", "low")


def test_nearby_is_a_low_confidence_reason():
    assert CONFIDENCE["nearby"] == "low"


def test_an_anonymous_quote_with_no_one_named_near_it_keeps_no_speaker():
    assert _said('The letter arrived at the office on Monday. "We know what you did last summer."', "We know") == (
        None,
        "none",
        "low",
    )


def test_a_quote_the_article_credits_to_someone_unnamed_keeps_no_speaker():
    # Jane Roe is named all around, but the quote is a resident's
    text = (
        '"The hall is finally open," Jane Roe said on Friday. "We have waited long enough for this," one '
        'resident said. "It took us ten years," Roe told the crowd.'
    )
    assert _said(text, "We have") == (None, "none", "low")


def test_a_cued_sentence_about_someone_unnamed_keeps_no_speaker():
    text = (
        "Jane Roe said on Monday that she would appeal. Her lawyers described the verdict as "
        '"a travesty from the first day of the trial to the last." Roe told reporters she was not surprised.'
    )
    assert _said(text, "a travesty") == (None, "none", "low")


def test_the_quote_between_the_speaker_and_her_next_words_is_hers():
    text = (
        "Jane Roe left the court in tears on Monday. The verdict was "
        '"a travesty from the first day of the trial to the last." Roe told reporters she would appeal.'
    )
    assert _said(text, "a travesty") == ("Jane Roe", "nearby", "low")


def test_the_subject_of_a_speech_act_before_the_quote_is_its_speaker():
    # "hailed" reports no speech by itself, but hailing someone "for ..." quotes the one who hails
    text = (
        'The theatre reopened on Friday. Jane Roe, star of the series "Harbour Lights," hailed the mayor for '
        '"keeping the theatre open through the long winter."'
    )
    assert _said(text, "keeping") == ("Jane Roe", "nearby", "low")


def test_the_subject_the_quoted_words_describe_is_not_their_speaker():
    text = (
        'The theatre reopened on Friday. Jane Roe, star of the series "Harbour Lights," is to her fans '
        '"a national treasure who kept the theatre open through the long winter."'
    )
    assert _said(text, "a national") == (None, "none", "low")


def test_an_interview_answer_keeps_its_own_words_unattributed():
    # the answer is Jane Roe's; the phrase she quotes is no one else's
    text = (
        "Wikinews: What do you stand for?\n\nJane Roe: I grew up here. John Roe and I are running for the council "
        'and we call ourselves "two ordinary people from the harbour side."'
    )
    assert _said(text, "two ordinary") == (None, "none", "low")


def test_a_quote_between_two_speakers_equally_near_keeps_no_speaker():
    text = (
        "Jane Roe told the council the bridge would be built. The room heard that "
        '"nobody knows what it will cost the town." "We will see," John Doe said.'
    )
    assert _said(text, "nobody knows") == (None, "none", "low")
