"""The words around a role's noun or title that belong to the role: the office before a title ("Senate
Majority Leader", "FBI Director"), the lowercase words that narrow a role noun ("campaign manager"), and
the body, team or place the role is of ("CIA spokesman", "Chelsea keeper"). Kept apart from
person_roles.py, which reads the roles with them."""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.tokens import Token

# Words of an office before its title, kept in the role: "Senate Majority Leader", "White House Press Secretary".
_OFFICE_QUALIFIERS = lx._words(
    "Majority Minority Press House Senate Assembly Floor Ranking White Communications District Circuit Appeals "
    "Supreme Court Federal County Superior Municipal Magistrate"
)


# Lowercase words before a role noun that are no part of the role: "said manager", "the", "of".
_NOT_MODIFIERS = (
    lx.DETERMINERS
    | lx.REPORTING_VERBS
    | lx._words(
        "and or but as with by for from to of in on at about against like than that which who whom whose is was "
        "are were be been being has have had will would could should may might also not when while after before "
        "since because if then so into over under between among including such other another both all some many "
        "most two three four five says said told tells added wrote i you he she we they it what toward towards down "
        "up out off cast took used him them me us now met"
    )
)
# Words in "-ing" that narrow a role ("acting director"); the others are verbs ("naming businesswoman").
_ING_MODIFIERS = lx._words(
    "leading acting outgoing incoming founding managing visiting sitting reigning ruling defending"
)


def _role_modifier(word: str) -> bool:
    """A lowercase word that narrows the role noun after it ("campaign" of "campaign manager")."""
    return (
        len(word) > 2
        and word.replace("-", "").isalpha()
        and word not in _NOT_MODIFIERS
        and not word.endswith(("ly", "-old"))
        and (not word.endswith("ing") or word in _ING_MODIFIERS)
    )


def _acronym(token: Token) -> bool:
    """ "CDC" of "CDC Director", "DNC" of "DNC Chair": a body's initials before a title."""
    letters = token.text.replace(".", "") if token.text.endswith(".") else token.text  # "U.S. District Judge"
    return 1 < len(letters) < 6 and letters.isupper() and letters.isalpha()


# Role nouns that name firms as often as people: "Spanish-language broadcaster Univision" is no person.
FIRM_ROLES = frozenset({"broadcaster", "publisher"})

# Words after which a word in "-ed" describes the role noun: "a retired teacher", "two wounded soldiers".
_BEFORE_A_DESCRIPTION = lx.DETERMINERS | lx._words(
    "and or but nor former then one two three four five six seven eight nine ten several many some other both "
    "more most less very of for to from by with against about like including among between on in at as into "
    "than after before under over"
)


def _verb_before_role(window: str, words: list[str]) -> bool:
    """Whether ``words[-1]`` is a verb in "-ed" after its subject ("the club signed striker Ann Bell", "police
    arrested teacher Ann Bell"), which stops the role, not a word describing it ("a retired teacher", "the
    newly elected mayor"). ``words`` are the lowercase words that end ``window``."""
    word = words[-1]
    if not word.endswith("ed"):
        return False
    before = words[-2] if len(words) > 1 else (window[: window.rfind(word)].split() or [""])[-1]
    if not before[-1:].isalpha() or "-" in before:
        return False  # "Ann Bell, retired teacher", a sentence's start, "tea-party backed candidate"
    return before.lower() not in _BEFORE_A_DESCRIPTION and not before.endswith("ly")


# Capitalised words before a role noun that are the role's own ("Police spokesman", "Crown prosecutor"),
# though they open sentences often enough to be in STOP_CAPS.
_OWNERS_IN_STOP_CAPS = lx._words("Police Crown Government Court Church State Team Senior Local Environment Executive")
# Up to five capitalised words, maybe possessive, then the lowercase words of the role at the window's end.
_OWNED_ROLE = re.compile(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*){0,4})(?:['’]s)? ((?:[a-z][\w-]* ){1,3})$")


def owns(words: str) -> bool:
    """Whether capitalised words right before a role name whom or where the role is of, or narrow it:
    "CIA" of "CIA spokesman", "Chelsea", "Health" of "Health Minister", "Chief" of "Chief executive"; not
    "But", "Monday", "Mr." or a verb opening the sentence ("Quoting")."""
    if words in lx.NATIONALITIES or words in lx.PLACES:
        return True
    for word in words.split():
        if word in lx.MONTHS or word in lx.DAYS or word in lx.HONORIFICS or word in lx.REPORTING_VERBS:
            return False
        if word in lx.STOP_CAPS and word not in _OWNERS_IN_STOP_CAPS:
            return False
        if word.endswith("ing") and "-" not in word and word not in lx.PLACES and word.lower() not in _ING_MODIFIERS:
            return False  # "Quoting spokesman ...", not "Defending champion"
    return True


def role_owner(window: str, parts: list[str]) -> str | None:
    """The capitalised words before the role nouns ``parts`` at the end of ``window`` that name whom or where
    the role is of, with their possessive: "Belarusian", "Tunisia's", "CIA", "Chicago Sun-Times", "National
    Weather Service"; the longest run of them that does ("Then Belarusian leader": "Belarusian"), and
    none for "But spokesman" or "Monday"."""
    match = _OWNED_ROLE.search(window)
    if match is None or match.group(2).split() != parts:
        return None
    words = match.group(1).split(" ")
    for index in range(len(words)):
        if owns(" ".join(words[index:])):
            start = match.start(1) + sum(len(word) + 1 for word in words[:index])
            return window[start : match.start(2)].strip()
    return None
