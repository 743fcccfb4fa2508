"""Daily digests and quiet hours at Tehran time, with a clock the test moves (no real waiting)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.bot.conftest import ADMIN, Harness, ManualClock, delete_prefix, make_story, say, start_khabar, stop_khabar
from tests.bot.waiting import wait_settled
from tests.fakebotapi import Chat, FakeBotAPI

USER = 821
CHANNEL = -1009001


def tehran_utc(hour: int, minute: int = 0) -> datetime:
    # Asia/Tehran is UTC+03:30 (no daylight saving since 2022)
    total = hour * 60 + minute - 210
    return datetime(2024, 5, 1, total // 60, total % 60, tzinfo=UTC)


async def settle(h: Harness) -> None:
    """Until what was published is fanned out (held or queued) and nothing is queued or in flight: a
    wait on counts (bot/waiting.py), where a guessed sleep failed on a loaded machine."""
    await wait_settled(h.poll, h.store)


async def test_daily_chat_and_channel_get_their_digest_at_the_tehran_time(khabar: Harness) -> None:
    fake, clock = khabar.fake, khabar.clock
    clock.now = tehran_utc(7, 30)
    fake.add_chat(Chat(CHANNEL, "channel", title="کانال خبر", username="khabar_news", creator=ADMIN,
                       bot_status="administrator"))  # fmt: skip
    chat = fake.private(USER)
    await say(khabar, chat, USER, "/subscribe")
    await say(khabar, chat, USER, "/mode daily 08:30")
    (text,) = await say(khabar, fake.private(ADMIN), ADMIN, "/channel add @khabar_news خوزستان daily 08:30")
    assert "اضافه شد" in text
    khabar.poll.publish(make_story("خبر یکم خوزستان"), make_story("خبر دوم تهران", province="تهران"))
    await settle(khabar)
    assert khabar.app.job_queue is not None  # one cron job per daily time, in Tehran time
    (job,) = [j for j in khabar.app.job_queue.jobs() if j.name == "daily 08:30"]
    assert job.next_t is not None and job.next_t.utcoffset() is not None
    assert (job.next_t.hour, job.next_t.minute, str(job.next_t.tzinfo)) == (8, 30, "Asia/Tehran")
    assert len(fake.messages_to(USER)) == 2 and fake.messages_to(CHANNEL) == []  # held, not sent

    clock.now = tehran_utc(8, 29)
    await settle(khabar)
    assert len(fake.messages_to(USER)) == 2 and fake.messages_to(CHANNEL) == []

    clock.now = tehran_utc(8, 30)
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 3 and len(fake.messages_to(CHANNEL)) == 1, 8)
    digest = fake.messages_to(USER)[-1].text
    assert "خلاصهٔ خبرهای اجتماعی" in digest and "۱۲ اردیبهشت ۱۴۰۳" in digest
    assert digest.index("خبر یکم") < digest.index("خبر دوم")
    posted = fake.messages_to(CHANNEL)[0].text
    assert "خبر یکم خوزستان" in posted and "تهران" not in posted  # the channel is narrowed to Khuzestan

    khabar.poll.publish(make_story("خبر بعد از ارسال"))  # waits for tomorrow
    clock.now = tehran_utc(9, 0)
    await settle(khabar)
    assert len(fake.messages_to(USER)) == 3
    due = await khabar.store.delivery.due_at(str(USER))
    assert due is not None and datetime.fromtimestamp(due, UTC) == datetime(2024, 5, 2, 5, 0, tzinfo=UTC)


async def test_quiet_hours_hold_then_one_digest_when_they_end(khabar: Harness) -> None:
    fake, clock = khabar.fake, khabar.clock
    clock.now = tehran_utc(22, 0)
    chat = fake.private(USER)
    await say(khabar, chat, USER, "/subscribe")
    await say(khabar, chat, USER, "/quiet 23:00-07:00")
    clock.now = tehran_utc(23, 30)
    khabar.poll.publish(make_story("خبر نیمه‌شب"), make_story("خبر سحر"))
    await settle(khabar)
    assert len(fake.messages_to(USER)) == 2
    clock.now = datetime(2024, 5, 2, 3, 30, tzinfo=UTC)  # 07:00 in Tehran, next morning
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 3, 8)
    text = fake.messages_to(USER)[-1].text
    assert "ساعت‌های سکوت" in text and "خبر نیمه‌شب" in text and "خبر سحر" in text
    khabar.poll.publish(make_story("خبر روز"))  # outside quiet hours: instantly, as a card
    await fake.wait_for(lambda: len(fake.messages_to(USER)) == 4, 8)
    assert fake.messages_to(USER)[-1].text.startswith("خبر روز")


async def test_a_digest_missed_while_down_is_sent_on_the_next_start(fake: FakeBotAPI, clock: ManualClock) -> None:
    clock.now = tehran_utc(7, 0)
    h, stop, task = await start_khabar(fake, clock)
    try:
        chat = fake.private(USER)
        await say(h, chat, USER, "/subscribe")
        await say(h, chat, USER, "/mode daily 08:00")
        h.poll.publish(make_story("خبر پیش از خاموشی"))
        await settle(h)
        stories = h.stories
    finally:
        await stop_khabar(stop, task)
    clock.now = tehran_utc(10, 0)  # khabar was down at 08:00
    h2, stop2, task2 = await start_khabar(fake, clock, prefix=h.prefix, stories=stories)  # stories persist
    try:
        await fake.wait_for(lambda: len(fake.messages_to(USER)) == 3, 8)
        assert "خبر پیش از خاموشی" in fake.messages_to(USER)[-1].text
    finally:
        await stop_khabar(stop2, task2)
        await delete_prefix(h.prefix)
