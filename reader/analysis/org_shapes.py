"""Shapes of organisation and outlet names that the capitalised runs alone miss or misjudge.

"The Brooklyn Paper" and "BBC Sport" are outlets though their last words are not the lexicon's outlet
words; "the United Nations refugee agency" is a body though its head noun is lowercase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.analysis import lexicon as lx

# Last words of outlets' names besides the lexicon's ("The Brooklyn Paper", "BBC Sport"), and words that
# make any name an outlet ("Australian Broadcasting Corporation").
OUTLET_TAILS = lx._words("Paper Newspaper Sport Sports Newsroom Channel")
OUTLET_ANYWHERE = lx._words("Broadcasting Broadcaster")
# "The Guardian", "The Independent": one word after "The" that names an outlet on its own.
THE_OUTLETS = lx._words("Guardian Independent Observer Economist Telegraph Times Post Herald Tribune Gazette Inquirer")


# "the United Nations refugee agency", "the Spanish health ministry": a name, a few lowercase words, a body.
_LOWER_HEADED = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w'’-]{0,40} ){1,4}(?:[a-z][\w'’-]{0,30} ){0,2}"
    r"(?:agency|ministry|department|commission|council|committee|office|government|administration|authorities|"
    r"regulator|watchdog|police|military|army|court|embassy|secretariat|spokesman|spokeswoman)s?)\b"
)
LOWER_HEADED_STOP = lx.STOP_CAPS | lx.DAYS | lx.MONTHS | lx.TITLES


def lower_headed_bodies(text: str, person_starts: set[int]) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each body named with a lowercase head noun."""
    if "the " not in text and "The " not in text:
        return
    for match in _LOWER_HEADED.finditer(text):
        name = match.group(1)
        if match.start(1) in person_starts or name.split()[0] in LOWER_HEADED_STOP:
            continue
        if name.endswith(("spokesman", "spokeswoman")):
            continue  # "the United Nations spokesman" is a person
        yield name, match.start(1), match.end(1)
