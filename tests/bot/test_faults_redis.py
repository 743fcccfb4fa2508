"""Redis faults: a restart or a short outage pauses khabar's work and resumes it — nothing lost, nothing twice.

Each test runs the real Application in this process against a redis-server of its own (AOF with
appendfsync always, so a kill -9 of Redis loses nothing it acknowledged), the fake Bot API and,
where feeds matter, the local feed server and the real pipeline.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest
import redis.asyncio as aioredis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ReadOnlyError

from bot.runtime.clock import system_clock
from bot.runtime.outage import Outage, is_redis_outage
from bot.runtime.redis_conn import ObservedRetry, client_options
from bot.settings import Secret
from bot.store import Store
from bot.store.subscriptions import Subscription
from bot.telegram.app import build_application, serve
from bot.telegram.context import KhabarApp
from bot.wiring import default_wiring
from tests.bot.conftest import ManualClock, khabar_settings, make_story, start_khabar, stop_khabar
from tests.bot.waiting import store_of, wait_drained
from tests.fakebotapi import FakeBotAPI
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer
from tests.redis_server import RedisServer, free_port

SOCIAL = (
    "مدیرکل بهزیستی استان تهران گفت: آمار طلاق در تهران در سال گذشته ۱۵ درصد افزایش یافته و شمار معتادان "
    "متجاهر نیز بیشتر شده است. وی افزود: بیش از ۲ هزار کودک کار در پایتخت شناسایی شده‌اند و خانواده‌های "
    "آسیب‌دیده نیازمند حمایت اجتماعی هستند."
)
TEASER = "مدیرکل بهزیستی استان تهران از افزایش آمار طلاق خبر داد."
ARTICLE = (
    "<html><head><title>افزایش طلاق در تهران</title></head>"
    f"<body><article><p>{SOCIAL}</p><p>{SOCIAL}</p></article></body></html>"
)
USER = 1301
WARNING = "redis unavailable: work pauses until it is back (retrying with back-off)"
RECOVERED = "redis available again: work resumes"


async def restart(server: RedisServer, *, kill: bool) -> None:
    """Stop Redis (SIGTERM: it writes its AOF; kill: SIGKILL) and start it again on the same port."""
    await asyncio.to_thread(server.stop, kill)
    await asyncio.to_thread(server.start)


@pytest.mark.parametrize("kill", [False, True], ids=["sigterm", "kill-9"])
async def test_redis_restart_during_a_fanout_every_chat_gets_every_story_once(
    redis_server: RedisServer, clock: ManualClock, kill: bool
) -> None:
    rate, chats = 400.0, list(range(70_001, 71_201))
    # a loaded machine bunches arrivals: 2 s of slack, far less than a doubled rate builds up
    async with FakeBotAPI(global_rate=rate, global_tolerance=2.0) as fake:
        h, stop, task = await start_khabar(fake, clock, redis_url=Secret(redis_server.url), global_rate=rate)
        try:
            for chat_id in chats:
                await h.store.subscriptions.put(Subscription(chat_id))
            first, second = make_story("خبر اول پیش از راه‌اندازی دوباره"), make_story("خبر دوم هنگام راه‌اندازی")
            h.poll.publish(first)
            await fake.wait_for(lambda: len(fake.sent) >= len(chats) // 3, 30)
            h.poll.publish(second)  # fanned out at the next tick: while Redis is restarting
            await restart(redis_server, kill=kill)
            await fake.wait_for(lambda: len(fake.sent) >= 2 * len(chats), 60)
            await wait_drained(h.store)  # nothing queued or in flight: a duplicate would have been sent
        finally:
            await stop_khabar(stop, task)
    per_chat = Counter((m.chat_id, first.digest.headline in m.text) for m in fake.sent)
    assert set(per_chat.values()) == {1} and len(per_chat) == 2 * len(chats)  # each story once per chat
    assert fake.floods == []  # the shared limiter's state survived the restart too


# --- with the real pipeline: feeds → inbox → stories → chats ---------------------------------------------


@asynccontextmanager
async def pipeline_khabar(
    redis: RedisServer, fake: FakeBotAPI, feeds: FeedServer, tmp_path: Path
) -> AsyncIterator[KhabarApp]:
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nid = "tehran"\nname = "خبرگزاری تهران"\nurl = "{feeds.url("/feed.xml")}"\nprovince = "تهران"\n',
        encoding="utf-8",
    )
    settings = replace(
        khabar_settings(fake.base_url),
        redis_url=Secret(redis.url),
        sources_path=sources,
        poll_interval=1,
        min_interval=1,
    )
    app = build_application(
        settings, wiring=default_wiring, clock=system_clock, prefix=f"khabar:{uuid.uuid4().hex[:8]}:"
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        yield app
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


def news(guid: str, title: str, text: str) -> dict[str, str]:
    date = format_datetime(datetime.now(UTC))
    return {"title": title, "guid": guid, "link": f"http://127.0.0.1/{guid}", "date": date, "description": text}


async def subscribed_and_baselined(app: KhabarApp, fake: FakeBotAPI, feeds: FeedServer) -> None:
    fake.send_text(fake.private(USER), USER, "/subscribe")
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 1, 15)
    await fake.wait_for(lambda: feeds.hits("/feed.xml") >= 2, 15)  # baseline poll done, polling again


async def inbox_of(app: KhabarApp) -> list[str]:
    services = app.bot_data.services
    assert services is not None
    return await services.store.inbox.pending()


async def test_redis_restart_during_a_poll_delivers_the_story_once(redis_server: RedisServer, tmp_path: Path) -> None:
    with FeedServer() as feeds:
        feeds.bytes("/feed.xml", rss())
        async with FakeBotAPI() as fake, pipeline_khabar(redis_server, fake, feeds, tmp_path) as app:
            await subscribed_and_baselined(app, fake, feeds)
            link = feeds.url("/article")
            feeds.slow("/article", 3.0, ARTICLE.encode(), content_type="text/html")  # the poll waits here …
            item = news("t-1", "افزایش ۱۵ درصدی طلاق در تهران", TEASER) | {"link": link}
            feeds.bytes("/feed.xml", rss(item))
            await fake.wait_for(lambda: feeds.hits("/article") == 1, 20)  # … after marking the item seen
            await restart(redis_server, kill=True)  # kill -9 and start again, mid-cycle
            await fake.wait_for(lambda: len(fake.messages_to(USER)) >= 2, 30)
            polled = feeds.hits("/feed.xml")  # three more polls, an empty inbox and queue: nothing more may arrive
            await fake.wait_for(lambda: feeds.hits("/feed.xml") >= polled + 3, 30)
            await wait_drained(store_of(app))
            got = [m.text for m in fake.messages_to(USER)[1:]]
            assert len(got) == 1 and "طلاق" in got[0]
            assert await inbox_of(app) == []


async def test_a_short_outage_pauses_and_resumes_with_one_warning_and_one_recovery_line(
    redis_server: RedisServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with FeedServer() as feeds:
        feeds.bytes("/feed.xml", rss())
        async with FakeBotAPI() as fake, pipeline_khabar(redis_server, fake, feeds, tmp_path) as app:
            await subscribed_and_baselined(app, fake, feeds)
            caplog.clear()
            await asyncio.to_thread(redis_server.stop)  # SIGTERM: Redis writes its AOF and exits
            feeds.bytes("/feed.xml", rss(news("t-2", "افزایش ۱۵ درصدی طلاق در تهران", SOCIAL)))
            await asyncio.sleep(4)  # jobs keep ticking into the outage
            await asyncio.to_thread(redis_server.start)
            await fake.wait_for(lambda: len(fake.messages_to(USER)) >= 2, 40)
            polled = feeds.hits("/feed.xml")
            await fake.wait_for(lambda: feeds.hits("/feed.xml") >= polled + 2, 30)
            await wait_drained(store_of(app))
            got = [m.text for m in fake.messages_to(USER)[1:]]
            assert len(got) == 1 and "طلاق" in got[0]
            services = app.bot_data.services
            assert services is not None
            await fake.wait_for(lambda: fake.calls["getUpdates"] > 0, 5)
            replies = await say_after_outage(app, fake)
            assert len(replies) == 1  # commands are answered again (the updater is back, wherever it went)
    redis_lines = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "khabar.redis"]
    assert [m for level, m in redis_lines if level == logging.WARNING] == [WARNING]
    assert [m for level, m in redis_lines if level == logging.INFO] == [RECOVERED]
    noisy = [r for r in caplog.records if r.levelno >= logging.ERROR]
    noisy += [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith(("apscheduler", "telegram"))
    ]
    assert noisy == [], [r.getMessage() for r in noisy]  # no traceback per job, no skipped-run warnings
    assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.WARNING)


async def say_after_outage(app: KhabarApp, fake: FakeBotAPI) -> list[str]:
    before = len(fake.messages_to(USER))
    fake.send_text(fake.private(USER), USER, "/mysubs")
    await fake.wait_for(lambda: len(fake.messages_to(USER)) > before, 30)
    await asyncio.sleep(0.5)
    return [m.text for m in fake.messages_to(USER)[before:]]


async def test_scripts_reload_after_a_restart_emptied_the_script_cache(redis_server: RedisServer) -> None:
    client = aioredis.Redis.from_url(redis_server.url, **client_options())
    lease = Store.create(client).lease("updates")
    try:
        assert await lease.acquire("a", 60_000)
        assert await lease.renew("a", 60_000)  # EVALSHA of a script Redis has cached
        sha = lease._renew.sha
        await restart(redis_server, kill=False)
        assert await client.script_exists(sha) == [False]  # the restart emptied the script cache
        assert await lease.renew("a", 60_000)  # NOSCRIPT → loaded again, transparently
        assert await lease.holder() == "a"  # and the AOF kept the lease
    finally:
        await client.aclose()


async def test_a_read_only_primary_is_waited_out_like_an_outage(redis_server: RedisServer) -> None:
    """A failover turns the endpoint into a replica for a while: writes answer READONLY. The client
    drops the connection and retries (as for a connection error), and the outage is reported."""
    outage = Outage(grace=0.0)
    options = client_options(outage) | {"retry": ObservedRetry(ExponentialBackoff(cap=0.2, base=0.05), 3, outage)}
    client = aioredis.Redis.from_url(redis_server.url, **options)
    admin = aioredis.Redis.from_url(redis_server.url, decode_responses=True)
    lease = Store.create(client).lease("updates")
    try:
        await admin.execute_command("REPLICAOF", "127.0.0.1", str(free_port()))  # a primary that never answers
        with pytest.raises(ReadOnlyError):
            await lease.acquire("a", 60_000)
        assert outage.declared and is_redis_outage(ReadOnlyError("READONLY"))
        await admin.execute_command("REPLICAOF", "NO", "ONE")  # promoted again
        assert await lease.acquire("a", 60_000)
        assert not outage.down
    finally:
        await admin.execute_command("REPLICAOF", "NO", "ONE")
        await admin.aclose()
        await client.aclose()
