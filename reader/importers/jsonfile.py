"""JSON: one article object, an array of them ({"title", "body"|"text"|"content", ...}), or another
reader library (a TinyDB file with an ``articles`` table). A bad item fails alone."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import orjson

from reader.importers.common import ImportError_, build_article, locate_links, web_url
from reader.models import Article, Link

_BODY_KEYS = ("body", "text", "content")
Outcome = Article | ImportError_


def _authors(obj: dict[str, Any]) -> list[str]:
    authors = obj.get("authors") or ([obj["author"]] if isinstance(obj.get("author"), str) else [])
    if isinstance(authors, str):
        authors = [authors]
    return [a for a in authors if isinstance(a, str)] if isinstance(authors, list) else []


def _links(obj: dict[str, Any], body: str) -> list[Link]:
    """Links an article object carries; offsets are re-found in the body rather than trusted."""
    anchors = []
    links = obj.get("links")
    for raw in links if isinstance(links, list) else ():
        url = web_url(raw.get("url")) if isinstance(raw, dict) and isinstance(raw.get("url"), str) else None
        if url:
            anchors.append((url, str(raw.get("text") or "")))
    return locate_links(body, anchors)


def _article(obj: Any, origin: str, position: int, *, from_store: bool = False) -> Article:
    where = f"article {obj.get('id')}" if from_store and isinstance(obj, dict) else f"item {position}"
    if not isinstance(obj, dict):
        raise ImportError_(f"{where}: not an object")
    body = next((obj[k] for k in _BODY_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body is None:
        raise ImportError_(f"{where}: no body, text or content")
    published = obj.get("published") or obj.get("date")
    name = PurePath(origin).name
    meta = {k: v for k, v in obj["meta"].items() if k != "content_hash"} if isinstance(obj.get("meta"), dict) else {}
    meta.setdefault("origin", name)
    try:
        article = build_article(
            title=str(obj.get("title") or ""),
            body=body,
            source=str(obj["source"]) if obj.get("source") is not None else ("" if from_store else name),
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            published=str(published) if published else None,
            authors=_authors(obj),
            meta=meta,
        )
    except ImportError_ as exc:
        raise ImportError_(f"{where}: {exc}") from None
    article.links = _links(obj, article.body)
    return article


def _store_articles(value: dict[str, Any]) -> list[Any] | None:
    """The article documents of a reader library, or None when ``value`` is not one."""
    table = value.get("articles")
    if not isinstance(table, dict) or not (set(value) <= {"articles", "_meta", "_default"}):
        return None
    return list(table.values())


def parse(data: bytes, origin: str) -> list[Outcome]:
    if not data.strip():
        raise ImportError_("empty (no JSON)")
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ImportError_(f"invalid JSON ({exc.msg}, line {exc.lineno})") from exc
    from_store = False
    if isinstance(value, dict) and (docs := _store_articles(value)) is not None:
        items, from_store = docs, True
    else:
        items = value if isinstance(value, list) else [value]
    if not items:
        raise ImportError_("empty (no articles)")
    outcomes: list[Outcome] = []
    for position, obj in enumerate(items, 1):
        try:
            outcomes.append(_article(obj, origin, position, from_store=from_store))
        except ImportError_ as exc:
            outcomes.append(exc)
    return outcomes
