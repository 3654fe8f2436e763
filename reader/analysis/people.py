"""People named in an article: full names, aliases (surname, given name, possessives), roles, mentions.

A capitalised run is a person when some evidence says so: a known given name, a title (President,
Mr), a role noun before it (reporter, coach), an introduction (named Aleksandr), a reporting verb or
an age after it. Runs that end in an organisation or place word (Kastus Kalinouski Battalion) are
names of things, so the person inside them is not mentioned.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.analysis import lexicon as lx
from reader.analysis.name_context import in_heading, mononym_shape, named_in_play, played_after, refers_as_person
from reader.analysis.name_shapes import (
    GIVEN_PLACES,
    LEXICAL_LEADS,
    NAME_SUFFIXES,
    OFFICE_WORDS,
    STATE_ABBREVIATIONS,
    demonym,
    east_asian_name,
    given_place,
    glued_word,
    initial,
    introduces_a_person,
    middle_word,
    names_a_thing,
    national_man,
    not_a_name_part,
    surname_word,
)
from reader.analysis.names import FAMOUS_SURNAMES, FEMALE, GIVEN, MALE, is_given
from reader.analysis.tokens import ORG_CONNECTORS, PARTICLES, Token, capitalised_runs

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
INTRODUCERS = frozenset({"named", "called", "nicknamed", "alias"})
# Without other evidence, a capitalised pair after these words is a place or a body ("in Cape Canaveral").
PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "near", "outside", "inside", "across", "toward", "towards", "into", "around", "through", "via", "of"]
)
_AGE = re.compile(r"^,\s*\d{1,3}\s*,")
# Endings of a nationality's man and of demonyms: "Dutchman", "Kentuckian", "Vermonter", "Iowan".
_NATIONAL_ENDS = ("man", "men", "an", "er", "ite")
# Determiners that open a capitalised run: the name after them is a thing's ("The Hawker Hunter").
_RUN_DETERMINERS = frozenset({"The", "A", "An", "This", "These", "Those"})
# Capitalised particles that open Arabic names of three words or more.
_ARABIC_LEADS = frozenset({"Al", "Abu", "Bin", "Ibn", "Abd", "Abdel", "Abdul"})
# Lowercase nouns after a capitalised run that make it a place: "the Kutai Kartanegara district".
_PLACE_NOUN_AFTER = re.compile(r"^ (?:district|province|county|prefecture|region|municipality|village|regency)\b")
# "Secretary of State Condoleezza Rice", "Minister of Health Ana Lopez": a title, "of", an office word.
_OFFICE_OF = re.compile(r"\b([A-Z][\w-]*) of (?:the )?$")
# Misspelt surnames are looked for only while an article names at most this many people: each look-up
# compares with every surname, which would grow with the square of a very long article's names.
FUZZY_PEOPLE = 100


@dataclass(eq=False)
class PersonEntity:
    tokens: tuple[str, ...]
    role: str | None = None
    gender: str | None = None  # "m", "f" or None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    first: int = 0  # offset of the first mention

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def surname(self) -> str:
        return self.tokens[-1]


# Compiled once: these run for every capitalised run of every article.
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")
_FOLLOWING_WORD = re.compile(r"\s*(?:,[^,]{1,80},\s*)?(?:also\s+|later\s+|then\s+)?(\w+)")
_ITS = re.compile(r",\s+its\b")
_COMMA_PLACE = re.compile(r",\s+([A-Z]\w+)")
# "Belarusian leader", "Tunisia's coach": a nationality or a place's possessive right before the role nouns
_COUNTRY_ROLE = re.compile(r"\b([A-Z][\w-]*(?: [A-Z][\w-]*)?)(?:['’]s)? ((?:[a-z][\w-]* ){1,3})$")
# "X — who fled Belarus and is a member of the battalion — told ...": the role inside a dashed aside
_DASHED_ROLE = re.compile(r"\s*[—–]\s*who\b[^—–.]{0,200}?\b(?:is|was)\s+(?:a|an|the)\s+([^—–,;.]{3,100}?)\s*[—–]")
_INTRODUCED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:named|called)\s+$")
# ``([\w-]+),\s*$`` and ``((?:[a-z][\w-]*\s+){0,3})$`` searched in a window ("child, Gloria" and the
# lowercase words before a name), matched instead at the start of the reversed window (see _word_before).
_ROLE_COMMA_REVERSED = re.compile(r"\s*,([\w-]+)")
_LOWER_LEAD_REVERSED = re.compile(r"(?:\s+[\w-]*[a-z]){0,3}")
_APPOSITION = re.compile(r",\s+((?:a|an|the|its|his|her)\s+[^,;:—]{3,80}?)[,;:—.]")


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


_DOMAIN_DOT = re.compile(r"\w\.[a-z]{2}")


def _is_name_token(token: Token) -> bool:
    return _name_word(token.text)


@functools.lru_cache(maxsize=1 << 15)
def _name_word(word: str) -> bool:
    """Whether a capitalised word may be part of a name, by itself; the same words recur, so it is cached."""
    if (
        len(word) == 1
        or (not word.isalpha() and any(ch.isdigit() for ch in word))
        or (word.isupper() and "." not in word)
        or (("'" in word or "’" in word) and word.endswith(("n't", "n’t")))  # "Don't"
        or ("." in word and _DOMAIN_DOT.search(word) is not None)  # "BigMachineRecords.com"
    ):
        return False
    return word not in NOT_NAME and word.rstrip(".") not in NOT_NAME


def _lower_elsewhere(words_lower: set[str], token: Token) -> bool:
    return token.text.lower() in words_lower


class Spans:
    """Whether an offset lies in any of many (start, end) spans, by bisection rather than a scan of all."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


@dataclass
class _Context:
    words_lower: set[str]  # words seen in lowercase somewhere in the text
    said: set[str]  # capitalised words followed by a reporting verb somewhere
    in_org: set[int]  # offsets of tokens inside an organisation's name
    quotes: Spans
    mid: set[str]  # capitalised words written right after a lowercase word somewhere: names, not openers

    def in_quote(self, pos: int) -> bool:
        return self.quotes.covers(pos)


def _context(text: str, tokens: list[Token], quotes: list[tuple[int, int]]) -> _Context:
    words_lower: set[str] = set()
    said: set[str] = set()
    mid: set[str] = set()
    previous = None
    verbs = lx.REPORTING_VERBS
    add_lower, add_mid = words_lower.add, mid.add
    for token in tokens:  # one pass for the three: the loop costs more than what is done in it
        word = token.text
        if word[:1].islower():
            add_lower(word)
            if word in verbs and previous is not None and previous.cap and text[previous.end : token.start] == " ":
                said.add(previous.text)  # not "buried at Tamosira Magnet, said Omar Tawfiq"
        elif token.cap and previous is not None:
            end = previous.end
            if (token.start == end + 1 and previous.text[:1].islower() and text[end] == " ") or (
                token.start == end + 2 and text[end] == ","  # "In August, Kelly staged"
            ):
                add_mid(word)
        previous = token
    in_org: set[int] = set()
    for run in capitalised_runs(text, tokens, ORG_CONNECTORS):
        words = [t.text for t in run if t.text != "The"]
        if len(words) > 1 and (words[0] in lx.ORG_WORDS or words[-1] in lx.ORG_WORDS):
            in_org.update(t.start for t in run)
    return _Context(words_lower, said, in_org, Spans(quotes), mid)


def _evidence(text: str, run: list[Token], tail: list[Token], prefix: list[Token], ctx: _Context) -> bool:
    before = _word_before(text, run[0].start)
    after = text[tail[-1].end + (2 if tail[-1].possessive else 0) : tail[-1].end + 40]
    names = [t.text for t in tail]
    if prefix and (any(t.text in lx.TITLES for t in prefix) or _office_before(text, run, prefix)):
        return True
    if ctx.in_quote(tail[0].start):
        return is_given(names[0]) and len(tail) > 1
    if before in lx.ROLE_NOUNS and text[max(0, run[0].start - len(before) - 2) : run[0].start].endswith(
        (f" {before} ", f"\n{before} ", f"{before}, ")
    ):
        return True  # "critic Bill Kristol", "his wife, Callista", not "... a critic. Hundreds of ..."
    if before.lower() in INTRODUCERS:
        return introduces_a_person(text, text.rfind(before, 0, run[0].start), tail[-1].end)
    if len(tail) > 2 and any(t.text in PARTICLES for t in tail[1:-1]) and tail[0].text not in NOT_NAME:
        return True  # "Ruud van Nistelrooy", "Mohammed bin Salman"
    if len(tail) > 2 and tail[0].text in _ARABIC_LEADS and not any(_lower_elsewhere(ctx.words_lower, t) for t in tail):
        return True  # "Al Amin Khalifah Fhimah", "Abu Bakr al-Baghdadi"
    if len(tail) == 2 and east_asian_name(tail, 0):
        return True  # "Park Joo-Ho"
    if tail[-1].text[-1:] == "s" and len(tail) > 1 and _team_name(text, run, tail, prefix, before, after):
        return False  # "the Carolina Hawks", "Houston Texans fans"
    if len(tail) == 1:
        # "their nine-month-old child, Gloria": a role noun, a comma, then the name.
        head = _ROLE_COMMA_REVERSED.match(text[max(0, run[0].start - 30) : run[0].start][::-1])
        if head and head.group(1)[::-1] in lx.ROLE_NOUNS and is_given(names[0]):
            return True
        # "Syakrani, 24, says": an age after a word with no other reading.
        return after[:1] == "," and bool(_AGE.match(after)) and not prefix and not in_heading(text, run[0].start)
    if (is_given(names[0]) and not any(n in GIVEN for n in names[1:2])) or (is_given(names[0]) and len(tail) > 2):
        return True
    if _PLACE_NOUN_AFTER.match(after):
        return False  # "in East Kalimantan's Kutai Kartanegara district"
    if after[:1] == "," and _role_apposition(text, tail[-1].end) is not None:
        return True  # "Taro Okubashi, the Japanese prime minister,"
    if _AGE.match(after):
        return True
    follow = _FOLLOWING_WORD.match(after)
    if follow and follow.group(1) in lx.REPORTING_VERBS:
        return True
    if tail[-1].text in ctx.said and not ctx.in_quote(tail[0].start):
        return True
    adjacent = _adjacent(text, run, prefix, before)
    thing_before = adjacent in lx.THING_NOUNS or adjacent.lower() in lx.DETERMINERS
    if (thing_before and adjacent.lower() != "that") or _ITS.match(after):
        return False  # "the Savage Love column", not "said that Ehud Baram": "that" opens a clause
    if ctx.in_quote(tail[0].start) or tail[0].start in ctx.in_org or adjacent.lower() in PLACE_PREPOSITIONS:
        return False
    place = _COMMA_PLACE.match(after)
    if place and place.group(1) in lx.PLACES:
        return False  # "Cape Canaveral, Florida"
    if len(tail) > 3 or any(_lower_elsewhere(ctx.words_lower, t) for t in tail):
        return False
    if word_shaped(names[0], _WORD_ENDS) or word_shaped(names[-1], _NOUN_ENDS):
        return False  # "Racial Injustice", "Congressional Ball", "Direct Action": words, not names
    return not in_heading(text, run[0].start)  # "Minimum Wage Hike": every word of a heading is capitalised


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


# Lowercase words after a team's name: "Carolina Hawks fans".
_TEAM_AFTER = re.compile(r"^ (?:fans|players|coach|quarterback|roster|supporters|defense|defence|offense|squad)\b")


def _adjacent(text: str, run: list[Token], prefix: list[Token], before: str) -> str:
    """The word right before a run in its sentence ("to third. Haruna Sakamoto" has none), or a determiner
    opening the run itself ("The Hawker Hunter crashed")."""
    if prefix and prefix[-1].text in _RUN_DETERMINERS:
        return prefix[-1].text.lower()
    window = text[max(0, run[0].start - len(before) - 2) : run[0].start]
    return before if window.rstrip(" ,").endswith(before) else ""


def _team_name(text: str, run: list[Token], tail: list[Token], prefix: list[Token], before: str, after: str) -> bool:
    """A name ending in a plural after "the" or before "fans": a team or a band, not a person."""
    last = tail[-1].text
    if last[-1:] != "s" or last.endswith(("ss", "us", "is", "'s", "’s")) or tail[-1].possessive:
        return False
    first = tail[0].text
    if any(t.text in lx.TITLES for t in run) or (is_given(first) and first not in GIVEN_PLACES):
        return False  # "the Bernie Sanders campaign"
    return _adjacent(text, run, prefix, before) == "the" or bool(_TEAM_AFTER.match(after))


def _office_before(text: str, run: list[Token], prefix: list[Token]) -> bool:
    """Whether the run opens with an office after "Title of": "[Secretary of] State Condoleezza Rice"."""
    if not prefix or prefix[0].text not in OFFICE_WORDS:
        return False
    office = _OFFICE_OF.search(text, max(0, run[0].start - 40), run[0].start)
    return office is not None and office.group(1) in lx.TITLES


def _without_suffix(run: list[Token]) -> tuple[list[Token], str]:
    """A run without its name suffix ("Jr.", "III"), and the suffix: "James B. Comey Jr." is Comey."""
    if run[-1].text in NAME_SUFFIXES and len(run) > 2 and not run[-2].possessive:
        return run[:-1], run[-1].text
    return run, ""


def _split_run(
    text: str, run: list[Token], words_lower: set[str] | frozenset[str] = frozenset()
) -> tuple[list[Token], list[Token]] | None:
    """(prefix, name) of a run, or None when the run names a thing (ends in an org/place word)."""
    if len(run) == 1:
        return _split_single(text, run, words_lower)
    if names_a_thing(run):
        return None
    last_lexical = -1
    for index, token in enumerate(run):
        word = token.text
        if ("/" in word or "-" in word or (index == 0 and text[token.start - 1 : token.start] in ("@", "#"))) and (
            not_a_name_part(text, token)
        ):
            last_lexical = index  # "New York-based", "Facebook/Name", "@handle"
            continue
        leading_verb = (
            index == last_lexical + 1
            and word.endswith(("ing", "ed"))
            and not is_given(word)
            and not (index + 1 < len(run) and initial(run, index + 1))  # "Channing D. Pell"
            and not _ed_name(word, words_lower)
        )
        role_word = word.lower() in lx.ROLE_NOUNS and word not in GIVEN and not _named_after_role(text, run, index)
        if not _is_name_token(token) or role_word or leading_verb:
            if (
                len(run) > 1
                and (
                    given_place(run, index, NOT_NAME, words_lower)
                    or (index and middle_word(run, index, words_lower))
                    or initial(run, index)
                    or east_asian_name(run, index)
                    or (word == "Jan" and index == 0)  # "Jan Brewer": the month is written "Jan." or with a day
                    or (index and word in STATE_ABBREVIATIONS and text[token.end : token.end + 1] != ".")  # "Naoto Kan"
                    or (last_lexical < index - 1 and surname_word(run, index))
                )
            ):
                continue  # "Jordan Chiles", "Richard A. Mastracchio", "Park Joo-Ho", "Paul Singer", "Mr. King"
            if index and run[index - 1].text in lx.HONORIFICS and surname_word(run, index):
                continue  # "Mr. Singer", "Ms. Boxer": the honorific is the prefix
            last_lexical = index
        elif (index == 0 or word[-1] == "s" or "'" in word or "’" in word) and glued_word(
            text, run, index, words_lower
        ):
            last_lexical = index  # only a first word, a plural or a contraction can be glued on
        elif (
            index
            and index == last_lexical + 1
            and run[index - 1].text in lx.STOP_CAPS
            and glued_word(text, run[index:], 0, words_lower)
        ):
            last_lexical = index  # the same after a word that is no name: "The Dutchman Ruud van Nistelrooy"
    prefix, tail = run[: last_lexical + 1], run[last_lexical + 1 :]
    while tail and tail[0].text in ORG_CONNECTORS:
        tail = tail[1:]
    while len(tail) > 1 and len(tail[-1].text) == 2 and tail[-1].text.endswith("."):
        tail = tail[:-1]  # "[George H. W.] Bush": a name does not end in an initial
    if not tail or not tail[-1].cap:
        return None
    after_body = any(t.text in lx.ORG_WORDS or t.text in lx.PLACES for t in prefix)
    if (
        after_body
        and len(tail) > 2
        and not any(t.text in lx.TITLES for t in prefix)
        and not _office_before(text, run, prefix)
    ):
        tail = tail[-2:]  # "University of Texas Arlington Amneh Jafari"
    if len(tail) > 4 and not (len(tail) == 5 and any(t.text.lower() in PARTICLES for t in tail[:-1])):
        return None  # but "Al Amin Khalifah Fhimah", "Mohammed bin Abdul Aziz Saud"
    return prefix, tail


def _ed_name(word: str, words_lower: set[str] | frozenset[str]) -> bool:
    """ "Murshed Khaleq", "Alwaleed Bin Faraj": a word ending like these Arabic names, opening a run, that the
    article never writes in lowercase is a name, not a participle ("Planned Parenthood" is kept out)."""
    return word.endswith(("eed", "hed", "yed", "med")) and len(word) > 4 and word.lower() not in words_lower


def _named_after_role(text: str, run: list[Token], index: int) -> bool:
    """ "police representative Boy Ramlan Amar": after a lowercase role noun, a capitalised one opens the name."""
    if index or len(run) < 3 or run[0].text in lx.TITLES:
        return False
    return _word_before(text, run[0].start) in lx.ROLE_NOUNS and text[run[0].start - 1 : run[0].start] == " "


def _split_single(
    text: str, run: list[Token], words_lower: set[str] | frozenset[str]
) -> tuple[list[Token], list[Token]] | None:
    """``_split_run`` for a run of one word, most runs, decided with the few tests that apply to one word."""
    token = run[0]
    word = token.text
    if not token.cap:
        return None
    if ("/" in word or "-" in word or text[token.start - 1 : token.start] in ("@", "#")) and not_a_name_part(
        text, token
    ):
        return None
    if word.endswith(("ing", "ed")) and not is_given(word):
        return None
    if not _is_name_token(token) or (word.lower() in lx.ROLE_NOUNS and word not in GIVEN):
        return None
    if glued_word(text, run, 0, words_lower):
        return None
    return [], run


def _role(text: str, run: list[Token], prefix: list[Token], tail: list[Token], end: int | None = None) -> str | None:
    parts: list[str] = []
    window = text[max(0, run[0].start - 60) : run[0].start]
    if window.endswith(", ") and not prefix:
        window = window[:-2] + " "  # "his daughter, Leah": the role noun set off by a comma
    lead = _LOWER_LEAD_REVERSED.match(window[::-1])  # always matches, maybe nothing
    words = window[len(window) - lead.end() :].split() if lead else []
    while words and words[-1] in lx.ROLE_NOUNS:
        parts.insert(0, words.pop())
        if len(words) > 1 and words[-1] == "and" and words[-2] in lx.ROLE_NOUNS:
            parts.insert(0, words.pop())
    country = _COUNTRY_ROLE.search(window) if parts else None
    if (
        country
        and country.group(2).split() == parts
        and (country.group(1) in lx.NATIONALITIES or country.group(1) in lx.PLACES)
    ):
        parts.insert(0, window[country.start() : country.start(2)].strip())  # "Belarusian leader", "Tunisia's coach"
    marked = [
        i
        for i, t in enumerate(prefix)
        if t.text in lx.TITLES or t.text in lx.NATIONALITIES or t.text.lower() in lx.ROLE_NOUNS
    ]
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
        title = text[office.start() if office else run[0].start : prefix[-1].end]  # "Secretary of State"
    role = " ".join(x for x in (title, " ".join(parts)) if x).strip()
    if role and not all(word in lx.HONORIFICS for word in role.split()):
        return role
    end = tail[-1].end if end is None else end  # after a suffix: "James B. Comey Jr., the director of ..."
    after = text[end : end + 300]
    apposition = _APPOSITION.match(after[:120]) or _DASHED_ROLE.match(after)
    if apposition:
        return re.sub(r"^(a|an|the)\s+", "", apposition.group(1))  # "Dr. Ana Lopez, a vaccine researcher"
    return role or (after[:1] == "," and _bare_apposition(after[:140])) or _introduced_role(text, run[0].start)


# ", spokesperson for Food Standards Australia,", ", co-founder of PETA.": an appositive with no article.
_BARE_APPOSITION = re.compile(r",\s+([\w-]+(?:\s+[^,;:—.()]{1,100}?)?)\s*[,;:—.(]")


def _bare_apposition(after: str) -> str | None:
    """An appositive with no article whose head, in its first four words, is a role noun or a title."""
    match = _BARE_APPOSITION.match(after)
    if match is None:
        return None
    words = match.group(1).split()
    for index, word in enumerate(words[:4]):
        if (
            word in lx.ROLE_NOUNS
            or (word in lx.TITLES and word not in lx.HONORIFICS and index == 0)
            or (index == 0 and len(words) > 1 and words[1] in lx.TITLES and word[:1].isupper())  # "First Minister"
        ):
            if all(w[:1].islower() for w in words[:index]):
                return match.group(1)
            return None
        if not word[:1].islower():
            return None
    return None


def _introduced_role(text: str, start: int) -> str | None:
    """ "a 38-year-old named Aleksandr": what the article calls the person before naming them."""
    floor = max(0, start - 80)
    window = text[floor:start]
    if "named" not in window and "called" not in window:
        return None  # what _INTRODUCED needs, found at once instead of by trying it at every position
    introduced = _INTRODUCED.search(text, floor, start)
    return introduced.group(1) if introduced else None


def _gender(first: str, role: str | None, prefix: list[Token], before: str) -> str | None:
    cues = {first, before, *(role or "").split(), *(t.text for t in prefix)}
    if cues & lx.FEMALE_WORDS or (first in FEMALE and first not in MALE):
        return "f"
    if cues & lx.MALE_WORDS or (first in MALE and first not in FEMALE):
        return "m"
    return None


def find_people(text: str, tokens: list[Token], quotes: list[tuple[int, int]] | None = None) -> list[PersonEntity]:
    ctx = _context(text, tokens, quotes or [])
    bracketed = "] " in text
    runs = _join_brackets(text, capitalised_runs(text, tokens)) if bracketed else capitalised_runs(text, tokens)
    people: dict[tuple[str, ...], PersonEntity] = {}
    singles: list[tuple[str, int, int, list[Token]]] = []
    for whole in runs:
        run, suffix = _without_suffix(whole) if whole[-1].text in NAME_SUFFIXES else (whole, "")
        split = _split_run(text, run, ctx.words_lower)
        if split is None:
            if len(run) == 1 and run[0].text in GIVEN_PLACES:
                singles.append((run[0].text, run[0].start, run[0].end, []))  # "Paris" of Valeska Paris, maybe
            continue
        prefix, tail = split
        if not _evidence(text, run, tail, prefix, ctx):
            if len(tail) == 1:
                singles.append((tail[0].text, tail[0].start, tail[0].end, prefix))
            continue
        key = tuple(t.text for t in tail)
        if len(key) == 1:
            singles.append((key[0], tail[0].start, tail[0].end, prefix or [Token("named", 0, 0)]))
            continue
        person = people.get(key)
        if person is None:
            role = _role(text, run, prefix, tail, whole[-1].end)
            before = _word_before(text, run[0].start)
            person = people[key] = PersonEntity(key, role, _gender(key[0], role, prefix, before), first=tail[0].start)
        elif person.role is None and len(person.mentions) < 3:
            person.role = _role(text, run, prefix, tail, whole[-1].end)  # named first with no role
        if suffix:
            person.aliases.add(f"{person.name} {suffix}")  # "Martin Luther King Jr."
        if bracketed:
            outside = [i for i, t in enumerate(tail) if i and text[t.start - 2 : t.start] == "] "]
            if outside:  # "[George H. W.] Bush": what the speaker said is an alias
                person.aliases.add(" ".join(t.text for t in tail[outside[-1] :]))
        person.mentions.append((tail[0].start, tail[-1].end))
    _merge_shortened(people)
    owners = _Owners(people.values())
    _add_singles(text, people, singles, owners, ctx)
    _add_alias_mentions(text, tokens, people, owners)
    return sorted(people.values(), key=lambda p: p.first)


def _join_brackets(text: str, runs: list[list[Token]]) -> list[list[Token]]:
    """Runs that an editor's bracket splits joined again: "[Soviet Premier Nikita] Khrushchev"."""
    joined: list[list[Token]] = []
    for run in runs:
        if joined and text[joined[-1][-1].end : run[0].start] == "] " and not joined[-1][-1].possessive:
            joined[-1] = [*joined[-1], *run]
        else:
            joined.append(run)
    return joined


def _merge_shortened(people: dict[tuple[str, ...], PersonEntity]) -> None:
    """ "Hillary Clinton" after "Hillary Rodham Clinton", "Donald Trump" beside "Donald J. Trump": one person."""
    longer: dict[tuple[str, str], list[PersonEntity]] = {}
    for key, person in people.items():
        if len(key) > 2:
            longer.setdefault((key[0], key[-1]), []).append(person)
    if not longer:
        return
    for key in [k for k in people if len(k) == 2]:
        owners = longer.get((key[0], key[1]), [])
        if len(owners) != 1:
            continue
        short, owner = people.pop(key), owners[0]
        owner.aliases.add(short.name)
        owner.mentions.extend(short.mentions)
        owner.mentions.sort()
        owner.first = min(owner.first, short.first)
        owner.role = owner.role or short.role


class _Owners:
    """Whose alias a single word is, looked up by word: a scan of every person per token is quadratic."""

    def __init__(self, people: Iterable[PersonEntity]) -> None:
        self.later: dict[str, list[PersonEntity]] = {}  # surname or middle name of a full name
        self.given: dict[str, list[PersonEntity]] = {}  # first word of a full name
        self.single: dict[str, list[PersonEntity]] = {}  # one-word names
        self.by_length: dict[int, list[PersonEntity]] = {}  # full names by the length of their surname
        self.fuzzy_seen: dict[str, PersonEntity | None] = {}
        self.full_names = 0
        self.words: set[str] = set()  # every word of every name, to skip the others at once
        for person in people:
            self.add(person)

    def add(self, person: PersonEntity) -> None:
        self.words.update(person.tokens)
        if len(person.tokens) > 1:
            for word in set(person.tokens[1:]):
                self.later.setdefault(word, []).append(person)
            self.given.setdefault(person.tokens[0], []).append(person)
            self.by_length.setdefault(len(person.surname), []).append(person)
            self.full_names += 1
            self.fuzzy_seen.clear()
        else:
            self.single.setdefault(person.tokens[0], []).append(person)

    def owner(self, word: str) -> PersonEntity | None:
        for table in (self.later, self.given, self.single):
            candidates = table.get(word)
            if candidates:
                return min(candidates, key=lambda p: p.first)
        return None

    def named_alone(self, word: str) -> bool:
        """Whether a person is written as this one word: a one-word name or a surname, not a given name."""
        return word in self.single or word in self.later

    def fuzzy(self, word: str) -> PersonEntity | None:
        """A misspelt surname (Bauchtman for Buchtmann) when it is close to exactly one person's."""
        if word not in self.fuzzy_seen:
            self.fuzzy_seen[word] = self._fuzzy(word)
        return self.fuzzy_seen[word]

    def _fuzzy(self, word: str) -> PersonEntity | None:
        if self.full_names > FUZZY_PEOPLE:
            return None
        close: list[PersonEntity] = []
        for length, persons in self.by_length.items():
            if 2 * min(length, len(word)) / (length + len(word)) < 0.8:
                continue  # no alignment of words this different in length reaches the ratio
            for person in persons:
                matcher = difflib.SequenceMatcher(None, word, person.surname)
                if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                    close.append(person)
                    if len(close) > 1:
                        return None
        return close[0] if close else None


def _add_singles(
    text: str, people: dict[tuple[str, ...], PersonEntity], singles: list, owners: _Owners, ctx: _Context
) -> None:
    """Single-word names: an alias of a known person, or a person of their own when introduced as one."""
    unsure: list[tuple[str, int, int]] = []  # shaped like a one-word name, with no evidence yet
    for word, start, end, prefix in singles:
        owner = owners.owner(word)
        if owner is not None:
            continue  # counted by the alias pass
        introduced = bool(prefix) and (
            any(t.text in lx.TITLES for t in prefix) or (prefix[0].text == "named" and prefix[0].end == 0)
        )
        referred = None
        if (
            not introduced
            and word in FAMOUS_SURNAMES
            and (word in ctx.mid or prefix)
            and word.lower() not in ctx.words_lower
            and word not in ctx.said  # "Carter said" in local news is as often a local Carter
        ):
            referred = ""  # "Obama is doing what Bush did": figures news names by surname alone
        elif not introduced and _no_prefix(prefix) and not ctx.in_quote(start):
            referred = refers_as_person(text, start, end, NOT_NAME, ctx.words_lower, ctx.mid)
            if (
                referred is None
                and word not in ctx.mid
                and mononym_shape(word, NOT_NAME, ctx.words_lower, {word})
                and played_after(text, end)
            ):
                referred = ""  # "Stevenson got a hit": a play is evidence even where sentences open
            if referred is None and mononym_shape(word, NOT_NAME, ctx.words_lower, ctx.mid):
                referred = named_in_play(text, start, end)
                if referred is None:
                    appositive = _role_apposition(text, end)
                    if appositive is not None:
                        _add_mononym(text, people, owners, word, start, end, "")
                        people[(word,)].role = people[(word,)].role or appositive
                        continue
                    unsure.append((word, start, end))
        if referred is not None:
            _add_mononym(text, people, owners, word, start, end, referred)
            continue
        if not introduced:
            continue
        if prefix[0].end and _ordinary_word(word, ctx.words_lower):
            continue  # "an Executive Order", "the Vice Presidential pick": a title before an ordinary word
        fuzzy = owners.fuzzy(word)
        if fuzzy is not None:
            fuzzy.aliases.add(word)
            fuzzy.mentions.append((start, end))
            continue
        key = (word,)
        if key not in people:
            role = " ".join(t.text for t in prefix if t.text in lx.TITLES and t.text not in lx.HONORIFICS) or None
            role = role or _role_before(text, start) or _introduced_role(text, start)
            before = _word_before(text, start)
            people[key] = PersonEntity(key, role, _gender(word, role, prefix, before), first=start)
            owners.add(people[key])
            if prefix[-1].text in lx.TITLES and prefix[-1].end == start - 1:
                people[key].aliases.add(f"{prefix[-1].text} {word}")  # "King Aldric", "Pope Francis"
        people[key].mentions.append((start, end))
    _add_partners(text, people, owners, unsure)


def _no_prefix(prefix: list[Token]) -> bool:
    """Nothing before a one-word name but a sentence's opening word ("But Kelly", "Then Yamada")."""
    return not prefix or (len(prefix) == 1 and prefix[0].end > 0 and prefix[0].text in _OPENERS)


_OPENERS = frozenset({"But", "And", "Then", "When", "As", "While", "After", "Meanwhile", "So", "Yet", "Still", "Later"})


def _role_apposition(text: str, end: int) -> str | None:
    """ "Marisol, the Spanish singer, won": an appositive ending in a role noun, set off after a one-word name."""
    apposition = _APPOSITION.match(text[end : end + 120])
    if apposition is None:
        return None
    words = apposition.group(1).split()
    if len(words) > 5 or words[-1] not in lx.ROLE_NOUNS or words[0] in ("its", "his", "her"):
        return None
    return " ".join(words[1:])


def _role_before(text: str, start: int) -> str | None:
    """The role nouns right before a name ("singer" in "Spanish singer Marisol"), with a nationality before them."""
    window = text[max(0, start - 60) : start]
    lead = _LOWER_LEAD_REVERSED.match(window[::-1])
    words = window[len(window) - lead.end() :].split() if lead else []
    parts: list[str] = []
    while words and words[-1] in lx.ROLE_NOUNS:
        parts.insert(0, words.pop())
    if not parts:
        return None
    country = _COUNTRY_ROLE.search(window)
    if country and country.group(2).split() == parts and country.group(1) in lx.NATIONALITIES:
        parts.insert(0, country.group(1))
    return " ".join(parts)


def _ordinary_word(word: str, words_lower: set[str]) -> bool:
    """Whether the article writes ``word`` (or its singular) in lowercase: "order" for "Executive Order"."""
    low = word.lower()
    return low in words_lower or (low[-1:] == "s" and low[:-1] in words_lower)


def _add_mononym(
    text: str,
    people: dict[tuple[str, ...], PersonEntity],
    owners: _Owners,
    word: str,
    start: int,
    end: int,
    gender: str,
) -> None:
    key = (word,)
    if key in people:
        people[key].mentions.append((start, end))
        return
    particle = _PARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if particle is not None:  # "as van Buyten headed": the lowercase particle is part of the one name
        start = particle.start()
    names = (particle.group(1), word) if particle else key
    people[key] = PersonEntity(names, None, gender or None, first=start)
    people[key].mentions.append((start, end))
    owners.add(people[key])


_PARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(van|von|de|da|di|del|der|du|ter|ten|dos|le)\s$")


# A lone capitalised word joined by "and", read forwards after a word and backwards before one; a
# partner that is part of a longer name ("command Atlantis and Scott D. Altman") does not count.
_AND_NEXT = re.compile(r" and ([A-Z][\w'’-]*)(?! \S*[A-Z])")
_AND_BEFORE_REVERSED = re.compile(r" dna ([\w'’-]*[A-Z])(?! \S*[A-Z])")
# A full name joined by "and": "Marisol and David Brenner", "David Brenner and Marisol".
_AND_FULL_NEXT = re.compile(r" and ([A-Z][\w'’-]*) ([A-Z][\w'’-]*)(?![\w'’-]| [A-Z])")
_FULL_AND_BEFORE = re.compile(r"\b([A-Z][\w'’-]*) ([A-Z][\w'’-]*) and $")


def _add_partners(
    text: str, people: dict[tuple[str, ...], PersonEntity], owners: _Owners, unsure: list[tuple[str, int, int]]
) -> None:
    """ "including Ronaldinho and Deco", "sent Giuly and Gudjohnsen": a one-word name joined to a person's.

    Two passes, so that a name joined to one found in the first pass is found in the second.
    """
    for _ in range(2):
        left: list[tuple[str, int, int]] = []
        for word, start, end in unsure:
            after = _AND_NEXT.match(text, end)
            before = _AND_BEFORE_REVERSED.match(text[max(0, start - 40) : start][::-1])
            partners = [m.group(1) for m in (after,) if m] + [m.group(1)[::-1] for m in (before,) if m]
            alone = any(owners.named_alone(p) for p in partners if p != word)
            joined = word[1:].islower() and (alone or _joined_to_full_name(text, start, end, people))
            if (word,) in people or joined:  # not "how WikiLeaks and Snowden": an inner capital is a brand's
                _add_mononym(text, people, owners, word, start, end, "")
            else:
                left.append((word, start, end))
        if len(left) == len(unsure):
            return
        unsure = left


def _joined_to_full_name(text: str, start: int, end: int, people: dict[tuple[str, ...], PersonEntity]) -> bool:
    """Whether "and" joins the word to a person found by a full name of two words ("Marisol and David Brenner").

    Not after a preposition: "Tom Harlow of Zipcar and Brian Castell" joins two companies' people.
    """
    if _word_before(text, start).lower() in PLACE_PREPOSITIONS:
        return False
    place = _COMMA_PLACE.match(text, end)
    if place and place.group(1) in lx.PLACES:
        return False  # "Portage, Indiana, Mayor Mary Dunne"
    after = _AND_FULL_NEXT.match(text, end)
    if after is not None and after.groups() in people:
        return True
    before = _FULL_AND_BEFORE.search(text, max(0, start - 50), start)
    return before is not None and before.groups() in people


def _add_alias_mentions(
    text: str, tokens: list[Token], people: dict[tuple[str, ...], PersonEntity], owners: _Owners
) -> None:
    if not people:
        return
    runs = capitalised_runs(text, tokens, ORG_CONNECTORS)
    covered = Spans({span for p in people.values() for span in p.mentions})
    for run in runs:
        if run[-1].text in lx.ORG_WORDS and len(run) > 1:
            continue  # a name inside an organisation's name is not a mention of the person
        for index, token in enumerate(run):
            if token.text not in owners.words and not (index and run[index - 1].text in lx.TITLES):
                continue  # no one's name word, and no title before it to look for a misspelling after
            if covered.covers(token.start):
                continue
            owner = owners.owner(token.text)
            if owner is None:
                if token.text in NOT_NAME:
                    continue
                prev = run[index - 1].text if index else ""
                if prev in lx.TITLES:
                    owner = owners.fuzzy(token.text)
                if owner is None:
                    continue
            if token.start < owner.first and token.text == owner.tokens[0] and len(owner.tokens) > 1:
                continue
            owner.aliases.add(token.text)
            owner.mentions.append((token.start, token.end))
    for person in people.values():
        person.mentions.sort()
        person.aliases.discard(person.name)


def mention_index(people: list[PersonEntity]) -> list[tuple[int, int, PersonEntity]]:
    return sorted((s, e, p) for p in people for s, e in p.mentions)
