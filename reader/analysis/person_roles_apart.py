"""Roles written apart from a person's name: set off by a comma before it ("the Archbishop of Gdańsk, Ann
Bell"), the plural role noun opening a list the name is in ("photographers Ann Bell, Bo Chu and Cy Dunn"),
and an appositive with no article after it (", spokesperson for Food Standards Australia,"). Kept apart
from person_roles.py, which reads a role from these and from the words around the name."""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.name_shapes import OFFICE_WORDS
from reader.analysis.names import is_given

# "the president of the Lombardy region, Ann Bell", "Co-founder of Google, Bo Chu": a role noun or a title
# with what it is of, set off before a name (no date in it: "As Governor of Ohio in 1983, X"); "Malaysia's
# Prime Minister, Cy Dunn": a title alone. Read from the words of the clause before the comma.
_OF_WORDS = ("of", "for", "at")
_NOT_IN_ROLE = re.compile(r"[,;:.()\[\]\"“”]")
_ROLE_WORD = re.compile(r"[\w’'-]+")
_POSSESSIVE = re.compile(r"['’]s$")
_TITLE_SET_BEFORE = re.compile(r"((?:[A-Z][\w-]*['’]s )?(?:[A-Z][\w-]* ){0,2}[A-Z][\w-]*)$")


def _role_set_before(text: str, start: int) -> str | None:
    """The role set off by a comma before a name: "the Archbishop of Gdańsk, Ann Bell" is an archbishop's."""
    body = text[max(0, start - 120) : start - 2]  # without the ", " before the name
    core = body
    if core.endswith(")"):  # "The secretary general of CEI (Italian Episcopal Conference), Ann Bell"
        opening = core.rfind("(")
        if opening > 0 and core[opening - 1] == " " and len(core) - opening <= 62 and "(" not in core[opening + 1 :]:
            core = core[: opening - 1]
    clause = core[max((m.end() for m in _NOT_IN_ROLE.finditer(core)), default=0) :]
    words = clause.split(" ")
    for index, word in enumerate(words):
        if word not in _OF_WORDS or not index or index + 1 >= len(words):
            continue
        what = " ".join(words[index + 1 :])
        if len(what) > 60 or any(ch.isdigit() for ch in what):
            continue
        lead = [w for w in words[max(0, index - 4) : index] if _ROLE_WORD.fullmatch(w)]
        head = len(lead)
        while head and (lead[head - 1].lower() in lx.ROLE_NOUNS or lead[head - 1] in lx.TITLES):
            head -= 1
        if head < len(lead):
            return " ".join([*lead[head:], word, what])
        break
    title = _TITLE_SET_BEFORE.search(body[-60:])
    if title is None:
        return None
    words = title.group(1).split()
    if words[-1] not in lx.TITLES or words[-1] in lx.HONORIFICS:
        return None
    if not all(w in lx.TITLES or w in OFFICE_WORDS or _POSSESSIVE.sub("", w) in lx.PLACES for w in words[:-1]):
        return None
    return title.group(1)


# "photographers Ann Bell, Bo Chu and Cy Dunn", "football players, Ann Bell and Bo Chu", "guests like ...":
# a plural role noun, then only the names listed before this one (capitalised words, "of", "and", commas,
# a short aside in brackets) up to it, within the clause; not "supporters of Ann Bell": a name comes first.
# Read word by word from the name back: a pattern searched from every position of the window costs more.
_LIST_JOINS = frozenset({"of", "and"})
_CLAUSE_PREPOSITIONS = frozenset({"to", "with", "for", "from", "by", "at", "on", "in", "among", "of", "about"})
_LIST_LEADS = frozenset({"like", "including"})
# Words whose point ends no clause: "Dr. Ann Bell", "Edward T. Lu" (any word ending in a capital).
_ABBREVIATIONS = frozenset({"Mr", "Dr", "Mrs", "Ms", "Jr", "Sr", "St"})


def _clause_start(window: str) -> int:
    """Where the clause that ends the window starts: after the last ";", ":", line end, "!", "?" or full stop."""
    cut = max(window.rfind(";"), window.rfind(":"), window.rfind("\n"), window.rfind("!"), window.rfind("?")) + 1
    stop = window.rfind(". ", cut)
    while stop >= cut:
        word = window[window.rfind(" ", 0, stop) + 1 : stop]
        if not word[-1:].isupper() and word not in _ABBREVIATIONS:
            return stop + 1
        stop = window.rfind(". ", cut, stop)
    return cut


def _listed_role(text: str, start: int) -> str | None:
    """The singular of a plural role noun that opens the list a name is in: "photographer" for Cy Dunn."""
    if text[start - 1 : start] != " ":
        return None
    window = text[max(0, start - 200) : start]
    words = window[_clause_start(window) :].split()
    index = len(words) - 1
    while index >= 0:
        word = words[index]
        if word.endswith(")"):  # "athletes Ann Bell (tennis) and Bo Chu (golf)"
            opening = index
            while opening >= 0 and not words[opening].startswith("("):
                opening -= 1
            if opening < 0 or index - opening > 6:
                return None
            index = opening - 1
        elif word[:1].isupper() or word in _LIST_JOINS:
            index -= 1
        else:
            break
    index = max(index, 0)  # all capitalised: "Researchers Ann Bell and Bo Chu" opening a sentence
    plural = words[index] if words else ""
    first = index + 1
    if plural in _LIST_LEADS or (plural == "as" and index and words[index - 1] == "such"):
        index -= 2 if plural == "as" else 1
        plural = words[index] if index >= 0 else ""
    if first < len(words) and not words[first][:1].isupper():
        return None  # "supporters of Ann Bell": the list opens with a name
    if plural[:1].isupper():
        if index:
            return None  # not "Alto Partners, Bo Chu": a capitalised plural only where the sentence opens
        plural = plural.lower()
    if plural.endswith(",") and index and words[index - 1] in _CLAUSE_PREPOSITIONS:
        return None  # "Speaking to reporters, Ann Bell said": the comma ends a phrase, no list follows
    plural = plural.removesuffix(",")
    for singular in (plural[:-1], plural[:-3] + "y" if plural.endswith("ies") else "", plural[:-2]):
        if plural[-1:] == "s" and singular in lx.ROLE_NOUNS:
            return singular
    return None


# ", spokesperson for Food Standards Australia,", ", co-founder of PETA.": an appositive with no article.
_BARE_APPOSITION = re.compile(r",\s+([\w-]+(?:\s+[^,;:—.()]{1,100}?)?)\s*[,;:—.(]")


def _bare_apposition(after: str) -> str | None:
    """An appositive with no article whose head, in its first four words, is a role noun or a title."""
    match = _BARE_APPOSITION.match(after)
    if match is None:
        return None
    words = match.group(1).split()
    lead = 0  # capitalised words opening it, a place or a body the role is of: "Panama coach", "NASA engineer"
    while lead < min(3, len(words) - 1) and words[lead][:1].isupper() and words[lead] not in lx.TITLES:
        lead += 1
    if lead and (words[lead][:1].isupper() or words[0] in lx.STOP_CAPS):
        lead = 0  # "Ohio Secretary of State", "First Minister": read as a title below
    for index, word in enumerate(words[:4]):
        if index < lead:
            continue
        if (
            word in lx.ROLE_NOUNS
            or (word in lx.TITLES and word not in lx.HONORIFICS and index == 0)
            or (index == 0 and len(words) > 1 and words[1] in lx.TITLES and word[:1].isupper())  # "First Minister"
        ):
            after = words[index + 1] if index + 1 < len(words) else ""
            if word in lx.ROLE_NOUNS and is_given(after) and after not in lx.PLACES:
                return None  # not "Ann Bell, presidential candidate Tom Rusk said": a name after it opens a clause
            if all(w[:1].islower() for w in words[lead:index]):
                return match.group(1)
            return None
        if not word[:1].islower():
            return None
    return None
