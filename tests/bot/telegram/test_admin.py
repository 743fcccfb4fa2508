"""Admin commands: sources (with an injected validator), stats, channels (admin checks via the API)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

import httpx

from bot.ops.sources_admin import SourceAdminImpl, SourceInfo
from bot.runtime.clock import system_clock
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators
from tests.bot.conftest import (
    ADMIN,
    Harness,
    MemoryStories,
    ScriptedPoll,
    delete_prefix,
    khabar_settings,
    make_story,
    say,
)
from tests.fakebotapi import Chat, FakeBotAPI
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer

OTHER = 931
CHANNEL = -1007001


async def test_sources_add_remove(khabar: Harness) -> None:
    chat = khabar.fake.private(ADMIN)
    (text,) = await say(khabar, chat, ADMIN, "/sources")
    assert "هیچ منبعی" in text
    khabar.sources.reject["https://bad.example/rss"] = "http: 404 Not Found"
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://bad.example/rss خوزستان")
    assert "افزوده نشد" in text and "404" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://good.example/rss سیستان و بلوچستان خبرگزاری نمونه")
    assert "افزوده شد" in text and "سیستان و بلوچستان" in text and "خبرگزاری نمونه" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource https://good.example/rss ناکجاآباد")
    assert "نشناختم" in text
    (text,) = await say(khabar, chat, ADMIN, "/addsource")
    assert "/addsource https://example.ir/rss" in text
    khabar.sources.listed.append(SourceInfo("broken", "منبع خراب", "تهران", "https://x", "failing", "timeout"))
    (text,) = await say(khabar, chat, ADMIN, "/sources")
    assert "src1" in text and "🟢" in text and "🟠" in text
    (text,) = await say(khabar, chat, ADMIN, "/removesource src1")
    assert "حذف شد" in text and [s.id for s in khabar.sources.listed] == ["broken"]
    (text,) = await say(khabar, chat, ADMIN, "/removesource src1")
    assert "نیست" in text


async def test_stats(khabar: Harness) -> None:
    fake = khabar.fake
    await say(khabar, fake.private(OTHER), OTHER, "/subscribe")
    khabar.poll.publish(make_story("خبر برای آمار"))
    await fake.wait_for(lambda: len(fake.messages_to(OTHER)) == 2, 8)
    (text,) = await say(khabar, fake.private(ADMIN), ADMIN, "/stats")
    assert "گفتگوها: ۱" in text and "۱ ارسال" in text and "صف ارسال: ۰" in text


async def test_channel_add_checks_both_admin_rights(khabar: Harness) -> None:
    fake = khabar.fake
    chat = fake.private(ADMIN)
    channel = fake.add_chat(Chat(CHANNEL, "channel", title="کانال", username="khabar_ch", creator=OTHER,
                                 bot_status="member"))  # fmt: skip
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch")
    assert "مدیر کانال" in text and "نیستید" in text  # the requester is not a channel admin
    channel.admins.add(ADMIN)
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch")
    assert "اجازهٔ ارسال" in text  # the bot may not post
    channel.bot_status = "administrator"
    (text,) = await say(khabar, chat, ADMIN, "/channel add @khabar_ch طلاق daily ۰۹:۰۰")
    assert "اضافه شد" in text and "طلاق" in text
    sub = await khabar.store.subscriptions.get(CHANNEL)
    assert sub is not None and sub.kind is ChatKind.CHANNEL and sub.mode is Mode.DAILY and sub.daily_at == "09:00"
    (text,) = await say(khabar, chat, ADMIN, "/channel add @nosuchchannel")
    assert "پیدا نشد" in text
    (text,) = await say(khabar, chat, ADMIN, "/channel list")
    assert "@khabar_ch" in text and "طلاق" in text
    (text,) = await say(khabar, chat, ADMIN, "/channel remove @khabar_ch")
    assert "حذف شد" in text and await khabar.store.subscriptions.get(CHANNEL) is None
    (text,) = await say(khabar, chat, ADMIN, "/channel")
    assert "/channel add @mychannel" in text


async def test_instant_channel_gets_posts(khabar: Harness) -> None:
    fake = khabar.fake
    fake.add_chat(
        Chat(CHANNEL, "channel", title="کانال", username="khabar_ch", creator=ADMIN, bot_status="administrator")
    )
    await say(khabar, fake.private(ADMIN), ADMIN, "/channel add @khabar_ch")
    khabar.poll.publish(make_story("خبر فوری برای کانال"))
    await fake.wait_for(lambda: len(fake.messages_to(CHANNEL)) == 1, 8)
    assert "خبر فوری برای کانال" in fake.messages_to(CHANNEL)[0].text


async def _admin_says(fake: FakeBotAPI, texts: Sequence[str]) -> list[str]:
    """The admin sends each text in turn to a khabar whose /addsource uses the real guarded fetch."""
    stories = MemoryStories()

    async def wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
        sources = SourceAdminImpl(store, settings, http, lambda: (), system_clock)
        return Collaborators(stories=stories, sources=sources, poll=ScriptedPoll(stories))

    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
    app = build_application(khabar_settings(fake.base_url), wiring=wiring, clock=system_clock, prefix=prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    chat = fake.private(ADMIN)
    try:
        for n, text in enumerate(texts, start=1):
            fake.send_text(chat, ADMIN, text)
            await fake.wait_for(lambda n=n: len(fake.messages_to(chat.id)) >= n, 20)  # type: ignore[misc]
        return [m.text for m in fake.messages_to(chat.id)]
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await delete_prefix(prefix)


async def test_addsource_with_a_home_page_adds_the_feed_it_names(fake: FakeBotAPI) -> None:
    with FeedServer() as site:
        home = '<html><head><title>خبرگزاری نمونه</title></head><body><a href="/rss/tp/7">خوراک RSS</a></body></html>'
        site.bytes("/", home.encode(), content_type="text/html; charset=utf-8")
        site.bytes("/rss/tp/7", rss({"title": "خبر", "guid": "1"}, title="اخبار کرمان"))
        site.bytes("/bare", b"<html><body>nothing here</body></html>", content_type="text/html")
        site.bytes("/feed.xml", rss({"title": "خبر", "guid": "2"}, title="خوراک مستقیم"))
        page, feed = site.url("/"), site.url("/rss/tp/7")
        replies = await _admin_says(
            fake,
            [
                f"/addsource {page} کرمان",
                f"/addsource {site.url('/feed.xml')} کرمان",
                f"/addsource {site.url('/bare')} کرمان",
            ],
        )
    discovered, direct, bare = replies
    assert "صفحهٔ وب بود" in discovered and feed in discovered and page in discovered
    assert "اخبار کرمان" in discovered and "(کرمان)" in discovered and "افزودم" in discovered
    assert "افزوده شد" in direct and "صفحهٔ وب" not in direct  # a feed URL: as before
    assert "افزوده نشد" in bare and "no RSS/Atom feed found" in bare
