"""Where a capitalised run's name begins: the words before it that are no name (titles, places, glued
words) split off as its prefix, a name suffix ("Jr.", "III") set apart, or no name at all."""

from __future__ import annotations

import functools
import re

from reader.analysis import lexicon as lx
from reader.analysis.name_context import _word_before
from reader.analysis.name_shapes import (
    CHINESE_SURNAMES,
    NAME_SUFFIXES,
    NOT_NAME,
    STATE_ABBREVIATIONS,
    body_surname,
    east_asian_name,
    given_place,
    glued_word,
    initial,
    middle_word,
    names_a_thing,
    not_a_name_part,
    regnal_number,
    surname_word,
)
from reader.analysis.names import GIVEN, is_given
from reader.analysis.person_roles import _OFFICE_OF, _office_before
from reader.analysis.tokens import ORG_CONNECTORS, PARTICLES, Token

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


def _without_suffix(run: list[Token]) -> tuple[list[Token], str]:
    """A run without its name suffix ("Jr.", "III"), and the suffix: "James B. Comey Jr." is Comey.

    A regnal number is one too, after a title or a given name alone: "Pope Benedict XVI", "Henry VIII".
    """
    last = run[-1].text
    if len(run) < 2 or run[-2].possessive:
        return run, ""
    if (last in NAME_SUFFIXES and len(run) > 2) or (regnal_number(last) and (len(run) > 2 or is_given(run[-2].text))):
        return run[:-1], last
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
                    or body_surname(run, index, words_lower)
                    or initial(run, index)
                    or east_asian_name(run, index)
                    or (word == "Jan" and index == 0)  # "Jan Brewer": the month is written "Jan." or with a day
                    or (word == "Jun" and index and _no_day_after(text, token))  # "Ai Jun", "Kim Jun-su"
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
        and not (len(tail) == 3 and is_given(tail[0].text) and not _THING_AFTER.match(text, tail[-1].end))
    ):
        tail = tail[-2:]  # "University of Texas Arlington Amneh Jafari", not "Armed Forces Hussein Rashid Mohammed"
    if len(tail) == 3 and _glued_office(text, run, prefix, tail):
        prefix, tail = run[: len(prefix) + 1], tail[1:]  # "Irish Taoiseach Leo Varadkar", "Mayor of Pichilemu Roberto"
    if len(tail) > 4 and not (len(tail) == 5 and any(t.text.lower() in PARTICLES for t in tail[:-1])):
        return None  # but "Al Amin Khalifah Fhimah", "Mohammed bin Abdul Aziz Saud"
    return prefix, tail


_ARTICLES = frozenset({"A", "An", "The"})
# A lowercase noun of a thing after a run: "the White House James S. Brady briefing room" names the room.
_THING_AFTER = re.compile(r" [a-z]+(?:ing|room|center|centre|building|hall)\b")


# Family names that open Vietnamese and Chinese names of three words ("Nguyen Xuan Phuc", "Wang Yi Fan").
_FAMILY_FIRST = CHINESE_SURNAMES | lx._words(
    "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Trinh Dinh Truong Doan Lam Luong Mai Trieu"
)


# Title words that open a longer title ("Prime Minster", "Vice President"): what follows may be its rest.
_TITLE_OPENERS = frozenset({"Vice", "Prime", "Deputy", "Chief", "Acting", "Assistant", "Under", "Lord", "Lady"})


def _glued_office(text: str, run: list[Token], prefix: list[Token], tail: list[Token]) -> bool:
    """A three-word name whose first word is an office or its place, glued on: after other words of the
    office ("Italian Prime Minster Silvio Berlusconi") with a known given name next, or after "Title of"
    ("Minister of Sport Vitaly Mutko"). Names of three words open with a given name or an initial."""
    first, second = tail[0].text, tail[1].text
    if is_given(first) or first.endswith(".") or first in PARTICLES or second.lower() in PARTICLES:
        return False
    if first in _FAMILY_FIRST:
        return False  # "President Nguyen Xuan Phuc": a family name written first
    if prefix and prefix[-1].text in lx.TITLES and prefix[-1].text not in _TITLE_OPENERS:
        return False  # "Prime Minister Abdiweli Mohamed Ali": after a whole title the name begins
    if prefix:  # not a title of a work: "A Very Clinton Christmas"
        return is_given(second) and not second.endswith(".") and prefix[0].text not in _ARTICLES
    office = _OFFICE_OF.search(text, max(0, run[0].start - 40), run[0].start)
    return office is not None and office.group(1) in lx.TITLES


def _no_day_after(text: str, token: Token) -> bool:
    """Whether a month's short form is written as no date is: no stop after it, no day number next."""
    after = text[token.end : token.end + 2]
    return after[:1] != "." and not after[1:].isdigit()


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
    if not token.cap:
        return None
    start = token.start
    return ([], run) if _single_name(token.text, text[max(0, start - 3) : start]) else None


@functools.lru_cache(maxsize=1 << 15)
def _single_name(word: str, before: str) -> bool:
    """Whether one capitalised word may be a name, from the word and the three characters before it, all
    that the tests of one word read; the same words recur in the same places, so it is cached."""
    token = Token(word, len(before), len(before) + len(word), False, True)
    text = before + word
    if ("/" in word or "-" in word or before[-1:] in ("@", "#")) and not_a_name_part(text, token):
        return False
    if word.endswith(("ing", "ed")) and not is_given(word):
        return False
    if not _name_word(word) or (word.lower() in lx.ROLE_NOUNS and word not in GIVEN):
        return False
    return not glued_word(text, [token], 0)


def _join_brackets(text: str, runs: list[list[Token]]) -> list[list[Token]]:
    """Runs that an editor's bracket splits joined again: "[Soviet Premier Nikita] Khrushchev"."""
    joined: list[list[Token]] = []
    for run in runs:
        if joined and text[joined[-1][-1].end : run[0].start] == "] " and not joined[-1][-1].possessive:
            joined[-1] = [*joined[-1], *run]
        else:
            joined.append(run)
    return joined


# A nickname in quotes inside a name: 'Grant "Twiggy" Baker', "John “Tig” Tiegen".
_NICKNAME = re.compile(r" [\"“‘']([A-Z][\w.-]{1,20})[\"”’'] (?=[A-Z])")
_NICKNAME_OPENS = (' "', " “", " ‘", " '")


def _join_nicknames(text: str, runs: list[list[Token]]) -> tuple[list[list[Token]], dict[int, tuple[str, int]]]:
    """Runs that a quoted nickname splits joined again without it, and by the end of each joined run its
    nickname and how many words follow it; only runs followed by a space and a quote mark are looked at."""
    joined: list[list[Token]] = []
    nicknames: dict[int, tuple[str, int]] = {}
    skip = 0
    for index, run in enumerate(runs):
        if index < skip:
            continue
        last = run[-1]
        if (
            index + 2 < len(runs)
            and not last.possessive
            and text.startswith(_NICKNAME_OPENS, last.end)
            and len(runs[index + 1]) == 1
            and (nick := _NICKNAME.match(text, last.end)) is not None
            and runs[index + 1][0].start == nick.start(1)
            and runs[index + 2][0].start == nick.end()
        ):
            joined.append([*run, *runs[index + 2]])
            nicknames[runs[index + 2][-1].end] = (nick.group(1), len(runs[index + 2]))
            skip = index + 3
            continue
        joined.append(run)
    return joined, nicknames
