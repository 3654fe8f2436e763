"""OPML subscription lists in and out: what other feed readers import and export.

Read with lxml with external entities and network access off, like the OPML import of ``reader
import``, and a list that declares entities at all is refused (libxml2 caps a billion-laughs
expansion, but a smaller one still inflates names); written with lxml, which escapes every name and URL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

from reader.importers.common import ImportError_, web_url
from reader.text import clean_line
from reader.userdata.subscriptions import Subscription

MAX_OPML_BYTES = 10 * 1024 * 1024


def read_outlines(data: bytes) -> list[tuple[str, str | None]]:
    """``(feed URL, name)`` of every outline with an xmlUrl, nested ones too, each URL once."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise ImportError_(f"too large (over {MAX_OPML_BYTES // (1024 * 1024)} MB)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ImportError_(f"not valid OPML ({exc.msg})") from exc
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise ImportError_("not an OPML file (its root element is not <opml>)")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.entities()):
        # libxml2 caps runaway expansion; an OPML list has no use for entities at all.
        raise ImportError_("not accepted: it declares XML entities, which OPML lists never need")
    found: dict[str, str | None] = {}
    for outline in root.iter("outline"):
        url = web_url(outline.get("xmlUrl") or outline.get("xmlurl"))
        if url and url not in found:
            name = clean_line(outline.get("title") or outline.get("text") or "")
            found[url] = name or None
    if not found:
        raise ImportError_("no feeds in it (no <outline> with an xmlUrl)")
    return list(found.items())


def write_outlines(subscriptions: list[Subscription]) -> bytes:
    """An OPML 2.0 document of the subscriptions, by name."""
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "reader subscriptions"
    etree.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = etree.SubElement(root, "body")
    for sub in subscriptions:
        attributes = {"type": "rss", "text": sub.name, "title": sub.name, "xmlUrl": sub.url}
        etree.SubElement(body, "outline", attributes)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
