"""A last guess for quotes no rule attributes: the likeliest speaker named nearby, or still none.

``attribution.attribute`` tries the rules from the surest to the weakest; a quote that none of them
attributes gets here. Its candidates are the people and organisations the rules would look at, one
step further: the subjects of the reporting verbs around the quote, the first person named in its
sentence, the speakers of the quotes just before and after it, and who is named in its sentence and
the sentences beside it (who else the paragraph before names, and the sentences' subjects as the
rules read them, told no speakers apart on the development data). Each candidate collects points for
its evidence (``WEIGHTS``) and loses those of the evidence against naming anyone (``AGAINST``); the
best one is proposed only when its points reach ``THRESHOLD`` and beat the runner-up by ``MARGIN``,
so a quote whose speaker the article leaves unnamed ("said a relative", an anonymous poster) keeps
none. Runs for the few unattributed quotes only, and reads only their own and the next sentences.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.speaker_context import TURN
from reader.analysis.speaker_lookup import mention_speaker
from reader.analysis.speakers import Attributor, Speaker

REASON = "nearby"

# Points per piece of evidence (hand-set, checked on the development data; see docs/analysis.md).
WEIGHTS = {
    "first_speaks": 4.0,  # the first person named in the quote's sentence, then a speech act before the quote
    "first_own": 0.5,  # ... with no speech act: more often the one the words describe ("X is too "reckless"")
    "first_org": 1.0,  # ... an organisation
    "cue_prev": 3.0,  # subject of a reporting verb in the sentence before, in the paragraph
    "cue_next": 2.0,  # ... in the sentence after
    "quote_next": 2.0,  # speaker of the next quote, within two sentences
    "quote_prev": 1.0,  # speaker of the quote before, within two sentences
    "named_own": 1.5,  # named in the quote's sentence, outside quotes
    "named_prev": 1.0,  # named in the sentence before
    "named_next": 0.5,  # named in the sentence after
    "person": 0.5,  # a person, not an organisation
}
# Evidence against proposing anyone, whoever the candidates are.
AGAINST = {
    "cued": 3.0,  # a reporting verb frames the quote and no rule found its speaker: it is unnamed
    "unnamed_subject": 5.0,  # ... and the sentence opens with someone it does not name ("His widow described")
    "short": 1.0,  # three words or fewer: more often a term than speech
    "unnamed": 100.0,  # '"..." said a relative', '"..." Cuban said': the cue names someone the article does not
    "turn": 100.0,  # in an interview's answer ("Jane Roe: ..."): the answer's own words
}
VETO = 100.0  # evidence against that no candidate can outweigh: not looked for at all
THRESHOLD = 3.0
MARGIN = 1.0


def fill_nearby(att: Attributor, quotes: list[RawQuote], results: list, paragraphs: list[tuple[int, int]]) -> None:
    """Give each primary quote left with reason "none" the likeliest nearby speaker, if one is likely enough."""
    for i, quote in enumerate(quotes):
        _speaker, scare, reason = results[i]
        if reason != "none" or scare or quote.depth != 0:
            continue
        candidates, against = evidence(att, quotes, results, i, paragraphs)
        chosen = choose(candidates, against)
        if chosen is not None:
            results[i] = (chosen, False, REASON)


def choose(candidates: dict[str, tuple[Speaker, set[str]]], against: set[str]) -> Speaker | None:
    """The candidate whose evidence scores best, when it scores well enough and clearly best."""
    if not candidates:
        return None
    penalty = sum(AGAINST[name] for name in against)
    scored = sorted(
        ((sum(WEIGHTS[name] for name in found) - penalty, speaker) for speaker, found in candidates.values()),
        key=lambda pair: -pair[0],
    )
    best, speaker = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else float("-inf")
    if best < THRESHOLD or best - runner_up < MARGIN:
        return None
    return speaker


def evidence(
    att: Attributor, quotes: list[RawQuote], results: list, i: int, paragraphs: list[tuple[int, int]]
) -> tuple[dict[str, tuple[Speaker, set[str]]], set[str]]:
    """(candidates by name with the evidence each has, evidence against anyone) for quote ``i``."""
    quote = quotes[i]
    sentence = att.sentence_index(quote.open_mark)
    s_start, s_end = att.sentences[sentence]
    p_start, p_end = paragraphs[quote.paragraph]
    against = set()
    limit = s_end
    for j in range(i + 1, len(quotes)):
        if quotes[j].depth == 0:
            if quotes[j].open_mark < s_end:
                limit = quotes[j].open_mark
            break
    if att.unnamed_after(quote, limit) or att.unknown_name_after(quote, limit):
        against.add("unnamed")
    # an interview's answer ("Jane Roe: ..."): the answer's own words (the "turn" rule credits those it can)
    if TURN.match(att.masked, p_start, quote.open_mark):
        against.add("turn")
    if att.cued(quote, s_start, limit):
        against.add("cued")
        if _unnamed_opening(att, s_start, quote.open_mark):
            against.add("unnamed_subject")
    if len(att.body[quote.start : quote.end].split()) <= 3:
        against.add("short")
    if any(AGAINST[name] >= VETO for name in against):
        return {}, against  # no one to look for: the speaker is someone the article does not name
    candidates: dict[str, tuple[Speaker, set[str]]] = {}

    def add(speaker: Speaker | None, name: str) -> None:
        if speaker is None:
            return
        entry = candidates.setdefault(speaker.name, (speaker, set()))
        entry[1].add(name)
        if speaker.kind == "person":
            entry[1].add("person")

    previous = att.sentences[sentence - 1] if sentence > 0 else None
    if previous is not None and previous[0] < p_start:
        previous = None
    following = att.sentences[sentence + 1] if sentence + 1 < len(att.sentences) else None
    if following is not None and following[0] >= p_end:
        following = None
    if following is not None:
        add(att.from_cues(following[0], following[1], following[1]), "cue_next")
        _named(att, following, add, "named_next")
    if previous is not None:
        add(att.from_cues(previous[0], previous[1], previous[1]), "cue_prev")
        _named(att, previous, add, "named_prev")
    first = _first_named(att, s_start, quote.open_mark)
    if first is not None:
        speaker, end = first
        speaks = _speaks(att, end, quote.open_mark)
        add(speaker, ("first_speaks" if speaks else "first_own") if speaker.kind == "person" else "first_org")
    _named(att, (s_start, s_end), add, "named_own")
    for j in range(i - 1, -1, -1):
        other = quotes[j]
        if att.sentence_index(other.open_mark) < sentence - 2:
            break
        if other.depth == 0 and results[j][0] is not None and not results[j][1] and results[j][2] != REASON:
            add(results[j][0], "quote_prev")
            break
    for j in range(i + 1, len(quotes)):
        other = quotes[j]
        if att.sentence_index(other.open_mark) > sentence + 2:
            break
        if other.depth == 0 and results[j][0] is not None and not results[j][1]:
            add(results[j][0], "quote_next")
            break
    return candidates, against


_OBJECT_BEFORE = re.compile(
    r"\b(?:to|with|by|from|for|at|on|in|of|about|against|than|like|as|over|after|before|and|or)\s+(?:the\s+)?$"
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


# "His widow has described", "The authors say", "One poster wrote": a cued sentence about someone unnamed.
_UNNAMED_OPENING = re.compile(
    r"\s*(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5},\s*)?"
    r"(?:The|A|An|One|Another|His|Her|Their|Its|Some|Several|Many|Other|Two|Three|Most)\s+(?:[a-z][\w'’-]*\s+){0,3}"
    r"[a-z][\w'’-]*(?=\s+[a-z])"
)


def _unnamed_opening(att: Attributor, start: int, mark: int) -> bool:
    """Whether the quote's sentence opens with a lowercase noun phrase before a verb, naming no one."""
    opening = _UNNAMED_OPENING.match(att.masked, start, mark)
    return opening is not None and not att.names_anyone(start, opening.end())


def _first_named(att: Attributor, start: int, mark: int) -> tuple[Speaker, int] | None:
    """The first one named in the sentence before the quote, unless a preposition governs the name or it is a
    possessive ("Sanders during a Sunday thanked", not "for Sanders" or "Obama's"): likely the subject."""
    for m_start, m_end, kind, entity in att.mentions_within(start, mark):
        if att.masked[m_start] == MASK:
            continue
        if _OBJECT_BEFORE.search(att.masked, max(start, m_start - 12), m_start) or _POSSESSIVE_AFTER.match(
            att.masked, m_end
        ):
            return None
        return mention_speaker(kind, entity), m_end
    return None


# Verbs of a speech act that are no reporting cues, most of their uses quoting nothing ("thanked Obama for
# "...", "welcomed the vote: "...""): between a subject and a quote, they make the words the subject's.
SPEECH_ACTS = lx._inflect(
    "thank welcome praise criticize criticise urge promise vow pledge accuse slam blast attack defend dismiss"
    " hail laud tout imagine joke refer demand express cite echo repeat chide declare announce describe"
    " label brand mock deride decry predict endorse invoke recall call plead mourn lament boast"
) | {"slammed", "slamming", "referred", "referring", "dubbed", "dubbing", "begged", "begging"}
_WORD = re.compile(r"[a-z]+")


def _speaks(att: Attributor, start: int, mark: int) -> bool:
    """Whether a speech act lies between a name and the quote: a cue, a verb of ``SPEECH_ACTS``, a colon."""
    if att.masked[start:mark].rstrip(" \n\"“‘'«").endswith(":") or att.first_cue(start, mark) is not None:
        return True
    return any(word in SPEECH_ACTS for word in _WORD.findall(att.masked, start, min(mark, start + 300)))


def _named(att: Attributor, span: tuple[int, int], add, name: str) -> None:
    """Everyone named in ``span`` outside quotes, as evidence ``name``."""
    for m_start, _m_end, kind, entity in att.mentions_within(*span):
        if att.masked[m_start] != MASK:
            add(mention_speaker(kind, entity), name)
