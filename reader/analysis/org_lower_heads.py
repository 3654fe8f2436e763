"""Bodies whose names the capitalised runs break: a lowercase head noun ("the United Nations refugee
agency", "the Spanish health ministry", "Russia's defense ministry") or a date inside the name ("the
January 25 Youth Coalition").

Moved out of ``org_shapes`` unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from reader.analysis import lexicon as lx
from reader.analysis.org_shapes import ORG_HEADS
from reader.analysis.tokens import Token, capital_indices, token_texts

# "the United Nations refugee agency", "the Spanish health ministry": a name, a few lowercase words, a body.
# The head nouns are found first among the tokens (few in an article), then the name is read back from each.
HEADS = lx._words(
    "agency ministry department commission council committee office government administration authorities "
    "regulator watchdog police military army court embassy secretariat"
)
HEADS = HEADS | {head + "s" for head in HEADS}
_NAME_AFTER_THE = re.compile(r"[Tt]he ((?:[A-Z][\w'’-]{0,40} ){1,4}(?:[a-z][\w'’-]{0,30} ){0,2})")
LOWER_HEADED_STOP = lx.STOP_CAPS | lx.DAYS | lx.MONTHS | lx.TITLES
# "Russia's defense ministry", "South Korea's foreign ministry", "Israel's army": a country's body.
_PLACE_OWNED = re.compile(r"(?:[A-Z][\w.-]* )?([A-Z][\w.-]*)['’]s (?:[a-z][\w-]* ){0,2}$")
_PLACE_OWNERS = lx.PLACES | {"U.S.", "US", "UK", "EU"}
_NAMED_AFTER = re.compile(r",? (?:the )?[A-Z]")


def lower_headed_bodies(text: str, tokens: list[Token], person_starts: set[int]) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each body named with a lowercase head noun."""
    for i in compress(range(len(tokens)), map(HEADS.__contains__, token_texts(tokens))):  # picked at C speed
        head = tokens[i]
        found = _name_before(text, head.start)
        if found is None:
            owned = _PLACE_OWNED.search(text, max(0, head.start - 80), head.start)
            if (
                owned is not None
                and owned.group(1) in _PLACE_OWNERS
                and owned.start() not in person_starts
                and not _NAMED_AFTER.match(text, head.end)  # "Jordan's state news agency, Petra,": Petra
            ):
                yield text[owned.start() : head.end], owned.start(), head.end
            continue
        start = found.start(1)
        if start in person_starts or text[start : found.end(1)].split()[0] in LOWER_HEADED_STOP:
            continue
        yield text[start : head.end], start, head.end


def _name_before(text: str, end: int) -> re.Match[str] | None:
    """The earliest "the Name words " that runs right up to ``end``, tried only where a "the" starts."""
    floor = max(0, end - 200)
    at = floor
    while True:
        at = min((i for i in (text.find("the ", at, end), text.find("The ", at, end)) if i >= 0), default=-1)
        if at < 0:
            return None
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            found = _NAME_AFTER_THE.fullmatch(text, at, end)
            if found is not None:
                return found
        at += 1


def dated_bodies(tokens: list[Token]) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of bodies named after a date ("the January 25 Youth Coalition", "the April 6 Youth
    Movement"), whose capitalised run the day's number breaks: "the", a month, a day, name words up to a head."""
    capitals, texts = capital_indices(tokens), token_texts(tokens)  # found once for all finders
    for i in compress(capitals, map(lx.MONTHS.__contains__, map(texts.__getitem__, capitals))):  # the months
        month = tokens[i]
        if i + 2 >= len(tokens):
            continue
        if not tokens[i + 1].text.isdigit() or len(tokens[i + 1].text) > 2:
            continue
        if not i or tokens[i - 1].text not in ("the", "The"):
            continue  # not "On January 25 Harbour Authority officials said": a date, then the name
        words = []
        for token in tokens[i + 2 : i + 7]:
            if not token.text[:1].isupper() or token.text in lx.MONTHS:
                break
            words.append(token)
            if token.text in ORG_HEADS:
                yield f"{month.text} {tokens[i + 1].text} " + " ".join(t.text for t in words), month.start, token.end
                break
            if token.possessive:
                break
