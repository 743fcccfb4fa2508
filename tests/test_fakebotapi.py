"""The fake Bot API behaves like Telegram where khabar relies on it (through the real PTB client)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, RetryAfter

from bot.telegram.request import AiohttpRequest, retry_after_seconds
from tests.fakebotapi import TOKEN, Chat, FakeBotAPI


@pytest.fixture
async def api() -> AsyncIterator[tuple[FakeBotAPI, Bot]]:
    async with FakeBotAPI() as fake:
        bot = Bot(TOKEN, base_url=fake.base_url, request=AiohttpRequest(8))
        async with bot:
            yield fake, bot


async def test_send_records_and_rejects_like_telegram(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    msg = await bot.send_message(7, "<b>خبر</b>", parse_mode=ParseMode.HTML)
    assert msg.message_id == 1 and fake.sent[0].text == "خبر" and fake.sent[0].chat_id == 7
    for bad in ("<p>x</p>", "<b>x", "a < b", "<b><i>x</b></i>"):
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(8, bad, parse_mode=ParseMode.HTML)
    # 4096 UTF-16 units after parsing is fine, one more is not; markup does not count
    await bot.send_message(9, "<b>" + "خ" * MessageLimit.MAX_TEXT_LENGTH + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(10, "😀" * 2049)  # 4098 UTF-16 units


async def test_limits_answer_429_with_retry_after(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    await bot.send_message(5, "a")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(5, "b")  # second message to a private chat within a second
    assert retry_after_seconds(caught.value) == 1 and len(fake.floods) == 1 and len(fake.sent) == 1


async def test_scripted_chat_errors(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    fake.block(11)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(11, "x")
    fake.migrate(-5, -1005)
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-5, "x")
    assert migrated.value.new_chat_id == -1005
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(-77, "x")


async def test_chat_admin_queries(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    fake.add_chat(Chat(-1001, "channel", title="کانال", username="news", creator=1, admins={2},
                       bot_status="administrator"))  # fmt: skip
    chat = await bot.get_chat("@news")
    assert chat.id == -1001 and chat.type == "channel"
    admins = await bot.get_chat_administrators(-1001)
    assert {a.user.id for a in admins} == {1, 2, bot.id}
    me = await bot.get_chat_member(-1001, bot.id)
    assert me.status == "administrator" and getattr(me, "can_post_messages", False)


async def test_get_updates_honours_offset_and_unconfirm(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    chat = fake.private(11)
    ids = [fake.send_text(chat, 11, f"/start {i}") for i in range(3)]
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == ids  # unconfirmed: all of them
    assert [u.update_id for u in await bot.get_updates(offset=ids[1] + 1, timeout=0)] == ids[2:]
    assert [u.update_id for u in await bot.get_updates(offset=ids[2] + 1, timeout=0)] == []  # all confirmed
    assert fake.unconfirm(2) == ids[1:]  # as if that last confirming call never arrived
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == ids[1:]


async def test_a_second_poller_ends_the_first_with_409(api: tuple[FakeBotAPI, Bot]) -> None:
    fake, bot = api
    async with Bot(TOKEN, base_url=fake.base_url, request=AiohttpRequest(8)) as other:
        first = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=10))
        await fake.wait_for(lambda: fake.calls["getUpdates"] == 1, 5)
        second = asyncio.create_task(other.get_updates(timeout=0.2, read_timeout=10))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first
        assert await second == () and fake.conflicts == 1
    # a long poll whose client hung up is not a conflict
    gone = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=10))
    await fake.wait_for(lambda: fake.calls["getUpdates"] == 3, 5)
    gone.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert await bot.get_updates(timeout=0) == () and fake.conflicts == 1


async def test_strict_mode_is_a_sliding_window_with_no_tolerance() -> None:
    async with FakeBotAPI(global_rate=3, strict=True) as fake:
        bot = Bot(TOKEN, base_url=fake.base_url, request=AiohttpRequest(8))
        async with bot:
            for chat in (1, 2, 3):
                await bot.send_message(chat, "x")
            with pytest.raises(RetryAfter):  # a 4th within the same second: GCRA's tolerance would allow it
                await bot.send_message(4, "x")
            await asyncio.sleep(1.05)
            await bot.send_message(4, "x")  # the first of the three left the window
            with pytest.raises(RetryAfter):  # chat 1 got one 1.05 s ago … fine; chat 4 just now: refused
                await bot.send_message(4, "y")
    assert len(fake.sent) == 4 and len(fake.floods) == 2
