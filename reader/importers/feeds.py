"""RSS, Atom (feedparser) and OPML: each feed entry becomes an article with its date and the feed
title as source; an entry that carries only a short summary is completed from its linked page, and
keeps its summary (marked ``summary_only`` in its meta) when that page cannot be had."""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from reader.importers import html
from reader.importers.common import ImportError_, build_article, canonical_url, undeclared_charset, web_url
from reader.importers.fragment import fragment_text, plain
from reader.models import Article

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
    guid: str | None = None


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


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def _as_given(raw: str | None) -> str | None:
    """The date as the feed gives it, in its own time zone (2020-01-19T20:00:00-08:00, not the next
    day in UTC): the day a reader sees is the day the publisher wrote."""
    if not raw:
        return None
    text = raw.strip()
    try:
        if _ISO_DATE.match(text):
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
        else:
            moment = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    return moment.isoformat().replace("+00:00", "Z")


def _date(raw: Any) -> str | None:
    for key in ("published", "updated"):
        given = _as_given(raw.get(key))
        if given:
            return given
    return _iso(raw.get("published_parsed") or raw.get("updated_parsed"))


def _text_of(fragment: str, content_type: str = "text/html") -> tuple[str, list[Any]]:
    if "html" not in content_type:
        return fragment_text(fragment.replace("&", "&amp;").replace("<", "&lt;"))
    return fragment_text(fragment)


def _detail(raw: Any, key: str) -> str:
    detail = raw.get(f"{key}_detail") or {}
    return plain(raw.get(key) or "", detail.get("type") or "text/html")


def _entry(raw: Any, base: str | None) -> Entry:
    candidates = [(c.get("value") or "", c.get("type") or "text/html") for c in raw.get("content") or ()]
    summary = raw.get("summary_detail") or {}
    candidates.append((raw.get("summary") or "", summary.get("type") or "text/html"))
    texts = [_text_of(value, kind)[0] for value, kind in candidates]
    best = max(range(len(candidates)), key=lambda i: len(texts[i]))
    value, kind = candidates[best]
    content = value if "html" in kind else value.replace("&", "&amp;").replace("<", "&lt;")
    authors = [plain(a.get("name")) for a in raw.get("authors") or () if a.get("name")]
    if not authors and raw.get("author"):
        authors = [plain(raw["author"])]
    return Entry(
        title=_detail(raw, "title"),
        link=web_url(raw.get("link"), base),
        published=_date(raw),
        authors=[a for a in authors if a],
        content_html=content,
        text_length=len(texts[best]),
        guid=str(raw.get("id") or "") or None,
    )


def parse_feed(data: bytes, origin: str, url: str | None = None, charset: str | None = None) -> Feed:
    """The entries of a feed; ``charset`` is what the server said its bytes are (feedparser weighs
    it against the XML declaration as RFC 3023 says)."""
    import feedparser

    headers = {"content-location": url} if url else {}
    charset = charset or undeclared_charset(data)  # feedparser alone would guess Windows-1252
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    parsed = feedparser.parse(data, response_headers=headers or None)
    if not parsed.get("version") and not parsed.entries:
        if _CDF.search(data[:4096]):
            raise ImportError_("not a feed: a CDF channel (Channel Definition Format), which reader does not read")
        problem = parsed.get("bozo_exception")
        raise ImportError_(f"not a feed ({problem})" if problem else "not a feed")
    if not parsed.entries:
        raise ImportError_("empty (the feed has no entries)")
    info = parsed.feed
    title = _detail(info, "title") or origin
    base = url or web_url(info.get("link"))
    return Feed(title=title, url=url, entries=[_entry(raw, base) for raw in parsed.entries])


# The root element of Microsoft's Channel Definition Format: <CHANNEL HREF="...">, after any prolog.
_CDF = re.compile(rb"^(?:\s|<\?[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>)*<channel\b", re.IGNORECASE | re.DOTALL)


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2048].lstrip().lower()
    return any(tag in sample for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def needs_page(entry: Entry) -> bool:
    """A teaser with a link: its full text is on the linked page."""
    return entry.text_length < FULL_TEXT_CHARS and entry.link is not None


def entry_article(
    entry: Entry, feed: Feed, fetch_page: Callable[[str], Fetched] | None, unfetched: str | None = None
) -> Article:
    """The article of one entry: its own content when it is the full text, else its page's.

    When the page cannot be had (refused, failed, or not fetched: ``unfetched`` says why), the
    entry's own text is kept, marked ``summary_only`` with the reason in ``page_error``, so a later
    refresh can fill in the full page; an entry with no text of its own then fails."""
    page_error = unfetched
    if needs_page(entry) and fetch_page is not None and unfetched is None:
        assert entry.link is not None
        try:
            page = fetch_page(entry.link)
            article = html.extract(page.text(), url=page.url, declared_charset=page.charset)
        except ImportError_ as exc:
            page_error = f"linked page {entry.link}: {exc}"
        else:
            return build_article(
                title=article.title or entry.title,
                body=article.body,
                source=feed.title,
                url=article.url or canonical_url(entry.link),
                published=entry.published or article.published,
                authors=article.authors or entry.authors,
                meta={**article.meta, "feed": feed.title},
                links=article.links,
                body_is_clean=True,
            )
    body, links = fragment_text(entry.content_html, entry.link)
    if not body:
        if page_error:
            raise ImportError_(page_error)
        raise ImportError_("empty (the entry has no text and no page to fetch)")
    meta: dict[str, Any] = {"format": "feed", "feed": feed.title}
    if entry.guid:
        meta["guid"] = entry.guid
    if page_error and needs_page(entry):
        meta.update(summary_only=True, page_error=page_error)
    return build_article(
        title=entry.title,
        body=body,
        source=feed.title,
        url=canonical_url(entry.link),
        published=entry.published,
        authors=entry.authors,
        meta=meta,
        links=links,
        body_is_clean=True,
    )


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
