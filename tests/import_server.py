"""A local web site for the import tests: the fixture pages and feeds under tests/data/import/site,
served on 127.0.0.1 (port chosen by the system) with ``{{BASE}}`` replaced by the server's address."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parent / "data" / "import" / "site"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".opml": "text/x-opml",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
}
# Paths that answer specially, to show how failures are reported.
SPECIAL = {
    "/feeds/mixed.rss": ("/feeds/mixed.xml", "application/rss+xml"),
    "/feeds/atom-as-html": ("/feeds/atom.xml", "text/html"),  # a misconfigured server
    "/slow.html": (None, "text/html"),
    "/photo.png": (None, "image/png"),
    "/huge.html": (None, "text/html"),
    "/huge-unannounced.html": (None, "text/html"),
    "/moved": (None, "redirect:/news/2024/03/sea-wall.html"),
    "/to-javascript": (None, "redirect:javascript:alert(1)"),
    "/to-localhost": (None, "redirect:http://localhost:{PORT}/news/2024/03/sea-wall.html"),
    "/drip.html": (None, "text/html"),  # a body of one byte every 0.2 s, for a minute
    "/drip-headers": (None, "text/html"),  # headers one byte every 0.2 s
}
DRIP_SECONDS = 60
HUGE_BYTES = 12 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    base = ""

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # the client may stop reading (size cap)
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        target, content_type = SPECIAL.get(path, (path, ""))
        if content_type.startswith("redirect:"):
            port = str(self.server.server_address[1])
            location = content_type.removeprefix("redirect:").replace("{PORT}", port)
            self._send(301, "text/plain", b"moved", {"Location": location})
            return
        if path in ("/drip.html", "/drip-headers"):
            self._drip(path == "/drip-headers")
            return
        if path == "/slow.html":
            time.sleep(2)
            self._send(200, content_type, b"<html><body><p>Too late.</p></body></html>")
            return
        if path == "/photo.png":
            self._send(200, content_type, b"\x89PNG\r\n\x1a\n" + bytes(200))
            return
        if path == "/huge.html":
            self._send(200, content_type, b"<html><body>" + b"<p>word</p>" * (HUGE_BYTES // 11) + b"</body></html>")
            return
        if path == "/huge-unannounced.html":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.end_headers()
            with contextlib.suppress(ConnectionError):
                for _ in range(HUGE_BYTES // 65536 + 1):
                    self.wfile.write(b"<p>word</p>" * 5958)
            self.close_connection = True
            return
        if path == "/feeds/cp1251.rss":  # the charset is said only by the HTTP header
            text = "Городской совет проголосовал за восстановление набережной."
            feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Вести</title><item><title>Совет</title>'
            feed += f"<guid>1</guid><description>{text * 12}</description></item></channel></rss>"
            self._send(200, "application/rss+xml; charset=windows-1251", feed.encode("cp1251"))
            return
        if path.startswith("/deep/"):  # /deep/N.opml names /deep/N+1.opml: a chain of lists without end
            number = int(path.removeprefix("/deep/").removesuffix(".opml") or 0)
            page = f'<opml version="2.0"><body><outline xmlUrl="{self.base}/deep/{number + 1}.opml"/></body></opml>'
            self._send(200, "text/x-opml", page.encode())
            return
        if path.startswith("/bulk/"):  # /bulk/N.html: a page of its own for any N (feeds with many entries)
            number = path.removeprefix("/bulk/").removesuffix(".html")
            page = (
                f"<html><head><title>Bulk {number}</title></head><body><article><p>Page {number}. "
                + ("A sentence about the harbour and its boats. " * 40)
                + "</p></article></body></html>"
            )
            self._send(200, "text/html; charset=utf-8", page.encode())
            return
        file = (SITE / str(target).lstrip("/")).resolve()
        if not file.is_file() or SITE not in file.parents:
            self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")
            return
        body = file.read_bytes().replace(b"{{BASE}}", self.base.encode())
        self._send(200, content_type or TYPES.get(file.suffix, "application/octet-stream"), body)

    def _drip(self, headers: bool) -> None:
        """Send a response so slowly that no per-read timeout ever fires: only a total deadline ends it."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        body = b"<html><body><p>" + b"drip " * 20000
        data = head + body if headers else body
        if not headers:
            self.wfile.write(head)
        with contextlib.suppress(OSError):
            for index in range(int(DRIP_SECONDS / 0.2)):
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
                time.sleep(0.2)
        self.close_connection = True


@contextlib.contextmanager
def serve() -> Iterator[tuple[str, list[str]]]:
    """The base URL of a running server, and the list of request paths it has answered."""
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.requests = []  # type: ignore[attr-defined]
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.base, server.requests  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
