"""Subscriptions: JSON round trip (old records load), atomic updates, pause/resume, migration."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode, PauseReason, Subscription


async def test_full_record_round_trips(store: Store) -> None:
    sub = Subscription(
        -1001, 5, ("خوزستان",), ("طلاق",), False, ChatKind.SUPERGROUP, Mode.DAILY, "08:30", "23:00-07:00",
        ("کودک",), ("فوتبال",), None, "@x", 9,
    )  # fmt: skip
    await store.subscriptions.put(sub)
    assert await store.subscriptions.get(-1001, 5) == sub
    assert sub.daily_time is not None and sub.daily_time.hour == 8 and sub.quiet_window is not None


def test_old_records_still_load() -> None:
    old = Subscription.from_json('{"chat_id": 7, "thread_id": null, "provinces": ["قم"], "paused": false}')
    assert old == Subscription(7, provinces=("قم",))


async def test_update_is_atomic_under_concurrency(store: Store) -> None:
    await store.subscriptions.put(Subscription(1))

    async def add(topic: str) -> None:
        await store.subscriptions.update(
            1, None, lambda cur: replace(cur, topics=(*cur.topics, topic)) if cur else None
        )

    await asyncio.gather(*(add(f"t{i}") for i in range(20)))
    sub = await store.subscriptions.get(1)
    assert sub is not None and sorted(sub.topics) == sorted(f"t{i}" for i in range(20))


async def test_pause_resume_and_version(store: Store) -> None:
    await store.subscriptions.put(Subscription(3))
    await store.subscriptions.put(Subscription(3, 11))
    v0 = await store.subscriptions.version()
    assert len(await store.subscriptions.set_paused(3, True, PauseReason.BLOCKED)) == 2
    assert await store.subscriptions.version() > v0
    assert all(s.paused and s.pause_reason is PauseReason.BLOCKED for s in await store.subscriptions.for_chat(3))
    assert await store.subscriptions.set_paused(3, True) == []  # idempotent
    assert len(await store.subscriptions.set_paused(3, False)) == 2


async def test_migrate(store: Store) -> None:
    await store.subscriptions.put(Subscription(-55, provinces=("قم",), kind=ChatKind.GROUP))
    (moved,) = await store.subscriptions.migrate(-55, -10055)
    assert moved.chat_id == -10055 and moved.kind is ChatKind.SUPERGROUP and moved.provinces == ("قم",)
    assert await store.subscriptions.get(-55) is None and await store.subscriptions.count() == 1
