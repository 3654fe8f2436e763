"""What an article calls a person: the role read around a name, and the gender its words give.

Kept apart from people.py, which finds the names. A role is the title and role nouns before a name
("Saudi Health Minister", "Spanish singer Marisol"), an appositive after it ("Dr. Ana Lopez, a vaccine
researcher,"), or what the article called the person before naming them ("a 38-year-old named Aleksandr").
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.name_context import in_heading
from reader.analysis.name_shapes import MIDDLE_WORDS, OFFICE_WORDS, demonym, national_man
from reader.analysis.names import is_given, usual_gender
from reader.analysis.person_role_words import (
    _OFFICE_QUALIFIERS,
    _acronym,
    _role_modifier,
    _verb_before_role,
    owns,
    role_owner,
)
from reader.analysis.person_roles_apart import _bare_apposition, _listed_role, _role_set_before
from reader.analysis.tokens import Token

# Endings of a nationality's man and of demonyms: "Dutchman", "Kentuckian", "Vermonter", "Iowan".
_NATIONAL_ENDS = ("man", "men", "an", "er", "ite")


# "Secretary of State Condoleezza Rice", "Minister of Health Ana Lopez": a title, "of", an office word.
_OFFICE_OF = re.compile(r"\b([A-Z][\w-]*) of (?:the )?$")


# "Belarusian leader", "Tunisia's coach": a nationality or a place's possessive right before the role nouns
_COUNTRY_ROLE = re.compile(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*)?)(?:['’]s)? ((?:[a-z][\w-]* ){1,3})$")


# "X — who fled Belarus and is a member of the battalion — told ...": the role inside a dashed aside
_DASHED_ROLE = re.compile(r"\s*[—–]\s*who\b[^—–.]{0,200}?\b(?:is|was)\s+(?:a|an|the)\s+([^—–,;.]{3,100}?)\s*[—–]")


_INTRODUCED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:named|called)\s+$")


_LOWER_LEAD_REVERSED = re.compile(r"(?:\s+[\w-]*[a-z]){0,3}")


_APPOSITION = re.compile(r",\s+((?:a|an|the|its|his|her)\s+[^,;:—]{3,80}?)[,;:—.]")
# The same, read past the stop of an abbreviation or an initial: "a former aide to Mr. Cruz", "the U.S.
# ambassador", "an adviser to President George W. Bush"; tried first, the one above when it runs too long.
_APPOSITION_ON = re.compile(
    r",\s+((?:a|an|the|its|his|her)\s+[^,;:—]{3,80}?)(?:[,;:—]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\.)"
)
# Longer, for an appositive that the one above finds too long but the short one cuts at an abbreviation:
# "a strategist for Mrs. Ortega's 2008 campaign who ..." is not "strategist for Mrs".
_AGE_FIRST = re.compile(r",\s*\d{1,3}(?=,)")
_APPOSITION_LONG = re.compile(_APPOSITION_ON.pattern.replace("{3,80}", "{3,140}"))
_ABBREVIATION_STOP = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|[A-Z])\.$")


_TITLE_BEFORE = re.compile(r"\b([A-Z][\w-]*) $")


# "According to Ann Bell, the bridge was weak.": the comma after the name may end the phrase, and what
# follows is the sentence, unless it is "a ..." or closed by a comma ("According to Ann Bell, the mayor, ...").
_ACCORDING = re.compile(r"[Aa]ccording to $")


def _office_before(text: str, run: list[Token], prefix: list[Token]) -> bool:
    """Whether the run opens with an office after "Title of": "[Secretary of] State Condoleezza Rice", or with
    the country of the office: "[Prime Minister of] Canada Stephen Harper"."""
    if not prefix or (
        prefix[0].text not in OFFICE_WORDS
        and not all(t.text in lx.PLACES for t in prefix)
        and not (len(prefix) == 1 and len(run) == 3)  # "[Minister of] Sport Vitaly Mutko"
    ):
        return False
    office = _OFFICE_OF.search(text, max(0, run[0].start - 40), run[0].start)
    return office is not None and office.group(1) in lx.TITLES


# Courtesy titles, no offices: dropped from a role with other words ("Professor" is one, "Dr." is not).
_COURTESY = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame"})


def _qualifies(token: Token, owner: bool) -> bool:
    """A capitalised word before a title that says what the title is of: "Senate", "CDC", and with ``owner``
    (up to three such words, outside headings) "Health" of "Health Minister", "Hawaiian" of "Hawaiian
    Governor"; not "Then", "Monday" or a word in capitals ("KILLED IN ... Turkish President")."""
    if token.text in _OFFICE_QUALIFIERS or _acronym(token):
        return True
    return owner and not token.possessive and not token.text.isupper() and owns(token.text)


def _role(text: str, run: list[Token], prefix: list[Token], tail: list[Token], end: int | None = None) -> str | None:
    parts: list[str] = []
    window = text[max(0, run[0].start - 60) : run[0].start]
    if window.endswith(", ") and not prefix:
        window = window[:-2] + " "  # "his daughter, Leah": the role noun set off by a comma
    words = _lead_words(window)
    while words and words[-1] in lx.ROLE_NOUNS:
        parts.insert(0, words.pop())
        if len(words) > 1 and words[-1] == "and" and words[-2] in lx.ROLE_NOUNS:
            parts.insert(0, words.pop())
    owner = role_owner(window, parts) if parts else None
    if owner:
        parts.insert(0, owner)  # "Belarusian leader", "Tunisia's coach", "CIA spokesman", "Chelsea keeper"
    else:
        while parts and words and len(parts) < 4 and _role_modifier(words[-1]) and not _verb_before_role(window, words):
            parts.insert(0, words.pop())  # "campaign manager", "presidential candidate", "security contractor"
        owner = role_owner(window, parts) if len(parts) > 1 else None
        if owner:
            parts.insert(0, owner)  # "White House press secretary", "Arsenal first-team coach"
    marked = [
        i
        for i, t in enumerate(prefix)
        if t.text in lx.TITLES or t.text in lx.NATIONALITIES or t.text.lower() in lx.ROLE_NOUNS
    ]
    owned = 0 if marked and marked[0] and not in_heading(text, run[0].start) else 3  # no owner in a heading
    while marked and marked[0] and _qualifies(prefix[marked[0] - 1], owned < 3):
        owned += prefix[marked[0] - 1].text not in _OFFICE_QUALIFIERS
        marked.insert(0, marked[0] - 1)  # "Senate Majority Leader", "White House Press Secretary", "CDC Director"
    if not marked and prefix and prefix[-1].text[-1:] == "s" and prefix[-1].text[:-1].lower() in lx.ROLE_NOUNS:
        return prefix[-1].text[:-1].lower()  # "Astronauts John Young and ...": an astronaut
    if (
        not marked
        and prefix
        and prefix[-1].text.endswith(_NATIONAL_ENDS)
        and (national_man(prefix[-1].text) or demonym(prefix[-1].text))
    ):
        return prefix[-1].text  # "The Dutchman Ruud van Nistelrooy", "Kentuckian Rand Paul"
    # from the first title word to the last, with the office words between: "Saudi Health Minister"
    title = " ".join(
        t.text
        for i, t in enumerate(prefix[: marked[-1] + 1] if marked else [])
        if i in marked or (i > marked[0] and t.text not in lx.STOP_CAPS)
    )
    if _office_before(text, run, prefix):
        office = _OFFICE_OF.search(text, max(0, run[0].start - 40), run[0].start)
        begin = office.start() if office else run[0].start
        while (word := _TITLE_BEFORE.search(text, max(0, begin - 20), begin)) and word.group(1) in lx.TITLES:
            begin = word.start(1)  # "Prime Minister of Canada"
        title = text[begin : prefix[-1].end]  # "Secretary of State"
    kept = [word for word in title.split() if word not in _COURTESY]
    if (parts or kept) and len(kept) < len(title.split()):
        title = " ".join(kept)  # "Former Arizona Senator [Dr.]", "editor [Dr.]": the honorific is no role
    role = " ".join(x for x in (" ".join(parts), title) if x).strip()  # in the order written
    if role and not all(word in lx.HONORIFICS for word in role.split()):
        return role
    end = tail[-1].end if end is None else end  # after a suffix: "James B. Comey Jr., the director of ..."
    after = text[end : end + 300]
    age = _AGE_FIRST.match(after)
    aside = after[age.end() :] if age else after  # "Jane Roe, 34, a nurse from Leeds,": the role after the age
    apposition = _APPOSITION_ON.match(aside[:120]) or _APPOSITION.match(aside[:120])
    if apposition and _ABBREVIATION_STOP.search(apposition.group(0)):
        apposition = _APPOSITION_LONG.match(aside[:180]) or apposition
    apposition = apposition or _DASHED_ROLE.match(after)
    if (
        apposition
        and _ACCORDING.search(text, max(0, run[0].start - 14), run[0].start)
        and not apposition.group(0).endswith(",")
        and not apposition.group(1).startswith(("a ", "an "))
    ):
        apposition = None  # "According to Ann Bell, the bridge was weak.": the sentence goes on
    if apposition:
        return _open_end(re.sub(r"^(a|an|the)\s+", "", apposition.group(1)))  # "Dr. Ana Lopez, a vaccine researcher"
    bare = after[:1] == "," and _bare_apposition(after[:140])
    return (
        role
        or (text[run[0].start - 2 : run[0].start] == ", " and not prefix and _role_set_before(text, run[0].start))
        or (after[:1] == "," and ((bare and _open_end(bare)) or _owned_role(text, end)))
        or _introduced_role(text, run[0].start)
        or _listed_role(text, run[0].start)
    )


# Where the words of an appositive stop being the role: its closing comma left out, at the sentence's verb
# ("the Prime Minister of Ireland visited the White House", "a security analyst at CSIS told Bloomberg",
# "deputy minister as quoted by Bernama"). A relative clause stays, as the seed's convention has it ("a
# former official who fled the country"), unless its verb is one of saying ("a user who commented").
_ROLE_GOES_ON = re.compile(
    r"\s+(?:as quoted|(?:" + "|".join(sorted(lx.REPORTING_VERBS)) + r")(?![\w'’-]))"
    r"|\b[A-Z][\w.'’-]*(\s)[a-z]+ed\b"
)


def _open_end(role: str) -> str | None:
    """``role`` up to where it stops being one (see ``_ROLE_GOES_ON``); None if nothing is left."""
    stop = _ROLE_GOES_ON.search(role)
    if stop is None:
        return role
    role = role[: stop.start(1) if stop.group(1) else stop.start()]
    return _RELATIVE_END.sub("", role).strip() or None


_RELATIVE_END = re.compile(r"\s+(?:who|whom|which|that)\s*$")


def _introduced_role(text: str, start: int) -> str | None:
    """ "a 38-year-old named Aleksandr": what the article calls the person before naming them."""
    floor = max(0, start - 80)
    window = text[floor:start]
    if "named" not in window and "called" not in window:
        return None  # what _INTRODUCED needs, found at once instead of by trying it at every position
    introduced = _INTRODUCED.search(text, floor, start)
    return introduced.group(1) if introduced else None


# Words that end the head of a role: what follows is about someone else ("adviser to Mrs. Ostrow").
_ROLE_HEAD_ENDS = lx._words("of for to at with who whose whom and in on under from by than")


def _gender(first: str, role: str | None, prefix: list[Token], before: str) -> str | None:
    words = (role or "").split()
    head = next((i for i, w in enumerate(words) if w in _ROLE_HEAD_ENDS), len(words))
    cues = {first, before, *words[:head], *(t.text for t in prefix)}
    if cues & lx.FEMALE_WORDS:
        return "f"
    if cues & lx.MALE_WORDS:
        return "m"
    return usual_gender(first)


# An appositive opened by its owner's name, a place's or a body's: ", Turkey's interior minister,".
_OWNER_APPOSITION = re.compile(
    r",\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+([a-z][^,;:—.()]{2,60}?))\s*[,;:—.]"
)


def _owned_role(text: str, end: int) -> str | None:
    """ "Besir Atalay, Turkey's interior minister.": an appositive ending in a role noun after an owner's name."""
    owned = _OWNER_APPOSITION.match(text, end, end + 100)
    if owned is None or owned.group(2).split()[-1] not in lx.ROLE_NOUNS:
        return None
    return owned.group(1)


def _role_apposition(text: str, end: int, headed: bool = False) -> str | None:
    """ "Marisol, the Spanish singer, won": an appositive ending in a role noun, set off after a one-word name;
    ``headed``, also one whose role noun comes before "of" ("Zbyr Qazmi, the grieving father of a sailor"),
    which after one word is as often a company's ("Volkswagen, the owner of Audi")."""
    apposition = _APPOSITION.match(text[end : end + 120])
    if apposition is None:
        return _owned_role(text, end)
    words = apposition.group(1).split()
    if words[0] in ("its", "his", "her"):
        return None
    head = len(words) if not headed or "of" not in words else words.index("of")
    if head > 5 or words[head - 1] not in lx.ROLE_NOUNS:
        return None
    return " ".join(words[1:])


def _lead_words(window: str) -> list[str]:
    """The lowercase words that end ``window``, without the lowercase end of a capitalised word ("epublican"
    of "Republican", "resident" of "President")."""
    lead = _LOWER_LEAD_REVERSED.match(window[::-1])  # always matches, maybe nothing
    begin = len(window) - lead.end() if lead else len(window)
    words = window[begin:].split()
    return words[1:] if begin and window[begin - 1].isalnum() and words else words


def _role_before(text: str, start: int) -> str | None:
    """The role nouns right before a name ("singer" in "Spanish singer Marisol"), with a nationality before them."""
    window = text[max(0, start - 60) : start]
    words = _lead_words(window)
    parts: list[str] = []
    while words and words[-1] in lx.ROLE_NOUNS:
        parts.insert(0, words.pop())
    if not parts:
        return None
    country = _COUNTRY_ROLE.search(window)
    if country and country.group(2).split() == parts and country.group(1) in lx.NATIONALITIES:
        parts.insert(0, country.group(1))
    return " ".join(parts)


# A relative "who", or a reporting verb, right after a name.
_PERSON_AFTER = re.compile(r"(?:,\s+who\s|\s+(?:said|says|told|added|wrote)\b)")


def lexical_surname(text: str, run: list[Token]) -> bool:
    """ "Lena Day, executive director of ...", "Gary Hall, who ...", "said Ruth Pope": a given name and a
    word of a place or a title ("Day", "Hall", "Pope") that only a person's appositive, relative or verb
    makes a surname; without them it is as often a building or an event ("Lincoln Center")."""
    if len(run) != 2 or not is_given(run[0].text) or run[0].text in lx.PLACES:
        return False
    word = run[1].text
    if not (word in MIDDLE_WORDS or word in lx.TITLES) or word in lx.HONORIFICS or word.isupper():
        return False
    before = text[max(0, run[0].start - 6) : run[0].start]
    if before.endswith(("the ", "The ")):
        return False
    end = run[1].end
    if _PERSON_AFTER.match(text, end) or before.endswith("said "):
        return True
    after = text[end : end + 140]
    return after[:1] == "," and (
        _role_apposition(text, end, headed=True) is not None or _bare_apposition(after) is not None
    )
