"""Evidence for a name from around it: the line it stands in and the pronouns that follow it.

Kept apart from people.py, which decides with them. A one-word name is a person when a pronoun or a
relative "who" can only be its own ("Riise, who scored"); a name in a title-cased heading ("Reject The
Idea Of A Minimum Wage Hike") has no evidence from being capitalised.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.name_shapes import (
    GIVEN_PLACES,
    PLACE_PREPOSITIONS,
    STATE_ABBREVIATIONS,
    introduces_a_person,
    plural_group,
)
from reader.analysis.names import is_given
from reader.analysis.tokens import Token


def in_heading(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a title-cased line: four words or more, nearly all capitalised, small words too."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    words = line.split()
    if len(words) < 4 or len(words) > 30 or not any(w in _TITLE_CASE_SMALL for w in words[1:]):
        return False  # a list of names has no "Of" or "The" in it
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


# Small words that only a title-cased heading capitalises mid-line ("Reject The Idea Of A Minimum Wage Hike").
_TITLE_CASE_SMALL = lx._words("Of A An The To In On For With At By From As Into Over")


# A clause's start before a one-word subject, a personal pronoun after it, a relative "who" after it.
_CLAUSE_OPENERS = ("\n", ". ", "! ", "? ", "; ", ", and ", ", but ", ", while ", ", as ", ", so ")
_CLAUSE_END = re.compile(r"[.!?;\"“”]")
_PERSONAL = re.compile(r"\b(?:(he|his|him|himself)|(she|her|herself)|(they|their|them|it|its))\b")
_WHO = re.compile(r",\s+who\s+(?!are\b|were\b|have\b)")  # teams are "who were" in British usage
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def refers_as_person(
    text: str, start: int, end: int, not_name: frozenset[str], words_lower: set[str], mid: set[str]
) -> str | None:
    """A one-word name the article treats as a person: "Riise, who scored", "Ronaldinho ... as he made".

    Sport and follow-up reports often name people by surname alone; a personal pronoun that can only
    point back at the word (no other name between, no "they"/"its" first), or a relative "who", says
    it is a person. ``words_lower`` are the words the article writes in lowercase, ``mid`` the capitalised
    words it writes right after a lowercase word. Returns the gender the pronoun gives ("" when none),
    or None. The caller has checked that the word is not inside a quote.
    """
    word = text[start:end]
    if not mononym_shape(word, not_name, words_lower, mid):
        return None
    if start and not text.endswith(_CLAUSE_OPENERS, max(0, start - 8), start) and not _opened(text, start):
        return None  # only a clause's subject: in "members of Scientology, who", "who" is the members'
    if _WHO.match(text, end):
        return ""
    rest = text[end : end + 160]
    stop = _CLAUSE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    pronoun = _PERSONAL.search(rest)
    if pronoun is None or pronoun.group(3):
        return None
    if any(w not in lx.PLACES and w not in lx.STOP_CAPS for w in _CAPITALISED.findall(rest, 0, pronoun.start())):
        return None  # someone or something else named between: the pronoun may be theirs
    return "m" if pronoun.group(1) else "f"


# Words that open a clause before its subject: "But Kelly was relentless", "When Maddow asked her".
_SUBJECT_OPENERS = lx._words("But And When As While After Before Because Since Although Though Meanwhile Then Once")
_OPENER_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“]\s*)(\w+),? $")


def _opened(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a clause opener that itself opens a sentence ("But Kelly")."""
    window = text[max(0, start - 14) : start]
    if not window.endswith(" "):
        return False
    match = _OPENER_BEFORE.search(window)
    return bool(match and match.group(1) in _SUBJECT_OPENERS and (match.start(1) > 0 or start - 14 <= 0))


def mononym_shape(word: str, not_name: frozenset[str], words_lower: set[str], mid: set[str]) -> bool:
    """Whether a lone capitalised word may be a person's one name: no ordinary word, place, outlet or group.

    ``mid`` holds the capitalised words the article writes right after a lowercase word: a word
    capitalised only where sentences open ("Alas, he ...") is no name.
    """
    if (word in not_name and word not in GIVEN_PLACES) or word.lower() in words_lower or not word.isalpha():
        return False  # a given name that is also a place may be a surname: "Paris claims that her passport"
    if word in lx.KNOWN_OUTLETS or word in lx.OUTLET_WORDS or plural_group(word) or word.endswith("ists"):
        return False  # "Guardian, who ...", "Hispanics ... their", "Gynecologists"
    if word[-1] == "s" and (word[:-1].lower() in words_lower or word[:-1] in lx.TITLES):
        return False  # "Allies of his ...", "Bush and Govs. Chris Christie": a plural of an ordinary word or title
    return word in mid


# Where a match report names a player by one name: the ball passed to or from them, "X, and he ...".
_PLAY_BEFORE = re.compile(
    r"\b(?:(?:pass|passes|cross|crosses|assist|header|free kick|corner|through ball|lay-off|backheel|flick|foul"
    r"|challenge|tackle)\s+(?:from|with|by|to|on)"
    r"|sent on|brought on|in place of|replaced|substitute|fouled|booked|tackled)\s+$"
)
# What only a player does, after the name: "van Buyten headed", "Robinho was hauled down", "Lucio's head".
_PLAY_AFTER = re.compile(
    r"(?:['’]s (?:head|header|left foot|right foot|free kick|volley)\b"
    r"| headed (?:[A-Z]|the ball|wide|over)"
    r"| (?:volleyed|dribbled|was (?:booked|sent off|hauled down|brought down|fouled|substituted|replaced))\b"
    # softball and baseball, American football: "Yamada hit a triple", "Newton was sacked"
    r"| (?:bunted|singled|doubled|tripled|homered|(?:grounded|flied|popped|struck) out|came to bat|was walked"
    r"|was (?:struck|thrown|called) out|(?:hit|got|made) a (?:single|double|triple|home run|homer|hit|base hit)"
    r"|drew a walk|reached base|stole (?:second|third|home|a base)|was sacked|fumbled)\b)"
)
_AND_PRONOUN = re.compile(r",\s+and\s+(?:(he)|(she))\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|around|through|into|outside|inside)\s+$")


def played_after(text: str, end: int) -> bool:
    """Whether what follows a word is what only a player does ("Stevenson got a hit", "Lucio's head")."""
    return _PLAY_AFTER.match(text, end) is not None


def named_in_play(text: str, start: int, end: int) -> str | None:
    """ "a pass from Xavi", "sent on Guti", "Lucio's head", "handed straight to Sissoko, and he was unfortunate",
    not "in Iowa, and he".

    Returns the gender a following "and he" gives ("" when none), or None. The caller has checked
    the word's shape (``mononym_shape``) and that it is not inside a quote.
    """
    if not text[start:end][1:].islower():
        return None  # "WikiLeaks and Snowden": an inner capital is a brand's more often than a player's
    pronoun = _AND_PRONOUN.match(text, end)
    if pronoun is not None and not _PLACE_BEFORE.search(text, max(0, start - 12), start):
        return "m" if pronoun.group(1) else "f"
    if _PLAY_AFTER.match(text, end):
        return ""
    return "" if _PLAY_BEFORE.search(text, max(0, start - 24), start) else None


# The word right before a name, read for every capitalised run of every article.
# Compiled once: these run for every capitalised run of every article.
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")


_COMMA_PLACE = re.compile(r",\s+([A-Z]\w+)")


# The same word read from the end: the window reversed, the word is matched at its start instead of
# being searched for from every position (_WORD_BEFORE ends in "$"). No word character at all in the
# window (rare) is left to _WORD_BEFORE.
_WORD_BEFORE_REVERSED = re.compile(r"\W*?([’'-]*\w[\w’'-]*)")


def _word_before(text: str, start: int) -> str:
    j = start - 1
    if j > 0 and text[j] == " ":  # the usual "word Name": the word between two spaces, no regex needed
        word = text[text.rfind(" ", max(0, j - 40), j) + 1 : j]
        if word.isalpha():
            return word
    window = text[max(0, start - 40) : start]
    match = _WORD_BEFORE_REVERSED.match(window[::-1])
    if match is not None:
        return match.group(1)[::-1]
    match = _WORD_BEFORE.search(window)
    return match.group(1) if match else ""


def _kin_of(text: str, start: int) -> bool:
    """Whether "of" before a name follows a noun of kin: "the mother of Trayvon Martin" (not "the director of",
    as often a body's)."""
    return start > 4 and _word_before(text, start - 3) in lx.KIN_WORDS


# Endings of adjectives and abstract nouns that no unknown name has, for a first word and for a last one.
_WORD_ENDS = (
    "ive",
    "ous",
    "ful",
    "less",
    "ness",
    "ment",
    "tion",
    "sion",
    "ism",
    "ial",
    "ical",
    "onal",
    "ance",
    "ence",
)


_NOUN_ENDS = ("tion", "sion", "ment", "ism", "ity")


def word_shaped(word: str, ends: tuple[str, ...]) -> bool:
    """Whether a capitalised word with no other reading is shaped like an ordinary word ("Racial", "Action")."""
    return len(word) > 5 and word.lower().endswith(ends) and not is_given(word)


# A comma, then a state's abbreviation ("S.C.", "Calif.") or a place's name and the end of the phrase.
_STATE_TAG = re.compile(r",\s+(?:((?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.)|([A-Z][a-z]+)(?=[,.;:]|\s*$))")


def tagged_place(after: str, before: str) -> bool:
    """ "in Glen Ellyn, Ill.," "in Jackson Hole, Wyoming,": a given name opens a place tagged with its state.
    A state's name after a person's is rare but for a place preposition before ("Simone Biles, United States")."""
    tag = _STATE_TAG.match(after)
    if tag is None:
        return False
    if tag.group(1):
        return tag.group(1) in STATE_ABBREVIATIONS or tag.group(1)[:-1] in STATE_ABBREVIATIONS
    return tag.group(2) in lx.PLACES and before in PLACE_PREPOSITIONS and before != "of"


INTRODUCERS = frozenset({"named", "called", "nicknamed", "alias"})
# Determiners that open a capitalised run: the name after them is a thing's ("The Hawker Hunter").
_RUN_DETERMINERS = frozenset({"The", "A", "An", "This", "These", "Those"})


# Lowercase words after a team's name: "Carolina Hawks fans".
_TEAM_AFTER = re.compile(r"^ (?:fans|players|coach|quarterback|roster|supporters|defense|defence|offense|squad)\b")


def _adjacent(text: str, run: list[Token], prefix: list[Token], before: str) -> str:
    """The word right before a run in its sentence ("to third. Haruna Sakamoto" has none), or a determiner
    opening the run itself ("The Hawker Hunter crashed")."""
    if prefix and prefix[-1].text in _RUN_DETERMINERS:
        return prefix[-1].text.lower()
    window = text[max(0, run[0].start - len(before) - 2) : run[0].start]
    return before if window.rstrip(" ,").endswith(before) else ""


def _named_as_thing(text: str, run: list[Token], prefix: list[Token]) -> bool:
    """ "a firm called Oxford Metrica", "the charity Open Hands": a name introduced as a thing's."""
    before = _word_before(text, run[0].start)
    if before.lower() in INTRODUCERS:
        return not introduces_a_person(text, text.rfind(before, 0, run[0].start), run[-1].end)
    adjacent = _adjacent(text, run, prefix, before)
    return adjacent in lx.THING_NOUNS and adjacent.lower() not in lx.DETERMINERS


def _team_name(text: str, run: list[Token], tail: list[Token], prefix: list[Token], before: str, after: str) -> bool:
    """A name ending in a plural after "the" or before "fans": a team or a band, not a person."""
    last = tail[-1].text
    if last[-1:] != "s" or last.endswith(("ss", "us", "is", "'s", "’s")) or tail[-1].possessive:
        return False
    first = tail[0].text
    if any(t.text in lx.TITLES for t in run) or (is_given(first) and first not in GIVEN_PLACES):
        return False  # "the Bernie Sanders campaign"
    return _adjacent(text, run, prefix, before) == "the" or bool(_TEAM_AFTER.match(after))
