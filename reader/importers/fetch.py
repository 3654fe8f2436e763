"""Fetching pages and feeds over HTTP(S) with httpx: timeouts, a total deadline, redirects, a size
cap, a content-type check, the address rules of ``guard`` and a user agent. Every failure becomes an
``ImportError_`` with a short reason."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from reader import __version__
from reader.importers.common import ImportError_, megabytes
from reader.importers.guard import AddressPolicy, guarded_client, refusal
from reader.importers.guard import deadline as total_deadline

USER_AGENT = f"reader/{__version__} (terminal news reader)"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# However slowly a server sends its headers and body, one fetch ends after this long.
DEADLINE_SECONDS = 60.0
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

    def text(self) -> bytes:
        """The body as it came: parsers decode it with ``charset`` (what the server said), then
        what the page itself declares, then detection (see ``common.decode``)."""
        return self.data


def check_url(url: str, policy: AddressPolicy | None = None) -> None:
    """Refuse a URL reader must not fetch (scheme, host, a non-public IP literal not allowed)."""
    (policy or AddressPolicy()).check_url(url)


def configured_allow_hosts() -> list[str]:
    """The hosts the config allows to be local or private (``[fetch] allow_hosts``); none when the
    config cannot be read (its own commands report that)."""
    from reader.config import ConfigError, load_config

    try:
        return load_config().allow_hosts
    except ConfigError:
        return []


class Fetcher:
    """One HTTP client for a whole import, so connections are reused between a feed and its pages.

    ``allow_hosts`` (and later ``allow``) name the hosts that may be local or private: the ones the
    user gave. ``deadline`` bounds each ``get`` as a whole, headers and body included."""

    def __init__(
        self,
        *,
        max_bytes: int = MAX_BYTES,
        timeout: httpx.Timeout = TIMEOUT,
        deadline: float = DEADLINE_SECONDS,
        allow_hosts: Iterable[str] = (),
        policy: AddressPolicy | None = None,
        **client_args: Any,
    ):
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.policy = policy or AddressPolicy(allow_hosts)
        if policy is not None:
            for host in allow_hosts:
                self.policy.allow(host)
        self.client = guarded_client(
            self.policy,
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

    def allow(self, host_or_url: str) -> None:
        """Let this fetcher reach a host the user named even when it is local or private."""
        self.policy.allow(host_or_url)

    def get(self, url: str, deadline: float | None = None) -> Fetched:
        """The body at ``url``, within ``deadline`` seconds (the fetcher's own by default)."""
        self.policy.check_url(url)
        try:
            with total_deadline(deadline or self.deadline), self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase or ""
                    raise ImportError_(f"HTTP {response.status_code} {reason}".strip())
                final = str(response.url)
                content_type = response.headers.get("content-type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                if mime and not mime.startswith(TEXT_TYPES):
                    raise ImportError_(f"not text (content type {mime})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    limit = megabytes(self.max_bytes)
                    raise ImportError_(f"too large ({megabytes(int(declared))}; the limit is {limit})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ImportError_(f"too large (over {megabytes(self.max_bytes)})")
                    chunks.append(chunk)
                return Fetched(final, mime, response.charset_encoding, b"".join(chunks))
        except httpx.TooManyRedirects as exc:
            raise ImportError_(f"too many redirects (more than {MAX_REDIRECTS})") from exc
        except httpx.TimeoutException as exc:
            raise ImportError_("timed out") from exc
        except httpx.ConnectError as exc:
            refused = refusal(exc)
            if refused:
                raise ImportError_(refused) from exc
            raise ImportError_(f"cannot connect ({_first_line(exc)})") from exc
        except httpx.UnsupportedProtocol as exc:  # a redirect to another scheme
            raise ImportError_(f"redirected to an unsupported URL ({_first_line(exc)})") from exc
        except (httpx.HTTPError, httpx.InvalidURL, httpx.CookieConflict, ValueError, UnicodeError) as exc:
            # InvalidURL is not an HTTPError: a redirect to ``javascript:...`` or a malformed host
            raise ImportError_(f"download failed ({_first_line(exc)})") from exc


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
