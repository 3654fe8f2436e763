"""Where reader may connect: only http(s), never a loopback, private, link-local, multicast or
otherwise non-public address unless the user named that host (on the command line, as a
subscription, or in the config's ``[fetch] allow_hosts``), and every request under one total
deadline.

A page or feed is untrusted: its links and redirects must not turn reader into a probe of the
user's own machine or network. The check runs on the addresses a host name resolves to, at the
moment of connecting, so a name that resolves to 127.0.0.1 (or changes its answer between two
look-ups) is caught, and it runs for every request of a redirect chain.

The pieces, for any code that fetches (imports, feed refresh):

- ``AddressPolicy(allow_hosts)``: ``check_url(url)`` (scheme and host; IP literals checked at
  once) and ``addresses(host, port)`` (resolved, filtered addresses, or ``Refused``); ``allow(host)``
  adds a host the user named.
- ``guarded_transport(policy)``: an ``httpx.HTTPTransport`` that connects only to addresses the
  policy accepts, and bounds every socket wait by the deadline of ``deadline(seconds)``.
- ``deadline(seconds)``: a context manager giving the requests made inside it (in this thread) one
  total time limit, headers and body included, however slowly the server drips them.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from reader.importers.common import ImportError_

SCHEMES = ("http", "https")


class Refused(ImportError_):
    """A URL or address reader will not fetch; the message says why and how to allow it."""


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public one ('loopback', 'private', ...), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


class AddressPolicy:
    """The hosts the user named, and the rule for every other one: public addresses only."""

    def __init__(self, allow_hosts: Iterable[str] = ()):
        self._allowed: set[str] = set()
        self._lock = threading.Lock()
        for host in allow_hosts:
            self.allow(host)

    def allow(self, host_or_url: str) -> None:
        """Allow a host (or the host of a URL) the user named, whatever it resolves to."""
        host = urlsplit(host_or_url).hostname if "://" in host_or_url else host_or_url
        if host:
            with self._lock:
                self._allowed.add(_host_key(host))

    def allows(self, host: str) -> bool:
        return _host_key(host) in self._allowed

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return frozenset(self._allowed)

    def check_url(self, url: str) -> None:
        """Refuse other schemes, URLs without a host, and IP literals that are not public."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError as exc:
            raise Refused(f"not a valid URL ({exc})") from None
        if parts.scheme.lower() not in SCHEMES:
            raise Refused(f"unsupported URL scheme '{parts.scheme}' (only http and https)")
        if not host:
            raise Refused("not a URL (no host)")
        if self.allows(host):
            return
        try:
            ip = ipaddress.ip_address(_host_key(host))
        except ValueError:
            return  # a name: its addresses are checked when connecting
        self._refuse_if_local(host, ip)

    def _refuse_if_local(self, host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
        kind = address_kind(ip)
        if kind is not None:
            shown = host if host == str(ip) else f"{host} ({ip})"
            raise Refused(
                f"refused: {shown} is a {kind} address (name the host on the command line, "
                "or add it to allow_hosts under [fetch] in the config)"
            )

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses of ``host`` reader may connect to, in the resolver's order.

        A host the user named may resolve to anything; any other must resolve only to public
        addresses (one private answer among public ones is refused too: it is how rebinding
        tricks start)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host} ({exc})") from exc
        found = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self.allows(host):
            for address in found:
                self._refuse_if_local(host, ipaddress.ip_address(address.split("%", 1)[0]))
        return found


# -- the total deadline ----------------------------------------------------------------------
_deadlines = threading.local()


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every socket wait of the requests made inside (in this thread) ends by ``seconds`` from now."""
    previous = getattr(_deadlines, "at", None)
    _deadlines.at = time.monotonic() + seconds
    try:
        yield
    finally:
        _deadlines.at = previous


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    at = getattr(_deadlines, "at", None)
    if at is None:
        return timeout
    remaining = at - time.monotonic()
    if remaining <= 0:
        raise error("the total time allowed for the download ran out")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write waits no longer than the deadline allows."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself, refuses what the policy refuses, connects to a checked address."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        try:
            addresses = self.policy.addresses(host, port)
        except Refused as exc:
            raise _RefusedConnect(str(exc)) from None
        last: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
                continue
            return _DeadlineStream(stream)
        raise last or httpcore.ConnectError(f"cannot resolve {host}")


class _RefusedConnect(httpcore.ConnectError):
    """A refusal by the policy, told apart from a network failure when it reaches the caller."""


def refusal(exc: BaseException) -> str | None:
    """The policy's message when ``exc`` (or what caused it) is a refusal, else None."""
    while exc is not None:
        if isinstance(exc, Refused | _RefusedConnect):
            return str(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return None


def guarded_transport(policy: AddressPolicy, **transport_args: Any) -> httpx.HTTPTransport:
    """An httpx transport that connects only where ``policy`` allows, within the thread's deadline."""
    transport = httpx.HTTPTransport(**transport_args)
    pool = transport._pool
    if not hasattr(pool, "_network_backend"):  # pragma: no cover - guards an httpcore change
        raise RuntimeError("this httpcore version cannot be guarded; reader needs httpcore 1.x")
    pool._network_backend = _GuardedBackend(policy)
    return transport


def guarded_client(policy: AddressPolicy, **client_args: Any) -> httpx.Client:
    """An httpx client whose every request, redirects included, is checked by ``policy``.

    Requests through a proxy from the environment are checked by resolving their host here
    (the proxy connects, so the transport's own check sees only the proxy)."""
    proxied = bool(urllib.request.getproxies())

    def check(request: httpx.Request) -> None:
        url = str(request.url)
        policy.check_url(url)
        if proxied and request.url.host and not policy.allows(request.url.host):
            port = request.url.port or (443 if request.url.scheme == "https" else 80)
            try:
                policy.addresses(request.url.host, port)
            except httpcore.ConnectError as exc:  # a name that does not resolve: one line, like any
                raise ImportError_(f"cannot connect ({exc})") from None

    hooks = client_args.pop("event_hooks", {})
    hooks = {**hooks, "request": [check, *hooks.get("request", [])]}
    return httpx.Client(transport=guarded_transport(policy), event_hooks=hooks, **client_args)
