"""Who said each quote: reporting verbs before or after it, pronouns, quotes that continue.

The speaker is the person or organisation the sentence attributes the quote to; when the article
does not say, the speaker stays None rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from reader.analysis import lexicon as lx
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.speaker_lookup import REACH, MentionIndex, Speaker
from reader.analysis.tokens import ABBREVIATIONS, Token

__all__ = ["AFTER_QUOTE_VERB", "NAME_AND_APPOSITIVE", "REACH", "Attributor", "Speaker", "attribute"]

AUXILIARIES = lx._words(
    "also later then further again recently previously once has have had was were is are been would will "
    "too himself herself themselves itself even still just now only first "
    "reportedly allegedly repeatedly publicly simply firmly quickly angrily proudly subsequently"
)
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "He bluntly said"
LONGEST_AUXILIARY = 16  # the longest auxiliary or adverb skipped before a verb
RELATIVE = re.compile(r"^\s*(?:who|which|whose|that|whom|where)\b")
# One or two clause words before the subject ("but he replied", "But as The Hill pointed out").
CLAUSE_WORDS = re.compile(
    r"\s*(?:(?:but|But|And|Yet|while|whereas|as|As|and|when|after|before|because|although|though|so)\s+){1,2}"
)
_WHERE_NAME = re.compile(r"\s*(?:where|when)\s+(?=[A-Z])")
_SUBORDINATE = re.compile(
    r"(?<![\w'’-])(?:because|whereas|although|though|when|while|after|before|since|until|unless|once)\s+"
)
_CLAUSE_WORD_ONLY = re.compile(r"\s*(?:but|and|yet|so|then)\s*")
_PRONOUN_AT = re.compile(r"\s*(he|she|it|they|He|She|It|They)\b")  # for match(text, pos): "^" holds at 0 only
LEAD = re.compile(r"[\s,;—–-]*")
_CUTS = re.compile(r"[,;:—–()]")
_OBJECT_END = re.compile(rf"[.;:!?]\s|[.;:!?]$|\bthat\b|{MASK}")
AFTER_QUOTE_VERB = re.compile(
    r"((?:[\w.'’-]+\s+){1,5}?)(?:continued|went on|shot back|fired back|chimed in|charged|pressed|offered|"
    r"interjected|cracked|gushed|fumed|chided|scolded|mused|marveled|marvelled|recalled|explained|"
    r"questioned|wondered|asks|barked|snapped|growled|started|began|bragged|confided|deadpanned|teased)\b"
)
_NAME_THEN_CUE = re.compile(r"[\s,]*([A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2}\s+[a-z]+")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my"})
_TOLD = frozenset({"told", "tells", "tell", "telling"})
_PRONOUNS = frozenset({"He", "She", "It", "They", "I", "We", "You", "The", "This", "That", "A", "An"})
_CHANNEL_AFTER_NAME = re.compile(r",?\s+(?:in|on|at|during|to)\s+[^,.;:!?]{1,40}|\s*\([A-Z][\w.]{0,5}-?[\w.]{0,8}\)\s*")
_THEIR_WORDS = re.compile(
    r"['’]s?\s+(?:response|reply|answer|message|retort|verdict|reaction|advice|explanation|words|statement|tweet)"
    r"(?:\s+(?:was|is|were|read|reads))?\s*"
)
_THEIR_CLAIM = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+){0,3}?(?:response|reply|answer|message|argument|claim|point|line|position|promise|"
    r"pledge|slogan|phrase|mantra|refrain|explanation|excuse|defen[cs]e|retort|verdict|assessment|view|complaint)"
    r"\s+(?:\w+\s+){0,6}?(?:was|is|has been|had been)\b"
)
# "Stacy Baker of Columbia, South Carolina said": a place of one or two words after "of Place,"
_PLACE_WORDS = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+\.?\s*")
_OF_PLACE = re.compile(r"\bof\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s*,$")
_LISTENER_BEFORE = re.compile(r"\b(?:to|with)\s+(?:[A-Z][a-z]{0,4}\.\s+)?$")
_NAME_BEFORE_COLON = re.compile(r"(?:^|[-—–•]\s*|\n)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*$")
_VENUE_BEFORE = re.compile(r"\b(?:on|to|with|in|at|by|from|for|via)\s+(?:the\s+)?$")
_SIGNATURE = re.compile(r"\s*[-—–]+\s*")
_OPENING_PHRASE = re.compile(
    r"[^,;:!?\n]{1,100},\s+(?=[A-Z])"  # "After former Gov. Jerry Brown spoke, "
    r"|(?:Then|Later|Now|Still|Instead|Meanwhile|Earlier|Afterward|Afterwards|Again)\s+(?=[a-zA-Z])"
)
_APPOSITION = re.compile(
    r",[^;:!?]{1,120}?,(?=\s+[a-z])"  # ", who is a pastor at X, Colorado,"
    r"|\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s+[a-z])"  # "Angela Merkel of Germany"
    r"|\s*\([A-Z][\w.]{0,5}-?[\w.]{0,8}\)(?=\s+[a-z])"  # "Rep. Hakeem Jeffries (D-N.Y.) reacted"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# When the subject spoke, between the subject and its verb ("Trump on Thursday said", "X last week argued").
_WHEN = (
    rf"(?:\s+(?:on\s+|early\s+|late\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:last|this)\s+(?:week|month|year))"
)
_VERB_AFTER = re.compile(rf"{_WHEN}?\s+(?!(?:of|and|or|in|at|on|for|to|from|with|by)\b)[a-z]{{2,}}\b")
_WHEN_AT_END = re.compile(rf"{_WHEN}\s*$")
# "Peter Ash, Trump's spokesman, said": the appositive names whose spokesman he is, not the speaker
_POSSESSOR_ROLE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*['’]s?\s+[a-z]")
_APPOSITIVE = re.compile(
    r"\s*(?!(?:but|and|while|whereas|as|when|after|before|because|although|though|so|then)\s)[a-z]"
)
_NOUN_BEFORE = re.compile(r"(?:['’]s|s['’]|\b(?:the|a|an))\s+$")  # "Trump's remarks", "Francis' remarks"
_PARTICIPLE = re.compile(
    r"\s+(?!(?:during|including|following|regarding|concerning|according|excluding|pending|hearing|meeting|"
    r"briefing|building|morning|evening|wedding|funding|spending|ruling|something|nothing|everything|anything)\b)"
    r"(?=[a-z]{3,}ing\b)"
)  # the gap between a name and its -ing verb
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[A-Z][a-z]{0,4}\.\s+)?$")  # "with (the) (Sen.) X"
# A person the sentence does not name, opening it ("The Badr-6 programme manager", "A spokesperson").
_UNNAMED_SUBJECT = re.compile(r"(?:The|A|An|One|Another)((?:\s+[\w'’.-]+){1,4})")
_HEAD_WORDS = re.compile(r"\b[a-z]+\b")
_FOR_ORG = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?")
_TITLE_GOES_ON = re.compile(r" [A-Z][\w.'’-]*")
_TITLED_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){0,5}[A-Z][\w'’-]*")
_LEAD_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*(?=\s+[a-z])")
# A clause of its own after a quote: its subject's cue reports that clause, not the quote.
_NEW_CLAUSE = re.compile(r"\s*(?<![\w'’-])(?:and|but|while|whereas)\s+(?=[A-Z])")
# A name and its appositive before a cue, however long the appositive: "Jane Roe, an adviser to ..., said".
NAME_AND_APPOSITIVE = re.compile(rf"\s*(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'’-]*,[^;:!?\n{MASK}]{{1,200}},\s*")
_FIRST_WORD = re.compile(r"([a-z][\w'’-]*)")
# Words opening a speaker the article does not name ("a relative", "one official", "another aide").
_UNNAMED = frozenset({"a", "an", "one", "another", "two", "three", "several", "some"})
# Words after a quote that carry on the writer's sentence ('"not ready" to support Trump'), not a subject.
_CONTINUATIONS = lx._words(
    "to with for in on at from of and but or about than that which because over into against while "
    "without through after before since until among between toward towards"
)
_ABBREVIATED = re.compile(r"([\w.]+)\.$")


_DESCRIBERS = lx._words(
    "former late then acting top senior nominee frontrunner front-runner hopeful challenger incumbent rival "
    "contender presidential republican democratic party state "
    "citizen motorist eyewitness passenger voter commuter bystander"  # "US citizen Jane Doe thought"
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
    """``text`` without trailing auxiliaries and adverbs ("X has also said"), each after whitespace, and
    a time before them ("X on Monday said", "X last week told").

    Read from the end: a regular expression anchored at the end tries every position of the text, so
    the time is looked for in the last few characters only.
    """
    end, cut = len(text.rstrip()), None
    while True:
        tail = max(0, end - 40)
        when = _WHEN_AT_END.search(text, tail, end)
        if when is not None:
            end = cut = when.start()
            continue
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


class Attributor(MentionIndex):
    """Reads the sentence around a cue or a quote for the span that names its speaker."""

    def __init__(
        self,
        body: str,
        masked: str,
        tokens: list[Token],
        sentences: list[tuple[int, int]],
        people: list[PersonEntity],
        orgs: list[OrgEntity],
    ) -> None:
        super().__init__(body, masked, tokens, sentences, people, orgs)
        self._subjects: dict[tuple[int, int], Speaker | None] = {}

    # -- subjects --------------------------------------------------------------------------
    def subject_before(self, floor: int, verb: int) -> Speaker | None:
        """The speaker named before a reporting verb, skipping appositives (", a former official,").

        Remembered: the quotes and the sources ask it of the same cues.
        """
        floor = max(floor, verb - REACH)
        key = (floor, verb)
        if key not in self._subjects:
            self._subjects[key] = self._subject_before(floor, verb)
        return self._subjects[key]

    def _subject_before(self, floor: int, verb: int) -> Speaker | None:
        text = _without_auxiliaries(self.masked[floor:verb]).rstrip()
        end = floor + len(text)
        cuts = [floor - 1] + [floor + m.start() for m in _CUTS.finditer(text)]
        head_start = cuts[-1] + 1
        if self.masked[head_start:end].strip():
            found = self._clause(head_start, end)  # "... Najib Razak said"
            place = (
                found is None
                and _PLACE_WORDS.fullmatch(self.masked, head_start, end)
                and _OF_PLACE.search(self.masked, max(floor, head_start - 60), head_start)
            )
            if found is not None or not (_CLAUSE_WORD_ONLY.fullmatch(self.masked, head_start, end) or place):
                return found
            # "X used to support Y, but now said": the subject is the earlier clause's; "Stacy Baker of
            # Columbia, South Carolina says": the state ends the name's place, and the name is before it
        segments = [(a + 1, b) for a, b in pairwise(cuts)][::-1][:4]
        # "..., where Senate Leader Harry Reid (D-Nev.) told reporters": that clause has its own subject
        segments = [(m.end(), b) if (m := _WHERE_NAME.match(self.masked, a, b)) else (a, b) for a, b in segments]
        segments = [seg for seg in segments if not RELATIVE.match(self.masked[seg[0] : seg[1]])]
        # "Pavel Latushko, a former Belarusian official, commented": the name, not a name inside the
        # lowercase appositive ("head of the Congressional Black Caucus", "the wife of ...").
        named = [
            seg
            for seg in segments
            if not _APPOSITIVE.match(self.masked, seg[0], seg[1]) and not _POSSESSOR_ROLE.match(self.masked, *seg)
        ]
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
        else:
            # "X's move is notable because House Speaker Paul Ryan has said": the subordinate clause's subject
            inner = max((m.end() for m in _SUBORDINATE.finditer(self.masked, start, end)), default=None)
            if inner is not None and self.masked[inner:end].strip():
                start = inner
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
            if not self._outside_quotes(m_start):
                continue
            # "Philip Bump:", "Clinton in December 1992:", "Obama, in a statement:", "Pew Research:"
            if kind == 1 and _VENUE_BEFORE.search(self.masked, max(floor, m_start - 8), m_start):
                continue  # "later that month on CNN:": the venue, not the speaker
            if kind == 0 and _LISTENER_BEFORE.search(self.masked, max(floor, m_start - 16), m_start):
                continue  # "delivered a blunt message to Trump:": the listener
            if (
                m_end >= colon - 1
                or (kind == 0 and _CHANNEL_AFTER_NAME.fullmatch(self.masked, m_end, colon))
                or _THEIR_WORDS.fullmatch(self.masked, m_end, colon)  # "Clinton's response was:"
            ):
                return Speaker(entity.name, "person" if kind == 0 else "organization", entity)
        # a name no list knows, alone before the colon ("- HuffPollster:", "Continued Stone:" aside)
        lead = _NAME_BEFORE_COLON.search(self.masked, max(floor, colon - 60), colon)
        if lead is not None:
            named = self.unlisted.entity(lead.start(1), colon)
            if named is not None:
                return Speaker(named[1].name, named[0], named[1])
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
        if lead and not self._person_ends(self.masked.rfind(",", start, lead.end())):
            start = lead.end()  # not "Senate Leader Mitch McConnell, R-Ky., delivered": that is the subject
        match = _PRONOUN_AT.match(self.masked, start, before)
        if match:
            follows = _VERB_AFTER.match(self.masked, match.end(), before)
            return self.pronoun(match.group(1), match.start(1)) if follows else None
        # A name no list knows opening the sentence, after any opening phrase ("At the debate, Sanders
        # compared himself to Clinton, saying"), when a lowercase verb follows it.
        name = _LEAD_NAME.match(self.masked, start, before)
        if name and not any(True for _ in self.mentions_within(start, name.end())):
            named = self.unlisted.entity(start, name.end())
            if named is not None and _VERB_AFTER.match(self.masked, name.end(), before):
                return Speaker(named[1].name, named[0], named[1])
        # The subject opens the sentence or a clause after a comma ("In his speech, a tribute to
        # Kerry, Mr. Obama decried the ..."); "said that Trump ..." has no subject there.
        for tried, (m_start, m_end, kind, entity) in enumerate(self.mentions_within(start, before)):
            if tried == 6:
                break
            before_name = self.masked[start:m_start]
            clause = max(before_name.rfind(c) for c in ",;—–(")  # also after a dateline's dash
            if not _subject_prefix(before_name[clause + 1 :]) or not self._outside_quotes(m_start):
                if clause < 0:
                    return None
                continue
            if kind != 0 and self.masked[m_start:m_end] != entity.name:
                continue
            end = m_end
            appositive = _APPOSITION.match(self.masked, end, before)
            if appositive:
                end = appositive.end()
            if _VERB_AFTER.match(self.masked, end, before) or (
                kind == 0 and _THEIR_CLAIM.match(self.masked, m_end, before)  # "X's catch phrase was that"
            ):
                return Speaker(entity.name, "person" if kind == 0 else "organization", entity)
            if clause < 0 and not (kind == 1 and _TITLE_GOES_ON.match(self.masked, m_end, before)):
                return None  # but "Senate Majority Leader Mitch McConnell, R-Ky., delivered": the name is next
        return None

    def _person_ends(self, at: int) -> bool:
        """Whether a listed person's mention ends at ``at``."""
        return any(m[1] == at and m[2] == 0 for m in self.mentions_within(max(0, at - 60), at))

    def unlisted_subject(self, start: int, before: int) -> PersonEntity | None:
        """A name no list knows opening the sentence, with its title and an appositive, before a verb
        ("Secretary of State Jane Roe felt", "Naoto Kan, the prime minister, expressed"): what a he or
        she in the sentences after it stands for when the sentence names no listed person."""
        start = max(start, before - REACH)
        lead = _OPENING_PHRASE.match(self.masked, start, before)
        if lead:
            start = lead.end()
        name = _TITLED_NAME.match(self.masked, start, before)
        if name is None:
            return None
        end = name.end()
        appositive = _APPOSITION.match(self.masked, end, before)
        if not _VERB_AFTER.match(self.masked, appositive.end() if appositive else end, before):
            return None
        named = self.unlisted.entity(start, end)
        return named[1] if named is not None and isinstance(named[1], PersonEntity) else None

    def unnamed_subject(self, start: int, before: int) -> tuple[Speaker | None] | None:
        """A person the sentence does not name opening it ("The programme manager stated", "A spokesman
        for the agency, the X, said"): the he or she after it is that person, who speaks for the
        organisation after "for" or "of" if one is named there (else no one)."""
        start = max(start, before - REACH)
        lead = _OPENING_PHRASE.match(self.masked, start, before)
        if lead:
            start = lead.end()
        phrase = _UNNAMED_SUBJECT.match(self.masked, start, before)
        if phrase is None:
            return None
        head = next(
            (w for w in _HEAD_WORDS.finditer(self.masked, phrase.start(1), phrase.end()) if w[0] in lx.ROLE_NOUNS), None
        )
        if head is None:
            return None
        for m_start, _m_end, kind, entity in self.mentions_within(head.end(), min(before, head.end() + 60)):
            if kind == 1 and _FOR_ORG.fullmatch(self.masked, head.end(), m_start):
                return (Speaker(entity.name, "organization", entity, "pronoun"),)
            break
        return (None,)

    # -- cues (found by ``CueIndex``) -------------------------------------------------------
    def from_cues(self, floor: int, end: int, limit: int) -> Speaker | None:
        floor = max(floor, end - REACH)
        for kind, start, stop in reversed(self.cues(floor, end)):
            if kind == "lead":
                found = self.object_after(stop, limit)
            elif self.masked[start:stop].endswith("ing") and self.masked[floor:start].rstrip().endswith(","):
                found = self.participle_speaker(start)
            elif _NOUN_BEFORE.search(self.masked, max(floor, start - 8), start):
                continue  # "Trump's remarks", "his claims": a noun, whose possessor is no speaker
            else:
                found = self.subject_before(floor, start)
                if found is None and (
                    not self.masked[floor:start].strip(" ,\"“”'") or self._inverted_before(floor, start, stop, end)
                ):
                    found = self.object_after(stop, limit)  # said X, the minister
            if found is not None:
                return found
        return None

    def participle_speaker(self, start: int) -> Speaker | None:
        """Whose a participle cue is ("Sanders compared himself to Clinton, saying"): the subject of the
        sentence, before the subject of its first cue verb ("visited NBC's show to discuss" is not NBC's).
        """
        first = max(self.sentences[self.sentence_index(start)][0], start - REACH)
        found = self.sentence_subject(first, start)
        if found is None:
            verb = self.first_cue(first, start, "verb")
            found = self.subject_before(first, verb[1]) if verb else None
        return found

    def _inverted_before(self, floor: int, start: int, stop: int, end: int) -> bool:
        """Whether an inverted cue after a comma leads to the quote ("Because of the calendar, explained
        Rosenberg, "...""): a comma before the cue, a few words and a comma or colon after it."""
        if not self.masked[floor:start].rstrip().endswith(","):
            return False
        gap = self.masked[stop:end].rstrip(" \"“‘'")
        return gap.endswith((",", ":")) and 0 < len(gap.split()) <= 4

    def unknown_name_after(self, quote: RawQuote, limit: int) -> bool:
        """Whether a capitalised word and a cue follow the quote ('" Cuban said'): a speaker is named."""
        if quote.close_mark is None:
            return False
        match = _NAME_THEN_CUE.match(self.masked, quote.close_mark + 1, limit)
        if match is None or match.group(1) in _PRONOUNS:
            return False
        return self.first_cue(match.start(1), match.end()) is not None

    def unnamed_after(self, quote: RawQuote, limit: int) -> bool:
        """Whether the cue after the quote has a speaker nobody names ('" said a relative', '" an adviser
        to the team told the paper'): the quote is attributed, to no one a rule could carry over."""
        if quote.close_mark is None:
            return False
        lead = LEAD.match(self.masked, quote.close_mark + 1, limit)
        offset = lead.end() if lead else quote.close_mark + 1
        cue = self.first_cue(offset, min(limit, offset + 120))
        if cue is None or cue[0] != "verb":
            return False
        before = _FIRST_WORD.match(self.masked, offset, cue[1])
        if self.masked[offset : cue[1]].strip():
            return (
                before is not None
                and before.group(1) in _UNNAMED
                and len(self.masked[offset : cue[1]].split()) <= 8
                and "," not in self.masked[offset : cue[1]]
            )
        after = _FIRST_WORD.match(self.masked, cue[2] + 1, limit)
        return after is not None and after.group(1) in _UNNAMED and cue[2] + 1 == after.start()

    def after_quote(self, quote: RawQuote, limit: int) -> Speaker | None:
        if quote.close_mark is None:
            return None
        start = quote.close_mark + 1
        lead = LEAD.match(self.masked, start, max(start, limit))
        offset = lead.end() if lead else start
        cue = self.first_cue(offset, limit)
        if cue is None or len(self.masked[offset : cue[1]].split()) > 6:
            # Verbs that report only right after a quote ('" Kelly charged', '" Trump went on').
            after = AFTER_QUOTE_VERB.match(self.masked, offset, limit)
            if after:
                return self.subject_before(offset, offset + len(after.group(1)))
        if cue is None:
            return None
        kind, c_start, c_end = cue
        if len(self.masked[offset:c_start].split()) > 14 and not NAME_AND_APPOSITIVE.fullmatch(
            self.masked, offset, c_start
        ):
            return None  # but '" Douglas Holtz-Eakin, an economic adviser to ... Office, said' names the speaker
        if kind == "lead" or not self.masked[offset:c_start].strip():
            if kind == "verb" and self.masked[c_start:c_end].endswith("ing"):
                # '"a sad time", telling the BBC': the sentence's subject speaks, the BBC listens; read
                # from the sentence's subject, as a paraphrase is (medium, not high)
                found = self.participle_speaker(quote.open_mark)
                return replace(found, via="paraphrase") if found is not None and found.via == "named" else found
            return self.object_after(c_end, limit)
        first = _FIRST_WORD.match(self.masked, offset, c_start)
        if first and first.group(1) in _CONTINUATIONS:
            # '"not ready" to support Trump's bid, but lamented': the writer's sentence goes on, and a
            # name in it is no speaker; only an inverted cue after a comma names one ('..., said Kunin')
            gap = self.masked[offset:c_start].rstrip()
            if gap.endswith(","):
                return self.object_after(c_end, limit)
            comma = gap.rfind(",")  # '"..." in comparison to Obama, Gingrich said'
            if comma < 0 or _NEW_CLAUSE.match(self.masked, offset + comma + 1, c_start):
                return None  # '"glow in the dark," for instance, and Trump vowed': the next clause's cue
            return self._clause(offset + comma + 1, c_start)
        inverted = self.masked[offset:c_start].rstrip().endswith(",")
        # not '" the spokesman, Federico Lombardi, told Vatican Radio': that opens with the speaker, and
        # after "told" comes the listener
        gap_word = _FIRST_WORD.match(self.masked, offset, c_start)
        goes_on = (
            gap_word is not None
            and gap_word.group(1)[:1].islower()
            and gap_word.group(1) not in _DETERMINERS
            and gap_word.group(1) not in _DESCRIBERS  # '" former mayor Ash and Senator Doe said'
            and gap_word.group(1) not in lx.ROLE_NOUNS
            and self.masked[c_start:c_end] not in _TOLD
        )
        if inverted and goes_on and self.masked[c_end:limit].lstrip()[:1].isupper():
            # '"cleareyed" interpretation of Mr. Kerry's actions, said Michael Kofman': the writer's sentence
            # goes on after the quote; the name after the inverted cue is the speaker, not one before it
            found = self.object_after(c_end, limit)
            if found is not None:
                return found
        if goes_on and _NEW_CLAUSE.search(self.masked, offset, c_start):
            return None  # '"artful smear" regarding her links while Sanders suggests': the next clause's cue
        found = self.subject_before(offset, c_start)
        if found is None and inverted:
            found = self.object_after(c_end, limit)  # '"..." in the 2008 primary, said professor Paul Beck'
        return found

    def participle_subject(self, floor: int, mark: int) -> Speaker | None:
        """The subject of "with X -ing" leading to the quote ('with Sen. John McCain calling it a "..."').

        Only after "with": in "attacked Rubio, saying ..." the participle is the sentence subject's.
        """
        with_at = self.masked.rfind("with", max(floor, mark - 160), mark)
        if with_at < 0:
            return None  # most sentences: no "with" to look behind
        start = with_at  # the last "with" before the quote opens the construction
        for match in reversed(list(_PARTICIPLE.finditer(self.masked, start, mark))):
            name_end = match.start()
            for m_start, m_end, kind, entity in self.mentions_within(max(start, name_end - 80), name_end):
                with_before = _WITH_BEFORE.search(self.masked, max(start, m_start - 40), m_start)
                if m_end == name_end and self._outside_quotes(m_start) and with_before:
                    return Speaker(entity.name, "person" if kind == 0 else "organization", entity)
        return None


def attribute(body: str, quotes: list[RawQuote], att: Attributor, paragraphs: list[tuple[int, int]]) -> list:
    """(speaker or None, scare, reason) for each quote: see ``reader.analysis.attribution``."""
    from reader.analysis.attribution import attribute as attribute_quotes

    return attribute_quotes(body, quotes, att, paragraphs)
