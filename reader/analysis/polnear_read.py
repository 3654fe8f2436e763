"""Reading PolNeAR: its brat standoff files, the quoted parts of a Content span, and how an annotated
Source is told to be a name and matched to a speaker (definitions in ``evaluate_polnear``'s docstring)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reader.analysis.lexicon import _words as _words_of

_TEXT_BOUND = re.compile(r"^T(\d+)\t([\w-]+) ([\d ;]+)\t", re.MULTILINE)
_EVENT = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_OPENERS = "“"
_CLOSERS = "”"
NOT_NAMES = _words_of(
    "i he she they we it you me him her them us his its their our my your the a an this that these those "
    "one some many most several all both another other each"
)


DESCRIPTIONS = frozenset({"a", "an", "one", "another", "some", "two", "three", "several", "many"})


@dataclass
class Error:
    cause: str
    article: str
    text: str
    detail: str = ""


def align(raw: str, body: str, start: int) -> list[int]:
    """For each offset of ``raw`` (from ``start`` on, plus its end) the offset of ``body`` it became.

    ``body`` is ``raw[start:]`` normalised: characters are dropped (controls, extra whitespace), turned
    into a space, or composed (NFC: a letter and the combining marks after it, "a" + U+0302, become one
    "â"), so a greedy walk aligns them. Without the composed case every offset after the first such
    letter would land on it, and the rest of the article's annotations would be lost.
    """
    mapping = [0] * (len(raw) + 1)
    j = 0
    i = start
    while i < len(raw):
        mapping[i] = j
        ch = raw[i]
        if (
            j < len(body)
            and (
                body[j] == ch
                or (body[j].isspace() and ch.isspace())
                or unicodedata.normalize("NFC", ch) == body[j]
                # a control character turned into a space, unless the space is the next character's own
                or (body[j] == " " and unicodedata.category(ch) == "Cc" and raw[i + 1 : i + 2] not in (" ", "\n"))
            )
        ):
            j += 1
        elif j < len(body) and i + 1 < len(raw) and unicodedata.combining(raw[i + 1]):
            end = i + 1
            while end < len(raw) and unicodedata.combining(raw[end]):
                end += 1
            composed = unicodedata.normalize("NFC", raw[i:end])
            if body.startswith(composed, j):
                for k in range(i, end):
                    mapping[k] = j
                j += len(composed)
                i = end
                continue
        i += 1
    mapping[len(raw)] = j
    return mapping


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]


def read_roles(ann: str) -> list[dict[str, list[tuple[int, int]]]]:
    """The fragments (raw offsets) of each attribution of a brat file by role: Content, Source, Cue.

    An attribution may have a second content span (``Content2``): its fragments join the first's,
    in text order, rather than replacing them.
    """
    bounds = {m.group(1): (m.group(2), _spans(m.group(3))) for m in _TEXT_BOUND.finditer(ann)}
    found = []
    for event in _EVENT.finditer(ann):
        refs: dict[str, list[str]] = {}
        for part in event.group(1).split():
            role, _, ref = part.partition(":")
            refs.setdefault(role.rstrip("0123456789"), []).append(ref.lstrip("T"))
        contents = [bounds[ref] for ref in refs.get("Content", []) if ref in bounds]
        fragments = sorted(span for kind, spans in contents if kind == "Content" for span in spans)
        if not fragments:
            continue
        roles = {role: bounds[ids[0]][1] for role, ids in refs.items() if role != "Content" and ids[0] in bounds}
        roles["Content"] = fragments
        found.append(roles)
    return found


def read_attributions(ann: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(content fragments, source fragments) of each attribution of a brat file, raw offsets."""
    return [(roles["Content"], roles.get("Source", [])) for roles in read_roles(ann)]


def quoted_parts(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets inside the quotation marks of the text covered by ``fragments``."""
    marks: list[tuple[int, int, str]] = []  # (offset, width, kind)
    for a, b in fragments:
        i = a
        while i < b:
            ch = text[i]
            if ch == "'" and text.startswith("''", i) and i + 1 < b:
                marks.append((i, 2, "either"))
                i += 2
                continue
            if ch in _OPENERS:
                marks.append((i, 1, "open"))
            elif ch in _CLOSERS:
                marks.append((i, 1, "close"))
            elif ch == '"':
                marks.append((i, 1, "either"))
            elif text.startswith("\n\n", i) and marks and marks[-1][2] != "para":
                marks.append((i, 0, "para"))
            i += 1
    parts = []
    open_at: int | None = None
    first = fragments[0][0]
    for pos, width, kind in marks:
        if kind == "para":
            if open_at is not None:
                parts.append((open_at, pos))
                open_at = None
            continue
        if open_at is None:
            if kind == "close":
                parts.append((first, pos))  # the opening mark lies before the span
            else:
                open_at = pos + width
        elif kind == "open" and text[pos] != '"':
            open_at = pos + width
        else:
            parts.append((open_at, pos))
            open_at = None
    if open_at is not None:
        parts.append((open_at, fragments[-1][1]))
    trimmed = []
    for a, b in parts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if any(ch.isalnum() for ch in text[a:b]):
            trimmed.append((a, b))
    return trimmed


def _words(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]


def names_someone(source: str, article_words: set[str]) -> bool:
    """Whether an annotated Source is a proper name (see the module docstring)."""
    words = _words(source)
    if not words or words[0].lower() in DESCRIPTIONS or not words[-1][0].isupper():
        return False  # "a New Hampshire Republican", "the Florida senator"
    for word in words:
        if word[0].isupper() and word.lower() not in NOT_NAMES and word.lower() not in article_words:
            return True
    return False


def speaker_matches(speaker: str | None, source: str) -> bool:
    if not speaker:
        return False
    words = [w.casefold() for w in _words(speaker)]
    named = [w.casefold() for w in _words(source)]
    if not words or not named:
        return False
    return words[-1] in named or named[-1] in words
