"""Numbers of the week: /weekly, its schedule in KHABAR_TIMEZONE and the post (real Redis, fake Bot API)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bot.archive.query import parse_query
from bot.archive.weekly import WeeklyChoice, WeeklyPoster, next_post, parse_weekly
from bot.settings import Settings
from bot.store import Store
from bot.store.weekly import WeeklyPlan
from bot.story import Story
from digest import Figure, Speaker
from tests.bot.conftest import (
    ADMIN,
    Harness,
    ManualClock,
    delete_prefix,
    make_story,
    say,
    start_khabar,
    stop_khabar,
)
from tests.fakebotapi import Chat, FakeBotAPI

USER = 821
TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("on", WeeklyChoice(WeeklyPlan(5, time(9, 0)))),
        ("on جمعه 18:00", WeeklyChoice(WeeklyPlan(4, time(18, 0)))),
        ("on سه شنبه ۰۷:۳۰", WeeklyChoice(WeeklyPlan(1, time(7, 30)))),
        ("روشن سه‌شنبه", WeeklyChoice(WeeklyPlan(1, time(9, 0)))),
        ("on fri", WeeklyChoice(WeeklyPlan(4, time(9, 0)))),
        ("off", WeeklyChoice(None)),
        ("on someday", None),
        ("on جمعه 25:00", None),
        ("hourly", None),
    ],
    ids=["default", "persian-day-time", "two-word-day", "zwnj-day", "english", "off", "bad-day", "bad-time", "junk"],
)
def test_parse_weekly(args: str, expected: WeeklyChoice | None) -> None:
    assert parse_weekly(args.split()) == expected


def test_next_post_is_the_next_such_wall_time() -> None:
    wednesday = datetime(2024, 5, 1, 4, 0, tzinfo=UTC)  # 07:30 in Tehran
    friday = next_post(WeeklyPlan(4, time(18, 0)), wednesday, TEHRAN)
    assert friday == datetime(2024, 5, 3, 18, 0, tzinfo=TEHRAN)
    assert next_post(WeeklyPlan(2, time(7, 30)), wednesday, TEHRAN) == datetime(2024, 5, 8, 7, 30, tzinfo=TEHRAN)
    assert next_post(WeeklyPlan(2, time(8, 0)), wednesday, TEHRAN) == datetime(2024, 5, 1, 8, 0, tzinfo=TEHRAN)


def figured(story: Story, figure: Figure) -> Story:
    speakers = (Speaker("علی رضایی", "مدیرکل"),)
    return replace(story, digest=replace(story.digest, figures=(figure,), speakers=speakers))


async def test_weekly_post_groups_the_weeks_figures(khabar: Harness) -> None:
    fake, clock = khabar.fake, khabar.clock
    chat = fake.private(USER)
    (text,) = await say(khabar, chat, USER, "/weekly")
    assert "خاموش است" in text
    await say(khabar, chat, USER, "/subscribe خوزستان")
    (text,) = await say(khabar, chat, USER, "/weekly on جمعه ۱۸:۰۰")
    assert "جمعه" in text and "۱۸:۰۰" in text and "Asia/Tehran" in text
    due = await khabar.store.weekly.due_at(str(USER))
    assert due == datetime(2024, 5, 3, 18, 0, tzinfo=TEHRAN).timestamp()
    now = clock()
    archive = khabar.store.archive  # stories are archived as they are first seen: oldest first
    old = make_story("قدیمی", first_seen=now - timedelta(days=9))
    await archive.add(figured(old, Figure("۷۷ مورد", 77, "مورد", "قدیمی")))
    kerman = make_story("اعتیاد", province="کرمان", topics=("اعتیاد",), first_seen=now)
    await archive.add(figured(kerman, Figure("۹ نفر", 9, "نفر", "x")))
    divorce = make_story("طلاق در اهواز", first_seen=now + timedelta(days=1))
    await archive.add(figured(divorce, Figure("۱۲ درصد", 12, "درصد", "افزایش طلاق")))
    children = make_story("کودکان کار", topics=("کودکان",), first_seen=now + timedelta(days=1, hours=1))
    await archive.add(figured(children, Figure("۳۰۰ کودک", 300, "کودک", "کودکان کار در اهواز")))
    before = len(fake.messages_to(USER))
    clock.now = datetime(2024, 5, 3, 14, 31, tzinfo=UTC)  # Friday 18:01 in Tehran
    await fake.wait_for(lambda: len(fake.messages_to(USER)) > before, 10)
    post = fake.messages_to(USER)[-1]
    assert "عددهای هفته" in post.text and "#طلاق" in post.text and "#کودکان" in post.text
    assert "📍 خوزستان" in post.text and "۱۲ درصد" in post.text and "۳۰۰ کودک" in post.text
    assert "۹ نفر" not in post.text and "۷۷ مورد" not in post.text  # another province; older than a week
    assert 'href="https://news.example/' in post.html
    nxt = await khabar.store.weekly.due_at(str(USER))
    assert nxt == datetime(2024, 5, 10, 18, 0, tzinfo=TEHRAN).timestamp()
    (text,) = await say(khabar, chat, USER, "/weekly off")
    assert "خاموش شد" in text and await khabar.store.weekly.due_at(str(USER)) is None


async def test_weekly_guards_and_bad_arguments(khabar: Harness) -> None:
    fake = khabar.fake
    group = fake.add_chat(Chat(-4200, "group", title="گروه", admins={ADMIN}, creator=ADMIN))
    (text,) = await say(khabar, group, USER, "/weekly on")
    assert "مدیران گروه" in text
    chat = fake.private(USER)
    (text,) = await say(khabar, chat, USER, "/weekly sometimes")
    assert "/weekly on جمعه 18:00" in text
    (text,) = await say(khabar, chat, USER, "/weekly @somechannel on")
    assert "مدیران ربات" in text
    (text,) = await say(khabar, chat, ADMIN, "/weekly @somechannel on")
    assert "/channel add" in text  # not a channel khabar posts to


async def test_two_processes_post_a_chats_week_once(store: Store) -> None:
    """Two khabar processes tick at the same moment: the chat's post is queued once, then rescheduled."""
    settings = Settings()
    wednesday = datetime(2024, 5, 1, 4, 0, tzinfo=UTC)
    await store.archive.add(figured(make_story("طلاق", first_seen=wednesday), Figure("۱۲ درصد", 12, "درصد", "طلاق")))
    await WeeklyPoster(store, settings).opt_in("5", WeeklyPlan(4, time(18, 0)), wednesday)
    friday = datetime(2024, 5, 3, 15, 0, tzinfo=UTC)
    a, b = WeeklyPoster(store, settings), WeeklyPoster(store, settings)
    assert sorted(await asyncio.gather(a.post_due(friday), b.post_due(friday))) == [0, 1]
    assert len(await store.delivery.chat_jobs("5")) == 1
    assert await store.weekly.due_at("5") == datetime(2024, 5, 10, 18, 0, tzinfo=TEHRAN).timestamp()
    assert await a.post_due(friday + timedelta(minutes=10)) == 0  # nothing due until next Friday


async def test_a_week_missed_while_down_is_posted_at_the_next_start(fake: FakeBotAPI, clock: ManualClock) -> None:
    h, stop, task = await start_khabar(fake, clock)
    try:
        chat = fake.private(USER)
        await say(h, chat, USER, "/weekly on جمعه 18:00")
        await h.store.archive.add(
            figured(make_story("طلاق", first_seen=clock()), Figure("۱۲ درصد", 12, "درصد", "طلاق"))
        )
        await stop_khabar(stop, task)
        clock.now = datetime(2024, 5, 4, 6, 0, tzinfo=UTC)  # khabar was down over Friday 18:00
        before = len(fake.messages_to(USER))
        h, stop, task = await start_khabar(fake, clock, prefix=h.prefix)
        await fake.wait_for(lambda: len(fake.messages_to(USER)) > before, 10)
        assert "۱۲ درصد" in fake.messages_to(USER)[-1].text
        (text,) = await say(h, chat, USER, "/search طلاق")  # the archive outlived the restart too
        assert "۱ خبر" in text
    finally:
        await stop_khabar(stop, task)
        await delete_prefix(h.prefix)


@given(st.lists(st.text(max_size=30), max_size=60))
@hsettings(deadline=None)
def test_weekly_and_query_parsers_never_raise(args: list[str]) -> None:
    parse_weekly(args)
    parse_query(" ".join(args))
