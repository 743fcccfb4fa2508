"""Daily digest times and quiet hours in Tehran time."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from bot.delivery.schedule import hold_until, in_window, next_daily
from bot.store.subscriptions import Mode, Subscription

TEHRAN = ZoneInfo("Asia/Tehran")


def tehran(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2024, 5, day, hour, minute, tzinfo=TEHRAN)


def test_windows_wrap_midnight() -> None:
    night = (time(23), time(7))
    assert in_window(night, time(23, 30)) and in_window(night, time(3)) and not in_window(night, time(7))
    day = (time(13), time(15))
    assert in_window(day, time(14)) and not in_window(day, time(15)) and not in_window(day, time(12))


def test_instant_chat_sends_now_unless_quiet() -> None:
    sub = Subscription(1, quiet="23:00-07:00")
    assert hold_until(sub, tehran(12), TEHRAN) is None
    assert hold_until(sub, tehran(23, 30), TEHRAN) == tehran(7, day=2)
    assert hold_until(sub, tehran(2).astimezone(UTC), TEHRAN) == tehran(7)


def test_daily_chat_holds_until_its_time() -> None:
    sub = Subscription(1, mode=Mode.DAILY, daily_at="08:30")
    assert hold_until(sub, tehran(8), TEHRAN) == tehran(8, 30)
    assert hold_until(sub, tehran(9), TEHRAN) == tehran(8, 30, day=2)
    assert next_daily(sub, tehran(8, 30), TEHRAN, inclusive=False) == tehran(8, 30, day=2)


def test_daily_time_inside_quiet_hours_moves_to_their_end() -> None:
    sub = Subscription(1, mode=Mode.DAILY, daily_at="23:30", quiet="23:00-07:00")
    assert next_daily(sub, tehran(12), TEHRAN) == tehran(7, day=2)
