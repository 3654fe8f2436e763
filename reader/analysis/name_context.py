"""Evidence for a name from around it: the line it stands in and the pronouns that follow it.

Kept apart from people.py, which decides with them. A one-word name is a person when a pronoun or a
relative "who" can only be its own ("Riise, who scored"); a name in a title-cased heading ("Reject The
Idea Of A Minimum Wage Hike") has no evidence from being capitalised.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.name_shapes import GIVEN_PLACES, plural_group


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
    if (word in not_name and word not in GIVEN_PLACES) or word.lower() in words_lower or not word.isalpha():
        return None  # a given name that is also a place may be a surname: "Paris claims that her passport"
    if word in lx.KNOWN_OUTLETS or word in lx.OUTLET_WORDS or plural_group(word):
        return None  # "Guardian, who ...", "Hispanics ... their"
    if start and not text.endswith(_CLAUSE_OPENERS, max(0, start - 8), start):
        return None  # only a clause's subject: in "members of Scientology, who", "who" is the members'
    if word[-1] == "s" and word[:-1].lower() in words_lower:
        return None  # "Allies of his ...": a plural of an ordinary word
    if _WHO.match(text, end):
        return "" if word in mid else None
    rest = text[end : end + 160]
    stop = _CLAUSE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    pronoun = _PERSONAL.search(rest)
    if pronoun is None or pronoun.group(3):
        return None
    if any(w not in lx.PLACES and w not in lx.STOP_CAPS for w in _CAPITALISED.findall(rest, 0, pronoun.start())):
        return None  # someone or something else named between: the pronoun may be theirs
    if word not in mid:
        return None  # "Alas, he ...": a word capitalised only where sentences open
    return "m" if pronoun.group(1) else "f"
