"""Markdown: parsed with markdown-it-py so no markup reaches the body; title from front matter or
the first heading; links kept with their offsets in the body."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from reader.importers.common import ImportError_, build_article, decode, locate_links, web_url
from reader.models import Article
from reader.text import clean_line, normalize_body


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between '---' lines at the very top, and the rest of the text."""
    import yaml

    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:index]))
            except yaml.YAMLError:
                return {}, text  # not front matter after all: keep the lines as text
            return (data if isinstance(data, dict) else {}), "\n".join(lines[index + 1 :])
    return {}, text


def _inline_text(token: Any, anchors: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    link: tuple[str | None, int] | None = None
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            link = (web_url(str(child.attrs.get("href") or "")), len(parts))
        elif kind == "link_close" and link is not None:
            url, first = link
            if url:
                anchors.append((url, "".join(parts[first:])))
            link = None
        # images, raw HTML and emphasis markers contribute no text
    return "".join(parts)


def _blocks(tokens: list[Any]) -> list[tuple[str, int, Any]]:
    """(kind, heading level, token) for each block that holds text, in order."""
    blocks = []
    level = 0
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "heading_close":
            level = 0
        elif token.type == "inline":
            blocks.append(("inline", level, token))
        elif token.type in ("fence", "code_block"):
            blocks.append(("code", 0, token))
    return blocks


def _front_value(front: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = front.get(key)
        if value not in (None, "", []):
            return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return None


def parse_markdown(text: str, origin: str = "") -> Article:
    from markdown_it import MarkdownIt

    front, source_text = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = _blocks(MarkdownIt("commonmark").parse(source_text))
    title = clean_line(_front_value(front, "title") or "")
    title_block = None
    if not title:
        headings = [b for b in blocks if b[1]]
        if headings:
            title_block = min(headings, key=lambda b: b[1])  # the first of the highest level
            title = clean_line(_inline_text(title_block[2], []))
    paragraphs: list[str] = []
    anchors: list[tuple[str, str]] = []
    for block in blocks:
        if block is title_block:
            continue
        kind, _level, token = block
        paragraphs.append(token.content if kind == "code" else _inline_text(token, anchors))
    body = normalize_body("\n\n".join(paragraphs))
    if not body:
        raise ImportError_("empty (no text)")
    authors = front.get("authors") or front.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    name = PurePath(origin).name if origin else ""
    return build_article(
        title=title,
        body=body,
        source=_front_value(front, "source", "site", "publication") or name,
        url=_front_value(front, "url", "canonical_url", "link"),
        published=_front_value(front, "date", "published"),
        authors=[str(a) for a in authors if isinstance(a, str | int)] if isinstance(authors, list) else [],
        meta={"format": "markdown", **({"origin": name} if name else {})},
        links=locate_links(body, anchors),
        body_is_clean=True,
    )


def parse(data: bytes, origin: str) -> list[Article]:
    return [parse_markdown(decode(data), origin)]
