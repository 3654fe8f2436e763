"""Fetching a subscribed feed: conditional GET (ETag, Last-Modified; a 304 costs nothing), gzip,
redirects followed one by one (a permanent one moves the subscription), 410 Gone, and the same
size cap, content-type check, timeouts, total deadline and address rules (``importers.guard``:
checked after DNS, on every hop) as any other fetch. A subscribed feed's host counts as named by
the user, so it may be local or private; where its redirects lead is checked like any other host.

``reader.importers.fetch`` fetches pages; this module adds what a feed reader needs on top of it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import httpx

from reader.importers.common import ImportError_, megabytes
from reader.importers.fetch import MAX_BYTES, MAX_REDIRECTS, TEXT_TYPES, TIMEOUT, USER_AGENT, _first_line
from reader.importers.guard import AddressPolicy, guarded_client, refusal
from reader.importers.guard import deadline as total_deadline

ACCEPT = "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
FEED_DEADLINE = 60.0  # seconds for one feed, redirects and download included
PERMANENT = (301, 308)


class FeedGone(ImportError_):
    """The server says the feed is gone for good (410)."""


@dataclass
class FeedResponse:
    """What one conditional GET of a feed gave: ``data`` is empty when ``not_modified``."""

    url: str  # where the feed was finally found
    moved_to: str | None  # the new address when every redirect on the way was permanent
    not_modified: bool
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    data: bytes = b""
    charset: str | None = None  # what the server said the bytes are


class FeedClient:
    """One HTTP client for a refresh, shared by the threads that fetch feeds (httpx.Client is thread-safe)."""

    def __init__(
        self,
        *,
        max_bytes: int = MAX_BYTES,
        timeout: float | httpx.Timeout = TIMEOUT,
        deadline: float = FEED_DEADLINE,
        policy: AddressPolicy | None = None,
        **client_args: Any,
    ):
        self.max_bytes = max_bytes
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.deadline = deadline
        self.policy = policy or AddressPolicy()
        self.client = guarded_client(
            self.policy,
            follow_redirects=False,  # followed here, one hop at a time, to tell permanent moves
            timeout=self.timeout,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            **client_args,
        )

    def __enter__(self) -> FeedClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def _timeout(self, ends: float) -> httpx.Timeout:
        """The per-request timeouts, shortened so that no wait goes past the deadline."""
        left = ends - time.monotonic()
        if left <= 0:
            raise ImportError_(f"timed out (no answer within {self.deadline:.0f} s)")

        def cap(value: float | None) -> float:
            return min(value, left) if value is not None else left

        t = self.timeout
        return httpx.Timeout(connect=cap(t.connect), read=cap(t.read), write=cap(t.write), pool=cap(t.pool))

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, ends: float | None = None
    ) -> FeedResponse:
        """Fetch ``url`` unless unchanged since ``etag`` / ``last_modified``; ``ends`` (a monotonic
        time) may cut the deadline shorter, for a refresh that has an overall limit."""
        ends = min(ends or float("inf"), time.monotonic() + self.deadline)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, permanent = url, True
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                self.policy.check_url(current)
                timeout = self._timeout(ends)
                with (
                    total_deadline(ends - time.monotonic()),
                    self.client.stream("GET", current, headers=headers, timeout=timeout) as response,
                ):
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location")
                        if not location:
                            raise ImportError_(f"HTTP {response.status_code} without a Location")
                        permanent = permanent and response.status_code in PERMANENT
                        current = urljoin(current, location)
                        continue
                    return self._answer(response, url, current, permanent, ends)
            raise ImportError_(f"too many redirects (more than {MAX_REDIRECTS})")
        except httpx.TimeoutException as exc:
            raise ImportError_("timed out") from exc
        except httpx.ConnectError as exc:
            refused = refusal(exc)
            if refused:
                raise ImportError_(refused) from exc
            raise ImportError_(f"cannot connect ({_first_line(exc)})") from exc
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise ImportError_(f"download failed ({_first_line(exc)})") from exc

    def _answer(self, response: httpx.Response, asked: str, final: str, permanent: bool, ends: float) -> FeedResponse:
        moved_to = final if permanent and final != asked else None
        if response.status_code == 304:
            headers = response.headers
            return FeedResponse(final, moved_to, True, headers.get("etag"), headers.get("last-modified"))
        if response.status_code == 410:
            raise FeedGone("HTTP 410 Gone: the server says the feed was removed for good")
        if response.status_code >= 400:
            raise ImportError_(f"HTTP {response.status_code} {response.reason_phrase or ''}".strip())
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime and not mime.startswith(TEXT_TYPES):
            raise ImportError_(f"not a feed (content type {mime})")
        declared = response.headers.get("content-length", "")
        # Content-Length counts the compressed bytes: the cap below holds for what they unpack to.
        if declared.isdigit() and int(declared) > self.max_bytes and "content-encoding" not in response.headers:
            raise ImportError_(f"too large ({megabytes(int(declared))}; the limit is {megabytes(self.max_bytes)})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise ImportError_(f"too large (over {megabytes(self.max_bytes)})")
            if time.monotonic() > ends:
                raise ImportError_(f"timed out (the download took over {self.deadline:.0f} s)")
            chunks.append(chunk)
        return FeedResponse(
            final,
            moved_to,
            False,
            response.headers.get("etag"),
            response.headers.get("last-modified"),
            mime,
            b"".join(chunks),
            response.charset_encoding,
        )
