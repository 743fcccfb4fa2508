"""/addsource through feeds' SSRF-guarded probe: a real feed is kept, anything else is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.ops.sources_admin import SourceAdded, SourceAdminImpl, SourceRejected, source_id_for
from bot.pipeline import build_client
from bot.runtime.clock import system_clock
from bot.settings import Settings
from bot.store import Store
from feeds.model import FeedSource
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer

FILE_SOURCE = FeedSource("seed", "بذر", "file:///dev/null", "خوزستان", from_file=True)


@pytest.fixture
def feeds() -> FeedServer:
    with FeedServer() as srv:
        srv.bytes("/rss", rss({"title": "خبر", "guid": "1"}), content_type="application/rss+xml")
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


async def test_not_a_feed_is_refused(store: Store, settings: Settings) -> None:
    """A page on a site that offers no feed anywhere (a site with /rss would have it discovered)."""
    with FeedServer() as bare:
        bare.bytes("/page", b"<html><body>not a feed</body></html>", content_type="text/html")
        async for admin in admin_for(store, settings):
            got = await admin.add(bare.url("/page"), "خوزستان", None)
            assert isinstance(got, SourceRejected) and "no RSS/Atom feed found" in got.reason
            got = await admin.add(bare.url("/missing"), "خوزستان", None)
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


async def test_a_home_page_adds_the_feed_it_names(store: Store, settings: Settings) -> None:
    with FeedServer() as feeds:
        home = '<html><head><link rel="alternate" type="application/rss+xml" href="rss/allnews"></head></html>'
        feeds.bytes("/fa/", home.encode(), content_type="text/html; charset=utf-8")
        feeds.bytes("/fa/rss/allnews", rss({"title": "الف", "guid": "a"}, {"title": "ب", "guid": "b"}, title="همه"))
        page, feed = feeds.url("/fa/"), feeds.url("/fa/rss/allnews")
        async for admin in admin_for(store, settings):
            added = await admin.add(page, "کرمان", None)
            assert isinstance(added, SourceAdded) and added.discovered_from == page and added.items == 2
            assert (added.source.url, added.source.id, added.source.name) == (feed, source_id_for(feed), "همه")
            assert [s.url for s in await store.sources.list()] == [feed]
            again = await admin.add(feed, "کرمان", None)  # the same feed given directly: already there
            assert isinstance(again, SourceRejected) and "already" in again.reason
