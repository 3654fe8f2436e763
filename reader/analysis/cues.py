"""Reporting cues of a text: the verbs and phrases that attribute speech ("said", "according to").

Found once per article, on first use (many texts have no quote to attribute), and looked up by
bisection, so every rule that asks for the cues of a span pays for that span only.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import compress

from reader.analysis import lexicon as lx
from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.tokens import Token, token_texts

CONTINUED = frozenset({"continued", "continues", "reads", "read"})  # only right before ":" or ","
# Verbs that report only when a quote follows at once: 'Clinton cracked, "I'm a progressive ..."'.
BEFORE_QUOTE = frozenset(
    {"cracked", "fumed", "gushed", "chided", "scolded", "mused", "marveled", "marvelled", "interjected", "barked"}
    | {"snapped", "deadpanned", "advised", "thundered", "chimed"}
)
_OPENING_MARKS = frozenset("\"“‘'«")
PHRASAL_CUES = {"pointed": " out", "points": " out", "shot": " back", "fired": " back", "chimed": " in", "went": " on"}
# Cue verbs also when capitalised: inverted at a sentence's start ("Said X, ...") or typed so ("Tweeted").
CAPITALISED_CUES = frozenset(
    {"said", "says", "continued", "added", "tweeted", "wrote", "asked", "told", "explained"}
    | {"stated", "noted", "replied", "responded", "declared", "insisted", "argued", "quipped", "warned", "recalled"}
)
# Reporting verbs found on unseen news beyond the shared lexicon ("Trump assured Jones", "opined the Plain
# Dealer"); kept here so the people finder's evidence does not change with them.
SPEAKER_VERBS = lx.REPORTING_VERBS | lx._inflect("assure exhort opine thunder proclaim boom react thank")
# "encouraged people to "..."": not "to encourage", an infinitive of purpose after someone else's deeds
SPEAKER_VERBS = SPEAKER_VERBS | {"encouraged", "encourages"}
# Every lowercased word that can start a cue of ``CueIndex._all_cues``: the others are skipped at once.
_CUE_WORDS = (
    frozenset(w.lower() for w in SPEAKER_VERBS | lx.CHANNEL_VERBS | lx.REPORTING_NOUN_LIKE)
    | CONTINUED
    | BEFORE_QUOTE
    | CAPITALISED_CUES
    | frozenset(PHRASAL_CUES)
    | {"according", "quoting", "words", "by", "statement", "statements", "reads", "read"}
)
# "expressed": a cue when "that" follows within three words ("expressed confidence that"), not "expressed a
# desire to" (tokens are words, so a colon after it, "expressed hope:", is not seen here)
_EXPRESSED = frozenset(lx._inflect("express"))
# "to counter that", "countered that": a cue before "that" only (a counter is mostly a noun)
_COUNTER = frozenset({"counter"})
_CUE_WORDS = _CUE_WORDS | _EXPRESSED | _COUNTER
_CUE_FORMS = _CUE_WORDS | {w.capitalize() for w in _CUE_WORDS} | {w.upper() for w in _CUE_WORDS}
# Things whose text "reads" as their sender's words ("The ministry's statement read").
_DOCUMENTS = frozenset({"letter", "statement", "memo", "email", "e-mail", "note", "message", "release", "notice"})
# Documents whose text "states" their issuer's words ("the report states", "the resolution states").
_PAPERS = _DOCUMENTS | lx.DOCUMENT_NOUNS
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be"})
STATEMENT_VERBS = frozenset({"issued", "released", "published", "posted", "made", "issues", "releases"})


class CueIndex:
    def __init__(self, tokens: list[Token], masked: str) -> None:
        self.tokens, self.masked = tokens, masked
        self._cues: list[tuple[int, int, tuple[str, int, int]]] | None = None  # found on first use
        self._cue_starts: list[int] = []

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
        quoted_by = -99  # the token of the last "quoted by"
        # The candidates, picked at C speed: tokens written as a cue word in lower, title or upper case.
        for i in compress(range(len(tokens)), map(_CUE_FORMS.__contains__, token_texts(tokens))):
            token = tokens[i]
            word = token.text
            if masked[token.start] == MASK:
                continue
            low = word.lower()
            cue = None
            if low == "according" and i + 1 < len(tokens) and tokens[i + 1].text == "to":
                cue = ("lead", token.start, tokens[i + 1].end)
            elif low == "quoting" or (low == "words" and i and tokens[i - 1].text == "the"):
                cue = ("lead", token.start, token.end + (3 if low == "words" else 0))
            elif word in ("reads", "read") and i and tokens[i - 1].lower in _DOCUMENTS:
                cue = ("verb", token.start, token.end)  # "The Home Office letter reads": its sender's words
            elif low == "by" and i > 1 and tokens[i - 1].text == "quoted" and tokens[i - 2].lower in _PASSIVE:
                cue = ("verb", tokens[i - 1].start, tokens[i - 1].end)  # "he was quoted by the Post": he speaks
                quoted_by = i
            elif word == "saying" and i - quoted_by < 16 and tokens[i - 1].text == "as":
                continue  # "X was quoted by the Post as saying": X speaks, as the cue of "quoted" says
            elif low == "by" and i and tokens[i - 1].text in lx.BY_VERBS:
                cue = ("lead", token.start, token.end)  # "described by X as"
            elif word in lx.CHANNEL_VERBS and (
                masked[token.end : token.end + 1] in (":", ",") or masked.startswith(" on ", token.end)
            ):
                cue = ("verb", token.start, token.end)  # "posted on Twitter:"
            elif (
                word in SPEAKER_VERBS
                or (word in CONTINUED and masked[token.end : token.end + 1] in ":,")
                or (
                    word in BEFORE_QUOTE
                    and masked[token.end : token.end + 1] in (":", ",")
                    and masked[token.end + 1 : token.end + 3].lstrip()[:1] in _OPENING_MARKS
                )
            ):
                cue = ("verb", token.start, token.end)
            elif word in _COUNTER:
                if i + 1 < len(tokens) and tokens[i + 1].text == "that":
                    cue = ("verb", token.start, token.end)
            elif word in _EXPRESSED:
                said = next((k for k in range(i + 1, min(len(tokens), i + 4)) if tokens[k].text == "that"), None)
                if said is not None and "," not in masked[token.end : tokens[said].start]:
                    cue = ("verb", token.start, token.end)
            elif word in PHRASAL_CUES and masked.startswith(PHRASAL_CUES[word], token.end):
                cue = ("verb", token.start, token.end + len(PHRASAL_CUES[word]))  # "pointed out", "shot back"
            elif word[0].isupper() and low in CAPITALISED_CUES:
                cue = ("verb", token.start, token.end)  # "Continued Stone:", "Said Dorothy Poynter,"
            elif word in ("statement", "statements") and any(
                tokens[k].text in STATEMENT_VERBS for k in range(max(0, i - 4), i - 1)
            ):
                # "X issued a statement", "X released the following statement:"
                verb = next(tokens[k] for k in range(i - 2, max(-1, i - 5), -1) if tokens[k].text in STATEMENT_VERBS)
                cue = ("verb", verb.start, verb.end)
            elif (
                word in lx.REPORTING_NOUN_LIKE
                and i
                and (tokens[i - 1].cap or tokens[i - 1].lower in ("he", "she", "it") or tokens[i - 1].lower in _PAPERS)
            ):
                cue = ("verb", token.start, token.end)
            if cue is not None:
                found.append((token.start, token.end, cue))
        return found

    def cued(self, quote: RawQuote, floor: int, limit: int, window: int = 14) -> bool:
        """Whether a reporting cue frames the quote, even one whose speaker is unknown ("she said")."""
        if window == 14 and self.first_cue(floor, quote.open_mark):
            return True
        if quote.close_mark is None:
            return False
        after = self.first_cue(quote.close_mark + 1, limit)
        return after is not None and len(self.masked[quote.close_mark + 1 : after[1]].split()) <= window
