"""HTML pages: the main text by trafilatura (no navigation, ads, share bars or footers), its
metadata, and the links inside the text tied to offsets in the canonical body."""

from __future__ import annotations

import html as html_entities
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from reader.importers.common import ImportError_, build_article, canonical_url, decode, locate_links, web_url
from reader.models import Article
from reader.text import clean_line, normalize_body, strip_controls

# Extractions shorter than this are checked again with trafilatura's precision mode.
CHECK_BELOW_WORDS = 80
# Blocks of trafilatura's XML whose text becomes one paragraph each; lists give one per item.
_LIST_TAGS = ("list",)
_ROW_TAGS = ("table",)
# A doctype with an internal subset (<!DOCTYPE html [ <!ENTITY ...> ]>) makes lxml lose the <head>.
_INTERNAL_SUBSET = re.compile(r"^(\s*(?:<\?xml[^>]*>\s*)?<!DOCTYPE\s+[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_BLANK_LINES = re.compile(r"\n\s*\n")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Where a saved page came from: the comment browsers write on "Save as" and SingleFile's header.
_SAVED_FROM = re.compile(r"<!--\s*(?:saved from url=\(\d+\)|\s*url:\s*)(https?://[^\s>]+)", re.IGNORECASE)


def _block_paragraphs(block: Any) -> list[Any]:
    if block.tag in _LIST_TAGS:
        return [item for item in block.iter("item")]  # nested items too, each once, in document order
    if block.tag in _ROW_TAGS:
        return [row for row in block.iter("row")]
    return [block]


# Elements of trafilatura's XML that are blocks of their own: their text never runs into the text
# beside them ("WebIDE" then "Develop..." inside one list item are two lines, not "WebIDEDevelop").
_BLOCK_XML = frozenset(("p", "head", "quote", "code", "list", "item", "table", "row", "cell", "div", "figure"))


def _own_text(element: Any, skip_lists: bool = True) -> list[str]:
    """The text of an element, its inner blocks on lines of their own, without the text of the
    lists nested in it when ``skip_lists`` (their items come as paragraphs of their own)."""
    parts = [element.text or ""]
    for child in element:
        if not (skip_lists and child.tag in _LIST_TAGS):
            block = child.tag in _BLOCK_XML
            if block:
                parts.append("\n")
            parts.extend(_own_text(child, skip_lists))
            if block:
                parts.append("\n")
        parts.append(child.tail or "")
    return parts


def _own_refs(element: Any) -> list[Any]:
    refs = []
    for child in element:
        if child.tag == "ref":
            refs.append(child)
        if child.tag not in _LIST_TAGS:
            refs.extend(_own_refs(child))
    return refs


def _text_of(element: Any) -> str:
    if element.tag == "row":
        return "  ".join("".join(cell.itertext()).strip() for cell in element.iter("cell"))
    if len(element) == 0:
        return element.text or ""
    # one block of the body stays one paragraph: its inner blocks are lines of it
    return _BLANK_LINES.sub("\n", "".join(_own_text(element, skip_lists=element.tag == "item")))


def body_and_links(tree: Any, title: str, base: str | None) -> tuple[str, list[tuple[str, str]]]:
    """Paragraph texts of trafilatura's body tree, and the (url, anchor text) pairs inside them."""
    for br in tree.iter("lb"):
        br.text = "\n"
    paragraphs: list[str] = []
    anchors: list[tuple[str, str]] = []
    for block in tree:
        for part in _block_paragraphs(block):
            text = _text_of(part)
            if not paragraphs and block.tag == "head" and clean_line(text) == title:
                continue  # the headline, already the article's title
            if _is_skip_link(part):
                continue  # "Jump to navigation": a link to a place on the page, not text
            if text.strip():
                paragraphs.append(text)
            for ref in _own_refs(part) if part.tag == "item" else part.iter("ref"):
                url = web_url(ref.get("target"), base)
                if url:
                    anchors.append((url, "".join(ref.itertext())))
    return normalize_body("\n\n".join(paragraphs)), anchors


def _is_skip_link(part: Any) -> bool:
    """A paragraph that is one link to a fragment of the page itself (``#content``, ``#mw-head``)."""
    if part.tag != "p" or len(part) != 1 or (part.text or "").strip():
        return False
    ref = part[0]
    if ref.tag != "ref" or (ref.tail or "").strip() or len(ref):
        return False
    target = ref.get("target") or ""
    return target.startswith("#") or ("#" in target and urlsplit(target).path in ("", "/"))


def extract(
    data: bytes | str, *, url: str | None = None, origin: str = "", declared_charset: str | None = None
) -> Article:
    """One article from one page; ``url`` is where it was fetched from (None for a file),
    ``declared_charset`` what the server said the bytes are."""
    import trafilatura

    if not data.strip():
        raise ImportError_("empty (no text)")
    if isinstance(data, bytes):
        data = decode(data, declared_charset)  # the server's charset, the page's own, then detection
    data = strip_controls(data)  # before parsing: lxml would drop ESC and leave the rest of a sequence
    data = _INTERNAL_SUBSET.sub(r"\1>", data, count=1)  # its entities are never expanded anyway
    options: dict[str, Any] = {
        "url": url,
        "with_metadata": True,
        "include_links": True,
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
    }
    document: Any = trafilatura.bare_extraction(data, **options)
    if document is not None and len((document.text or "").split()) < CHECK_BELOW_WORDS:
        # Little text: maybe only the menu or footer of a page without an article. Ask for precision.
        document = trafilatura.bare_extraction(data, favor_precision=True, **options)
    if document is None or getattr(document, "body", None) is None:
        raise ImportError_("no article text found")
    title = clean_line(document.title or "") or _head_title(data)
    base = url or document.url or _saved_from(data)
    body, anchors = body_and_links(document.body, title, base)
    if not body:
        raise ImportError_("no article text found")
    page_url = canonical_url(document.url, url) or canonical_url(url) or canonical_url(_saved_from(data))
    host = urlsplit(page_url).hostname if page_url else None
    if host and host.startswith("www."):
        host = host[4:]
    source = document.sitename or host or (PurePath(origin).name if origin else "")
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    meta: dict[str, Any] = {"format": "html"}
    if origin and not url:
        meta["origin"] = PurePath(origin).name
    if url and page_url != canonical_url(url):
        meta["fetched_from"] = url
    if document.description:
        meta["description"] = clean_line(document.description)
    return build_article(
        title=title,
        body=body,
        source=source,
        url=page_url,
        published=document.date,
        authors=authors,
        meta=meta,
        links=locate_links(body, anchors),
        body_is_clean=True,
    )


def _head_title(page: str) -> str:
    """The page's <title>, read directly: trafilatura loses it when the doctype has an internal subset."""
    match = _TITLE.search(page, 0, 200_000)
    return clean_line(html_entities.unescape(match.group(1))) if match else ""


def _saved_from(page: str) -> str | None:
    match = _SAVED_FROM.search(page, 0, 4096)
    return match.group(1) if match else None


def parse(data: bytes, origin: str) -> list[Article]:
    return [extract(data, origin=origin)]
