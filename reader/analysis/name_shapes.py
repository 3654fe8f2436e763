"""What a capitalised run looks like when it is not (only) a person's name.

Kept apart from people.py, which decides with them: word lists and small tests on the shape of a run.
A run's first word may be an ordinary word glued on by capitalisation (``Broadcaster Piers Morgan``,
``Previous SpaceX``, ``I'm John Russell``); its last word may make it the name of a thing (``Marine
Bulletin``, ``Civic Platform``, ``Roosevelt High``); its first word may make it a place (``El
Geneina``); a given name may also be a place (``Jordan Chiles``, ``Virginia Holt``).
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.name_things import (
    _OUTLET_LASTS,
    FOREIGN_BODY_LEADS,
    OUTLET_TAILS,
    PARTICLE_LEADS,
    PLACE_LEADS,
    THING_LEADS,
    THING_TAILS,
    _known_thing,
)
from reader.analysis.names import GIVEN, is_given
from reader.analysis.tokens import PARTICLES, Token

ORDINALS = lx._words("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Last Next")
# Ordinary words that open headlines, brands and nicknames but no name: "Top Halvorsen strategists",
# "Longtime Pruitt aide", "Hot Air", "Dirty Dancing", "Big Game".
LEXICAL_LEADS = lx._words("Top Longtime Absent Hail Secret Common Direct Stop Dirty Hot Big Plain Purple Secondhand")
# Given names that are also places or countries, which the place list would otherwise take.
GIVEN_PLACES = lx._words(
    "Jordan Virginia Georgia Florence Victoria Austin Sydney Chelsea Madison Lincoln Houston Dallas Orlando "
    "Troy Carolina Dakota Savannah Brooklyn India Kenya Paris Israel Adelaide Charlotte Camden Aurora "
    "Roman Chad Kent Salvador Christian Francisco Alberta Alexandria Cleveland Denver Geneva Odessa"
)
_CONTRACTION = re.compile(r"^(?:I|It|He|She|We|They|You|That|There|Here|What|Who)['’](?:m|s|re|ve|d|ll)$")
# Endings of adverbs and adjectives ("Specifically", "Previous"), then of agent nouns ("Broadcaster").
_DESCRIPTIVE = ("ly", "ous", "ive", "ful", "less", "able", "ible")
_AGENT = ("man", "men", "woman", "ist", "ian", "ster", "er", "or")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")
COPULAS = lx._words("is was are were be been being")
# Offices named "X of Y": "Chief of Staff Katie Walsh", "Secretary of State John Kerry".
OFFICE_WORDS = lx._words("Staff State Defense Defence Justice Homeland Health Education Energy Treasury Commerce")


# US state abbreviations, which end a dateline or a place before a name ("Bedminster, N.J. Roger Ailes").
STATE_ABBREVIATIONS = lx._words(
    "Ala Ariz Ark Calif Colo Conn Fla Ga Ill Kan Ky Md Mass Mich Minn Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt "
    "Wis Wyo N.J. N.Y. N.H. N.C. S.C. N.D. S.D. N.M. D.C. W.Va. R.I."
)
# Name suffixes: kept out of the name's words ("James B. Comey Jr." is James B. Comey, surname Comey).
NAME_SUFFIXES = lx._words("Jr Jr. Sr Sr. II III IV")
# A regnal number of two letters or more ("Benedict XVI", "Ptolemy XIII"); one letter is as often a
# letter ("Plan B", "Type I", "Malcolm X").
_REGNAL = re.compile(r"(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")


def regnal_number(word: str) -> bool:
    """Whether a word is a Roman numeral of two letters or more, as after a monarch's or a pope's name."""
    return word[:1] in "IVX" and _REGNAL.match(word) is not None


# Words of the lexicon that are also surnames after a given name ("Paul Singer", "Mark Cuban", "Adam Green",
# "Billie Jean King"); never parties or creeds ("Christian Democrat"), nor words that open or head bodies.
SURNAME_TITLES = lx._words("King Prince Bishop Major Marshal Judge Father")
NOT_SURNAMES = (
    lx._words(
        "Democrat Democrats Democratic Republican Republicans Conservative Liberal Labour Socialist Communist "
        "Christian Muslim Jewish Catholic Protestant Orthodox Islamic Sunni Shia Shiite Hindu Buddhist Sikh "
        "North South East West Central Upper Lower New Old Greater Arab Asian African European Latin Western "
        "Eastern Northern Southern Indigenous Aboriginal US USA UK UAE EU USSR U.S. U.K."
    )
    | lx.STOP_CAPS
    | lx.MONTHS
    | lx.DAYS
    | lx.ORG_WORDS
    | NAME_SUFFIXES
)
# Forms of address, not surnames, after an honorific ("Mr. President", "Madam Speaker").
ADDRESS_WORDS = lx._words("President Speaker Chairman Chairwoman Secretary Ambassador Mayor Minister Chair")
# Last parts of compounds that are not names: "New York-based", "White House-era".
COMPOUND_ENDS = lx._words("based era led backed born style like owned run funded linked allied made maker")


def surname_word(run: list[Token], index: int) -> bool:
    """ "Singer" in "Paul Singer", "King" in "Mr. King": a lexicon word that is a surname here."""
    word = run[index].text
    if (
        index == 0
        or len(word) < 2
        or word.isupper()
        or word in NOT_SURNAMES
        or (word in lx.TITLES and word not in SURNAME_TITLES)
    ):
        return False
    before = run[index - 1].text
    if before in lx.HONORIFICS:
        return word not in ADDRESS_WORDS and index == len(run) - 1  # "Mr. Singer", "Ms. Boxer"
    if index > 1 and initial(run, index - 1):
        before = run[index - 2].text  # "Marcus T. Jordan": a middle initial between
    return index == len(run) - 1 and is_given(before) and before not in lx.TITLES and before not in lx.PLACES


def not_a_name_part(text: str, token: Token) -> bool:
    """A compound, a path or a handle: "New York-based", "LinkedIn/Name", "@Name", "#Name"."""
    word = token.text
    if "/" in word or ("-" in word and word.rsplit("-", 1)[1] in COMPOUND_ENDS):
        return True
    return token.start > 0 and text[token.start - 1] in "@#"


def plural_group(word: str) -> bool:
    """ "Floridians", "Republicans", "Democrats": people as a group, never a given name or surname."""
    return word.endswith("s") and (word[:-1] in lx.NATIONALITIES or word[:-1] in PARTY_MEMBERS or word.endswith("ians"))


PARTY_MEMBERS = lx._words("Republican Democrat Conservative Liberal Socialist Libertarian Communist Tory Labourite")


def glued_word(text: str, run: list[Token], index: int, words_lower: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``run[index]`` is an ordinary word that capitalisation joined to a name.

    ``words_lower`` are the words the article writes in lowercase: one of them before a known given name
    is an ordinary word ("Billionaire Donald Trump" in an article that speaks of a billionaire).
    """
    word = run[index].text
    if ("'" in word or "’" in word) and _CONTRACTION.match(word):
        return True  # "I'm John Russell"
    if word[-1] == "s" and index < len(run) - 1 and plural_group(word) and not is_given(word):
        return True  # "Floridians Jeb Bush"
    if index != 0:
        return False
    if len(run) > 1 and word[-1] == "s" and (word[:-1] in lx.TITLES or word[:-1].lower() in lx.ROLE_NOUNS):
        return True  # "Senators Rubio and Cruz", "Professors Foner and Alba"
    if len(run) > 2 and is_given(run[1].text) and not is_given(word) and _common_noun_shape(word):
        return True  # "Celebrities Julia Marston", "Leadership Mark Tillery", "Kentuckian Paul Dorsey"
    if len(run) > 2 and word.endswith(("an", "er", "ite")) and not is_given(word) and demonym(word):
        return True  # "fellow Kentuckian Rand Lowell": a demonym is no name, whatever follows
    if len(run) > 1 and word.endswith(("man", "men")) and national_man(word):
        return True  # "Dutchman Ruud van Nistelrooy", "Frenchwoman Marie Curie"
    if (
        len(run) > 2
        and is_given(run[1].text)
        and not is_given(word)
        and word.lower() in words_lower
        and run[-1].text.lower() not in words_lower  # "Time Warner Cable" is a company
    ):
        return True  # "Billionaire Donald Trump", "Rival Hillary Clinton"
    if word in OFFICE_WORDS and text[max(0, run[0].start - 3) : run[0].start] == "of ":
        return True  # "Chief of Staff Katie Walsh"
    if word in _SIGN_OFF_VERBS and len(run) > 2 and is_given(run[1].text):
        return bool(_SENTENCE_START.search(text[max(0, run[0].start - 3) : run[0].start]))  # "Follow Dana Kessler on"
    low = word.lower()
    descriptive = word in ORDINALS or (low.endswith(_DESCRIPTIVE) and len(low) > 5)  # "Previous SpaceX"
    agent = len(run) > 2 and len(low) > 8 and low.endswith(_AGENT)  # "Countryman Lawrence Cherono"
    if not (descriptive or agent) or word in GIVEN:
        return False
    return bool(_SENTENCE_START.search(text[max(0, run[0].start - 3) : run[0].start]))


# Verbs of a sign-off that open a sentence before a writer's name: "Follow Dana Kessler on Twitter".
_SIGN_OFF_VERBS = lx._words("Follow Contact Email E-mail Meet")
# "Dutchman", "Frenchwoman", "Englishmen": a nationality's man or woman before a name.
_NATIONAL_MAN = re.compile(r"^([A-Z][a-z]+?)(?:man|woman|men|women)$")
_NATIONS = lx._words("Dutch French English Irish Welsh Scots Scot Country Fellow Chair Congress Sports Business")
# Endings of plurals and abstract nouns, never of a given name that is not in the lists.
_NOUN_ENDS = ("ship", "ness", "ment", "tion", "sion", "ism", "ity", "ies")
_DEMONYM_ENDS = (("ian", "y"), ("ian", "a"), ("an", ""), ("er", ""), ("ite", ""), ("ian", ""))


def _common_noun_shape(word: str) -> bool:
    """A plural, an abstract noun or a place's demonym: "Celebrities", "Leadership", "Vermonter"."""
    low = word.lower()
    if len(low) > 4 and (low.endswith(_NOUN_ENDS) or (low[-1] == "s" and low[-2] not in "su'’")):
        return True
    return demonym(word)


def national_man(word: str) -> bool:
    """ "Dutchman", "Frenchwoman", "Countryman": a man or woman of a nation, or a fellow one."""
    national = _NATIONAL_MAN.match(word)
    return national is not None and national.group(1) in _NATIONS


def demonym(word: str) -> bool:
    """ "Kentuckian", "Vermonter", "Iowan": a word for the people of a place the place list holds."""
    low = word.lower()
    return any(low.endswith(end) and word[: len(word) - len(end)] + tail in lx.PLACES for end, tail in _DEMONYM_ENDS)


# "Joo-Ho", "Lung-bin", "Min-Woo": a romanised East Asian given name of two syllables.
_HYPHENED_GIVEN = re.compile(r"^[A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6}$")


def east_asian_name(run: list[Token], index: int) -> bool:
    """ "Park Joo-Ho", "Hau Lung-bin": a short surname before a hyphened given name, whatever the word lists say."""
    if index != len(run) - 2 or len(run[index].text) > 5 or not run[index].text.isalpha():
        return False
    following = run[index + 1].text
    if following.split("-")[0] in PLACE_LEADS or run[index].text in lx.PLACES or run[index].text in lx.STOP_CAPS:
        return False  # "Paris Saint-Ouen", "The Ortiz-Lamb matchup"
    return bool(_HYPHENED_GIVEN.match(following))


# Common Chinese surnames in pinyin, without those that are English words (He, Long, Fan, Song, Pan).
CHINESE_SURNAMES = lx._words(
    "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Zhu Guo Lin Gao Luo Zheng Liang Xie Tang Han Feng "
    "Deng Cao Peng Zeng Xiao Tian Dong Yuan Cai Jiang Cheng Wei Su Ding Ren Shen Yao Cui Zhong Liao Jia Xia Fu "
    "Fang Bai Zou Meng Xiong Qin Qiu Yin Xue Yan Duan Hou Shi Gu Mao Hao Gong Shao Qian Dai Kong Xiang Hu Xi "
    "Lu Ma Yu Wen Du Ye"
)
_PINYIN = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|a|o|e|i|u)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN}){{1,2}}")


def chinese_name(run: list[Token], words_lower: frozenset[str] | set[str]) -> bool:
    """ "Hu Jintao", "Li Keqiang", "Wang Yi": a common Chinese surname and a given name of one or two syllables
    of pinyin that the article never writes in lowercase."""
    if len(run) != 2 or run[0].text not in CHINESE_SURNAMES:
        return False
    given = run[1].text
    low = given.lower()
    return given[1:].islower() and low not in words_lower and bool(_PINYIN_GIVEN.fullmatch(low))


def initial(run: list[Token], index: int) -> bool:
    """ "A." in "Richard A. Mastracchio": a middle initial, not the word "A"."""
    word = run[index].text
    return 0 < index < len(run) - 1 and len(word) == 2 and word[0].isupper() and word[1] == "."


_THING_FIRSTS = THING_LEADS | FOREIGN_BODY_LEADS | PLACE_LEADS


def names_a_thing(run: list[Token]) -> bool:
    """A run whose last or first word makes it an outlet, event, school, party or place."""
    if len(run) < 2:
        return False
    last, first = run[-1].text, run[1 if run[0].text == "The" and len(run) > 2 else 0].text  # "The HMS Queen ..."
    if (first in _THING_FIRSTS or ("-" in first and first.split("-")[0] in PLACE_LEADS)) and not (
        first in PLACE_LEADS and any(t.text in lx.TITLES for t in run[1:-1])
    ):
        return True  # "Hurricane Katrina", "Colegio ...", "El Geneina", "Saint-Cyr ..."; but the place opens
        # "Los Angeles Mayor Karen Bass", whose title and name the run's split tells apart
    if len(run) > 2 and any(t.text in PARTICLES and run[i].text in PARTICLE_LEADS for i, t in enumerate(run[1:-1])):
        return True  # "Punta de Lobos", "Quiksilver Ceremonial Punta de Lobos"
    if last in THING_TAILS or ("-" in last and last.split("-")[0] in THING_TAILS):  # "Booker Prize-winner"
        return True
    if last in OUTLET_TAILS and (first not in GIVEN or first in GIVEN_PLACES):
        return True  # "Charlotte Observer" is a city's paper
    if last[-1:] == "s" and plural_group(last):
        return True  # "Kentucky Republicans", "Cuban-American Republicans"
    if last in _OUTLET_LASTS and " ".join(t.text for t in run[-3:] if t.text != "The") in lx.KNOWN_OUTLETS:
        return True  # "Der Spiegel", "Agence France-Presse", "Al Jazeera"
    return _known_thing(run)  # "Goldman Sachs", "Capitol Hill"


def given_place(
    run: list[Token], index: int, lexical: frozenset[str], words_lower: frozenset[str] | set[str] = frozenset()
) -> bool:
    """ "Jordan Chiles", "Christian Morvan": a given name that is also a place or creed, opening a run with a
    name after it (not "Christian Right": a word the article writes in lowercase)."""
    token = run[index].text
    if token not in GIVEN_PLACES or index + 1 >= len(run):
        return False
    if index and run[index - 1].text not in lx.TITLES and run[index - 1].text.lower() not in lx.ROLE_NOUNS:
        return False  # but "Gymnast Jordan Chiles", "Striker Georgia Stanway": a role opens the run
    following = run[index + 1].text
    if following.split("-")[0] in PLACE_LEADS:
        return False  # "Paris Saint-Ouen" is a club
    return (
        following[:1].isupper()
        and following not in lexical
        and following not in lx.PLACES
        and following.lower() not in words_lower
        and following not in lx.OUTLET_WORDS
        and not following.endswith(("ical", "ism", "ist", "ity"))
    )


# Words of bodies and places that are also middle names: "Margaret Hall Brenner", "Laura Day Whitcombe".
MIDDLE_WORDS = lx._words("Hall Day Church Park Court Lane")


def middle_word(run: list[Token], index: int, words_lower: frozenset[str] | set[str]) -> bool:
    """ "Hall" in "Margaret Hall Brenner": a middle name that is a body's word, between a known given name
    opening the name and its surname."""
    word = run[index].text
    if index != len(run) - 2 or word not in MIDDLE_WORDS:
        return False
    before, last = run[index - 1].text, run[-1].text
    if index > 1 and run[index - 2].text not in lx.TITLES:
        return False
    return (
        is_given(before)
        and before not in lx.TITLES
        and last[:1].isupper()
        and last not in lx.ORG_WORDS
        and last not in lx.PLACES
        and last not in lx.TITLES
        and last.lower() not in words_lower
    )


def body_surname(run: list[Token], index: int, words_lower: frozenset[str] | set[str]) -> bool:
    """ "Day" in "Minister Stockwell Day", "Hall" in "Ms. Hall": a body's word that ends a name after a title.

    The title makes the run a person's; the body's word is the surname only as the run's last word, right
    after an honorific or after one more name word that the article never writes in lowercase.
    """
    word = run[index].text
    if index != len(run) - 1 or index == 0 or word not in MIDDLE_WORDS:
        return False
    before = run[index - 1].text
    if before in lx.HONORIFICS:
        return True
    return (
        index > 1
        and run[index - 2].text in lx.TITLES
        and before[:1].isupper()
        and before.isalpha()
        and before not in lx.TITLES
        and before not in lx.ORG_WORDS
        and before not in lx.PLACES
        and before not in lx.NATIONALITIES
        and before.lower() not in words_lower
    )


def introduces_a_person(text: str, introducer_start: int, name_end: int) -> bool:
    """ "a man named Aleksandr", not "the first part is called Legato" or "a Program called Euro"."""
    before = re.search(r"([\w’'-]+)\W*$", text[max(0, introducer_start - 30) : introducer_start])
    word = before.group(1) if before else ""
    if word in COPULAS or word[:1].isupper() or word in lx.THING_NOUNS:
        return False
    return not re.match(r"['’]s\s+[A-Z]", text[name_end : name_end + 4])  # "called Thad's World Destruction"


NOT_NAME = (
    LEXICAL_LEADS
    | lx.TITLES
    | lx.NATIONALITIES
    | lx.PLACES
    | lx.ORG_WORDS
    | lx.STOP_CAPS
    | lx.MONTHS
    | lx.DAYS
    | NAME_SUFFIXES
    | STATE_ABBREVIATIONS
)


# Without other evidence, a capitalised pair after these words is a place or a body ("in Cape Canaveral").
PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "near", "outside", "inside", "across", "toward", "towards", "into", "around", "through", "via", "of"]
)


# The place prepositions as they open a sentence, capitalised and so taken into a name's run ("In", "At").
_OPENING_PREPOSITIONS = frozenset(word.capitalize() for word in PLACE_PREPOSITIONS) - {"Of"}


def opening_place(prefix: list[Token], tail: list[Token]) -> bool:
    """ "In El Geneina, ...", "At San Luis Obispo": a sentence opened by a place preposition, written with a
    capital and so taken into the run, then a word that opens place names; not "In Ann Bell's view"."""
    if not prefix or prefix[0].text not in _OPENING_PREPOSITIONS:
        return False
    return tail[0].text in PLACE_LEADS or any(t.text in PLACE_LEADS for t in prefix[1:])


_PLURAL_VERB = re.compile(r" (?:say|are|were|have|do)\b")
_JOINED_BEFORE = re.compile(r"(?:\band|&|,|\bor)\s*$")


def takes_a_plural_verb(text: str, tail: list[Token], end: int) -> bool:
    """Whether a name ending in a plural-looking word is the subject of a plural verb ("Chariot Chauffeurs
    say", "Kovel Holdings are"), which one person never is; not the last of joined names ("Jane Roe and
    Tom Jones say")."""
    if not tail[-1].text.endswith("s") or _PLURAL_VERB.match(text, end) is None:
        return False
    if any(t.text in ("and", "&") for t in tail):
        return False  # "the United Nations and United States have": two subjects
    return _JOINED_BEFORE.search(text, max(0, tail[0].start - 6), tail[0].start) is None
