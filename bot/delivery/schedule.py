"""When held stories go out: daily digest times and the end of quiet hours. Pure time arithmetic.

All times of day are wall-clock times in KHABAR_TIMEZONE; `now` is an aware datetime (the injected
clock), so tests control time. A quiet window may wrap midnight (23:00-07:00).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.store.subscriptions import Mode, Subscription


def in_window(window: tuple[time, time], at: time) -> bool:
    start, end = window
    if start < end:
        return start <= at < end
    return at >= start or at < end  # wraps midnight


def _at(day: datetime, t: time, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, t.hour, t.minute, tzinfo=tz)


def next_occurrence(t: time, now: datetime, tz: ZoneInfo, *, inclusive: bool = False) -> datetime:
    """The next time the wall clock in `tz` shows `t` after `now` (or at `now`, if inclusive)."""
    local = now.astimezone(tz)
    candidate = _at(local, t, tz)
    if candidate < local or (candidate == local and not inclusive):
        candidate = _at(local + timedelta(days=1), t, tz)
    return candidate


def quiet_end(window: tuple[time, time], now: datetime, tz: ZoneInfo) -> datetime:
    """When the quiet window that contains `now` ends."""
    return next_occurrence(window[1], now, tz)


def hold_until(sub: Subscription, now: datetime, tz: ZoneInfo) -> datetime | None:
    """None: send a story now. Otherwise hold it for the digest that goes out at the returned time."""
    window = sub.quiet_window
    if sub.mode is Mode.DAILY and sub.daily_time is not None:
        return next_daily(sub, now, tz)
    if window and in_window(window, now.astimezone(tz).time()):
        return quiet_end(window, now, tz)
    return None


def next_daily(sub: Subscription, now: datetime, tz: ZoneInfo, *, inclusive: bool = True) -> datetime | None:
    """The next daily digest time of a daily-mode chat, moved to the end of quiet hours if inside."""
    if sub.daily_time is None:
        return None
    at = next_occurrence(sub.daily_time, now, tz, inclusive=inclusive)
    window = sub.quiet_window
    if window and in_window(window, at.time()):
        at = quiet_end(window, at, tz)
    return at
