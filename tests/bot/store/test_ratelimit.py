"""The shared limiter: one clock (Redis), slots reserved ahead in volleys, whoever asks."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.store import Store
from bot.store.ratelimit import MAX_VOLLEY, VOLLEYS_PER_S, Pacing, volley_size


async def test_a_chat_waits_its_interval_and_nothing_is_reserved_meanwhile(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=1000, private_rate=5, group_per_minute=600)  # 210 ms / 105 ms
    assert await store.ratelimit.reserve(42, pacing) == (True, 0.0)
    busy, wait = await store.ratelimit.reserve(42, pacing)
    assert not busy and 0 < wait <= 0.21  # its own 200 ms (less what a loaded machine took meanwhile)
    reserved, delay = await store.ratelimit.reserve(43, pacing)  # another chat is independent ...
    assert reserved and delay <= pacing.volley * pacing.global_interval_us / 1e6  # ... chat 42 held nothing back
    reserved, delay = await store.ratelimit.reserve(-42, pacing)  # a group: its own, shorter interval here
    busy, wait = await store.ratelimit.reserve(-42, pacing)
    assert reserved and not busy and 0.05 < wait <= delay + 0.105  # counted from the slot reserved


@pytest.mark.parametrize(
    ("rate", "volley"), [(30, 6), (20, 4), (50, 10), (1000, 25), (300, 25), (29, 1), (7, 1), (0.5, 1)]
)
def test_a_volley_divides_the_per_second_limit(rate: float, volley: int) -> None:
    assert volley_size(rate) == volley
    assert int(rate) % volley == 0 and volley <= MAX_VOLLEY and (volley == 1 or int(rate) // volley >= VOLLEYS_PER_S)


def moments(slots: list[float]) -> list[list[float]]:
    """Slots grouped by the moment they leave at (within 30 ms: each is read off a separate call)."""
    out: list[list[float]] = []
    for slot in sorted(slots):
        if out and slot - out[-1][0] < 0.03:
            out[-1].append(slot)
        else:
            out.append([slot])
    return out


async def test_slots_come_in_volleys_one_volley_of_intervals_apart(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=50, private_rate=1000, group_per_minute=60000)  # volleys of 10
    slots = []
    for i in range(4 * pacing.volley):
        reserved, delay = await store.ratelimit.reserve(2000 + i, pacing)
        assert reserved
        slots.append(time.monotonic() + delay)
    step = pacing.volley * pacing.global_interval_us / 1e6  # 10 / (50 × 0.93) s
    volleys = moments(slots)
    assert max(len(v) for v in volleys) == pacing.volley  # a volley leaves at one moment, full when it can be
    gaps = [b[0] - a[0] for a, b in zip(volleys, volleys[1:], strict=False)]
    assert all(gap > step - 0.03 for gap in gaps), gaps  # the next moment one volley of intervals later


async def test_overall_rate_across_many_callers(store: Store) -> None:
    pacing = Pacing.from_rates(global_rate=50, private_rate=1000, group_per_minute=60000)
    start = time.monotonic()
    sent: list[float] = []

    async def caller(chat: int) -> None:
        await store.ratelimit.acquire(chat, pacing)
        sent.append(time.monotonic())

    for wave in range(2):  # 80 chats, 50/s overall (two waves: one Redis connection per caller at once)
        await asyncio.gather(*(caller(1000 + 40 * wave + i) for i in range(40)))
    assert time.monotonic() - start >= 7 * pacing.volley / 50 / 0.93 - 0.01  # 8 volleys, no faster than the rate
    sent.sort()
    assert max(sum(1 for t in sent if s <= t < s + 1) for s in sent) <= 50  # a strict 1-second window
    assert all(b - a >= 1.0 for a, b in zip(sent, sent[50:], strict=False))  # any 51 span over a second
