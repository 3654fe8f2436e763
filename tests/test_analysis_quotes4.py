"""Quote spans and scare quotes: classes of error seen on annotated news, each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

from reader.analysis import analyze


def _quote(body: str, text: str):
    return next(q for q in analyze(body).quotes if q.text == text)


def test_a_title_before_a_relative_clause_or_a_passive_cue_is_no_speech() -> None:
    # '"Harbour Lights," which recounts ...', '"Tin Crowns," written by a troupe', 'The ad, titled
    # "Unfit?", argues': the cue after the title tells of the work, not of its words.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The mayor, a fan of the film "Harbour Lights," which recounts the flood, spoke first.\n\n'
        'The play is based on a show called "Tin Crowns," written by a puppet troupe from Lyon.\n\n'
        'The ad, titled "Unfit?", argues that the plan is too costly.\n\n'
        '"Not Today," wrote Jane Roe in her column.'
    )
    assert _quote(body, "Harbour Lights,").scare is True
    assert _quote(body, "Tin Crowns,").scare is True
    assert _quote(body, "Unfit?").scare is True
    words = _quote(body, "Not Today,")
    assert (words.scare, words.speaker) == (False, "Jane Roe")


def test_words_quoted_in_a_clause_after_a_noun_of_speech_are_reported() -> None:
    # 'the admission that he was "against the toll,"', 'a report by the paper that he "padded" it': the
    # clause reports someone's words; the few quoted ones are theirs, not the writer's term.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'His rivals dug up the 2001 admission that he was "firmly against the toll," and his votes on taxes.\n\n'
        'On Friday came a report by the Courier that the mayor "padded" the figures for the pier.'
    )
    assert _quote(body, "firmly against the toll,").scare is False
    assert _quote(body, "padded").scare is False


def test_a_judgement_quoted_as_what_something_is_is_reported_not_a_term() -> None:
    # 'the closing of the clinic was "deeply unfair" to patients', 'she is not "fit" to': the quoted
    # words are the predicate, someone's judgement; a quoted word before the noun it describes ('a
    # "dry" county', 'the boilers are "gas" or "oil" fired') stays a term, and so
    # does a noun phrase after "a" ('would be a "public benefit."', a term of the law).
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The suit was filed in May. The closing of the clinic was "deeply unfair" to older patients.\n\n'
        'After a week of fuss over whether the new chief is "fit" to run the port, the two rivals met.\n\n'
        'The cost depends on whether the boilers are "gas" or "oil" fired.\n\n'
        'Their entry would be a "significant public benefit." The vote was on Friday.'
    )
    assert _quote(body, "deeply unfair").scare is False
    assert _quote(body, "fit").scare is False
    assert _quote(body, "gas").scare is True
    assert _quote(body, "oil").scare is True
    assert _quote(body, "significant public benefit.").scare is True


def test_whose_words_in_a_clause_after_a_noun_of_speech_names_its_owner_or_its_agent() -> None:
    # "Roe's wording in the statement makes plain that she ...", "a report by Reuters that he ...":
    # the possessive or the "by" phrase names whose words are quoted in the clause.
    body = (
        "Jane Roe spoke to the board on Monday.\n\n"
        'Roe\u2019s wording in the statement makes plain that she is offering "goodwill" to the board.\n\n'
        'On Friday came a report by Reuters that the mayor "padded" the figures for the pier.'
    )
    owner = _quote(body, "goodwill")
    assert (owner.scare, owner.speaker) == (False, "Jane Roe")
    agent = _quote(body, "padded")
    assert (agent.scare, agent.speaker) == (False, "Reuters")


def test_a_judgement_that_ends_its_clause_inside_the_marks_is_reported() -> None:
    # 'the plan, she said, was a "gamble" that was not "sustainable."': the quoted words close the clause, so
    # nothing after them can be the noun of a term.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The audit was long. The plan was not "sustainable." The board met again in June.'
    )
    assert _quote(body, "sustainable.").scare is False


def test_a_frame_of_blame_or_casting_reads_past_initials_and_long_names() -> None:
    # 'accused then-chair Jane B. Roe of trying to "bury" the audit', 'attacking 2012 party nominee
    # Peter Ash as having "run from the fight,"': the frame's words may hold dots and run to eight.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'In 2011 he all but accused then-chair Jane B. Roe of trying to "bury" the audit.\n\n'
        'He spent the week attacking 2012 Green Party nominee Peter Ash as having "run from the fight," '
        "and then left town."
    )
    assert _quote(body, "bury").scare is False
    assert _quote(body, "run from the fight,").scare is False


def test_a_quantity_quoted_right_after_a_reporting_verb_is_the_speaker_s_figure() -> None:
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'Jane Roe testified "hundreds" of pumps had failed. "Thousands" more residents signed the petition.'
    )
    figure = _quote(body, "hundreds")
    assert (figure.scare, figure.speaker) == (False, "Jane Roe")
    assert _quote(body, "Thousands").scare is True


def test_a_title_right_after_the_work_it_names_is_no_speech_though_a_cue_follows() -> None:
    # 'In her new memoir, "Salt and Iron," and on the radio, Roe said', 'author of "The Quiet Law,"
    # put it': the noun before the marks names the work; the cue after reports other words.
    body = (
        "Peter Ash spoke at the library on Monday.\n\n"
        'In his new memoir, "Salt and Iron," and on the radio, Ash said the mill would reopen.\n\n'
        'As Jane Roe, author of "The Quiet Law," put it, the court must act.\n\n'
        '"Not Today," Ash said.'
    )
    assert _quote(body, "Salt and Iron,").scare is True
    assert _quote(body, "The Quiet Law,").scare is True
    assert _quote(body, "Not Today,").scare is False


def test_words_quoted_as_what_others_hold_something_to_be_are_theirs() -> None:
    # 'a toll seen by drivers as a "tax on work"', 'posts that are considered "purely clerical."':
    # others' word for the thing, not the writer's term.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'The fund, seen by its backers as a "bridge" to better days, was cut.\n\n'
        'Unions have long fought against giving out posts that are considered "purely clerical."'
    )
    assert _quote(body, "bridge").scare is False
    assert _quote(body, "purely clerical.").scare is False


def test_the_name_some_people_use_and_the_thing_someone_blames_are_their_words() -> None:
    # 'protests against what they call the "stolen" budget', 'while condemning the "plunder" of the
    # harbour': the quoted words are the name others use or what is blamed, in the blamer's words. A
    # noun of blame ('Roe's rejection of "a budget of despair"') keeps its owner as the speaker.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'Hundreds plan protests against what they call the "stolen" budget of the city.\n\n'
        'The mayor sees the same costs. But while condemning the "plunder" of the harbour, she has no plan.\n\n'
        'Jane Roe spoke last. It was Roe\'s rejection of "a budget of despair" that won the hall.'
    )
    assert _quote(body, "stolen").scare is False
    assert _quote(body, "plunder").scare is False
    owner = _quote(body, "a budget of despair")
    assert (owner.scare, owner.speaker) == (False, "Jane Roe")


def test_words_someone_orders_praises_presents_or_waves_off_are_theirs() -> None:
    # 'orders the crew to "hold fast"', 'thanking Sen. Roe (D) for finding "a fair deal"', 'offered
    # herself as a "clean hands" candidate', 'waves off the leak as having "no real" effect'.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'In the film the captain orders the crew to "hold fast" at once.\n\n'
        'A new ad this week is thanking Sen. Jane Roe (D) for finding "a fair deal" on the port.\n\n'
        'At the rally the builder offered herself as a "clean hands" candidate for the city.\n\n'
        'For now, the board waves off the leak as having "no real" effect on the plan.'
    )
    for words in ("hold fast", "a fair deal", "clean hands", "no real"):
        assert _quote(body, words).scare is False, words


def test_a_demand_an_attack_over_an_apposition_and_a_marking_frame_someone_s_words() -> None:
    # 'demanded that Roe pay "every last cent"', 'assailed a pilot, Jane Roe, for her "reckless turns."',
    # 'marked as a "top target" client'.
    body = (
        "The council met on Monday to vote on the budget.\n\n"
        'That letter, on the firm\'s paper, demanded that Ash pay "every last cent" by May.\n\n'
        'In June Peter Ash assailed a harbour pilot, Jane Roe, for her "reckless turns." The pilot said nothing.\n\n'
        'The list named ten shops, each supposedly marked as a "top target" client.'
    )
    assert _quote(body, "every last cent").scare is False
    attack = _quote(body, "reckless turns.")
    assert (attack.scare, attack.speaker) == (False, "Peter Ash")
    assert _quote(body, "top target").scare is False
