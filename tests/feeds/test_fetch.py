from __future__ import annotations

import gzip
import time
import tracemalloc
from dataclasses import replace
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from feeds.fetch import ErrorKind, FetchConfig, build_client, fetch, parse_max_age, parse_retry_after
from tests.feeds.conftest import NOW, UA, fixture_bytes
from tests.feedserver import FIXTURES, FeedServer

LAST_MODIFIED = "Mon, 04 Mar 2024 06:00:00 GMT"


async def test_plain_get_sends_user_agent_and_accept(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/rss", "rss2_khuzestan.xml")
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.error is None and result.status == 200
    assert result.body == fixture_bytes("rss2_khuzestan.xml")
    (req,) = server.requests
    assert req.headers["User-Agent"] == UA
    assert "application/rss+xml" in req.headers["Accept"]
    assert "gzip" in req.headers["Accept-Encoding"]


async def test_304_round_trip_with_etag_and_last_modified(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/rss", "rss2_khuzestan.xml", etag='"v1"', last_modified=LAST_MODIFIED)
    first = await fetch(client, server.url("/rss"), open_config)
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified == LAST_MODIFIED
    second = await fetch(client, server.url("/rss"), open_config, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.body == b"" and second.error is None
    sent = server.requests[-1].headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == LAST_MODIFIED


async def test_304_with_last_modified_only(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/rss", "atom_isfahan.xml", last_modified=LAST_MODIFIED)
    first = await fetch(client, server.url("/rss"), open_config)
    assert first.etag is None and first.last_modified == LAST_MODIFIED
    second = await fetch(client, server.url("/rss"), open_config, last_modified=first.last_modified)
    assert second.not_modified


async def test_gzip_is_decoded(server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    server.file("/rss", "rss2_khuzestan.xml", gzip_body=True)
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.error is None and result.body == fixture_bytes("rss2_khuzestan.xml")


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
async def test_10mb_body_over_the_cap_is_refused_while_streaming(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig, chunked: bool
) -> None:
    server.huge("/big", 10 * 1024 * 1024, chunked=chunked)
    started = time.monotonic()
    result = await fetch(client, server.url("/big"), open_config)
    assert result.error is not None and result.error.kind is ErrorKind.TOO_LARGE
    assert result.body == b""
    assert time.monotonic() - started < 3


async def test_gzip_bomb_stops_at_the_cap_with_bounded_memory(server: FeedServer, open_config: FetchConfig) -> None:
    bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)  # 200 MB → ~200 KB
    server.bytes("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    cfg = replace(open_config, max_body_bytes=1024 * 1024)
    async with build_client(cfg) as c:
        tracemalloc.start()
        try:
            result = await fetch(c, server.url("/bomb"), cfg)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert result.error is not None and result.error.kind is ErrorKind.TOO_LARGE
    assert peak < 20 * 1024 * 1024


async def test_slow_server_hits_the_total_timeout(server: FeedServer, open_config: FetchConfig) -> None:
    server.slow("/slow", delay=5)
    cfg = replace(open_config, read_timeout=10, total_timeout=0.8)
    async with build_client(cfg) as c:
        started = time.monotonic()
        result = await fetch(c, server.url("/slow"), cfg)
    assert result.error is not None and result.error.kind is ErrorKind.TIMEOUT
    assert 0.7 < time.monotonic() - started < 2.5


async def test_dripping_server_cannot_outlast_the_total_timeout(server: FeedServer, open_config: FetchConfig) -> None:
    server.drip("/drip", every=0.1)  # each read is quick, the body never ends
    cfg = replace(open_config, read_timeout=1, total_timeout=1.0)
    async with build_client(cfg) as c:
        started = time.monotonic()
        result = await fetch(c, server.url("/drip"), cfg)
    assert result.error is not None and result.error.kind is ErrorKind.TIMEOUT
    assert time.monotonic() - started < 2.5


async def test_read_timeout(server: FeedServer, open_config: FetchConfig) -> None:
    server.slow("/slow", delay=3)
    cfg = replace(open_config, read_timeout=0.3, total_timeout=5)
    async with build_client(cfg) as c:
        result = await fetch(c, server.url("/slow"), cfg)
    assert result.error is not None and result.error.kind is ErrorKind.TIMEOUT


async def test_redirect_loop_is_refused(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    result = await fetch(client, server.url("/a"), open_config)
    assert result.error is not None and result.error.kind is ErrorKind.REDIRECT
    assert "loop" in result.error.message
    assert server.hits("/a") == 1 and server.hits("/b") == 1


async def test_too_many_redirects(server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    for i in range(10):
        server.redirect(f"/r{i}", f"/r{i + 1}", status=301)
    result = await fetch(client, server.url("/r0"), replace(open_config, max_redirects=3))
    assert result.error is not None and result.error.kind is ErrorKind.REDIRECT
    assert server.hits("/r3") == 1 and server.hits("/r4") == 0


async def test_redirect_followed_to_the_feed(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.redirect("/old-rss", "/rss", status=301)
    server.file("/rss", "rss1_fars.xml")
    result = await fetch(client, server.url("/old-rss"), open_config)
    assert result.error is None and result.status == 200 and result.url == server.url("/rss")


async def test_429_with_retry_after_seconds(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.status("/rss", 429, headers={"Retry-After": "120"})
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.error is not None and result.error.kind is ErrorKind.RATE_LIMITED
    assert result.status == 429 and result.retry_after == 120


async def test_503_with_retry_after_http_date(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    when = format_datetime(NOW + timedelta(minutes=30), usegmt=True)
    server.status("/rss", 503, headers={"Retry-After": when})
    result = await fetch(client, server.url("/rss"), open_config, now=NOW)
    assert result.error is not None and result.error.kind is ErrorKind.RATE_LIMITED
    assert result.retry_after == 1800


@pytest.mark.parametrize("status", [403, 404, 500, 502])
async def test_http_errors_are_values(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig, status: int
) -> None:
    server.status("/rss", status)
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.error is not None and result.error.kind is ErrorKind.HTTP and result.status == status
    assert str(status) in result.error.message


async def test_empty_200_is_a_successful_fetch_of_nothing(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/rss", b"")
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.error is None and result.status == 200 and result.body == b""


async def test_connection_refused_is_a_value(client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    result = await fetch(client, "http://127.0.0.1:1/rss", open_config)
    assert result.error is not None and result.error.kind is ErrorKind.CONNECT


async def test_cache_control_reported(server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    server.file("/rss", "rss1_fars.xml", headers={"Cache-Control": "public, max-age=1800"})
    result = await fetch(client, server.url("/rss"), open_config)
    assert result.cache_max_age == 1800


async def test_file_urls_only_for_operator_sources(client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    url = (FIXTURES / "rss1_fars.xml").as_uri()
    refused = await fetch(client, url, open_config)
    assert refused.error is not None and refused.error.kind is ErrorKind.BLOCKED
    first = await fetch(client, url, open_config, allow_file=True)
    assert first.error is None and first.body == fixture_bytes("rss1_fars.xml") and first.etag
    again = await fetch(client, url, open_config, allow_file=True, etag=first.etag)
    assert again.not_modified


async def test_missing_operator_file(client: httpx.AsyncClient, open_config: FetchConfig, tmp_path: Path) -> None:
    result = await fetch(client, (tmp_path / "gone.xml").as_uri(), open_config, allow_file=True)
    assert result.error is not None and result.error.kind is ErrorKind.FILE


def test_retry_after_parsing() -> None:
    assert parse_retry_after("90", NOW) == 90
    assert parse_retry_after("Tue, 05 Mar 2024 12:10:00 GMT", NOW) == 600
    assert parse_retry_after("Tue, 05 Mar 2024 11:00:00 GMT", NOW) == 0  # in the past
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_max_age_parsing() -> None:
    assert parse_max_age("max-age=600, public") == 600
    assert parse_max_age("no-cache") == 0
    assert parse_max_age("private") is None
    assert parse_max_age(None) is None


async def test_proxy_comes_from_settings_not_the_environment(
    server: FeedServer, open_config: FetchConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:1")  # would fail every request if honoured
    monkeypatch.setenv("NO_PROXY", "")
    server.file("/rss", "rss1_fars.xml")
    async with build_client(open_config) as c:
        result = await fetch(c, server.url("/rss"), open_config)
    assert result.error is None and result.status == 200


async def test_raw_persian_in_the_url_is_percent_encoded_on_the_wire(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/news/83714160/معاون-استاندار-تهران", "rss1_fars.xml")
    result = await fetch(client, server.url("/news/83714160/معاون-استاندار-تهران"), open_config)
    assert result.error is None and result.status == 200


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://[::1", ErrorKind.BLOCKED),  # unbalanced IPv6 brackets: urlsplit raises
        ("http://1.2.3.4:99999/", ErrorKind.BLOCKED),  # port out of range
        ("https://" + "a" * 300 + ".example/", ErrorKind.CONNECT),  # a DNS label IDNA cannot encode
        ("http://xn--.example/", ErrorKind.INVALID_URL),  # a malformed A-label
        ("http://exa\x00mple.example/", ErrorKind.INVALID_URL),
        ("http://exa\u202emple.example/", ErrorKind.INVALID_URL),  # a bidi override in the host
        ("", ErrorKind.BLOCKED),
    ],
    ids=["ipv6-bracket", "port-range", "long-label", "bad-a-label", "nul", "bidi", "empty"],
)
async def test_malformed_urls_are_values_not_exceptions(url: str, kind: ErrorKind) -> None:
    async def nowhere(host: str, port: int) -> list[str]:
        raise OSError("no DNS in this test")

    config = FetchConfig(user_agent=UA, connect_timeout=1, read_timeout=1, total_timeout=2)
    async with build_client(config, resolve=nowhere) as client:
        result = await fetch(client, url, config)
    assert result.error is not None and result.error.kind is kind, result.error
    assert str(result.error).startswith(("fetch:", "ssrf:")) and "\n" not in str(result.error)


async def test_a_malformed_redirect_location_is_a_value(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.redirect("/moved", "http://[::1/feed")
    result = await fetch(client, server.url("/moved"), open_config)
    assert result.error is not None
    assert "location" in str(result.error).lower()
