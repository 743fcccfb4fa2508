"""Several `khabar run` processes on one Redis behave as one bot — and a killed one loses nothing.

Real subprocesses against a redis-server of the test's own (AOF, appendfsync always), the fake Bot
API and, where feeds matter, the local feed server (both in this process).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import psutil
import pytest
import redis.asyncio as aioredis

from bot.runtime.redis_conn import client_options
from bot.store import Store
from bot.store.subscriptions import Subscription
from feeds.state import FeedState
from tests.bot.conftest import make_story
from tests.bot.procs import KhabarProcess, khabar_env, running, until, until_async
from tests.fakebotapi import FakeBotAPI
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer
from tests.redis_server import RedisServer

LEASE = 4  # KHABAR_UPDATES_LEASE for these tests: a dead holder is replaced within ~5 s


@asynccontextmanager
async def redis_store(server: RedisServer) -> AsyncIterator[Store]:
    client = aioredis.Redis.from_url(server.url, **client_options())
    try:
        yield Store.create(client)
    finally:
        await client.aclose()


def empty_sources(tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("", encoding="utf-8")
    return path


def answered(fake: FakeBotAPI, users: range) -> bool:
    return all(fake.messages_to(u) for u in users)


async def test_killing_the_updates_holder_hands_over_and_no_command_is_answered_twice(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    async with FakeBotAPI() as fake, redis_store(redis_server) as store:
        env = khabar_env(
            redis_server.url, fake.base_url, empty_sources(tmp_path), tmp_path, KHABAR_UPDATES_LEASE=str(LEASE)
        )
        procs = (KhabarProcess("a", env, tmp_path / "a.log"), KhabarProcess("b", env, tmp_path / "b.log"))
        async with running(*procs):
            holder: dict[str, str | None] = {"token": None}

            async def poll_holder() -> bool:
                holder["token"] = await store.lease("updates").holder()
                return holder["token"] is not None

            await until_async(poll_holder, 30, "a lease holder")
            before = range(2001, 2016)
            for user in before:
                fake.send_text(fake.private(user), user, "/start")
            await until(lambda: answered(fake, before), 30, "the first commands answered")

            victim = next(p for p in procs if holder["token"] and f":{p.pid}:" in holder["token"])
            survivor = next(p for p in procs if p is not victim)
            victim.kill()
            killed_at = time.monotonic()
            replayed = fake.unconfirm(5)  # as if the victim died before its confirming getUpdates arrived
            after = range(2101, 2116)
            for user in after:
                fake.send_text(fake.private(user), user, "/start")
            await until(lambda: answered(fake, after), 30, "the commands sent after the kill answered")
            takeover = min(fake.messages_to(u)[0].at for u in after) - killed_at
            await until_async(poll_holder, 5, "the new holder")
            assert f":{survivor.pid}:" in (holder["token"] or "")
            await until(lambda: fake.calls["getUpdates"] > 0, 5, "polling")
            await _settle()
        per_user = Counter(m.chat_id for m in fake.sent)
    assert len(replayed) == 5
    assert {u: per_user[u] for u in [*before, *after]} == {u: 1 for u in [*before, *after]}  # none twice
    assert takeover < LEASE + 6, f"took over after {takeover:.1f} s"
    assert fake.conflicts == 0  # never two getUpdates consumers at once
    assert "now receives Telegram updates" in survivor.text()
    assert "Traceback" not in survivor.text()


@pytest.mark.slow
async def test_two_instances_with_1000_chats_share_the_limit_and_deliver_each_story_once(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    rate, chats = 200, list(range(80_001, 81_001))
    stories = [make_story("خبر نخست برای هزار گفت‌وگو"), make_story("خبر دوم برای هزار گفت‌وگو")]
    async with FakeBotAPI(global_rate=rate, global_tolerance=2.0) as fake, redis_store(redis_server) as store:
        for chat_id in chats:
            await store.subscriptions.put(Subscription(chat_id, grouped=False))  # a message per story
        for story, fingerprint in zip(stories, (0x0F0F_0F0F_0F0F_0F0F, 0xF0F0_F0F0_F0F0_F0F0), strict=True):
            source = (story.source_ids[0], story.source_names[0])
            await store.stories.cluster(story.id, fingerprint, *source, story.first_seen)  # as the pipeline
            await store.stories.put(story)
        await store.delivery.announce([s.id for s in stories])  # as the pipeline does
        env = khabar_env(
            redis_server.url,
            fake.base_url,
            empty_sources(tmp_path),
            tmp_path,
            KHABAR_GLOBAL_RATE=str(rate),
            KHABAR_PAID_BROADCAST="1",
            KHABAR_LOG_LEVEL="WARNING",
        )
        procs = (KhabarProcess("a", env, tmp_path / "a.log"), KhabarProcess("b", env, tmp_path / "b.log"))
        async with running(*procs):
            await until(lambda: len(fake.sent) >= 2 * len(chats), 90, "every message")
            await _settle(2.0)
            senders = {p.name: _ports_of(p.pid) for p in procs}
        per_pair = Counter((m.chat_id, stories[0].digest.headline in m.text) for m in fake.sent)
        by_process = Counter(next((n for n, ports in senders.items() if m.peer in ports), "?") for m in fake.sent)
    assert len(per_pair) == 2 * len(chats) and set(per_pair.values()) == {1}  # each story once per chat
    assert fake.floods == []  # one shared limit for both processes: no 429 (2 s tolerance: a loaded machine
    # bunches arrivals; two processes each at the full rate would overrun it within seconds)
    span = fake.sent[-1].at - fake.sent[0].at
    assert span >= (2 * len(chats) - 100) / rate  # and it was really held, not just lucky
    assert by_process["a"] > 0 and by_process["b"] > 0, by_process  # both consumed the queue
    for p in procs:
        assert "Traceback" not in p.text()


async def test_kill_9_between_marking_an_item_seen_and_storing_its_story(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    user, now = 3001, datetime.now(UTC)
    with FeedServer() as feeds:
        article = (
            "<html><head><title>افزایش طلاق در تهران</title></head><body><article>"
            + "<p>مدیرکل بهزیستی استان تهران گفت: آمار طلاق در تهران در سال گذشته ۱۵ درصد افزایش یافته و شمار "
            "معتادان متجاهر نیز بیشتر شده است. وی افزود: بیش از ۲ هزار کودک کار در پایتخت شناسایی شده‌اند.</p>"
            * 2
            + "</article></body></html>"
        ).encode()
        feeds.slow("/article", 120, article, content_type="text/html")  # the first process waits here …
        item = {
            "title": "افزایش ۱۵ درصدی طلاق در تهران",
            "guid": "t-1",
            "link": feeds.url("/article"),
            "date": format_datetime(now),
            "description": "مدیرکل بهزیستی تهران از افزایش طلاق خبر داد.",
        }
        feeds.bytes("/feed.xml", rss(item))
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nid = "tehran"\nname = "خبرگزاری تهران"\nurl = "{feeds.url("/feed.xml")}"\n'
            'province = "تهران"\n',
            encoding="utf-8",
        )
        async with FakeBotAPI() as fake, redis_store(redis_server) as store:
            await store.subscriptions.put(Subscription(user))
            await store.seen.mark("tehran", [["an-old-item"]], now - timedelta(hours=1))  # polled before …
            started = FeedState(first_success_at=now - timedelta(hours=1), next_check_at=now)
            await store.feeds.save("tehran", started)  # … and due now
            env = khabar_env(
                redis_server.url,
                fake.base_url,
                sources,
                tmp_path,
                KHABAR_ALLOW_PRIVATE_URLS="1",
                KHABAR_INBOX_LEASE="3",
            )
            first = KhabarProcess("first", env, tmp_path / "first.log")
            async with running(first):
                await until(lambda: feeds.hits("/article") == 1, 30, "the article page fetch")  # … marked seen
                first.kill()
            (waiting,) = await store.inbox.pending()  # killed after "seen", before the story: in the inbox
            assert waiting.startswith("tehran|")
            assert fake.messages_to(user) == []
            feeds.bytes("/article", article, content_type="text/html")
            await _settle(3.0)  # restarted after the inbox lease ran out: its first poll tick takes the item back
            second = KhabarProcess("second", env, tmp_path / "second.log")
            async with running(second):
                await until(lambda: len(fake.messages_to(user)) >= 1, 40, "the story")
                await _settle(3.0)  # more ticks: nothing more may arrive
            assert await store.inbox.pending() == []
        got = [m.text for m in fake.messages_to(user)]
    assert len(got) == 1 and "طلاق" in got[0]
    assert "poll.reclaim" in second.text()  # it came back through the inbox (the feed itself is seen)
    assert feeds.hits("/feed.xml") == 1  # the source was not polled again (its claim outlived the kill)


def _ports_of(pid: int) -> set[int]:
    """Local ports of a process's TCP connections (the fake Bot API records each sender's port)."""
    return {c.laddr.port for c in psutil.Process(pid).net_connections(kind="tcp") if c.laddr}


async def _settle(seconds: float = 1.0) -> None:
    await asyncio.sleep(seconds)
