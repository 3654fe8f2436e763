"""A relative "who" as the subject of a speech verb, a role left open before the verb, and "quoted by X
as saying" (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _quote(body: str, words: str):
    return next(q for q in analyze(body).quotes if words in body[q.start : q.end])


@pytest.mark.parametrize(
    "lead",
    [
        "The Harbour Gazette spoke to Mara Kovel, who said",
        "The Harbour Gazette spoke to Mara Kovel, a port engineer at Tidewater University, who said",
        "The Harbour Gazette reached Mara Kovel, who also told reporters,",
        "The paper quoted Mara Kovel, who said:",
    ],
)
def test_who_speaks_for_the_person_named_before_it(lead: str) -> None:
    """Not the paper that spoke to her, nor nobody."""
    quote = _quote(f'The pier was closed. {lead} "The tide came in fast."', "tide came in")
    assert quote.speaker == "Mara Kovel"


def test_who_after_a_possessive_names_no_one() -> None:
    """ "Kovel's aide, who said": the aide speaks, who is not Kovel."""
    quote = _quote('Mara Kovel was away. The paper spoke to Kovel\'s aide, who said "She is well."', "She is well")
    assert quote.speaker != "Mara Kovel"


@pytest.mark.parametrize(
    "subject",
    [
        "Evan Roswell, who tracks shipping Web sites for Harbour News",
        "Evan Roswell, consultant to the Port Authority on tides",
    ],
)
def test_a_role_left_open_before_the_verb_leaves_the_name_the_speaker(subject: str) -> None:
    """The appositive's closing comma is missing: the body inside it does not speak."""
    quote = _quote(f'The pier was closed. {subject} said, "The tide came in fast."', "tide came in")
    assert quote.speaker == "Evan Roswell"


def test_quoted_by_a_paper_as_saying_gives_the_one_quoted() -> None:
    body = 'Mara Kovel, manager of Kovel Productions, is quoted by the Harbour Gazette as saying, "Shame on them."'
    quote = _quote(body, "Shame on them")
    assert quote.speaker == "Mara Kovel"
    assert "Harbour Gazette" in [s.name for s in analyze(body).sources]


def test_he_with_no_one_else_to_stand_for_is_the_man_named_after_a_preposition() -> None:
    body = (
        "Eliza Kovel went missing in June. Police say she had complained of threats from Bruno Roswell. "
        'He is alleged to have attacked her. He supposedly told her, "You do not know me."'
    )
    assert _quote(body, "You do not know me").speaker == "Bruno Roswell"


def test_a_subject_still_comes_before_a_man_named_after_a_preposition() -> None:
    body = 'Bruno Roswell met with Ivan Kovel on Monday. He later hit back at Kovel. He said, "It went badly."'
    assert _quote(body, "It went badly").speaker == "Bruno Roswell"


def test_a_chain_of_sentences_about_her_leads_back_to_where_she_is_named() -> None:
    body = (
        "As a young girl, Eliza Kovel left Harbourland with her relatives. In 1940, she married a banker in "
        "Egypt. The couple moved twice. She was briefly under arrest with her husband. As an exile in France, "
        'she longed to return. She told a biographer, Ivan Roswell, "My mother had friends there."'
    )
    assert _quote(body, "My mother had friends").speaker == "Eliza Kovel"


def test_an_unnamed_man_opening_a_sentence_is_not_who_she_stands_for() -> None:
    body = 'Eliza Kovel married in 1940. The Prince was head of the regency. She said "We were happy."'
    assert _quote(body, "We were happy").speaker == "Eliza Kovel"


@pytest.mark.parametrize("surname", ["al-Kovel", "el-Roswell", "bin-Tarek"])
def test_a_surname_with_a_lowercase_particle_capitalised_at_a_sentence_start_is_the_person(surname: str) -> None:
    opening = surname[0].upper() + surname[1:]
    body = f'Ali Hassan {surname} was sentenced. {opening} said "Thanks be to God" as he left.'
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == f"Ali Hassan {surname}"
    assert [p.name for p in analysis.people] == [f"Ali Hassan {surname}"]


def test_a_name_with_a_lowercase_particle_opening_a_sentence_is_not_cut_before_it() -> None:
    """ "Bashar al-Assad defended ..., saying": "al-Assad" is no verb after a name "Bashar"."""
    body = 'Harbourland President Bashar al-Kovel defended the decision, saying "It is important."'
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Bashar al-Kovel"
    assert [s.name for s in analysis.sources] == ["Bashar al-Kovel"]


def test_a_relative_named_before_the_full_name_is_that_person_and_he_is_the_relative() -> None:
    body = (
        'Liam Kovel was killed in 2011. Kovel\'s father Norrie said the verdict would "let Liam rest". '
        'He called it a case "no family should endure". Later Norrie Kovel spoke to reporters.'
    )
    quotes = analyze(body).quotes
    assert [q.speaker for q in quotes] == ["Norrie Kovel", "Norrie Kovel"]


def test_a_lowercase_phrase_of_a_bodys_name_stands_for_that_body() -> None:
    body = (
        "The Supreme Council of the Harbour Forces met on Friday. The statement was released later. "
        '"We accept the resignation," the harbour forces said on their website.'
    )
    assert _quote(body, "We accept").speaker == "Supreme Council of the Harbour Forces"


@pytest.mark.parametrize("role", ["Vice President of Harbourites for Sense", "The director of the Harbour Institute"])
def test_a_role_set_before_a_name_by_commas_leaves_the_name_the_sentence_subject(role: str) -> None:
    body = f'The bill passed. {role}, Steve Roswell, offered his explanation. "People will forget about it."'
    assert _quote(body, "People will forget").speaker == "Steve Roswell"


def test_a_subordinate_clause_and_a_declined_comment_give_no_speaker_to_an_unnamed_one() -> None:
    """The staff member is nobody the article names: not Chan, not the paper Chan's colleagues refused."""
    body = (
        "Phillip Roswell worked there. While Roswell's colleagues declined to comment to The Harbour Paper, "
        'a staff member at the resort, who saw Roswell taken away, stated, "It all happened very quickly."'
    )
    assert _quote(body, "It all happened").speaker is None


def test_a_subordinate_clause_that_is_only_the_subject_keeps_it() -> None:
    assert _quote('Although Jane Roe, a lawyer, said "It is over."', "It is over").speaker == "Jane Roe"


@pytest.mark.parametrize(
    "body",
    [
        'The feature has been called "strategic ambiguity" by Joshua Roswell, a professor at Harbour University.',
        'The plan was called "a disaster" by Senator Joshua Roswell.',
        'The plan was labeled "reckless" by Joshua Roswell on Monday.',
    ],
)
def test_words_a_passive_verb_names_are_the_agents_after_by(body: str) -> None:
    analysis = analyze(body)
    assert analysis.quotes[0].speaker == "Joshua Roswell"
    assert "Joshua Roswell" in [s.name for s in analysis.sources]


@pytest.mark.parametrize("body", ["Roswell of Harbour Magazine points out,", "Roswell of the Harbour Institute said,"])
def test_a_lone_name_of_a_body_speaks_not_the_body(body: str) -> None:
    analysis = analyze(f'The boycotts drew criticism. {body} "At first glance, it seems logical."')
    assert analysis.quotes[0].speaker == "Roswell"
    assert "Roswell" in [s.name for s in analysis.sources]


@pytest.mark.parametrize("subject", ["Members of Congress", "Critics of the Harbour Plan"])
def test_a_plural_of_a_role_before_of_is_no_name(subject: str) -> None:
    assert analyze(f'{subject} said "It is fine."').quotes[0].speaker != subject.split()[0]


def test_a_paragraph_ending_in_a_colon_gives_its_subject_the_quote_paragraph_after_it() -> None:
    body = 'The crowd waited at the pier.\n\nThe mayor, Jane Roe, addressed the crowd:\n\n"We will rebuild."'
    assert _quote(body, "We will rebuild").speaker == "Jane Roe"


@pytest.mark.parametrize(
    "body",
    [
        'After Ann Bell said that some pupils might do better at "smaller local schools," Tom Reyes said: "No."',
        'When Ann Bell pointed out that the plan was "dead on arrival," Tom Reyes laughed.',
    ],
)
def test_a_quote_closing_an_opening_subordinate_clause_is_its_subjects(body: str) -> None:
    assert analyze(body).quotes[0].speaker == "Ann Bell"


def test_a_quote_after_an_opening_clause_closed_by_a_comma_is_the_main_clauses() -> None:
    assert analyze('After the vote, "We won," Tom Reyes said.').quotes[0].speaker == "Tom Reyes"


@pytest.mark.parametrize(
    "body",
    [
        'Harbour High School fans also chanted, "Build a wall," during the game.',
        'Kovel Holdings employees said "enough is enough" at the rally.',
        'Ann Bell spoke first. Bell supporters are crying "fraud" over the count.',
    ],
)
def test_the_fans_or_staff_of_someone_named_are_not_that_one(body: str) -> None:
    quote = analyze(body).quotes[0]
    assert quote.speaker is None


def test_a_body_named_before_its_verb_still_speaks() -> None:
    assert analyze('Kovel Holdings said "enough is enough" at the rally.').quotes[0].speaker == "Kovel Holdings"


def test_a_definite_age_description_is_the_one_just_named_for_the_next_pronoun() -> None:
    body = (
        "Maria Kovel was the first to notice. The 62-year-old retired nurse has lived there for decades.\n\n"
        '"The road was gone," she said.'
    )
    assert analyze(body).quotes[0].speaker == "Maria Kovel"
    other = body.replace("Maria Kovel was the first to notice.", "Tom Reyes met a woman on the road.")
    assert analyze(other).quotes[0].speaker is None  # "she" is not the man named


def test_the_subject_of_the_clause_joined_by_and_frames_the_quote() -> None:
    body = 'The Gazette called him a liar and Harbour News called it a "freak out."'
    assert analyze(body).quotes[0].speaker == "Harbour News"
    body = 'Writing online, Ann Bell of The Globe and Mail dubbed it "the end of an era".'
    assert analyze(body).quotes[0].speaker == "Ann Bell"


def test_a_kin_word_as_subject_stands_for_the_person_of_that_sex_named_before() -> None:
    body = (
        "Judge Ann Bell sentenced Tom and Mary Kovel on Friday. Tom Kovel was also charged with fraud.\n\n"
        'The father said "I love my children."'
    )
    assert analyze(body).quotes[0].speaker == "Tom Kovel"
