"""Jalali (Solar Hijri) dates with Persian digits, in a chosen time zone. Imports only digest.normalize."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import jdatetime

from digest.normalize import to_persian_digits

MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
# a day of the week as pages write it, with or without its half-space: «شنبه», «سه‌شنبه», «پنجشنبه», «جمعه»
WEEKDAY_PATTERN = r"(?:(?:یک|دو|سه|چهار|پنج)[ \u200c]?)?شنبه|جمعه"


def jalali_date(moment: datetime, timezone: str = "Asia/Tehran", with_time: bool = True) -> str:
    """`۱۲ مرداد ۱۴۰۳، ۱۰:۳۰` for an aware datetime (a naive one is taken as UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    local = aware.astimezone(ZoneInfo(timezone))
    j = jdatetime.datetime.fromgregorian(datetime=local.replace(tzinfo=None))
    text = f"{j.day} {MONTHS[j.month - 1]} {j.year}"
    if with_time:
        text += f"، {local.hour:02d}:{local.minute:02d}"
    return to_persian_digits(text)
