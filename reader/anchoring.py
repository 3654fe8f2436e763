"""Anchors for passages of an article body, and placing them again after the body changed.

An anchor is the W3C Web Annotation pair TextQuoteSelector (exact text, ~32 characters of prefix
and suffix) + TextPositionSelector (start and end offsets). ``reanchor`` tries, in order: the
stored offsets; the exact text elsewhere, chosen by context and nearness; a fuzzy match that
tolerates edits inside the passage. What cannot be placed is ``orphaned``; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

CONTEXT = 32
ANCHORED, MOVED, ORPHANED = "anchored", "moved", "orphaned"

# Weights of the candidate score, as in Hypothesis' text-quote anchoring: the quote counts most,
# then its context, and nearness to the old position only breaks ties.
_W_QUOTE, _W_PREFIX, _W_SUFFIX, _W_POSITION = 50.0, 20.0, 20.0, 2.0
_CHUNK = 64  # rapidfuzz aligns needles up to 64 characters with its fastest algorithm
_MAX_EXACT_CANDIDATES = 2000
# A passage still between its old neighbours may have changed more than one found elsewhere.
_MIN_SIMILARITY_IN_CONTEXT, _SAME_CONTEXT = 0.6, 0.8


@dataclass(frozen=True, slots=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        return cls(
            exact=str(data["exact"]),
            prefix=str(data.get("prefix") or ""),
            suffix=str(data.get("suffix") or ""),
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
        )

    def selectors(self) -> list[dict[str, Any]]:
        """The anchor in W3C Web Annotation form, for exports other tools can read."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an anchor lies in the current body; ``start``/``end`` are None for an orphan."""

    status: str
    start: int | None = None
    end: int | None = None
    similarity: float = 0.0  # of the placed text to the anchor's exact text, 0..1

    @property
    def placed(self) -> bool:
        return self.status != ORPHANED


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends (a selection often catches a space or a newline)."""
    start, end = max(0, start), min(len(body), end)
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def make_anchor(body: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """Anchor the passage ``body[start:end]``; ValueError when the span holds no text."""
    if not (0 <= start < end <= len(body)):
        raise ValueError(f"passage {start}-{end} is outside the article (0-{len(body)})")
    start, end = trim_span(body, start, end)
    if start >= end:
        raise ValueError("the passage is empty (only spaces)")
    return Anchor(
        exact=body[start:end],
        prefix=body[max(0, start - context) : start],
        suffix=body[end : end + context],
        start=start,
        end=end,
    )


# -- re-anchoring ------------------------------------------------------------------------------
def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


def _context_scores(anchor: Anchor, body: str, start: int, end: int) -> tuple[float, float]:
    prefix = body[max(0, start - len(anchor.prefix)) : start]
    suffix = body[end : end + len(anchor.suffix)]
    return _similarity(anchor.prefix, prefix), _similarity(anchor.suffix, suffix)


def _score(anchor: Anchor, body: str, start: int, end: int, quote: float) -> float:
    prefix, suffix = _context_scores(anchor, body, start, end)
    nearness = 1.0 - min(1.0, abs(start - anchor.start) / max(len(body), 1))
    return _W_QUOTE * quote + _W_PREFIX * prefix + _W_SUFFIX * suffix + _W_POSITION * nearness


def _exact_matches(body: str, exact: str) -> list[int]:
    found: list[int] = []
    at = body.find(exact)
    while at != -1 and len(found) < _MAX_EXACT_CANDIDATES:
        found.append(at)
        at = body.find(exact, at + 1)
    return found


def _needles(anchor: Anchor) -> list[tuple[str, int]]:
    """Pieces of the quote (and of the quote in its context) to look for, with their offset in the quote."""
    exact = anchor.exact
    if len(exact) <= _CHUNK:
        pieces = [(exact, 0)]
    else:
        middle = (len(exact) - _CHUNK) // 2
        tail = len(exact) - _CHUNK
        pieces = [(exact[:_CHUNK], 0), (exact[middle : middle + _CHUNK], middle), (exact[tail:], tail)]
    if len(exact) < 2 * _CHUNK:  # short quotes lean on their context to be told apart
        pieces.append((anchor.prefix + exact + anchor.suffix, -len(anchor.prefix)))
    return pieces


def _equal_dest(opcodes: Any, pos: int) -> int | None:
    """Where the pattern's character ``pos`` sits in the text, if it was kept unchanged."""
    for op in opcodes:
        if op.src_start <= pos < op.src_end and op.tag != "insert":
            return int(op.dest_start + (pos - op.src_start)) if op.tag == "equal" else None
    return None


def _map_start(opcodes: Any, pos: int) -> int | None:
    """The new start: at the passage's first character if it survived, else right after its prefix."""
    here = _equal_dest(opcodes, pos)
    if here is not None:
        return here
    before = _equal_dest(opcodes, pos - 1) if pos > 0 else None
    if before is not None:
        return before + 1
    for op in opcodes:
        if op.tag != "insert" and op.src_end > pos:
            return int(op.dest_start if op.tag == "delete" else op.dest_start + (pos - op.src_start))
    return None


def _map_end(opcodes: Any, pos: int, length: int) -> int | None:
    """The new end: after the passage's last character if it survived, else right before its suffix."""
    here = _equal_dest(opcodes, pos - 1)
    if here is not None:
        return here + 1
    after = _equal_dest(opcodes, pos) if pos < length else None
    if after is not None:
        return after
    last = pos - 1
    for op in opcodes:
        if op.tag != "insert" and op.src_end > last:
            return int(op.dest_start if op.tag == "delete" else op.dest_start + (last - op.src_start) + 1)
    return None


def _refine(anchor: Anchor, body: str, guess: int) -> tuple[int, int] | None:
    """Align the quote with its context around ``guess`` (where the quote would start) to find its new span."""
    slack = max(16, len(anchor.exact) // 4)
    lo = max(0, guess - len(anchor.prefix) - slack)
    hi = min(len(body), guess + len(anchor.exact) + len(anchor.suffix) + slack)
    if lo >= hi:
        return None
    pattern = anchor.prefix + anchor.exact + anchor.suffix
    opcodes = Levenshtein.opcodes(pattern, body[lo:hi])
    start = _map_start(opcodes, len(anchor.prefix))
    end = _map_end(opcodes, len(anchor.prefix) + len(anchor.exact), len(pattern))
    if start is None or end is None:
        return None
    start, end = trim_span(body, lo + start, lo + end)
    return (start, end) if start < end else None


def _within_paragraph(body: str, start: int, end: int) -> tuple[int, int]:
    """The longest paragraph piece of a span: a passage within one paragraph stays within one."""
    text = body[start:end]
    if "\n\n" not in text:
        return start, end
    pieces, position = [], start
    for part in text.split("\n\n"):
        pieces.append((position, position + len(part)))
        position += len(part) + 2
    return trim_span(body, *max(pieces, key=lambda piece: piece[1] - piece[0]))


def _required_similarity(anchor: Anchor) -> float:
    """Short quotes match something by chance more easily, so they must match more closely."""
    length = len(anchor.exact)
    if length >= 2 * _CHUNK:
        return 0.75
    if length >= _CHUNK // 2:
        return 0.8
    return 0.85


def _fuzzy(anchor: Anchor, body: str) -> Placement | None:
    required = _required_similarity(anchor)
    best: tuple[float, int, int, float] | None = None
    guesses: set[int] = set()
    for needle, offset in _needles(anchor):
        hit = fuzz.partial_ratio_alignment(needle, body, score_cutoff=60)
        if hit is not None:
            guesses.add(hit.dest_start - hit.src_start - offset)
    for guess in sorted(guesses):
        span = _refine(anchor, body, guess)
        if span is not None and "\n\n" not in anchor.exact:
            span = _within_paragraph(body, *span)
        if span is None or span[0] >= span[1]:
            continue
        quote = _similarity(anchor.exact, body[span[0] : span[1]])
        prefix, suffix = _context_scores(anchor, body, *span)
        in_place = quote >= _MIN_SIMILARITY_IN_CONTEXT and min(prefix, suffix) >= _SAME_CONTEXT
        if quote < required and not in_place:
            continue
        if len(anchor.exact) < _CHUNK // 2 and prefix + suffix < 1.0:
            continue  # a few words that also changed: without their context it could be anything
        score = _score(anchor, body, span[0], span[1], quote)
        if best is None or score > best[0]:
            best = (score, span[0], span[1], quote)
    if best is None:
        return None
    return Placement(MOVED, best[1], best[2], best[3])


def reanchor(anchor: Anchor, body: str) -> Placement:
    """Place ``anchor`` in ``body``: anchored where it was, moved (exactly or fuzzily), else orphaned."""
    if not anchor.exact:
        return Placement(ORPHANED)
    if body[anchor.start : anchor.end] == anchor.exact:
        return Placement(ANCHORED, anchor.start, anchor.end, 1.0)
    matches = _exact_matches(body, anchor.exact)
    if matches:
        length = len(anchor.exact)
        start = max(matches, key=lambda at: (_score(anchor, body, at, at + length, 1.0), -at))
        return Placement(MOVED, start, start + length, 1.0)
    return _fuzzy(anchor, body) or Placement(ORPHANED)


# -- finding a passage typed by a person --------------------------------------------------------
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\u00a0": " "})


def _folded(text: str) -> tuple[str, list[int]]:
    """Text with quotes and dashes made plain and whitespace runs made one space, with a map back."""
    out: list[str] = []
    index: list[int] = []
    plain = text.translate(_TYPOGRAPHIC)
    previous_space = False
    for at, char in enumerate(plain):
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            previous_space = False
        out.append(char.casefold() if len(char.casefold()) == 1 else char)
        index.append(at)
    return "".join(out), index


def find_passage(body: str, text: str) -> list[tuple[int, int]]:
    """Every span of ``body`` holding ``text``: exactly, else ignoring case, spacing and typographic quotes."""
    wanted = text.strip()
    if not wanted:
        return []
    exact = _exact_matches(body, wanted)
    if exact:
        return [(at, at + len(wanted)) for at in exact]
    folded_body, index = _folded(body)
    folded_text, _ = _folded(wanted)
    return [(index[at], index[at + len(folded_text) - 1] + 1) for at in _exact_matches(folded_body, folded_text)]
