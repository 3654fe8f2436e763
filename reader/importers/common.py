"""Helpers shared by the importers."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from reader.models import Article, Link, make_article_id
from reader.text import clean_line, looks_truncated, normalize_body

MAX_FILE_BYTES = 50 * 1024 * 1024


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
    clean_url = url.strip() if url and url.strip().lower().startswith(("http://", "https://")) else None
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
        meta=meta or {},
        links=links or [],
    )
