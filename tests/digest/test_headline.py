"""digest.headline: headline, kicker and body."""

from __future__ import annotations

import pytest

from digest.clean import clean_text
from digest.headline import clean_title, find_head


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("افزایش طلاق در استان - خبرگزاری فارس", "افزایش طلاق در استان"),
        ("افزایش طلاق | ایرنا", "افزایش طلاق"),
        ("فرماندار دشتی: زلزله خسارتی نداشت", "فرماندار دشتی: زلزله خسارتی نداشت"),
        ("  عنوان  با  فاصله ", "عنوان با فاصله"),
        ("كودكان كار", "کودکان کار"),
    ],
    ids=["agency_suffix", "pipe_suffix", "colon_kept", "spaces", "arabic_letters"],
)
def test_clean_title(title: str, cleaned: str) -> None:
    assert clean_title(title) == cleaned


def test_seed_headline_and_kicker_from_text(seed_text: str) -> None:
    head = find_head(clean_text(seed_text))
    assert head.headline == "خوزستان، یکی از استانهای پایلوت در طرح کودکان بازمانده از تحصیل"
    assert head.kicker == "مدیر کل دفتر امور آسیب های اجتماعی خبرداد"
    assert head.headline not in head.body  # the repeated title is not body text
    assert all(not p.startswith("مدیر کل دفتر امور آسیب های اجتماعی خبرداد") for p in head.body)


def test_published_title_wins() -> None:
    head = find_head(("خط اول کوتاه", "متن خبر اینجاست."), title="عنوان منتشرشده")
    assert head.headline == "عنوان منتشرشده"
    assert head.body == ("خط اول کوتاه", "متن خبر اینجاست.")


def test_first_short_line() -> None:
    head = find_head(("اعزام ۲۰ دانش‌آموز به اردو", "به گزارش ایرنا، ۲۰ دانش‌آموز به اردو اعزام شدند."))
    assert head.headline == "اعزام ۲۰ دانش‌آموز به اردو"
    assert head.body == ("به گزارش ایرنا، ۲۰ دانش‌آموز به اردو اعزام شدند.",)


def test_lead_core_when_no_short_line() -> None:
    lead = "خبرگزاری فارس: مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار از هفته آینده آغاز می‌شود."
    head = find_head((lead, "متن دوم خبر."))
    assert head.headline == "طرح ساماندهی کودکان کار از هفته آینده آغاز می‌شود"


def test_long_lead_is_cut_at_a_clause() -> None:
    lead = "مدیرکل گفت: " + "، ".join(["این طرح در شهرستان‌های استان اجرا می‌شود"] * 4) + "."
    headline = find_head((lead,)).headline
    assert len(headline.split()) <= 19
    assert headline.endswith("…")
