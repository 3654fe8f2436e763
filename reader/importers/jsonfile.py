"""JSON: one article object or an array of them ({"title", "body"|"text"|"content", ...})."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import orjson

from reader.importers.common import ImportError_, build_article
from reader.models import Article

_BODY_KEYS = ("body", "text", "content")


def _article(obj: Any, origin: str, position: int) -> Article:
    if not isinstance(obj, dict):
        raise ImportError_(f"item {position}: not an object")
    body = next((obj[k] for k in _BODY_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body is None:
        raise ImportError_(f"item {position}: no body, text or content")
    authors = obj.get("authors") or ([obj["author"]] if isinstance(obj.get("author"), str) else [])
    if isinstance(authors, str):
        authors = [authors]
    published = obj.get("published") or obj.get("date")
    return build_article(
        title=str(obj.get("title") or ""),
        body=body,
        source=str(obj.get("source") or PurePath(origin).name),
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        published=str(published) if published else None,
        authors=[str(a) for a in authors if isinstance(a, str)],
        meta={"origin": PurePath(origin).name},
    )


def parse(data: bytes, origin: str) -> list[Article]:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ImportError_(f"invalid JSON ({exc.msg}, line {exc.lineno})") from exc
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ImportError_("empty (no articles in the array)")
    return [_article(obj, origin, i + 1) for i, obj in enumerate(items)]
