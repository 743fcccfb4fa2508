from __future__ import annotations

import ipaddress
from dataclasses import replace
from typing import Any

import httpcore
import pytest

from feeds.fetch import ErrorKind, FetchConfig, build_client, fetch
from feeds.ssrf import BlockedAddress, blocked_reason, check_addresses, check_scheme, precheck
from tests.feedserver import FeedServer

BLOCKED = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "shared address space"),
    ("224.0.0.251", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "broadcast"),
    ("198.18.0.1", "benchmarking"),
    ("::1", "v6 loopback"),
    ("::", "v6 unspecified"),
    ("fe80::1", "v6 link-local"),
    ("fc00::1", "v6 unique local"),
    ("fd12:3456::1", "v6 unique local"),
    ("ff02::1", "v6 multicast"),
    ("fec0::1", "v6 site-local"),
    ("::ffff:127.0.0.1", "IPv4-mapped loopback"),
    ("::ffff:169.254.169.254", "IPv4-mapped metadata"),
    ("::ffff:10.0.0.1", "IPv4-mapped private"),
    ("2002:7f00:1::1", "6to4 of 127.0.0.1"),
    ("2002:a9fe:a9fe::", "6to4 of 169.254.169.254"),
    ("64:ff9b::7f00:1", "NAT64 of 127.0.0.1"),
    ("64:ff9b::a9fe:a9fe", "NAT64 of 169.254.169.254"),
    ("64:ff9b:1::a00:1", "local NAT64"),
    ("::127.0.0.1", "IPv4-compatible"),
]


@pytest.mark.parametrize(("address", "label"), BLOCKED, ids=[label for _, label in BLOCKED])
def test_non_public_addresses_are_blocked(address: str, label: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "185.143.233.120", "2606:4700:4700::1111", "2a01:5ec0::1"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address)) is None


def test_embedded_address_is_named_in_the_reason() -> None:
    why = blocked_reason(ipaddress.ip_address("64:ff9b::a9fe:a9fe"))
    assert why is not None and "link-local" in why and "embedded" in why


def test_one_bad_address_among_good_ones_blocks_the_host() -> None:
    with pytest.raises(BlockedAddress, match=r"10\.0\.0\.7"):
        check_addresses("mixed.example", ["8.8.8.8", "10.0.0.7"])


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/rss", "gopher://x/", "javascript:alert(1)", "http:///nohost", "//x.ir/a"],
)
def test_only_http_and_https_with_a_host(url: str) -> None:
    assert check_scheme(url) is not None


def test_http_and_https_pass_the_scheme_check() -> None:
    assert check_scheme("https://www.irna.ir/rss") is None
    assert check_scheme("HTTP://www.isna.ir/rss") is None


# --- through the real fetch path, against a real local server ---


def guarded(**kw: Any) -> FetchConfig:
    return FetchConfig(user_agent="t", connect_timeout=0.5, read_timeout=2, total_timeout=4, **kw)


def resolver(table: dict[str, list[str]]) -> Any:
    async def resolve(host: str, port: int) -> list[str]:
        if host in table:
            return table[host]
        return [host]  # literal addresses

    return resolve


class Dialer:
    """Connects "public" test addresses to the local server and records what was dialled."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.dialled: list[str] = []
        self._inner = httpcore.AnyIOBackend()

    async def __call__(self, address: str, port: int, **kw: Any) -> httpcore.AsyncNetworkStream:
        self.dialled.append(address)
        return await self._inner.connect_tcp("127.0.0.1", self.port, **kw)


async def test_loopback_url_refused_with_guard_on_and_fetched_with_guard_off(server: FeedServer) -> None:
    server.bytes("/rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    url = server.url("/rss")
    async with build_client(guarded()) as on:
        refused = await fetch(on, url, guarded())
    assert refused.error is not None and refused.error.kind is ErrorKind.BLOCKED
    assert "127.0.0.1" in refused.error.message and "loopback" in refused.error.message
    assert server.hits("/rss") == 0  # refused before any connection
    allowed_cfg = guarded(allow_private=True)
    async with build_client(allowed_cfg) as off:
        allowed = await fetch(off, url, allowed_cfg)
    assert allowed.error is None and allowed.status == 200


async def test_name_resolving_to_metadata_address_is_refused_and_allowed_when_guard_off() -> None:
    resolve = resolver({"metadata.test": ["169.254.169.254"]})
    cfg = guarded()
    async with build_client(cfg, resolve=resolve) as c:
        refused = await fetch(c, "http://metadata.test/latest/meta-data/", cfg)
    assert refused.error is not None and refused.error.kind is ErrorKind.BLOCKED
    assert "169.254.169.254" in refused.error.message

    attempts: list[str] = []

    async def no_route(address: str, port: int, **kw: Any) -> httpcore.AsyncNetworkStream:
        attempts.append(address)
        raise httpcore.ConnectError("no route to host")

    off = guarded(allow_private=True)
    async with build_client(off, resolve=resolve, connect=no_route) as c:
        allowed = await fetch(c, "http://metadata.test/latest/meta-data/", off)
    assert attempts == ["169.254.169.254"]  # the guard let it through; only the network failed
    assert allowed.error is not None and allowed.error.kind is ErrorKind.CONNECT


async def test_connection_goes_to_the_checked_address_so_rebinding_cannot_slip_in(server: FeedServer) -> None:
    server.bytes("/rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    answers = iter([["8.8.8.8"], ["127.0.0.1"]])  # a rebinding DNS: public first, then loopback

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    dialer = Dialer(server.port)
    cfg = guarded()
    async with build_client(cfg, resolve=rebinding, connect=dialer) as c:
        first = await fetch(c, f"http://rebind.test:{server.port}/rss", cfg)
    assert first.error is None and first.status == 200
    assert dialer.dialled == ["8.8.8.8"]  # resolved once, checked, and exactly that address dialled


async def test_redirect_targets_are_rechecked(server: FeedServer) -> None:
    server.redirect("/start", "http://127.0.0.1:1/internal")
    server.redirect("/to-file", "file:///etc/passwd")
    server.redirect("/to-metadata", "http://metadata.test/")
    resolve = resolver({"public.test": ["8.8.8.8"], "metadata.test": ["169.254.169.254"]})
    dialer = Dialer(server.port)
    cfg = guarded()
    async with build_client(cfg, resolve=resolve, connect=dialer) as c:
        results = [
            await fetch(c, f"http://public.test:{server.port}{p}", cfg) for p in ("/start", "/to-file", "/to-metadata")
        ]
    for result in results:
        assert result.error is not None and result.error.kind is ErrorKind.BLOCKED, result
    assert results[0].url == "http://127.0.0.1:1/internal"
    assert dialer.dialled == ["8.8.8.8"] * 3  # only the public first hops were ever dialled


async def test_precheck_for_proxied_fetches() -> None:
    resolve = resolver({"metadata.test": ["169.254.169.254"], "ok.test": ["8.8.8.8"]})
    with pytest.raises(BlockedAddress):
        await precheck("http://169.254.169.254/", allow_private=False, resolve=resolve)
    with pytest.raises(BlockedAddress):
        await precheck("http://metadata.test/", allow_private=False, resolve=resolve)
    with pytest.raises(BlockedAddress):
        await precheck("file:///etc/passwd", allow_private=True, resolve=resolve)
    await precheck("http://ok.test/", allow_private=False, resolve=resolve)
    await precheck("http://127.0.0.1/", allow_private=True, resolve=resolve)


async def test_proxied_client_prechecks_before_sending() -> None:
    cfg = replace(guarded(), proxy="http://127.0.0.1:9")  # nothing listens there; never reached
    async with build_client(cfg) as c:
        result = await fetch(c, "http://10.0.0.1/rss", cfg)
    assert result.error is not None and result.error.kind is ErrorKind.BLOCKED
