"""Frames of reported words: the clause or phrase around a few quoted words that says they are
someone's words ('protested that the aides were "disingenuous"', 'the closing of the clinic was "deeply
unfair"'), and whose they are when the frame names them.
"""

from __future__ import annotations

import re

from reader.analysis.quotes import MASK, RawQuote
from reader.analysis.speakers import Attributor, Speaker

# A clause reported after a verb, its quoted words its complement: 'protested that the aides were being
# "disingenuous"', 'tweeted that she was "Disgraceful!"'.
_REPORTED_COPULA = re.compile(
    r"\b\w+ed\b(?:\s+[\w'’.,-]+){0,6}?\s+that\b(?:\s+[\w'’.-]+){0,8}?\s+(?:is|was|were|are|be|being|been)"
    r"(?:\s+(?:a|an|the|not|so|too|very))?\s*[\"“‘'«]*$"
)


# A clause after a noun of speech, its quoted words in it: 'the 2001 admission that he was "against the
# toll,"', 'a report by the Courier that the mayor "padded" the figures'. The words are the clause's, reported; whose
# they are, when a possessive before the noun or "by" after it names them.
_SAID_THAT = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w.-]*)(?:'s|’s|s'|s’)\s+(?:[\w-]+\s+){0,3}?)?"
    r"\b(?:admission|claim|assertion|statement|argument|insistence|suggestion|report|complaint|allegation|"
    r"contention|charge|warning|promise|pledge|vow|boast)s?\b"
    r"(?:\s+by\s+(?:the\s+)?(?P<agent>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*))?"
    r"(?:\s+[\w'’.,-]+){0,4}?\s+that\b(?:\s+[\w'’.,-]+){0,8}?\s*[\"“‘'«]*$"
)


# A demand's that-clause, its quoted words in it: 'demanded that Roe pay "every last cent"'.
_ASKED_THAT = re.compile(
    r"\b(?:demand|insist|urg|ask|suggest|propos|recommend|request)(?:s|ed|ing|e|es)?\s+that\b"
    r"(?:\s+[\w'’.,-]+){0,8}?\s*[\"“‘'«]*$"
)


# A verb whose infinitive the quoted words complete: 'a call for the party to "embrace" him', 'urged
# them not to "give up"'.
_WANTED_TO = re.compile(
    r"\b(?:promis|vow|pledg|urg|call(?:ed|ing|s)? for|want|intend|demand|ask|threaten|warn|encourag|invit|challeng|"
    r"order)"
    r"\w*\b(?:\s+[\w'’.,-]+){0,6}?\s+(?:not\s+)?to\s*[\"“‘'«]*$"
)


# A verb of blame or credit whose "for" or "of" phrase the quoted words end: 'criticized the mayor for
# "misleading the voters"', 'accused the panel of asking "loaded questions"', 'thanking Sen. Roe (D) for
# finding "a fair deal"'. The words are the blamer's.
_FAULTED_FOR = re.compile(
    r"\b(?:criticiz|criticis|blast|slamm|slams|lambast|denounc|accus|fault|chid|scold|rebuk|condemn|mock|ridicul|"
    r"credit|prais|laud|applaud|commend|thank|assail)\w*\b(?:\s+[\w'’.,()-]+){0,8}?\s+(?:for|of)\b(?:\s+[\w'’-]+){0,6}?[\s,]*[\"“‘'«]*$"
)


# Someone's act of speech named by a possessive before the quoted words: 'the mayor's assertion that
# "hundreds" came', 'Roe's call for a "fresh start"', 'rejected Ash's offer to make an "exception"'.
_THEIR_WORDS = re.compile(
    r"\b([A-Z][\w.-]*)(?:'s|’s|s'|s’)\s+(?:[a-z][\w-]*\s+){0,3}?(?:assertion|claim|call|promise|pledge|vow|"
    r"accusation|broadside|rejection|offer|charge|warning|insistence|demand|remark|comment|description)s?\b"
    r"(?:\s+[\w'’-]+){0,6}?[\s,]*[\"“‘'«]*$"
)


# A copula right before the quoted words ('the closing was "deeply unfair" to', 'she is not "fit"
# to'), not an article ('would be a "public benefit"': a noun phrase, often a term), and
# what may follow a predicate rather than the noun of an attributive term ('a "dry" county').
_COPULA_BEFORE = re.compile(
    r"(?:\b(?:is|was|were|are|be|been|being)|\b(?:it|he|she|that)['’]s)"
    r"(?:\s+(?:not|so|too|very|also|still|now|just))?\s*[\"“‘'«]*$"
)
_AFTER_PREDICATE = frozenset(
    {"to", "for", "on", "in", "of", "than", "and", "or", "but", "with", "at", "by", "because", "as", "when", "if"}
    | {"since", "after", "about", "from", "that", "who", "which"}
)


_JOINED_QUOTE = re.compile("[”\"’'»]*\\s+(?:and|or)\\s+[\"“‘'«]" + MASK + "+")


def _predicate(att: Attributor, quote: RawQuote, floor: int) -> bool:
    """Whether the quoted words are what the writer's sentence says something is: someone's judgement
    quoted ('the closing of the clinic was "deeply unfair"'), not a term the writer uses."""
    if quote.close_mark is None or not _COPULA_BEFORE.search(
        att.masked, max(floor, quote.open_mark - 24), quote.open_mark
    ):
        return False
    if att.body[quote.end - 1] in ".!?;:,":
        return True  # 'that was not "sustainable."': the quoted words end the clause
    rest = att.masked[quote.close_mark + 1 : quote.close_mark + 60]  # past the next quote's mark: not ``limit``
    joined = _JOINED_QUOTE.match(rest)
    if joined is not None:
        rest = rest[joined.end() :]  # 'the boilers are "gas" or "oil" fired': what follows both
    words = rest.lstrip(" ”\"’'»").split(maxsplit=1)
    word = words[0] if words else ""
    return not word[:1].isalpha() or word in _AFTER_PREDICATE


def _blamer_or_owner(att: Attributor, quote: RawQuote, floor: int) -> Speaker | None:
    """Who blames or credits, or whose act of speech it is, when one of those frames the quoted words."""
    start = max(floor, quote.open_mark - 100)
    blame = _FAULTED_FOR.search(att.masked, start, quote.open_mark)
    if blame is not None:
        return att.subject_before(floor, blame.start())
    owner = _THEIR_WORDS.search(att.masked, start, quote.open_mark)
    if owner is not None:
        return att.subject_before(owner.start(), owner.end(1))
    said = _SAID_THAT.search(att.masked, start, quote.open_mark)
    if said is None:
        return None
    name = "owner" if said.group("owner") else "agent" if said.group("agent") else None
    return att.subject_before(said.start(name), said.end(name)) if name else None


def _reported(att: Attributor, quote: RawQuote, floor: int) -> bool:
    """Whether the quoted words complete a clause or an infinitive that reports someone's words."""
    start = max(floor, quote.open_mark - 100)
    return any(
        p.search(att.masked, start, quote.open_mark)
        for p in (_REPORTED_COPULA, _SAID_THAT, _ASKED_THAT, _WANTED_TO, _FAULTED_FOR, _THEIR_WORDS)
    )
