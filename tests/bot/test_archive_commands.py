"""/search (and its page buttons) end to end: real Redis archive, real PTB client, fake Bot API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.story import Story
from digest import to_persian_digits
from tests.bot.conftest import Harness, make_story, say
from tests.fakebotapi import Chat

USER = 811
T0 = datetime(2024, 4, 20, 6, 0, tzinfo=UTC)  # before the harness clock (2024-05-01 04:00 UTC)


def private(h: Harness) -> Chat:
    return h.fake.private(USER)


async def archive(h: Harness, *stories: Story) -> None:
    for s in stories:
        await h.store.archive.add(s)


def divorce(n: int) -> Story:
    headline = f"افزایش طلاق‌ها در اهواز شمارهٔ {to_persian_digits(str(n))}"
    return make_story(headline, first_seen=T0 + timedelta(hours=n), story_id=f"d{n}")


async def test_search_pages_newest_first_with_buttons(khabar: Harness) -> None:
    fake = khabar.fake
    await archive(khabar, *(divorce(n) for n in range(1, 8)))
    await archive(khabar, make_story("اعتیاد در کرمان", province="کرمان", topics=("اعتیاد",), first_seen=T0))
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/search طلاق")
    assert "۷ خبر" in text and "صفحهٔ ۱ از ۲" in text
    assert text.index("شمارهٔ ۷") < text.index("شمارهٔ ۳") and "شمارهٔ ۲" not in text  # newest first, 5 a page
    answer = fake.messages_to(USER)[-1]
    assert answer.reply_markup is not None
    (button,) = [b for row in answer.reply_markup["inline_keyboard"] for b in row]
    assert button["text"] == "بعدی ←"
    assert 'href="https://news.example/d7"' in answer.html
    fake.press(answer, USER, button["callback_data"])
    await fake.wait_for(lambda: len(fake.edits) == 1, 8)
    page2 = fake.edits[-1]
    assert "صفحهٔ ۲ از ۲" in page2.text and "شمارهٔ ۲" in page2.text and "شمارهٔ ۱" in page2.text
    assert [b["text"] for row in page2.reply_markup["inline_keyboard"] for b in row] == ["→ قبلی"]  # type: ignore[index]
    assert len(fake.callback_answers) == 1


async def test_search_by_province_and_topic_words(khabar: Harness) -> None:
    await archive(khabar, divorce(1), make_story("اعتیاد در کرمان", province="کرمان", topics=("اعتیاد",)))
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/search خوزستان طلاق")
    assert "۱ خبر" in text and "اهواز" in text
    (text,) = await say(khabar, chat, USER, "/search كرمان اعتياد")  # Arabic letters
    assert "۱ خبر" in text and "کرمان" in text and "اهواز" not in text
    (text,) = await say(khabar, chat, USER, "/search کرمان طلاق")
    assert "پیدا نشد" in text


async def test_bad_queries_get_a_short_persian_answer(khabar: Harness) -> None:
    chat = private(khabar)
    cases = {
        "/search": "/search خوزستان طلاق",
        "/search و در از": "کلمه‌ای مشخص",
        "/search " + "طلاق " * 250: "خیلی بلند",
        "/search <b>طلاقی</b> <script>": "<b>طلاقی</b> <script>",  # echoed as text, not markup
    }
    for command, expected in cases.items():
        (text,) = await say(khabar, chat, USER, command)
        assert expected in text and len(text) < 300, command


async def test_a_stale_page_button_is_answered(khabar: Harness) -> None:
    fake = khabar.fake
    await archive(khabar, *(divorce(n) for n in range(1, 7)))
    chat = private(khabar)
    await say(khabar, chat, USER, "/search طلاق")
    answer = fake.messages_to(USER)[-1]
    fake.press(answer, USER, "a1|s|0123456789ab|1")  # a query id Redis does not know (expired)
    fake.press(answer, USER, "a1|s|zz|1")
    await fake.wait_for(lambda: len(fake.callback_answers) == 2, 8)
    assert all(a.get("show_alert") for a in fake.callback_answers)
    assert fake.edits == []
