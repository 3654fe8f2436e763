"""Who said each quote: reporting verbs before or after it, pronouns, quotes that continue.

The speaker is the person or organisation the sentence attributes the quote to; when the article
does not say, the speaker stays None rather than a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from reader.analysis import lexicon as lx
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.tokens import ABBREVIATIONS, Token

AUXILIARIES = lx._words(
    "also later then further again recently previously once has have had was were is are been would will "
    "too himself herself themselves itself even still just now only first "
    "reportedly allegedly repeatedly publicly simply firmly quickly angrily proudly subsequently"
)
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "He bluntly said"
LONGEST_AUXILIARY = 16  # the longest auxiliary or adverb skipped before a verb
RELATIVE = re.compile(r"^\s*(?:who|which|whose|that|whom|where)\b")
CLAUSE_WORDS = re.compile(r"\s*(?:but|while|whereas|as|As|and|when|after|before|because|although|though|so)\s+")
_CLAUSE_WORD_ONLY = re.compile(r"\s*(?:but|and|yet|so|then)\s*")
CONTINUED = frozenset({"continued", "continues", "reads", "read"})  # only right before ":" or ","
PHRASAL_CUES = {"pointed": " out", "points": " out", "shot": " back", "fired": " back", "chimed": " in", "went": " on"}
# Cue verbs also when capitalised: inverted at a sentence's start ("Said X, ...") or typed so ("Tweeted").
CAPITALISED_CUES = frozenset({"said", "says", "continued", "added", "tweeted", "wrote", "asked", "told", "explained"})
# Every lowercased word that can start a cue of ``Attributor._all_cues``: the others are skipped at once.
_CUE_WORDS = (
    frozenset(w.lower() for w in lx.REPORTING_VERBS | lx.CHANNEL_VERBS | lx.REPORTING_NOUN_LIKE)
    | CONTINUED
    | CAPITALISED_CUES
    | frozenset(PHRASAL_CUES)
    | {"according", "quoting", "words", "by", "statement", "statements"}
)
_CUE_FORMS = _CUE_WORDS | {w.capitalize() for w in _CUE_WORDS} | {w.upper() for w in _CUE_WORDS}
STATEMENT_VERBS = frozenset({"issued", "released", "published", "posted", "made", "issues", "releases"})
PRONOUN = re.compile(r"^\s*(he|she|it|they|He|She|It|They)\b")
_PRONOUN_AT = re.compile(r"\s*(he|she|it|they|He|She|It|They)\b")  # for match(text, pos): "^" holds at 0 only
LEAD = re.compile(r"[\s,;—–-]*")
_CUTS = re.compile(r"[,;:—–()]")
_OBJECT_END = re.compile(rf"[.;:!?]\s|[.;:!?]$|\bthat\b|{MASK}")
_AFTER_QUOTE_VERB = re.compile(
    r"((?:[\w.'’-]+\s+){1,5}?)(?:continued|went on|shot back|fired back|chimed in|charged|pressed|offered|"
    r"interjected|cracked|gushed|fumed|chided|scolded|mused|marveled|marvelled|recalled|explained)\b"
)
_NAME_THEN_CUE = re.compile(r"[\s,]*([A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2}\s+[a-z]+")
_PRONOUNS = frozenset({"He", "She", "It", "They", "I", "We", "You", "The", "This", "That", "A", "An"})
_SIGNATURE = re.compile(r"\s*[-—–]+\s*")
_OPENING_PHRASE = re.compile(
    r"[^,;:!?\n]{1,100},\s+(?=[A-Z])"  # "After former Gov. Jerry Brown spoke, "
    r"|(?:Then|Later|Now|Still|Instead|Meanwhile|Earlier|Afterward|Afterwards|Again)\s+(?=[a-zA-Z])"
)
_APPOSITION = re.compile(
    r",[^;:!?]{1,120}?,(?=\s+[a-z])"  # ", who is a pastor at X, Colorado,"
    r"|\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s+[a-z])"  # "Angela Merkel of Germany"
)
_VERB_AFTER = re.compile(r"\s+(?!(?:of|and|or|in|at|on|for|to|from|with|by)\b)[a-z]{2,}\b")
_APPOSITIVE = re.compile(
    r"\s*(?!(?:but|and|while|whereas|as|when|after|before|because|although|though|so|then)\s)[a-z]"
)
_ABBREVIATED = re.compile(r"([\w.]+)\.$")
# How far (in characters) a rule looks back or ahead from a cue or quote for a speaker. News sentences
# are far shorter (541 at most in the gold set); the bound keeps one giant sentence from costing its
# length for each of its cues, which made analysis quadratic.
REACH = 1000


_DESCRIBERS = lx._words(
    "former late then acting top senior nominee frontrunner front-runner hopeful challenger incumbent rival "
    "contender presidential republican democratic party state"
)


def _subject_prefix(text: str) -> bool:
    """Whether the words before a name describe it ("Republican nominee Donald") rather than start a clause."""
    words = text.split()
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w in lx.ROLE_NOUNS or w in _DESCRIBERS or w in lx.DETERMINERS for w in words)


def _object_end(text: str) -> int | None:
    """Where the phrase after a cue ends: a stop, ``that`` or a quote; not the dot of ``Mr.`` or ``G.K.``."""
    for stop in _OBJECT_END.finditer(text):
        if text[stop.start()] == ".":
            word = _ABBREVIATED.search(text, 0, stop.start() + 1)
            if word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1 or "." in word.group(1)):
                continue
        return stop.start()
    return None


def _without_auxiliaries(text: str) -> str:
    """``text`` without trailing auxiliaries and adverbs ("X has also said"), each after whitespace.

    Read from the end: a regular expression anchored at the end tries every position of the text.
    """
    end, cut = len(text.rstrip()), None
    while True:
        k = end - 1
        while k >= max(0, end - LONGEST_AUXILIARY - 1) and not text[k].isspace():
            k -= 1
        word = text[k + 1 : end]
        if k < 0 or not text[k].isspace() or not (word in AUXILIARIES or _ADVERB.fullmatch(word)):
            break
        while k > 0 and text[k - 1].isspace():
            k -= 1
        end = cut = k
    return text if cut is None else text[:cut]


@dataclass
class Speaker:
    name: str
    kind: str  # "person" or "organization"
    entity: object
    via: str = "named"  # "pronoun" when a he/she/it was resolved to the entity


class Attributor:
    def __init__(
        self,
        body: str,
        masked: str,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        people: list[PersonEntity],
        orgs: list[OrgEntity],
    ) -> None:
        self.body, self.masked, self.tokens, self.sentences = body, masked, tokens, sentences
        self.starts = [s for s, _ in sentences]
        mentions: list[tuple[int, int, int, Any]] = [(s, e, 0, p) for p in people for s, e in p.mentions]
        mentions += [(s, e, 1, o) for o in orgs for s, e in o.mentions]
        self.mentions = sorted(mentions, key=lambda m: (m[0], m[2]))
        self.mention_starts = [m[0] for m in self.mentions]
        self.people = people
        self._cues: list[tuple[int, int, tuple[str, int, int]]] | None = None  # found on first use
        self._aliases: dict[str, PersonEntity] | None = None
        self._cue_starts: list[int] = []

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

    def entity_in(self, start: int, end: int, persons_only: bool = False, head: bool = False) -> Speaker | None:
        """The first person named between offsets, else the first organisation.

        ``head``: the span is the subject right before its verb, whose head is its last name ("Trump
        lawyer Marc Kasowitz said"), unless a possessive or "of" makes it a modifier of the next.
        """
        first_org = None
        person = None
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
        if person is not None:
            return Speaker(person[3].name, "person", person[3])
        if first_org is not None and not persons_only:
            return Speaker(first_org.name, "organization", first_org)
        return None

    def pronoun(self, word: str, pos: int) -> Speaker | None:
        word = word.lower()
        if word == "they":
            return None
        index = self.sentence_index(pos)
        for i in range(index, max(-1, index - 4), -1):
            s, e = self.sentences[i]
            s, end = max(s, pos - REACH), min(e, pos)
            for start, _stop, kind, entity in self.mentions_within(s, end):
                if not self._outside_quotes(start):
                    continue
                if word == "it" and kind == 1:
                    return Speaker(entity.name, "organization", entity, "pronoun")
                if word in ("he", "she") and kind == 0:
                    wanted = "m" if word == "he" else "f"
                    if entity.gender in (None, wanted):
                        return Speaker(entity.name, "person", entity, "pronoun")
            if word == "it":
                continue
        return None

    def _modifies(self, end: int, start: int) -> bool:
        """Whether a name ending at ``end`` modifies one starting at ``start`` ("Trump lawyer Marc")."""
        gap = self.masked[end:start].split()
        return 0 < len(gap) <= 2 and all(word in lx.ROLE_NOUNS for word in gap)

    def resolve(self, start: int, end: int, head: bool = False) -> Speaker | None:
        text = self.masked[start:end]
        match = PRONOUN.match(text)
        if match and not text[match.end() :].strip(" ,"):
            return self.pronoun(match.group(1), start + match.start(1))
        return self.entity_in(start, end, head=head) or self.alias(text)

    def alias(self, text: str) -> Speaker | None:
        """A person of the article called by a name the people finder did not mark here ("Cruz said")."""
        words = [w for w in text.split() if w not in lx.TITLES]
        if not 0 < len(words) <= 2 or not all(w[:1].isupper() for w in words):
            return None
        if self._aliases is None:
            self._aliases = {}
            for person in self.people:
                for name in (person.name, person.surname, *person.aliases):
                    self._aliases.setdefault(name, person)
        known = self._aliases.get(" ".join(words).rstrip(",.;:"))
        return Speaker(known.name, "person", known) if known is not None else None

    # -- subjects --------------------------------------------------------------------------
    def subject_before(self, floor: int, verb: int) -> Speaker | None:
        """The speaker named before a reporting verb, skipping appositives (", a former official,")."""
        floor = max(floor, verb - REACH)
        text = _without_auxiliaries(self.masked[floor:verb]).rstrip()
        end = floor + len(text)
        cuts = [floor - 1] + [floor + m.start() for m in _CUTS.finditer(text)]
        head_start = cuts[-1] + 1
        if self.masked[head_start:end].strip():
            found = self._clause(head_start, end)  # "... Najib Razak said"
            if found is not None or not _CLAUSE_WORD_ONLY.fullmatch(self.masked, head_start, end):
                return found
            # "X used to support Y, but now said": the subject is the earlier clause's
        segments = [(a + 1, b) for a, b in pairwise(cuts)][::-1][:4]
        segments = [seg for seg in segments if not RELATIVE.match(self.masked[seg[0] : seg[1]])]
        # "Pavel Latushko, a former Belarusian official, commented": the name, not a name inside the
        # lowercase appositive ("head of the Congressional Black Caucus", "the wife of ...").
        named = [seg for seg in segments if not _APPOSITIVE.match(self.masked, seg[0], seg[1])]
        for seg in named + [seg for seg in segments if seg not in named]:
            found = self.entity_in(*seg, persons_only=True)
            if found:
                return found
        for seg in segments:  # "The security firm Secunia.com, has said"
            found = self._clause(*seg)
            if found:
                return found
        return None

    def _clause(self, floor: int, end: int) -> Speaker | None:
        text = self.masked[floor:end]
        cut = max(text.rfind(","), text.rfind(";"), text.rfind(":"), text.rfind("—"), text.rfind("("), text.rfind("–"))
        start = floor + cut + 1 if cut >= 0 else floor
        clause = CLAUSE_WORDS.match(self.masked, start)
        if clause and clause.end() <= end:
            start = clause.end()  # "but he replied"
        if not self.masked[start:end].strip():
            return None
        return self.resolve(start, end, head=True)

    def object_after(self, start: int, limit: int) -> Speaker | None:
        limit = min(limit, start + REACH)
        text = self.masked[start:limit]
        stop = _object_end(text)
        end = start + (stop if stop is not None else len(text))
        comma = text.find(",", 0, end - start)
        if comma > 0:
            found = self.resolve(start, start + comma)  # "according to ABC News, Basya believes"
            if found is not None:
                return found
        return self.resolve(start, end)

    def colon_name(self, floor: int, mark: int) -> Speaker | None:
        """The person whose name and a colon introduce the quote ("Philip Bump: "...")."""
        colon = self.masked.rfind(":", max(floor, mark - 4), mark)
        if colon < 0 or self.masked[colon + 1 : mark].strip():
            return None
        for m_start, m_end, kind, entity in self.mentions_within(max(floor, colon - 80), colon):
            if kind == 0 and m_end >= colon - 1 and self._outside_quotes(m_start):
                return Speaker(entity.name, "person", entity)
        return None

    def signed(self, after: int) -> Speaker | None:
        """The person a quote is signed with: the quote, then ``- Name, 34, of Place`` (vox pops)."""
        dash = _SIGNATURE.match(self.masked, after, after + 8)
        if dash is None:
            return None
        for m_start, _m_end, kind, entity in self.mentions_within(dash.end(), dash.end() + 80):
            if m_start == dash.end() and kind == 0:
                return Speaker(entity.name, "person", entity)
            break
        return None

    def sentence_subject(self, start: int, before: int) -> Speaker | None:
        """The person a sentence is about, when it opens with them and a verb follows.

        For quoted words inside reported speech without a cue ('Clinton celebrated, declaring it
        "another super Tuesday"'): the sentence's subject is the one quoted. An opening phrase
        before a comma ("On Monday, ...") and an appositive after the name are skipped.
        """
        start = max(start, before - REACH)
        lead = _OPENING_PHRASE.match(self.masked, start, before)
        if lead:
            start = lead.end()
        match = _PRONOUN_AT.match(self.masked, start, before)
        if match:
            follows = _VERB_AFTER.match(self.masked, match.end(), before)
            return self.pronoun(match.group(1), match.start(1)) if follows else None
        for m_start, m_end, kind, entity in self.mentions_within(start, before):
            if not _subject_prefix(self.masked[start:m_start]):
                return None  # "said that Trump ...": the name is not the subject
            if kind != 0 and self.masked[m_start:m_end] != entity.name:
                continue
            end = m_end
            appositive = _APPOSITION.match(self.masked, end, before)
            if appositive:
                end = appositive.end()
            if _VERB_AFTER.match(self.masked, end, before):
                return Speaker(entity.name, "person" if kind == 0 else "organization", entity)
            return None
        return None

    # -- cues ------------------------------------------------------------------------------
    def cues(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """("verb" | "lead", start, end) reporting cues between offsets, in text order."""
        cues = self._cue_list()
        i = bisect.bisect_left(self._cue_starts, start)
        found = []
        while i < len(cues) and cues[i][1] <= end:
            found.append(cues[i][2])
            i += 1
        return found

    def first_cue(self, start: int, end: int, kind: str | None = None) -> tuple[str, int, int] | None:
        """The first cue (of ``kind``) between offsets, without reading the rest of the span."""
        cues = self._cue_list()
        i = bisect.bisect_left(self._cue_starts, start)
        while i < len(cues) and cues[i][1] <= end:
            cue = cues[i][2]
            if kind is None or cue[0] == kind:
                return cue
            i += 1
        return None

    def iter_cues(self, start: int, end: int) -> Iterator[tuple[str, int, int]]:
        """The cues of the tokens lying wholly between ``start`` and ``end``."""
        yield from self.cues(start, end)

    def _cue_list(self) -> list[tuple[int, int, tuple[str, int, int]]]:
        """All cues of the text, found on first use (many texts have no quote to attribute)."""
        if self._cues is None:
            self._cues = self._all_cues()
            self._cue_starts = [cue[0] for cue in self._cues]
        return self._cues

    def _all_cues(self) -> list[tuple[int, int, tuple[str, int, int]]]:
        """(token start, token end, cue) for every token outside quotes that is a reporting cue."""
        found = []
        tokens, masked = self.tokens, self.masked
        forms = _CUE_FORMS
        for i, token in enumerate(tokens):
            word = token.text
            if word not in forms and (word.islower() or word.lower() not in _CUE_WORDS):
                continue  # most tokens: one look-up
            if masked[token.start] == MASK:
                continue
            low = word.lower()
            cue = None
            if low == "according" and i + 1 < len(tokens) and tokens[i + 1].text == "to":
                cue = ("lead", token.start, tokens[i + 1].end)
            elif low == "quoting" or (low == "words" and i and tokens[i - 1].text == "the"):
                cue = ("lead", token.start, token.end + (3 if low == "words" else 0))
            elif low == "by" and i and tokens[i - 1].text in lx.BY_VERBS:
                cue = ("lead", token.start, token.end)  # "described by X as"
            elif word in lx.CHANNEL_VERBS and (
                masked[token.end : token.end + 1] in (":", ",") or masked.startswith(" on ", token.end)
            ):
                cue = ("verb", token.start, token.end)  # "posted on Twitter:"
            elif word in lx.REPORTING_VERBS or (word in CONTINUED and masked[token.end : token.end + 1] in ":,"):
                cue = ("verb", token.start, token.end)
            elif word in PHRASAL_CUES and masked.startswith(PHRASAL_CUES[word], token.end):
                cue = ("verb", token.start, token.end + len(PHRASAL_CUES[word]))  # "pointed out", "shot back"
            elif word[0].isupper() and low in CAPITALISED_CUES:
                cue = ("verb", token.start, token.end)  # "Continued Stone:", "Said Dorothy Poynter,"
            elif word in ("statement", "statements") and i > 1 and tokens[i - 2].text in STATEMENT_VERBS:
                verb = tokens[i - 2]  # "X issued a statement"
                cue = ("verb", verb.start, verb.end)
            elif (
                word in lx.REPORTING_NOUN_LIKE
                and i
                and (tokens[i - 1].cap or tokens[i - 1].lower in ("he", "she", "it"))
            ):
                cue = ("verb", token.start, token.end)
            if cue is not None:
                found.append((token.start, token.end, cue))
        return found

    def from_cues(self, floor: int, end: int, limit: int) -> Speaker | None:
        floor = max(floor, end - REACH)
        for kind, start, stop in reversed(self.cues(floor, end)):
            if kind == "lead":
                found = self.object_after(stop, limit)
            elif self.masked[start:stop].endswith("ing") and self.masked[floor:start].rstrip().endswith(","):
                first = max(self.sentences[self.sentence_index(start)][0], start - REACH)
                verb = self.first_cue(first, start, "verb")
                found = self.subject_before(first, verb[1]) if verb else None
            else:
                found = self.subject_before(floor, start)
                if found is None and not self.masked[floor:start].strip(" ,\"“”'"):
                    found = self.object_after(stop, limit)  # said X, the minister
            if found is not None:
                return found
        return None

    def cued(self, quote: RawQuote, floor: int, limit: int, window: int = 14) -> bool:
        """Whether a reporting cue frames the quote, even one whose speaker is unknown ("she said")."""
        if window == 14 and self.first_cue(floor, quote.open_mark):
            return True
        if quote.close_mark is None:
            return False
        after = self.first_cue(quote.close_mark + 1, limit)
        return after is not None and len(self.masked[quote.close_mark + 1 : after[1]].split()) <= window

    def unknown_name_after(self, quote: RawQuote, limit: int) -> bool:
        """Whether a capitalised word and a cue follow the quote ('" Cuban said'): a speaker is named."""
        if quote.close_mark is None:
            return False
        match = _NAME_THEN_CUE.match(self.masked, quote.close_mark + 1, limit)
        if match is None or match.group(1) in _PRONOUNS:
            return False
        return self.first_cue(match.start(1), match.end()) is not None

    def after_quote(self, quote: RawQuote, limit: int) -> Speaker | None:
        if quote.close_mark is None:
            return None
        start = quote.close_mark + 1
        lead = LEAD.match(self.masked, start, max(start, limit))
        offset = lead.end() if lead else start
        cue = self.first_cue(offset, limit)
        if cue is None or len(self.masked[offset : cue[1]].split()) > 6:
            # Verbs that report only right after a quote ('" Kelly charged', '" Trump went on').
            after = _AFTER_QUOTE_VERB.match(self.masked, offset, limit)
            if after:
                return self.subject_before(offset, offset + len(after.group(1)))
        if cue is None:
            return None
        kind, c_start, c_end = cue
        if len(self.masked[offset:c_start].split()) > 14:
            return None
        if kind == "lead" or not self.masked[offset:c_start].strip():
            return self.object_after(c_end, limit)
        return self.subject_before(offset, c_start)


QUANTITIES = frozenset(["thousands", "hundreds", "millions", "billions", "dozens", "scores", "tens"])
SMALL_WORDS = frozenset(
    ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "vs", "vs.", "de", "la", "le", "du"]
)


def title_like(text: str) -> bool:
    """Names of things (sites, robots, awards, sections): every significant word capitalised."""
    words = re.findall(r"[\w'’.-]+", text)
    significant = [w for w in words if w.lower() not in SMALL_WORDS]
    if not significant or len(words) > 6:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


def attribute(body: str, quotes: list[RawQuote], att: Attributor, paragraphs: list[tuple[int, int]]) -> list:
    """(speaker or None, scare, reason) for each quote, in the order of ``quotes``.

    The reason says how the speaker was found (see ``REASONS``).
    """
    results: list[tuple[Speaker | None, bool, str]] = []
    primary = [i for i, q in enumerate(quotes) if q.depth == 0]
    # Primary quotes' opening marks strictly increase in list order, so the quotes of one sentence or
    # span are a slice of ``primary`` found by bisection (a scan of all quotes per quote is quadratic).
    marks = [quotes[j].open_mark for j in primary]
    sentence_of = [att.sentence_index(mark) for mark in marks]
    rank = {j: k for k, j in enumerate(primary)}
    leads_in = [att.masked[a:b].rstrip().endswith((":", ",")) for a, b in paragraphs]  # "... X said:"
    last_cache: dict[tuple[int, int], int | None] = {}  # quotes of earlier sentences are settled
    for i, quote in enumerate(quotes):
        text = body[quote.start : quote.end]
        words = text.split()
        if quote.depth == 1:
            parent = results[quote.parent][0] if quote.parent is not None and quote.parent < len(results) else None
            short = len(words) <= 4
            results.append((parent, short, "term" if short else ("nested" if parent else "none")))
            continue
        sentence = att.sentence_index(quote.open_mark)
        s_start, s_end = att.sentences[sentence]
        k = rank[i]
        prev = primary[k - 1] if k > 0 and sentence_of[k - 1] == sentence else None
        nxt = primary[k + 1] if k + 1 < len(primary) and sentence_of[k + 1] == sentence else None
        floor = s_start
        if prev is not None:
            closing = quotes[prev].close_mark
            floor = closing + 1 if closing is not None else quotes[prev].end
        limit = quotes[nxt].open_mark if nxt is not None else s_end
        reason = "named"
        speaker = att.after_quote(quote, limit)
        if speaker is None and nxt is None and text[-1] in "!?." and sentence + 1 < len(att.sentences):
            extended = _told_after_mark(att, quote, sentence, primary, marks, k)
            if extended is not None:
                limit = extended
                speaker = att.after_quote(quote, limit)
        said_after = speaker is not None
        if speaker is None:
            speaker = att.from_cues(floor, quote.open_mark, quote.open_mark)
        if speaker is None:
            speaker = att.colon_name(floor, quote.open_mark)  # "- Philip Bump: "...""
        if speaker is None and quote.close_mark is not None:
            speaker = att.signed(quote.close_mark + 1)
            reason = "vox-pop" if speaker else reason
        # '"..." Cuban said' with a speaker the article never names as a person: a new speaker, so
        # none of the carried-over ones below.
        named_unknown = speaker is None and att.unknown_name_after(quote, limit)
        if speaker is None and prev is not None:
            speaker, reason = results[prev][0], "previous-quote"
        opens_sentence = not att.masked[floor : quote.open_mark].strip(" ,\"“”‘’'«»\n")
        paragraph = quote.paragraph
        if speaker is None and opens_sentence and sentence > 0 and not named_unknown:
            p_start, p_end = att.sentences[sentence - 1]
            if paragraphs[paragraph][0] <= p_start:
                span = (p_start, min(p_end, quote.open_mark))
                if span not in last_cache:
                    last_cache[span] = _last_with_speaker(primary, marks, results, *span)
                last = last_cache[span]
                if last is not None and not results[last][1]:
                    speaker, reason = results[last][0], "previous-quote"
                elif last is None:
                    # "Obama defended the deal. "It is the best we could get."": the sentence before
                    # reports or paraphrases its subject.
                    speaker = att.from_cues(p_start, p_end, p_end) or att.sentence_subject(p_start, p_end)
                    reason = "previous-sentence"
        if (
            speaker is None
            and not named_unknown
            and paragraph > 0
            and (quote.continued or (opens_sentence and s_start <= paragraphs[paragraph][0] + 1))
        ):
            speaker, reason = (
                _from_previous_paragraph(
                    att, quotes, results, primary, marks, i, paragraphs[paragraph - 1], leads_in[paragraph - 1]
                ),
                "previous-paragraph",
            )
        if speaker is None and not opens_sentence and not named_unknown:
            speaker, reason = att.sentence_subject(floor, quote.open_mark), "paraphrase"
        if speaker is None:
            reason = "none"
        elif reason == "named" and speaker.via != "named":
            reason = speaker.via
        scare = False
        spoken = said_after or (text[-1] in ",.!?…" and att.cued(quote, floor, limit, window=3))
        if title_like(text) and not spoken:
            scare, speaker = True, None
        elif len(words) == 1 and words[0].lower().strip(".,;:!?") in QUANTITIES:
            scare = True  # "thousands" more Belarusians
        elif len(words) <= 4 and speaker is None and not att.cued(quote, floor, limit):
            scare = True
        if scare:
            reason = "term"
        elif reason == "named" and not said_after and _inside_paraphrase(att, text, floor, quote.open_mark):
            reason = "paraphrase"  # words quoted inside reported speech: 'Trump said it was "rigged"'
        results.append((speaker, scare, reason))
    return results


def _inside_paraphrase(att: Attributor, text: str, floor: int, mark: int) -> bool:
    """Whether a quote is a fragment set in the writer's own words, not speech right after its cue."""
    if text[:1].isupper():
        return False
    start = max(floor, mark - 40)
    lead = att.masked[start:mark].rstrip(" ,:\"“‘'")
    if lead.endswith(" that"):
        lead = lead[:-5].rstrip()
    lead_end = start + len(lead)
    cues = att.cues(start, lead_end)
    return not cues or cues[-1][2] != lead_end  # "said "the ..."" is speech; "said it was "rigged"" is not


def _told_after_mark(att: Attributor, quote: RawQuote, sentence: int, primary, marks, k: int) -> int | None:
    """The end of the next sentence when it only attributes the quote ('"Get out!" Trump told them.').

    A quote's own ``!`` or ``?`` ends the sentence before its ``X told``: the attribution counts when a
    cue comes within four words of the closing mark. After a ``.`` only a short sentence that names
    the speaker and ends ('"..." Mr. Prince said.') counts. Every look is bounded, so a giant next
    sentence costs no more than a short one.
    """
    if quote.close_mark is None:
        return None
    n_start, n_end = att.sentences[sentence + 1]
    if att.masked[quote.close_mark + 1 : n_start].strip(" \"”’'"):
        return None
    if k + 1 < len(primary) and marks[k + 1] < n_end:
        if att.body[quote.end - 1] == ".":
            return None  # the next sentence attributes its own quote ('Mr. Zahed said: "..."')
        n_end = marks[k + 1]
    cue = att.first_cue(n_start, min(n_end, n_start + 200))
    if cue is None:
        return None
    subject = att.masked[n_start : cue[1]].split()
    if len(subject) > 4:
        return None
    tail = att.masked[cue[2] : min(n_end, cue[2] + 80)]
    if att.body[quote.end - 1] == "." and (
        cue[0] != "verb"
        or not subject
        or not all(word[0].isupper() for word in subject)
        or n_end > cue[2] + 80
        or len(tail.split()) > 3
        or "," in tail
    ):
        return None  # '"We won." Smith said the count ...' is a new statement, not this one's attribution
    return n_end


def _last_with_speaker(primary: list[int], marks: list[int], results: list, start: int, end: int) -> int | None:
    """The last primary quote opening in ``start``..``end`` whose speaker is known."""
    k = bisect.bisect_left(marks, end) - 1
    while k >= 0 and marks[k] >= start:
        if results[primary[k]][0]:
            return primary[k]
        k -= 1
    return None


def _from_previous_paragraph(att: Attributor, quotes, results, primary, marks, i, span, leads_in) -> Speaker | None:
    p_start, p_end = span
    last_sentence = att.sentences[att.sentence_index(max(p_start, p_end - 1))]
    if leads_in:
        return att.from_cues(max(p_start, last_sentence[0]), p_end, p_end)
    k = bisect.bisect_left(marks, min(p_end, quotes[i].open_mark)) - 1
    if k >= 0 and marks[k] >= p_start:
        last = primary[k]
        speaker, scare, _reason = results[last]
        if speaker is not None and not scare and quotes[last].open_mark >= last_sentence[0] - 1:
            return speaker
        if (
            speaker is not None
            and not scare
            and att.sentence_index(quotes[last].open_mark) >= att.sentence_index(last_sentence[0]) - 1
        ):
            return speaker
        return None
    # No quote in the paragraph before: its last sentence introduces the speaker by a reporting verb
    # or as its subject ("Obama spoke about the economy on Monday." then a quote paragraph).
    s_start = max(p_start, last_sentence[0])
    return att.from_cues(s_start, p_end, p_end) or att.sentence_subject(s_start, p_end)


# How each speaker was found, and how far to trust it. The levels follow measured speaker accuracy
# (PolNeAR and the gold set, the table in docs/analysis.md): high is right about 97% of the time,
# medium 75-95%; low says no speaker was found, so the quote needs a reader's eye.
CONFIDENCE = {
    "named": "high",  # named next to a reporting cue in the quote's sentence
    "previous-quote": "high",  # no attribution of its own: the speaker of the quote just before
    "vox-pop": "high",  # the quote, then "- Name, 34, of Place"
    "pronoun": "medium",  # he/she/it next to the cue, resolved to the nearest fitting name before
    "paraphrase": "medium",  # a few words quoted inside the reported speech of the sentence's subject
    "previous-sentence": "medium",  # introduced by the sentence before ("X defended the deal.")
    "previous-paragraph": "medium",  # introduced by the paragraph before, or a quote running on
    "nested": "medium",  # a quote inside a quote: said by the outer quote's speaker
    "term": "low",  # flagged as a quoted term or title: PolNeAR counts half of them as quotes
    "none": "low",  # no speaker found
}
