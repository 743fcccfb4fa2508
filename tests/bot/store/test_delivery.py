"""The delivery queue's Lua scripts against the real Redis: ordering, pacing, exactly-once records."""

from __future__ import annotations

import asyncio
from collections import Counter

from bot.store import Store
from bot.store.delivery import Claim, Kind, Outcome, Target
from bot.store.ratelimit import Pacing

FAST = Pacing.from_rates(global_rate=1000, private_rate=20, group_per_minute=1200)  # 53 ms per chat
PACED = Pacing.from_rates(global_rate=1000, private_rate=2, group_per_minute=120)  # ~0.53 s per chat: a wide window
LEASE = 5000


async def claim_all(store: Store, pacing: Pacing = FAST, limit: int = 100) -> list[Claim]:
    batch = await store.delivery.claim(limit, pacing, LEASE, "t")
    return batch.claims


async def sent(store: Store, *claims: Claim) -> list[bool]:
    return await store.delivery.complete([Outcome(c, Kind.SENT, "sent") for c in claims])


async def test_story_reaches_each_chat_once(store: Store) -> None:
    q = store.delivery
    await q.save_parts("st1", ["<b>one</b>"])
    counts = await q.enqueue_story("st1", [Target("1"), Target("2"), Target("-100/5")], queue_cap=10, held_cap=10)
    assert (counts.queued, counts.duplicates) == (3, 0)
    again = await q.enqueue_story("st1", [Target("1"), Target("3")], queue_cap=10, held_cap=10)
    assert (again.queued, again.duplicates) == (1, 1)  # chat 1 already had it
    assert await q.pending() == 4
    claims = await claim_all(store)
    assert sorted(c.ck for c in claims) == ["-100/5", "1", "2", "3"]
    topic = next(c for c in claims if c.ck == "-100/5")
    assert (topic.chat_id, topic.thread_id, topic.text, topic.part, topic.parts) == (-100, 5, "<b>one</b>", 0, 1)
    assert await claim_all(store) == []  # all in flight
    assert all(await sent(store, *claims))
    assert await q.pending() == 0 and await q.chats_waiting() == 0


async def test_chat_gets_oldest_first_one_at_a_time_and_paced(store: Store) -> None:
    q = store.delivery
    for sid in ("a", "b"):
        await q.save_parts(sid, [sid.upper()])
        await q.enqueue_story(sid, [Target("7")], queue_cap=10, held_cap=10)
    (first,) = await claim_all(store, PACED)
    assert first.text == "A"
    assert await claim_all(store, PACED) == []  # the chat is leased: never two at once
    await sent(store, first)
    (second,) = await claim_all(store, PACED)
    # paced: its slot is one chat interval (~0.53 s, inside the 1 s claim horizon) after the first; the wide
    # window keeps a loaded machine's delay between the two claims from mattering
    assert second.text == "B" and 0.25 < second.delay <= PACED.private_ms / 1000


async def test_multi_part_card_is_sent_part_by_part(store: Store) -> None:
    q = store.delivery
    await q.save_parts("long", ["p0", "p1", "p2"])
    await q.enqueue_story("long", [Target("9")], queue_cap=10, held_cap=10)
    texts = []
    for _ in range(3):
        await asyncio.sleep(0.06)
        (c,) = await claim_all(store)
        texts.append(c.text)
        await sent(store, c)
    assert texts == ["p0", "p1", "p2"]
    assert await q.chat_jobs("9") == [] and await q.pending() == 0


async def test_retry_waits_the_delay_and_resends_the_same_part(store: Store) -> None:
    q = store.delivery
    await q.save_parts("s", ["x0", "x1"])
    await q.enqueue_story("s", [Target("11")], queue_cap=10, held_cap=10)
    (c,) = await claim_all(store)
    await q.complete([Outcome(c, Kind.RETRY, "flood", delay_ms=300)])
    await asyncio.sleep(0.1)
    (again,) = await claim_all(store)  # claimed ahead, with its slot after the delay
    assert (again.text, again.part, again.attempts) == ("x0", 0, 1)
    assert 0.18 <= again.delay <= 0.2


async def test_stale_completion_is_ignored_after_reap(store: Store) -> None:
    q = store.delivery
    await q.save_parts("s", ["x"])
    await q.enqueue_story("s", [Target("12")], queue_cap=10, held_cap=10)
    c = (await q.claim(10, FAST, 50, "t")).claims[0]  # 50 ms lease
    await asyncio.sleep(0.08)
    assert await q.reap(resend=True) == ["12"]
    assert await sent(store, c) == [False]  # the reaped claim's token no longer counts
    (again,) = await claim_all(store)
    assert again.text == "x" and again.token != c.token
    assert (await store.stats.last_hour())["unknown"] == 1


async def test_reap_can_skip_the_unknown_message(store: Store) -> None:
    q = store.delivery
    await q.save_parts("s1", ["one"])
    await q.save_parts("s2", ["two"])
    await q.enqueue_story("s1", [Target("13")], queue_cap=10, held_cap=10)
    await q.enqueue_story("s2", [Target("13")], queue_cap=10, held_cap=10)
    await q.claim(10, FAST, 10, "t")
    await asyncio.sleep(0.06)
    assert await q.reap(resend=False) == ["13"]
    (c,) = await claim_all(store)
    assert c.text == "two"


async def test_global_slots_are_reserved_ahead_in_volleys_and_shared(store: Store) -> None:
    q = store.delivery
    await q.save_parts("s", ["x"])
    await q.enqueue_story("s", [Target(str(i)) for i in range(1, 50)], queue_cap=10, held_cap=10)
    slow = Pacing.from_rates(global_rate=20, private_rate=1, group_per_minute=20)  # 4 every 215 ms
    first = await q.claim(100, slow, LEASE, "a")
    delays = [c.delay for c in first.claims]
    assert slow.volley == 4 and delays == sorted(delays) and delays[-1] <= slow.horizon_ms / 1000  # a second ahead
    assert Counter(delays) == dict.fromkeys(sorted(set(delays)), 4) and len(delays) == 20  # 5 full volleys
    moments = sorted(set(delays))
    assert moments[0] == 0 and all(abs((b - a) - 0.215) <= 0.0011 for a, b in zip(moments, moments[1:], strict=False))
    second = await q.claim(100, slow, LEASE, "b")  # another process: the slots are shared
    assert second.claims == [] and second.wait is not None and 0 < second.wait <= 0.08
    await q.save_parts("t", ["y"])
    await q.enqueue_story("t", [Target("1")], queue_cap=10, held_cap=10)  # chat 1 again: after its 1.05 s
    await sent(store, *first.claims)
    third = await q.claim(100, slow, 60_000, "c")
    assert third.claims == []  # chat 1's interval ends after the horizon: not claimed yet


async def test_queue_cap_and_held_stories(store: Store) -> None:
    q = store.delivery
    for sid in ("a", "b", "c"):
        await q.save_parts(sid, [sid])
        counts = await q.enqueue_story(sid, [Target("5"), Target("6", hold=True, due=1000)], queue_cap=2, held_cap=10)
    assert counts.overflow == 1 and counts.held == 1
    assert await q.chat_jobs("5") == ["s|a", "s|b"]
    assert await q.held("6") == ["a", "b", "c"]
    assert await q.take_due(now=999, lease=60) == []
    assert await q.take_due(now=1000, lease=60) == ["6"]
    assert await q.take_due(now=1000, lease=60) == []  # leased to the first taker
    batch_id = await q.commit_batch("6", ["digest"], consumed=2, next_due=5000)
    assert batch_id and await q.held("6") == ["c"] and await q.due_at("6") == 5000
    (c,) = [c for c in await claim_all(store) if c.ck == "6"]
    assert c.text == "digest" and c.job == f"b|{batch_id}"


async def test_drop_and_move_chat(store: Store) -> None:
    q = store.delivery
    await q.save_parts("s", ["x"])
    await q.enqueue_story("s", [Target("-42"), Target("8")], queue_cap=10, held_cap=10)
    assert await q.drop_chat("8") == 1
    (c,) = await claim_all(store)
    assert c.ck == "-42"
    assert await q.move_chat("-42", "-10042") == 1
    (moved,) = await claim_all(store)
    assert (moved.ck, moved.text) == ("-10042", "x")
    # the exactly-once log moved too: fanning the story out again to the new id adds nothing
    again = await q.enqueue_story("s", [Target("-10042")], queue_cap=10, held_cap=10)
    assert again.duplicates == 1
    assert await q.pending() == 1


async def test_bundle_keeps_exactly_once_per_chat_and_story(store: Store) -> None:
    q = store.delivery
    for sid in ("a", "b", "c"):
        await q.save_parts(sid, [sid.upper()])
    await q.enqueue_story("a", [Target("21")], queue_cap=10, held_cap=10)  # chat 21 already has story a
    await q.save_parts("bundle-abc", ["A+B+C"])
    counts = await q.enqueue_bundle("bundle-abc", ["a", "b", "c"], ["21", "22"], queue_cap=10)
    assert (counts.queued, counts.duplicates) == (5, 1)
    assert await q.chat_jobs("22") == ["s|bundle-abc"]  # none of them yet: one message
    assert await q.chat_jobs("21") == ["s|a", "s|b", "s|c"]  # had a: the others one by one
    again = await q.enqueue_bundle("bundle-abc", ["a", "b", "c"], ["21", "22"], queue_cap=10)
    assert (again.queued, again.duplicates) == (0, 6)  # a re-run (after a crash) queues nothing twice
