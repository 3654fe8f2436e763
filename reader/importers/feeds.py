"""RSS, Atom (feedparser) and OPML: each feed entry becomes an article with its date and the feed
title as source; an entry that carries only a short summary is completed from its linked page."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.importers import html
from reader.importers.common import ImportError_, build_article, canonical_url, web_url
from reader.models import Article
from reader.text import clean_line

if TYPE_CHECKING:
    from reader.importers.fetch import Fetched

# Below this many characters of text an entry is taken for a teaser and its page is fetched.
FULL_TEXT_CHARS = 600


@dataclass
class Entry:
    """What a feed says about one article, before any page is fetched."""

    title: str
    link: str | None
    published: str | None
    authors: list[str] = field(default_factory=list)
    content_html: str = ""  # the longest of the entry's content and summary
    text_length: int = 0


@dataclass
class Feed:
    title: str
    url: str | None
    entries: list[Entry]


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return moment.isoformat().replace("+00:00", "Z")


def _plain_length(fragment: str) -> int:
    import lxml.html

    if not fragment.strip():
        return 0
    try:
        return len(" ".join(lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().split()))
    except Exception:  # a malformed fragment counts as no text
        return 0


def _entry(raw: Any, base: str | None) -> Entry:
    candidates = [c.get("value") or "" for c in raw.get("content") or ()]
    candidates.append(raw.get("summary") or "")
    content = max(candidates, key=_plain_length)
    authors = [a.get("name") for a in raw.get("authors") or () if a.get("name")]
    if not authors and raw.get("author"):
        authors = [raw["author"]]
    return Entry(
        title=clean_line(raw.get("title") or ""),
        link=web_url(raw.get("link"), base),
        published=_iso(raw.get("published_parsed") or raw.get("updated_parsed")),
        authors=authors,
        content_html=content,
        text_length=_plain_length(content),
    )


def parse_feed(data: bytes, origin: str, url: str | None = None) -> Feed:
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ImportError_(f"not a feed ({problem})" if problem else "not a feed")
    if not parsed.entries:
        raise ImportError_("empty (the feed has no entries)")
    info = parsed.feed
    title = clean_line(info.get("title") or "") or origin
    base = url or web_url(info.get("link"))
    return Feed(title=title, url=url, entries=[_entry(raw, base) for raw in parsed.entries])


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2048].lstrip().lower()
    return any(tag in sample for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def entry_article(entry: Entry, feed: Feed, fetch_page: Callable[[str], Fetched] | None) -> Article:
    """The article of one entry: its own content when it is the full text, else its page's."""
    if entry.text_length < FULL_TEXT_CHARS and entry.link and fetch_page is not None:
        try:
            page = fetch_page(entry.link)
        except ImportError_ as exc:
            raise ImportError_(f"linked page {entry.link}: {exc}") from exc
        article = html.extract(page.text(), url=page.url)
        meta = {**article.meta, "feed": feed.title}
        return build_article(
            title=article.title or entry.title,
            body=article.body,
            source=feed.title,
            url=article.url or canonical_url(entry.link),
            published=entry.published or article.published,
            authors=article.authors or entry.authors,
            meta=meta,
            links=article.links,
            body_is_clean=True,
        )
    if entry.text_length == 0:
        raise ImportError_("empty (the entry has no text and no page to fetch)")
    title = _escape(entry.title)
    wrapped = f"<html><head><title>{title}</title></head><body><article>{entry.content_html}</article></body></html>"
    try:
        extracted = html.extract(wrapped, url=entry.link)
        body, links = extracted.body, extracted.links
    except ImportError_:
        raise ImportError_("no article text found in the entry") from None
    return build_article(
        title=entry.title or extracted.title,
        body=body,
        source=feed.title,
        url=canonical_url(entry.link),
        published=entry.published,
        authors=entry.authors,
        meta={"format": "feed", "feed": feed.title},
        links=links,
        body_is_clean=True,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- OPML ----------------------------------------------------------------------------------
def looks_like_opml(head: bytes) -> bool:
    return b"<opml" in head[:2048].lower()


def parse_opml(data: bytes) -> list[str]:
    """The feed URLs of an OPML subscription list (outlines with an xmlUrl), nested ones too."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ImportError_(f"invalid OPML ({exc.msg})") from exc
    if root is None or root.tag.lower() != "opml":
        raise ImportError_("not an OPML file")
    urls = []
    for outline in root.iter("outline"):
        url = web_url(outline.get("xmlUrl") or outline.get("xmlurl"))
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise ImportError_("empty (no feeds in the OPML file)")
    return urls
