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
from reader.analysis.source_words import DECLINED
from reader.analysis.speaker_lookup import REACH, Speaker
from reader.analysis.speaker_shapes import (
    AFTER_QUOTE_VERB,
    APPOSITIVE,
    CLAUSE_WORD_ONLY,
    CLAUSE_WORDS,
    CONTINUATIONS,
    COORDINATED_VERB,
    CUTS,
    DESCRIBERS,
    DETERMINERS,
    DOCUMENT_BY,
    FIRST_WORD,
    GROUP_NOUNS,
    INTERJECTED,
    LEAD,
    NAME_AND_APPOSITIVE,
    NEW_CLAUSE,
    NOUN_BEFORE,
    OF_PLACE,
    OF_PLACE_CLAUSE,
    PLACE_WORDS,
    POSSESSOR_ROLE,
    RELATIVE,
    SUBORDINATE,
    TOLD,
    VERB_TO,
    WHERE_NAME,
    long_subject,
    quote_closes,
    subject_prefix,
    without_auxiliaries,
)
from reader.analysis.speaker_subjects import SubjectFinder
from reader.analysis.tokens import Token

__all__ = ["REACH", "Attributor", "Speaker", "attribute"]

# A cue that opens a quote at once ('to announce, "..."'): only then is "verb ... to" read as the subject's
_QUOTE_NEXT = re.compile(r"[a-z]+[,:]?\s*[\"“‘']")
_OPEN_ROLE = re.compile(
    r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*),\s+(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*\s*"
)
_PUT_IT = re.compile(r"puts?\s+it\b")


def _adverb(word: str) -> bool:
    """ "also" of "fans also chanted", "loudly" of "fans loudly chanted"."""
    return word == "also" or word.endswith("ly")


_EXAMPLES_CLOSED = re.compile(r",\s+such as\s+(?:the\s+)?[A-Z][^.;:!?]*,$")
_OPENS_SUBORDINATE = re.compile(
    r"\s*(?:While|Although|Though|When|After|Before|Because|Since|Whereas|Once|Unless|Until|If)\s"
)
_PARTICIPLE_JOIN = re.compile(r"(?:,|\band)\s*$")


class Attributor(SubjectFinder):
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
        found = self._named_before(floor, verb)
        if found is not None:
            last = self.masked[max(floor, verb - 40) : verb].split()[-2:]  # the subject's last words
            if last and (last[-1] in GROUP_NOUNS or (len(last) == 2 and last[0] in GROUP_NOUNS and _adverb(last[1]))):
                return None  # "Harbour High School fans chanted": the fans, whom no one names, not the school
        return found

    def _named_before(self, floor: int, verb: int) -> Speaker | None:
        text = without_auxiliaries(self.masked[floor:verb]).rstrip()
        if text.endswith(",") and _EXAMPLES_CLOSED.search(text):
            return None  # "Other countries, such as Britain and Spain, have announced": an example, not the subject
        end = floor + len(text)
        cuts = [floor - 1] + [floor + m.start() for m in CUTS.finditer(text)]
        if MASK in text:  # 'on "Evening Report," Roe said': the quote's own comma ends its clause
            closing = [floor + at + 1 for at in quote_closes(text) if self.body[floor + at] == ","]
            cuts = sorted(cuts + closing) if closing else cuts
        head_start = cuts[-1] + 1
        if len(cuts) > 1 and self.masked[cuts[-1]] == ",":
            before_comma = self.before_comma(cuts, head_start, end)
            if before_comma is not None:
                return before_comma
        if self.masked[head_start:end].strip(" \n'’\"”"):  # not the rest of a title's closing marks ('' put)
            found = self._clause(head_start, end)  # "... Najib Razak said"
            if found is not None and found.kind == "organization":
                found = self.name_of_body(head_start, end) or found  # "Dodds of Time Magazine points out"
            place = found is None and (
                (
                    PLACE_WORDS.fullmatch(self.masked, head_start, end)
                    and OF_PLACE.search(self.masked, max(floor, head_start - 60), head_start)
                )
                or OF_PLACE_CLAUSE.fullmatch(self.masked, head_start, end)
            )
            joined = found is None and (
                COORDINATED_VERB.fullmatch(self.masked, head_start, end)
                or (VERB_TO.fullmatch(self.masked, head_start, end) and _QUOTE_NEXT.match(self.masked, verb))
            )
            if found is not None or not (CLAUSE_WORD_ONLY.fullmatch(self.masked, head_start, end) or place or joined):
                return found
            # "X used to support Y, but now said": the subject is the earlier clause's; "Stacy Baker of
            # Columbia, South Carolina says": the state ends the name's place, and the name is before it
        segments = [(a + 1, b) for a, b in pairwise(cuts)][::-1][:4]
        # "..., where Senate Leader Harry Reid (D-Nev.) told reporters": that clause has its own subject
        segments = [(m.end(), b) if (m := WHERE_NAME.match(self.masked, a, b)) else (a, b) for a, b in segments]
        segments = [seg for seg in segments if not RELATIVE.match(self.masked[seg[0] : seg[1]])]
        # "While Chan's colleagues declined to comment, a staff member ... stated": that clause has its verb
        segments = [seg for k, seg in enumerate(segments) if not (k and self._whole_subordinate(*seg))]
        # "The feud began when Mrs. Roe, in response to ..., accused": the subordinate
        # clause's subject is the verb's
        segments = [(self._after_subordinate(a, b), b) for a, b in segments]
        # "Pavel Latushko, a former Belarusian official, commented": the name, not a name inside the
        # lowercase appositive ("head of the Congressional Black Caucus", "the wife of ...").
        named = [
            seg
            for seg in segments
            if not APPOSITIVE.match(self.masked, seg[0], seg[1])
            and not POSSESSOR_ROLE.match(self.masked, *seg)
            and not INTERJECTED.match(self.masked, *seg)  # "Jane Roe, when asked about Doe, responded"
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

    def _whole_subordinate(self, start: int, end: int) -> bool:
        """Whether a segment is a subordinate clause with a subject and more ("While Chan's colleagues
        declined to comment"), not one whose subject the main verb shares ("Although Jane Roe, ...")."""
        opening = _OPENS_SUBORDINATE.match(self.masked, start, end)
        if opening is None:
            return False
        return sum(word[:1].islower() for word in self.masked[opening.end() : end].split()) > 2

    def _after_subordinate(self, start: int, end: int) -> int:
        """Where the last subordinate clause of a segment opens ("began when Mrs. Roe"), if a
        capitalised word follows it; else the segment's start."""
        inner = max((m.end() for m in SUBORDINATE.finditer(self.masked, start, end)), default=start)
        return inner if inner > start and self.masked[inner : inner + 1].isupper() else start

    def _clause(self, floor: int, end: int) -> Speaker | None:
        text = self.masked[floor:end]
        cut = max(text.rfind(","), text.rfind(";"), text.rfind(":"), text.rfind("—"), text.rfind("("), text.rfind("–"))
        start = floor + cut + 1 if cut >= 0 else floor
        clause = CLAUSE_WORDS.match(self.masked, start)
        if clause and clause.end() <= end:
            start = clause.end()  # "but he replied"
        else:
            # "X's move is notable because House Speaker Paul Ryan has said": the subordinate clause's subject
            inner = max((m.end() for m in SUBORDINATE.finditer(self.masked, start, end)), default=None)
            if inner is not None and self.masked[inner:end].strip():
                start = inner
        if not self.masked[start:end].strip():
            return None
        joined = self.masked.rfind(" and ", start, end)
        if (
            joined > start
            and self.masked[joined + 5 : joined + 6].isupper()
            and any(w[:1].islower() for w in self.masked[start:joined].split())
            and not self.masked[self.masked.rfind(" ", start, joined) + 1 : joined][:1].isupper()  # "Globe and Mail"
        ):
            found = self.resolve(joined + 5, end, head=True)  # "The Post called him a liar and NBC News called"
            if found is not None:
                return found
        return self.resolve(start, end, head=True)

    # -- cues (found by ``CueIndex``) -------------------------------------------------------
    def from_cues(self, floor: int, end: int, limit: int) -> Speaker | None:
        floor = max(floor, end - REACH)
        aside = None  # "X told Y that, according to a Z report, he had": Z reports X's words
        cues = self.cues(floor, end)
        asides = [(a, self.masked.find(",", b, end)) for _k, a, b in cues if self._aside(floor, a)]
        asides = [(a, b if b >= 0 else end) for a, b in asides]
        for kind, start, stop in reversed(cues):
            if kind != "lead" and any(a < start < b for a, b in asides):
                continue  # the aside's own "report"
            if kind == "lead":
                found = self.object_after(stop, limit)
                if found is not None and aside is None and self._aside(floor, start):
                    aside = found
                    continue
            elif self._infinitive_after_name(floor, start):
                continue  # "in reply to X's jibe about the vote to describe it": X describes nothing here
            elif self.masked[start:stop].endswith("ing") and _PARTICIPLE_JOIN.search(
                self.masked, max(floor, start - 6), start
            ):
                # "..., saying", "turning to X and conceding": the sentence subject's participle
                found = self.participle_speaker(start)
            elif NOUN_BEFORE.search(self.masked, max(floor, start - 8), start):
                continue  # "Trump's remarks", "his claims": a noun, whose possessor is no speaker
            elif DECLINED.search(self.masked, max(floor, start - 30), start):
                continue  # "While Chan's colleagues declined to comment, a staff member stated": no words of theirs
            else:
                found = self.subject_before(floor, start)
                if found is None and (
                    not self.masked[floor:start].strip(" ,\"“”'") or self._inverted_before(floor, start, stop, end)
                ):
                    found = self.object_after(stop, limit)  # said X, the minister
            if found is not None:
                return found
        return aside

    def participle_speaker(self, start: int) -> Speaker | None:
        """Whose a participle cue is ("Sanders compared himself to Clinton, saying"): the subject of the
        sentence, before the subject of its first cue verb ("visited NBC's show to discuss" is not NBC's).
        """
        first = max(self.sentences[self.sentence_index(start)][0], start - REACH)
        found = self._cue_right_before(first, start)  # '"...," Lewandowski added, saying': the cue's subject
        if found is None:
            found = self.sentence_subject(first, start)
        if found is None:
            verb = self.first_cue(first, start, "verb")
            found = self.subject_before(first, verb[1]) if verb else None
        if found is None:
            found = self._subject_of_appositive_participle(first, start)
        return found

    def _cue_right_before(self, first: int, start: int) -> Speaker | None:
        """The subject of a cue verb after a quote, ending the clause just before ", saying" (a few words
        may follow it: '"...," Roe added in a statement, saying'): in 'Doe cannot say that "...," Roe
        added, saying' the participle is Roe's, not the sentence subject's."""
        comma = self.masked.rfind(",", first, start)
        if comma < 0 or self.masked[comma + 1 : start].strip():
            return None
        cues = self.cues(first, comma)
        if not cues or cues[-1][0] != "verb" or len(self.masked[cues[-1][2] : comma].split()) > 3:
            return None
        closing = self.masked.rfind(MASK, first, cues[-1][1])  # the quote the cue attributes
        if closing < 0 or len(self.masked[closing : cues[-1][1]].split()) > 6:
            return None
        return self.subject_before(closing + 1, cues[-1][1])

    def _subject_of_appositive_participle(self, first: int, start: int) -> Speaker | None:
        """The name that opens the sentence right before ", citing ..." ("Mr. Roe, citing "...",
        said"): the participle set off by commas is its subject's."""
        comma = self.masked.rfind(",", first, start)
        if comma < 0 or self.masked[comma + 1 : start].strip():
            return None
        for m_start, m_end, kind, entity in self.mentions_within(max(first, comma - 120), comma):
            if m_end == comma and kind == 0 and subject_prefix(self.masked[first:m_start]):
                return Speaker(entity.name, "person", entity)
        return None

    def _inverted_before(self, floor: int, start: int, stop: int, end: int) -> bool:
        """Whether an inverted cue after a comma leads to the quote ("Because of the calendar, explained
        Rosenberg, "...""): a comma before the cue, a few words and a comma or colon after it."""
        if not self.masked[floor:start].rstrip().endswith(","):
            return False
        gap = self.masked[stop:end].rstrip(" \"“‘'")
        return gap.endswith((",", ":")) and 0 < len(gap.split()) <= 4

    def after_quote(self, quote: RawQuote, limit: int) -> Speaker | None:
        if quote.close_mark is None:
            return None
        start = quote.close_mark + 1
        lead = LEAD.match(self.masked, start, max(start, limit))
        offset = lead.end() if lead else start
        document = DOCUMENT_BY.match(self.masked, offset, limit)
        if document is not None:
            found = self.object_after(document.end(), limit)
            if found is not None:
                return found
        cue = self.first_cue(offset, limit)
        if cue is not None and cue[0] == "verb" and self.masked[cue[1] : cue[2]] in lx.BY_VERBS:
            # '"careless," as described by the director': who describes, as the cue index reads the "by" (but
            # not in 'Roe was quoted by the Post', where the index keeps the one quoted as the speaker)
            by = self.first_cue(cue[2], limit)
            if by is not None and by[0] == "lead" and by[1] == cue[2] + 1:
                cue = by
        if cue is None or len(self.masked[offset : cue[1]].split()) > 6:
            # Verbs that report only right after a quote ('" Kelly charged', '" Trump went on').
            after = AFTER_QUOTE_VERB.match(self.masked, offset, limit)
            if after:
                return self.subject_before(offset, offset + len(after.group(1)))
        if cue is None:
            return None
        kind, c_start, c_end = cue
        # '" nuclear experts Jane Roe and Ann Doe of the Institute for ... wrote': one subject, however long
        # (read only where it decides, as few quotes get that far)
        if (
            len(self.masked[offset:c_start].split()) > 14
            and not NAME_AND_APPOSITIVE.fullmatch(self.masked, offset, c_start)
            and not long_subject(self.masked[offset:c_start])
        ):
            return None  # but '" Douglas Holtz-Eakin, an economic adviser to ... Office, said' names the speaker
        if kind == "lead" or not self.masked[offset:c_start].strip():
            if kind == "verb" and self.masked[c_start:c_end].endswith("ing"):
                # '"a sad time", telling the BBC': the sentence's subject speaks, the BBC listens; read
                # from the sentence's subject, as a paraphrase is (medium, not high)
                found = self.participle_speaker(quote.open_mark)
                return replace(found, via="paraphrase") if found is not None and found.via == "named" else found
            if _PUT_IT.match(self.masked, c_start):
                return None  # 'author of "The Law," put it': the one who puts it is named before the title
            return self.object_after(c_end, limit)
        first = FIRST_WORD.match(self.masked, offset, c_start)
        if first and first.group(1) in CONTINUATIONS:
            # '"not ready" to support Trump's bid, but lamented': the writer's sentence goes on, and a
            # name in it is no speaker; only an inverted cue after a comma names one ('..., said Kunin')
            gap = self.masked[offset:c_start].rstrip()
            if gap.endswith(","):
                return self.object_after(c_end, limit)
            comma = gap.rfind(",")  # '"..." in comparison to Obama, Gingrich said'
            if comma < 0 or NEW_CLAUSE.match(self.masked, offset + comma + 1, c_start):
                return None  # '"glow in the dark," for instance, and Trump vowed': the next clause's cue
            return self._clause(offset + comma + 1, c_start)
        inverted = self.masked[offset:c_start].rstrip().endswith(",")
        # not '" the spokesman, Federico Lombardi, told Vatican Radio': that opens with the speaker, and
        # after "told" comes the listener
        gap_word = FIRST_WORD.match(self.masked, offset, c_start)
        goes_on = (
            gap_word is not None
            and gap_word.group(1)[:1].islower()
            and gap_word.group(1) not in DETERMINERS
            and gap_word.group(1) not in DESCRIBERS  # '" former mayor Ash and Senator Doe said'
            and gap_word.group(1) not in lx.ROLE_NOUNS
            and self.masked[c_start:c_end] not in TOLD
            and not long_subject(self.masked[offset:c_start])
        )
        if inverted and goes_on and self.masked[c_end:limit].lstrip()[:1].isupper():
            # '"cleareyed" interpretation of Mr. Kerry's actions, said Michael Kofman': the writer's sentence
            # goes on after the quote; the name after the inverted cue is the speaker, not one before it
            found = self.object_after(c_end, limit)
            if found is not None:
                return found
        if goes_on and NEW_CLAUSE.search(self.masked, offset, c_start):
            return None  # '"artful smear" regarding her links while Sanders suggests': the next clause's cue
        found = self.subject_before(offset, c_start)
        if found is None and inverted:
            found = self.object_after(c_end, limit)  # '"..." in the 2008 primary, said professor Paul Beck'
        if found is None and (open_role := _OPEN_ROLE.fullmatch(self.masked, offset, c_start)):
            # '"...," Marcos Roe, the winning surfer said': the appositive's closing comma left out
            found = self._name_alone(offset, open_role.end(1))
        return found


def attribute(body: str, quotes: list[RawQuote], att: Attributor, paragraphs: list[tuple[int, int]]) -> list:
    """(speaker or None, scare, reason) for each quote: see ``reader.analysis.attribution``."""
    from reader.analysis.attribution import attribute as attribute_quotes

    return attribute_quotes(body, quotes, att, paragraphs)
