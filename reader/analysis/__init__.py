"""Offline analysis of an article body: quotes with speakers, people, cited sources, links.

``analyze`` is deterministic; ``ANALYZER_VERSION`` changes whenever its output may change, so
stored analyses are recomputed.
"""

from __future__ import annotations

import re

from reader.models import Analysis, Link, Quote

ANALYZER_VERSION = "0.1"

_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_URL = re.compile(r"https?://[^\s<>\"'“”)]+")


def analyze(body: str, title: str = "", links: list[Link] | None = None) -> Analysis:
    quotes = []
    for match in _QUOTE.finditer(body):
        group = 1 if match.group(1) is not None else 2
        quotes.append(Quote(text=match.group(group), start=match.start(group), end=match.end(group)))
    found = [
        Link(url=m.group(0).rstrip(".,;:"), text=m.group(0), start=m.start(), end=m.end()) for m in _URL.finditer(body)
    ]
    return Analysis(version=ANALYZER_VERSION, quotes=tuple(quotes), links=tuple(list(links or []) + found))
