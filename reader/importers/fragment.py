"""HTML fragments a publisher chose as the text itself (feed entries, titles, author names) to
canonical text: every word kept, block elements and list items as paragraphs, links tied to offsets.

A page needs trafilatura to find its article among menus and ads; a feed entry is the article
already, and wrapping it for trafilatura dropped bare text and short entries. So fragments are
read here, with lxml, in one pass that keeps every text node.
"""

from __future__ import annotations

import html as html_entities
import re
from typing import Any

from reader.importers.common import locate_links, web_url
from reader.models import Link
from reader.text import clean_line, normalize_body

# Elements whose start and end are paragraph breaks.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
# Elements whose content is never text: scripts, styles, embedded objects, forms.
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "select",
        "button",
        "head",
    ]
)
_CELLS = frozenset(("td", "th"))
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# C1 bytes that a feed labelled ISO-8859-1 meant as Windows-1252 (as browsers read them): ’ “ … €
_UNDEFINED_IN_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_CP1252_C1 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in _UNDEFINED_IN_CP1252}


def c1_as_cp1252(text: str) -> str:
    """C1 control characters read as the Windows-1252 punctuation they almost always are."""
    return text.translate(_CP1252_C1) if re.search("[\x80-\x9f]", text) else text


def _parse(fragment: str) -> Any:
    import lxml.html

    try:
        return lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml refuses some broken fragments outright: then read them as text
        return None


def fragment_text(fragment: str, base: str | None = None) -> tuple[str, list[Link]]:
    """The canonical body of an HTML fragment (or of plain text), and the links inside it."""
    from lxml import etree

    fragment = c1_as_cp1252(fragment)
    if not _MARKUP.search(fragment):
        return normalize_body(fragment), []
    root = _parse(fragment)
    if root is None:
        return normalize_body(html_entities.unescape(re.sub(r"<[^>]*>", " ", fragment))), []
    parts: list[str] = []
    anchors: list[tuple[str, str]] = []
    skipping: Any = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event == "start":
            if skipping is not None:
                continue
            if tag in _SKIP:
                skipping = element
                continue
            if tag in _BLOCKS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            elif tag in _CELLS:
                parts.append("  ")
            elif tag == "img" and element.get("alt"):
                parts.append(f" {element.get('alt')} ")
            if tag is not None and element.text:
                parts.append(element.text)
            if tag == "a":
                url = web_url(element.get("href"), base)
                if url:
                    anchors.append((url, element.text_content()))
            continue
        if skipping is not None:
            if element is not skipping:
                continue
            skipping = None
        elif tag in _BLOCKS:
            parts.append("\n\n")
        if element.tail and element is not root:
            parts.append(element.tail)
    body = normalize_body("".join(parts))
    return body, locate_links(body, anchors)


def plain(value: str | None, content_type: str = "text/html") -> str:
    """One line of text from a title, name or label that may be HTML (``<b>Breaking</b> Q&amp;A``)."""
    if not value:
        return ""
    if "html" not in content_type or not _MARKUP.search(value):
        return clean_line(c1_as_cp1252(value))
    return clean_line(fragment_text(value)[0].replace("\n\n", " "))
