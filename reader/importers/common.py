"""Helpers shared by the importers."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from reader.models import Article, Link, make_article_id
from reader.text import clean_line, looks_truncated, normalize_body

MAX_FILE_BYTES = 50 * 1024 * 1024  # one article (text, page, Markdown) or a feed
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024  # JSON arrays and other libraries: ~5 KB per article


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


class ImportError_(Exception):  # noqa: N801 - the builtin ImportError means something else
    """An input that cannot become an article; the message says why in a few words."""


def now_iso() -> str:
    """Import time; SOURCE_DATE_EPOCH pins it so the bundled sample is reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# <meta charset="...">, <meta http-equiv=... content="...; charset=...">, <?xml ... encoding="..."?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Labels whose bytes browsers read as a wider encoding (the WHATWG Encoding Standard).
_WIDER = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page or feed declares in its first bytes (meta tag or XML declaration)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    import codecs

    label = _WIDER.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def detect_charset(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely for bytes that declare none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    return best.encoding if best is not None else None


def undeclared_charset(data: bytes) -> str | None:
    """For bytes that declare no charset and are not UTF-8 (nor start with a BOM), the detected one."""
    if declared_charset(data) is not None or data.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return detect_charset(data)
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM, else the charset the server (``declared``) or the text itself declares,
    else UTF-8, else what charset-normalizer detects; binary input is a clear error."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise ImportError_("not text (binary data)")
    sample = data[:8192]
    if sum(byte < 32 and byte not in b"\t\n\x0c\r\x1b" for byte in sample) > 0.02 * len(sample):
        raise ImportError_("not text (binary data)")
    for given in (declared, declared_charset(data)):
        codec = _codec(given)
        if codec and codec not in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # a wrong declaration: the bytes tell
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = detect_charset(data)
    if detected is None:
        raise ImportError_("not text (unknown encoding)")
    text = data.decode(detected, errors="replace")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:8192])
    if printable < 0.95 * max(len(text[:8192]), 1):
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
        authors=list(dict.fromkeys(a for a in (clean_author(x) for x in authors or []) if a)),
        imported_at=now_iso(),
        truncated=looks_truncated(clean_body),
        meta=meta,
        links=links or [],
    )


# What sites put around or instead of a byline: "View all posts by X", "By X", a bare "Author".
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:view|see|read|more|browse)\s+(?:all\s+)?(?:posts|articles|stories)\s+(?:by|from)|"
    r"(?:posted|written|published|reported|words)\s+by|by|par|por|door)\s*:?\s+",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset(
    {
        "author",
        "authors",
        "autor",
        "autorin",
        "auteur",
        "autore",
        "autores",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "redactie",
        "admin",
        "administrator",
        "editor",
        "editors",
        "staff",
        "guest",
        "anonymous",
        "unknown",
        "user",
        "reporter",
        "contributor",
        "team",
        "by",
        "posted",
    }
)


def clean_author(name: str) -> str:
    """An author's name without the byline words around it; "" for a word that names no one."""
    name = _BYLINE_PREFIX.sub("", clean_line(name)).strip(" ,;:|-–—")
    if name.casefold() in _NOT_A_NAME or not any(ch.isalpha() for ch in name) or ("@" in name and " " not in name):
        return ""
    return name


_WORD = re.compile(r"[^\W_]+")


# The hash of no words at all, as stores written before empty bodies got none hold it.
EMPTY_CONTENT_HASH = hashlib.sha1(b"").hexdigest()[:16]


def content_hash(body: str) -> str:
    """A fingerprint of the words alone, so the same text saved twice (other spacing, case,
    punctuation or typography) is recognised as one article; "" for a body without words
    (emoji, dashes), which says nothing about which article it is."""
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    if not words:
        return ""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


def web_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL, resolved against ``base``; None for other schemes (mailto:, javascript:)."""
    if not url:
        return None
    return _web_url(url, base)


@lru_cache(maxsize=8192)  # a page links to the same few addresses many times (a wiki: thousands)
def _web_url(url: str, base: str | None) -> str | None:
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
