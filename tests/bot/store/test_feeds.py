from __future__ import annotations

import asyncio
import math
from datetime import UTC, datetime, timedelta

import redis.asyncio as aioredis

from bot.store import Store
from feeds.state import FeedState

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return NOW + timedelta(minutes=minutes)


async def test_state_round_trip(store: Store) -> None:
    state = FeedState(
        etag='W/"5f-abc"',
        last_modified="Mon, 04 Mar 2024 06:00:00 GMT",
        error_count=2,
        last_error="fetch: HTTP 502 Bad Gateway",
        last_status=502,
        checked_at=NOW,
        last_success_at=at(-60),
        first_success_at=at(-600),
        next_check_at=at(20),
        items=30,
    )
    await store.feeds.save("irna-khuzestan", state)
    assert await store.feeds.load("irna-khuzestan") == state
    assert await store.feeds.load("unknown") is None
    assert await store.redis.ttl(store.keys.feed_state("irna-khuzestan")) > 0


async def test_new_sources_are_due_now_and_claimed_once(store: Store) -> None:
    await store.feeds.sync_schedule(["a", "b", "c"], NOW)
    assert sorted(await store.feeds.claim_due(NOW, limit=10, lease=300)) == ["a", "b", "c"]
    assert await store.feeds.claim_due(at(1), limit=10, lease=300) == []  # leased
    assert sorted(await store.feeds.claim_due(at(6), limit=10, lease=300)) == ["a", "b", "c"]  # lease expired


async def test_concurrent_claims_never_overlap(store: Store, redis_url: str) -> None:
    ids = [f"s{i}" for i in range(200)]
    await store.feeds.sync_schedule(ids, NOW)
    others = [aioredis.Redis.from_url(redis_url, decode_responses=True) for _ in range(3)]
    try:
        stores = [store, *(Store(r, store.keys) for r in others)]
        got = await asyncio.gather(*(s.feeds.claim_due(NOW, limit=80, lease=300) for s in stores))
    finally:
        for r in others:
            await r.aclose()
    flat = [sid for batch in got for sid in batch]
    assert sorted(flat) == sorted(ids) and len(flat) == len(set(flat))


async def test_save_reschedules_and_releases_the_claim(store: Store) -> None:
    await store.feeds.sync_schedule(["a"], NOW)
    assert await store.feeds.claim_due(NOW, 10, 300) == ["a"]
    await store.feeds.save("a", FeedState(next_check_at=at(10)))
    assert await store.feeds.claim_due(at(9), 10, 300) == []
    assert await store.feeds.claim_due(at(10), 10, 300) == ["a"]


async def test_forced_claim_skips_sources_another_process_holds(store: Store) -> None:
    await store.feeds.sync_schedule(["a", "b"], NOW)
    await store.feeds.save("b", FeedState(next_check_at=at(60)))
    assert await store.feeds.claim_due(NOW, 10, 300) == ["a"]
    assert await store.feeds.claim(["a", "b"], at(1), 300) == ["b"]  # not due, but forced; "a" is held


async def test_paused_sources_are_never_due_until_resumed(store: Store) -> None:
    await store.feeds.sync_schedule(["a"], NOW)
    await store.feeds.save("a", FeedState(paused=True, error_count=20, next_check_at=None))
    assert (await store.feeds.next_checks())["a"] == math.inf
    await store.feeds.sync_schedule(["a"], at(1))  # sync does not un-pause
    assert await store.feeds.claim_due(at(10_000), 10, 300) == []
    assert await store.feeds.resume("a", at(2))
    assert await store.feeds.claim_due(at(2), 10, 300) == ["a"]
    state = await store.feeds.load("a")
    assert state is not None and state.error_count == 0 and not state.paused


async def test_sync_unschedules_removed_sources_but_keeps_their_state(store: Store) -> None:
    await store.feeds.sync_schedule(["a", "b"], NOW)
    await store.feeds.save("b", FeedState(next_check_at=at(5), etag='"x"'))
    await store.feeds.sync_schedule(["a"], at(1))
    assert set(await store.feeds.next_checks()) == {"a"}
    assert (await store.feeds.load("b")) is not None


async def test_forget_drops_everything(store: Store) -> None:
    await store.feeds.sync_schedule(["a"], NOW)
    await store.feeds.save("a", FeedState(next_check_at=at(5)))
    await store.seen.mark("a", [["k1"]], NOW)
    await store.feeds.forget("a")
    assert await store.feeds.load("a") is None and await store.feeds.next_checks() == {}
    assert await store.seen.count("a") == 0
