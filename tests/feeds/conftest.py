"""Fixtures for feed tests: the local feed server, fetch configuration, fixture bytes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import httpx
import pytest

from feeds.fetch import FetchConfig, build_client
from tests.feedserver import FIXTURES, FeedServer

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
UA = "khabar-test/1 (+https://example.org/khabar)"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def open_config() -> FetchConfig:
    """Guard off (the test server is on 127.0.0.1), short timeouts."""
    return FetchConfig(user_agent=UA, connect_timeout=2, read_timeout=2, total_timeout=5, allow_private=True)


@pytest.fixture
async def client(open_config: FetchConfig) -> AsyncIterator[httpx.AsyncClient]:
    async with build_client(open_config) as c:
        yield c


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def rss(*items: dict[str, str], title: str = "خبرگزاری آزمایشی") -> bytes:
    """A small RSS 2.0 document; each item: title, and optionally guid, link, date, description."""
    parts = []
    for it in items:
        fields = [f"<title>{it['title']}</title>"]
        for key, tag in (("guid", "guid"), ("link", "link"), ("date", "pubDate"), ("description", "description")):
            if key in it:
                fields.append(f"<{tag}>{it[key]}</{tag}>")
        parts.append("<item>" + "".join(fields) + "</item>")
    channel = f"<channel><title>{title}</title>{''.join(parts)}</channel>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'.encode()
