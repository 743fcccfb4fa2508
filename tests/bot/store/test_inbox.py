"""The inbox: new items enter it atomically with being marked seen, leave it when acknowledged."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import redis.asyncio as aioredis

from bot.store import Store
from bot.store.inbox import MAX_ATTEMPTS
from feeds.model import FeedItem

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def item(key: str, source: str = "src") -> FeedItem:
    return FeedItem(source, "منبع", key, f"https://news.example/{key}", f"خبر {key}", "متن خبر", NOW, "خوزستان")


async def test_check_reads_without_marking(store: Store) -> None:
    peek = await store.seen.check("src", [["a"], ["b"]])
    assert peek.known_before is False and peek.unseen == (True, True)
    assert (await store.seen.check("src", [["a"]])).unseen == (True,)
    await store.seen.mark("src", [["a"]], NOW)
    again = await store.seen.check("src", [["a"], ["b"]])
    assert again.known_before is True and again.unseen == (False, True)


async def test_mark_queues_only_the_items_it_saw_unseen(store: Store) -> None:
    await store.seen.mark("src", [["a"]], NOW)  # "a" was seen before
    mark = await store.seen.mark("src", [["a"], ["b"], ["c"]], NOW, queue=[(0, item("a")), (1, item("b"))])
    assert mark.unseen == (False, True, True)
    assert await store.inbox.pending() == ["src|b"]  # "a" was not new; "c" was not chosen


async def test_two_processes_queue_each_item_once(store: Store, redis_url: str) -> None:
    entries = [[f"k{i}"] for i in range(50)]
    queue = [(i, item(f"k{i}")) for i in range(50)]
    other_client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        other = Store(other_client, store.keys)
        marks = await asyncio.gather(*(s.seen.mark("src", entries, NOW, queue) for s in (store, other, store)))
    finally:
        await other_client.aclose()
    assert [sum(m.unseen[i] for m in marks) for i in range(50)] == [1] * 50
    assert len(await store.inbox.pending()) == 50


async def test_unacknowledged_items_come_back_after_their_lease(store: Store) -> None:
    await store.seen.mark("src", [["a"], ["b"]], NOW, queue=[(0, item("a")), (1, item("b"))])  # lease 60 s
    assert await store.inbox.reclaim(NOW + timedelta(seconds=30), 60, 10) == []  # still with its poller
    await store.inbox.ack(item("a"))
    back = await store.inbox.reclaim(NOW + timedelta(seconds=61), 60, 10)
    assert back == [item("b")]  # the whole item, round-tripped
    assert await store.inbox.reclaim(NOW + timedelta(seconds=62), 60, 10) == []  # leased to the reclaimer
    assert await store.inbox.reclaim(NOW + timedelta(seconds=122), 60, 10) == [item("b")]
    await store.inbox.ack(item("b"))
    assert await store.inbox.pending() == []


async def test_an_item_that_keeps_failing_is_dropped(store: Store) -> None:
    await store.seen.mark("src", [["p"]], NOW, queue=[(0, item("p"))])
    when = NOW
    for _ in range(MAX_ATTEMPTS):
        when += timedelta(seconds=61)
        assert await store.inbox.reclaim(when, 60, 10) == [item("p")]
    assert await store.inbox.reclaim(when + timedelta(seconds=61), 60, 10) == []
    assert await store.inbox.pending() == []


async def test_inbox_keys_expire(store: Store) -> None:
    await store.seen.mark("src", [["a"]], NOW, queue=[(0, item("a"))])
    assert 0 < await store.redis.ttl(store.keys.inbox()) <= 7 * 86400
    assert 0 < await store.redis.ttl(store.keys.inbox_items()) <= 7 * 86400
