"""Date stamps on article pages: `پنجشنبه ۱۹ بهمن ۱۴۰۲ - ۰۶:۵۸`, `۱۴۰۲/۱۱/۱۹ ۰۶:۵۸`. Pure.

`is_date_stamp(line)` is True for a line made only of a date and/or time (weekday, day, Jalali month,
year, clock time, and labels such as «تاریخ انتشار:», «ساعت»): such a line is page furniture, not
article text. `parse_date_stamp(line)` reads a Jalali date with a clock time as an aware datetime in
Tehran time (None without a time of day, or when the date is impossible). Imports only digest.jalali
and digest.normalize.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import jdatetime

from digest.jalali import MONTHS, WEEKDAY_PATTERN
from digest.normalize import to_latin_digits

TEHRAN = timezone(timedelta(hours=3, minutes=30), "Asia/Tehran")  # no DST since 2022
_WEEKDAY = re.compile(WEEKDAY_PATTERN)
_LABELS = re.compile(
    r"تاریخ[\s\u200c]*(?:انتشار|خبر|درج)?|زمان[\s\u200c]*(?:انتشار|درج)|منتشر[\s\u200c]*شده"
    r"|به[\s\u200c]*روز[\s\u200c]*رسانی|بروزرسانی|ساعت|ماه|هجری|شمسی|خورشیدی"
)
_MONTH = "|".join(MONTHS)
# the same day in the lunar or Gregorian calendar beside the Jalali date («… | 8 ذو القعدة 1445»)
_OTHER_MONTHS = re.compile(
    r"محرم|صفر|ربیع[\s\u200c]*(?:ال)?(?:اول|ثانی|آخر)|جمادی[\s\u200c]*(?:ال)?(?:اول|ثانی|آخر)(?:ی)?|رجب|شعبان"
    r"|رمضان|شوال|ذ[وی][\s\u200c]*ال[\s\u200c]*(?:قعد|حج)[ةه]|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|آگوست"
    r"|سپتامبر|اکتبر|نوامبر|دسامبر|میلادی|قمری"
)
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?::[0-5]\d)?(?!\d)")
_WORDY_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s*({_MONTH})(?:[\s\u200c]*ماه)?\s*[,،]?\s*(1[34]\d\d)(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(1[34]\d\d)\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?!\d)")
_LEFTOVER = re.compile(r"[\d\s\u200c/\-–—:،,|.()]+")
MAX_STAMP_CHARS = 80


def _date_parts(line: str) -> tuple[int, int, int] | None:
    m = _WORDY_DATE.search(line)
    if m:
        return int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))
    n = _NUMERIC_DATE.search(line)
    if n:
        return int(n.group(1)), int(n.group(2)), int(n.group(3))
    return None


def is_weekday(word: str) -> bool:
    """`شنبه`, `سه‌شنبه`, `پنجشنبه`, `جمعه`: a day of the week, whatever its half-space."""
    return _WEEKDAY.fullmatch(word) is not None


def is_date_stamp(line: str) -> bool:
    """A short line holding nothing but a date and/or a time (and their labels)."""
    text = to_latin_digits(line.strip())
    if not text or len(text) > MAX_STAMP_CHARS or not (_TIME.search(text) or _date_parts(text)):
        return False
    rest = _LABELS.sub(" ", _WEEKDAY.sub(" ", _OTHER_MONTHS.sub(" ", re.sub(_MONTH, " ", text))))
    return _LEFTOVER.fullmatch(rest) is not None


def parse_date_stamp(line: str) -> datetime | None:
    """A Jalali date with a time of day → aware datetime (Tehran time); else None."""
    text = to_latin_digits(line)
    parts, clock = _date_parts(text), _TIME.search(text)
    if parts is None or clock is None:
        return None
    try:
        day = jdatetime.date(*parts).togregorian()
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, int(clock.group(1)), int(clock.group(2)), tzinfo=TEHRAN)
