"""Organisations, news outlets and documents named in an article, with their aliases.

"The Washington Post" and a later "the Post" are one outlet; "Korean Central News Agency (KCNA)"
makes KCNA an alias; lowercase cues name outlets too ("magazine MicroMega", "al-Ikhbariya
television", "Yonhap news agency").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress

from reader.analysis import lexicon as lx
from reader.analysis.name_shapes import takes_a_plural_verb
from reader.analysis.org_lower_heads import dated_bodies, lower_headed_bodies
from reader.analysis.org_shapes import (
    ACRONYM_STOP,
    COMPANY_ENDS,
    ORG_HEADS,
    OUTLET_ANYWHERE,
    THE_OUTLETS,
    _split_and,
    _trim,
    after_region,
    cued_outlets,
    joined_by_of_the,
    names_outlet,
    of_an_outlet,
    the_head_spans,
    today_outlet,
)
from reader.analysis.tokens import ORG_CONNECTORS, Token, capital_indices, capitalised_runs, token_texts

DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|co|io|ca|uk|nz|au)$", re.I)


@dataclass(eq=False)
class OrgEntity:
    name: str
    kind: str  # outlet | organization | document
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0


# A network or channel named for what it airs is an outlet ("Fox Business Network", "Cable News Network"),
# not every network ("the Haqqani Network").
_NETWORK_ENDS = frozenset({"Network", "Channel"})
_NETWORK_KINDS = frozenset({"News", "Business", "Television", "TV", "Radio", "Sports", "Cable", "Broadcasting"})


@functools.lru_cache(maxsize=1 << 13)
def _kind(words: tuple[str, ...]) -> str | None:
    """What a name's words make it, by the words alone: cached, as the same names recur in an article and
    from one to the next."""
    if (
        names_outlet(words)
        or any(w in OUTLET_ANYWHERE for w in words)
        or ("News" in words and "Agency" in words)
        or today_outlet(words)
        or (words[-1] in _NETWORK_ENDS and any(w in _NETWORK_KINDS for w in words[:-1]))  # "Kovel News Network"
    ):
        return "outlet"
    if words[-1] in lx.DOCUMENT_WORDS:
        return "document"
    if any(w in ORG_HEADS for w in words) or words[-1] in COMPANY_ENDS or DOMAIN.match(words[-1]):
        return "organization"
    if len(words) > 1 and words[-1] == "World" and words[0].isupper():
        return "outlet"  # PC World, Computer World style titles
    return None


AFFIX_MAX = 12  # names are merged by prefix or suffix (CBC, CBC News) up to this many words


class OrgIndex:
    """The organisations found so far, looked up by any of their names through a dictionary.

    An organisation's names only grow (a renamed one keeps its old name as an alias), so each key maps
    to the earliest organisation that has it: what a scan of all organisations would find first.
    """

    def __init__(self) -> None:
        self.orgs: list[OrgEntity] = []
        self.keys: dict[str, OrgEntity] = {}
        self.rank: dict[int, int] = {}  # id of an organisation -> its place in ``orgs``
        # For prefix matching: each organisation's current name as words, and its name, prefixes and
        # suffixes (up to AFFIX_MAX words) pointing back at it. Entries of former names are checked.
        self.words_of: dict[int, tuple[str, ...]] = {}
        self.named: dict[tuple[str, ...], list[OrgEntity]] = {}
        self.prefixes: dict[tuple[str, ...], list[OrgEntity]] = {}
        self.suffixes: dict[tuple[str, ...], list[OrgEntity]] = {}
        self.news_first: dict[str, list[OrgEntity]] = {}  # first word of names ending in "news"

    def get(self, name: str) -> OrgEntity | None:
        return self.keys.get(_key(name))

    def alias(self, org: OrgEntity, name: str) -> None:
        org.aliases.add(name)
        self._register(org, name)

    def _register(self, org: OrgEntity, name: str) -> None:
        key = _key(name)
        known = self.keys.get(key)
        if known is None or self.rank[id(org)] < self.rank[id(known)]:
            self.keys[key] = org

    def add(self, name: str, kind: str, start: int, end: int) -> OrgEntity:
        org = self.get(name) or self._prefix_match(name)
        if org is None:
            org = OrgEntity(name, kind, first=start)
            self.rank[id(org)] = len(self.orgs)
            self.orgs.append(org)
            self._register(org, name)
            self._index_name(org)
        elif name != org.name:
            if len(name) > len(org.name) and not name.startswith("The "):
                self.alias(org, org.name)
                org.name = name
                self._register(org, name)
                self._index_name(org)
            else:
                self.alias(org, name)
        org.mentions.append((start, end))
        return org

    def _index_name(self, org: OrgEntity) -> None:
        words = tuple(_key(org.name).split())
        self.words_of[id(org)] = words
        for size in range(2, min(len(words), AFFIX_MAX) + 1):
            self.prefixes.setdefault(words[:size], []).append(org)
            self.suffixes.setdefault(words[-size:], []).append(org)
        if len(words) <= AFFIX_MAX:
            self.named.setdefault(words, []).append(org)
        if words and words[-1] == "news":
            self.news_first.setdefault(words[0], []).append(org)

    def _prefix_match(self, name: str) -> OrgEntity | None:
        """CBC and CBC News, State Department and US State Department are one body: the earliest such."""
        words = tuple(_key(name).split())
        candidates: list[OrgEntity] = []
        if len(words) >= 2:
            size = min(len(words), AFFIX_MAX)
            candidates += self.prefixes.get(words[:size], []) + self.suffixes.get(words[-size:], [])
            for size in range(2, min(len(words) - 1, AFFIX_MAX) + 1):
                candidates += self.named.get(words[:size], []) + self.named.get(words[-size:], [])
            candidates += self.named.get(words[:1], [])
        elif words:
            candidates += self.news_first.get(words[0], [])
        best = None
        for org in candidates:
            if (best is None or self.rank[id(org)] < self.rank[id(best)]) and _merges(words, self.words_of[id(org)]):
                best = org
        return best


def _merges(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    short, long_ = sorted((words, other), key=len)
    if len(short) >= 2 and (long_[-len(short) :] == short or long_[: len(short)] == short):
        return True
    return len(short) == 1 and len(short[0]) > 2 and long_[0] == short[0] and long_[-1] == "news"


def _key(name: str) -> str:
    text = name.strip()  # then without a leading "the" (any case) and the spaces after it
    if text[:3].lower() == "the" and text[3:4].isspace():
        text = text[3:].lstrip()
    return text.casefold()


def find_orgs(text: str, tokens: list[Token], person_starts: set[int] | None = None) -> list[OrgEntity]:
    index = OrgIndex()
    for run in joined_by_of_the(text, capitalised_runs(text, tokens, ORG_CONNECTORS)):
        _add_run(text, index, run, person_starts or set())
    _add_cued_outlets(text, index)
    _add_speaking_names(text, tokens, index, person_starts or set())
    _add_acronyms(text, index)
    _add_lower_headed(text, tokens, index, person_starts or set())
    _add_short_aliases(text, index)
    for org in index.orgs:
        org.mentions.sort()
        org.aliases.discard(org.name)
    return sorted(index.orgs, key=lambda o: o.first)


def _add_run(text: str, index: OrgIndex, run: list[Token], person_starts: set[int]) -> None:
    if len(run) == 1 and run[0].text not in lx.KNOWN_OUTLETS and "." not in run[0].text:
        return  # one word names a body only when it is a known outlet or a domain (see _add_part)
    # Split at possessives: "Saudi Arabia's Civil Defense Authority" is a place and an authority.
    parts: list[list[Token]] = [[]]
    for token in run:
        parts[-1].append(token)
        if token.possessive:
            parts.append([])
    for chunk in parts:
        for piece in _split_and(chunk):
            _add_part(index, _cut_people(_trim(piece), person_starts), text)


def _cut_people(part: list[Token], person_starts: set[int]) -> list[Token]:
    for i, token in enumerate(part):
        if i and token.start in person_starts:
            return _trim(part[:i])
    return part


def _add_part(index: OrgIndex, part: list[Token], text: str = "") -> None:
    if part:
        words = [t.text for t in part]
        known = words[0] == "The" and " ".join(words) in lx.KNOWN_OUTLETS  # "The Atlantic": "The" is in its name
        if (
            len([w for w in words if w != "The"]) < 2
            and words[-1] not in lx.KNOWN_OUTLETS
            and not ("." in words[-1] and DOMAIN.match(words[-1]))  # a domain has a dot: most words need no match
            and not (len(words) == 2 and words[0] == "The" and (words[1] in THE_OUTLETS or known))
        ):
            return
        cut = of_an_outlet(words) if "of" in words else 0  # "Dodds of Time Magazine": the outlet, not the writer
        if not cut and "for" in words:
            cut = after_region(words)  # "Middle East and North Africa for Amnesty International": the body
        part, words = part[cut:], words[cut:]
        kind = "outlet" if known else _kind(tuple([w for w in words if w != "The"] or words))
        if kind is None and text and len(part) > 1 and takes_a_plural_verb(text, part, part[-1].end):
            kind = "organization"  # "its owner Chariot Chauffeurs say": a firm, as no one person is plural
        if kind is None:
            return
        start, end = part[0].start, part[-1].end
        if words[0] == "The" and kind != "outlet":
            start, words = part[1].start if len(part) > 1 else start, words[1:]
        if words and not all(w in lx.PLACES or w in lx.NATIONALITIES for w in words):
            index.add(" ".join(words), kind, start, end)


_NEXT = (1).__add__  # an index's successor


def _add_speaking_names(text: str, tokens: list[Token], index: OrgIndex, person_starts: set[int]) -> None:
    """One-word bodies that speak ("Microsoft says"), named more than once and never as a person."""
    capitalised = capital_indices(tokens)
    last = len(tokens) - 1
    # Only a capitalised word right before a source verb can speak: most articles have a few, so the other
    # capitalised words are counted only when one of those recurs. Picked at C speed by the next token's text.
    texts = token_texts(tokens)
    followed = capitalised[:-1] if capitalised and capitalised[-1] == last else capitalised
    after = map(texts.__getitem__, map(_NEXT, followed))
    speaking = list(compress(followed, map(lx.SOURCE_VERBS.__contains__, after)))
    if not speaking:
        return
    wanted = {tokens[i].text for i in speaking}
    by_word: dict[str, list[Token]] = {}  # capitalised tokens only: being capitalised depends on the text alone
    for i in capitalised:
        if tokens[i].text in wanted:
            by_word.setdefault(tokens[i].text, []).append(tokens[i])
    for i in speaking:
        token = tokens[i]
        word = token.text
        if token.start in person_starts or len(by_word[word]) < 2 or index.get(word):
            continue
        if word in lx.STOP_CAPS or word in lx.PLACES or word in lx.NATIONALITIES or word in lx.TITLES:
            continue
        if word in lx.MONTHS or word in lx.DAYS:
            continue  # "The October report"
        if text[token.end : tokens[i + 1].start] != " ":
            continue
        previous = tokens[i - 1] if i else None
        if (
            previous is not None
            and (previous.cap or previous.text in lx.TITLES)
            and text[previous.end : token.start] == " "
        ):
            continue  # part of a longer name
        org = index.add(word, "organization", token.start, token.end)
        for other in by_word[word]:
            if other.start != token.start and other.start not in person_starts:
                org.mentions.append((other.start, other.end))


def _add_cued_outlets(text: str, index: OrgIndex) -> None:
    """ "magazine MicroMega", "Yonhap news agency" (see org_shapes)."""
    for name, start in cued_outlets(text):
        index.add(name, "outlet", start, start + len(name))


# A name of up to 13 words before its acronym: an unbounded run would be rescanned from each of its words.
_PAREN = re.compile(
    r"([A-Z][\w.&'’-]{0,60}(?:\s+(?:of|for|and|on|the|&|[A-Z][\w.&'’-]{0,60})){0,12})\s+\(([A-Z][A-Z0-9&.]{1,9})\)"
)


THE = ("the ", "The ")


_PAREN_ACRONYM = re.compile(r"\s\(([A-Z][A-Z0-9&.]{1,9})\)")
_PAREN_REACH = 13 * 62  # the most a 13-word name before an acronym can span


def _paren_acronyms(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PAREN_ACRONYM.finditer(text)``: each holds one "(", its second character, so the
    pattern is matched at each "(" (str.find) rather than tried at every whitespace."""
    at = text.find("(", 1)
    while at >= 0:
        match = _PAREN_ACRONYM.match(text, at - 1)
        if match is not None:
            yield match
        at = text.find("(", at + 1)


def _named_acronyms(text: str) -> Iterator[re.Match[str]]:
    """The matches of _PAREN, looked for only before each "(ACRONYM)": scanning the whole text costs more."""
    floor = 0
    for paren in _paren_acronyms(text):
        match = _PAREN.search(text, max(floor, paren.start() - _PAREN_REACH), paren.end())
        while match is not None and match.end() != paren.end():
            match = _PAREN.search(text, match.end(), paren.end())
        if match is not None:
            floor = match.end()
            yield match


# \b([A-Z][A-Z0-9&]{1,7})\b and \bthe ([A-Z]\w+)\b(?!\s+[A-Z]), the boundary checked after the first letters
_ACRONYM = re.compile(r"([A-Z](?<!\w.)[A-Z0-9&]{1,7})\b")
_THE_NAME = re.compile(r"the(?<!\wthe) ([A-Z]\w+)\b(?!\s+[A-Z])")


def _add_acronyms(text: str, index: OrgIndex) -> None:
    for match in _named_acronyms(text):
        full, short = match.group(1), match.group(2)
        org = index.get(full)
        if org is None:
            words = full.split()
            # "North Korea's main news agency Korean Central News Agency": keep the name's tail
            for cut in range(len(words)):
                org = index.get(" ".join(words[cut:]))
                if org:
                    break
        if org is not None:
            index.alias(org, short)
    known = {a: org for org in index.orgs for a in org.aliases if a.isupper()}
    for match in _ACRONYM.finditer(text):
        word = match.group(1)
        if word in known:
            known[word].mentions.append((match.start(), match.end()))
        elif word in lx.KNOWN_OUTLETS and word not in ACRONYM_STOP:
            index.add(word, "outlet", match.start(), match.end())
        elif word not in ACRONYM_STOP and len(word) > 2 and text[max(0, match.start() - 4) : match.start()] in THE:
            index.add(word, "organization", match.start(), match.end())  # "the FDA", "The CDC"


def _add_lower_headed(text: str, tokens: list[Token], index: OrgIndex, person_starts: set[int]) -> None:
    """ "the United Nations refugee agency" (see org_shapes)."""
    for name, start, end in lower_headed_bodies(text, tokens, person_starts):
        if index.get(name) is None:
            index.add(name, "organization", start, end)
    for name, start, end in dated_bodies(tokens):
        index.add(name, "organization", start, end)  # "the January 25 Youth Coalition" (see org_shapes)


# Heads that "the" and the head alone call a body named in full before ("the Commission said").
_SHORT_HEADS = frozenset({"Commission", "Committee", "Council", "Ministry", "Agency", "Authority", "Tribunal"})


def _add_short_aliases(text: str, index: OrgIndex) -> None:
    """'the Post' after 'The Washington Post', 'the Church' after 'the Church of Scientology', 'the
    Commission' after 'the Human Rights Commission of Pakistan' (the one body named so before)."""
    outlets: dict[str, list[OrgEntity]] = {}  # by the last word of their name
    heads: dict[str, list[OrgEntity]] = {}  # bodies named "Head of ...", by their head
    for org in index.orgs:
        words = org.name.split()
        if org.kind == "outlet":
            outlets.setdefault(words[-1], []).append(org)
        elif len(words) > 2 and words[0] in ORG_HEADS and words[1] == "of":
            heads.setdefault(words[0], []).append(org)
        elif len(words) > 1:
            for word in words[1:]:  # "the Commission" after "the Human Rights Commission of Pakistan"
                if word in _SHORT_HEADS:
                    heads.setdefault(word, []).append(org)
    for head, bodies in heads.items():
        if f"the {head}" not in text and f"The {head}" not in text:
            continue
        for start, end in the_head_spans(text, head):
            owners = [o for o in bodies if o.first < start]
            if len(owners) == 1 and not any(start >= s and end <= e for s, e in owners[0].mentions):
                index.alias(owners[0], f"the {head}")
                owners[0].mentions.append((start, end))
    if not outlets:
        return  # "the Post" is only ever an outlet's alias: with no outlet named, no need to look for one
    for match in _THE_NAME.finditer(text):
        word = match.group(1)
        if word not in lx.OUTLET_WORDS:
            continue
        owners = [o for o in outlets.get(word, ()) if o.first < match.start()]
        if owners:
            owner = owners[-1]
            index.alias(owner, f"the {word}")
            owner.mentions.append((match.start(), match.end()))
