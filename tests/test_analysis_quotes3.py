"""Scare quotes and reported speech: classes of error seen on annotated news, each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

from reader.analysis import analyze


def _quote(body: str, text: str):
    return next(q for q in analyze(body).quotes if q.text == text)


def test_words_quoted_after_a_verb_of_blame_and_its_for_phrase_are_speech() -> None:
    # 'criticized X for "..."', 'accused X of ...ing "..."': the quoted words are what the subject
    # blamed them for, in the subject's words, not a term of the writer's, even when the subject
    # ("who", "he" with no one before) names no one.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The staff, who met on Friday, criticized the mayor for the delays and for "hiding the costs."\n\n'
        'Then he accused the panel of asking too many "loaded questions" at the hearing.'
    )
    assert _quote(body, "hiding the costs.").scare is False
    assert _quote(body, "loaded questions").scare is False


def test_words_quoted_after_someone_s_assertion_or_offer_are_theirs() -> None:
    # 'Roe's assertion that "hundreds" came', 'rejected Ash's offer to make an "exception"': a
    # possessive names whose act of speech it is; a quoted quantity in it is their figure, not a term.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'Jane Roe spoke first. Critics doubted Roe\'s assertion that "hundreds" of jobs were lost.\n\n'
        'Peter Ash spoke next. The mayor rejected Ash\'s offer to make an "exception" for the school.'
    )
    figure = _quote(body, "hundreds")
    assert (figure.scare, figure.speaker) == (False, "Jane Roe")
    offer = _quote(body, "exception")
    assert (offer.scare, offer.speaker) == (False, "Peter Ash")


def test_a_quoted_quantity_or_term_with_no_speech_frame_stays_a_term() -> None:
    body = (
        'The council met on Monday. "Thousands" more residents signed the petition.\n\n'
        'The board\'s "rainy day" fund was empty by May.'
    )
    assert _quote(body, "Thousands").scare is True
    assert _quote(body, "rainy day").scare is True


def test_a_show_named_after_its_host_with_a_small_with_is_a_title() -> None:
    # "The Late Hour with Jane Roe": titles write "with" small, as they write "of" and "the".
    body = (
        "Jane Roe left the station in May. She is now host of \u201cThe Late Hour with Jane Roe.\u201d\n\n"
        "Peter Ash joined \u201cMornings with Peter Ash\u201d on Monday, the station said.\n\n"
        "\u201cCome with me to the hall,\u201d she said to the crowd."
    )
    assert _quote(body, "The Late Hour with Jane Roe.").scare is True
    assert _quote(body, "Mornings with Peter Ash").scare is True
    assert _quote(body, "Come with me to the hall,").scare is False


def test_a_translation_the_writer_gives_is_no_one_s_words() -> None:
    # '"Adiós," Spanish for "goodbye"': the second quote is the writer's gloss of the first.
    body = (
        "Jane Roe ended her speech with \u201cHasta la victoria siempre,\u201d Spanish for "
        "\u201cever onward to victory.\u201d The crowd cheered."
    )
    gloss = _quote(body, "ever onward to victory.")
    assert (gloss.scare, gloss.speaker) == (True, None)


def test_a_quote_joined_by_and_a_to_a_called_quote_is_speech_too() -> None:
    # 'calls him a "fraud" and a "Stalinist."': the article after "and" does not break the list.
    body = (
        "The debate ran late on Monday.\n\n"
        'Jane Roe calls her rival a "fraud" and a "Stalinist." The rival did not answer.'
    )
    assert _quote(body, "fraud").scare is False
    second = _quote(body, "Stalinist.")
    assert (second.scare, second.speaker) == (False, "Jane Roe")


def test_a_show_named_before_its_star_or_host_is_a_title() -> None:
    # '"Orange Is the New Black" star Jane Roe': the show a person is known for, though its words
    # are not all capitalised.
    body = (
        "The awards were handed out on Monday.\n\n"
        "\u201cLife is a Long Road\u201d star Jane Roe spoke about her first role.\n\n"
        "\u201cWe made it,\u201d Roe said. \u201cThe Late Hour\u201d host Peter Ash agreed."
    )
    assert _quote(body, "Life is a Long Road").scare is True
    assert _quote(body, "The Late Hour").scare is True
    assert _quote(body, "We made it,").scare is False
