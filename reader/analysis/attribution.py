"""Which speaker each quote gets, in which order the rules are tried, and how far to trust it.

The ``Attributor`` (``speakers.py``) knows how to find a speaker around a cue or in a sentence; this
module walks the quotes of an article, tries those ways from the surest (named next to the quote) to
the weakest (carried over from the paragraph before), flags scare quotes, and records which way won
(``speaker_reason``) with its ``CONFIDENCE`` level.
"""

from __future__ import annotations

import re

from reader.analysis.attribution_clauses import (
    across_aside,
    answered,
    called_by,
    carried_fragment,
    closes_opening_subordinate,
    object_of_cue,
    own_subject,
    with_clause,
)
from reader.analysis.cues import SPEAKER_VERBS
from reader.analysis.quotes import RawQuote
from reader.analysis.scare import _SPEECH_FRAME, scare_decision, title_like
from reader.analysis.speaker_context import (
    FIRST_PERSON_CUE,
    from_previous_paragraph,
    last_with_speaker,
    linking,
    told_after_mark,
    turn_speaker,
)
from reader.analysis.speaker_fallback import fill_nearby
from reader.analysis.speaker_possessive import possessor
from reader.analysis.speakers import REACH, Attributor, Speaker

_CONNECTIVES = frozenset(
    [
        "Instead",
        "But",
        "And",
        "Still",
        "Then",
        "Also",
        "Later",
        "Again",
        "Yet",
        "So",
        "Adding",
        "Continuing",
        "Now",
        "However",
        "Indeed",
        "Moreover",
        "Besides",
        "Finally",
        "Plus",
    ]
)


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
    leads_in = [_ends_leading_in(att.masked, a, b) for a, b in paragraphs]  # "... X said:"
    last_cache: dict[tuple[int, int], int | None] = {}  # quotes of earlier sentences are settled
    floors: dict[int, int] = {}  # where each primary quote's own attribution may start
    unowned: dict[int, Speaker | None] = {}  # quotes a possessive gave away: the sentence's speaker
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
        if (
            prev is not None
            and prev in floors
            and (results[prev][1] or _unspoken_title(body, quotes[prev], results[prev]))
        ):
            floor = floors[prev]  # 'As Ash, author of "The Law," put it, "..."': a title does not end the clause
        elif prev is not None:
            closing = quotes[prev].close_mark
            floor = closing + 1 if closing is not None else quotes[prev].end
        floors[i] = floor
        limit = quotes[nxt].open_mark if nxt is not None else s_end
        reason = "named"
        speaker = att.after_quote(quote, limit)
        if (
            speaker is None
            and nxt is None
            and text[-1] in "!?.…"
            and sentence + 1 < len(att.sentences)
            and att.first_cue(floor, quote.open_mark, "verb") is None
        ):
            # but 'Roe said the plan was "a disaster." Doe agreed.': a quote cued in its own sentence
            extended = told_after_mark(att, quote, sentence, primary, marks, k)
            if extended is not None:
                limit = extended
                speaker = att.after_quote(quote, limit)
        if speaker is not None and nxt is not None and answered(att, quote, text, limit):
            speaker = None  # '"..., has it not?" Sanders responded, "It has."': the cue is the answer's
        if speaker is not None and (
            _runs_on(att, quote, limit)
            or object_of_cue(att, quote, text, floor, limit)
            or closes_opening_subordinate(att, quote, floor)  # 'After Roe said it was "X," Doe said:'
        ):
            # 'Biden said that he would "reassure" allies ..., given Trump's comments saying': the cue
            # before the quote, not one in the writer's clause after it
            speaker = att.from_cues(floor, quote.open_mark, quote.open_mark) or speaker
        said_after = speaker is not None
        if speaker is None:
            # 'X denied it, with Lewandowski taking to Twitter to call Fields "delusional"': the with-clause
            # between the cue and the quote has its own subject
            speaker = with_clause(att, floor, quote.open_mark)
            reason = "paraphrase" if speaker is not None else reason
        if speaker is None:
            speaker = att.from_cues(floor, quote.open_mark, quote.open_mark)
        if speaker is None:
            speaker = called_by(att, quote, floor, limit)  # 'was called "reckless" by Jane Roe'
        if speaker is None:
            speaker = att.colon_name(floor, quote.open_mark)  # "- Philip Bump: "...""
        if speaker is None and quote.close_mark is not None and not text[:1].islower():
            # not 'insisted his party was "still the first force." --Jane Roe': a fragment is no vox pop
            speaker = att.signed(quote.close_mark + 1)
            reason = "vox-pop" if speaker else reason
        if speaker is None and quote.close_mark is not None:
            speaker = _sentence_end_speaker(att, quote.close_mark + 1, s_end)  # '"...," ..., X said.'
        # '"..." Cuban said' with a speaker the article never names as a person: a new speaker, so
        # none of the carried-over ones below.
        named_unknown = speaker is None and (att.unknown_name_after(quote, limit) or att.unnamed_after(quote, limit))
        if speaker is None and prev is not None:
            # '"very encouraged" and Trump calling it a "great meeting"': the next clause names its own speaker
            speaker, reason = own_subject(att, floor, quote.open_mark), "paraphrase"
            if speaker is None:
                speaker, reason = unowned.get(prev, results[prev][0]), "previous-quote"
        lead = att.masked[floor : quote.open_mark].strip(" ,\"“”‘’'«»\n")
        opens_sentence = (
            not lead or lead in _CONNECTIVES or linking(lead)
        )  # 'Instead, "he just acts like a defeated man."'
        paragraph = quote.paragraph
        if speaker is None and opens_sentence and sentence > 0 and not named_unknown:
            p_start, p_end = att.sentences[sentence - 1]
            if paragraphs[paragraph][0] <= p_start:
                span = (p_start, min(p_end, quote.open_mark))
                if span not in last_cache:
                    last_cache[span] = last_with_speaker(primary, marks, results, *span)
                last = last_cache[span]
                if last is not None and not results[last][1]:
                    speaker, reason = results[last][0], "previous-quote"
                elif last is None:
                    # "Obama defended the deal. "It is the best we could get."": the sentence before
                    # reports or paraphrases its subject.
                    speaker = att.from_cues(p_start, p_end, p_end) or att.sentence_subject(p_start, p_end)
                    reason = "previous-sentence"
                    if speaker is None and sentence > 1 and paragraphs[paragraph][0] <= att.sentences[sentence - 2][0]:
                        # '"...," Woolson said. They lie in a dead zone. "That's a tough area."': a sentence
                        # of the writer's that names no one does not end the speaker's turn
                        speaker = across_aside(att, primary, marks, results, sentence)
                        reason = "previous-quote" if speaker is not None else reason
        if (
            speaker is None
            and not named_unknown
            and paragraph > 0
            and (quote.continued or (opens_sentence and s_start <= paragraphs[paragraph][0] + 1))
        ):
            speaker, reason = (
                from_previous_paragraph(
                    att, quotes, results, primary, marks, i, paragraphs[paragraph - 1], leads_in[paragraph - 1]
                ),
                "previous-paragraph",
            )
        if speaker is None and not opens_sentence and not named_unknown:
            # "X denied it, with Jane Roe calling it ...": the participle's own subject before the sentence's
            speaker, reason = att.participle_subject(floor, quote.open_mark), "paraphrase"
            if speaker is None:
                speaker = att.sentence_subject(floor, quote.open_mark)
            if speaker is None:
                speaker = _framing_subject(att, floor, quote.open_mark)  # "Manafort dismissed it as"
            if speaker is None and text[:1].islower() and len(words) > 4 and sentence > 0 and prev is None:
                # '..., Hennessey added. But that's not the same thing as "properly chargeable."': a
                # fragment in a sentence that names no one carries on the speaker of the sentence before
                speaker = carried_fragment(att, paragraphs[paragraph][0], sentence, s_start, quote.open_mark)
                reason = "previous-sentence" if speaker is not None else reason
        if (
            speaker is None
            and not named_unknown
            and (
                FIRST_PERSON_CUE.search(att.masked, max(floor, quote.open_mark - REACH), quote.open_mark)
                or (quote.close_mark is not None and _FIRST_PERSON_AFTER.match(att.masked, quote.close_mark + 1, limit))
            )
        ):
            # 'Jane Roe: ... I thought to myself, "..."': the answer's own speaker reports her words
            speaker, reason = turn_speaker(att, paragraphs[paragraph][0], quote.open_mark), "turn"
        if speaker is not None and reason != "named" and _other_gender_after(att, quote, speaker, limit):
            speaker = None  # '"We won," he said.' after a sentence about a woman: he is someone else
        if speaker is None:
            reason = "none"
        elif reason == "named" and speaker.via != "named":
            reason = speaker.via
        owned = possessor(att, quote, floor)  # 'Romney's "47 percent" comment', 'Trump's claim that ... "..."'
        if owned is not None:
            # the sentence's own speaker stays the one of the quotes joined to this one ('called Roe's
            # assertion of a "right" "disturbing"')
            unowned[i] = speaker
            speaker, reason = owned
        speaker, scare, reason = scare_decision(
            att, quote, text, speaker, reason, said_after, floor, limit, s_start, opens_sentence, named_unknown
        )
        if scare:
            reason = "term"
        elif reason == "named" and not said_after and _inside_paraphrase(att, text, floor, quote.open_mark):
            reason = "paraphrase"  # words quoted inside reported speech: 'Trump said it was "rigged"'
        results.append((speaker, scare, reason))
    _share_joined(att, quotes, primary, sentence_of, results)
    fill_nearby(att, quotes, results, paragraphs)  # the quotes no rule attributed: a nearby speaker, if likely
    return results


_JOINED = re.compile(r"[\s,]*(?:and|or|,)[\s,]*")
_AND_OR = re.compile(r"[\s,]*(?:and|or)\s*(?:(?:a|an|the)\s+)?")


def _share_joined(att: Attributor, quotes: list[RawQuote], primary: list[int], sentence_of: list[int], results):
    """'Guns are "a crisis" and "stunt growth," Dean proclaimed': quotes joined by "and" share a speaker."""
    for k in range(len(primary) - 2, -1, -1):
        i, j = primary[k], primary[k + 1]
        if results[i][0] is not None or results[i][1] or results[j][0] is None or results[j][1]:
            continue
        close = quotes[i].close_mark
        if sentence_of[k] != sentence_of[k + 1] or close is None:
            continue
        if _JOINED.fullmatch(att.masked, close + 1, quotes[j].open_mark):
            results[i] = (results[j][0], False, results[j][2])
    # 'The crowd chanted "Lock her up" and "Build the wall."', 'called him a "fraud" and a "bully"': words
    # joined to speech are speech too
    for k in range(len(primary) - 1):
        i, j = primary[k], primary[k + 1]
        if results[i][1] or not results[j][1] or sentence_of[k] != sentence_of[k + 1]:
            continue
        close = quotes[i].close_mark
        if close is not None and _AND_OR.fullmatch(att.masked, close + 1, quotes[j].open_mark):
            speaker = results[i][0]
            results[j] = (speaker, False, "previous-quote" if speaker is not None else "none")


def _sentence_end_speaker(att: Attributor, start: int, end: int) -> Speaker | None:
    """The speaker of a cue that ends the sentence after a comma ('..., DFA spokesman Neil Sroka said.').

    Such a cue reports the whole sentence, however far before it the quote is.
    """
    end = min(end, start + 600)
    comma = att.masked.rfind(",", start, end)
    if comma < 0:
        return None
    cue = att.first_cue(comma + 1, end, "verb")
    if cue is None:
        return None
    tail = att.masked[cue[2] : end].strip()
    if len(tail) > 40 or any(mark in tail for mark in ",;:"):
        return None  # "..., she said in a statement." ends it; "..., she said, adding ..." goes on
    if len(att.masked[comma + 1 : cue[1]].split()) > 6:
        return None
    return att.subject_before(comma + 1, cue[1])


def _runs_on(att: Attributor, quote: RawQuote, limit: int) -> bool:
    """Whether the writer's sentence goes on after the quote, lowercase, for five words before a cue."""
    if quote.close_mark is None:
        return False
    after = att.masked[quote.close_mark + 1 : limit]
    words = after.split()
    if not words or not words[0][:1].islower():
        return False
    cue = att.first_cue(quote.close_mark + 1, limit)
    return cue is not None and len(att.masked[quote.close_mark + 1 : cue[1]].split()) > 5


# '"...," I told them': the speaker of the turn reports their own words after the quote
_FIRST_PERSON_AFTER = re.compile(
    r"[\s,]*(?:I|we)\s+(?:said|say|thought|think|told|tell|asked|ask|wrote|write|replied)\b"
)
_HE_SHE_SAID = re.compile(r"[\s,]*(he|she)\s+(\w+)")


def _other_gender_after(att: Attributor, quote: RawQuote, speaker: Speaker, limit: int) -> bool:
    """Whether the quote's own cue is "he"/"she" + a reporting verb and the speaker a rule carried over
    is known to be of the other gender."""
    if quote.close_mark is None:
        return False
    cue = _HE_SHE_SAID.match(att.masked, quote.close_mark + 1, limit)
    if cue is None or cue.group(2) not in SPEAKER_VERBS:
        return False
    gender = getattr(speaker.entity, "gender", None)
    return gender is not None and gender != ("m" if cue.group(1) == "he" else "f")


def _framing_subject(att: Attributor, floor: int, mark: int) -> Speaker | None:
    """The subject of a verb that frames the quoted words as someone's ('Manafort dismissed it as "absurd"').

    Those verbs are no reporting cues (most of their uses quote nothing), so the cue rules above do
    not look before them; a participle ('by slamming') has no subject right before it.
    """
    frame = _SPEECH_FRAME.search(att.masked, max(floor, mark - 80), mark) or _FAR_AS.search(
        att.masked, max(floor, mark - 120), mark
    )
    if frame is None or _PARTICIPLE_AT.match(att.masked, frame.start()):
        return None  # 'the speech, slamming candidates': whose it is, the sentence's subject says
    return att.subject_before(floor, frame.start())


_PARTICIPLE_AT = re.compile(r"\w+ing\b")
# 'dismissed criticism of Mr. Trump's comments about Ms. Khan as "talking points"': the frame's object
# may be a long noun phrase (no clause, no comma) before "as"
_FAR_AS = re.compile(
    r"(?<![\w-])(?:dismiss|describ|characteriz|characteris|portray|depict|label|brand|derid|decr)\w*"
    r"(?:\s+(?!(?:is|was|are|were|said|says)\b)[\w'’.-]+){1,10}?\s+as(?:\s+(?:a|an|the|mere))?\s*[\"“‘'«]*$"
)


def _ends_leading_in(masked: str, start: int, end: int) -> bool:
    """Whether the paragraph ``start``..``end`` ends with ":" or "," (read from its end, not copied)."""
    k = end - 1
    while k >= start and masked[k].isspace():
        k -= 1
    return k >= start and masked[k] in ":,"


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


def _unspoken_title(body: str, quote: RawQuote, result: tuple) -> bool:
    """Whether a quote no one said is a title ('Ash, a contestant on "Final Answer," who ..., said')."""
    return result[0] is None and title_like(body[quote.start : quote.end])


# How each speaker was found, and how far to trust it. The levels follow measured speaker accuracy
# (PolNeAR and the gold set, the table in docs/analysis.md): high is right about 97% of the time,
# medium 75-95%; low says no speaker was found or only guessed, so the quote needs a reader's eye.
CONFIDENCE = {
    "named": "high",  # named next to a reporting cue in the quote's sentence
    "previous-quote": "high",  # no attribution of its own: the speaker of the quote just before
    "vox-pop": "high",  # the quote, then "- Name, 34, of Place"
    "pronoun": "medium",  # he/she/it next to the cue, resolved to the nearest fitting name before
    "paraphrase": "medium",  # a few words quoted inside the reported speech of the sentence's subject
    "previous-sentence": "medium",  # introduced by the sentence before ("X defended the deal.")
    "previous-paragraph": "medium",  # introduced by the paragraph before, or a quote running on
    "nested": "medium",  # a quote inside a quote: said by the outer quote's speaker
    "turn": "medium",  # in an interview's answer ("Name: ..."), its speaker reporting their own words
    "term": "low",  # flagged as a quoted term or title: PolNeAR counts half of them as quotes
    "nearby": "low",  # no rule found one: the likeliest speaker named nearby, a guess to check
    "none": "low",  # no speaker found
}
