"""The shared limiter: one clock (Redis), slots reserved ahead, whoever asks."""

from __future__ import annotations

import asyncio
import time

from bot.store import Store
from bot.store.ratelimit import Pacing


async def test_a_chat_waits_its_interval_and_nothing_is_reserved_meanwhile(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=1000, private_rate=5, group_per_minute=600)  # 210 ms / 105 ms
    assert await store.ratelimit.reserve(42, pacing) == (True, 0.0)
    busy, wait = await store.ratelimit.reserve(42, pacing)
    assert not busy and 0 < wait <= 0.21  # its own 200 ms (less what a loaded machine took meanwhile)
    reserved, delay = await store.ratelimit.reserve(43, pacing)  # another chat is independent ...
    assert reserved and delay < 0.01  # ... and chat 42's wait held no overall slot back
    assert (await store.ratelimit.reserve(-42, pacing))[0]  # a group: its own, shorter interval here
    busy, wait = await store.ratelimit.reserve(-42, pacing)
    assert not busy and 0 < wait <= 0.11


async def test_slots_are_reserved_one_interval_apart_without_a_burst(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=50, private_rate=1000, group_per_minute=60000)
    next_free = []  # the next free overall slot after each reservation, µs on Redis's clock
    for i in range(10):
        reserved, delay = await store.ratelimit.reserve(2000 + i, pacing)
        assert reserved and delay >= 0
        next_free.append(int(await store.redis.get(store.keys.rate_global())))
    step = pacing.global_interval_us  # 1 / (50 × 0.93) s
    gaps = [b - a for a, b in zip(next_free, next_free[1:], strict=False)]
    # never two slots closer than one interval (a slow caller may leave a longer gap, never a shorter one)
    assert all(gap >= step - 1 for gap in gaps), gaps


async def test_overall_rate_across_many_callers(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=50, private_rate=1000, group_per_minute=60000)
    start = time.monotonic()
    sent: list[float] = []

    async def caller(chat: int) -> None:
        await store.ratelimit.acquire(chat, pacing)
        sent.append(time.monotonic())

    await asyncio.gather(*(caller(1000 + i) for i in range(40)))  # 40 chats, 50/s overall
    assert len(sent) == 40
    assert time.monotonic() - start >= 39 / 50  # no burst: every slot one interval after the last
