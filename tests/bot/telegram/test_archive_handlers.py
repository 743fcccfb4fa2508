"""/search (and its page buttons) and /figures end to end: real Redis archive, real PTB client, fake Bot API."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.archive.figures import latest_figures, write_csv
from bot.archive.query import Query, parse_query
from bot.story import Story
from digest import Figure, Speaker, to_persian_digits
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


def with_figures(story: Story, *figures: Figure, speaker: Speaker | None = None) -> Story:
    speakers = (speaker,) if speaker else ()
    return replace(story, digest=replace(story.digest, figures=figures, speakers=speakers))


DIVORCE = Figure("۱۲ درصد", 12.0, "درصد", "افزایش طلاق در اهواز")
ADDICTS = Figure("۲ هزار معتاد", 2000.0, "معتاد", "معتادان بهبودیافته در کرمان")
CHILDREN = Figure("۳۰۰ کودک", 300.0, "کودک", "کودکان کار در اهواز")


async def test_figures_sheet_one_line_each_newest_first(khabar: Harness) -> None:
    official = Speaker("علی <رضایی>", "مدیرکل بهزیستی خوزستان")
    older = with_figures(divorce(1), DIVORCE, CHILDREN, speaker=official)
    newer = with_figures(divorce(2), Figure("۵ درصد", 5.0, "درصد", "کاهش ازدواج و طلاق"))
    kerman = with_figures(make_story("اعتیاد در کرمان", province="کرمان", topics=("اعتیاد",)), ADDICTS)
    await archive(khabar, older, newer, kerman, divorce(3))  # divorce(3) has no figure
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/figures طلاق خوزستان")
    lines = text.splitlines()
    assert "آخرین آمارها" in lines[0] and len(lines) == 3
    assert "۵ درصد" in lines[1] and "۱۲ درصد" in lines[2]  # newest first; the children figure is off-topic
    assert "علی <رضایی> (مدیرکل بهزیستی خوزستان)" in lines[2] and "خبرگزاری نمونه" in lines[2]
    assert "۱۲ اردیبهشت ۱۴۰۳" in lines[2]  # published 2024-05-01
    html = khabar.fake.messages_to(USER)[-1].html
    assert "&lt;رضایی&gt;" in html and 'href="https://news.example/d1"' in html
    (text,) = await say(khabar, chat, USER, "/figures اعتیاد")
    assert "۲ هزار معتاد" in text and "طلاق" not in text
    (text,) = await say(khabar, chat, USER, "/figures مسکن")
    assert "آماری" in text and "پیدا نشد" in text
    (text,) = await say(khabar, chat, USER, "/figures")
    assert "/figures طلاق خوزستان" in text


async def test_figures_csv_is_a_spreadsheet(khabar: Harness) -> None:
    await archive(khabar, with_figures(divorce(1), DIVORCE, speaker=Speaker("علی رضایی", "مدیرکل")))
    parsed = parse_query("طلاق")
    assert isinstance(parsed, Query)
    rows = await latest_figures(khabar.store, parsed, khabar.clock())
    out = io.StringIO()
    write_csv(rows, out, "Asia/Tehran")
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    record = dict(zip(header, row, strict=True))
    assert record["value"] == "۱۲ درصد" and record["number"] == "12" and record["unit"] == "درصد"
    assert record["speaker"] == "علی رضایی" and record["outlet"] == "خبرگزاری نمونه"
    assert record["url"] == "https://news.example/d1" and record["provinces"] == "خوزستان"
    assert record["date_utc"] == "2024-05-01T06:00:00+00:00"  # the published time


async def test_a_page_of_oversized_stories_still_fits_one_message(khabar: Harness) -> None:
    """Whatever a feed put in the archive (huge headlines, every province, long names), a page fits."""
    from digest import PROVINCES

    huge = "طلاق " + "خیلی‌بلند " * 400
    for n in range(6):
        s = make_story(huge, sources=("خبرگزاری " + "نام‌بلند " * 50, "ب" * 300, "پ"), story_id=f"big{n}")
        s = with_figures(s, Figure("۱" * 200, 1.0, "واحد", "زمینه " * 200), speaker=Speaker("ن" * 500, "ن" * 900))
        await archive(khabar, replace(s, digest=replace(s.digest, provinces=PROVINCES)))
    chat = private(khabar)
    (text,) = await say(khabar, chat, USER, "/search طلاق")
    assert "۶ خبر" in text and text.count("🗣") == 5 and len(text) <= 4096
    (text,) = await say(khabar, chat, USER, "/figures طلاق")
    assert text.count("•") >= 1


async def test_help_shows_the_archive_commands(khabar: Harness) -> None:
    (text,) = await say(khabar, private(khabar), USER, "/help")
    assert "/search خوزستان طلاق" in text and "۹۰ روز" in text and "/figures" in text and "/weekly on" in text
