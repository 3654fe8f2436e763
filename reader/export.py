"""Bookmarks exported for a report (Markdown) or for other programs (JSON).

Everything that came from an article or from the user is stripped of control characters here
again, so an export printed to a terminal cannot carry escape sequences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from reader.bookmarks import PlacedBookmark, group_by_article
from reader.models import Article
from reader.storage import atomic_write_bytes
from reader.text import clean_line, strip_controls

FORMATS = ("md", "json")


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _article_meta(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "authors": list(article.authors),
    }


def _quotes_in(item: PlacedBookmark, article: Article | None) -> list[dict[str, Any]]:
    """The reported speech inside a bookmarked passage, with its speaker as the user last corrected it."""
    if article is None or article.analysis is None or item.start is None or item.end is None:
        return []
    return [
        {"text": q.text, "speaker": q.speaker, "corrected": q.corrected}
        for q in article.analysis.quotes
        if not q.scare and q.start < item.end and item.start < q.end
    ]


def to_json(items: list[PlacedBookmark], articles: Callable[[str], Article | None]) -> bytes:
    """Everything: the bookmark as stored (W3C selectors included), where it is now, its article, and
    the quotes it holds with their speakers."""
    rows = []
    for item in items:
        article = articles(item.article_id)
        row = {**item.bookmark.to_dict(), **item.to_dict()}
        row["selector"] = item.bookmark.anchor.selectors()
        row["article"] = _article_meta(article)
        row["quotes"] = _quotes_in(item, article)
        rows.append(row)
    return orjson.dumps({"exported": _today(), "count": len(rows), "bookmarks": rows}, option=orjson.OPT_INDENT_2)


def _blockquote(text: str) -> list[str]:
    paragraphs = [clean_line(p) for p in strip_controls(text).split("\n\n")]
    lines: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        if lines:
            lines.append(">")
        lines.append(f"> {paragraph}")
    return lines


def _note_and_tags(item: PlacedBookmark) -> list[str]:
    lines: list[str] = []
    note = [clean_line(line) for line in strip_controls(item.bookmark.note).split("\n")]
    note = [line for line in note if line]
    if note:  # one paragraph per line of the note, so its line breaks survive in Markdown
        lines += ["", f"**Note:** {note[0]}"]
        for line in note[1:]:
            lines += ["", line]
    tags = [clean_line(t) for t in item.bookmark.tags]
    if any(tags):
        lines += ["", "Tags: " + ", ".join(f"#{t}" for t in tags if t)]
    return lines


def _speakers(quotes: list[dict[str, Any]]) -> list[str]:
    """Who speaks in the passage, in order, each once; a speaker the user corrected says so."""
    names: dict[str, bool] = {}
    for quote in quotes:
        name = clean_line(quote["speaker"] or "") or "unattributed"
        names[name] = names.get(name, False) or bool(quote["corrected"])
    if not names:
        return []
    said = ", ".join(f"{name} (corrected)" if corrected else name for name, corrected in names.items())
    return ["", f"Speaker: {said}" if len(names) == 1 else f"Speakers: {said}"]


def _article_header(title: str, article: Article | None) -> list[str]:
    lines = [f"## {clean_line(title) or 'Untitled'}", ""]
    if article is not None:
        details = [
            clean_line(article.source),
            (article.published or "")[:10],
            f"<{clean_line(article.url)}>" if article.url else "",
        ]
        line = " · ".join(d for d in details if d)
        if line:
            lines += [line, ""]
    return lines


def to_markdown(items: list[PlacedBookmark], articles: Callable[[str], Article | None]) -> str:
    """Per article its title, source, date and URL, then each passage quoted with its note and tags."""
    placed = [i for i in items if i.status != "orphaned"]
    orphans = [i for i in items if i.status == "orphaned"]
    articles_count = len({i.article_id for i in items})
    lines = [
        "# Bookmarks",
        "",
        f"{len(items)} passage{'s' if len(items) != 1 else ''} from {articles_count} "
        f"article{'s' if articles_count != 1 else ''}, exported {_today()}.",
        "",
    ]
    for article_id, title, group in group_by_article(placed):
        article = articles(article_id)
        lines += _article_header(title, article)
        for item in sorted(group, key=lambda i: i.start or 0):  # in reading order within an article
            lines += _blockquote(item.current_text or item.bookmark.text)
            lines += _speakers(_quotes_in(item, article))
            lines += _note_and_tags(item)
            lines.append("")
    if orphans:
        lines += [
            "## Orphaned passages",
            "",
            "These passages are no longer in their article as it is now (its text changed or it was removed).",
            "",
        ]
        for article_id, title, group in group_by_article(orphans):
            article = articles(article_id)
            gone = "" if article is not None else " (article removed from the library)"
            lines += [f"### {clean_line(title) or 'Untitled'}{gone}", ""]
            for item in group:
                lines += _blockquote(item.bookmark.text)
                lines += _note_and_tags(item)
                lines.append("")
    if not items:
        lines += ["No bookmarks yet.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render(fmt: str, items: list[PlacedBookmark], articles: Callable[[str], Article | None]) -> bytes:
    if fmt == "md":
        return to_markdown(items, articles).encode("utf-8")
    if fmt == "json":
        return to_json(items, articles) + b"\n"
    raise ValueError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")


def write(path: Path, data: bytes) -> None:
    """Write an export atomically: a reader of the file never sees half of it."""
    atomic_write_bytes(Path(path), data)
