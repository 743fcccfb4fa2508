"""SSRF guard: which URLs and addresses a fetch may reach. Imports nothing of ours.

Every fetch of a source, redirect target or article link goes through this module:

- `check_scheme(url)`: only http and https (file:// is handled by fetch, for operator files only).
- `blocked_reason(ip)`: why an address must not be contacted (loopback, private, link-local,
  multicast, reserved, unspecified, shared/CGNAT, ...), looking inside IPv4-mapped, 6to4, Teredo and
  NAT64 IPv6 forms; None for a public address.
- `GuardedBackend`: an httpcore network backend that resolves the host itself, checks *every*
  address, then connects to one of exactly those addresses. The check and the connection use the same
  resolution, so DNS rebinding between them is impossible; since redirects open connections through
  the same backend, each redirect target is re-checked too. TLS still verifies the real host name.
- `precheck(url)`: the same check done ahead of time, for fetches through an operator's proxy, where
  the proxy (not khabar) connects; best effort, documented as such.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]
Connector = Callable[..., Awaitable[httpcore.AsyncNetworkStream]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_SHARED = ipaddress.ip_network("100.64.0.0/10")


class BlockedAddress(Exception):
    """A fetch was refused by the guard. `str()` is one line starting with "ssrf:"."""


def check_scheme(url: str) -> str | None:
    """None when the URL is http(s) with a host, else the reason it is refused."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError for a port outside 0-65535
    except ValueError as exc:
        return f"ssrf: malformed URL {url[:200]!r}: {exc}"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"ssrf: scheme {parts.scheme or '(none)'!r} not allowed (http or https only)"
    if not host:
        return f"ssrf: URL {url!r} has no host"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client address (obfuscated form decoded by ipaddress)
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def blocked_reason(ip: IPAddress) -> str | None:
    """Why `ip` must not be contacted, or None when it is a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            why = blocked_reason(inner)
            if why is not None:
                return f"{why} (embedded in {ip})"
        if ip.is_site_local:
            return "site-local"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("shared address space", isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED),
        ("reserved", ip.is_reserved),
    )
    for name, hit in checks:
        if hit:
            return name
    if not ip.is_global:
        return "not globally routable"
    return None


def check_addresses(host: str, addresses: Iterable[str]) -> list[str]:
    """Return the addresses if every one is allowed; raise BlockedAddress naming the first bad one.

    All must pass: a host that resolves to one public and one private address is refused, since the
    caller cannot tell which one an attacker wants it to use.
    """
    ok: list[str] = []
    for text in addresses:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
        why = blocked_reason(ip)
        if why is not None:
            raise BlockedAddress(f"ssrf: {host} resolves to {ip} ({why}); set KHABAR_ALLOW_PRIVATE_URLS=1 to allow")
        ok.append(text)
    if not ok:
        raise BlockedAddress(f"ssrf: {host} resolves to no address")
    return ok


async def system_resolve(host: str, port: int) -> list[str]:
    """Resolve with the system resolver (off the event loop), addresses in resolver order, deduplicated."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve once, check every address, connect only to a checked address.

    `resolve` and `connect` are injectable so tests can map names to addresses and observe which
    address is actually dialled; by default they are the system resolver and httpcore's own backend.
    """

    def __init__(
        self,
        allow_private: bool = False,
        resolve: Resolver | None = None,
        connect: Connector | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._resolve = resolve or system_resolve
        self._inner = httpcore.AnyIOBackend()
        self._connect = connect or self._inner.connect_tcp

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"dns: resolving {host} timed out") from None
        except (OSError, UnicodeError) as exc:  # UnicodeError: a name IDNA cannot encode (label too long)
            raise httpcore.ConnectError(f"dns: cannot resolve {host[:100]}: {exc}") from None
        if not self._allow_private:
            addresses = check_addresses(host, addresses)
        return await self._dial(addresses, port, timeout, local_address, socket_options)

    async def _dial(
        self,
        addresses: Sequence[str],
        port: int,
        timeout: float | None,
        local_address: str | None,
        socket_options: Iterable[Any] | None,
    ) -> httpcore.AsyncNetworkStream:
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._connect(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None  # addresses is never empty here
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("ssrf: unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def precheck(url: str, allow_private: bool, resolve: Resolver | None = None) -> None:
    """Check a URL before handing it to a proxy. Raises BlockedAddress.

    The proxy resolves the name itself, so this cannot stop DNS rebinding; it stops literal private
    addresses and names that resolve to them here. A name that does not resolve here is let through
    (the proxy may see a different DNS).
    """
    why = check_scheme(url)
    if why is not None:
        raise BlockedAddress(why)
    if allow_private:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
        check_addresses(host, [host])
        return
    except ValueError:
        pass
    try:
        addresses = await (resolve or system_resolve)(host, parts.port or 443)
    except OSError:
        return
    check_addresses(host, addresses)
