from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import redis.asyncio as aioredis

from bot.store import Store, StoreLimits
from bot.store.keys import seen_bucket_keys
from bot.store.seen import SeenRedisStore, bucket_of

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
    seen = SeenRedisStore(store.redis, store.keys, cap=160, ttl=3600)  # 10 keys per bucket
    batches = [[f"{batch}-{i}" for i in range(100)] for batch in range(4)]
    newest = Counter(bucket_of(k) for k in batches[-1])
    assert max(newest.values()) <= 10  # (so the whole newest batch fits)
    for n, batch in enumerate(batches):
        await seen.mark("src", [[k] for k in batch], NOW + timedelta(seconds=n))
    assert 100 <= await seen.count("src") <= 160
    again = await seen.mark("src", [[k] for k in batches[-1]], NOW + timedelta(seconds=5))
    assert not any(again.unseen)  # the newest are all kept, the oldest went first
    first = await seen.mark("src", [[k] for k in batches[0]], NOW + timedelta(seconds=6))
    assert sum(first.unseen) >= 60
    ttls = [await store.redis.ttl(k) for k in seen_bucket_keys(store.keys, "src")]
    assert all(0 < t <= 3600 for t in ttls)
    later = await seen.mark("src", [], NOW + timedelta(hours=2))
    assert later.known_before and await seen.count("src") == 0  # not in the feed for > ttl: forgotten


async def test_buckets_stay_small_enough_for_the_compact_encoding(store: Store) -> None:
    seen = SeenRedisStore(store.redis, store.keys, cap=2000, ttl=3600)
    for start in range(0, 3000, 500):
        await seen.mark("src", [[f"{i:016x}"] for i in range(start, start + 500)], NOW + timedelta(seconds=start))
    assert await seen.count("src") <= 2000
    encodings = {await store.redis.object("encoding", k) for k in seen_bucket_keys(store.keys, "src")}
    assert encodings <= {"listpack", "ziplist"}


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
