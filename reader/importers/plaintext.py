"""Plain text in the seed layout: title line, blank line, optional numeric counter lines, body."""

from __future__ import annotations

from pathlib import PurePath

from reader.importers.common import ImportError_, build_article, decode
from reader.models import Article


def parse_text(text: str, source: str = "", origin: str | None = None) -> Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        raise ImportError_("empty (no text)")
    title = lines[index].strip()
    index += 1
    # Counter lines (only digits) may follow the title, separated from it by blank lines.
    counters: list[int] = []
    probe = index
    while probe < len(lines) and not lines[probe].strip():
        probe += 1
    while probe < len(lines) and lines[probe].strip().isdecimal():  # int() reads these, not '²'
        counters.append(int(lines[probe].strip()))
        probe += 1
    if counters:
        index = probe
    body = "\n".join(lines[index:])
    meta: dict[str, object] = {}
    if counters:
        meta["counters"] = counters
    if origin:
        meta["origin"] = origin
    return build_article(title=title, body=body, source=source, meta=meta)


def parse(data: bytes, origin: str) -> list[Article]:
    return [parse_text(decode(data), source=PurePath(origin).name, origin=PurePath(origin).name)]
