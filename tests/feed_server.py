"""A local web site for the feed refresh tests: feeds and pages registered by each test, served on
127.0.0.1 with conditional GET (ETag, Last-Modified), gzip, redirects, 410 Gone and slow answers."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay: float = 0.0
    gzip: bool = False


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class Site:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def feed(self, path: str, body: str | bytes, **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def page(self, path: str, html: str, **options: object) -> str:
        return self.feed(path, html, content_type="text/html; charset=utf-8", **options)

    def redirect(self, path: str, target: str, status: int = 301) -> str:
        self.routes[path] = Route(status=status, location=target, content_type="text/plain")
        return self.url(path)

    def status(self, path: str, status: int) -> str:
        self.routes[path] = Route(status=status, body=b"<html><body>no</body></html>", content_type="text/html")
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?", 1)[0] == path]


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
        self.site.requests.append(request)
        route = self.site.routes.get(path)
        if route is None:
            request.status = 404
            self._send(404, "text/html", b"<html><body>Not found</body></html>")
            return
        if route.delay:
            time.sleep(route.delay)
        if route.location:
            request.status = route.status
            self._send(route.status, "text/plain", b"moved", {"Location": route.location})
            return
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        unchanged = (route.etag and request.headers.get("if-none-match") == route.etag) or (
            route.last_modified and request.headers.get("if-modified-since") == route.last_modified
        )
        if route.status == 200 and unchanged:
            request.status = 304
            self._send(304, None, b"", validators)
            return
        body, extra = route.body, dict(validators)
        if route.gzip and "gzip" in request.headers.get("accept-encoding", ""):
            body, extra["Content-Encoding"] = gzip.compress(body), "gzip"
        request.status = route.status
        self._send(route.status, route.content_type, body, extra)

    def _send(self, status: int, content_type: str | None, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(ConnectionError):
            if status != 304:
                self.wfile.write(body)


@contextlib.contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- fixture content -------------------------------------------------------------------------------
PARAGRAPHS = (
    "The harbour board of Port Elwen met on {day} to decide how the {thing} would be paid for, after a "
    "winter in which storms closed the quay on eleven days and the lifeboat station twice.",
    "“We cannot keep patching what the sea takes back every year,” said Marta Quillon, who chairs the board. "
    "She said the {thing} would be finished before the autumn gales if the council agreed to share the cost.",
    "Councillors were divided. Emyr Lewis, the harbour master, told the meeting that the fishing fleet had "
    "shrunk from forty boats to six, and that yachts now paid most of the harbour's fees.",
    "The board will publish its decision and the minutes of the meeting next week, and a public exhibition "
    "of the plans will open at the Lifeboat Inn on the following Saturday.",
)


def article_html(number: int, thing: str = "new breakwater") -> str:
    """About 700 characters of news text: a full text, not a teaser."""
    return "".join(f"<p>{escape(p.format(day=f'day {number}', thing=thing))}</p>" for p in PARAGRAPHS)


def article_page(title: str, number: int) -> str:
    paragraphs = article_html(number, thing="harbour wall")
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>"
        f'<meta property="og:site_name" content="The Coastal Ledger"></head>'
        f"<body><nav>Home · News · Sport</nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>All rights reserved</footer></body></html>"
    )


def rss(title: str, items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed; each item has a title and link, and a description, content or both."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel><title>{escape(title)}</title><link>http://example.invalid/</link><description>news</description>",
    ]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>")
        parts.append(f"<guid>{escape(item.get('guid', item['link']))}</guid>")
        parts.append(f"<pubDate>{item.get('date', 'Thu, 14 Mar 2024 08:30:00 GMT')}</pubDate>")
        if "summary" in item:
            parts.append(f"<description>{escape(item['summary'])}</description>")
        if "content" in item:
            parts.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts)


def full_items(base: str, prefix: str, count: int, start: int = 1) -> list[dict[str, str]]:
    """Entries that carry their whole text."""
    return [
        {
            "title": f"{prefix} story {n}",
            "link": f"{base}/{prefix}/story-{n}.html",
            "content": article_html(n, thing=f"{prefix} breakwater"),
            "date": f"Thu, {1 + n % 28:02d} Feb 2024 {n % 24:02d}:{n % 60:02d}:00 GMT",
        }
        for n in range(start, start + count)
    ]
