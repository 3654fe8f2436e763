"""Who said each quote in the ways news writing attributes speech, and how sure the analyser is.

Each test is one class of attribution found on unseen news (written here in invented sentences):
the speaker a reader would name, with the reason and confidence shown beside it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.analysis import analyze
from reader.analysis.attribution import CONFIDENCE
from tests.conftest import ROOT, SEED_TXT

CAST = (
    "Donald Trump, Hillary Clinton, Marc Kasowitz, Barack Obama, Jane Doe and Ted Cruz met on Monday. "
    "Howard Stern, Peter Ash and Bernie Sanders came too. "
)


def _quote(text: str, starts: str):
    """The quote of ``CAST + text`` that begins with ``starts``."""
    analysis = analyze(CAST + text)
    return next(q for q in analysis.quotes if q.text.startswith(starts))


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "reason"),
    [
        # a party-state tag and a long appositive between the name and the verb
        (
            '"We will not stand for it," Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black '
            "Caucus, said on Monday.",
            "We will",
            "G.K. Butterfield",
            "named",
        ),
        ('"A clear goal is nice," said Mr. Ash, the adviser.', "A clear goal", "Peter Ash", "named"),
        # the second half of a split quote, in its own sentence
        ('"A," Obama said. "B is the next thing we will do here."', "B is", "Barack Obama", "previous-quote"),
        # a quote paragraph after a paragraph that introduces the speaker by a paraphrase
        (
            'Obama spoke at length about the economy on Monday.\n\n"We have come a long way since the crisis."',
            "We have",
            "Barack Obama",
            "previous-paragraph",
        ),
        ('Obama defended the deal. "It is the best deal we could get."', "It is", "Barack Obama", "previous-sentence"),
        # the subject after an opening phrase with an appositive in it
        (
            "In his speech, a tribute to Ted Cruz, the nominee that year, Obama decried the "
            '"spin masters and peddlers who embrace the politics of anything goes."',
            "spin masters",
            "Barack Obama",
            "paraphrase",
        ),
        # quoted words inside reported speech are the subject's, not a scare quote
        ('Trump said the system was "rigged" against him.', "rigged", "Donald Trump", "paraphrase"),
        (
            'Trump hailed the vote as "fantastic," telling reporters it was "a great thing."',
            "fantastic",
            "Donald Trump",
            "paraphrase",
        ),
        (
            'House Republican Thomas Massie used to back Rand Paul, but now said Trump had "the chance to unite us."',
            "the chance",
            "Thomas Massie",
            "paraphrase",
        ),
        ('Sanders spoke. Then he cut into Trump, calling him a "stiff".', "stiff", "Bernie Sanders", "paraphrase"),
        # the head of the subject, not the name modifying it
        ('Trump lawyer Marc Kasowitz said "the president is vindicated."', "the president", "Marc Kasowitz", "named"),
        # frames the lexicon lacked
        ('Clinton posted on Twitter: "We are stronger together."', "We are", "Hillary Clinton", "named"),
        ('Clinton wrote on X, "We are stronger together."', "We are", "Hillary Clinton", "named"),
        ('The plan was described by Senator Ted Cruz as "a total disaster."', "a total", "Ted Cruz", "paraphrase"),
        (
            'Sanders spoke next. He too suggested that "the economy is rigged badly".',
            "the economy",
            "Bernie Sanders",
            "pronoun",
        ),
        # a closing ! or ? ends the sentence before its "X told"
        ('"Get out!" Trump told the crowd.', "Get out", "Donald Trump", "named"),
        ('"Is this real?" Clinton asked reporters.', "Is this", "Hillary Clinton", "named"),
        # vox pops
        (
            '"I am voting for her because she is strong."\n\n- Jane Doe, 34, of Dayton',
            "I am voting",
            "Jane Doe",
            "vox-pop",
        ),
        # an interview's turn: its speaker reports her own thought
        (
            'Wikinews: What changed your mind?\n\nJane Doe: I went to a talk. I thought to myself, "Why this?"',
            "Why this",
            "Jane Doe",
            "turn",
        ),
    ],
)
def test_speaker_of_each_attribution_class(text: str, starts: str, speaker: str, reason: str) -> None:
    quote = _quote(text, starts)
    assert (quote.speaker, quote.scare, quote.speaker_reason) == (speaker, False, reason)
    assert quote.confidence == CONFIDENCE[reason]


def test_doubled_apostrophes_pair_as_quotation_marks() -> None:
    body = (
        "''We may be seeing wage growth at last,'' said Jane Doe, an economist. "
        "''Good news for the country is bad news for the opposition,'' she added."
    )
    quotes = analyze(body).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We may be seeing wage growth at last,", "Jane Doe"),
        ("Good news for the country is bad news for the opposition,", "Jane Doe"),
    ]


def test_a_named_stranger_does_not_inherit_the_previous_speaker() -> None:
    # "Hunter" is also a word of this article, so the name cannot be read from the cue alone
    body = CAST + 'A hunter came. "We will win," Obama said. "It is over," Hunter said.'
    quote = next(q for q in analyze(body).quotes if q.text.startswith("It is over"))
    assert quote.speaker is None and quote.speaker_reason == "none" and quote.confidence == "low"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # a name no list knows, read from the cue itself
        ('"We will win," Obama said. "It is over," Quigley said.', "Quigley", "person"),
        # a surname that is also a word, with a title: the full name the article gave it
        (
            'Senator Barbara Boxer of California spoke to a boxer. "I have placed calls," Ms. Boxer said.',
            "Barbara Boxer",
            "person",
        ),
        # a surname that is also a nationality, given in full earlier
        ('The owner, Mark Cuban, was there. "It is a shame," Cuban said.', "Mark Cuban", "person"),
        # a country as a speaker
        ('"We will respond," Israel said in a statement.', "Israel", "organization"),
        # a name whose last word is also a place
        ('"We are really stateless," Ki Hong said.', "Ki Hong", "person"),
        # outlets and companies named at the cue
        ('"It was a good year," The Blaze reported.', "The Blaze", "organization"),
        ('According to the Daily Caller, "The deal was off."', "The Daily Caller", "organization"),
        ('"We condemn it," Twitter said in a statement.', "Twitter", "organization"),
        # a surname one letter off a listed person's (a typo in the article)
        ('"It was a good year," Sanderz said.', "Bernie Sanders", "person"),
    ],
)
def test_a_speaker_named_at_the_cue_whom_no_list_knows(text: str, speaker: str, kind: str) -> None:
    quote = analyze(CAST + text).quotes[-1]
    assert (quote.speaker, quote.speaker_type, quote.confidence) == (speaker, kind, "high")


@pytest.mark.parametrize(
    "text",
    [
        'Recent reports said "it is over" for the plan.',  # a capitalised word opening a sentence
        'Analysts expect more. Then "it is over," Analysts said.',  # a group in the plural
        '"It is over," Senate Democrats said.',  # a body, not a person
        '"It is over," South Carolina said.',  # a place
        '"It is over," the Texan said.',  # a description
    ],
)
def test_capitalised_words_at_a_cue_that_are_no_name(text: str) -> None:
    quote = next(q for q in analyze(text).quotes if q.text.lower().startswith("it is over"))
    assert quote.speaker_type != "person"


def test_a_shared_surname_is_the_person_named_last() -> None:
    body = (
        "Sadiq Khan spoke first. Later Usman Khan, a neighbour, arrived. "
        'Officials met Usman Khan on Monday. "We are ready," Khan said.'
    )
    quote = next(q for q in analyze(body).quotes if q.text.startswith("We are ready"))
    assert quote.speaker == "Usman Khan"


def test_markup_values_and_backwards_marks_are_not_quotes() -> None:
    body = 'People reacted. <tweet author="@someone" date="today">Wow</tweet> Cruz called it “abhorrent“ in a tweet.'
    assert [q.text for q in analyze(body).quotes] == ["abhorrent"]


def _reader(*args: str) -> str:
    """Standard output of the ``reader`` command run as a user would."""
    command = [sys.executable, "-m", "reader", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def test_every_quote_has_a_reason_and_a_confidence_in_the_json() -> None:
    quotes = json.loads(_reader("analyze", str(SEED_TXT), "--json"))["quotes"]
    assert quotes
    for quote in quotes:
        assert quote["speaker_reason"] in CONFIDENCE
        assert quote["confidence"] == CONFIDENCE[quote["speaker_reason"]]
        if quote["speaker_reason"] == "none":
            assert quote["speaker"] is None
        if quote["speaker"] is None:
            assert quote["speaker_reason"] in ("none", "term")


def test_confidence_levels_are_the_documented_ones() -> None:
    assert set(CONFIDENCE.values()) == {"high", "medium", "low"}
    docs = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    for reason, level in CONFIDENCE.items():
        assert f"| `{reason}` | {level} |" in docs


def test_show_json_carries_reason_and_confidence(tmp_path) -> None:
    store = str(tmp_path / "articles.json")
    _reader("--store", store, "import", str(SEED_TXT))
    article_id = json.loads(_reader("--store", store, "list", "--json"))[0]["id"]
    quotes = json.loads(_reader("--store", store, "show", article_id, "--json"))["quotes"]
    assert quotes and all(q["confidence"] == CONFIDENCE[q["speaker_reason"]] for q in quotes)


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        # a few words someone called something: reported speech, even when whose is not found
        ('At the debate the governor clashed with his rival, calling him a "loser."', False),
        ('The campaign chair dismissed the whole affair as "absurd."', False),
        ('The senator accused the ministers of being "traitors" in the vote.', False),
        # the writer's own terms stay terms
        ('Weapons went to the so-called "rebels" in the north.', True),
        ('Many still use the word "queue" for it.', True),
    ],
)
def test_a_few_words_someone_called_something_are_not_a_scare_quote(text: str, scare: bool) -> None:
    (quote,) = analyze(text).quotes
    assert quote.scare is scare


def test_a_participle_cue_after_a_clause_is_the_sentence_subjects() -> None:
    quote = analyze(CAST + 'At the debate, Sanders compared himself to Clinton, saying, "I get no fees."').quotes[-1]
    assert (quote.speaker, quote.speaker_reason) == ("Bernie Sanders", "named")


def test_a_cue_word_used_as_a_noun_does_not_make_its_possessor_the_speaker() -> None:
    # "remarks" is a noun here: Trump owns the remarks, he does not call them racist
    body = CAST + "Jane Doe, the party's leader, on Tuesday condemned Donald Trump's remarks as \"racist\" in a speech."
    quote = analyze(body).quotes[-1]
    assert quote.speaker != "Donald Trump"


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        # a show named after its channel is a title, though a speaker follows
        ("Friday on CNN’s “New Day,” Jane Doe said the plan was dead.", True),
        ('In an interview with "The View," Jane Doe said she felt fine.', True),
        # a one-word answer right after its cue is speech, though it is capitalised
        ('Asked if she would run, Jane Doe shook her head and said, "No."', False),
        ('Under these circumstances, Jane Doe said, "Probably."', False),
    ],
)
def test_titles_and_short_answers(text: str, scare: bool) -> None:
    (quote,) = analyze(CAST + text).quotes
    assert quote.scare is scare


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "with X -ing": the absolute construction names who called it so
        (
            'Some senators were irritated by the plan, with Ted Cruz calling it a "Chinese menu."',
            "Ted Cruz",
        ),
        # the cue after a phrase after the quote, inverted: ", said X"
        ('Clinton "drew quite well from working-class voters" in the 2008 primary, said Peter Ash.', "Peter Ash"),
    ],
)
def test_speakers_of_absolute_and_inverted_frames(text: str, speaker: str) -> None:
    assert analyze(CAST + text).quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # reporting verbs the shared lexicon lacks
        ('"Your reputation is amazing," Trump assured the host.', "Donald Trump"),
        ('"Leave your weapons at home," opined Jane Doe.', "Jane Doe"),
        ('"Let us defeat her in November," Trump boomed.', "Donald Trump"),
        # a statement announced a few words before its colon
        (
            'After the attack, which shocked the nation, Hillary Clinton issued the following statement: "We pray."',
            "Hillary Clinton",
        ),
        # a party-state tag between a name and its colon, as transcripts write
        ('Rep. Peter Ash (R-S.C.): "I have not heard anyone cite that figure."', "Peter Ash"),
        # a connective before a quote that continues the previous speaker's
        ('"He is a cheerleader," Ted Cruz said. Instead, "he just acts like a defeated man."', "Ted Cruz"),
    ],
)
def test_more_cues_and_colons(text: str, speaker: str) -> None:
    quote = analyze(CAST + text).quotes[-1]
    assert (quote.speaker, quote.confidence) == (speaker, "high")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the writer's sentence goes on after the quote: a name in it is no speaker
        ('Jane Doe said she was "not ready" to support Donald Trump, and suggested he apologise.', "Jane Doe"),
        ('Jane Doe said she was "impressed" with Donald Trump\'s children, but lamented the speech.', "Jane Doe"),
        # ... unless a cue after a comma names one
        ('"This will be a challenge" for Hillary Clinton, said Peter Ash.', "Peter Ash"),
        ('"They were stiff" in comparison to Barack Obama, Ted Cruz said.', "Ted Cruz"),
    ],
)
def test_a_sentence_that_goes_on_after_the_quote(text: str, speaker: str) -> None:
    assert analyze(CAST + text).quotes[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a body or a name no list knows, alone before the colon
        ("Estimates are hard - Pew Research Center: “All the samples include engaged adults.”", "Pew Research Center"),
        ("But polls did predict it - HuffPollster: “While the caucuses gave an upset, polls held.”", "HuffPollster"),
        # a party-state tag between the subject and its verb
        (
            'In a statement, Rep. Peter Ash (D-N.Y.) reacted to the news, saying: "He should be in prison."',
            "Peter Ash",
        ),
        # "Adding," carries the speaker of the sentence before
        ('Jane Doe said the report "was not good." Adding, "Now, like with all scandals, it is bad."', "Jane Doe"),
        # quotes joined by "and" share the speaker named after the second
        ('Guns are "the ultimate public health crisis" and "stunt growth," Jane Doe said.', "Jane Doe"),
    ],
)
def test_colons_tags_and_joined_quotes(text: str, speaker: str) -> None:
    assert analyze(CAST + text).quotes[0 if "Guns" in text else -1].speaker == speaker


def test_a_venue_before_a_colon_is_not_the_speaker() -> None:
    body = CAST + 'Later that month on CNN News: "I never said we made a mistake."'
    assert analyze(body).quotes[-1].speaker != "CNN News"


def test_a_paragraph_after_an_abbreviation_starts_a_new_sentence() -> None:
    # "U.S." ends the paragraph: the next paragraph's subject is not the name before it
    body = CAST + 'Barack Obama acted on guns in the U.S.\n\nSen. Ted Cruz says Obama is "obsessed" with it.'
    assert analyze(body).quotes[-1].speaker == "Ted Cruz"


def test_a_paragraph_ends_its_sentence_even_after_an_abbreviation() -> None:
    from reader.analysis.tokens import sentence_spans

    body = "Prices rose across the U.S.\n\nOfficials met on Monday. They left at noon."
    spans = [body[a:b].strip() for a, b in sentence_spans(body)]
    assert spans == ["Prices rose across the U.S.", "Officials met on Monday.", "They left at noon."]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb that frames a few words as someone's, with its subject right before it
        ('On Monday, campaign chair Peter Ash dismissed the whole affair as "absurd."', "Peter Ash"),
        ('The emails were handled in a way Jane Doe slammed as "extremely careless," aides said.', "Jane Doe"),
    ],
)
def test_the_subject_of_a_framing_verb_is_the_speaker(text: str, speaker: str) -> None:
    quote = _quote(text, text.split('"')[1][:5])
    assert (quote.speaker, quote.scare) == (speaker, False)


def test_a_framing_participle_is_not_given_the_name_before_it() -> None:
    # "by slamming": the sentence's subject slams, not the committee named before the participle
    body = CAST + 'She opened her speech before the Budget Committee by slamming candidates who "outsource" it.'
    assert _quote(body, "outsource").speaker != "Budget Committee"


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # someone's own name for a person or a thing: their words, though title-cased
        ('Jane Doe refers to the governor as "Chris." She has known him for years.', "Chris", "Jane Doe"),
        ('Within minutes, Donald Trump called Ted Cruz "Lyin\' Ted" on the stage.', "Lyin", "Donald Trump"),
        ('Howard Stern mocked the plan in what he called the "Evil Empire" speech.', "Evil", "Howard Stern"),
    ],
)
def test_a_title_someone_calls_a_person_or_thing_is_their_word(text: str, starts: str, speaker: str) -> None:
    quote = _quote(text, starts)
    assert (quote.speaker, quote.scare) == (speaker, False)


@pytest.mark.parametrize(
    "text",
    [
        # the name of a thing called so: a title, nobody's words
        'She wrote a book called "Women Who Work" last year.',
        'The campaign ran a short film called "Tenemos Familias" on television.',
        'Jane Doe blasted the hit film "Frozen" at the rally.',
    ],
)
def test_a_thing_called_by_its_title_stays_a_title(text: str) -> None:
    assert _quote(text, text.split('"')[1][:4]).scare is True


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the writer's sentence goes on after the quote with a name in it, then an inverted cue
        ('Any "clear-eyed" reading of Mr. Obama\'s actions, said Peter Ash, shows a retreat.', "Peter Ash"),
        # the speaker opens the words after the quote; "told" is followed by the listener
        ('"We build bridges," the spokesman, Peter Ash, told CNN News.', "Peter Ash"),
        ('"We build bridges," Peter Ash, the spokesman, said Monday.', "Peter Ash"),
    ],
)
def test_an_inverted_cue_after_the_writers_words_names_the_speaker(text: str, speaker: str) -> None:
    assert analyze(CAST + text).quotes[-1].speaker == speaker


def test_a_possessive_in_s_apostrophe_before_a_cue_noun_is_no_speaker() -> None:
    # "Francis' remarks": a noun, as "Francis's remarks" is; the sentence's subject is the speaker
    body = CAST + (
        "Pope Francis spoke on Sunday. Even before Francis' remarks about him, Mr. Trump had criticized "
        'the pope as "a political person" in a speech.'
    )
    assert analyze(body).quotes[-1].speaker == "Donald Trump"


def test_a_participle_cue_goes_to_the_sentence_subject_before_a_verbs_object() -> None:
    # the first cue verb ("discuss") follows a channel; the subject opens the sentence
    body = CAST + (
        "Sen. Bernie Sanders (I-Vt.) visited CNN News to discuss his remarks about Hillary Clinton, saying "
        '"on her worst day" she would do better.'
    )
    assert analyze(body).quotes[-1].speaker == "Bernie Sanders"


@pytest.mark.parametrize(
    "text",
    [
        # the cue before the quote reports it; the writer's sentence runs on to another cue
        'Ted Cruz said on Monday that he would "reassure" allies of the pact, given Mr. Trump\'s remarks saying '
        "he would end it.",
        'But even as Ted Cruz claimed that "the general got in trouble for far less," one of the lawyers for '
        "Jane Doe said the two were unlike.",
    ],
)
def test_a_quote_inside_reported_speech_keeps_the_cue_before_it(text: str) -> None:
    assert analyze(CAST + text).quotes[-1].speaker == "Ted Cruz"
