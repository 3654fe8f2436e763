"""Shapes of organisation and outlet names that the capitalised runs alone miss or misjudge.

"The Brooklyn Paper" and "BBC Sport" are outlets though their last words are not the lexicon's outlet
words; "the United Nations refugee agency" is a body though its head noun is lowercase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.analysis import lexicon as lx
from reader.analysis.tokens import Token

# Last words of outlets' names besides the lexicon's ("The Brooklyn Paper", "BBC Sport", "BBC News Online"), and
# words that make any name an outlet ("Australian Broadcasting Corporation").
OUTLET_TAILS = lx._words("Paper Newspaper Sport Sports Newsroom Channel Online")
OUTLET_ANYWHERE = lx._words("Broadcasting Broadcaster")
# "The Guardian", "The Independent": one word after "The" that names an outlet on its own.
THE_OUTLETS = lx._words("Guardian Independent Observer Economist Telegraph Times Post Herald Tribune Gazette Inquirer")


# "the United Nations refugee agency", "the Spanish health ministry": a name, a few lowercase words, a body.
# The head nouns are found first among the tokens (few in an article), then the name is read back from each.
HEADS = lx._words(
    "agency ministry department commission council committee office government administration authorities "
    "regulator watchdog police military army court embassy secretariat"
)
HEADS = HEADS | {head + "s" for head in HEADS}
_NAME_AFTER_THE = re.compile(r"[Tt]he ((?:[A-Z][\w'’-]{0,40} ){1,4}(?:[a-z][\w'’-]{0,30} ){0,2})")
LOWER_HEADED_STOP = lx.STOP_CAPS | lx.DAYS | lx.MONTHS | lx.TITLES


def lower_headed_bodies(text: str, tokens: list[Token], person_starts: set[int]) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each body named with a lowercase head noun."""
    for head in tokens:
        if head.text not in HEADS:
            continue
        found = _name_before(text, head.start)
        if found is None:
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
