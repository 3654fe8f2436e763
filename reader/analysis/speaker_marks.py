"""Who the marks of a quote and the words right next to them name: a name and a colon before it
("Philip Bump: "...""), a signature after it (vox pops), a name or an unnamed speaker right after it.

A base of ``speakers.Attributor``, which reads the rest of the sentence.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.quotes import RawQuote
from reader.analysis.speaker_lookup import MentionIndex, Speaker, mention_speaker
from reader.analysis.speaker_shapes import (
    ANONYMOUS_THE,
    CHANNEL_AFTER_NAME,
    FIRST_WORD,
    KIN_OF,
    LEAD,
    LISTENER_BEFORE,
    NAME_BEFORE_COLON,
    NAME_THEN_CUE,
    PRONOUNS,
    SIGNATURE,
    THEIR_WORDS,
    UNNAMED,
    VENUE_BEFORE,
)

# A name after a preposition ("in reply to Mr. X's jibe ..."): not the subject of a cue after it.
_OBJECT_NAME = re.compile(r"\b(?:to|of|for|with|by|from|about|against)\s+(?:(?:the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?$")


class QuoteMarks(MentionIndex):
    """The speaker rules that read a quote's marks and their neighbours."""

    def colon_name(self, floor: int, mark: int) -> Speaker | None:
        """The person whose name and a colon introduce the quote ("Philip Bump: "...")."""
        colon = self.masked.rfind(":", max(floor, mark - 4), mark)
        if colon < 0 or self.masked[colon + 1 : mark].strip():
            return None
        for m_start, m_end, kind, entity in self.mentions_within(max(floor, colon - 80), colon):
            if not self._outside_quotes(m_start):
                continue
            # "Philip Bump:", "Clinton in December 1992:", "Obama, in a statement:", "Pew Research:"
            if kind == 1 and VENUE_BEFORE.search(self.masked, max(floor, m_start - 8), m_start):
                continue  # "later that month on CNN:": the venue, not the speaker
            if kind == 0 and LISTENER_BEFORE.search(self.masked, max(floor, m_start - 16), m_start):
                continue  # "delivered a blunt message to Trump:": the listener
            if (
                m_end >= colon - 1
                or (kind == 0 and CHANNEL_AFTER_NAME.fullmatch(self.masked, m_end, colon))
                or THEIR_WORDS.fullmatch(self.masked, m_end, colon)  # "Clinton's response was:"
            ):
                return mention_speaker(kind, entity)
        # a name no list knows, alone before the colon ("- HuffPollster:", "Continued Stone:" aside)
        lead = NAME_BEFORE_COLON.search(self.masked, max(floor, colon - 60), colon)
        if lead is not None:
            named = self.unlisted.entity(lead.start(1), colon)
            if named is not None:
                return Speaker(named[1].name, named[0], named[1])
        return None

    def signed(self, after: int) -> Speaker | None:
        """The person a quote is signed with: the quote, then ``- Name, 34, of Place`` (vox pops)."""
        dash = SIGNATURE.match(self.masked, after, after + 8)
        if dash is None:
            return None
        for m_start, _m_end, kind, entity in self.mentions_within(dash.end(), dash.end() + 80):
            titles = self.masked[dash.end() : m_start].split()  # "- President Jane Roe, tweeting"
            if kind == 0 and all(word in lx.TITLES for word in titles):
                return Speaker(entity.name, "person", entity)
            break
        return None

    def unknown_name_after(self, quote: RawQuote, limit: int) -> bool:
        """Whether a capitalised word and a cue follow the quote ('" Cuban said'): a speaker is named."""
        if quote.close_mark is None:
            return False
        match = NAME_THEN_CUE.match(self.masked, quote.close_mark + 1, limit)
        if match is None or match.group(1) in PRONOUNS:
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
        before = FIRST_WORD.match(self.masked, offset, cue[1])
        if self.masked[offset : cue[1]].strip():
            if KIN_OF.search(self.masked, offset, cue[1]) and len(self.masked[offset : cue[1]].split()) <= 5:
                return True  # '" Kovel's brother said': someone unnamed, not Kovel
            return (
                before is not None
                and (before.group(1) in UNNAMED or ANONYMOUS_THE.match(self.masked, offset) is not None)
                and len(self.masked[offset : cue[1]].split()) <= 8
                and "," not in self.masked[offset : cue[1]]
            )
        after = FIRST_WORD.match(self.masked, cue[2] + 1, limit)
        if after is None or cue[2] + 1 != after.start():
            return False
        return after.group(1) in UNNAMED or ANONYMOUS_THE.match(self.masked, after.start()) is not None

    def _name_alone(self, start: int, end: int) -> Speaker | None:
        """The person whose name is all of ``start``..``end``, else None."""
        text = self.masked[start:end]
        first, last = start + len(text) - len(text.lstrip()), start + len(text.rstrip())
        mention = next((m for m in self.mentions_within(first, last) if m[2] == 0 and m[0] == first), None)
        return Speaker(mention[3].name, "person", mention[3]) if mention is not None and mention[1] == last else None

    def _aside(self, floor: int, start: int) -> bool:
        """Whether an "according to" cue at ``start`` follows a comma: an aside in a sentence."""
        before = self.masked[max(floor, start - 3) : start]
        return self.masked.startswith("according", start) and before.rstrip().endswith(",")

    def _infinitive_after_name(self, floor: int, start: int) -> bool:
        """Whether a cue in the infinitive follows a name in a prepositional phrase ("in reply to Mr.
        X's jibe about the vote to describe"): that name is no subject of it, and the cue is skipped."""
        if not self.masked.endswith("to ", max(floor, start - 4), start):
            return False
        return any(
            _OBJECT_NAME.search(self.masked, max(floor, m[0] - 16), m[0]) is not None
            for m in self.mentions_within(max(floor, start - 80), start)
        )
