"""The shared limiter: one clock (Redis), one bucket, whoever asks."""

from __future__ import annotations

import asyncio
import time

from bot.store import Store
from bot.store.ratelimit import Pacing


async def test_private_chat_once_per_interval(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=1000, private_rate=5, group_per_minute=600)  # 200 ms / 100 ms
    assert await store.ratelimit.try_acquire(42, pacing) == 0
    wait = await store.ratelimit.try_acquire(42, pacing)
    assert 0.1 < wait <= 0.2
    assert await store.ratelimit.try_acquire(43, pacing) == 0  # another chat is independent
    assert await store.ratelimit.try_acquire(-42, pacing) == 0  # a group: its own, shorter interval here
    assert 0.05 < await store.ratelimit.try_acquire(-42, pacing) <= 0.1


async def test_overall_rate_across_many_callers(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=50, private_rate=1000, group_per_minute=60000)
    start = time.monotonic()

    async def caller(chat: int) -> None:
        await store.ratelimit.acquire(chat, pacing)

    await asyncio.gather(*(caller(1000 + i) for i in range(40)))  # 40 chats, 50/s overall
    elapsed = time.monotonic() - start
    assert elapsed >= (40 - 2) / 50 * 0.95  # a burst of two, then paced
