"""digest.topics: the social flag and topic tags from the weighted lexicon."""

from __future__ import annotations

import pytest

from digest.normalize import normalize_fa
from digest.topics import LEXICON, TOPICS, canonical_topic, classify


def social(headline: str, body: str = "") -> bool:
    return classify(normalize_fa(headline), normalize_fa(body)).is_social


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("افزایش آمار طلاق در استان", ""),
        ("", "کودکان کار در خیابان‌های شهر دیده می‌شوند و بهزیستی طرح ساماندهی را اجرا می‌کند."),
        ("", "طلاق و اعتیاد در کنار بیکاری از مشکلات منطقه است."),
        ("توزیع بسته‌های معیشتی میان نیازمندان", "کمیته امداد ۴۰۰ بسته معیشتی توزیع کرد."),
        ("زلزله ۵ ریشتری خسارت زد", "هلال احمر به آسیب‌دیدگان کمک کرد."),
        ("آسيبهاي اجتماعي", "آسیب‌های اجتماعی در حاشیه شهر بیشتر است."),
        ("همسر آزاری", "پرونده‌های همسر آزاری در دادگاه خانواده بررسی شد."),
        ("واژگونی اتوبوس", "در این تصادف ۱۲ نفر مصدوم شدند و هلال احمر به محل حادثه اعزام شد."),
        ("گازگرفتگی ۳ نفر", "سه عضو یک خانواده بر اثر گازگرفتگی جان باختند."),
        ("افزایش حداقل دستمزد کارگران", "شورای عالی کار حداقل دستمزد را ۲۷ درصد افزایش داد."),
    ],
    ids=[
        "divorce_headline",
        "child_labour",
        "mixed_weak_terms",
        "aid",
        "earthquake",
        "arabic_letters",
        "glued_term_spaced_in_text",
        "road_accident",
        "gas_poisoning",
        "minimum_wage",
    ],
)
def test_social(headline: str, body: str) -> None:
    assert social(headline, body)


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("پیش‌بینی هوای آفتابی", "آسمان استان فردا صاف و آفتابی است."),
        (
            "رشد کاربران شبکه‌های اجتماعی",
            "شبکه‌های اجتماعی در ایران کاربران زیادی دارند و فضای اجتماعی تغییر کرده است.",
        ),
        ("صف خرید سکه", "معاملات آتی سکه در بورس کالا با افزایش قیمت ارز صف خرید شد."),
        ("پیروزی تیم ملی فوتبال", "بازیکنان تیم ملی در لیگ ملت‌ها به مصاف حریف رفتند."),
        ("دیدار وزیر خارجه با همتای ترکیه", "وزیر خارجه در آنکارا درباره تجارت دوجانبه گفت‌وگو کرد."),
        ("رشد شاخص بورس", "شاخص کل بورس ۲ درصد رشد کرد و ارزش معاملات افزایش یافت."),
    ],
    ids=["weather", "bare_ejtemai_never_decides", "market", "sport", "diplomacy", "stock_index"],
)
def test_not_social(headline: str, body: str) -> None:
    assert not social(headline, body)


def test_topic_tags_strongest_first() -> None:
    result = classify(normalize_fa("افزایش طلاق"), normalize_fa("طلاق و اعتیاد و طلاق در شهر زیاد شده است."))
    assert result.topics[0] == "طلاق"
    assert "اعتیاد" in result.topics


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("طلاق", "طلاق"),
        ("#حوادث_و_امداد", "حوادث و امداد"),
        ("آسیب های اجتماعی", "آسیب‌های اجتماعی"),
        ("معتاد", "اعتیاد"),
        ("فوتبال", None),
    ],
    ids=["plain", "hashtag", "spaced", "strong_term", "unknown"],
)
def test_canonical_topic(typed: str, topic: str | None) -> None:
    assert canonical_topic(typed) == topic


def test_lexicon_has_no_bare_ejtemai() -> None:
    phrases = {p for entries in LEXICON.values() for p, _ in entries}
    assert "اجتماعی" not in phrases
    assert set(TOPICS) == set(LEXICON)


def test_ministry_name_is_neutral() -> None:
    body = normalize_fa("معاون وزارت تعاون، کار و رفاه اجتماعی در جلسه شورای اداری حضور یافت.")
    assert classify("", body).score == 0
