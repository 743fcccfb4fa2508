"""Observability: cycle counts, the poll heartbeat, /healthz checks, and a running bot's /metrics."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
import redis.asyncio as aioredis

from bot.ops.observe import Heartbeat, Observer, count_cycle
from bot.ops.source_alerts import tell_admins_paused
from bot.pipeline import CycleResult
from bot.runtime.clock import system_clock
from bot.runtime.health_server import HealthServer, ListenError
from bot.runtime.metrics import Metrics
from bot.settings import Settings
from bot.store import Store
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators
from bot.wiring import wiring_for
from feeds.model import FeedSource
from feeds.poller import Outcome, SourceOutcome
from feeds.state import FeedState
from tests.bot.conftest import ADMIN, MemoryStories, delete_prefix, khabar_settings
from tests.fakebotapi import FakeBotAPI
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer
from tests.redis_server import free_port

TEXT = (
    "مدیرکل بهزیستی استان تهران گفت: آمار طلاق در تهران در سال گذشته ۱۵ درصد افزایش یافته و شمار معتادان "
    "متجاهر نیز بیشتر شده است. وی افزود: بیش از ۲ هزار کودک کار در پایتخت شناسایی شده‌اند."
)
USER = 1201


def sample(metrics: Metrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def outcome(sid: str, kind: Outcome, *, entries: int = 0, new: int = 0, elapsed: float = 0.2) -> SourceOutcome:
    return SourceOutcome(sid, kind, 200, entries=entries, new=new, elapsed=elapsed)


# --- counting a cycle -------------------------------------------------------------------------------------


def test_count_cycle_turns_a_result_into_counters() -> None:
    metrics = Metrics()
    result = CycleResult(
        stories=(),
        paused=(FeedSource("bad", "منبع بد", "https://bad.example/rss"),),
        outcomes=(
            outcome("a", Outcome.OK, entries=20, new=3, elapsed=0.3),
            outcome("b", Outcome.NOT_MODIFIED),
            outcome("bad", Outcome.FAILED, elapsed=4.0),
        ),
        items=3,
        clustered=1,
        extract_seconds=(0.01, 0.02),
    )
    count_cycle(metrics, result)
    assert sample(metrics, "khabar_polls_total", outcome="ok") == 1
    assert sample(metrics, "khabar_polls_total", outcome="not_modified") == 1
    assert sample(metrics, "khabar_polls_total", outcome="failed") == 1
    assert sample(metrics, "khabar_items_total", kind="new") == 3
    assert sample(metrics, "khabar_items_total", kind="duplicate") == 17
    assert sample(metrics, "khabar_stories_clustered_total") == 1
    assert sample(metrics, "khabar_digests_built_total") == 2
    assert sample(metrics, "khabar_extract_seconds_count") == 2
    assert sample(metrics, "khabar_poll_seconds_count") == 3
    assert sample(metrics, "khabar_poll_seconds_bucket", le="0.5") == 2  # 0.2 and 0.3, not 4.0
    assert sample(metrics, "khabar_sources_paused_total") == 1


# --- the heartbeat ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "started", "finished", "now", "alive"),
    [
        (0, None, None, 30, True),  # just started, no tick yet
        (0, None, None, 60, False),  # no tick for 4 intervals since the start
        (0, 100, 101, 130, True),  # finished 29 s ago
        (0, 100, 101, 150, False),  # finished 49 s ago: the scheduler stopped
        (0, 100, 90, 250, True),  # one slow tick, 150 s so far, under the 300 s lease
        (0, 100, 90, 500, False),  # a tick hung for 400 s
    ],
    ids=["fresh", "never-ticked", "recent", "stale", "slow-tick", "hung-tick"],
)
def test_heartbeat(born: float, started: float | None, finished: float | None, now: float, alive: bool) -> None:
    beat = Heartbeat(born=born, started=started, finished=finished)
    ok, why = beat.check(interval=15, longest_tick=300, now=now)
    assert ok is alive
    assert ("running" in why) if started is not None and (finished or 0) < started else ("s ago" in why)


# --- the health probe ---------------------------------------------------------------------------------------


async def test_health_probe_names_each_check(store: Store, settings: Settings) -> None:
    observer = Observer(Metrics(), store, replace(settings, queue_stuck_after=60))
    await observer.tick_started(datetime.now(UTC))
    observer.tick_finished()
    health = await observer.health()
    assert health.ok and set(health.checks) == {"redis", "scheduler", "queue"}
    assert "PING" in health.details["redis"] and "0 messages waiting" in health.details["queue"]
    assert await store.ops.last_tick() is not None  # `khabar status` reads it

    # a chat due two minutes ago that no worker took: the queue is stuck
    await store.delivery.enqueue_parts("5551", ["پیام"])
    seconds, _ = await store.redis.time()
    await store.redis.zadd(store.keys.ready(), {"5551": (int(seconds) - 120) * 1000})
    health = await observer.health()
    assert not health.ok and health.checks == {"redis": True, "scheduler": True, "queue": False}
    assert 119 <= await store.delivery.oldest_ready_age() <= 125
    await observer.refresh()
    assert sample(observer.metrics, "khabar_queue_length") == 1
    assert sample(observer.metrics, "khabar_queue_oldest_age_seconds") >= 119


async def test_health_probe_without_redis(settings: Settings) -> None:
    dead = aioredis.Redis(port=free_port(), socket_connect_timeout=0.2, decode_responses=True)
    try:
        observer = Observer(Metrics(), Store.create(dead), settings)
        started = asyncio.get_running_loop().time()
        health = await observer.health()
        assert asyncio.get_running_loop().time() - started < 3  # a probe must answer quickly
        assert health.checks == {"redis": False, "scheduler": True, "queue": False}
        await observer.tick_started(datetime.now(UTC))  # a tick with Redis down is not an error
    finally:
        await dead.aclose()


async def test_health_server_port_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        async def probe() -> object:
            raise AssertionError("never called")

        server = HealthServer(Metrics(), probe, "127.0.0.1", port)  # type: ignore[arg-type]
        with pytest.raises(ListenError, match=rf"metrics: cannot listen on 127.0.0.1:{port}"):
            await server.start()


# --- paused-source notices -----------------------------------------------------------------------------------


async def test_paused_notice_is_queued_once_per_pause(store: Store, settings: Settings) -> None:
    settings = replace(settings, admin_ids=frozenset({71, 72}))
    paused_at = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
    state = FeedState(error_count=20, last_error="fetch: 503", checked_at=paused_at, paused=True)
    source = FeedSource("khz-agency", "خبرگزاری <خوزستان>", "https://x.example/rss")
    failed = SourceOutcome("khz-agency", Outcome.FAILED, 503, error="fetch: 503", state=state, became_paused=True)
    result = CycleResult((), (source,), (failed,), 0)
    assert await tell_admins_paused(store, settings, result, paused_at) == 2
    assert await tell_admins_paused(store, settings, result, paused_at) == 0  # the same pause: not again
    for admin in ("71", "72"):
        (job,) = await store.delivery.chat_jobs(admin)
        assert job.startswith("b|")
    parts = await store.redis.lrange(store.keys.batch_parts((await store.delivery.chat_jobs("71"))[0][2:]), 0, -1)
    assert len(parts) == 1 and "/resumesource khz-agency" in parts[0] and "&lt;خوزستان&gt;" in parts[0]
    assert "۲۰" in parts[0] and "fetch: 503" in parts[0]
    later = replace(result, outcomes=(replace(failed, state=replace(state, checked_at=paused_at + timedelta(1))),))
    assert await tell_admins_paused(store, settings, later, paused_at) == 2  # paused again later: told again


# --- a running bot -------------------------------------------------------------------------------------------


def _item(guid: str, title: str) -> dict[str, str]:
    link = f"https://news.example/{guid}"
    return {"title": title, "guid": guid, "link": link, "date": format_datetime(datetime.now(UTC)), "description": TEXT}


async def _get(url: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(url)


async def test_running_bot_serves_metrics_health_and_tells_admins(tmp_path: Path) -> None:
    with FeedServer() as feeds:
        feeds.bytes("/good.xml", rss(), content_type="application/rss+xml")
        feeds.status("/bad.xml", 500)
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nid = "good"\nname = "خبرگزاری خوب"\nurl = "{feeds.url("/good.xml")}"\nprovince = "تهران"\n\n'
            f'[[source]]\nid = "bad"\nname = "خبرگزاری خراب"\nurl = "{feeds.url("/bad.xml")}"\nprovince = "تهران"\n',
            encoding="utf-8",
        )
        async with FakeBotAPI() as fake:
            port = free_port()
            settings = replace(
                khabar_settings(fake.base_url),
                sources_path=sources,
                poll_interval=1,
                min_interval=1,
                fulltext=False,
                pause_after_errors=1,
                metrics_port=port,
            )
            metrics = Metrics()
            prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
            app = build_application(
                settings, wiring=wiring_for(metrics), clock=system_clock, prefix=prefix, metrics=metrics
            )
            stop = asyncio.Event()
            task = asyncio.create_task(serve(app, stop))
            base = f"http://127.0.0.1:{port}"
            try:
                await fake.wait_for(lambda: app.running, 10)
                fake.send_text(fake.private(USER), USER, "/subscribe")
                notice = "/resumesource bad"
                await fake.wait_for(lambda: any(notice in m.text for m in fake.messages_to(ADMIN)), 15)

                feeds.bytes("/good.xml", rss(_item("g-1", "افزایش ۱۵ درصدی طلاق در تهران")),
                            content_type="application/rss+xml")  # fmt: skip
                await fake.wait_for(lambda: len(fake.messages_to(USER)) == 2, 20)
                await fake.wait_for(  # the recorder catches up: both sends counted, another good poll, a tick
                    lambda: (
                        sample(metrics, "khabar_messages_total", result="sent", reason="") >= 2
                        and sample(metrics, "khabar_polls_total", outcome="ok") >= 2
                        and sample(metrics, "khabar_last_poll_tick_timestamp_seconds") > 0
                    ),
                    20,
                )

                text = (await _get(f"{base}/metrics")).text
                assert sample(metrics, "khabar_polls_total", outcome="failed") == 1  # paused after one failure
                assert sample(metrics, "khabar_polls_total", outcome="ok") >= 2
                assert sample(metrics, "khabar_items_total", kind="new") == 1
                assert sample(metrics, "khabar_digests_built_total") == 1
                assert sample(metrics, "khabar_sources_paused_total") == 1
                assert sample(metrics, "khabar_fanout_total", kind="queued") == 1
                # the story, and the notice to the admin (queued like every message)
                assert sample(metrics, "khabar_messages_total", result="sent", reason="") == 2
                assert 'khabar_polls_total{outcome="ok"}' in text and "khabar_queue_oldest_age_seconds" in text
                assert sample(metrics, "khabar_last_poll_tick_timestamp_seconds") > 0

                health = await _get(f"{base}/healthz")
                body = json.loads(health.text)
                assert health.status_code == 200 and body["ok"] is True
                assert set(body["checks"]) == {"redis", "scheduler", "queue"}

                before = len([m for m in fake.messages_to(ADMIN) if notice in m.text])
                fake.send_text(fake.private(ADMIN), ADMIN, "/resumesource bad")
                await fake.wait_for(lambda: any("دوباره فعال" in m.text for m in fake.messages_to(ADMIN)), 10)
                # polled again, failed again, paused again: a new pause, a new notice
                await fake.wait_for(
                    lambda: len([m for m in fake.messages_to(ADMIN) if notice in m.text]) == before + 1, 15
                )
                fake.send_text(fake.private(ADMIN), ADMIN, "/resumesource good")
                await fake.wait_for(lambda: any("متوقف نیست" in m.text for m in fake.messages_to(ADMIN)), 10)
                fake.send_text(fake.private(ADMIN), ADMIN, "/resumesource nothing-here")
                await fake.wait_for(lambda: any("nothing-here" in m.text for m in fake.messages_to(ADMIN)), 10)
                assert before == 1 and fake.floods == []
            finally:
                stop.set()
                await asyncio.wait_for(task, 20)
                await delete_prefix(prefix)
    with pytest.raises(httpx.ConnectError):  # the endpoints closed with the bot
        await _get(f"{base}/healthz")


async def test_a_bot_without_metrics_port_serves_nothing(fake: FakeBotAPI) -> None:
    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"

    async def wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
        return Collaborators(stories=MemoryStories())

    app = build_application(khabar_settings(fake.base_url), wiring=wiring, prefix=prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        await fake.wait_for(lambda: app.running, 10)
        resources = app.bot_data.resources
        assert resources is not None and resources.health is None
        services = app.bot_data.services
        assert services is not None and services.observer is not None
        observer = services.observer
        await fake.wait_for(lambda: observer.heartbeat.finished is not None, 10)
        ok, _ = observer.heartbeat.check(0.2, 300)  # poll ticks run without a poll cycle too
        assert ok and services.observer.heartbeat.finished is not None
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await delete_prefix(prefix)
