"""Word tokens with offsets, capitalised runs and sentence spans: the shared ground of the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABBREVIATIONS = _words(
    "Mr Mrs Ms Dr St Prof Gen Sen Rep Gov Lt Col Capt Sgt Cpl Jr Sr Inc Ltd Co Corp Rev Hon Pres Supt vs No "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U D.C L.A a.m p.m e.g i.e etc"
)
PARTICLES = _words("al el bin ibn de da di del della van von der den du dos das la le ter ten bint abu")
ORG_CONNECTORS = _words("of for on and & the de des du la le")

_WORD = re.compile(r"[^\W_][\w'’.\-&/]*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # without a possessive ending
    start: int
    end: int  # end of ``text`` (a possessive ending is not included)
    possessive: bool = False

    @property
    def cap(self) -> bool:
        first = self.text[0]
        if first.isupper():
            return True
        # al-Amr, el-Sisi: a lowercase particle joined to a capitalised name
        head, _, rest = self.text.partition("-")
        return bool(rest) and head in PARTICLES and rest[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word, start = match.group(0), match.start()
        possessive = False
        word = word.rstrip("-/&")
        if word.endswith("."):
            bare = word[:-1]
            if not (bare in ABBREVIATIONS or (len(bare) == 1 and bare.isupper()) or "." in bare):
                word = bare
        if word.endswith(("'s", "’s")) and len(word) > 2:
            word, possessive = word[:-2], True
        elif word.endswith(("'", "’")):
            word, possessive = word[:-1], word[:-1].endswith("s")
        if word:
            tokens.append(Token(word, start, start + len(word), possessive))
    return tokens


def capitalised_runs(text: str, tokens: list[Token], connectors: frozenset[str] = frozenset()) -> list[list[Token]]:
    """Maximal sequences of capitalised tokens separated by single spaces.

    Lowercase particles (al, de, van ...) and, for organisation names, ``connectors`` (of, for, and)
    may join two capitalised tokens. A possessive ends a run.
    """
    runs: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].cap:
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and not run[-1].possessive:
            gap = text[run[-1].end : tokens[j].start]
            if gap not in (" ", "'s ", "’s "):
                break
            if gap != " ":
                break
            token = tokens[j]
            if token.cap:
                run.append(token)
                j += 1
                continue
            joins = token.text in PARTICLES or token.text in connectors
            if joins and j + 1 < len(tokens) and tokens[j + 1].cap and text[token.end : tokens[j + 1].start] == " ":
                run.extend([token, tokens[j + 1]])
                j += 2
                continue
            break
        runs.append(run)
        i = j
    return runs


# Matches start only at the first of a run of stops: a run not followed by a space fails from every one
# of its characters alike, and trying each of them made a long run of dots quadratic.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)]*\s+|\n\n")


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Sentences of a body whose quotes are masked, so sentences inside quotes do not split."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(masked):
        end = match.start()
        if match.group(0) != "\n\n":
            before = masked[max(0, end - 12) : end + 1]
            word = re.search(r"([\w.]+)\.?$", before[:-1] if before.endswith(".") else before)
            following = masked[match.end() : match.end() + 1]
            if word and masked[end] == "." and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            if following and not (following.isupper() or following.isdigit() or following in "\"“‘'«(\ue000"):
                continue
        end = match.end() if match.group(0) != "\n\n" else match.start()
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans
