"""Canonical article text: clean, untrusted-safe plain text with paragraphs split by one blank line."""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings up to their
# terminator (BEL or ST) or, when unterminated, the end of the line, other ESC sequences, and
# their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                                  # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?  # strings
  | \x1b[ -/]*[0-~]?                                                   # other ESC sequences
    """,
    re.VERBOSE,
)
# What every sequence of _ESCAPES starts with (ESC, CSI, DCS, SOS, OSC, PM, APC).
_ESCAPE_START = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
# C0 and C1 controls except tab and newline (carriage returns are normalised before this runs), and
# the invisible format characters that can reorder or hide text (bidi overrides, isolates, marks).
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# A run of them between two visible characters stood where a reader sees words apart (``abc\u202eevil``
# shows as two words): it becomes one space, so the words stay apart for search and analysis.
_CONTROL_RUN = re.compile(rf"[{_CONTROL_CHARS}]+")
_CONTROLS = re.compile(rf"[{_CONTROL_CHARS}]")
# Invisible characters that only say where a word may break (soft hyphen, zero-width space, word
# joiner, BOM): dropped, so ``réac\u00adtion`` is the word ``réaction``. Zero-width (non-)joiners stay:
# they shape emoji and some scripts.
INVISIBLE_BREAKS = "\u00ad\u200b\u2060\ufeff\u180e"
_INVISIBLE = re.compile(f"[{INVISIBLE_BREAKS}]")
# Every escape sequence starts with ESC or a C1 control, so text without any of these is already clean.
_ANY_CONTROL = re.compile(rf"[{_CONTROL_CHARS}{INVISIBLE_BREAKS}\ud800-\udfff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n")

# A sentence ends in one of these, maybe followed by closing quotes or brackets, or in a closing quote.
_FINAL_STOPS = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_QUOTE_CLOSERS = '"”’»'


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters and invisible word breaks; keep tabs
    and newlines. A control that separated two words leaves a space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_CONTROL.search(text) is None:
        return text  # the usual case, found by one scan instead of several substitutions
    if _CONTROLS.search(text) is not None:
        if _ESCAPE_START.search(text) is not None:  # one scan: _ESCAPES tries each position of a page
            text = _ESCAPES.sub("", text)
        text = _CONTROL_RUN.sub(_space_between_words, text)
    text = _INVISIBLE.sub("", text)
    return _SURROGATES.sub("\ufffd", text)  # lone surrogates (undecodable file names) cannot be stored


def _space_between_words(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    between = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
    return " " if between else ""


def drop_invisible(text: str) -> str:
    """``text`` without the invisible word-break characters (for text stored before they were dropped)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def clean_line(text: str) -> str:
    """One line of safe text: controls removed, whitespace collapsed (for titles, names, notes)."""
    text = strip_controls(text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def normalize_body(text: str) -> str:
    """Canonical body: NFC, no controls, single spaces, paragraphs separated by one blank line.

    Lines inside a paragraph are joined with a space, so hard-wrapped text reads as prose.
    Typographic characters (curly quotes, ellipses, dashes) are kept as they are.
    """
    # Runs of spaces never cross a newline, so collapsing them in one pass equals doing it line by line.
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", strip_controls(text)))
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        lines = [line.strip() for line in block.split("\n")]
        paragraph = " ".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph of a canonical body."""
    spans = []
    start = 0
    for paragraph in body.split("\n\n"):
        end = start + len(paragraph)
        if paragraph:
            spans.append((start, end))
        start = end + 2
    return spans


def looks_truncated(body: str) -> bool:
    """True when the text stops mid-sentence (no closing punctuation at its very end)."""
    tail = body.rstrip()
    if not tail:
        return False
    if tail[-1] in _QUOTE_CLOSERS:
        return False
    # Only the end is read: a pattern anchored at the end would be tried from every character.
    core = tail.rstrip(_CLOSERS)
    return not core or core[-1] not in _FINAL_STOPS


def word_count(text: str) -> int:
    return len(text.split())
