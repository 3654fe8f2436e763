"""Fetching pages and feeds over HTTP(S) with httpx: timeouts, redirects, a size cap, a content-type
check and a user agent. Every failure becomes an ``ImportError_`` with a short reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.importers.common import ImportError_

USER_AGENT = f"reader/{__version__} (terminal news reader)"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"

# Content types worth reading; anything else (images, PDFs, archives) is refused before download.
TEXT_TYPES = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/x-opml",
    "application/opml",
)


@dataclass
class Fetched:
    """A response body with where it finally came from and what the server said it is."""

    url: str
    content_type: str
    charset: str | None
    data: bytes

    def text(self) -> str | bytes:
        """Decoded when the server named a charset, else bytes (the parser sniffs the encoding)."""
        if self.charset:
            try:
                return self.data.decode(self.charset, errors="replace")
            except LookupError:
                return self.data
        return self.data


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ImportError_(f"unsupported URL scheme '{parts.scheme}' (only http and https)")
    if not parts.hostname:
        raise ImportError_("not a URL (no host)")


class Fetcher:
    """One HTTP client for a whole import, so connections are reused between a feed and its pages."""

    def __init__(self, *, max_bytes: int = MAX_BYTES, timeout: httpx.Timeout = TIMEOUT, **client_args: Any):
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            **client_args,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Fetched:
        check_url(url)
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase or ""
                    raise ImportError_(f"HTTP {response.status_code} {reason}".strip())
                final = str(response.url)
                check_url(final)
                content_type = response.headers.get("content-type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                if mime and not mime.startswith(TEXT_TYPES):
                    raise ImportError_(f"not text (content type {mime})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    limit = _megabytes(self.max_bytes)
                    raise ImportError_(f"too large ({_megabytes(int(declared))}; the limit is {limit})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ImportError_(f"too large (over {_megabytes(self.max_bytes)})")
                    chunks.append(chunk)
                return Fetched(final, mime, response.charset_encoding, b"".join(chunks))
        except httpx.TooManyRedirects as exc:
            raise ImportError_(f"too many redirects (more than {MAX_REDIRECTS})") from exc
        except httpx.TimeoutException as exc:
            raise ImportError_("timed out") from exc
        except httpx.ConnectError as exc:
            raise ImportError_(f"cannot connect ({_first_line(exc)})") from exc
        except httpx.HTTPError as exc:
            raise ImportError_(f"download failed ({_first_line(exc)})") from exc


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
