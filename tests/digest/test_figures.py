"""digest.figures: which numbers are key figures, with unit and context."""

from __future__ import annotations

import pytest

from digest.figures import MAX_FIGURES, extract_figures
from digest.normalize import normalize_fa


def figures(sentence: str) -> list[tuple[str, float, str | None]]:
    return [(f.text, f.number, f.unit) for f in extract_figures([normalize_fa(sentence)])]


KEPT = [
    ("months_of_unpaid_wages", "کارگران سه ماه حقوق معوقه دارند.", ("سه ماه", 3, "ماه")),
    ("months_of_claims", "کارگران حدود ۱۷ ماه از مطالبات معوقه خود را نگرفته‌اند.", ("۱۷ ماه", 17, "ماه")),
    ("days_of_dust", "استان امسال شاهد ۱۲ روز آلودگی ناشی از گرد و غبار بوده است.", ("۱۲ روز", 12, "روز")),
    ("money", "برای این طرح ۳ میلیارد ریال اعتبار اختصاص یافت.", ("۳ میلیارد ریال", 3e9, "ریال")),
    ("people_words", "ده هزار نفر در این طرح شرکت کردند.", ("ده هزار نفر", 1e4, "نفر")),
    ("percent_word", "نرخ بیکاری بیست و پنج درصد است.", ("بیست و پنج درصد", 25, "درصد")),
    ("percent_sign", "۴۰٪ خانوارها زیر خط فقر هستند.", ("۴۰٪", 40, "درصد")),
    ("three_digits_after_a_month", "کارخانه دستمزد تیرماه ۹۰۰ پرسنل را داد.", ("۹۰۰ پرسنل", 900, "پرسنل")),
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
    ("count_not_a_hotline", "۱۲۳ مورد کودک‌آزاری ثبت شد.", ("۱۲۳ مورد", 123, "مورد")),
    ("calls_as_unit", "بیش از ۲۰ هزار تماس با اورژانس اجتماعی ثبت شد.", ("۲۰ هزار تماس", 2e4, "تماس")),
    ("unknown_countable_noun", "۳۰۰ مددجو و ۴۵ سرپناه ساخته شد.", ("۴۵ سرپناه", 45, "سرپناه")),
    ("about", "حدود ۵۰۰ نفر در مراسم حضور داشتند.", ("۵۰۰ نفر", 500, "نفر")),
    ("less_than", "کمتر از ۱۰ درصد معلولان شاغلند.", ("۱۰ درصد", 10, "درصد")),
    ("trillion_rial", "۱۲ هزار میلیارد ریال اعتبار دارد.", ("۱۲ هزار میلیارد ریال", 1.2e13, "ریال")),
    ("glued_third", "یک‌سوم خانوارها زیر خط فقرند.", ("یک‌سوم", 1 / 3, None)),
    ("latin_digits", "120 نفر در طرح شرکت کردند.", ("120 نفر", 120, "نفر")),
    ("percent_sign_first", "طلاق %۲۵ افزایش یافت.", ("۲۵", 25, "درصد")),
    ("from_to_change", "خانه‌های امن از ۲ به ۴ واحد افزایش می‌یابد.", ("۲ به ۴ واحد", 4, "واحد")),
    ("bare_ratio", "نسبت ازدواج به طلاق به ۲.۶ رسیده است.", ("۲.۶", 2.6, None)),
    ("range_of_money", "هر کیلو بین ۴۵ تا ۶۰ هزار تومان است.", ("۴۵ تا ۶۰ هزار تومان", 6e4, "تومان")),
    # D2: the count after a year is read on its own
    ("count_after_year", "در سال 87 چهار هزار و 60 طلاق ثبت شد.", ("چهار هزار و 60 طلاق", 4060, "طلاق")),
    # D3: glued ones + scale
    ("glued_thousand", "پنجهزار و ۳۰۰ بسته توزیع شد.", ("پنجهزار و ۳۰۰ بسته", 5300, "بسته")),
    # D4: spelled-out numbers before countable nouns
    ("spelled_children", "این مادر چهار فرزند معلول دارد.", ("چهار فرزند", 4, "فرزند")),
    ("spelled_blankets", "دو هزار تخته پتو ارسال شد.", ("دو هزار تخته", 2000, "تخته")),
    ("spelled_any_noun_from_ten", "بیست کانتینر آب معدنی رسید.", ("بیست کانتینر", 20, "کانتینر")),
    ("one_measure", "دو دستگاه آمبولانس و یک دستگاه کانکس اعزام شد.", ("یک دستگاه", 1, "دستگاه")),
    # D6: a percent after a month is a figure
    ("percent_after_month", "تورم در آبان ماه ۳.۷ درصد بود.", ("۳.۷ درصد", 3.7, "درصد")),
    ("percent_after_month_name", "بیکاری در آذر ۹.۱ درصد بود.", ("۹.۱ درصد", 9.1, "درصد")),
    # D7: a count after "با" that is not a hotline number
    ("count_after_ba", "این شهرستان با ۳۴۷ مورد در صدر است.", ("۳۴۷ مورد", 347, "مورد")),
    ("year_like_count", "۱۴۰۲ نفر ثبت‌نام کردند.", ("۱۴۰۲ نفر", 1402, "نفر")),
    ("quake_distance", "کانون زلزله در ۱۲ کیلومتری شهر بود.", ("۱۲ کیلومتری", 12, "کیلومتر")),
    ("one_person", "در این حادثه یک آتش نشان مصدوم شد.", ("یک آتش نشان", 1, "آتش‌نشان")),
    ("one_person_nafar", "یک نفر در این حادثه جان باخت.", ("یک نفر", 1, "نفر")),
    ("possessive_unit", "روستاهایی هست که ۸۰ درصدشان بیمه ندارند.", ("۸۰ درصدشان", 80, "درصد")),
    # D10: digits after a headline slash
    ("after_slash", "اسکان اضطراری در شهر الف/۴۰ هزار نفر بی‌خانمان شدند", ("۴۰ هزار نفر", 4e4, "نفر")),
    # D13
    ("half_a_million", "نیم میلیون نفر بی‌آب ماندند.", ("نیم میلیون نفر", 5e5, "نفر")),
    ("whole_and_tenths", "نرخ رشد سه و دو دهم درصد شد.", ("سه و دو دهم درصد", 3.2, "درصد")),
    ("adjectival_million", "این کلانشهر ۲ میلیونی هنوز آب ندارد.", ("۲ میلیونی", 2e6, None)),
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
    ("four_digit_year_after_month_before_a_noun", "دستمزد تیرماه ۱۴۰۲ کارگران پرداخت شد."),
    ("a_clotting_factor", "داروی فاکتور ۹ بیماران هموفیلی نایاب شد."),
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
    ("hotline_line", "با خط ۱۲۳ اورژانس اجتماعی تماس بگیرید."),
    ("hotline_phone", "تلفن ۱۴۸۰ پاسخگوی مردم است."),
    ("hotline_number", "با شماره ۱۵۷۰ تماس بگیرید."),
    ("hotline_system", "سامانه ۱۹۰ برای گزارش فعال است."),
    ("hotline_code", "کد ۱۱۵ را شماره‌گیری کنید."),
    ("emergency_two_words_back", "اورژانس اجتماعی ۱۲۳ شبانه‌روزی فعال است."),
    ("counsellor_voice", "خط صدای مشاور ۱۴۸۰ فعال است."),
    ("dial_verb_after", "با ۱۱۵ تماس بگیرید."),
    ("age_range", "نرخ بیکاری جوانان ۱۵ تا ۲۹ ساله بالاست."),
    ("date_range", "نمایشگاه از ۱۰ تا ۱۵ خرداد برپاست."),
    ("age_reached", "سن ازدواج به ۲۸ سال رسید."),
    # D6: dates the exclusions missed
    ("month_glued_to_maah", "مراسم ۲۲ بهمنماه برگزار شد."),
    ("month_half_space_maah", "مراسم ۵ دی‌ماه برگزار شد."),
    ("latin_date", "the report of 7 January 2019 says"),
    ("latin_date_in_persian", "گزارش 21 August 2020 منتشر شد."),
    # D7: hotlines after به/با/از
    ("hotline_after_ba", "تماس با ۱۲۳ شبانه‌روزی است."),
    ("hotline_after_be", "مردم حوادث را به ۱۱۰ اطلاع دهند."),
    ("hotline_after_az", "از ۱۲۵ کمک بخواهید."),
    # model names, codes, outlet names and stamps
    ("model_name", "هواپیماهای B-737 خریداری شد."),
    ("model_name_alone", "هواپیمای MD-83 فرود آمد."),
    ("hex_run", "فایل 4be9a07c2d بارگذاری شد."),
    ("outlet_with_digits", "به گزارش اقتصاد ۲۴ این طرح اجرا شد."),
    ("outlet_with_latin_digits", "پایگاه خبری سلامت 24 نوشت."),
    ("iso_stamp", "date 2024-03-09 مدیرکل گفت"),
    ("jalali_stamp", "۱۴۰۲/۱۱/۰۳ - ۰۹:۲۰ مدیرکل گفت"),
    # indefinite یک, vague quantities, decades
    ("indefinite_plan", "شهرداری یک طرح تازه دارد."),
    ("decades", "این باشگاه در دهه 50 و 70 سه بار قهرمان شد."),
    ("every_three", "هر سه طرف توافق کردند."),
    ("hyphen_date_day_first", "تاریخ انتشار: ۰۸:۱۵ - ۱۴-۰۳-۱۳۹۸"),
    ("clock_glued_to_iso_date", "ساعت 06:402019-11-23اجتماعی"),
    ("ussd_code", "با کد دستوری #۱۲۳*۴۵۶۷# کمک کنید."),
    ("hashtag", "پویش #همدلی۱۴ ادامه دارد."),
    ("rate_base", "نرخ طلاق به ازای هر هزار نفر بالاست."),
    ("service_number", "ستاد ۱۲۵ آتش‌نشانی خبر داد."),
    ("group_size", "گروه‌های ۸ تا ۱۲ نفره تشکیل شد."),
    ("decile", "دهک‌های ۲ و ۳ و دهک ۴ یارانه گرفتند."),
    ("deciles_as_unit", "یارانه ۳ دهک پایین افزایش یافت."),
    ("year_before_a_name", "ویژه برنامه نوروزی ۱۴۰۳ فرداتی پخش شد."),
    ("afghan_month", "این حادثه ۱۲ حوت ۱۴۰۱ رخ داد."),
    ("season_year", "آمار پاییز ۹۸ منتشر شد."),
    ("year_after_glued_date", "شنبه۲۰مهرماه۹۷ مردم تجمع کردند."),
    ("outlet_news_24", "به گزارش ایران نیوز 24 کار تمام است."),
    ("year_range", "در سال 88 تا 89 میانگین سنی بالا رفت."),
    ("locating_distance", "این روستا در ۴۵ کیلومتری شهر قرار دارد."),
    ("road_marker", "واژگونی مینی‌بوس در کیلومتر ۱۵ محور مرند رخ داد."),
    ("truck_size", "کمک‌ها با یک کامیون ۱۰ تنی ارسال شد."),
    ("bag_size", "کیسه‌های ۱۰ کیلویی آرد آماده شد."),
    ("bulb_size", "لامپ‌های ۱۰۰ واتی جمع‌آوری شد."),
    ("ages_listed", "فرزندان ۱۴، ۱۶ و ۱۹ ساله او ترک تحصیل کردند."),
    ("segment_number", "قطعه ۷ آزادراه هنوز تکمیل نشده است."),
    ("phase_number", "فاز ۲ طرح مسکن افتتاح شد."),
    ("a_duration_alone", "این طرح سه ماه طول کشید."),
    ("archive_counter", "۵۰ مطلب از این نویسنده منتشر شده است."),
    ("session_number", "در جلسه ۹۵ شورای شهر این موضوع بررسی شد."),
    ("misspelt_month", "این طرح از ۱۶ فرودین آغاز می‌شود."),
    ("ordinal_with_glued_and", "چهل ویکمین سالگرد انقلاب برگزار شد."),
    ("nature_day", "مراسم سیزده بدر در پارک‌ها برگزار شد."),
    ("kind_of_year", "بهسازی پل‌ها در سال عمرانی 97 در روستاها انجام شد."),
    ("disease_name", "کارگران بعد از شیوع کووید 19 بیکار شدند."),
    ("latin_debris", "c 250 150 16777215 00 images thumbnail"),
    ("widget_line", "۲ نفر"),
    ("number_word_in_a_place_name", "کمک به زلزله‌زدگان سی سخت ادامه دارد."),
    ("letters_of_a_loanword", "حال بیمار وخیم است و در آی سی یو بستری شد و سی تی اسکن شد."),
    ("a_page_number", "منبع: روزنامه ایران، ص ۲۹"),
    ("a_whole_number_counting_nothing_named", "مسکن مهر پس از سیل ۹۸ توسط ارتش ساخته شد و tid 2271 ثبت شد."),
    ("villages_named_with_number_words", "مدیرکل از روستاهای مشکنان، شصت پیچ، اسکر و ده دیوان بازدید کرد."),
    ("a_page_fields_value", "view:88 منبع: خبر انلاین - 10 ماه پیش"),
    ("a_village_named_after_a_man", "فرماندار از روستای ده علی بازدید کرد و بخشی از روستای ده محسن رانش دارد."),
    ("a_gregorian_month_in_persian_letters", "جمعه 9 آگوست 2019 و 3 اگوست"),
    ("a_news_id_its_label_glued", "سرویس: اجتماعیکد خبر: 294627"),
    ("a_news_id_its_label_cut", "خبر : 33086 || تاریخ : ۱۳۹۷/۰۳/۲۷ ۲۰:۰۶ استانها"),
    ("the_second_of_two_articles", "اگر مواد ۱۵ و ۱۶ حذف نشود در انتخابات شرکت نمی‌کنیم."),
    ("an_ordinal_glued_to_its_and", "بیستویکمین جشنواره و سیوچهارم همایش برگزار شد."),
    ("a_vague_thousands", "چند هزار نفر و چندین هزار نفر دیگر و ده ها هزار نفر آمدند."),
    ("a_reference_with_dar_glued", "جلسه درساعت 18 یکشنبه درسال 98 برگزار شد."),
    ("model_year", "یک پژوی مدل ۸۶ دارم و خانه ندارم."),
    ("age_with_possessive", "برادر ۱۴ ساله‌اش نیز در این حادثه جان باخت."),
    ("a_verb_after_a_number", "این خیابان از کوچه ۴۴ رد می‌کند."),
]


@pytest.mark.parametrize("sentence", [s for _, s in DROPPED], ids=[c[0] for c in DROPPED])
def test_dropped(sentence: str) -> None:
    assert figures(sentence) == []


def test_range_is_one_figure() -> None:
    found = figures("سهم پرداخت از جیب مردم ۵۹ تا ۶۵ درصد بود.")
    assert found == [("۵۹ تا ۶۵ درصد", 65, "درصد")]


def test_age_threshold_is_context_not_a_figure() -> None:
    (figure,) = extract_figures([normalize_fa("۷۰ درصد متقاضیان طلاق زیر ۳۰ سال سن دارند.")])
    assert (figure.text, figure.number) == ("۷۰ درصد", 70)
    assert "زیر ۳۰ سال" in figure.context


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [("بیش از ۶۰ درصد زن هستند.", "بیش از"), ("حدود ۵۰۰ نفر آمدند.", "حدود"), ("کمتر از ۱۰ درصد شاغلند.", "کمتر از")],
    ids=["more_than", "about", "less_than"],
)
def test_qualifier_stays_in_context(sentence: str, qualifier: str) -> None:
    (figure,) = extract_figures([normalize_fa(sentence)])
    assert figure.context.startswith(qualifier)


HEADLINE_ROUNDINGS = [
    ("rounded_count", "ثبت ۴ هزار طلاق در استان", "۴ هزار و ۲۰۰ مورد طلاق ثبت شد.", ["۴ هزار و ۲۰۰ مورد"]),
    ("exact_repeat", "توزیع ۵۰۰ بسته", "۵۰۰ بسته توزیع شد.", ["۵۰۰ بسته"]),
    ("too_far_apart", "ثبت ۴ هزار طلاق", "۵ هزار و ۲۰۰ مورد طلاق ثبت شد.", ["۴ هزار طلاق", "۵ هزار و ۲۰۰ مورد"]),
    ("percent_is_not_a_count", "رشد ۲۰ درصدی", "۲۱ نفر استخدام شدند.", ["۲۰ درصدی", "۲۱ نفر"]),
    ("not_rounder", "ثبت ۴۲۰۰ طلاق", "۴ هزار مورد طلاق ثبت شد.", ["۴۲۰۰ طلاق", "۴ هزار مورد"]),
]


@pytest.mark.parametrize(
    ("headline", "body", "texts"), [c[1:] for c in HEADLINE_ROUNDINGS], ids=[c[0] for c in HEADLINE_ROUNDINGS]
)
def test_headline_rounding_is_the_body_figure(headline: str, body: str, texts: list[str]) -> None:
    found = extract_figures([normalize_fa(body)], headline=normalize_fa(headline))
    assert sorted(f.text for f in found) == sorted(texts)


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


def test_year_before_spelled_count_is_not_a_figure() -> None:
    """D2: «در سال 87 چهار هزار و 60 طلاق»: 87 is the year, the count is 4060."""
    assert [f[1] for f in figures("در سال 87 چهار هزار و 60 طلاق ثبت شد.")] == [4060]


def test_list_inherits_unit() -> None:
    """D1: the bare numbers of a "PLACE با N" list take the unit named after the list."""
    sentence = normalize_fa("شهرستان الف با ۴۱۲، شهرستان ب با ۳۰۵ و شهرستان ج با ۲۱۰ پرونده در صدرند.")
    assert figures(sentence) == [("۴۱۲", 412, "پرونده"), ("۳۰۵", 305, "پرونده"), ("۲۱۰ پرونده", 210, "پرونده")]


def test_relief_goods_outrank_small_counts() -> None:
    """D1: a relief-goods count ranks above a small descriptive count of the same sentence."""
    found = figures("در ۵ روستا ۴۵۰ تخته پتو توزیع شد.")
    assert found[0] == ("۴۵۰ تخته", 450, "تخته")


def test_strong_figures_pass_the_base_count() -> None:
    """D1: past the most salient figures, every strong one is kept (a long statistical story)."""
    sentence = normalize_fa("، ".join(f"{n} میلیارد ریال" for n in range(11, 22)) + " اختصاص یافت.")
    assert len(extract_figures([sentence])) == 11


def test_weak_figures_stop_at_the_base_count() -> None:
    body = [normalize_fa(f"در بند {n} آمده است که {n} بار تکرار شد.") for n in range(11, 23)]
    body += [normalize_fa(f"او {n} گفت.") for n in range(31, 43)]
    assert len(extract_figures(body)) == 8  # 24 weak candidates


def test_same_measure_different_goods_are_two_facts() -> None:
    """D5: «۲۰۰ کیلوگرم شکر … ۲۰۰ کیلوگرم چای» are two facts."""
    found = figures("۲۰۰ کیلوگرم شکر توزیع شد و ۲۰۰ کیلوگرم چای هم رسید.")
    assert [f[0] for f in found] == ["۲۰۰ کیلوگرم", "۲۰۰ کیلوگرم"]


def test_distinctive_number_restated_is_one_fact() -> None:
    """D5: «هزار و ۴۰۰ مورد … هزار و ۴۰۰ درخواست» is one fact, shown once."""
    body = [normalize_fa("هزار و ۴۰۰ مورد ثبت شد."), normalize_fa("این هزار و ۴۰۰ درخواست بررسی می‌شود.")]
    assert [f.number for f in extract_figures(body)] == [1400]


def test_round_number_with_other_unit_is_another_fact() -> None:
    body = [normalize_fa("۳۰۰ نفر اسکان یافتند."), normalize_fa("۳۰۰ چادر برپا شد.")]
    assert [f.unit for f in extract_figures(body)] == ["چادر", "نفر"]


def test_headline_count_restated_in_body_is_one_fact() -> None:
    """D5: the title's «۳ اتوبوس» and the body's «سه دستگاه اتوبوس» are one fact."""
    body = [normalize_fa("سه دستگاه اتوبوس به ناوگان شهری اضافه شد.")]
    found = extract_figures(body, headline=normalize_fa("ورود ۳ اتوبوس به ناوگان"))
    assert [f.text for f in found] == ["سه دستگاه"]


def test_slash_decimals_in_reading_order() -> None:
    """A document that writes `37/4` (whole part longer) writes slash decimals in reading order."""
    body = [normalize_fa("سهم زنان 37/4 درصد و سهم کودکان 8/6 درصد است.")]
    assert [f.number for f in extract_figures(body)] == [37.4, 8.6]


def test_a_decimal_with_its_slash_spaced_on_one_side() -> None:
    """«4/ 16 درصد», «43 /1 درصد»: typed right to left; the number beside «درصد» is the whole part."""
    body = [normalize_fa("سهم کارگران 4/ 16 درصد و رشد جمعیت 43 /1 درصد است و 20 / 30 درصد نه.")]
    assert sorted(f.number for f in extract_figures(body)) == [1.43, 16.4, 30.0]  # « / » parts two numbers


def test_a_spaced_slash_decimal_before_a_scale() -> None:
    """«۵/ ۲۶میلیون نفر»: the same right-to-left decimal before a scale glued or spaced after it."""
    body = [normalize_fa("جمعیت فعال ۵/ ۲۶میلیون نفر و فارغ التحصیلان ۱/ ۵ میلیون نفر بودند.")]
    assert [f.number for f in extract_figures(body)] == [26_500_000, 5_100_000]


def test_a_lunar_month_in_two_words_is_a_date() -> None:
    for month in ("ذی الحجه", "ذو القعدة"):
        body = [normalize_fa(f"به مناسبت 25 {month} روز ملی خانواده ۳۰ زوج جوان هدیه گرفتند.")]
        assert [f.text for f in extract_figures(body)] == ["۳۰ زوج"]


def test_slash_decimals_bidi_reversed() -> None:
    """Old texts with no such number keep the reversed reading (`6/12` = 12.6)."""
    body = [normalize_fa("سهم زنان 5/2 درصد و سهم کودکان 8/6 درصد است.")]
    assert [f.number for f in extract_figures(body)] == [2.5, 6.8]


def test_title_restates_body_count_with_another_noun() -> None:
    """A title's «نجات ۱۸ کوهنورد» is the body's «۱۸ نفر»: one fact."""
    body = [normalize_fa("در مجموع ۱۸ نفر از ارتفاعات نجات یافتند.")]
    found = extract_figures(body, headline=normalize_fa("نجات ۱۸ کوهنورد گرفتار در کولاک"))
    assert [f.text for f in found] == ["۱۸ نفر"]


def test_small_title_number_with_another_noun_is_another_fact() -> None:
    """«۲ سارق» (title) and «دو منزل» (body) are two facts."""
    body = [normalize_fa("این سارقان دو منزل را خالی کرده بودند.")]
    found = extract_figures(body, headline=normalize_fa("۲ سارق منازل دستگیر شدند"))
    assert sorted(f.text for f in found) == sorted(["دو منزل", "۲ سارق"])


def test_hemat_is_a_thousand_billion_toman() -> None:
    assert figures("مدیرکل گفت: ۱۲ همت برای مسکن محرومان اختصاص یافت.") == [("۱۲ همت", 12e12, "همت")]


def test_one_person_counts_only_in_a_toll() -> None:
    assert figures("در این حادثه یک نفر جان باخت و دو نفر مصدوم شدند.")[0][:2] == ("یک نفر", 1)
    assert [t for t, _, _ in figures("یک کودک ۵ ساله در این مرکز از ۲۰ خدمت بهره‌مند شد.")] == ["۲۰ خدمت"]


def test_half_of_and_one_vehicle_are_no_figures_but_a_listed_vehicle_is() -> None:
    assert [t for t, _, _ in figures("نیمی از ساکنان روستا ۱۲۰ خانوار را تشکیل می‌دهند.")] == ["۱۲۰ خانوار"]
    assert [t for t, _, _ in figures("برخورد یک دستگاه پژو با کامیون ۳ مصدوم داشت.")] == ["۳ مصدوم"]
    found = [t for t, _, _ in figures("این اداره کل ۲ دستگاه آمبولانس و یک دستگاه کانکس به منطقه اعزام کرد.")]
    assert "یک دستگاه" in found


def test_digits_glued_to_their_unit() -> None:
    found = figures("مدیرکل گفت: آب شرب ۱۳۰روستا تامین شد و تعداد به۱۰۰واحد رسید.")
    assert [(t, n) for t, n, _ in found] == [("۱۳۰روستا", 130.0), ("۱۰۰واحد", 100.0)]


def test_text_cut_mid_number_gives_no_figure() -> None:
    sentences = [
        "مدیرکل ثبت احوال گفت: ۱۲ هزار ازدواج ثبت شد.",
        "نرخ ثبت ازدواج ۷.۷ درصد بود.",
        "بر اساس بررسی‌ها در سال گذشته ۷۲",
    ]
    assert [f.text for f in extract_figures(sentences)] == ["۱۲ هزار ازدواج", "۷.۷ درصد"]
    for cut in ("بالغ بر ۲۰ میلیا", "به ۳۴ هز", "بیش از ۱۹ میلیو"):
        assert [f.text for f in extract_figures([*sentences[:2], cut])] == ["۱۲ هزار ازدواج", "۷.۷ درصد"], cut
    assert "۳۴ هزار نفر" in [f.text for f in extract_figures([*sentences[:2], "به ۳۴ هزار نفر"])]


@pytest.mark.parametrize(
    "line", ["۱۲۵۰ بازدید", "۳ دیدگاه برای این خبر ثبت شده است", "این خبر ۱۲ نظر دارد", "تهران ۲۳° صاف و آفتابی"]
)
def test_page_chrome_counters_are_no_figures(line: str) -> None:
    assert extract_figures([normalize_fa("مدیرکل گفت: ۵۰۰ خانوار کمک گرفتند."), normalize_fa(line)]) == tuple(
        extract_figures([normalize_fa("مدیرکل گفت: ۵۰۰ خانوار کمک گرفتند.")])
    )


def test_a_titles_unitless_restatement_of_money_is_the_same_fact() -> None:
    found = extract_figures(["اعتبار ۶۷ میلیارد ریال برای این طرح هزینه شد."], "افتتاح طرح ۶۷ میلیاردی")
    assert [(f.text, f.number) for f in found] == [("۶۷ میلیارد ریال", 6.7e10)]


def test_zero_is_no_key_figure() -> None:
    found = extract_figures(["بازدید : 817 نظرات (0)", "در این حادثه ۰ نفر فوت و ۱۲ نفر مصدوم شدند."])
    assert all(f.number != 0 for f in found)
    assert any(f.number == 12 for f in found)


def test_a_car_model_and_a_lunar_date_are_no_figures() -> None:
    assert [f.text for f in extract_figures(["خودرو پژو 405 در محور نمونه واژگون و یک نفر کشته شد."])] == ["یک نفر"]
    assert extract_figures(["جمعه ۲ آذر ۱۴۰۳ |۲۰ جمادی‌الاول ۱۴۴۶ | Nov 22, 2024", "۵ ربیع‌الثانی ۱۴۴۶"]) == ()


def test_an_n_fold_set_and_a_number_cut_before_its_noun_are_no_figures() -> None:
    assert extract_figures(["شهردار مناطق ۲۲ گانه تهران از طرح جدید خبر داد."]) == ()
    cut = ["کم‌آبی در این استان بحرانی است.", "روستاها با تانکر آبرسانی می‌شوند.", "هم اکنون بیش از ۳هزار"]
    assert extract_figures(cut) == ()
    assert [f.number for f in extract_figures(["هم اکنون بیش از ۳هزار روستا با تانکر آبرسانی می‌شوند."])] == [3000]


def test_a_count_after_two_listed_articles_stays() -> None:
    found = figures("شمشیری از وجود ۲۰ مرکز ماده ۱۵ و دو مرکز ماده ۱۶ در استان خبر داد.")
    assert [(text, number) for text, number, _ in found] == [("۲۰ مرکز", 20), ("دو مرکز", 2)]


def test_a_temperature_below_zero_is_negative() -> None:
    body = [normalize_fa("دمای سراب به منفی ۲۳ درجه رسید و سهم معدن منفی ۷۰ درصد کاهش داشت.")]
    assert sorted((f.text, f.number) for f in extract_figures(body)) == [("منفی ۲۳ درجه", -23), ("۷۰ درصد", 70)]


@pytest.mark.parametrize(
    ("sentence", "value", "number"),
    [
        ("در این عملیات یک تن و ۲۰۰ کیلوگرم مواد مخدر کشف شد.", "یک تن و ۲۰۰ کیلوگرم", 1200),
        ("از ابتدای سال ۹ تن و ۳۷۷ کیلو تریاک کشف شده است.", "۹ تن و ۳۷۷ کیلو", 9377),
        ("پلیس از کشف ۶۸ کیلو و ۶۵۵ گرم تریاک خبر داد.", "۶۸ کیلو و ۶۵۵ گرم", 68.655),
    ],
    ids=["tons_and_kilograms", "tons_and_kilos", "kilos_and_grams"],
)
def test_tons_and_kilograms_are_one_weight(sentence: str, value: str, number: float) -> None:
    figures = extract_figures([normalize_fa(sentence)])
    assert [(f.text, f.number, f.unit) for f in figures] == [(normalize_fa(value), number, "کیلوگرم")]


@pytest.mark.parametrize(
    "sentence",
    [
        "امروز: جمعه ۳۱ فروردین ۱۴۰۳ برابر با ۱۹ آوریل ۲۰۲۴",
        "در بودجه ۹۷ اعتباری برای حمایت از کولبران پیش بینی شده است.",
        "مسئولیت صفر تا صد مسائل بهداشتی منطقه به این تیم ها واگذار شد.",
        "هیأت رئیسه دانشگاه از خوابگاه نرگس ۲ دیدن نمود.",
    ],
    ids=["a_dates_year_before_barabar", "a_budgets_year", "zero_to_hundred", "an_infinitive_after_a_name_number"],
)
def test_years_idioms_and_verbs_are_no_figures(sentence: str) -> None:
    assert extract_figures([normalize_fa(sentence)]) == ()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("طی یک سال ۴۴ زن در این مناطق کشته شدند.", 44),
        ("کودکان بین ۱۰ تا ۱۴ سال ۴۵ درصد کل کودکان کار هستند.", 45),
    ],
)
def test_a_number_after_a_counted_span_of_years_is_a_figure_not_a_year(text: str, number: int) -> None:
    assert number in [n for _, n, _ in figures(text)]


def test_a_year_after_sal_alone_stays_a_date() -> None:
    assert 44 not in [n for _, n, _ in figures("در سال ۴۴ این مدرسه ساخته شد.")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("در این حادثه ۲۱ هم استانی مصدوم شدند.", "۲۱ هم استانی"),
        ("۲۱ هموطن در این حادثه مصدوم شدند.", "۲۱ هموطن"),
        ("پنج صندوق قرض الحسنه در روستا راه اندازی شد.", "پنج صندوق"),
    ],
)
def test_fellow_citizens_and_funds_are_counted(sentence: str, value: str) -> None:
    assert value in [text for text, _, _ in figures(sentence)]
