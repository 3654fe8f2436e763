"""A person's mentions beyond the full names: one-word names, partners joined by "and", and aliases.

Kept apart from people.py, which finds the full names first. A single word is an alias of a person
already found (a surname, a given name, a misspelt surname), or a person of its own when a title, a
role, a play or a pronoun says so; the alias pass then counts every later mention of a name's words.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.analysis import lexicon as lx
from reader.analysis.name_context import (
    _COMMA_PLACE,
    _word_before,
    mononym_shape,
    named_in_play,
    played_after,
    refers_as_person,
)
from reader.analysis.name_shapes import NOT_NAME, OFFICE_WORDS, PLACE_PREPOSITIONS
from reader.analysis.names import FAMOUS_SURNAMES
from reader.analysis.person_roles import _gender, _introduced_role, _role_apposition, _role_before
from reader.analysis.tokens import ORG_CONNECTORS, Token, capitalised_runs

# Titles that a person known by one name is named with: "Pope Francis", "Prince Harry", "Lord Alli" (not
# "Emperor Akihito", known as Akihito, nor a regnal number's "Elizabeth II").
NAME_STYLES = frozenset({"Pope", "King", "Queen", "Prince", "Princess", "Lord", "Lady"})

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
    style: str = ""  # a style that is part of a one-word name: "Pope" of "Pope Francis"

    @property
    def name(self) -> str:
        return f"{self.style} {self.tokens[0]}" if self.style else " ".join(self.tokens)

    @property
    def surname(self) -> str:
        return self.tokens[-1]


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
                if word[:1].islower() and "-" in word:  # "Al-Majid" opening a sentence is al-Majid
                    opening = word[0].upper() + word[1:]
                    self.words.add(opening)
                    self.later.setdefault(opening, []).append(person)
            self.given.setdefault(person.tokens[0], []).append(person)
            self.by_length.setdefault(len(person.surname), []).append(person)
            self.full_names += 1
            self.fuzzy_seen.clear()
        else:
            self.single.setdefault(person.tokens[0], []).append(person)

    def owner(self, word: str, gender: str | None = None) -> PersonEntity | None:
        """The person first named with ``word``; after "Mr." or "Mrs." (``gender``) the first one it fits:
        "Mrs. Ostrow" is Hillary Ostrow when Bill Ostrow was named before her."""
        for table in (self.later, self.given, self.single):
            candidates = table.get(word)
            if candidates:
                if gender and len(candidates) > 1:
                    fitting = [p for p in candidates if p.gender in (gender, None)]
                    candidates = fitting or candidates
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
            any(t.text in lx.TITLES and t.text not in lx.TITLE_MODIFIERS for t in prefix)
            or (prefix[0].text == "named" and prefix[0].end == 0)
            or _nationality_and_role(prefix, start)
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
        if prefix[0].end and (_ordinary_word(word, ctx.words_lower) or word in OFFICE_WORDS):
            continue  # "an Executive Order", "the Vice Presidential pick", "the General Staff": no names
        fuzzy = owners.fuzzy(word)
        if fuzzy is not None:
            fuzzy.aliases.add(word)
            fuzzy.mentions.append((start, end))
            continue
        key = (word,)
        if key not in people:
            role = " ".join(t.text for t in prefix if t.text in lx.TITLES and t.text not in lx.HONORIFICS) or None
            if role is None and _nationality_and_role(prefix, start):
                role = f"{prefix[-2].text} {prefix[-1].text}"  # "Indonesian Pilot"
            role = role or _role_before(text, start) or _introduced_role(text, start)
            before = _word_before(text, start)
            people[key] = PersonEntity(key, role, _gender(word, role, prefix, before), first=start)
            owners.add(people[key])
            if prefix[-1].text in lx.TITLES and prefix[-1].end == start - 1:
                if prefix[-1].text in NAME_STYLES:
                    people[key].style = prefix[-1].text  # "Pope Francis", "Lord Kinclaven": so named
                else:
                    people[key].aliases.add(f"{prefix[-1].text} {word}")  # "Senator Aldric"
        people[key].mentions.append((start, end))
    _add_partners(text, people, owners, unsure)


# A relative of someone named by surname, before a given name: "Aitchison's father Norrie", "Roe's late son,
# Tom"; only those who most often share it (not a mother, an uncle or a wife, who may bear another). Such a
# given name is that relative's where the full name comes later; the name itself is not made up from it.
_KIN_BEFORE = re.compile(
    r"\b([A-Z][\w'’-]+)['’]s\s+(?:(?:late|elder|younger|eldest|youngest|older)\s+)?"
    r"(?:father|son|daughter|brother|sister)\s*,?\s+$"
)


def _nationality_and_role(prefix: list[Token], start: int) -> bool:
    """Whether a nationality and a capitalised role noun come right before a one-word name: "Indonesian
    Pilot Iriyanto", as many Indonesians have one name."""
    return (
        len(prefix) > 1
        and prefix[-1].end == start - 1
        and prefix[-2].text in lx.NATIONALITIES
        and prefix[-1].text.lower() in lx.ROLE_NOUNS
    )


def _no_prefix(prefix: list[Token]) -> bool:
    """Nothing before a one-word name but a sentence's opening word ("But Kelly", "Then Yamada")."""
    return not prefix or (len(prefix) == 1 and prefix[0].end > 0 and prefix[0].text in _OPENERS)


_OPENERS = frozenset({"But", "And", "Then", "When", "As", "While", "After", "Meanwhile", "So", "Yet", "Still", "Later"})


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


_HONORIFIC_GENDER = {"Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f"}


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
            if not token.cap:
                continue  # a particle or a connector ("de" of "Rio de Janeiro") is no one's alias
            if token.text not in owners.words and not (index and run[index - 1].text in lx.TITLES):
                continue  # no one's name word, and no title before it to look for a misspelling after
            if covered.covers(token.start):
                continue
            owner = owners.owner(token.text, _HONORIFIC_GENDER.get(run[index - 1].text) if index else None)
            if owner is None:
                if token.text in NOT_NAME:
                    continue
                prev = run[index - 1].text if index else ""
                if prev in lx.TITLES:
                    owner = owners.fuzzy(token.text)
                if owner is None:
                    continue
            if token.start < owner.first and token.text == owner.tokens[0] and len(owner.tokens) > 1:
                kin = _KIN_BEFORE.search(text, max(0, token.start - 40), token.start)
                if kin is None or kin.group(1) != owner.surname:
                    continue  # a given name before the full name, unless "Aitchison's father Norrie" says whose
            owner.aliases.add(token.text)
            owner.mentions.append((token.start, token.end))
    for person in people.values():
        person.mentions.sort()
        person.aliases.discard(person.name)
