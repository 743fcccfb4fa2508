"""digest/datestamp.py: date-stamp lines on article pages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from digest.datestamp import is_date_stamp, parse_date_stamp

TEHRAN = timezone(timedelta(hours=3, minutes=30))

STAMPS = [
    ("پنجشنبه ۱۹ بهمن ۱۴۰۲ - ۰۶:۵۸", datetime(2024, 2, 8, 6, 58, tzinfo=TEHRAN)),
    ("شنبه / ۲۱ بهمن ۱۴۰۲ / ۱۱:۴۵", datetime(2024, 2, 10, 11, 45, tzinfo=TEHRAN)),
    ("تاریخ انتشار: ۱۴۰۲/۱۱/۱۹ - ۰۶:۵۸", datetime(2024, 2, 8, 6, 58, tzinfo=TEHRAN)),
    ("پنج\u200cشنبه ۱۹ بهمن\u200cماه ۱۴۰۲ ساعت ۲۲:۱۰", datetime(2024, 2, 8, 22, 10, tzinfo=TEHRAN)),
    ("1403/01/01 08:00", datetime(2024, 3, 20, 8, 0, tzinfo=TEHRAN)),
    ("سه شنبه ۳۰ اسفند ۱۴۰۲", None),  # no time of day
    ("۱۰:۳۰", None),  # no date
    ("۳۱ اسفند ۱۴۰۲ - ۱۰:۰۰", None),  # Esfand never has 31 days
    ("چهارشنبه, ۲۶ اردیبهشت , ۱۴۰۳ | 8 ذو القعدة 1445", None),  # the lunar date beside it
    ("جمعه ۱۵ دی ۱۴۰۲ - 5 ژانویه 2024", None),  # and the Gregorian one
]
NOT_STAMPS = [
    "۱۲ هزار نفر در ۱۹ بهمن ۱۴۰۲ به این مراکز مراجعه کردند",
    "مدیرکل گفت: ساعت ۱۰:۳۰ جلسه است",
    "۱۴۰۲",
    "۲۶ اردیبهشت ۱۴۰۳ رمضان در راه است",
    "کد خبر: ۱۲۳۴۵",
    "",
]


@pytest.mark.parametrize(("line", "when"), STAMPS, ids=[s[0] for s in STAMPS])
def test_stamps(line: str, when: datetime | None) -> None:
    assert is_date_stamp(line)
    assert parse_date_stamp(line) == when


@pytest.mark.parametrize("line", NOT_STAMPS)
def test_text_is_not_a_stamp(line: str) -> None:
    assert not is_date_stamp(line)
