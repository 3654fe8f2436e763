"""Links: URLs written in the text plus the anchors the importer kept, without duplicates."""

from __future__ import annotations

import re

from reader.models import Link

# The matches of ``\b(?:https?://|www\.)[^\s<>"'“”‘’()\[\]{}]+`` ignoring case (ſ is a case of s),
# written to begin with a set of characters: the regex engine skips to those instead of trying the
# word boundary at every position.
_URL = re.compile(r"[hHwW](?<!\w.)(?:(?<=[hH])[tT][tT][pP][sSſ]?://|(?<=[wW])[wW][wW]\.)[^\s<>\"'“”‘’()\[\]{}]+")


def find_links(body: str, kept: list[Link] | None = None) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for link in kept or []:
        key = _key(link.url)
        if key not in seen:
            seen.add(key)
            links.append(link)
    # Every match holds "://" or "www." in some case: most bodies have neither, and the pattern, tried at
    # each h and w, is not run over them. Most have no "w." or "W." either, so need no lowercase copy.
    if "://" not in body and (("w." not in body and "W." not in body) or "ww." not in body.lower()):
        return links
    for match in _URL.finditer(body):
        raw = match.group(0).rstrip(".,;:!?")
        if not raw or raw.lower() in ("www.", "http://", "https://"):
            continue
        url = raw if "://" in raw else f"http://{raw}"
        key = _key(url)
        if key in seen:
            continue
        seen.add(key)
        links.append(Link(url=url, text=raw, start=match.start(), end=match.start() + len(raw)))
    return links


def _key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")
