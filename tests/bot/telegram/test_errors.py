"""The one error handler: a Persian apology to the user, a short notice in the admins' chat."""

from __future__ import annotations

from collections.abc import Sequence

from bot.story import Story
from tests.bot.conftest import ADMIN, ManualClock, MemoryStories, delete_prefix, say, start_khabar, stop_khabar
from tests.fakebotapi import FakeBotAPI

USER = 1301
ERRORS_CHAT = -1009999


class BrokenStories(MemoryStories):
    async def recent(self, limit: int) -> Sequence[Story]:
        raise RuntimeError("story store unavailable")


async def test_unexpected_error_apologises_and_notifies_admins(fake: FakeBotAPI, clock: ManualClock) -> None:
    h, stop, task = await start_khabar(fake, clock, stories=BrokenStories(), error_chat_id=ERRORS_CHAT)
    try:
        fake.private(ERRORS_CHAT)  # any chat the bot can write to
        (text,) = await say(h, fake.private(USER), USER, "/latest")
        assert "متأسفیم" in text
        await fake.wait_for(lambda: len(fake.messages_to(ERRORS_CHAT)) == 1, 5)
        notice = fake.messages_to(ERRORS_CHAT)[0].text
        assert "RuntimeError" in notice and "story store unavailable" in notice and f"chat_id={USER}" in notice
        (text,) = await say(h, fake.private(USER), USER, "/latest")  # the same error again: apology ...
        assert "متأسفیم" in text and len(fake.messages_to(ERRORS_CHAT)) == 1  # ... but no second notice
        assert fake.floods == []  # apologies are paced like every other message
    finally:
        await stop_khabar(stop, task)
        await delete_prefix(h.prefix)


async def test_commands_menu_is_registered_in_persian(fake: FakeBotAPI, clock: ManualClock) -> None:
    h, stop, task = await start_khabar(fake, clock)
    try:
        await fake.wait_for(lambda: len(fake.commands) == 2, 5)  # everyone, and the admin's own menu
        everyone = {c["command"]: c["description"] for c in fake.commands[0]["commands"]}
        assert set(everyone) == {"start", "help", "subscribe", "unsubscribe", "mysubs", "latest", "mode", "quiet",
                                 "filter", "search", "figures", "weekly"}  # fmt: skip
        assert "اشتراک" in everyone["subscribe"]
        admin = fake.commands[1]
        assert admin["scope"] == {"type": "chat", "chat_id": ADMIN} and len(admin["commands"]) == 18
    finally:
        await stop_khabar(stop, task)
        await delete_prefix(h.prefix)
