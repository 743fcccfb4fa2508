"""Chat commands end to end: replies in Persian, bad arguments explained, admin commands guarded."""

from __future__ import annotations

import asyncio

from bot.store.subscriptions import Mode
from tests.bot.conftest import ADMIN, Harness, make_story, say
from tests.fakebotapi import Chat

USER = 801


def private(h: Harness, user: int = USER) -> Chat:
    return h.fake.private(user)


async def test_help_and_unknown_command(khabar: Harness) -> None:
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/help")
    assert "/subscribe" in text and "/mode daily 08:30" in text and "/addsource" not in text
    (text,) = await say(khabar, chat, ADMIN, "/help")  # the admin sees admin commands too
    assert "/addsource" in text
    (text,) = await say(khabar, chat, USER, "/nonsense")
    assert "نمی‌شناسم" in text and "/help" in text
    (text,) = await say(khabar, chat, USER, "سلام")
    assert "/help" in text


async def test_bad_arguments_get_a_persian_example(khabar: Harness) -> None:
    chat = private(khabar)
    await say(khabar, chat, USER, "/subscribe")
    cases = {
        "/subscribe فوتبال": "/subscribe خوزستان طلاق",
        "/mode weekly": "/mode daily 08:30",
        "/mode daily 25:00": "/mode daily 08:30",
        "/quiet soon": "/quiet 23:00-07:00",
        "/filter کودک": "/filter +کودک -فوتبال",
        "/latest صد": "/latest 5",
    }
    for command, example in cases.items():
        (text,) = await say(khabar, chat, USER, command)
        assert example in text, command


async def test_admin_commands_refused_for_others(khabar: Harness) -> None:
    chat = private(khabar)
    for command in ("/stats", "/sources", "/addsource https://x.ir/rss خوزستان", "/removesource a", "/channel list"):
        (text,) = await say(khabar, chat, USER, command)
        assert "فقط برای مدیران ربات" in text, command
    assert khabar.sources.listed == []


async def test_mode_quiet_filter_and_mysubs(khabar: Harness) -> None:
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/mode daily 08:30")
    assert "اشتراکی ندارد" in text  # nothing to set a mode on yet
    await say(khabar, chat, USER, "/subscribe خوزستان طلاق")
    (text,) = await say(khabar, chat, USER, "/mode daily ۰۸:۳۰")
    assert "۰۸:۳۰" in text and "Asia/Tehran" in text
    (text,) = await say(khabar, chat, USER, "/quiet ۲۳:۰۰-۰۷:۰۰")
    assert "۲۳:۰۰" in text and "۰۷:۰۰" in text
    (text,) = await say(khabar, chat, USER, "/filter +كودك -فوتبال")
    assert "کودک" in text and "فوتبال" in text
    sub = await khabar.store.subscriptions.get(USER)
    assert sub is not None and sub.mode is Mode.DAILY and sub.daily_at == "08:30" and sub.quiet == "23:00-07:00"
    assert sub.include == ("کودک",) and sub.exclude == ("فوتبال",)
    assert await khabar.store.delivery.due_at(str(USER)) is not None  # the next digest is scheduled
    (text,) = await say(khabar, chat, USER, "/mysubs")
    for fragment in ("خوزستان", "طلاق", "۰۸:۳۰", "۲۳:۰۰", "کودک"):
        assert fragment in text
    (text,) = await say(khabar, chat, USER, "/mode instant")
    assert "همان لحظه" in text
    assert await khabar.store.delivery.due_at(str(USER)) is None


async def test_unsubscribe_some_then_all(khabar: Harness) -> None:
    chat = private(khabar)
    await say(khabar, chat, USER, "/subscribe خوزستان کرمان")
    (text,) = await say(khabar, chat, USER, "/unsubscribe کرمان")
    assert "کرمان" in text and "خوزستان" in text
    (text,) = await say(khabar, chat, USER, "/unsubscribe تهران")
    assert "نبودند" in text
    (text,) = await say(khabar, chat, USER, "/unsubscribe خوزستان")
    assert "لغو شد" in text  # the last province gone: not "everything", but nothing
    assert await khabar.store.subscriptions.get(USER) is None
    await say(khabar, chat, USER, "/subscribe")
    (text,) = await say(khabar, chat, USER, "/unsubscribe")
    assert "لغو شد" in text and await khabar.store.subscriptions.get(USER) is None


async def test_latest_sends_matching_stories_now(khabar: Harness) -> None:
    chat = private(khabar)
    khabar.stories.add(
        make_story("خبر یک از خوزستان", province="خوزستان"),
        make_story("خبر دو از تهران", province="تهران"),
        make_story("خبر سه از خوزستان", province="خوزستان"),
        make_story("فوتبال", social=False, topics=()),
    )
    await say(khabar, chat, USER, "/subscribe خوزستان")
    (text,) = await say(khabar, chat, USER, "/latest ۵")
    assert "خبر یک" in text and "خبر سه" in text and "تهران" not in text and "فوتبال" not in text
    assert text.index("خبر یک") < text.index("خبر سه")  # oldest first


async def test_forum_topic_subscription_is_delivered_to_the_topic(khabar: Harness) -> None:
    fake = khabar.fake
    forum = fake.add_chat(Chat(-1005001, "supergroup", title="انجمن", admins={USER}, creator=USER, is_forum=True))
    await say(khabar, forum, USER, "/subscribe", thread=77)
    assert await khabar.store.subscriptions.get(-1005001, 77) is not None
    assert await khabar.store.subscriptions.get(-1005001) is None
    khabar.poll.publish(make_story("خبر برای تاپیک"))
    await fake.wait_for(lambda: any("خبر برای تاپیک" in m.text for m in fake.sent), 8)
    delivered = [m for m in fake.sent if "خبر برای تاپیک" in m.text]
    assert [(m.chat_id, m.thread_id) for m in delivered] == [(-1005001, 77)]


async def test_buttons_toggle_and_every_callback_is_answered(khabar: Harness) -> None:
    fake = khabar.fake
    chat = private(khabar)
    await say(khabar, chat, USER, "/subscribe")
    picker = fake.messages_to(USER)[-1]
    assert picker.reply_markup is not None
    buttons = {b["text"]: b["callback_data"] for row in picker.reply_markup["inline_keyboard"] for b in row}
    fake.press(picker, USER, buttons["خوزستان"])
    fake.press(picker, USER, buttons["🏷 موضوع‌ها"])
    fake.press(picker, USER, "garbage")
    await fake.wait_for(lambda: len(fake.callback_answers) == 3, 8)
    sub = await khabar.store.subscriptions.get(USER)
    assert sub is not None and sub.provinces == ("خوزستان",)
    assert any("نامعتبر" in str(a.get("text")) or "معتبر" in str(a.get("text")) for a in fake.callback_answers)
    await fake.wait_for(lambda: len(fake.edits) >= 2, 5)
    assert "موضوع" in fake.edits[-1].text  # switched to the topic picker


async def test_non_admin_cannot_press_group_buttons(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4100, "group", title="گروه", admins={USER}, creator=USER))
    await say(khabar, group, USER, "/subscribe")
    picker = fake.messages_to(-4100)[-1]
    data = next(b["callback_data"] for row in picker.reply_markup["inline_keyboard"] for b in row)  # type: ignore[index]
    fake.press(picker, 999, data)
    await fake.wait_for(lambda: len(fake.callback_answers) == 1, 5)
    assert fake.callback_answers[0].get("show_alert") is True
    await asyncio.sleep(0.3)
    sub = await khabar.store.subscriptions.get(-4100)
    assert sub is not None and sub.provinces == ()
