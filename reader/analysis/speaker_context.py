"""Where the sentences and paragraphs around a quote hand it a speaker: a next sentence that only
attributes it, the quotes before it, the paragraph before, the turn of an interview it is in.

Used by ``attribution.attribute``, which decides in which order these are tried.
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.quotes import RawQuote
from reader.analysis.speaker_shapes import AFTER_QUOTE_VERB, NAME_AND_APPOSITIVE
from reader.analysis.speakers import Attributor, Speaker

# Phrases that link a sentence to the one before without a subject of their own ('In other words, "..."').
_LINKING_PHRASES = frozenset(
    [
        "In other words",
        "For example",
        "For instance",
        "In fact",
        "Of course",
        "In short",
        "At the same time",
        "On the other hand",
        "In addition",
        "As a result",
        "In turn",
        "After all",
        "Above all",
        "Put simply",
    ]
)
_LY_ADVERB = re.compile(r"[A-Z][a-z]{3,}ly")


def linking(lead: str) -> bool:
    """Whether the words before a quote are a linking phrase or adverb ("In other words", "Specifically")
    that goes on from the sentence before, as "Instead" does: the quote keeps the speaker before."""
    return lead in _LINKING_PHRASES or _LY_ADVERB.fullmatch(lead) is not None


# A speaker reporting their own words ("I thought to myself,", "you think,", "I told a reporter ... saying:").
FIRST_PERSON_CUE = re.compile(
    r"\b(?:I|we|you)\s+(?:\w+\s+)?(?:said|say|thought|think|told|tell|asked|ask|wrote|write|replied|saying)\b"
)
# The speaker's name and a colon opening a transcript's turn ("Jane Roe: ...").
TURN = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*):\s")


def turn_speaker(att: Attributor, start: int, mark: int) -> Speaker | None:
    """The person whose name and a colon open the paragraph (a turn of an interview), if any."""
    turn = TURN.match(att.masked, start, mark)
    if turn is None:
        return None
    found = att.entity_in(turn.start(1), turn.end(1), persons_only=True)
    if found is None:
        named = att.unlisted.entity(turn.start(1), turn.end(1))
        found = Speaker(named[1].name, named[0], named[1]) if named is not None and named[0] == "person" else None
    return found


def told_after_mark(att: Attributor, quote: RawQuote, sentence: int, primary, marks, k: int) -> int | None:
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
    own_quote = k + 1 < len(primary) and marks[k + 1] < n_end
    if own_quote:
        if att.body[quote.end - 1] in ".…":
            return None  # the next sentence attributes its own quote ('Mr. Zahed said: "..."')
        n_end = marks[k + 1]
    cue = att.first_cue(n_start, min(n_end, n_start + 200))
    if own_quote and cue is not None and (_leads_into(att, cue[2], n_end) or _THAT.search(att.masked, cue[2], n_end)):
        # '"Why now?" Roe writes back, "You look cute."', '"...!" She replied to him that it was an "honor"':
        # the cue introduces the next quote
        return None
    if att.body[quote.end - 1] in "!?":
        # '"Why wait?" Ash questioned.': a verb that reports only right after a quote, also before a
        # cue later in the sentence ('"Is it two?" Roe asks as an aide walks in, saying ...')
        verb = AFTER_QUOTE_VERB.match(att.masked, n_start, min(n_end, n_start + 80))
        if verb is not None and (cue is None or verb.end() <= cue[1]):
            return n_end
    if cue is None:
        return None
    subject = att.masked[n_start : cue[1]].split()
    if len(subject) > 4 and not NAME_AND_APPOSITIVE.fullmatch(att.masked, n_start, cue[1]):
        return None
    tail = att.masked[cue[2] : min(n_end, cue[2] + 80)]
    if att.body[quote.end - 1] in ".…" and (
        cue[0] != "verb"
        or not subject
        or not all(word[0].isupper() for word in subject)
        or n_end > cue[2] + 80
        or len(tail.split()) > 3
        or "," in tail
    ):
        return None  # '"We won." Smith said the count ...' is a new statement, not this one's attribution
    return n_end


_THAT = re.compile(r"\bthat\b")


def cue_leads_into(masked: str, cue_end: int, mark: int) -> bool:
    """Whether a cue ends, a word at most and a comma or colon later, right before ``mark``."""
    gap = masked[cue_end:mark]
    return gap.rstrip()[-1:] in (",", ":") and len(gap.split()) <= 2


def _leads_into(att: Attributor, cue_end: int, mark: int) -> bool:
    """Whether a cue leads into a quote that opens with a capital (a new statement of the cue's own, not
    the rest of a split one)."""
    return cue_leads_into(att.masked, cue_end, mark) and att.body[mark + 1 : mark + 2].isupper()


def last_with_speaker(primary: list[int], marks: list[int], results: list, start: int, end: int) -> int | None:
    """The last primary quote opening in ``start``..``end`` whose speaker is known."""
    k = bisect.bisect_left(marks, end) - 1
    while k >= 0 and marks[k] >= start:
        if results[primary[k]][0]:
            return primary[k]
        k -= 1
    return None


def from_previous_paragraph(att: Attributor, quotes, results, primary, marks, i, span, leads_in) -> Speaker | None:
    p_start, p_end = span
    last_sentence = att.sentences[att.sentence_index(max(p_start, p_end - 1))]
    if leads_in:  # "... X said:", "Jane Roe addressed the crowd:": the subject introduces the quote
        s_start = max(p_start, last_sentence[0])
        return att.from_cues(s_start, p_end, p_end) or att.sentence_subject(s_start, p_end)
    k = bisect.bisect_left(marks, min(p_end, quotes[i].open_mark)) - 1
    # '..." said Jon Roe, the author of "A Title," a history.' then a quote paragraph: the title is no
    # one's words, the quote before it in that sentence says whose the next ones are
    while k > 0 and marks[k - 1] >= max(p_start, last_sentence[0]) and results[primary[k]][1]:
        k -= 1
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
