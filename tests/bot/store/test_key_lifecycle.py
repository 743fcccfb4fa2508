"""Data lifecycle: every per-item key expires; the few keys without a TTL are the documented, capped ones."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from bot.store import Store
from bot.store.delivery import Kind, Outcome, Target
from bot.store.keys import LOG_CAP, LOG_TTL
from bot.store.ratelimit import Pacing
from bot.store.subscriptions import Mode, Subscription
from bot.store.weekly import WeeklyPlan
from feeds.sources import remote_source
from feeds.state import FeedState
from tests.bot.conftest import make_story

NOW = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
FAST = Pacing.from_rates(global_rate=1000, private_rate=20, group_per_minute=1200)

# Keys that live without a TTL, each bounded another way (bot.store.keys has the table): one field or
# member per chat, source or live story, pruned by age or cap, or a single counter.
PERSISTENT = re.compile(
    r"^(subs|subs:ver|schedule|leases|sources|stories|story-recent|story-fp|story-band:\d+|"
    r"dq:announced|dq:fanout|dq:batch:seq|dq:ready|dq:lease|dq:prog|dq:pending|dq:due|"
    r"arc:seq|arc:days|weekly|weekly:due)$"
)


async def test_every_per_item_key_has_a_ttl(store: Store) -> None:
    """Exercise every repository once, then look at each key under the prefix."""
    await store.subscriptions.put(Subscription(1))
    await store.subscriptions.put(Subscription(2, mode=Mode.DAILY, daily_at="08:00"))
    await store.sources.add(remote_source("s1", "منبع", "https://s1.example/rss", "تهران"))
    await store.feeds.sync_schedule(["s1"], NOW)
    await store.feeds.claim_due(NOW, 10, 300)
    await store.feeds.save("s1", FeedState(next_check_at=NOW + timedelta(minutes=10), first_success_at=NOW))
    await store.seen.mark("s1", [["a"], ["b", "b-link"]], NOW)
    await store.stories.cluster("st1", 0x0F0F_0F0F_0F0F_0F0F, "s1", "منبع", NOW)
    await store.stories.put(make_story("طلاق در اهواز", story_id="st1", first_seen=NOW))  # archived too
    await store.stories.add_source("st1", "s2", "منبع دوم")
    await store.archive.remember_query("طلاق")
    await store.weekly.set("1", WeeklyPlan(5, time(9, 0)), NOW.timestamp() + 86400)
    await store.delivery.save_parts("st1", ["<b>خبر</b>"])
    await store.delivery.announce(["st1"])
    await store.delivery.enqueue_story(
        "st1", [Target("1"), Target("2", hold=True, due=NOW.timestamp() + 3600)], queue_cap=10, held_cap=10
    )
    await store.delivery.commit_batch("2", ["<b>خلاصه</b>"], consumed=1, next_due=NOW.timestamp() + 86400)
    batch = await store.delivery.claim(10, FAST, 5000, "t")
    await store.delivery.complete([Outcome(batch.claims[0], Kind.SENT, "sent")])
    await store.ratelimit.reserve(3, FAST)
    await store.stats.incr("sent")
    await store.ops.mark_tick(NOW)
    await store.ops.first_pause_notice("s1", NOW)

    prefix = store.keys.prefix
    keys = sorted([k async for k in store.redis.scan_iter(match=prefix + "*", count=1000)])
    assert len(keys) >= 20
    without_ttl = [k.removeprefix(prefix) for k in keys if await store.redis.ttl(k) == -1]
    assert [k for k in without_ttl if not PERSISTENT.match(k)] == []
    with_ttl = {k.removeprefix(prefix).split(":")[0] for k in keys if await store.redis.ttl(k) > 0}
    assert {"feed", "seen", "story", "dq", "stats", "ops", "arc"} <= with_ttl


async def test_pending_counter_heals_after_queues_expired(store: Store) -> None:
    """khabar stopped for longer than the queue TTL: the lists are gone, the counter must not stay."""
    q = store.delivery
    await q.save_parts("st1", ["یک"])
    await q.enqueue_story("st1", [Target("1"), Target("2")], queue_cap=10, held_cap=10)
    assert await q.pending() == 2
    await store.redis.delete(store.keys.chat_queue("1"), store.keys.chat_queue("2"))  # as if expired
    batch = await q.claim(10, FAST, 5000, "t")
    assert batch.claims == [] and batch.wait is None
    assert await q.pending() == 0 and await q.chats_waiting() == 0


async def test_pending_counter_is_not_reset_while_a_send_is_in_flight(store: Store) -> None:
    q = store.delivery
    await q.save_parts("st1", ["یک"])
    await q.enqueue_story("st1", [Target("1")], queue_cap=10, held_cap=10)
    (claim,) = (await q.claim(10, FAST, 5000, "t")).claims
    assert (await q.claim(10, FAST, 5000, "t")).claims == []
    assert await q.pending() == 1  # chat 1 is leased: its job still counts
    await q.complete([Outcome(claim, Kind.SENT, "sent")])
    assert await q.pending() == 0


async def test_sync_forgets_claims_of_sources_that_are_gone(store: Store) -> None:
    feeds = store.feeds
    await feeds.sync_schedule(["a", "b"], NOW)
    assert sorted(await feeds.claim_due(NOW, 10, 300)) == ["a", "b"]  # then the process crashed
    await feeds.sync_schedule(["a"], NOW + timedelta(minutes=1))  # "b" left the sources file
    leases = await store.redis.zrange(store.keys.leases(), 0, -1)
    assert leases == ["a"]  # "a" is still claimed (the lease runs out by itself); "b" is forgotten


async def test_a_busy_chats_exactly_once_log_stays_small(store: Store) -> None:
    """200 stories for one chat: the log keeps the newest LOG_CAP, in Redis' compact encoding."""
    q = store.delivery
    for i in range(200):
        await q.enqueue_story(f"story-{i:04d}", [Target("7")], queue_cap=1000, held_cap=10)
    log = store.keys.chat_log("7")
    assert await store.redis.zcard(log) == LOG_CAP
    assert await store.redis.object("encoding", log) == "listpack"  # ~35 bytes an entry, not ~130
    assert 0 < await store.redis.ttl(log) <= LOG_TTL
    again = await q.enqueue_story("story-0199", [Target("7")], queue_cap=1000, held_cap=10)
    assert again.duplicates == 1  # the newest stories are still remembered
    await q.move_chat("7", "8")  # a migration merges logs and keeps the same bounds
    assert await store.redis.zcard(store.keys.chat_log("8")) == LOG_CAP
    assert 0 < await store.redis.ttl(store.keys.chat_log("8")) <= LOG_TTL
