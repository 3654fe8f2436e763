"""Which person a name at a reporting cue stands for, beyond the people finder's own marks.

``ListedNames``: a name of a listed person used where the finder did not mark it ("Cruz said"),
shared by two people (Sadiq Khan, Usman Khan: the one named last), or misspelt by one letter.

``UnlistedNames``: speakers the people finder did not list at all ("Ms. Boxer said"). A name right
before "said" or right after "according to" names the speaker even when its words are also words,
places or titles ("Boxer", "Cuban", "West"), which no list-based finder can take as a person
everywhere. Here only the cue's own phrase is read, so the stricter people finder keeps its
precision and the quote still gets its speaker. A surname is widened to the full name the article
gave it last ("Senator Barbara Boxer of California ... Ms. Boxer said" gives Barbara Boxer).
"""

from __future__ import annotations

import bisect
import re

from reader.analysis import lexicon as lx
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK
from reader.analysis.source_words import BODY_NOUNS, OUTLET_NOUNS
from reader.analysis.speaker_shapes import DEMONYMS
from reader.analysis.tokens import stands_alone, word_offsets

_NAME_WORD = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][a-z][\w'’-]*|[A-Z]{2,}[a-z][\w'’-]*|O['’][A-Z][\w'’-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_FINITE = lx._words("was is has had will would could can did does says said tells told")
_ACRONYM = re.compile(r"(?![IVXLC]+$)[A-Z]{2,6}")  # the initials a body goes by, not a Roman numeral
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_QUOTE_MARKS = "\"“”‘’'«»"
_POSSESSIVE = ("'s", "’s")
# Words that may sit in a capitalised subject but never make it a person's name ("Senate Democrats").
_NOT_NAME = (
    lx.STOP_CAPS
    | lx.NATIONALITIES
    | lx.ORG_WORDS
    | lx.OUTLET_WORDS
    | lx.MONTHS
    | lx.DAYS
    | lx._words("Transcript Statement Sources Aides Officials Democrats Republicans Police Authorities")
)
_PLACE_OPENERS = lx._words("North South East West New Saint St. San Santa Los Las Fort Port Mount Lake")
_COMPANIES = lx._words("Google Microsoft Apple Facebook Twitter YouTube Amazon Wikipedia")
_BODY_KINDS = BODY_NOUNS | OUTLET_NOUNS | lx._words("charity")
_DESCRIBED_BODY = re.compile(
    r"\s*(?:the\s+)?((?:[A-Z][\w.-]*['’]s\s+)?(?:[a-z]+\s+){0,2}(?:"
    + "|".join(sorted(BODY_NOUNS | {"office", "government", "embassy"}))
    + r")(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)(?=[\s,.;:]|$)"
)
FUZZY_PEOPLE = 100  # misspelt surnames are matched while an article names at most this many people
MAX_SURNAMES = 40  # surnames looked up per article: each look-up reads the article once


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter apart (dropped, added or changed), same first letter."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def named_last(people: list[PersonEntity], at: int) -> PersonEntity | None:
    """Of people sharing a name, the one named in full (not by the shared name) nearest before ``at``."""
    if len(people) < 2:
        return people[0] if people else None

    def last_before(person: PersonEntity) -> int:
        k = bisect.bisect_left(person.mentions, (at, at))
        stop = max(0, k - 20)  # bounded: a long article repeats a surname many times
        while k > stop and person.mentions[k - 1][1] - person.mentions[k - 1][0] <= len(person.surname):
            k -= 1  # a bare surname mention was given to one of them arbitrarily
        return person.mentions[k - 1][0] if k else -1

    return max(people, key=last_before)


class ListedNames:
    def __init__(self, people: list[PersonEntity]) -> None:
        self.people = people
        self._aliases: dict[str, list[PersonEntity]] | None = None
        self._shared: set[str] | None = None  # surnames of more than one person
        self._misspelt: dict[str, list[PersonEntity]] = {}  # a word -> the person whose surname it misspells

    def sharing_surname(self, surname: str) -> list[PersonEntity]:
        """The people called ``surname``, when more than one person has it as surname (else none)."""
        if self._shared is None:
            seen: set[str] = set()
            self._shared = set()
            for person in self.people:
                (self._shared if person.surname in seen else seen).add(person.surname)
        return self.bearers(surname) if surname in self._shared else []

    def bearers(self, name: str) -> list[PersonEntity]:
        """The people of the article called ``name`` (full name, surname or alias)."""
        if self._aliases is None:
            self._aliases = {}
            for person in self.people:
                for alias in (person.name, person.surname, *person.aliases):
                    bearers = self._aliases.setdefault(alias, [])
                    if person not in bearers:
                        bearers.append(person)
        return self._aliases.get(name, [])

    def find(self, text: str, at: int = -1) -> PersonEntity | None:
        """The listed person ``text`` (one or two words, titles aside) names at offset ``at``.

        When two people share the name it is the one named last before ``at``; a surname one letter
        off a listed one ("Water said" for Kathryn Waters) is theirs.
        """
        words = [w for w in text.split() if w not in lx.TITLES]
        if not 0 < len(words) <= 2 or not all(w[:1].isupper() for w in words):
            return None
        key = " ".join(words).rstrip(",.;:")
        known = self.bearers(key)
        if not known and len(words) == 1 and len(key) >= 4 and len(self.people) <= FUZZY_PEOPLE:
            if key not in self._misspelt:
                self._misspelt[key] = [p for p in self.people if _one_edit(key, p.surname)][:1]
            known = self._misspelt[key]
        return named_last(known, at)


# "Dodds of Time Magazine points out": a lone word opening a sentence, then the body it is of.
_OF_BODY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _role_plural(word: str) -> bool:
    """Whether a capitalised word is a role noun or its plural ("Members of Congress", "Critics of ...")."""
    low = word.lower()
    return low in lx.ROLE_NOUNS or (low.endswith("s") and low[:-1] in lx.ROLE_NOUNS)


class UnlistedNames:
    def __init__(self, body: str, masked: str) -> None:
        self.body, self.masked = body, masked
        self._lower: frozenset[str] | None = None  # the article's lowercase words, once many are asked
        self._looked_up: dict[str, bool] = {}
        self._full: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name) before it
        self._entities: dict[str, PersonEntity | OrgEntity] = {}

    def _in_lowercase(self, word: str) -> bool:
        """Whether ``word`` also occurs in lowercase in the article ("boxer"): one search per word, and
        past a few dozen words one set of all lowercase words, so a long list of names stays linear."""
        if self._lower is not None:
            return word in self._lower
        if word not in self._looked_up:
            if len(self._looked_up) >= MAX_SURNAMES:
                self._lower = frozenset(_LOWER_WORD.findall(self.masked))
                return word in self._lower
            self._looked_up[word] = stands_alone(self.masked, word)
        return self._looked_up[word]

    def entity(
        self, start: int, end: int, speaking: bool = False, antecedent: bool = False
    ) -> tuple[str, PersonEntity | OrgEntity] | None:
        """(kind, entity) when ``start``..``end`` is only a name: titles, then one to three name words.

        ``speaking``: the span is the subject or agent of a speech verb. There a word of capitals alone
        is a body's initials ("NATO said"), and a word opening the sentence that the article also writes
        capitalised inside one is a name ("Greenpeace said"); elsewhere either may be a headline's word,
        a thing's name or a modifier ("KRACK would affect", "Whitecaps fans were"). ``antecedent``: the
        span opens a sentence before its verb and a he or she after it has no one else to stand for
        ("Schmetzer was delighted. ... he said"), which is what makes the lone word a person's name.
        """
        words = self.masked[start:end].strip(" ,;:\n").split()
        while words and words[0].strip(_QUOTE_MARKS + MASK) == "":
            words.pop(0)  # the quote the cue follows
        titles = _title_phrase(words)  # "Secretary of State Jane Roe", "Canadian Safety Minister Joe Ash"
        words = words[len(titles) :]
        if not words or len(words) > 5:
            return None
        named_body = self._named_body(words)
        if named_body is not None:
            return "organization", self._org(named_body, start, end)  # "the charity Harbour Aid said"
        bare = words[1:] if words[0] in ("the", "The") else words
        if speaking and len(bare) == 1 and _ACRONYM.fullmatch(bare[0]) and not titles:
            word = bare[0]
            if word in lx.TITLES or word in lx.STOP_CAPS or word in lx.PLACES or word in lx.NATIONALITIES:
                return None  # "the CEO said", "US said"
            return "organization", self._org(word, start, end)  # "NATO said", "the UN said": a body's initials
        if words and words[0] in ("the", "The"):
            return self._body(words[1:], start, end)
        if len(words) == 1 and words[0] in _COMPANIES:
            return "organization", self._org(words[0], start, end)  # "Twitter said in a statement"
        while len(words) > 1 and words[0] in lx.TITLES:
            titles.append(words.pop(0))  # "Mr. King": the last word stays a name even when it is a title
        if len(words) > 3 or words[-1].endswith(_POSSESSIVE):
            return None  # "Trump's spokesman": the speaker is the head, not the possessor
        if not all(_NAME_WORD.fullmatch(w) for w in words):
            return None
        plain = [w for w in words if not _INITIALS.fullmatch(w)]
        if not plain:
            return None
        last = words[-1]
        gender = next((g for t in titles for g, w in (("f", lx.FEMALE_WORDS), ("m", lx.MALE_WORDS)) if t in w), None)
        if len(words) == 1 and last not in lx.STOP_CAPS and last not in lx.ORG_WORDS:
            full = self.full_name(last, start)  # "Mark Cuban ... Cuban said", though "Cuban" is a word
            if full is not None:
                return "person", self._person(full, gender, start, end)
        if any(w in _NOT_NAME for w in plain):
            if not titles or len(words) > 1 or last in lx.STOP_CAPS or last in lx.ORG_WORDS:
                return None  # "Senate Democrats", "The Post"; but "Ms. Green" is a name
        elif not titles and any(self._in_lowercase(w.lower()) for w in plain):
            return None  # "Boxer said" alone may be a word; "Ms. Boxer said" is a name
        if not titles and last.endswith("s") and self._in_lowercase(last[:-1].lower()):
            return None  # "Analysts said": a group in the plural
        if len(words) == 1 and not titles:
            if last in lx.PLACES:
                return "organization", self._org(last, start, end)  # "Israel said"
            if (
                self._opens_sentence(start)
                and not _AGE.match(self.masked, end)
                and not (speaking and self._named_inside(last))
                and not (speaking and _OF_BODY_AFTER.match(self.masked, end) and not _role_plural(last))
                and not (antecedent and self._finite_verb_after(last, end))
            ):
                return None  # "Recent reports said": any word is capitalised there, unless it is inside one too
        elif words[0] in lx.PLACES or words[0] in _PLACE_OPENERS:
            return None  # "Iowa Republicans", "South Carolina"; but "Ki Hong" is a name
        return "person", self._person(" ".join(words), gender, start, end)

    def described_body(self, start: int, end: int) -> tuple[OrgEntity, int, int] | None:
        """A body no list knows, described by its common noun and named by whose it is, where a span
        opens ("Norway's transport ministry at the time", "the office of the Harbour Mayor in a statement")."""
        match = _DESCRIBED_BODY.match(self.masked, start, end)
        if match is None or not any(w[:1].isupper() for w in match.group(1).split()):
            return None
        words = match.group(1).split()
        if words[0] in lx.TITLES or any(w in _BODY_KINDS for w in words[1:-1] if "of" not in words):
            return None
        return self._org(match.group(1), match.start(1), match.end(1)), match.start(1), match.end(1)

    def _named_body(self, words: list[str]) -> str | None:
        """The name after a common noun of a body ("the charity Harbour Aid", "Swedish political party
        Left Harbour"): one to four name words after the noun, the noun after words that describe it."""
        noun = next((i for i in range(len(words) - 1, -1, -1) if words[i] in _BODY_KINDS), None)
        if noun is None or not 0 < len(words) - noun - 1 <= 4:
            return None
        lead = words[:noun]
        if lead and lead[0] in ("the", "The"):
            lead = lead[1:]
        if not all(w.islower() or w in lx.NATIONALITIES for w in lead) or len(lead) > 3:
            return None
        name = words[noun + 1 :]
        if not all(_NAME_WORD.fullmatch(w) for w in name) or name[-1].endswith(_POSSESSIVE):
            return None
        if any(w in lx.TITLES or w in lx.MONTHS for w in name):
            return None
        return " ".join(name)

    def _body(self, words: list[str], start: int, end: int) -> tuple[str, OrgEntity] | None:
        """An organisation or outlet named with "the" ("according to the Daily Caller", "The Hill said")."""
        if not 0 < len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            return None
        if any(w in lx.TITLES or w in DEMONYMS or w in lx.STOP_CAPS or w in lx.MONTHS for w in words):
            return None  # "the President", "the Texan", "the Republican", "the Briton"
        if words[-1].endswith(_POSSESSIVE):
            return None
        return "organization", self._org(" ".join(["The", *words]), start, end)

    def _finite_verb_after(self, word: str, end: int) -> bool:
        """Whether a finite verb follows the lone word ("Schmetzer was", "Roe resigned"), not a
        preposition or object after a sentence's opening adverb or participle ("Rather than", "Acting
        on", "Countering the"); a plural's verb does not count ("Critics were")."""
        verb = _NEXT_WORD.match(self.masked, end)
        if verb is None or word.endswith("s"):
            return False
        verb_word = verb.group(1)
        return verb_word in _FINITE or (verb_word.endswith("ed") and len(verb_word) > 3)

    def _named_inside(self, word: str) -> bool:
        """Whether ``word`` is written capitalised inside a sentence somewhere in the article ("... a
        report by Greenpeace"), so that opening one it is still a name ("Greenpeace said")."""
        return any(not self._opens_sentence(at) for at in word_offsets(self.masked, word))

    def _opens_sentence(self, start: int) -> bool:
        """Whether ``start`` opens a sentence, where any word is capitalised; not right after a quote
        ('"... it's offensive!" Cruz said': the name attributes the quote)."""
        before = self.masked[max(0, start - 20) : start].rstrip(" \t")
        if before[-1:] in ("”", '"') and before[-2:-1] in ("!", "?", MASK):
            return False
        before = before.rstrip("\"“”'‘’")
        return not before or before[-1] in ".!?:\n"

    def full_name(self, surname: str, before: int) -> str | None:
        """The full name last given to ``surname`` before ``before`` ("Barbara Boxer" for "Boxer")."""
        if surname not in self._full:
            if len(self._full) >= MAX_SURNAMES:
                return None
            found = []
            for at in word_offsets(self.body, surname):
                head = _given_before(self.body, at)
                if head is not None:
                    found.append((at, f"{head} {surname}"))
            self._full[surname] = found
        best = None
        for offset, name in self._full[surname]:
            if offset >= before and best is not None:
                break
            best = name
        return best

    def _person(self, name: str, gender: str | None, start: int, end: int) -> PersonEntity:
        entity = self._entities.get(name)
        if not isinstance(entity, PersonEntity):
            entity = PersonEntity(tuple(name.split()), gender=gender, mentions=[(start, end)], first=start)
            self._entities[name] = entity
        return entity

    def _org(self, name: str, start: int, end: int) -> OrgEntity:
        entity = self._entities.get(name)
        if not isinstance(entity, OrgEntity):
            entity = OrgEntity(name, "organization", mentions=[(start, end)], first=start)
            self._entities[name] = entity
        return entity


def _title_phrase(words: list[str]) -> list[str]:
    """The capitalised title before one to three name words, up to its last title word or its "of X"
    ("Secretary of State" Jane Roe, "Canadian Public Safety Minister" Joe Ash); none when there is none."""
    last = None
    i = 0
    while i < len(words) - 1:
        if words[i] in lx.TITLES:
            last = i
        elif words[i] == "of" and last == i - 1 and i + 2 < len(words):
            last = i = i + 1  # "Secretary of State"
        elif not _NAME_WORD.fullmatch(words[i]):
            return []
        i += 1
    if last is None or not 1 <= len(words) - last - 1 <= 3:
        return []
    return words[: last + 1]


_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")  # "Syakrani, 24, says": a person's age after the name


_GIVEN = re.compile(r"(?<![\w'’.-])((?:[A-Z][a-z][\w'’-]*|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'’-]*))?)\s+$")


def _given_before(body: str, at: int) -> str | None:
    """The given name (and middle initial) written right before a surname, if any ("Barbara" Boxer)."""
    match = _GIVEN.search(body, max(0, at - 40), at)
    if match is None:
        return None
    words = match.group(1).split()
    while words and (words[0] in lx.TITLES or words[0] in _NOT_NAME or words[0] in lx.PLACES):
        words.pop(0)
    if not words or words[-1] in lx.TITLES or words[-1] in _NOT_NAME:
        return None
    return " ".join(words)
