"""Who a span of text names: the article's mentions by position, pronouns, aliases, unlisted names.

``speakers.Attributor`` reads the sentence around a cue or a quote to find which span names the
speaker; this module turns that span into a ``Speaker``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reader.analysis import lexicon as lx
from reader.analysis.cues import CueIndex
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK
from reader.analysis.source_words import BODY_LOOKBACK, BODY_NOUNS
from reader.analysis.speaker_names import ListedNames, UnlistedNames, named_last
from reader.analysis.speaker_shapes import DEMONYMS, KIN_OF
from reader.analysis.tokens import Token

_JOINING = frozenset({"and", "or", "of", "the", "a", "an", "for", "at", "in", "&"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# A subject that is only an age or a nationality: "The 45-year-old", "the Briton".
# "The father said", "the widow told reporters": kin named by their tie alone, read as "he" or "she" is.
_KIN_SUBJECT = re.compile(
    r"[\s,]*(?:the|The)\s+(father|mother|husband|wife|son|daughter|brother|sister|widow|widower|grandfather|"
    r"grandmother)[\s,]*"
)
_MALE_KIN = frozenset({"father", "husband", "son", "brother", "widower", "grandfather"})
_DESCRIBED = re.compile(r"[\s,]*(?:the|The)\s+(?:(\d{1,3})-year-old|([A-Z][a-z]+))[\s,]*")
_OBJECT_OF = re.compile(
    r"\b(?:to|with|by|from|for|at|on|in|of|about|against|than|outside|inside|near|behind|into|over|under|"
    r"toward|towards|across|through|via|like|among|between|beside|alongside)\s+(?:the\s+)?$"
)
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")  # the title before a bare surname
# "When challenged by Bollinger, he stated": the agent of a passive or the object of "by" is not who
# a subject pronoun after it stands for.
_AGENT_BEFORE = re.compile(r"\b(?:by|to|with|against|than|from|for|of|about|over|on|at|like)\s+$")
# "greeted by the President and the First Lady, Carla Roe": a name set after the agent it names
_AGENT_APPOSITIVE = re.compile(r"\bby\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5},\s+$")
# "The centre, which ..., added": a body called by the common noun its name holds, or one who speaks
# for it ("a spokesperson for the agency", "an official of the ministry").
_THE_BODY = re.compile(
    r"^\s*(?:(?:[Aa]n?|[Tt]he)\s+(?:spokes(?:man|woman|person)|official|representative)\s+(?:for|of|from|at)\s+)?"
    r"[Tt]he\s+((?:[a-z]+\s+){0,3}[a-z]+)\s*$"
)
# Heads that any body may be described by ("the worldwide press freedom organization").
_ANY_BODY = frozenset({"organisation", "organization", "group", "body"})
_DOCUMENT_NOUNS = lx.DOCUMENT_NOUNS_PATTERN
_THE_DOCUMENT = re.compile(rf"^\s*(?:(?:in\s+)?which\s+)?[Tt]he\s+(?:{_DOCUMENT_NOUNS})\s*$")
_DOCUMENT_WORD = re.compile(rf"\b(?:{_DOCUMENT_NOUNS})s?\b")
# "One post by him read", "A statement from the ministry said": the document's author speaks.
_DOCUMENT_BY = re.compile(
    rf"\s*(?:[Aa]n?|[Tt]he|One|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts)\s+(?:[a-z][\w-]*\s+)?(?:{_DOCUMENT_NOUNS})"
    r"\s+(?:by|from)\s+"
)
# "The Iranian president", "The former mayor" (a describing word), "The mayor attacked" (no such word)
_ROLE_SUBJECTS = tuple(
    re.compile(rf"\s*[Tt]he\s+((?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w-]*\s+){lazy})([a-z]+)(?=\s+[a-z]|\s*$)")
    for lazy in ("?", "??")
)
# "The Wisconsin Republican said": a party member described by state and party alone.
_PARTY_SUBJECT = re.compile(
    r"\s*[Tt]he\s+((?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w-]*\s+)?)(Republican|Democrat)(?=\s+[a-z]|\s*$)"
)
# The role noun a title abbreviates, so that "Sen. Ted Cruz" holds the role of "the Texas senator".
_TITLE_ROLES = {
    "sen.": ("senator",),
    "rep.": ("representative", "congressman", "congresswoman"),
    "representative": ("representative", "congressman", "congresswoman"),
    "gov.": ("governor",),
    "gen.": ("general",),
    "lt.": ("lieutenant",),
    "col.": ("colonel",),
    "capt.": ("captain",),
    "sgt.": ("sergeant",),
    "prof.": ("professor",),
    "adm.": ("admiral",),
    "supt.": ("superintendent",),
    "atty.": ("attorney",),
    "amb.": ("ambassador",),
    "det.": ("detective",),
}
_SPELLINGS = {"center": "centre", "organization": "organisation"}
# "The city reasoned" after "the Municipality of Livorno" or "the Harbour City Council": a town's own body.
_LOCAL_BODIES = frozenset({"city", "town", "village", "municipality", "council"})
_LAST_PRONOUN = re.compile(r"[\s,]((?:he|she|He|She))[\s,]*$")
PRONOUN = re.compile(r"^\s*(he|she|it|they|He|She|It|They)\b")
# How far (in characters) a rule looks back or ahead from a cue or quote for a speaker. News sentences
# are far shorter (541 at most in the gold set); the bound keeps one giant sentence from costing its
# length for each of its cues, which made analysis quadratic.
REACH = 1000
# The pronoun again in a sentence that names no one: a chain of sentences about the one person.
_CHAIN = {"he": re.compile(r"\b(?:[Hh]e|[Hh]is|him)\b"), "she": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}


_PARTIES = frozenset({"republican", "democrat"})
# Offices a person holds one of: a role with another of them is not what a description names.
_OFFICES = lx._words(
    "mayor governor senator representative congressman congresswoman president minister judge justice "
    "chancellor premier ambassador sheriff prosecutor general admiral commissioner secretary speaker "
    "candidate nominee"
)


def _role_words(role: str) -> set[str]:
    """The lowercase words of a role, with the role nouns its title abbreviations stand for."""
    words = set(role.lower().split())
    for word in list(words):
        words.update(_TITLE_ROLES.get(word, ()))
    return words


def _holds(words: list[str], phrase: list[str]) -> bool:
    """Whether ``phrase`` is a run of ``words``: "armed forces" of the Supreme Council of the Armed Forces."""
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _within_paragraphs(masked: str, sentences: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The sentences, cut at paragraph breaks that an abbreviation hid ("in the U.S.\n\nFlorida Sen.").

    Reads the breaks (one per paragraph), not the sentences. A sentence that ends at a break keeps it.
    """
    inside = set()
    brk = masked.find("\n\n")
    while brk >= 0:
        k = bisect.bisect_right(starts, brk) - 1
        if k >= 0 and sentences[k][1] > brk + 2:
            inside.add(k)
        brk = masked.find("\n\n", brk + 2)
    if not inside:
        return sentences
    cut = []
    for k, (s, e) in enumerate(sentences):
        if k in inside:
            while (brk := masked.find("\n\n", s, e)) >= 0 and brk + 2 < e:
                if brk > s:
                    cut.append((s, brk))
                s = brk + 2
        if e > s:
            cut.append((s, e))
    return cut


@dataclass
class Speaker:
    name: str
    kind: str  # "person" or "organization"
    entity: object
    via: str = "named"  # "pronoun" when a he/she/it was resolved to the entity


def mention_speaker(kind: int, entity: Any) -> Speaker:
    """The speaker a mention names: ``kind`` 0 is a person, 1 an organisation (as ``mentions_within`` gives them)."""
    return Speaker(entity.name, "person" if kind == 0 else "organization", entity)


class MentionIndex(CueIndex):
    """The article's people and organisations by position, and the lookups from a span of text to one."""

    def __init__(
        self,
        body: str,
        masked: str,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        people: list[PersonEntity],
        orgs: list[OrgEntity],
    ) -> None:
        super().__init__(tokens, masked)
        starts = [s for s, _ in sentences]
        self.body, self.sentences = body, _within_paragraphs(masked, sentences, starts)
        self.starts = starts if self.sentences is sentences else [s for s, _ in self.sentences]
        mentions: list[tuple[int, int, int, Any]] = [(s, e, 0, p) for p in people for s, e in p.mentions]
        mentions += [(s, e, 1, o) for o in orgs for s, e in o.mentions]
        self.mentions = sorted(mentions, key=lambda m: (m[0], m[2]))
        self.mention_starts = [m[0] for m in self.mentions]
        self.people = people
        self.listed = ListedNames(people)
        self.unlisted = UnlistedNames(body, masked)

    # -- entities ------------------------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _outside_quotes(self, start: int) -> bool:
        return self.masked[start] != MASK

    def mentions_within(self, start: int, end: int) -> Iterator[tuple[int, int, int, Any]]:
        """Mentions lying inside ``start``..``end`` in text order, found by bisection, not a scan of all."""
        i = bisect.bisect_left(self.mention_starts, start)
        while i < len(self.mentions) and self.mention_starts[i] <= end:
            mention = self.mentions[i]
            if mention[1] <= end:
                yield mention
            i += 1

    def names_anyone(self, start: int, end: int) -> bool:
        """Whether a person or organisation is named inside ``start``..``end``."""
        return next(self.mentions_within(start, end), None) is not None

    def name_begins(self, start: int, end: int) -> bool:
        """Whether a mention begins inside ``start``..``end``, maybe ending after it ("Bashar" of "Bashar al-Assad")."""
        i = bisect.bisect_left(self.mention_starts, start)
        return i < len(self.mention_starts) and self.mention_starts[i] < end

    def entity_in(self, start: int, end: int, persons_only: bool = False, head: bool = False) -> Speaker | None:
        """The first person named between offsets, else the first organisation.

        ``head``: the span is the subject right before its verb, whose head is its last name ("Trump
        lawyer Marc Kasowitz said"), unless a possessive or "of" makes it a modifier of the next.
        """
        first_org = None
        person = None
        if head:
            adjacent = self._adjacent_subject(start, end, persons_only)
            if adjacent is not None:
                return adjacent
        for mention in self.mentions_within(start, end):
            if not self._outside_quotes(mention[0]):
                continue
            if mention[2] == 0:
                if person is not None and not self._modifies(person[1], mention[0]):
                    break
                person = mention
                if not head:
                    break
                continue
            if first_org is None:
                first_org = mention[3]
        if person is not None and KIN_OF.match(self.masked, person[1], end):
            return None  # "Kovel's brother said": the brother, unnamed, speaks; not Kovel
        if person is not None:
            entity = person[3]
            if entity.surname == self.masked[person[0] : person[1]]:
                sharing = self.listed.sharing_surname(entity.surname)
                title = HONORIFIC.search(self.masked, max(0, person[0] - 6), person[0])
                if title is not None and len(sharing) > 1:  # "Mrs. Roe" of the Roes: the woman
                    other = "f" if title.group(1) == "Mr" else "m"
                    sharing = [p for p in sharing if p.gender != other] or sharing
                entity = named_last(sharing, person[0]) or entity  # the Khans
            return Speaker(entity.name, "person", entity)
        if first_org is not None and not persons_only:
            return Speaker(first_org.name, "organization", first_org)
        return None

    def _adjacent_subject(self, start: int, end: int, persons_only: bool) -> Speaker | None:
        """The name right before the verb when a person named earlier in the span is not its subject
        ("Comparing Jane Roe's years in office with today the reporter asked"): several
        words apart, the earlier name belongs to a phrase of its own."""
        stop = start + len(self.masked[start:end].rstrip())
        last = None
        earlier = None
        for mention in self.mentions_within(max(start, stop - 200), stop):
            if mention[1] == stop and self._outside_quotes(mention[0]):
                last = mention
        if last is None or (persons_only and last[2] != 0):
            return None
        if _OBJECT_OF.search(self.masked, max(start, last[0] - 12), last[0]):
            return None  # "wrote in a letter to the Courier explaining": the listener
        for mention in self.mentions_within(start, last[0]):
            if mention[2] == 0 and mention[1] <= last[0] and self._outside_quotes(mention[0]):
                earlier = mention
                break
        gap = self.masked[earlier[1] : last[0]].split() if earlier is not None else []
        if len(gap) < 3 or all(word[:1].isupper() or word in _JOINING for word in gap):
            return None  # "David Roe and Jane Doe of Ash's Institute wrote": one subject
        entity = last[3]
        return Speaker(entity.name, "person" if last[2] == 0 else "organization", entity)

    def pronoun(self, word: str, pos: int) -> Speaker | None:
        word = word.lower()
        if word == "they":
            return None
        index = self.sentence_index(pos)
        agent = None  # the nearest one of that gender named after a preposition ("threats from Roe")
        first = index - 3  # the earliest sentence read: three before, more along a chain of the pronoun
        i = index + 1
        while (i := i - 1) >= max(0, first):
            s, e = self.sentences[i]
            s, end = max(s, pos - (REACH if first >= index - 3 else 2 * REACH)), min(e, pos)
            mentions = list(self.mentions_within(s, end))
            for k, (start, stop, kind, entity) in enumerate(mentions):
                if not self._outside_quotes(start):
                    continue
                if word == "it" and kind == 1:
                    return Speaker(entity.name, "organization", entity, "pronoun")
                if word in ("he", "she") and kind == 0:
                    wanted = "m" if word == "he" else "f"
                    if entity.gender not in (None, wanted):
                        continue
                    if k + 1 < len(mentions) and mentions[k + 1][2] == 0 and self._modifies(stop, mentions[k + 1][0]):
                        continue  # "Aitchison's father Norrie said ... He": the father, not Aitchison
                    if not _AGENT_BEFORE.search(self.masked, max(0, start - 9), start) and not _AGENT_APPOSITIVE.search(
                        self.masked, max(0, start - 60), start
                    ):
                        return Speaker(entity.name, "person", entity, "pronoun")
                    if agent is None or (entity.gender == wanted and agent.gender != wanted):
                        agent = entity
            if word == "it":
                continue
            if not any(kind == 0 for _s, _e, kind, _entity in self.mentions_within(s, end)):
                unnamed = self.unnamed_subject(s, end, word)  # "The programme manager stated ... he"
                if unnamed is not None:
                    return unnamed[0]
                person = self.unlisted_subject(s, end)  # "Naoto Kan, the prime minister, wrote ... he"
                if person is not None:
                    return Speaker(person.name, "person", person, "pronoun")
                if i < index and first > index - 8 and _CHAIN[word].search(self.masked, s, end):
                    first -= 1  # "she married ... She was ... she longed": the same one, named further back
        if agent is not None and agent.gender is not None:
            return Speaker(agent.name, "person", agent, "pronoun")  # no one else the "he" can be
        return None

    def unlisted_subject(self, start: int, before: int) -> PersonEntity | None:
        """A person no list knows who opens the sentence ``start``..``before`` as its subject."""
        return None

    def unnamed_subject(self, start: int, before: int, pronoun: str) -> tuple[Speaker | None] | None:
        """(the organisation a he or she speaks for, or None) when an unnamed person opens the sentence."""
        return None

    def _modifies(self, end: int, start: int) -> bool:
        """Whether a name ending at ``end`` modifies one starting at ``start`` ("Trump lawyer Marc")."""
        gap = self.masked[end:start].split()
        if gap and gap[0] in _POSSESSIVE_MARKS:  # "Roe's father Tom Doe told": Doe speaks, Roe's is his tie
            gap = gap[1:]
        return 0 < len(gap) <= 2 and all(word in lx.ROLE_NOUNS for word in gap)

    def resolve(self, start: int, end: int, head: bool = False) -> Speaker | None:
        text = self.masked[start:end]
        match = PRONOUN.match(text)
        if match and not text[match.end() :].strip(" ,"):
            return self.pronoun(match.group(1), start + match.start(1))
        last = _LAST_PRONOUN.search(text)
        if last is not None:  # "When challenged by Bollinger on the issue he stated": the clause's subject
            return self.pronoun(last.group(1), start + last.start(1))
        by = _DOCUMENT_BY.match(text)
        if by is not None and by.end() < len(text.rstrip()):
            author = text[by.end() :].strip(" ,")
            if author in ("him", "her"):  # "One post by him read"
                return self.pronoun("he" if author == "him" else "she", start + by.end())
            return self.resolve(start + by.end(), end)  # "A statement from the ministry said"
        found = (
            self.entity_in(start, end, head=head)
            or self.alias(text, start)
            or self.body_by_noun(text, start)
            or self.issuer(text, start)
        )
        if found is None and (role := self.by_role(start, end)) is not None:
            found = role[0]  # "The Iranian president attacked"
        if found is None:
            found = self.described_person(text, start)  # "The 45-year-old told reporters", "the Briton said"
        # "The father said" is read as "he said"; "he " is in every "the "/"The ", a cheap test before the pattern
        if found is None and "he " in text and (kin := _KIN_SUBJECT.fullmatch(text)) is not None:
            found = self.pronoun("he" if kin.group(1) in _MALE_KIN else "she", start)
        if found is None:
            named = self.unlisted.entity(start, end, speaking=True)  # "Ms. Boxer said" though no list knows Boxer
            if named is not None:
                found = Speaker(named[1].name, named[0], named[1])
        return found

    def body_by_noun(self, text: str, at: int) -> Speaker | None:
        """The organisation "the centre" or "the ministry" stands for: the nearest named in the last
        sentences whose name holds the noun (the Harbour Storm Warning Centre)."""
        match = _THE_BODY.match(text)
        if match is None:
            return None
        phrase = [_SPELLINGS.get(w, w) for w in match.group(1).split()]
        local = len(phrase) == 1 and phrase[0] in _LOCAL_BODIES
        if len(phrase) == 1 and phrase[0] not in BODY_NOUNS and not local:
            return None
        floor = self.sentences[max(0, self.sentence_index(at) - BODY_LOOKBACK + 1)][0]
        recent = list(self.mentions_within(floor, at))[::-1]
        for _start, _stop, kind, entity in recent:
            words = [_SPELLINGS.get(w, w) for w in entity.name.lower().split()]
            if kind != 1:
                continue
            if local and not _LOCAL_BODIES.isdisjoint(words):
                return Speaker(entity.name, "organization", entity, "pronoun")  # "the city" for its council
            if phrase[0] in words if len(phrase) == 1 else _holds(words, phrase):
                return Speaker(entity.name, "organization", entity, "pronoun")  # "the armed forces said"
        if len(phrase) > 1 and phrase[-1] in _ANY_BODY:
            # "The worldwide press freedom organization said": the body named last, whatever its name
            for m_start, _stop, kind, entity in recent:
                if kind == 1 and self._outside_quotes(m_start):
                    return Speaker(entity.name, "organization", entity, "pronoun")
        return None

    def issuer(self, text: str, at: int) -> Speaker | None:
        """The body whose document speaks ("The resolution read" after "the council passed a
        resolution", "the report states" after "a Harbour Office assessment"): the organisation named
        nearest a document word of the last sentences, else the one body named in the last two."""
        if _THE_DOCUMENT.match(text) is None:
            return None
        index = self.sentence_index(at)
        for i in range(index, max(-1, index - BODY_LOOKBACK), -1):
            s, e = self.sentences[i]
            e = min(e, at)
            words = [m.start() + s for m in _DOCUMENT_WORD.finditer(self.masked[s:e])]
            orgs = [m for m in self.mentions_within(s, e) if m[2] == 1 and self._outside_quotes(m[0])]
            if words and orgs:
                entity = min(orgs, key=lambda m: min(abs(m[1] - w) for w in words))[3]
                return Speaker(entity.name, "organization", entity, "pronoun")
        body = self._one_named_before(at, 1)  # "The Harbour Ministry confirmed ... The statement said"
        return Speaker(body.name, "organization", body, "pronoun") if body is not None else None

    def by_role(self, start: int, before: int) -> tuple[Speaker, int] | None:
        """(the person, the end of the phrase) when "The Iranian president" opens ``start``..``before``
        and one person named before holds that role, each of its words ("Iranian", "president")."""
        matches = (r.match(self.masked, start, before) for r in _ROLE_SUBJECTS)
        match = next(
            (m for m in matches if m and (m.group(2) in lx.ROLE_NOUNS or m.group(2).title() in lx.TITLES)), None
        ) or _PARTY_SUBJECT.match(self.masked, start, before)
        if match is None:
            return None
        if "according to" in self.masked[before : self.sentences[self.sentence_index(start)][1]]:
            return None  # "the judge said, according to the Post": the outlet stays the source of record
        head = match.group(2).lower()
        wanted = {w.lower() for w in match.group(1).split() if w[:1].isupper()} | {head}
        holders = [p for p in self.people if p.role and p.first < start and wanted <= set(p.role.lower().split())]
        person = named_last(holders, start)
        if (
            person is None
            and (len(wanted) > 1 or "former" in match.group(1).split() or head in _PARTIES)
            and not self._named_after(match.end())  # "wrote the envoy at the time, Jo Roe"
        ):
            person = self._described(start, wanted, head)  # "Sen. Ted Cruz spoke. The Texas senator said"
        return (Speaker(person.name, "person", person, "pronoun"), match.end()) if person is not None else None

    def _named_after(self, end: int) -> bool:
        """Whether a person is named right after a description, set off by a comma ("the envoy at the
        time, Jo Roe"): the description is theirs."""
        for m_start, _m_end, kind, _entity in self.mentions_within(end, end + 60):
            return kind == 0 and self.masked[end:m_start].rstrip().endswith(",")
        return False

    def _described(self, at: int, wanted: set[str], head: str) -> PersonEntity | None:
        """Who a description by place, party or a former role stands for ("the Wisconsin Republican",
        "the former secretary of state"): the subject of the sentence before, else of the one before
        that: the first person named there outside quotes and not after a preposition ("After meeting
        Jo Roe, Ann Doe said"), else the first named with a possessive ("Roe's plan drew rebukes").
        A person named earlier in the description's own sentence is in an opening phrase ("In an
        interview with host Jo Roe, the senator said"). Not one who holds another office ("Mayor Bill
        de Blasio" is not "the Republican candidate"; "Ohio Gov." is "the Ohio governor"); a party is
        anyone's."""
        index = self.sentence_index(at)
        for i in range(index - 1, max(-1, index - 3), -1):
            s, e = self.sentences[i]
            owners = []
            for m_start, m_end, kind, entity in self.mentions_within(s, e):
                if kind != 0 or not self._outside_quotes(m_start):
                    continue
                if _OBJECT_OF.search(self.masked, max(s, m_start - 12), m_start):
                    continue
                words = _role_words(entity.role) if entity.role else set()
                if not (head in _PARTIES or not wanted.isdisjoint(words) or _OFFICES.isdisjoint(words)):
                    continue
                if self.masked.startswith(("'s", "’s", "' ", "’ "), m_end):
                    owners.append(entity)
                    continue
                return entity
            if owners:
                return owners[0]
        return None

    def described_person(self, text: str, at: int) -> Speaker | None:
        """The one person named in the last sentences when the subject is only their age or their
        nationality ("The 45-year-old told reporters", '" the Briton said'); for an age, a person the
        article gives that age."""
        match = _DESCRIBED.fullmatch(text)
        if match is None or (match.group(2) and match.group(2) not in DEMONYMS):
            return None
        person = self.one_named_before(at)
        if person is None:
            return None
        age = match.group(1)
        if age is not None and not any(
            self.body.startswith(f", {age},", e)
            or self.body.endswith(f"{age}-year-old ", 0, s)
            or f"{age}-year-old" in self.body[e : e + 40]
            for s, e in person.mentions
        ):
            return None
        return Speaker(person.name, "person", person, "pronoun")

    def one_named_before(self, at: int) -> PersonEntity | None:
        """The one person named outside quotes in the last sentences before ``at``, if only one is."""
        person = self._one_named_before(at, 0)
        return person if isinstance(person, PersonEntity) else None

    def _one_named_before(self, at: int, kind: int) -> Any:
        """The one person (``kind`` 0) or body (1) named outside quotes in the last sentences before ``at``."""
        floor = self.sentences[max(0, self.sentence_index(at) - 2)][0]
        named = {id(m[3]): m[3] for m in self.mentions_within(floor, at) if m[2] == kind and self._outside_quotes(m[0])}
        return next(iter(named.values())) if len(named) == 1 else None

    def alias(self, text: str, at: int = -1) -> Speaker | None:
        """A person of the article called by a name the people finder did not mark here ("Cruz said")."""
        person = self.listed.find(text, at)
        return Speaker(person.name, "person", person) if person is not None else None
