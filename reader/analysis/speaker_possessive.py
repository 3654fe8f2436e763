"""Quoted words that a possessive gives to their speaker: 'Romney's "47 percent" comment', 'Trump's
claim that Obama "founded ISIS"', 'Clinton's assertion of a "claim of right"'.

The noun after the possessive says the words are speech; whoever else the sentence names (the one who
calls the assertion something, the one who blames the claim) did not say them.
"""

from __future__ import annotations

import re

from reader.analysis.quotes import RawQuote
from reader.analysis.speaker_lookup import Speaker, mention_speaker
from reader.analysis.speakers import Attributor

_SPEECH_NOUNS = (
    r"(?:comments?|remarks?|promises?|pledges?|claims?|assertions?|suggestions?|quips?|slogans?|mantras?|vows?|"
    r"warnings?|descriptions?|phrases?|characteri[sz]ations?|insistence|contention|charges?|accusations?|"
    r"admissions?|boasts?|catchphrases?|mottos?|refrains?|declarations?|arguments?|retorts?|jibes?|taunts?)"
)
# '" comment', '" promise:': the noun right after the quote
_NOUN_AFTER = re.compile(rf"[\s,]*{_SPEECH_NOUNS}\b")
# "Trump's claim that", "Obama's patronizing suggestion at a debate that", "Clinton's assertion of a" (not
# "Trump's remarks about the judge were "...": what is said of them)
_NOUN_BEFORE = re.compile(
    rf"['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>{_SPEECH_NOUNS})(?:\s+[\w-]+){{0,5}}?\s+(?:that|of)\b[^.;:]*$"
)
_POSSESSIVE_END = re.compile(r"['’]s?\s*[\"“‘'«]*$")


def possessor(att: Attributor, quote: RawQuote, floor: int) -> tuple[Speaker, str] | None:
    """(the person or body whose speech a possessive and a speech noun make the quote, reason)."""
    mark = quote.open_mark
    if quote.close_mark is not None and _NOUN_AFTER.match(att.masked, quote.close_mark + 1):
        end = _POSSESSIVE_END.search(att.masked, max(floor, mark - 4), mark + 1)
        if end is not None:
            owner = _owner_ending(att, end.start(), floor)
            if owner is not None:
                return owner, "named"
    start = max(floor, mark - 200)
    before = _NOUN_BEFORE.search(att.masked, start, mark)
    if before is None or att.first_cue(before.end("noun") + 1, mark) is not None:
        return None  # "Trump's claim that Roe said "..."": the cue after the noun names its own speaker
    if att.first_cue(floor, before.start()) is not None:
        return None  # 'Roe said that Doe's claim that ... is "not true"': the cue's speaker reports it all
    owner = _owner_ending(att, before.start(), floor)
    return (owner, "paraphrase") if owner is not None else None


def _owner_ending(att: Attributor, at: int, floor: int) -> Speaker | None:
    """The person or organisation whose mention ends at ``at`` (before its "'s")."""
    for m_start, m_end, kind, entity in att.mentions_within(max(floor, at - 80), at):
        if m_end == at and att._outside_quotes(m_start):
            return mention_speaker(kind, entity)
    return None
