"""Word tokens with offsets, capitalised runs and sentence spans: the shared ground of the rules."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, itemgetter
from typing import NamedTuple


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABBREVIATIONS = _words(
    "Mr Mrs Ms Dr St Prof Gen Sen Rep Gov Lt Col Capt Sgt Cpl Jr Sr Inc Ltd Co Corp Rev Hon Pres Supt vs No "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U D.C L.A a.m p.m e.g i.e etc"
)
PARTICLES = _words("al el bin ibn de da di del dela della van von der den du dos das la le ter ten bint abu")
ORG_CONNECTORS = _words("of for on and & the de des du la le")

_WORD = re.compile(r"[^\W_][\w'’.\-&/]*")
# The same words: ASCII letters and digits, already in ``\w``, listed first are found by one lookup in the
# class's table before the Unicode category test of ``\w`` (a tenth faster on news text). The first
# character's class lists the ASCII characters that are not word characters for the same reason: the
# search tries it at every space and stop between words, which the category test took four lookups to
# turn down (another tenth).
_WORD_SPLIT = re.compile(r"([^\x00-/:-@\[-^`{-\x7f\W_][a-zA-Z0-9\w'’.\-&/]*)")


class Token(NamedTuple):
    text: str  # without a possessive ending
    start: int
    end: int  # end of ``text`` (a possessive ending is not included)
    possessive: bool = False
    cap: bool = False  # capitalised, or a lowercase particle joined to a capitalised name (al-Amr)

    @property
    def lower(self) -> str:
        return self.text.lower()


def _capitalised(word: str) -> bool:
    if word[0].isupper():
        return True
    # al-Amr, el-Sisi: a lowercase particle joined to a capitalised name
    head, _, rest = word.partition("-")
    return bool(rest) and head in PARTICLES and rest[:1].isupper()


class Tokens(list[Token]):
    """The tokens of one text. Several rules ask for the same capitalised runs; they are found once,
    from the capitalised tokens, also found once."""

    def __init__(self, tokens: Iterable[Token]):
        super().__init__(tokens)
        self.runs: dict[frozenset[str], list[list[Token]]] = {}
        self.capitals: list[int] | None = None
        self.texts: list[str] | None = None


_CAP = attrgetter("cap")


def capital_indices(tokens: list[Token]) -> list[int]:
    """Indices of the capitalised tokens, in order: picked by ``compress`` rather than a loop over every
    token, and once per ``Tokens``."""
    if not isinstance(tokens, Tokens):
        return list(compress(range(len(tokens)), map(_CAP, tokens)))
    if tokens.capitals is None:
        tokens.capitals = list(compress(range(len(tokens)), map(_CAP, tokens)))
    return tokens.capitals


_TEXT = itemgetter(0)  # a token's text


def token_texts(tokens: list[Token]) -> list[str]:
    """The texts of the tokens, in order: several rules pick tokens by their text at C speed, and the list is
    made once per ``Tokens``."""
    if not isinstance(tokens, Tokens):
        return list(map(_TEXT, tokens))
    if tokens.texts is None:
        tokens.texts = list(map(_TEXT, tokens))
    return tokens.texts


_ADJUSTED_ENDINGS = frozenset("-/&.'’")


_FIRST = itemgetter(0)
_LAST = itemgetter(-1)
_NEW = tuple.__new__  # a token made directly, without a Python-level call (or a partial's)


@functools.lru_cache(maxsize=1 << 14)
def _adjusted(word: str) -> tuple[str, bool]:
    """``word`` without a trailing hyphen, slash or sentence stop, and without a possessive ending; cached,
    as the words that end a sentence ("said.") recur from article to article."""
    word = word.rstrip("-/&")
    if word.endswith(("''", ".'", ".’", "’’")):
        word = word.rstrip("'’")  # a closing quote written with apostrophes: "Stevens.''", "Stevens.'"
    if word.endswith("."):
        bare = word[:-1]
        if not (bare in ABBREVIATIONS or (len(bare) == 1 and bare.isupper()) or "." in bare):
            word = bare
    if word.endswith(("'s", "’s")) and len(word) > 2:
        return word[:-2], True
    if word.endswith(("'", "’")):
        return word[:-1], word[:-1].endswith("s")
    return word, False


def tokenize(text: str) -> Tokens:
    """The word tokens of ``text``: the hottest code of the analysis, so each step runs over all tokens at
    C speed (``map``, ``compress``) and only the few words with a special ending or a hyphen are looked at
    one by one."""
    pieces = _WORD_SPLIT.split(text)  # text between words, a word, text between words, ...
    words = pieces[1::2]
    starts = list(accumulate(map(len, pieces)))[::2]  # where each word begins: the length of all before it
    del starts[len(words) :]
    possessive = [False] * len(words)
    # Most words end in a letter; a plural's "s" needs a look only after an apostrophe ("Trump's").
    for i in compress(range(len(words)), map(_ADJUSTED_ENDINGS.__contains__, map(_LAST, words))):
        words[i], possessive[i] = _adjusted(words[i])
    # The other possessives ("Trump's"), found from each "'s" of the text (str.find), not by a look at every word.
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if i >= 0 and not possessive[i] and words[i].endswith(("'s", "’s")):
                words[i], possessive[i] = _adjusted(words[i])
            at = text.find(mark, at + 2)
    caps = list(map(str.isupper, map(_FIRST, words)))
    at = text.find("-")  # the words with a hyphen, from each of the text's (str.find)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i >= 0 and not caps[i] and "-" in words[i]:
            caps[i] = _capitalised(words[i])  # al-Amr
        at = text.find("-", at + 1)
    ends = map(add, starts, map(len, words))
    return Tokens(map(_NEW, repeat(Token), zip(words, starts, ends, possessive, caps, strict=True)))


def capitalised_runs(text: str, tokens: list[Token], connectors: frozenset[str] = frozenset()) -> list[list[Token]]:
    """Maximal sequences of capitalised tokens separated by single spaces.

    Lowercase particles (al, de, van ...) and, for organisation names, ``connectors`` (of, for, and)
    may join two capitalised tokens. A possessive ends a run. The runs of a ``Tokens`` list are
    found once per set of connectors and shared, so callers must not change them.
    """
    cache = tokens.runs if isinstance(tokens, Tokens) else None
    if cache is not None and connectors in cache:
        return cache[connectors]
    runs: list[list[Token]] = []
    count = len(tokens)
    j = 0
    for i in capital_indices(tokens):
        if i < j:
            continue  # already inside the previous run
        run = [tokens[i]]
        last = run[0]
        j = i + 1
        while j < count and not last.possessive:
            token = tokens[j]
            if text[last.end : token.start] != " ":
                break
            if token.cap:
                if last.text == "X." and text.endswith("on ", 0, last.start):
                    break  # "wrote on X. Analysts said": the platform ends the sentence, it is no initial
                run.append(token)
                last = token
                j += 1
                continue
            joins = token.text in PARTICLES or token.text in connectors
            if joins and j + 1 < count and tokens[j + 1].cap and text[token.end : tokens[j + 1].start] == " ":
                last = tokens[j + 1]
                run.extend([token, last])
                j += 2
                continue
            # Two particles in a row: "Ursula von der Leyen", "Rafael de la Torre".
            if (
                token.text in PARTICLES
                and j + 2 < count
                and tokens[j + 1].text in PARTICLES
                and tokens[j + 2].cap
                and text[token.end : tokens[j + 1].start] == " "
                and text[tokens[j + 1].end : tokens[j + 2].start] == " "
            ):
                last = tokens[j + 2]
                run.extend([token, tokens[j + 1], last])
                j += 3
                continue
            break
        runs.append(run)
    if cache is not None:
        cache[connectors] = runs
    return runs


# Matches start only at the first of a run of stops: a run not followed by a space fails from every one
# of its characters alike, and trying each of them made a long run of dots quadratic.
_INITIALS = re.compile(r"(?:\w\.)*\w")  # "J", "G.K": initials, not the end of a sentence
_LAST_WORD = re.compile(r"([\w.]+)\.?$")
# Written to begin with a set of characters, which the regex engine skips to directly; a pattern that
# begins with an assertion (``(?<!...)``, ``\b``) is tried at every position of the text, several times
# slower. The same matches as ``(?<![.!?…])[.!?…]+["”’')]*\s+|\n\n``.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\n|(?<=[.!?…])(?<![.!?…]{2})[.!?…]*[\"”’')]*\s+)")


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Sentences of a body whose quotes are masked, so sentences inside quotes do not split."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(masked):
        at, after = match.span()
        paragraph = masked[at] == "\n"
        if not paragraph and "\n\n" not in masked[at:after]:  # a paragraph ends whatever word is before it
            following = masked[after : after + 1]
            if following and not (following.isupper() or following.isdigit() or following in "\"“‘'«(\ue000"):
                continue
            if masked[at] == ".":
                word = _LAST_WORD.search(masked, max(0, at - 12), at)
                if word and (word.group(1) in ABBREVIATIONS or _INITIALS.fullmatch(word.group(1))):
                    continue  # "Mr. Smith", "G.K. Butterfield"
        end = at if paragraph else after
        if end > start:
            spans.append((start, end))
        start = after
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans


def is_word_char(char: str) -> bool:
    """A character ``\\w`` matches in a ``str`` pattern."""
    return char.isalnum() or char == "_"


def word_offsets(text: str, word: str) -> list[int]:
    """Where ``word`` stands between word boundaries: the starts of ``re.finditer(rf"\\b{re.escape(word)}\\b",
    text)``, found with ``str.find``. A pattern per word (a name, a surname) cost a compile each on its first
    use, more than the search."""
    if not word:
        return [match.start() for match in re.finditer(r"\b\b", text)]
    found = []
    size = len(text)
    opens, closes = is_word_char(word[0]), is_word_char(word[-1])
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at > 0 and is_word_char(text[at - 1])) != opens and (end < size and is_word_char(text[end])) != closes:
            found.append(at)
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return found


def stands_alone(text: str, word: str, inside: str = "'’-") -> bool:
    """Whether ``word`` occurs with neither a word character nor one of ``inside`` on either side: as
    ``re.search(rf"(?<![\\w{inside}]){re.escape(word)}(?![\\w{inside}])", text)``, with no pattern compiled."""
    at = text.find(word)
    size = len(text)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else ""
        after = text[end] if end < size else ""
        if not (before and (is_word_char(before) or before in inside)) and not (
            after and (is_word_char(after) or after in inside)
        ):
            return True
        at = text.find(word, at + 1)
    return False


def matches_from(pattern: re.Pattern[str], text: str, stems: Iterable[str]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)`` for a pattern whose every match opens with one of ``stems``:
    matched at each place a stem is found (str.find), in order and after the end of the last match, as
    finditer reaches them. For a pattern opening with many common letters, which finditer tries at each."""
    return matches_at(pattern, text, stem_starts(text, stems))


def stem_starts(text: str, stems: Iterable[str]) -> list[int]:
    """Where any of ``stems`` is found in ``text`` (str.find), in order: for ``matches_at``, and found once
    for two patterns that open with the same stems."""
    starts = set()
    for stem in stems:
        at = text.find(stem)
        while at >= 0:
            starts.add(at)
            at = text.find(stem, at + 1)
    return sorted(starts)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` at ``starts`` (in order), each after the end of the last, as finditer
    reaches them: ``matches_from`` with the stems' starts already found."""
    end = 0
    for at in starts:
        if at >= end and (match := pattern.match(text, at)) is not None:
            end = match.end()
            yield match
