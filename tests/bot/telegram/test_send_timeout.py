"""A sendMessage that times out: Telegram got it, khabar never heard back — the outcome is unknown.

The fake Bot API accepts the message (records it as delivered) and answers only after khabar's
send timeout. khabar must count it as `unknown` — not sent, not failed — in the stats `khabar
status` shows and in khabar_messages_total, and then follow its policy (Settings.resend_unknown):
skip it (at-most-once: the chat has it once) or resend it once after the back-off (at-least-once:
here, where Telegram did deliver it, the chat gets it twice). The chat's next message is not held up.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.ops import status
from bot.runtime.metrics import Metrics
from bot.store.subscriptions import Subscription
from tests.bot.conftest import Harness, ManualClock, delete_prefix, make_story, start_khabar, stop_khabar
from tests.bot.waiting import wait_drained, wait_settled
from tests.fakebotapi import FakeBotAPI

USER = 841
TIMEOUT = 2.0  # khabar's send timeout here (the harness's 5 s lease allows up to 2 s)
HOLD = 2.5 * TIMEOUT  # the fake answers this late


def metrics_of(h: Harness) -> Metrics:
    boot = h.app.bot_data.boot
    assert boot is not None and boot.metrics is not None
    return boot.metrics


def messages(h: Harness, result: str, reason: str) -> float:
    value = metrics_of(h).registry.get_sample_value("khabar_messages_total", {"result": result, "reason": reason})
    return value or 0.0


async def last_hour(h: Harness) -> dict[str, int]:
    facts = await status.gather(h.store, (), datetime.now(UTC), where="test")
    return facts.last_hour


async def test_a_timed_out_send_is_unknown_and_skipped_when_the_policy_says_so(clock: ManualClock) -> None:
    async with FakeBotAPI() as fake:
        h, stop, task = await start_khabar(fake, clock, send_timeout=TIMEOUT, resend_unknown=False)
        try:
            await h.store.subscriptions.put(Subscription(USER, grouped=False))
            fake.hold(USER, HOLD)
            h.poll.publish(make_story("خبر بی‌پاسخ"))
            await fake.wait_for(lambda: messages(h, "unknown", "timeout") == 1, 15)
            await wait_drained(h.store)  # the unknown outcome is recorded: nothing queued or in flight
            assert (await last_hour(h))["unknown"] == 1

            h.poll.publish(make_story("خبر بعد از بی‌پاسخ"))  # the chat is not held up
            await fake.wait_for(lambda: any("خبر بعد از" in m.text for m in fake.messages_to(USER)), 15)
            await wait_settled(h.poll, h.store)  # a resend would be queued or sent by now
            texts = [m.text for m in fake.messages_to(USER)]
            assert len(texts) == 2 and "خبر بی‌پاسخ" in texts[0] and "خبر بعد از" in texts[1]  # once each
            assert fake.calls["sendMessage"] == 2  # the timed-out one was not tried again
            hour = await last_hour(h)
            assert (hour["unknown"], hour["sent"], hour["neterr"], hour["rejected"]) == (1, 1, 0, 0)
            assert messages(h, "sent", "") == 1 and messages(h, "unknown", "timeout") == 1
            assert messages(h, "failed", "unknown") == 0 and messages(h, "retried", "unknown") == 0
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)


async def test_a_timed_out_send_is_resent_once_by_default(clock: ManualClock) -> None:
    async with FakeBotAPI() as fake:
        h, stop, task = await start_khabar(fake, clock, send_timeout=TIMEOUT)
        assert h.services.settings.resend_unknown  # the default: at-least-once
        try:
            await h.store.subscriptions.put(Subscription(USER, grouped=False))
            fake.hold(USER, HOLD)
            h.poll.publish(make_story("خبر دوباره‌فرستاده"))
            await fake.wait_for(lambda: len(fake.messages_to(USER)) == 2, 20)
            await wait_settled(h.poll, h.store)  # the resend is recorded as sent; a third copy would be queued
            assert [m.html for m in fake.messages_to(USER)][0] == fake.messages_to(USER)[1].html
            assert fake.calls["sendMessage"] == 2
            hour = await last_hour(h)
            assert (hour["unknown"], hour["sent"]) == (1, 1)  # one unknown outcome, one known delivery
            assert messages(h, "unknown", "timeout") == 1 and messages(h, "sent", "") == 1
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)
