"""digest.figures: which numbers are key figures, with unit and context."""

from __future__ import annotations

import pytest

from digest.figures import MAX_FIGURES, extract_figures
from digest.normalize import normalize_fa


def figures(sentence: str) -> list[tuple[str, float, str | None]]:
    return [(f.text, f.number, f.unit) for f in extract_figures([normalize_fa(sentence)])]


KEPT = [
    ("money", "برای این طرح ۳ میلیارد ریال اعتبار اختصاص یافت.", ("۳ میلیارد ریال", 3e9, "ریال")),
    ("people_words", "ده هزار نفر در این طرح شرکت کردند.", ("ده هزار نفر", 1e4, "نفر")),
    ("percent_word", "نرخ بیکاری بیست و پنج درصد است.", ("بیست و پنج درصد", 25, "درصد")),
    ("percent_sign", "۴۰٪ خانوارها زیر خط فقر هستند.", ("۴۰٪", 40, "درصد")),
    ("glued_percent", "طلاق ۲۵درصد افزایش یافت.", ("۲۵درصد", 25, "درصد")),
    ("glued_unit", "این طرح در ۱۲شهر اجرا شد.", ("۱۲شهر", 12, "شهر")),
    ("adjectival_unit", "افزایش 140درصدی کشفیات گزارش شد.", ("140درصدی", 140, "درصد")),
    ("any_noun_after_digits", "از ۱۲۲ پروژه بهره برداری شد.", ("۱۲۲ پروژه", 122, "پروژه")),
    ("old_slash_decimal", "سهم این شهرستان 6/12 درصد است.", ("6/12 درصد", 12.6, "درصد")),
    ("thousands_separator", "۱۰٬۰۰۰ بسته توزیع شد.", ("۱۰٬۰۰۰ بسته", 1e4, "بسته")),
    ("scale_words", "دو و نیم میلیون نفر بیمه شدند.", ("دو و نیم میلیون نفر", 2.5e6, "نفر")),
    ("trillion", "هزار میلیارد تومان تسهیلات پرداخت شد.", ("هزار میلیارد تومان", 1e12, "تومان")),
    ("hundred_and_twenty", "یکصد و بیست مورد ثبت شد.", ("یکصد و بیست مورد", 120, "مورد")),
    ("one_with_count_unit", "در این حادثه يك كشته گزارش شد.", ("یک کشته", 1, "کشته")),
    ("magnitude", "زلزله‌ای به بزرگی ۴/۴ ریشتر رخ داد.", ("۴/۴ ریشتر", 4.4, "ریشتر")),
    ("fraction", "یک چهارم نفت کشور از این شهرستان است.", ("یک چهارم", 0.25, None)),
    ("fraction_percent", "سهم این شهر یک دهم درصد است.", ("یک دهم درصد", 0.1, "درصد")),
    ("after_a_dropped_list", "طبق مواد ۱۲، ۱۳ و ۱۴ قانون ۳ نفر محکوم شدند.", ("۳ نفر", 3, "نفر")),
    ("after_dropped_years", "در سال‌های ۹۸ و ۹۹ و ۱۰ نفر دیگر", ("۱۰ نفر", 10, "نفر")),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in KEPT], ids=[c[0] for c in KEPT])
def test_kept(sentence: str, expected: tuple[str, float, str | None]) -> None:
    assert expected in figures(sentence)


DROPPED = [
    ("year_after_sal", "این قانون در سال ۱۴۰۲ تصویب شد."),
    ("bare_year", "در 1399 اتفاق افتاد و 2020 هم همینطور."),
    ("date", "جلسه در تاریخ ۱۴۰۳/۰۵/۱۲ برگزار شد."),
    ("day_month", "جلسه ۱۲ خرداد برگزار شد."),
    ("year_after_month", "نمایشگاه تا ۳۰ فروردین ۹۱ ادامه دارد."),
    ("clock", "ساعت 6:42 صبح زلزله آمد."),
    ("phone", "با شماره ۰۲۱۸۸۸۸۸۸۸۸ تماس بگیرید."),
    ("long_digits_no_unit", "پیامک به 3000123456 ارسال شد."),
    ("news_code", "کد خبر ۱۲۳۴۵۶ منتشر شد."),
    ("law_article", "طبق ماده ۱۰ قانون حمایت از خانواده اقدام شد."),
    ("note", "تبصره ۲ این ماده اجرا نشد."),
    ("views", "این خبر ۲۳۴ بازدید داشت."),
    ("indefinite_yek", "امید می‌تواند رویکرد یک سیاسی مثبت باشد."),
    ("yeki", "خوزستان یکی از استانهای پایلوت است."),
    ("no_is_not_nine", "نه دولت و نه مجلس پاسخ ندادند."),
    ("ordinal_word", "مرحله دهم طرح آغاز شد."),
    ("ordinal_digits", "برای ۱۲مین بار برگزار شد."),
    ("duration", "تا یک ماه آینده و در ۱۰ سال اخیر تغییری نکرد."),
    ("coordinates", "در عرض جغرافیایی 31.896 رخ داد."),
    ("account_number", "شماره حساب 3333 بانک ملی اعلام شد."),
    ("resolution", "قطعنامه ۲۲۳۱ شورای امنیت نقض شد."),
    ("scale_word_alone", "کمتر از چندین میلیون هزینه دارد."),
    ("listed_years", "در سال‌های ۹۸ و ۹۹ چنین بود."),
    ("listed_law_articles", "مواد ۱۲، ۱۳ و ۱۴ قانون اجرا نشد."),
    ("ordinal_after_word", "مرحله دوم طرح آغاز شد."),
    ("plural_tens", "دهها نفر و صدها خانواده آسیب دیدند."),
]


@pytest.mark.parametrize("sentence", [s for _, s in DROPPED], ids=[c[0] for c in DROPPED])
def test_dropped(sentence: str) -> None:
    assert figures(sentence) == []


def test_range_is_one_figure() -> None:
    found = figures("سهم پرداخت از جیب مردم ۵۹ تا ۶۵ درصد بود.")
    assert found == [("۵۹ تا ۶۵ درصد", 65, "درصد")]


def test_context_of_seed_figure() -> None:
    sentence = normalize_fa(
        "خوزستان در برخی شاخص ها از وضعیت مناسبی برخوردار بوده؛ که از آن جمله آمار طلاق، "
        "که جزء ۱۰ استان انتهایی اعلام شده است."
    )
    (figure,) = extract_figures([sentence])
    assert figure.text == "۱۰ استان"
    assert "جزء ۱۰ استان انتهایی" in figure.context
    assert "طلاق" in figure.context
    assert not figure.context.endswith("است")
    assert figure.sentence == sentence


def test_headline_figure_ranks_first_and_dedupes() -> None:
    body = [normalize_fa(s) for s in ["در این مراسم ۲ دستگاه آمبولانس اهدا شد.", "۵۰۰ بسته معیشتی توزیع شد."]]
    found = extract_figures(body, headline=normalize_fa("توزیع ۵۰۰ بسته معیشتی"))
    assert [f.text for f in found] == ["۵۰۰ بسته", "۲ دستگاه"]
    assert found[0].sentence == body[1]  # shown with its body sentence


def test_money_outranks_small_counts() -> None:
    found = extract_figures([normalize_fa("دو نفر آمدند و ۴۰۰ میلیارد ریال اعتبار و ۳ دستگاه خودرو اختصاص یافت.")])
    assert found[0].unit == "ریال"


def test_limit() -> None:
    sentence = normalize_fa("، ".join(f"{n} پروژه" for n in range(11, 31)) + " افتتاح شد.")
    assert len(extract_figures([sentence])) == MAX_FIGURES
