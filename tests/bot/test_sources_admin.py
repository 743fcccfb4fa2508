"""/addsource through feeds' SSRF-guarded probe: a real feed is kept, anything else is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.context import SourceAdded, SourceRejected, system_clock
from bot.pipeline import build_client
from bot.settings import Settings
from bot.sources_admin import SourceAdminImpl, source_id_for
from bot.store import Store
from feeds.model import FeedSource
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer

FILE_SOURCE = FeedSource("seed", "بذر", "file:///dev/null", "خوزستان", from_file=True)


@pytest.fixture
def feeds() -> FeedServer:
    with FeedServer() as srv:
        srv.bytes("/rss", rss({"title": "خبر", "guid": "1"}), content_type="application/rss+xml")
        srv.bytes("/page", b"<html><body>not a feed</body></html>", content_type="text/html")
        yield srv


async def admin_for(store: Store, settings: Settings) -> AsyncIterator[SourceAdminImpl]:
    async with build_client(settings) as client:
        yield SourceAdminImpl(store, settings, client, lambda: [FILE_SOURCE], system_clock)


async def test_a_real_feed_is_added_listed_and_removed(store: Store, settings: Settings, feeds: FeedServer) -> None:
    async for admin in admin_for(store, settings):
        url = f"http://127.0.0.1:{feeds.port}/rss"
        added = await admin.add(url, "خوزستان", "خبرگزاری آزمایشی")
        assert isinstance(added, SourceAdded) and added.items == 1 and added.source.id == source_id_for(url)
        again = await admin.add(url, "خوزستان", None)
        assert isinstance(again, SourceRejected) and "already" in again.reason
        listed = {s.id: s for s in await admin.list()}
        assert set(listed) == {"seed", added.source.id} and listed[added.source.id].status == "ok"
        assert await admin.remove(added.source.id) and not await admin.remove(added.source.id)


async def test_not_a_feed_is_refused(store: Store, settings: Settings, feeds: FeedServer) -> None:
    async for admin in admin_for(store, settings):
        got = await admin.add(f"http://127.0.0.1:{feeds.port}/page", "خوزستان", None)
        assert isinstance(got, SourceRejected)
        got = await admin.add(f"http://127.0.0.1:{feeds.port}/missing", "خوزستان", None)
        assert isinstance(got, SourceRejected) and "404" in got.reason
        assert await store.sources.list() == []


async def test_private_addresses_are_refused_by_the_ssrf_guard(
    store: Store, settings: Settings, feeds: FeedServer
) -> None:
    strict = replace(settings, allow_private_urls=False)
    async for admin in admin_for(store, strict):
        got = await admin.add(f"http://127.0.0.1:{feeds.port}/rss", "خوزستان", None)
        assert isinstance(got, SourceRejected)
        assert not feeds.requests  # refused before any connection
        assert await store.sources.list() == []
