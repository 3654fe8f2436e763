"""The analyser's fast patterns find exactly what their plain forms find.

Several patterns are written for the regex engine's sake (a set of characters first instead of a word
boundary, a reversed window matched at its start instead of a search ending in "$"); the plain form of
each is kept here, and any text must give the same matches, so the analysis cannot change with them.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import links, org_shapes, orgs, people, source_venues, tokens
from reader.text import strip_controls
from tests.fuzz import examples

PIECES = st.sampled_from(
    [*" \n\t.,;:!?…\"”’')(-_&/ſ\ue000", "\n\n", ". ", "…. ", "?… ", ".” ", ".' ", "!) ", "?\")\n",
     "A", "Z", "b", "x", "9", "é", "said", "told ", "tells ", "said in ", "spoke to ", "the ", "The ", "Post",
     "FDA", "CDC&B", "http://", "HTTPS://", "httpſ://", "www.", "WwW.", "cited by ", "released by ",
     "by ", " by", "unreported by ", "interview ", "aired ", "with ", "on ",
     "magazine ", "news agency ", "daily ", "Ministry", " of ", "al-", "named ", "called ", "a ", "An ",
     "child, ", "Mr.", "x" * 12]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, PIECES, PIECES, st.text(max_size=4)), max_size=40).map("".join)

PLAIN = [
    (tokens._BOUNDARY, re.compile(r"(?<![.!?…])[.!?…]+[\"”’')]*\s+|\n\n")),
    (links._URL, re.compile(r"\b(?:https?://|www\.)[^\s<>\"'“”‘’()\[\]{}]+", re.I)),
    (orgs._ACRONYM, re.compile(r"\b([A-Z][A-Z0-9&]{1,7})\b")),
    (orgs._THE_NAME, re.compile(r"\bthe ([A-Z]\w+)\b(?!\s+[A-Z])")),
    (
        org_shapes._CUED_BEFORE,
        re.compile(
            r"\b(?:magazine|newspaper|broadcaster|news agency|news site|tabloid|daily)"
            r"\s+((?:[A-Z][\w.&-]{0,60}\s?){1,4})"
        ),
    ),
    (
        source_venues._BY,
        re.compile(r"\b(?:shared|reported|published|posted|provided|released|compiled|gathered|quoted|cited) by\s+"),
    ),
    (
        source_venues._TO,
        re.compile(
            r"\b(?:told|tells|tell|remarks to|remarked to|said to|explained to|statements? to|"
            r"interviews? (?:[a-z]{1,12} ){0,3}?with|aired (?:[a-z]{1,12} )?on|broadcast (?:[a-z]{1,12} )?on|"
            r"speaking to|spoke to|talking to|talked to|"
            r"(?:said|says|speaking|spoke|appeared|appearing|writing|wrote|writes) (?:on|in)|"
            r"(?:reported|published)(?: online)? in)\s+"
            r"(?=(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z])"
        ),
    ),
]


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=examples(400), deadline=None)
@given(TEXT)
def test_fast_patterns_find_what_their_plain_forms_find(text: str) -> None:
    for fast, plain in PLAIN:
        assert matches(fast, text) == matches(plain, text), plain.pattern


@settings(max_examples=examples(400), deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=60))
def test_words_read_from_the_end_of_a_window_are_the_searched_ones(text: str, cut: int) -> None:
    start = min(cut, len(text))
    before = re.search(r"([\w’'-]+)\W*$", text[max(0, start - 40) : start])
    assert people._word_before(text, start) == (before.group(1) if before else "")
    window = text[max(0, start - 30) : start]
    comma = re.search(r"([\w-]+),\s*$", window)
    reversed_comma = people._ROLE_COMMA_REVERSED.match(window[::-1])
    assert (reversed_comma.group(1)[::-1] if reversed_comma else None) == (comma.group(1) if comma else None)
    lead = re.search(r"((?:[a-z][\w-]*\s+){0,3})$", text)
    assert lead is not None
    assert text[len(text) - people._LOWER_LEAD_REVERSED.match(text[::-1]).end() :] == lead.group(1)
    introduced = people._INTRODUCED.search(text, max(0, start - 80), start)
    assert people._introduced_role(text, start) == (introduced.group(1) if introduced else None)


@settings(max_examples=examples(400), deadline=None)
@given(TEXT)
def test_credits_by_are_found_from_each_by_as_by_a_scan_of_the_whole_text(text: str) -> None:
    assert matches(source_venues._BY, text) == [(m.span(), m.groups()) for m in source_venues._credited_by(text)]


ESCAPES = st.lists(
    st.one_of(st.sampled_from(["\x1b[31m", "\x1b]0;t\x07", "\x9b2J", "\x90x\x9c", "\u200e", "\u202e", "\u00ad"]), TEXT),
    max_size=8,
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(ESCAPES)
def test_controls_are_stripped_alike_whether_or_not_an_escape_starts_the_scan(text: str) -> None:
    """The escape pattern is skipped when no escape introducer is present: the result must not change."""
    from reader import text as module

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    plain = module._CONTROL_RUN.sub(module._space_between_words, module._ESCAPES.sub("", text))
    plain = module._SURROGATES.sub("\ufffd", module._INVISIBLE.sub("", plain))
    assert strip_controls(text) == plain
