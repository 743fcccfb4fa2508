"""Delivery against a Telegram that enforces limits: 429s, errors, bursts, many chats."""

from __future__ import annotations

import time
from collections import Counter, defaultdict

from bot.store.subscriptions import ChatKind, Subscription
from tests.bot.conftest import ManualClock, delete_prefix, make_story, start_khabar, stop_khabar
from tests.bot.waiting import wait_drained
from tests.fakebotapi import Chat, FakeBotAPI


async def test_429_waits_exactly_retry_after_and_resends_the_same_message(clock: ManualClock) -> None:
    async with FakeBotAPI() as fake:
        h, stop, task = await start_khabar(fake, clock)
        try:
            await h.store.subscriptions.put(Subscription(701))
            fake.flood(701, retry_after=2)
            h.poll.publish(make_story("خبر با محدودیت"))
            await fake.wait_for(lambda: len(fake.messages_to(701)) == 1, 10)
            (flood_at,) = [t for chat, t in fake.floods if chat == 701]
            (message,) = fake.messages_to(701)
            assert "خبر با محدودیت" in message.text
            assert message.at - flood_at >= 2.0  # not before retry_after (how soon after depends on load)
            assert (await h.store.stats.last_hour())["flood"] == 1
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


async def test_network_errors_retry_and_a_rejected_message_does_not_block_the_chat(clock: ManualClock) -> None:
    async with FakeBotAPI() as fake:
        h, stop, task = await start_khabar(fake, clock)
        try:
            await h.store.subscriptions.put(Subscription(702, grouped=False))  # one message per story
            fake.fail(702, "Internal Server Error", 500, times=2)
            h.poll.publish(make_story("خبر پس از خطای سرور"))
            await fake.wait_for(lambda: len(fake.messages_to(702)) == 1, 15)
            assert sum(1 for e in fake.errors if e[1] == 500) == 2
            # a message Telegram refuses (our bug) is skipped; the next one still arrives
            fake.fail(702, 'Bad Request: can\'t parse entities: Unsupported start tag "x"', 400, times=1)
            h.poll.publish(make_story("خبر ردشده"), make_story("خبر بعدی"))
            await fake.wait_for(lambda: any("خبر بعدی" in m.text for m in fake.messages_to(702)), 10)
            assert not any("خبر ردشده" in m.text for m in fake.messages_to(702))
            sub = await h.store.subscriptions.get(702)
            assert sub is not None and not sub.paused
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


async def test_thousand_chats_and_a_burst_no_429_each_story_once_in_order(clock: ManualClock) -> None:
    rate = 400.0
    async with FakeBotAPI(global_rate=rate) as fake:
        h, stop, task = await start_khabar(fake, clock, global_rate=rate)
        try:
            chats = list(range(10_001, 10_901)) + list(range(-20_001, -20_101, -1))  # 900 private, 100 groups
            for chat_id in chats[900:]:
                fake.add_chat(Chat(chat_id, "group", title="g"))
            for chat_id in chats:
                kind = ChatKind.PRIVATE if chat_id > 0 else ChatKind.GROUP
                await h.store.subscriptions.put(Subscription(chat_id, kind=kind, grouped=False))
            stories = [make_story(f"خبر شماره {i}") for i in range(3)]
            h.poll.publish(*stories)
            await fake.wait_for(lambda: len(fake.sent) >= 3 * len(chats), 60)
            await wait_drained(h.store)  # nothing queued or in flight: an extra message would be sent by now
            assert fake.floods == []  # khabar's shared limiter kept under every limit
            per_chat: dict[int, list[str]] = defaultdict(list)
            for m in fake.sent:
                per_chat[m.chat_id].append(m.html)
            assert set(per_chat) == set(chats)
            assert Counter(len(v) for v in per_chat.values()) == {3: len(chats)}  # each story once
            for sent in per_chat.values():  # oldest first in every chat
                assert [next(i for i, s in enumerate(stories) if s.digest.headline in html) for html in sent] == [
                    0,
                    1,
                    2,
                ]
            span = fake.sent[-1].at - fake.sent[0].at
            assert span >= (3 * len(chats) - 10) / rate  # and the overall rate really was held
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


async def test_a_stalled_event_loop_sends_no_late_burst(clock: ManualClock) -> None:
    """The process stops for 0.6 s (a long fan-out, a GC pause) while volleys wait for their slots:
    the ones whose slot passed go back to the queue unsent instead of leaving together with the next
    ones — a strict 30/s window sees no 429, and every chat still gets its story once."""
    async with FakeBotAPI(global_rate=30, strict=True) as fake:
        h, stop, task = await start_khabar(fake, clock, global_rate=30.0)
        try:
            chats = list(range(32_001, 32_121))
            for chat_id in chats:
                await h.store.subscriptions.put(Subscription(chat_id, grouped=False))
            h.poll.publish(make_story("خبر پس از توقف"))
            await fake.wait_for(lambda: len(fake.sent) >= 12, 15)  # paced: the next second is claimed
            time.sleep(0.6)  # the whole loop stalls (khabar and the fake alike): ≥ 2 volleys miss their slot
            await fake.wait_for(lambda: len(fake.sent) >= len(chats), 15)
            await wait_drained(h.store, 15)
            assert fake.floods == []
            assert sorted(m.chat_id for m in fake.sent) == chats  # each once
            assert (await h.store.stats.last_hour())["released"] >= 6  # a volley (or more) went back
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


async def test_a_strict_sliding_window_at_30_per_second_draws_no_429(clock: ManualClock) -> None:
    """Telegram's limits as a strict window (no tolerance): ≤ 30 in any second overall, private
    chats ≥ 1 s apart, ≤ 20 per minute per group — khabar's reserved slots stay inside all three."""
    async with FakeBotAPI(global_rate=30, strict=True) as fake:
        h, stop, task = await start_khabar(fake, clock, global_rate=30.0)
        try:
            chats = list(range(30_001, 30_071)) + [-31_001, -31_002]  # 70 private chats and two groups
            for chat_id in chats[70:]:
                fake.add_chat(Chat(chat_id, "group", title="g"))
            for chat_id in chats:
                kind = ChatKind.PRIVATE if chat_id > 0 else ChatKind.GROUP
                await h.store.subscriptions.put(Subscription(chat_id, kind=kind, grouped=False))
            h.poll.publish(*(make_story(f"خبر پیاپی {i}") for i in range(2)))
            await fake.wait_for(lambda: len(fake.sent) >= 2 * len(chats), 15)
            assert fake.floods == []
            times = sorted(m.at for m in fake.sent)
            assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 30
            for chat_id in chats:
                first, second = (m.at for m in fake.messages_to(chat_id))
                assert second - first >= (1.0 if chat_id > 0 else 3.0)
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)
