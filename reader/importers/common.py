"""Helpers shared by the importers."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from reader.models import Article, Link, make_article_id
from reader.text import clean_line, looks_truncated, normalize_body

MAX_FILE_BYTES = 50 * 1024 * 1024  # one article (text, page, Markdown) or a feed
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024  # JSON arrays and other libraries: ~5 KB per article


class ImportError_(Exception):  # noqa: N801 - the builtin ImportError means something else
    """An input that cannot become an article; the message says why in a few words."""


def now_iso() -> str:
    """Import time; SOURCE_DATE_EPOCH pins it so the bundled sample is reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else a clear error for binary input."""
    if b"\x00" in data[:8192]:
        raise ImportError_("not text (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    sample = data[:8192]
    if sum(byte < 32 and byte not in b"\t\n\x0c\r" for byte in sample) > 0.02 * len(sample):
        raise ImportError_("not text (binary data)")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportError_("not text (unknown encoding)") from exc
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    if printable < 0.95 * max(len(text), 1):
        raise ImportError_("not text (binary data)")
    return text


def build_article(
    *,
    title: str,
    body: str,
    source: str = "",
    url: str | None = None,
    published: str | None = None,
    authors: list[str] | None = None,
    meta: dict[str, Any] | None = None,
    links: list[Link] | None = None,
    body_is_clean: bool = False,
) -> Article:
    """Normalise untrusted fields and give the article its stable id."""
    clean_body = body if body_is_clean else normalize_body(body)
    clean_title = clean_line(title)
    if not clean_body:
        raise ImportError_("empty (no article text)")
    if not clean_title:
        clean_title = clean_line(clean_body.split("\n", 1)[0])[:80] or "Untitled"
    clean_source = clean_line(source)
    clean_url = canonical_url(url)
    meta = {**(meta or {}), "content_hash": content_hash(clean_body)}
    return Article(
        id=make_article_id(clean_url, clean_title, clean_source),
        title=clean_title,
        body=clean_body,
        source=clean_source,
        url=clean_url,
        published=clean_line(published) if published else None,
        authors=[a for a in (clean_line(x) for x in authors or []) if a],
        imported_at=now_iso(),
        truncated=looks_truncated(clean_body),
        meta=meta,
        links=links or [],
    )


_WORD = re.compile(r"[^\W_]+")


def content_hash(body: str) -> str:
    """A fingerprint of the words alone, so the same text saved twice (other spacing, case,
    punctuation or typography) is recognised as one article."""
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


def web_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL, resolved against ``base``; None for other schemes (mailto:, javascript:)."""
    if not url:
        return None
    url = clean_line(url)
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, parts.fragment))


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """The URL an article is known by: absolute, no fragment, no tracking parameters.

    Article ids come from it, so the same page reached from a feed and directly is stored once.
    """
    absolute = web_url(url, base)
    if absolute is None:
        return None
    parts = urlsplit(absolute)
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def locate_links(body: str, anchors: list[tuple[str, str]]) -> list[Link]:
    """Tie (url, anchor text) pairs, in document order, to offsets in the canonical body.

    Anchors are searched forward from the previous one, so a phrase that occurs twice is tied to
    the occurrence the link was on; an anchor that cannot be found keeps its URL without offsets.
    """
    links: list[Link] = []
    cursor = 0
    for url, raw_text in anchors:
        text = clean_line(unicodedata.normalize("NFC", raw_text))
        start = body.find(text, cursor) if text else -1
        if start < 0:
            links.append(Link(url=url, text=text))
            continue
        cursor = start + len(text)
        links.append(Link(url=url, text=text, start=start, end=cursor))
    return links
