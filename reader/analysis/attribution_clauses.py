"""Clauses around a quote that decide whose it is, for ``attribution.attribute``: a reply verb that
leads into an answer, a with-clause between the cue and the quote, a fragment carried on from the
sentence before, a writer's aside between two quotes of one speaker, the next clause's own subject, and
the agent after the quoted words of a passive ('called "reckless" by Jane Roe').
"""

from __future__ import annotations

import re

from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.scare import _SPEECH_FRAME
from reader.analysis.speaker_context import cue_leads_into, last_with_speaker
from reader.analysis.speaker_lookup import mention_speaker
from reader.analysis.speakers import Attributor, Speaker


def across_aside(att: Attributor, primary: list[int], marks: list[int], results: list, sentence: int):
    """The speaker of the last quote two sentences back, when the sentence between quotes no one, names
    no one and has no cue."""
    a_start, a_end = att.sentences[sentence - 1]
    if att.names_anyone(a_start, a_end) or att.first_cue(a_start, a_end) is not None:
        return None
    if MASK in att.masked[a_start:a_end] or a_end - a_start > 300:
        return None
    b_start, b_end = att.sentences[sentence - 2]
    last = last_with_speaker(primary, marks, results, b_start, b_end)
    return results[last][0] if last is not None and not results[last][1] else None


_REPLIES = frozenset({"responded", "replied", "answered", "retorted", "responds", "replies", "answers", "retorts"})


def answered(att: Attributor, quote: RawQuote, text: str, limit: int) -> bool:
    """Whether a question is followed by a reply verb that leads into the next quote, its answer."""
    if not text.rstrip("\"”’' ").endswith("?") or quote.close_mark is None:
        return False
    cue = att.first_cue(quote.close_mark + 1, limit, "verb")
    if cue is None or att.masked[cue[1] : cue[2]] not in _REPLIES:
        return False
    return cue_leads_into(att.masked, cue[2], limit)


def carried_fragment(att: Attributor, p_start: int, sentence: int, s_start: int, mark: int) -> Speaker | None:
    """The speaker of a cue ending the sentence before, when this sentence names no one and has no cue
    before the fragment."""
    b_start, b_end = att.sentences[sentence - 1]
    if b_start < p_start or mark - s_start > 200:
        return None
    if att.names_anyone(s_start, mark) or att.first_cue(s_start, mark) is not None:
        return None
    cues = att.cues(max(b_start, b_end - 60), b_end)
    if not cues or cues[-1][0] != "verb" or len(att.masked[cues[-1][2] : b_end].split()) > 3:
        return None  # not '"...," Hennessey added.' or 'Hennessey said on Monday.'
    return att.from_cues(b_start, b_end, b_end)


def with_clause(att: Attributor, floor: int, mark: int) -> Speaker | None:
    """The subject of "with X -ing" after the sentence's last cue and before the quote, no cue in it."""
    with_at = att.masked.rfind(" with ", max(floor, mark - 160), mark)
    if with_at < 0 or att.first_cue(with_at, mark) is not None or att.first_cue(floor, with_at) is None:
        return None
    return att.participle_subject(with_at, mark)


def object_of_cue(att: Attributor, quote: RawQuote, text: str, floor: int, limit: int) -> bool:
    """Whether a fragment is the object of the cue right before it and the writer's clause goes on
    after it for more than three words before the next cue ('saying "of course" Clinton has the
    qualifications -- having suggested'): that cue is another clause's."""
    if not text[:1].islower() or quote.close_mark is None:
        return False
    cues = att.cues(max(floor, quote.open_mark - 30), quote.open_mark)
    if not cues or cues[-1][0] != "verb" or att.masked[cues[-1][2] : quote.open_mark].strip(" \"“‘'"):
        return False
    cue = att.first_cue(quote.close_mark + 1, limit)
    return cue is not None and len(att.masked[quote.close_mark + 1 : cue[1]].split()) > 3


# The gap between an earlier quote of the sentence and a clause of its own: '" and', '", while', '";'
_CLAUSE_JOIN = re.compile(r"[\s,;—–-]*(?:(?:and|while|but|with|whereas)\s+)?(?:[A-Z][a-z]{0,4}\.\s+)?")
_OWN_VERB = re.compile(r"\s+[a-z]{3,}(?:ing|ed|s)\b")


def own_subject(att: Attributor, floor: int, mark: int) -> Speaker | None:
    """A name opening the clause between an earlier quote of the sentence and this one, with a verb
    that frames speech ('Roe saying she was "encouraged" and Doe calling it a "great meeting"')."""
    for m_start, m_end, kind, entity in att.mentions_within(floor, mark):
        if not _CLAUSE_JOIN.fullmatch(att.masked, floor, m_start) or not _OWN_VERB.match(att.masked, m_end, mark):
            return None
        if _SPEECH_FRAME.search(att.masked, max(m_end, mark - 80), mark) or att.first_cue(m_end, mark, "verb"):
            return mention_speaker(kind, entity)
        return None
    return None


# A verb that names the quoted words as someone's, with its agent after them: 'has been called "strategic
# ambiguity" by Joshua Hendrick', 'was described as "reckless" by the mayor'.
_CALLED_BEFORE = re.compile(
    r"\b(?:called|dubbed|labell?ed|termed|branded|described\s+as|characteri[sz]ed\s+as|denounced\s+as)\s*$"
)
_BY_AFTER = re.compile(r"[\"”’']*,?\s+by\s+")


def called_by(att: Attributor, quote: RawQuote, floor: int, limit: int) -> Speaker | None:
    """Who the agent after "by" is, when a passive verb names the quoted words as theirs."""
    if quote.close_mark is None or not _CALLED_BEFORE.search(
        att.masked, max(floor, quote.open_mark - 30), quote.open_mark
    ):
        return None
    by = _BY_AFTER.match(att.masked, quote.close_mark + 1)
    return att.object_after(by.end(), limit) if by is not None else None


# A sentence opened by a subordinate clause: "After Roe said ...", "When Roe called it ...".
_OPENS_WITH_SUBORDINATOR = re.compile(r"\s*(?:After|When|Before|Although|Though|Because|While|Since|Once|As)\s")


def closes_opening_subordinate(att: Attributor, quote: RawQuote, floor: int) -> bool:
    """Whether the quote ends a subordinate clause that opens its sentence and holds its own cue ('After
    Roe said students might do better at "smaller local schools," Doe said:'), so that the speaker named
    after it is the main clause's, not the quote's; not 'After the vote, "We won," Doe said'."""
    if not _OPENS_WITH_SUBORDINATOR.match(att.masked, floor, quote.open_mark):
        return False
    if "," in att.masked[floor : quote.open_mark] or quote.close_mark is None:
        return False
    text = att.body[quote.start : quote.end].rstrip()
    return text.endswith(",") or att.masked[quote.close_mark + 1 : quote.close_mark + 2] == ","
