"""kill -9 in the middle of a fan-out, restart: every chat has the story once (see the one window).

`khabar run` runs as a subprocess against its own redis-server and the fake Bot API (in this
process). The only duplicates allowed are the messages whose send was in flight at the kill —
Telegram has no idempotency key, so nobody can know whether they arrived; khabar counts each one
as `unknown` and resends it (bot.store.delivery documents the window). Nothing may be missing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from bot.runtime.redis_conn import client_options
from bot.store import Store
from bot.store.subscriptions import Subscription
from tests.bot.conftest import make_story
from tests.bot.waiting import wait_drained
from tests.fakebotapi import TOKEN, FakeBotAPI
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
CHATS = 1500
RATE = 300


async def exited(proc: subprocess.Popen[bytes], timeout: float) -> int:
    """Wait for a process without blocking the loop (the fake Bot API runs on it)."""
    for _ in range(int(timeout * 20)):
        if proc.poll() is not None:
            return proc.returncode
        await asyncio.sleep(0.05)
    proc.kill()
    raise AssertionError(f"khabar did not exit within {timeout} s")


def start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, stdout=out, stderr=out)


def khabar_env(fake: FakeBotAPI, redis_server: RedisServer, tmp_path: Path) -> dict[str, str]:
    """The environment of a `khabar run` that delivers through `fake` from `redis_server`, with no sources."""
    sources = tmp_path / "sources.toml"
    sources.write_text("", encoding="utf-8")
    return {
        **os.environ,
        "KHABAR_BOT_TOKEN": TOKEN,
        "KHABAR_TELEGRAM_API_URL": fake.base_url,
        "KHABAR_REDIS_URL": redis_server.url,
        "KHABAR_SOURCES": str(sources),
        "KHABAR_GLOBAL_RATE": str(RATE),
        "KHABAR_PAID_BROADCAST": "1",
        # a lease a starved process cannot outlive by accident (and sends time out only after 4 s): the
        # only unknown outcomes are the sends in flight at the kill
        "KHABAR_DELIVERY_LEASE": "10",
        "KHABAR_LOG_LEVEL": "WARNING",
    }


async def kill_midway(env: dict[str, str], log: Path, fake: FakeBotAPI, after_sends: int) -> None:
    """Start khabar, kill -9 it once `after_sends` messages went out, wait until it is gone."""
    first = start(env, log)
    try:
        await fake.wait_for(lambda: len(fake.sent) >= after_sends, 30)
        first.send_signal(signal.SIGKILL)
        await exited(first, 10)
    finally:
        if first.poll() is None:
            first.kill()


@pytest.mark.slow
async def test_kill_9_mid_fanout_then_restart(redis_server: RedisServer, tmp_path: Path) -> None:
    client = aioredis.Redis.from_url(redis_server.url, **client_options())
    store = Store.create(client)
    chats = list(range(50_001, 50_001 + CHATS))
    for chat_id in chats:
        await store.subscriptions.put(Subscription(chat_id))
    story = make_story("خبر آزمایش سقوط")
    await store.stories.cluster(story.id, 12345, story.source_ids[0], story.source_names[0], story.first_seen)
    await store.stories.put(story)  # as the pipeline stores a new story
    await store.delivery.announce([story.id])  # a new story handed to delivery, not yet fanned out

    # a loaded machine bunches arrivals: 2 s of slack, far less than a doubled rate builds up
    async with FakeBotAPI(global_rate=RATE, global_tolerance=2.0) as fake:
        env = khabar_env(fake, redis_server, tmp_path)
        log = tmp_path / "khabar.log"
        await kill_midway(env, log, fake, CHATS // 3)
        at_kill = len(fake.sent)
        assert at_kill < CHATS  # really killed in the middle

        second = start(env, log)
        try:
            await fake.wait_for(lambda: len({m.chat_id for m in fake.sent}) == CHATS, 60)
            await wait_drained(store, 60)  # reaped after the 10 s lease and resent: nothing queued or in flight
        finally:
            second.send_signal(signal.SIGTERM)
            assert await exited(second, 30) == 0
        unknown = (await store.stats.last_hour())["unknown"]
        await client.aclose()

    per_chat = Counter(m.chat_id for m in fake.sent)
    assert set(per_chat) == set(chats)  # nothing lost
    duplicated = [c for c, n in per_chat.items() if n > 1]
    assert max(per_chat.values()) <= 2
    assert len(duplicated) <= unknown <= 64  # only the sends in flight at the kill (≤ concurrency)
    assert fake.floods == []
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.slow
async def test_kill_9_during_a_coalesced_send_loses_and_duplicates_nothing(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """Four stories at once: every chat gets them as one message; kill -9 mid-way, restart: each chat
    has each story — once, except the messages in flight at the kill (the one window, counted)."""
    chats_n = 600
    client = aioredis.Redis.from_url(redis_server.url, **client_options())
    store = Store.create(client)
    chats = list(range(60_001, 60_001 + chats_n))
    for chat_id in chats:
        await store.subscriptions.put(Subscription(chat_id))
    burst = [make_story(f"خبر هم‌زمان سقوط {i}") for i in range(4)]
    fingerprints = (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 0x0F0F_F0F0_3C3C_C3C3, 0xAAAA_5555_9999_6666)
    for story, fingerprint in zip(burst, fingerprints, strict=True):  # far apart: four distinct stories
        await store.stories.cluster(story.id, fingerprint, story.source_ids[0], story.source_names[0],
                                    story.first_seen)  # fmt: skip
        await store.stories.put(story)
    await store.delivery.announce([s.id for s in burst])

    # a loaded machine bunches arrivals: 2 s of slack, far less than a doubled rate builds up
    async with FakeBotAPI(global_rate=RATE, global_tolerance=2.0) as fake:
        env = khabar_env(fake, redis_server, tmp_path)
        log = tmp_path / "khabar.log"
        await kill_midway(env, log, fake, chats_n // 3)
        assert len(fake.sent) < chats_n  # really killed in the middle

        second = start(env, log)
        try:
            await fake.wait_for(lambda: len({m.chat_id for m in fake.sent}) == chats_n, 60)
            await wait_drained(store, 60)  # reaped after the lease and resent: nothing queued or in flight
        finally:
            second.send_signal(signal.SIGTERM)
            assert await exited(second, 30) == 0
        unknown = (await store.stats.last_hour())["unknown"]
        await client.aclose()

    pairs = Counter((m.chat_id, s.id) for m in fake.sent for s in burst if f'href="{s.digest.url}"' in m.html)
    assert set(pairs) == {(c, s.id) for c in chats for s in burst}  # every (chat, story): nothing lost
    assert all(sum(f'href="{s.digest.url}"' in m.html for s in burst) == 4 for m in fake.sent)  # one message each
    duplicated = {c for (c, _), n in pairs.items() if n > 1}
    assert max(pairs.values()) <= 2 and len(duplicated) <= unknown <= 64  # only the sends in flight
    assert fake.floods == []
    assert "Traceback" not in log.read_text(encoding="utf-8")
