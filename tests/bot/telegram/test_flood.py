"""Every one-off send waits out a 429 (retry_after) and is sent; none reaches the error handler."""

from __future__ import annotations

import logging
import time

import pytest

from tests.bot.conftest import Harness, say

USER = 1401


def _unhandled(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "khabar.errors"]


async def test_reply_that_meets_a_429_is_sent_after_retry_after(
    khabar: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    fake = khabar.fake
    chat = fake.private(USER)
    await say(khabar, chat, USER, "/help")
    await fake.wait_for(lambda: time.monotonic() - fake.messages_to(USER)[-1].at > 1.1, 3)  # the chat's slot is free
    fake.flood(USER, retry_after=1)
    caplog.set_level(logging.INFO)
    (text,) = await say(khabar, chat, USER, "/help")
    assert "/subscribe" in text
    ((_, flood_at),) = [f for f in fake.floods if f[0] == USER]
    assert fake.messages_to(USER)[-1].at - flood_at >= 1.0  # not before retry_after, then the same reply
    assert _unhandled(caplog) == []
    assert "متأسفیم" not in text


async def test_button_answer_that_meets_a_429_is_sent_after_retry_after(
    khabar: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    fake = khabar.fake
    chat = fake.private(USER)
    await say(khabar, chat, USER, "/subscribe")
    picker = fake.messages_to(USER)[-1]
    assert picker.reply_markup is not None
    data = next(b["callback_data"] for row in picker.reply_markup["inline_keyboard"] for b in row)
    fake.flood_calls("answerCallbackQuery", retry_after=1)
    caplog.set_level(logging.INFO)
    started = time.monotonic()
    query_id = fake.press(picker, USER, data)
    await fake.wait_for(lambda: any(a["callback_query_id"] == query_id for a in fake.callback_answers), 5)
    assert time.monotonic() - started >= 1.0 and len(fake.floods) == 1
    assert _unhandled(caplog) == []
