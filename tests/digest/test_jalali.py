"""digest.jalali: Jalali dates with Persian digits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from digest.jalali import jalali_date


@pytest.mark.parametrize(
    ("moment", "zone", "expected"),
    [
        (datetime(2024, 8, 2, 7, 0, tzinfo=UTC), "Asia/Tehran", "۱۲ مرداد ۱۴۰۳، ۱۰:۳۰"),
        (datetime(2024, 3, 19, 21, 0, tzinfo=UTC), "Asia/Tehran", "۱ فروردین ۱۴۰۳، ۰۰:۳۰"),
        (datetime(2024, 3, 19, 21, 0, tzinfo=UTC), "UTC", "۲۹ اسفند ۱۴۰۲، ۲۱:۰۰"),
        (datetime(2024, 8, 2, 7, 0), "Asia/Tehran", "۱۲ مرداد ۱۴۰۳، ۱۰:۳۰"),
        (
            datetime(2024, 8, 2, 12, 0, tzinfo=timezone(timedelta(hours=5))),
            "Asia/Tehran",
            "۱۲ مرداد ۱۴۰۳، ۱۰:۳۰",
        ),
    ],
    ids=["tehran", "nowruz_boundary", "utc_zone", "naive_is_utc", "other_offset"],
)
def test_jalali_date(moment: datetime, zone: str, expected: str) -> None:
    assert jalali_date(moment, zone) == expected


def test_without_time() -> None:
    assert jalali_date(datetime(2024, 8, 2, 7, 0, tzinfo=UTC), with_time=False) == "۱۲ مرداد ۱۴۰۳"
