from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import redis.asyncio as aioredis

from bot.store import Store, StoreLimits
from bot.store.seen import SeenRedisStore

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


async def test_mark_and_check_in_one_step(store: Store) -> None:
    first = await store.seen.mark("src", [["a"], ["b", "b-link"]], NOW)
    assert first.known_before is False and first.unseen == (True, True)
    second = await store.seen.mark("src", [["a"], ["c"], ["b-new-guid", "b-link"]], NOW)
    assert second.known_before is True and second.unseen == (False, True, False)  # guid churn: link known
    third = await store.seen.mark("src", [["b-new-guid"]], NOW)
    assert third.unseen == (False,)  # the churned guid was remembered too


async def test_duplicates_within_one_document_count_once(store: Store) -> None:
    mark = await store.seen.mark("src", [["x"], ["x"]], NOW)
    assert mark.unseen == (True, False)


async def test_empty_document_still_records_the_source(store: Store) -> None:
    assert (await store.seen.mark("src", [], NOW)).known_before is False
    assert (await store.seen.mark("src", [], NOW)).known_before is True


async def test_two_processes_marking_the_same_items_see_each_once(store: Store, redis_url: str) -> None:
    items = [[f"item-{i}"] for i in range(300)]
    other_client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        other = Store(other_client, store.keys)
        marks = await asyncio.gather(*(s.seen.mark("src", items, NOW) for s in (store, other, store, other)))
    finally:
        await other_client.aclose()
    per_item = [sum(m.unseen[i] for m in marks) for i in range(len(items))]
    assert per_item == [1] * len(items)


async def test_capped_and_expiring(store: Store) -> None:
    seen = SeenRedisStore(store.redis, store.keys, cap=50, ttl=3600)
    for batch in range(4):
        await seen.mark("src", [[f"{batch}-{i}"] for i in range(20)], NOW + timedelta(seconds=batch))
    assert await seen.count("src") == 50
    again = await seen.mark("src", [["3-0"], ["0-0"]], NOW + timedelta(seconds=5))
    assert again.unseen == (False, True)  # newest kept, oldest trimmed
    assert 0 < await store.redis.ttl(store.keys.seen("src")) <= 3600
    later = await seen.mark("src", [], NOW + timedelta(hours=2))
    assert later.known_before and await seen.count("src") == 0  # not in the feed for > ttl: forgotten


async def test_items_still_in_the_feed_never_age_out(store: Store) -> None:
    seen = SeenRedisStore(store.redis, store.keys, cap=100, ttl=3600)
    pinned = ["about-us-page"]
    for hour in range(5):
        mark = await seen.mark("src", [pinned], NOW + timedelta(hours=hour))
        assert mark.unseen == ((True,) if hour == 0 else (False,))


async def test_limits_come_from_settings() -> None:
    from bot.settings import Settings

    limits = StoreLimits.from_settings(Settings(seen_cap=10, story_window=99))
    assert limits.seen_cap == 10 and limits.story_window == 99
