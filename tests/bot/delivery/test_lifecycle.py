"""Chat lifecycle: blocked → paused (kept), unblocked → resumed; group → supergroup follows the id."""

from __future__ import annotations

import asyncio

from bot.store.subscriptions import PauseReason
from tests.bot.conftest import Harness, make_story, say
from tests.bot.waiting import wait_settled
from tests.fakebotapi import Chat

USER = 811


async def test_blocked_by_send_error_then_unblocked(khabar: Harness) -> None:
    fake = khabar.fake
    chat = fake.private(USER)
    await say(khabar, chat, USER, "/subscribe")
    fake.block(USER)
    khabar.poll.publish(make_story("خبر اول"))
    await fake.wait_for(lambda: any("blocked" in e[2] for e in fake.errors), 8)
    await _until_paused(khabar, USER, True)
    sub = await khabar.store.subscriptions.get(USER)
    assert sub is not None and sub.paused and sub.pause_reason is PauseReason.GONE  # kept, not deleted
    khabar.poll.publish(make_story("خبر دوم"))  # not queued for a paused chat
    await wait_settled(khabar.poll, khabar.store)  # polled and fanned out: it would be queued by now
    assert await khabar.store.delivery.chat_jobs(str(USER)) == []

    fake.unblock(USER)
    fake.member_update(chat, USER, old="kicked", new="member")  # Telegram reports the unblock
    for _ in range(100):
        sub = await khabar.store.subscriptions.get(USER)
        if sub is not None and not sub.paused:
            break
        await asyncio.sleep(0.05)
    assert sub is not None and not sub.paused
    khabar.poll.publish(make_story("خبر سوم"))
    await fake.wait_for(lambda: any("خبر سوم" in m.text for m in fake.messages_to(USER)), 8)
    assert not any("خبر اول" in m.text or "خبر دوم" in m.text for m in fake.messages_to(USER))


async def test_my_chat_member_kicked_pauses_and_readding_resumes(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4200, "group", title="گروه", admins={USER}, creator=USER))
    await say(khabar, group, USER, "/subscribe")
    fake.member_update(group, USER, old="member", new="left")
    await _until_paused(khabar, -4200, True)
    fake.member_update(group, USER, old="left", new="member")
    await _until_paused(khabar, -4200, False)


async def _until_paused(h: Harness, chat_id: int, paused: bool) -> None:
    for _ in range(200):
        sub = await h.store.subscriptions.get(chat_id)
        if sub is not None and sub.paused is paused:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"chat {chat_id} never became paused={paused}")


async def test_group_migrated_to_supergroup_gets_the_story_at_its_new_id(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4300, "group", title="گروه", admins={USER}, creator=USER))
    await say(khabar, group, USER, "/subscribe")
    fake.migrate(-4300, -1004300)  # Telegram upgraded the group; the bot has not heard yet
    khabar.poll.publish(make_story("خبر پس از ارتقا"))
    await fake.wait_for(lambda: any("خبر پس از ارتقا" in m.text for m in fake.messages_to(-1004300)), 8)
    assert await khabar.store.subscriptions.get(-4300) is None
    moved = await khabar.store.subscriptions.get(-1004300)
    assert moved is not None and not moved.paused
    assert len([m for m in fake.sent if "خبر پس از ارتقا" in m.text]) == 1


async def test_migration_service_message_moves_the_subscription(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4400, "group", title="گروه", admins={USER}, creator=USER))
    await say(khabar, group, USER, "/subscribe خوزستان")
    await say(khabar, group, USER, "/weekly on")
    fake.migrate(-4400, -1004400)
    fake.push(message=fake.message_json(group, USER, "", migrate_to_chat_id=-1004400))
    for _ in range(100):
        if await khabar.store.subscriptions.get(-1004400) is not None:
            break
        await asyncio.sleep(0.05)
    moved = await khabar.store.subscriptions.get(-1004400)
    assert moved is not None and moved.provinces == ("خوزستان",)
    assert await khabar.store.weekly.plan("-4400") is None  # the numbers of the week follow the group
    assert await khabar.store.weekly.plan("-1004400") is not None
    assert await khabar.store.weekly.due_at("-1004400") is not None
