"""digest.headline: headline, kicker and body."""

from __future__ import annotations

import pytest

from digest.clean import clean_text
from digest.headline import MAX_LEAD_WORDS, cap_headline, clean_title, find_head, slug_title, url_of
from digest.normalize import normalize_fa


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("افزایش طلاق در استان - خبرگزاری فارس", "افزایش طلاق در استان"),
        ("افزایش طلاق | ایرنا", "افزایش طلاق"),
        ("فرماندار دشتی: زلزله خسارتی نداشت", "فرماندار دشتی: زلزله خسارتی نداشت"),
        ("  عنوان  با  فاصله ", "عنوان با فاصله"),
        ("كودكان كار", "کودکان کار"),
        ("توزیع بسته معیشتی - اخبار تسنیم - Tasnim", "توزیع بسته معیشتی"),
        ("ورود ۵ هواپیمای A-320 به ناوگان", "ورود ۵ هواپیمای A-320 به ناوگان"),
        ("پیروزی تیم نوجوانان؛:: ورزش سه", "پیروزی تیم نوجوانان"),
        ("۹ درصد جمعیت سالمند است | گیلان بیشترین سالمند را دارد", "۹ درصد جمعیت سالمند است"),
        ("کلرنا | زنان سرپرست خانوار مازندران", "زنان سرپرست خانوار مازندران"),
    ],
    ids=[
        "agency_suffix",
        "pipe_suffix",
        "colon_kept",
        "spaces",
        "arabic_letters",
        "latin_site_name",
        "latin_inside",
        "double_colon_site",
        "bar_subhead_dropped",
        "bar_short_label_dropped",
    ],
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


def test_a_post_over_the_headline_is_the_speakers_kicker() -> None:
    lead = "به گزارش خبرنگار ما، رئیس دانشگاه گفت: ۵۵ پزشک متخصص جذب شدند."
    head = find_head(("رئیس دانشگاه علوم پزشکی نمونه", "توسعه هتلینگ در بیمارستان‌های نمونه در دست اقدام", lead))
    assert head.headline == "توسعه هتلینگ در بیمارستان‌های نمونه در دست اقدام"
    # a headline that opens with a post and says something stays the headline
    head = find_head(("مدیرکل بهزیستی نمونه برکنار شد", "اعزام ۲۰ دانش‌آموز به اردو", lead))
    assert head.headline == "مدیرکل بهزیستی نمونه برکنار شد"


def test_an_urgent_label_and_a_title_printed_twice_are_dropped() -> None:
    lead = "به گزارش ایرنا، ۱۱ نفر مصدوم و ۶ نفر کشته شدند."
    assert find_head(("خبر فوری/ واژگونی مینی‌بوس در شهر نمونه", lead)).headline == "واژگونی مینی‌بوس در شهر نمونه"
    twice = "امدادرسانی به سیل زدگان در ۱۳ استان امدادرسانی به سیل زدگان در ۱۳ استان"
    assert find_head((twice, lead)).headline == "امدادرسانی به سیل زدگان در ۱۳ استان"


def test_a_title_printed_twice_under_a_motto_is_the_headline() -> None:
    title = "آغاز طرح توزیع یک وعده غذای گرم در مهد روستاها"
    lead = "به گزارش روابط عمومی مرکز بهداشت نمونه، مسئول واحد تغذیه این مرکز گفت: طرح اجرا می‌شود."
    page = ("رعایت بهداشت فراتر از درمان است.", "دوشنبه, 31 تیر 1398", "خطا", title, title, lead)
    assert find_head(page).headline == title
    # printed once, the motto sentence is still read as the lead
    assert find_head(page[:4] + page[5:]).headline != title


def test_a_tag_archive_header_and_a_listing_date_are_no_headline() -> None:
    title = "مهاجرت معکوس به ۵۰ روستای نمونه با افتتاح ۶۷۲ پروژه"
    lead = "مهاجرت از روستاها به سمت شهرها یکی از بزرگترین مشکلات دهه‌های اخیر به شمار می‌آید و ادامه دارد."
    page = ("بایگانی‌های مهاجرت - عصر دهیار", f"{title} ۱۷ مرداد ۱۳۹۸", "", title, lead)
    assert find_head(page).headline == title
    assert find_head((f"{title} - 30 فروردین 1402", lead)).headline == title
    english = "خسارت،سیل،آب منطقه ای،سیل در نمونه Archives - صفیر نمونه"
    assert find_head((english, f"{title} ۱۷ مرداد ۱۳۹۸", title, lead)).headline == title


def test_a_slug_without_the_digit_still_picks_its_head_line() -> None:
    line = "واژگونی مرگبار مینیبوس در ورزقان/ فوت ۶ نفر تاکنون+جزییات"
    url = "https://example.ir/172819-واژگونی-مرگبار-مینی-بوس-در-ورزقان-فوت-نفر-تاکنون-جزییات"
    head = find_head((line, "به گزارش منیبان، ۶ نفر کشته شدند."), url=url)
    assert "۶" in head.headline


def test_hashtags_and_view_counters_read_as_plain_words() -> None:
    lead = "به گزارش ایرنا، ۱۵ نفر مصدوم شدند."
    assert find_head(("تعطیلی مدارس استان #آذربایجان_شرقی", lead)).headline == "تعطیلی مدارس استان آذربایجان شرقی"
    assert find_head(("94 1150 واژگونی اتوبوس در غرب تهران", lead)).headline == "واژگونی اتوبوس در غرب تهران"
    assert find_head(("14 8 درصد رشد اجاره بها در شهر تهران", lead)).headline.startswith("14 8 درصد")


def test_lead_core_when_no_short_line() -> None:
    lead = "خبرگزاری فارس: مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار از هفته آینده آغاز می‌شود."
    head = find_head((lead, "متن دوم خبر."))
    assert head.headline == "طرح ساماندهی کودکان کار از هفته آینده آغاز می‌شود"


def test_long_lead_is_cut_at_a_clause() -> None:
    lead = "مدیرکل گفت: " + "، ".join(["این طرح در شهرستان‌های استان اجرا می‌شود"] * 6) + "."
    headline = find_head((lead,)).headline
    assert len(headline.split()) <= MAX_LEAD_WORDS + 1
    assert headline.endswith("اجرا می‌شود")  # a whole clause needs no ellipsis
    words = "مدیرکل گفت: " + " ".join(["طرح"] * (MAX_LEAD_WORDS + 10)) + "."
    assert find_head((words,)).headline.endswith("طرح…")  # a cut mid-clause says so


def test_a_lead_statement_of_some_thirty_words_is_the_headline_whole() -> None:
    statement = (
        "بیش از ۲۰۰ واحد مسکونی روستایی در ۱۲ روستای شهرستان نمونه بر اثر بارش‌های سیل‌آسای هفته گذشته آسیب دید"
        " و تیم‌های ارزیاب بنیاد مسکن برای برآورد خسارت و آغاز بازسازی به منطقه اعزام شده‌اند"
    )
    assert 30 < len(statement.split()) <= MAX_LEAD_WORDS
    head = find_head((f"مدیرکل بنیاد مسکن استان نمونه گفت: {statement}.", "متن دوم خبر."))
    assert head.headline == statement


@pytest.mark.parametrize(
    ("lead", "core"),
    [
        ("در حال حاضر، بیش از ۲ هزار قلم دارو تحت پوشش بیمه است.", "بیش از ۲ هزار قلم دارو تحت پوشش بیمه است"),
        (
            "کارشناسان بهزیستی اعلام کردند که ۲۳ هزار مورد کودک‌آزاری ثبت شد.",
            "۲۳ هزار مورد کودک‌آزاری ثبت شد",
        ),
        (
            "مقاوم‌سازی ۶ هزار مسکن روستایی در حال انجام است که با اتمام آن خطر کم می‌شود.",
            "مقاوم‌سازی ۶ هزار مسکن روستایی در حال انجام است",
        ),
        (
            "بیش از ۱۶ درصد جمعیت استان را سالمندان تشکیل میدهند که این میزان از میانگین بالاتر است.",
            "بیش از ۱۶ درصد جمعیت استان را سالمندان تشکیل میدهند",
        ),
        (
            "مراکز خدمات بهزیستی در ۳۰ منطقه کشور راه‌اندازی میشود و ۱۰ مرکز آن در استان است.",
            "مراکز خدمات بهزیستی در ۳۰ منطقه کشور راه\u200cاندازی میشود",
        ),
        ("به گزارش مشرق: ۴۲ مسافر در واژگونی اتوبوس مصدوم شدند.", "۴۲ مسافر در واژگونی اتوبوس مصدوم شدند"),
        ("در سال جدید ۴۲۰ طرح خوداشتغالی برای مددجویان اجرا می‌شود.", "۴۲۰ طرح خوداشتغالی برای مددجویان اجرا می‌شود"),
        ("از ابتدای سال جاری تاکنون ۲ هزار قلم لوازم توزیع شد.", "۲ هزار قلم لوازم توزیع شد"),
        ("طبق گفته‌های لیلا صالحی، معاون سلامت سازمان نمونه، ۱۲ روستا تخلیه شد.", "۱۲ روستا تخلیه شد"),
    ],
    ids=[
        "fronted_adverbial",
        "announced_that",
        "trailing_ke_clause",
        "trailing_ke_clause_no_half_space",
        "trailing_and_clause",
        "report_colon",
        "fronted_time",
        "since",
        "according",
    ],
)
def test_lead_core_keeps_the_reported_clause(lead: str, core: str) -> None:
    assert find_head((lead, "متن دوم خبر.")).headline == core


def test_page_head_chrome_is_no_headline() -> None:
    lead = "به گزارش ایرنا، ۲۰ خانوار در شهر نمونه اسکان یافتند و ۱۰ چادر توزیع شد."
    for chrome in (
        "فرهنگ و هنر",
        "استانها > سمنان > شهر نمونه",
        "تاریخ انتشار : شنبه ۱ مرداد ۱۴۰۱ ساعت ۱۳:۰۶ صبح",
        "کانال خبری معلولین شهر نمونه",
        "نمایش موارد بر اساس برچسب: بانوان نمونه",
        "ادامه مطلب «روز جهانی معلولین»",
        "تبلیغات خبر نمونه تبلیغات خبر نمونه",
        "فعلا قابلیت پخش رسانه در مرورگر فراهم نیست",
        "مشاهده در پیام رسان ایتا",
    ):
        assert find_head((chrome, lead)).headline == "۲۰ خانوار در شهر نمونه اسکان یافتند و ۱۰ چادر توزیع شد", chrome


def test_a_news_line_opening_with_a_chrome_word_is_the_headline() -> None:
    lead = "به گزارش ایرنا، ۲۰ خانوار در شهر نمونه از این طرح بهره‌مند می‌شوند."
    for title in (
        "کانال انتقال آب کشاورزی به روستاهای شهرستان نمونه افتتاح شد",
        "تلفن همراه دانش‌آموزان روستایی با کمک خیرین تامین شد",
    ):
        assert find_head((title, lead)).headline == title


def test_an_ad_block_of_marked_items_is_neither_head_nor_lead() -> None:
    ads = "» خرید ممبر تلگرام »طراحی سایت و سئو »خرید فالوور و لایک »ادمین حرفه ای »پکیج آموزش ارزهای دیجیتال"
    title = "بارش برف سنگین، ارتباط ۱۰۰ روستای شهرستان نمونه را قطع کرد"
    lead = "فرماندار گفت: تیم‌های برف‌روب برای بازگشایی محورهای روستایی اعزام شده‌اند و در حال تلاش هستند."
    assert find_head(("تبلیغات ویژه", ads, "مطالب مهم", title, lead)).headline == title


def test_a_kicker_glued_to_the_title_with_no_colon_is_left_out() -> None:
    line = "مدیرکل کمیته امداد استان نمونه خبر داد واگذاری ۱۵ واحد مسکونی به نیازمندان شهرستان"
    lead = "به گزارش ایرنا، مدیرکل کمیته امداد گفت: ۱۵ واحد مسکونی واگذار شد و کار ادامه دارد."
    assert find_head((line, lead)).headline == "واگذاری ۱۵ واحد مسکونی به نیازمندان شهرستان"


def test_overline_ending_in_semicolon_is_the_kicker() -> None:
    head = find_head(("رئیس سازمان امداد و نجات خبر داد؛", "اعزام دو تیم ارزیاب به مناطق زلزله‌زده", "متن خبر."))
    assert (head.kicker, head.headline) == ("رئیس سازمان امداد و نجات خبر داد", "اعزام دو تیم ارزیاب به مناطق زلزله‌زده")


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        (
            "https://example.ir/news/98765/%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD-%DB%B3-%D9%85%D8%AF%D8%B1%D8%B3%D9%87",
            "افتتاح ۳ مدرسه",
        ),
        ("https://example.ir/fa/news/1234/بازگشایی-جاده-روستای-نمونه-فیلم", "بازگشایی جاده روستای نمونه"),
        ("https://example.ir/98765-کمک_به_خانواده_های_سیل_زده+عکس.html", "کمک به خانواده های سیل زده"),
        ("https://example.ir/fa/news/1234/some-english-slug", None),
        ("https://example.ir/photo/626191/عکس-۴۲-مصدوم-در-واژگونی-اتوبوس", "عکس/ ۴۲ مصدوم در واژگونی اتوبوس"),
        ("https://example.ir/fa/news/5659294/میزبانی-جام-ملت‌ها-2026", "میزبانی جام ملت‌ها 2026"),
        ("https://example.ir/1675068-۴۸-واحد-مسکونی-افتتاح-شد", "۴۸ واحد مسکونی افتتاح شد"),
        ("https://example.ir/fa/news/1234/", None),
        (None, None),
        ("https://example.ir/news/توزیع-۵۰۰-بسته-معیشتی-1234.html", "توزیع ۵۰۰ بسته معیشتی"),
        ("https://example.ir/توزیع-۵۰۰-بسته-معیشتی-در-شهر-نمونه/", "توزیع ۵۰۰ بسته معیشتی در شهر نمونه"),
        ("https://example.ir/amp/123456/توزیع-۵۰۰-بسته-معیشتی", "توزیع ۵۰۰ بسته معیشتی"),
        ("https://example.ir/?p=12345", None),
        ("https://example.ir/fa/news/123456/توزیع+۵۰۰+بسته+معیشتی-%2B-فیلم", "توزیع ۵۰۰ بسته معیشتی"),
        (
            "https://example.ir/root/?news/توزیع%20۵۰۰%20بسته%20معیشتی%20در%20روستای%20نمونه/منطقه/4444",
            "توزیع ۵۰۰ بسته معیشتی در روستای نمونه",
        ),
        ("https://example.ir/news?id=ابتکار%20دادستانی_در_حمایت_از_زنان", "ابتکار دادستانی در حمایت از زنان"),
        ("https://example.ir/site/search?q=برچسب:انجمن%20کودکان%20کار", None),
        ("https://t.example/s/channel?q=%23کارگران_شهرداری_نمونه", None),
        ("https://example.wordpress.com/،-جمعه-۲۰-مهر-شماری-از-مردم-در-نمونه-به/", "شماری از مردم در نمونه"),
        ("https://example.ir/news/12/۱۳-آبان-روز-ملی-دانش-آموز", "۱۳ آبان روز ملی دانش آموز"),
        (
            "https://example.ir/تاریخچه-ی-سازمان?view=article&id=197:%D9%85%D8%AD%D9%84%D9%87-%D9%87%D8%A7%DB%8C-"
            "%D9%87%D8%AF%D9%81-%D8%A8%D8%A7%D8%B2%D8%A2%D9%81%D8%B1%DB%8C%D9%86%DB%8C&catid=14",
            "محله های هدف بازآفرینی",
        ),
    ],
    ids=[
        "percent_encoded",
        "trailing_film",
        "underscores_and_photo",
        "latin_slug",
        "leading_media_label",
        "year_kept",
        "id_dropped_short_number_kept",
        "no_slug",
        "no_url",
        "page_id_before_extension",
        "wordpress",
        "amp",
        "query_id_only",
        "plus_separators_and_plus_film",
        "title_in_a_query_path",
        "title_in_a_query_value",
        "a_search_query_is_no_slug",
        "a_hashtag_query_is_no_slug",
        "the_posts_weekday_and_date_first",
        "a_date_that_is_the_subject_stays",
        "joomlas_article_alias_over_its_menu_path",
    ],
)
def test_slug_title(url: str | None, slug: str | None) -> None:
    assert slug_title(url) == slug


def test_url_read_from_source() -> None:
    assert url_of(None, "pages:https://example.ir/a/b") == "https://example.ir/a/b"
    assert url_of("https://x.ir/1", "pages:https://example.ir/a/b") == "https://x.ir/1"
    assert url_of(None, "ایرنا") is None


def test_slug_is_the_headline_without_title() -> None:
    paragraphs = ("به گزارش ایرنا، امروز ۲۰۰ بسته معیشتی میان خانواده‌های نیازمند شهر نمونه توزیع شد.",)
    head = find_head(paragraphs, url="https://example.ir/news/1/توزیع-۲۰۰-بسته-معیشتی-در-شهر-نمونه")
    assert head.headline == "توزیع ۲۰۰ بسته معیشتی در شهر نمونه"
    assert head.body == paragraphs


def test_a_slash_breadcrumb_before_the_title_is_dropped() -> None:
    paragraphs = (
        "صفحه اصلی / اخبار/ ابتکار دادستانی شهر نمونه در حمایت از زنان و کودکان",
        "دادستان شهر نمونه از طرح تازه‌ای برای حمایت از زنان آسیب‌دیده خبر داد.",
    )
    head = find_head(paragraphs, url="https://example.ir/news/ابتکار-دادستانی-شهر-نمونه-در-حمایت-از-زنان-و-کودکان")
    assert head.headline == "ابتکار دادستانی شهر نمونه در حمایت از زنان و کودکان"


def test_cut_slug_takes_the_head_line_it_starts() -> None:
    paragraphs = ("توزیع ۲۰۰ بسته معیشتی در شهر نمونه آغاز شد", "متن خبر از اینجا آغاز می‌شود.")
    head = find_head(paragraphs, url="https://example.ir/news/1/توزیع-۲۰۰-بسته-معیشتی-در-شه")
    assert head.headline == "توزیع ۲۰۰ بسته معیشتی در شهر نمونه آغاز شد"


def test_a_slug_opening_with_the_sites_name_takes_the_line_it_starts() -> None:
    title = "سازماندهی ۳۰ گروه جهادی استان نمونه برای بازسازی منازل سیل زده"
    paragraphs = (
        f"{title} به گزارش شهرنمونه سرگرد علی رضایی با اشاره به مطلب فوق اظهار داشت: این گروه‌ها آغاز می‌کنند.",
        title,
        "به گزارش شهرنمونه سرگرد علی رضایی با اشاره به مطلب فوق اظهار داشت: این گروه‌ها کار را آغاز می‌کنند.",
    )
    url = "http://example.ir/شهرنمونه-سازماندهی-۳۰-گروه-جهادی-استا/"
    assert find_head(paragraphs, url=url).headline == title


def test_cut_slug_without_the_lines_number_takes_the_line() -> None:
    line = "جان باختن ۴ معدنکار در حادثه ریزش معدن زغال‌سنگ شهر نمونه"
    paragraphs = (line, "فرماندار شهرستان نمونه گفت: این حادثه ظهر امروز رخ داد.")
    head = find_head(paragraphs, url="https://example.ir/594595-جان-باختن-معدن-کار-در-حادثه")
    assert head.headline == line


def test_cut_slug_word_is_completed_from_the_text() -> None:
    paragraphs = ("یک سوم سالمندان استان تنها زندگی می‌کنند و نیازمند حمایت بهزیستی هستند.",)
    head = find_head(paragraphs, url="https://example.ir/news/یک-سوم-سالمندان-نیازمند-حمایت-بهزی")
    assert head.headline == "یک سوم سالمندان نیازمند حمایت بهزیستی"


def test_title_glued_to_lead_is_cut() -> None:
    lead = "امدادرسانی به سیل‌زدگان/ اعزام ۵ تیم امدادمدیرکل مدیریت بحران استان نمونه گفت: ۵ تیم اعزام شد."
    head = find_head((lead,), title="امدادرسانی به سیل‌زدگان/ اعزام ۵ تیم امداد")
    assert head.body == ("مدیرکل مدیریت بحران استان نمونه گفت: ۵ تیم اعزام شد.",)


def test_text_headline_never_after_the_body_started() -> None:
    paragraphs = (
        "به گزارش خبرنگار ما، مدیرکل بهزیستی استان نمونه امروز از آغاز طرح غربالگری شنوایی کودکان خبر داد.",
        "پخش زنده برنامه",
        "این طرح تا پایان ماه ادامه دارد.",
        "مدیرک",
    )
    assert find_head(paragraphs).headline == "آغاز طرح غربالگری شنوایی کودکان"  # the lead core


def test_single_word_section_line_is_not_a_headline() -> None:
    paragraphs = ("اجتماعی", "افتتاح سه مدرسه در روستاهای نمونه", "متن خبر اینجاست.")
    assert find_head(paragraphs).headline == "افتتاح سه مدرسه در روستاهای نمونه"


def test_headline_capped_at_a_word() -> None:
    title = " ".join(["عنوان"] * 200)
    headline = find_head(("متن.",), title=title).headline
    assert len(headline) <= 301
    assert headline.endswith("عنوان…")
    assert cap_headline("کوتاه") == "کوتاه"


def test_emoji_stripped_from_title() -> None:
    assert clean_title("\U0001f534 توزیع بسته معیشتی \U0001f4cc") == "توزیع بسته معیشتی"


def test_lead_core_skips_a_short_chrome_line() -> None:
    paragraphs = (
        "اخبار آرشیوی",
        "براساس اعلام سازمان ثبت احوال، ۲۱ هزار واقعه طلاق در دو ماه نخست امسال در کشور ثبت شده است که "
        "استان ایلام کمترین و استان تهران بیشترین آمار را داشته‌اند و این آمار رو به افزایش است",
    )
    assert find_head(paragraphs).headline == "۲۱ هزار واقعه طلاق در دو ماه نخست امسال در کشور ثبت شده است"


def test_invocation_line_is_chrome() -> None:
    assert clean_text("بسمه تعالی\nمراسم روز جهانی معلولان برگزار شد.") == ("مراسم روز جهانی معلولان برگزار شد.",)


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (
            "به گزارش ایرنا، مدیرکل بهزیستی استان از توزیع بیش از ۵۰۰ بسته معیشتی خبر داد.",
            "توزیع بیش از ۵۰۰ بسته معیشتی",
        ),
        (
            "یکی از مسئولان استان با اشاره به کم‌آبی روستاها، از خالی شدن ۴۰ روستا در سال جاری خبر داد و گفت: نه.",
            "خالی شدن ۴۰ روستا در سال جاری",
        ),
        ("فرماندار نمونه‌آباد خبر داد: جاده روستایی بازگشایی شد.", "جاده روستایی بازگشایی شد"),
    ],
    ids=["role_announced_object", "partitive_subject_and_clause", "colon_statement"],
)
def test_lead_core_of_an_announcement(lead: str, headline: str) -> None:
    assert find_head((lead,)).headline == headline


def test_lead_beginning_with_the_title_words_is_kept() -> None:
    lead = "افزایش ۱۰ درصدی مستمری مددجویان از ماه آینده اجرا می‌شود."
    head = find_head((lead,), title="افزایش ۱۰ درصدی مستمری مددجویان")
    assert head.body == (lead,)
    spaced = "افزایش ۱۰ درصدی مستمری مددجویان به گزارش ایرنا، مدیرکل گفت: الف."
    assert find_head((spaced,), title="افزایش ۱۰ درصدی مستمری مددجویان").body == ("به گزارش ایرنا، مدیرکل گفت: الف.",)


def test_short_line_loses_its_attribution() -> None:
    line = "دبیر شورای هماهنگی مبارزه با مواد مخدر استان خبر داد: کشف ۲ تن مواد مخدر"
    head = find_head((line,))
    assert head.headline == "کشف ۲ تن مواد مخدر"
    assert head.body == (line,)  # the attribution stays in the body for the speaker


def test_title_printed_after_its_lead() -> None:
    lead = "به گزارش ایرنا، علی رضایی، مدیرکل بهزیستی استان نمونه گفت: ۲۰ خانوار جدید تحت پوشش قرار گرفتند."
    paragraphs = (lead, "پوشش ۲۰ خانوار جدید در استان نمونه", "وی افزود: ۳۰ مرکز فعال است.")
    assert find_head(paragraphs).headline == "پوشش ۲۰ خانوار جدید در استان نمونه"
    unrelated = (lead, "سایر اخبار مهم امروز استان", "وی افزود: ۳۰ مرکز فعال است.")
    assert find_head(unrelated).headline == "۲۰ خانوار جدید تحت پوشش قرار گرفتند"


def test_site_menu_before_the_head_is_skipped() -> None:
    menu = ("صفحه نخست", "فیلم", "ورزشی", "بین الملل", "قیمت روز طلا و ارز", "قیمت جهانی نفت", "آب و هوا", "بازار کار")
    title = "اسکان اضطراری بیش از ۲۰۰ خانوار سیل‌زده در شهر نمونه"
    lead = "مدیرعامل جمعیت هلال احمر استان نمونه گفت: در پی بارندگی‌های اخیر بیش از ۲۰۰ خانوار اسکان داده شدند."
    assert find_head((*menu, title, lead)).headline == title
    assert find_head((*menu, lead)).headline.startswith("در پی بارندگی‌های اخیر")  # the lead, never a menu


def test_title_of_several_parts_is_kept_whole() -> None:
    title = " / ".join(["فقر و تعارضات خانوادگی مهمترین عوامل در بروز این پدیده"] * 3)
    lead = "به گزارش ایرنا، مدیرکل بهزیستی استان نمونه گفت: ۲۰ خانوار تحت پوشش قرار گرفتند."
    assert find_head((title, lead)).headline == title


def test_outlet_with_digits_is_a_lead_in() -> None:
    lead = "ایران نیوز 24: مطابق با آمار منتشره، ۳۱ هزار دختر ازدواج کردند."
    assert find_head((lead, "متن دوم خبر.")).headline == "مطابق با آمار منتشره، ۳۱ هزار دختر ازدواج کردند"


def test_slug_encoded_twice_is_decoded_twice() -> None:
    url = "https://example.ir/fa/news/829435/%25D8%25AA%25D9%2588%25D8%25B2%25DB%258C%25D8%25B9-%25D8%25A8%25D8%25B3%25D8%25AA%25D9%2587-%25D9%2585%25D8%25B9%25DB%258C%25D8%25B4%25D8%25AA%25DB%258C"
    assert slug_title(url) == "توزیع بسته معیشتی"


def test_slug_cut_after_a_conjunction_ends_before_it() -> None:
    assert slug_title("https://example.ir/news/1/۱۵۰-هزار-بازمانده-از-تحصیل-در-شهر-نمونه-و") == (
        "۱۵۰ هزار بازمانده از تحصیل در شهر نمونه"
    )


@pytest.mark.parametrize(
    "chrome",
    ["تاریخ درج: پنجشنبه، 13 آذر 1393", "تصویربردار: نیما احمدی / تدوینگر: جواد علیزاده"],
    ids=["date_label", "video_credits"],
)
def test_a_label_line_is_no_headline(chrome: str) -> None:
    lead = "معاون شهرداری گفت: طرح ساماندهی محلات شمال شرق تهران با مشارکت مردم اجرا می‌شود و تا پایان سال ادامه دارد."
    head = find_head((chrome, "ایجاد تحولات بنیادی در محلات شمال شرق تهران", lead))
    assert head.headline == "ایجاد تحولات بنیادی در محلات شمال شرق تهران"


def test_a_slugs_head_line_loses_its_site_name() -> None:
    line = "استفاده از کودکان برای جمع آوری زباله توسط پیمانکاران – خبرگزاری مهر اخبار ایران و جهان"
    lead = "به گزارش خبرنگار مهر، عضو شورای شهر تهران گفت: پیمانکاران از کودکان کار برای جمع آوری زباله استفاده می‌کنند."
    url = "https://example.ir/%D8%A7%D8%B3%D8%AA%D9%81%D8%A7%D8%AF%D9%87-%D8%A7%D8%B2-%DA%A9%D9%88%D8%AF%DA%A9%D8%A7%D9%86"
    head = find_head((normalize_fa(line), normalize_fa(lead)), url=url)
    assert head.headline == normalize_fa("استفاده از کودکان برای جمع آوری زباله توسط پیمانکاران")


def test_a_four_digit_page_number_opening_a_slug_is_dropped_but_a_year_stays() -> None:
    assert slug_title("http://example.ir/x-63/4102-فعلا-طلاق-نداریم-چند-روز-بعد-بیایید") == (
        "فعلا طلاق نداریم چند روز بعد بیایید"
    )
    assert slug_title("http://example.ir/news/1/1403-سال-سخت-بود") == "1403 سال سخت بود"


def test_a_purpose_clause_before_the_news_is_no_headline() -> None:
    lead = normalize_fa(
        "در راستای اجرای برنامه ارتباط مستقیم و بی واسطه مردم با مدیران و تداوم برنامه ملاقات عمومی، "
        "۲۷ نفر از مددجویان بهزیستی با مدیر کل بهزیستی استان کرمان ملاقات کردند."
    )
    headline = find_head((lead,)).headline
    assert headline.startswith(normalize_fa("۲۷ نفر از مددجویان"))


def test_view_counts_and_a_duplicate_suffix_are_no_part_of_a_slug() -> None:
    assert slug_title("https://example.ir/np-94-1150-واژگونی-اتوبوس-در-غرب-") == "واژگونی اتوبوس در غرب"
    assert slug_title("https://example.ir/۱۴-کارگر-مزرعه-زخمی-شدند") == "۱۴ کارگر مزرعه زخمی شدند"
    assert (
        slug_title("https://example.ir/بازدید-رییس-دادگستری-استان-نمونه-ا-2/") == "بازدید رییس دادگستری استان نمونه ا"
    )


def test_a_slug_after_view_counts_picks_its_head_line() -> None:
    lines = ("۰۸/آذر/۱۴۰۳", "*واژگونی اتوبوس در غرب شهر نمونه/ ۱۵ تن مصدوم شدند*", "ملکی، سخنگوی آتش‌نشانی: الف.")
    head = find_head(clean_text("\n".join(lines)), url="https://example.ir/np-94-1150-واژگونی-اتوبوس-در-غرب-")
    assert head.headline == "واژگونی اتوبوس در غرب شهر نمونه/ ۱۵ تن مصدوم شدند"
    cut = find_head(
        clean_text("بازدید از زندان.\nمتن خبر."), url="https://example.ir/بازدید-رییس-دادگستری-استان-نمونه-ا-2/"
    )
    assert cut.headline == "بازدید رییس دادگستری استان نمونه"


def test_a_saints_saying_over_the_page_is_neither_headline_nor_lead() -> None:
    saying = "امام رضا علیه السلام: هر که غم مؤمنی را بزداید، خداوند غم را از دل او می‌زداید."
    lead = "به گزارش پایگاه نمونه، ۹۲۳ نفر در حوادث رانندگی استان نمونه جان باختند."
    head = find_head((saying, "افزایش آمار سوختگی در استان نمونه", lead))
    assert (head.headline, head.body) == ("افزایش آمار سوختگی در استان نمونه", (lead,))
    said = "پیامبر اکرم (ص) می فرماید : توبه کننده مانند کسی است که گناه نکرده است."
    assert find_head((said, lead)).body == (lead,)
    post = "مدیر بیمارستان امام حسن عسکری (ع) شهر نمونه در جمع خبرنگاران گفت: ۲۰ تخت افزوده شد."
    assert find_head((post,)).body == (post,)


def test_a_slug_that_is_the_sites_name_is_no_headline() -> None:
    assert slug_title("https://example.ir/news/37402/خبرگزاری-و-سایت-خبری-نمونه-ما") is None
    assert slug_title("https://example.ir/1/ماه-نامهربان-و-طردشدگان-از-مدرسه") == "ماه نامهربان و طردشدگان از مدرسه"


def test_a_slug_picks_a_first_line_ending_with_an_exclamation() -> None:
    lines = ("هر یک از فرمانداران استان نمونه باید یک معاون زن داشته باشند!", "کاوه رستمی، استاندار نمونه:", "الف.")
    head = find_head(lines, url="https://example.ir/politics/هر-یک-از-فرمانداران-استان-نمونه-باید-یک-مع/")
    assert head.headline == lines[0]
    lead = ("۱۲۸ زندانی استان نمونه در آستانه روز پدر آزاد شدند.", "متن خبر.")
    assert (
        find_head(lead, url="https://example.ir/1/آزادی-۱۲۸-زندانی-استان-نمونه").headline
        == "آزادی ۱۲۸ زندانی استان نمونه"
    )


def test_a_long_lead_is_not_cut_to_its_speakers_post() -> None:
    lead = (
        "سرپرست دفتر امور آسیب‌دیدگان اجتماعی سازمان بهزیستی کشور، سرانه نگهداری و توانمندسازی هر کودک کار"
        " و خیابانی در مراکز بهزیستی را سالانه ۱۵ میلیون تومان اعلام کرد که برای همه استان‌ها یکسان است."
    )
    headline = find_head((lead, "متن خبر.")).headline
    assert headline.startswith("سرپرست دفتر") and "سرانه نگهداری" in headline


def test_a_sites_motto_is_no_headline() -> None:
    lines = (
        "یافته، اولین پایگاه خبری دارای مجوز در استان نمونه",
        "دهیار روستای نمونه گفت: پل این روستا تخریب شده است.",
    )
    assert find_head(lines).headline == "پل این روستا تخریب شده است"


def test_a_role_said_line_over_the_headline_is_a_kicker() -> None:
    lines = (
        "معاون اجتماعی بهزیستی استان نمونه خبر داد",
        "افزایش ۱۲۰ درصدی آمار کودکان کار در خیابان‌های شهر نمونه",
        "معاون اجتماعی سازمان بهزیستی استان نمونه گفت: تعداد کودکان کار ۳۴۹ نفر بود.",
    )
    assert find_head(lines).headline == lines[1]


@pytest.mark.parametrize(
    "site",
    [
        "پایگاه تحلیلی خبری صدای نمونه - -",
        "سایت مرکزی حزب نمونه",
        "پایگاه خبری-تحلیلی ریواس نمونه (example.ir)/",
        "تلفن همراه جهت ارسال پیام در تلگرام و واتس آپ: ۰۹۱۱۰۰۰۰۰۰۰",
        "شنبه 1 اردیبهشت 1403 پایگاه خبری نمونه نیوز",  # a header row (its spaces collapsed): the date and the site
        "پایگاه خبری نمونه نیوز - ۱۲ مهر ۱۴۰۲ ساعت ۱۰:۳۰",
    ],
)
def test_a_line_naming_the_site_or_its_contacts_is_no_headline(site: str) -> None:
    lines = (site, "کشته و زخمی شدن دو کولبر در ارتفاعات مرزی نمونه", "دو کولبر در ارتفاعات مرزی نمونه کشته شدند.")
    assert find_head(lines).headline == lines[1]


def test_a_login_form_and_a_print_pages_address_line_are_no_headline() -> None:
    login = (
        "نام کاربری یا نشانی ایمیل",
        "رمز عبور",
        "مرا به خاطر بسپار",
        "تبریز-استاندار نمونه با حضور در آئین توزیع ۱۰ هزار بسته معیشتی بر همدلی تأکید کرد.",
        "به گزارش خبرگزاری مهر، آئین توزیع ۱۰ هزار بسته معیشتی برگزار شد.",
    )
    assert find_head(login).headline.startswith("استاندار نمونه با حضور")
    printed = (
        "- بنیاد مسکن انقلاب اسلامی استان نمونه - https://example.ir -",
        "روستای رانشی آق امام تثبیت می شود",
        "به گزارش روابط عمومی بنیاد مسکن، طرح تثبیت اجرا می شود.",
    )
    assert find_head(printed).headline == "روستای رانشی آق امام تثبیت می شود"


def test_a_breadcrumb_line_matched_by_the_slug_gives_its_last_part() -> None:
    lines = (
        "صفحه اصلی > اجتماعی > جمع آوری 167 معتاد ولگرد و بی خانمان در کرج",
        "به گزارش خبرنگار ما، ۱۶۷ معتاد جمع‌آوری شدند.",
    )
    head = find_head(lines, url="https://example.ir/print/148305-جمع-آوری-167-معتاد-ولگرد-و-بی-خانمان-در-کر")
    assert head.headline == "جمع آوری 167 معتاد ولگرد و بی خانمان در کرج"


def test_an_outlet_name_glued_to_the_title_and_a_lite_version_prompt_are_no_headline() -> None:
    glued = ("دریا نیوزافزایش عقرب گزیدگی در استان نمونه", "به گزارش دریانیوز، عقرب گزیدگی افزایش یافت.")
    assert find_head(glued).headline == "افزایش عقرب گزیدگی در استان نمونه"
    prompt = (
        "آیا میخواهید به نسخه سبک نمونه‌وایر بروید؟",
        "به نظر میرسد برای بارگذاری محتوای این صفحه مشکل دارید. برای رفع آن به نسخه سبک نمونه‌وایر بروید.",
        "حاشیه نشینی در ایران؛ ۱/۸میلیون حاشیه نشین در استان نمونه",
        "به رغم گزارش‌هایی که وضعیت زندگی در سکونتگاه‌های غیررسمی را بسیار سخت توصیف می‌کنند، این زندگی ادامه دارد.",
    )
    assert find_head(prompt).headline == "حاشیه نشینی در ایران؛ ۱/۸میلیون حاشیه نشین در استان نمونه"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            (
                "چاپ ارسال به دوست",
                "بیش از ۸۰ درصد گروه‌های هدف واکسن دریافت کردند",
                "به گزارش روابط عمومی، واکسیناسیون ادامه دارد.",
            ),
            "بیش از ۸۰ درصد گروه‌های هدف واکسن دریافت کردند",
        ),
        (
            ("ارسال به دوستمسوولان استان مسائل مردم شهر نمونه را بررسی کردند", "به گزارش خبرنگار ما، جلسه برگزار شد."),
            "مسوولان استان مسائل مردم شهر نمونه را بررسی کردند",
        ),
        (
            (
                "- بنیاد مسکن استان نمونه - -",
                "روستای رانشی نمونه تثبیت می شود",
                "به گزارش روابط عمومی، طرح اجرا می‌شود.",
            ),
            "روستای رانشی نمونه تثبیت می شود",
        ),
    ],
    ids=["print_and_send_buttons", "send_button_glued_to_the_title", "a_print_pages_header_without_its_address"],
)
def test_page_buttons_and_print_headers_are_no_headline(lines: tuple[str, ...], expected: str) -> None:
    assert find_head(lines).headline == expected


def test_a_page_title_printed_twice_around_a_dash_is_said_once() -> None:
    title = "سرما زدگی بیشترین خسارت را به کشاورزی استان نمونه وارد کرد"
    head = find_head((f"{title} - {title}", "به گزارش روابط عمومی سازمان، رئیس این سازمان گفت: خسارت زیاد است."))
    assert head.headline == "سرما زدگی بیشترین خسارت را به کشاورزی استان نمونه وارد کرد"


def test_an_untitled_pages_headline_keeps_the_leads_whole_main_clause() -> None:
    lead = (
        "به گزارش ایرنا، ملک محمد قربان پور فرماندار شهرستان نمونه روزهای دو شنبه هر هفته از ساعت ۸ صبح تا ۱۲ "
        "به صورت چهره به چهره با مردم شهرستان ملاقات و دیدار دارند."
    )
    headline = find_head((lead,)).headline
    assert headline.endswith("ملاقات و دیدار دارند") and "…" not in headline


def test_a_text_lines_bullet_and_site_name_are_no_part_of_the_headline() -> None:
    lines = (
        "* کمک ۵ میلیون تومانی دولت به سیل زدگان استان نمونه | پایگاه سازه خبر",
        "به گزارش سازه خبر، کمک‌ها پرداخت شد.",
    )
    assert find_head(lines).headline == "کمک ۵ میلیون تومانی دولت به سیل زدگان استان نمونه"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.ir/fa/news/870528/پیشگیری-آسیب-های-اجتماعی-رسالت-مهم-بهزیستی-است", "رسالت مهم بهزیستی است"),
        ("https://example.ir/fa/news/870529/خبر-تعطیلی-مرکز-ترک-اعتیاد-بانوان-تکذیب-شد", "ترک اعتیاد بانوان تکذیب شد"),
    ],
    ids=["ast_is_no_cut_ostandari", "short_verb_kept"],
)
def test_a_slug_ending_with_a_verb_or_particle_is_not_completed_or_cut(url: str, expected: str) -> None:
    lines = ("به گزارش روابط عمومی اداره کل بهزیستی استانداری نمونه، برنامه‌ها ادامه دارد.",)
    assert find_head(lines, url=url).headline.endswith(expected)


@pytest.mark.parametrize(
    "fields",
    ["اخبار » اجتماعی / تاریخ خبر: 9 تیر 1393 / کد مطلب: 8920 / نظرات: 0", "ارسال کننده: نمونه نیوز تاریخ: ۹۶/۰۸/۰۸"],
)
def test_a_line_of_page_fields_is_no_headline(fields: str) -> None:
    lines = (
        fields,
        "پنج هزار سبد کالا بین مددجویان بهزیستی شهر نمونه توزیع می شود",
        "به گزارش روابط عمومی بهزیستی، سبدها توزیع می‌شود.",
    )
    assert find_head(lines).headline == "پنج هزار سبد کالا بین مددجویان بهزیستی شهر نمونه توزیع می شود"


@pytest.mark.parametrize(
    "occasion",
    [
        "باحضور رئیس ستاد نمونه صورت گرفت",
        "در نشست خبری مدیرکل بهزیستی مطرح شد",
        "در گفت وگو با سایت نمونه تشریح شد",
        "در گفت‌وگو با خبرنگار ما عنوان شد",
    ],
)
def test_the_occasion_over_the_headline_is_a_kicker(occasion: str) -> None:
    lines = (
        occasion,
        "ارسال محموله ۶۶ تنی کمک‌های امدادی به مناطق سیل زده استان نمونه",
        "محموله بزرگ امدادی از فرودگاه نمونه به مناطق سیل‌زده ارسال شد.",
    )
    assert find_head(lines).headline == lines[1]


def test_an_untitled_leads_short_main_clause_keeps_its_ke_clause() -> None:
    short = "شرایط به گونه ای است که در حوزه انتخابیه با کمترین پزشک متخصص مواجه هستیم."
    assert find_head((short, "وی افزود: پزشکان کم هستند.")).headline == short.rstrip(".")
    long_lead = "۷۷ هزار نفر حاشیه نشین در استان نمونه و شهرهای آن زندگی میکنند که بیشترشان در مرکز استان هستند."
    assert find_head((long_lead, "وی افزود: کار ادامه دارد.")).headline == (
        "۷۷ هزار نفر حاشیه نشین در استان نمونه و شهرهای آن زندگی میکنند"
    )


def test_a_tag_pages_older_news_prompt_is_no_headline() -> None:
    title = "امکانات استان نمونه به پای مهاجرت و رشد جمعیت نمی‌رسد"
    page = (
        "پرویز زرگر",
        "برای دسترسی به اخبار قدیمیتر، در منوی مربوطه سال و ماه را محدود کنید.",
        "-",
        title,
        "مدیرکل روابط عمومی استانداری نمونه گفت: رشد جمعیت از امکانات پیشی گرفته است.",
    )
    assert find_head(page).headline == title


def test_a_role_matarah_kard_kicker_and_front_page_links_are_no_headline() -> None:
    title = "انتقاد از تاخیر در تکمیل پروژه جاده جدید نمونه"
    lead = "امام جمعه نمونه در خطبه‌های نماز جمعه این هفته گفت: جاده قربانی می‌گیرد."
    kicker = "امام جمعه نمونه با اشاره به آمار بالای تلفات جاده ای مطرح کرد"
    assert find_head((kicker, title, lead)).headline == title
    assert find_head(("صفحه اول ا آرشیو", "خبر", title, lead)).headline == title


def test_a_wordpress_feed_footer_gives_the_title_a_cut_slug_lost_and_leaves_the_body() -> None:
    paragraphs = (
        "تداوم بارش برف تعطیلی مدارس فردا را در برخی استانها تمدید کرد.",
        "نوشته تعطیلی مدارس فردا ۲۴ بهمن/ مدارس کدام استان ها تعطیل است اولین بار در نمونه‌نیوز پدیدار شد.",
    )
    url = "https://example.com/news/2025/02/11/تعطیلی-مدارس-فردا-۲۴-بهمن-مدارس-کدام-اس"
    head = find_head(paragraphs, None, url)
    assert head.headline == "تعطیلی مدارس فردا ۲۴ بهمن/ مدارس کدام استان ها تعطیل است"
    assert head.body == paragraphs[:1]
    titled = find_head(paragraphs, "تعطیلی مدارس", url)  # a feed item's own title wins; the footer still goes
    assert titled.headline == "تعطیلی مدارس" and titled.body == paragraphs[:1]
    other = find_head(paragraphs, None, "https://example.com/news/2025/02/11/زلزله-در-نمونه-آباد")
    assert other.headline != "تعطیلی مدارس فردا ۲۴ بهمن/ مدارس کدام استان ها تعطیل است"  # another story's slug


def test_a_kicker_and_title_printed_twice_give_the_title() -> None:
    paragraphs = (
        "صفحات استانی",
        "به منظور رونق کسب و کار",
        "پرداخت ۱۶ هزار میلیارد تومان برای اشتغال روستایی",
        "به منظور رونق کسب و کار",
        "پرداخت ۱۶ هزار میلیارد تومان برای اشتغال روستایی",
        "معاون صندوق کارآفرینی امید گفت: برای اشتغال پایدار روستاییان ۱۶ هزار میلیارد تومان تسهیلات پرداخت شد.",
    )
    assert find_head(paragraphs).headline == "پرداخت ۱۶ هزار میلیارد تومان برای اشتغال روستایی"
    spaced = ("خیابان های البرز مناسب سازی می شوند", "خیابانهای البرز مناسب سازی می شوند", *paragraphs[-1:])
    assert find_head(spaced).headline == "خیابان های البرز مناسب سازی می شوند"  # one title spaced two ways


def test_a_cms_placeholder_slug_is_no_headline() -> None:
    assert slug_title("https://example.ir/news/12345/آدرس-لینک-شما") is None


def test_a_stray_stop_opening_the_lead_leaves_a_headline() -> None:
    head = find_head((". روزنامه نمونه: دولت در حمایت از مستاجران ناکام مانده است. ادامه خبر آمده است.",))
    assert "دولت در حمایت از مستاجران" in head.headline


def test_a_kicker_alone_is_the_headline() -> None:
    for line in ("مدیرکل فرهنگ و ارشاد استان نمونه با اعلام این خبر گفت:", "بی احتیاطی و بخاری روشن؛"):
        assert find_head((line,)).headline == line.rstrip(":؛ ").strip()


def test_a_cut_slug_of_a_long_title_printed_twice_gives_the_whole_title() -> None:
    title = (
        "معاون استاندار و فرماندار ویژه نمونه‌آباد ضمن دیدار و دلجویی از مددجویان کمیته امداد امام خمینی(ره)، "
        "از روند ساخت مساکن ویژه مددجویان تحت پوشش این نهاد در روستاهای بخش مرکزی شهرستان بازدید کرد"
    )
    url = "https://example.ir/fa/news/print/45014702/معاون-استاندار-و-فرماندار-ویژه-نمونه‌آباد-ضمن"
    lead = "به گزارش روابط عمومی فرمانداری، ساخت ۶۴ واحد آغاز شده است."
    assert find_head((title, title, lead), url=url).headline == title
    # printed once and ending with a stop, the long first line is the body's lead: the cut slug stays
    stopped = f"{title}."
    assert find_head((stopped, lead), url=url).headline.startswith("معاون استاندار و فرماندار ویژه نمونه")
    assert find_head((stopped, lead), url=url).headline != title


def test_an_ellipsis_in_the_lead_ends_no_sentence() -> None:
    lead = (
        "آغاز نوروز شماری از جوانان تهران ، قم و ... رهسپار روستاهای سه شهرستان نهبندان ، سربیشه و زیرکوه "
        "خراسان جنوبی شدند و امور عمرانی انجام می دهند، این روستاها کمینه امکانات دارند."
    )
    assert "رهسپار روستاهای سه شهرستان" in find_head((lead,)).headline


def test_a_cut_slug_takes_the_whole_title_line_after_a_kicker() -> None:
    kicker = "رئیس کانون عالی مستمری بگیران خطاب به وزیر کار:"
    title = "بازنشستگان برای تهیه اقلام ضروری زندگی در رنج و مشقت هستند/ همسان‌سازی در حد وعده مانده است ."
    lead = "به گزارش ایلنا، علی نمونه‌زاده با ارسال نامه‌ای به وزیر کار خواستار رسیدگی به وضع بازنشستگان شد."
    url = "https://example.ir/news/123/بازنشستگان-برای-تهیه-اقلام-ضروری-زندگ"
    headline = find_head((kicker, title, lead), url=url).headline
    assert headline.startswith("بازنشستگان برای تهیه اقلام ضروری زندگی در رنج")
    # a short slug ending with a whole word stays the headline
    short = "https://example.ir/news/124/بازنشستگان-در-رنج"
    assert find_head((kicker, title, lead), url=short).headline == "بازنشستگان در رنج"


def test_an_old_browser_warning_and_a_portals_name_are_no_headline() -> None:
    lead = "به گزارش روابط عمومی، یک واحد مسکونی در شهر نمونه آتش گرفت و ۳ نفر نجات یافتند."
    for chrome in ("مرورگر شما برای نمایش این سایت قدیمی است", "پورتال اطلاع رسانی سازمان آتش نشانی شهر نمونه"):
        assert find_head((chrome, lead)).headline != chrome


def test_a_slug_thinned_by_its_cms_takes_the_title_line_with_its_numbers() -> None:
    paragraphs = (
        "معاون امداد هلال احمر استان گفت: ماسک‌ها میان مردم توزیع شد.",
        "توزیع ۱۲ هزار ماسک میان مردم طوفان زده زابل",
        "به گزارش ایرنا، این ماسک‌ها از انبار استان ارسال شد.",
    )
    url = "https://example.ir/id/72362/توزیع-هزار-ماسک-میان-مردم-طوفان-زده-زابل.html"
    assert find_head(paragraphs, url=url).headline == "توزیع ۱۲ هزار ماسک میان مردم طوفان زده زابل"
    spaced = ("یک خبر کوتاه درباره این شهر است.", "دایره کودکان کار در ایران بزرگتر شد")
    url = "https://example.ir/news/1/دایره-کودکان-کار-در-ایران-بزرگ-تر-شد"
    assert find_head(spaced, url=url).headline == "دایره کودکان کار در ایران بزرگ تر شد"  # spacing only: the slug


def test_a_mail_prompt_and_an_exclusives_label_are_no_headline() -> None:
    lead = "به گفته چند تن از مدیران مدارس، هیچ اعتباری برای تجهیز مدارس استان نمونه واگذار نشده است."
    for chrome in ("اخبار و مقالات خود را به news.site@gmail.com بفرستید.", "مطلب اختصاصی پایگاه خبری نمونه"):
        assert find_head((chrome, "کمبود امکانات آموزشی در مدارس استان نمونه", lead)).headline != chrome


def test_a_keyword_slug_takes_the_head_line_that_holds_it() -> None:
    paragraphs = (
        "پرداخت ۴۸۰۰ میلیارد تومان وام ودیعه مسکن به مستأجران",
        "به گزارش ساختمان آنلاین، وزارت راه دستورالعمل تسهیلات ودیعه مسکن را به بانک مرکزی ارسال کرد.",
    )
    url = "https://example.ir/news/وام-ودیعه-مسکن-35"
    assert find_head(paragraphs, url=url).headline == "پرداخت ۴۸۰۰ میلیارد تومان وام ودیعه مسکن به مستأجران"


def test_a_title_printed_twice_with_the_copies_glued_is_said_once() -> None:
    line = "اجرای بیمه رایگان سه دهک پایین با مصوبه دولتاجرای بیمه رایگان سه دهک پایین با مصوبه دولت"
    head = find_head((line, "به گزارش ایرنا، بیمه رایگان برای سه دهک پایین اجرا می‌شود."))
    assert head.headline == "اجرای بیمه رایگان سه دهک پایین با مصوبه دولت"


def test_a_newsletter_prompt_and_a_run_of_site_links_are_no_headline() -> None:
    lead = "به گزارش خبرنگار ما، تنها نانوایی روستای نمونه به دلیل کمبود آرد در آستانه تعطیلی است."
    for chrome in (
        "شما می توانید با ارسال ایمیل خود ، بصورت رایگان مشترک شده و از بروزسانی مطلع شوید",
        "صفحه اصلیدرباره ماتماس با مابازگشتوب سرویس",
    ):
        assert find_head((chrome, "تنها نانوایی روستای نمونه در آستانه تعطیلی", lead)).headline != chrome


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            [
                "موسسه حقوقی عدالتخانه نمونه",
                "ارجاع طلاق توافقی به مشاور خانواده",
                "قانون خانواده در سراسر کشور اجرایی شده است و قاضی پرونده در همه طلاق‌های توافقی مکلف شده است که "
                "زوجین را به مشاور خانواده ارجاع دهد.",
            ],
            "ارجاع طلاق توافقی به مشاور خانواده",
        ),
        (
            [
                "افزایش قیمت مرغ به ۸۸ هزار تومان",
                "اتاق اصناف به وزیر جهاد کشاورزی نامه نوشت",
                "میانگین قیمت مرغ در تهران به ۹۵ هزار تومان و در کشور به ۸۸ هزار تومان افزایش یافته است و اتاق "
                "اصناف به وزیر جهاد کشاورزی نامه نوشت.",
            ],
            "افزایش قیمت مرغ به ۸۸ هزار تومان",
        ),
    ],
    ids=["a_site_name_over_the_title", "a_title_the_lead_shares_words_with_stays"],
)
def test_the_first_head_line_is_passed_over_when_it_shares_no_word_with_the_lead(lines: list[str], title: str) -> None:
    assert find_head(clean_text("\n".join(lines)), None, None).headline == title


def test_a_random_post_urls_slug_is_another_posts() -> None:
    page = "https://www.example.ir/%D8%A7%D8%B3%D8%AA%D8%AE%D8%AF%D8%A7%D9%85-%DA%A9%D8%A7%D8%B1%D9%85%D9%86%D8%AF-%D8%A8%D8%A7%D8%B2%D8%B1%DA%AF%D8%A7%D9%86%DB%8C/"
    assert slug_title(page) == "استخدام کارمند بازرگانی"
    assert slug_title(page + "?random-post=1") is None


@pytest.mark.parametrize("glued", ["در", "به"])
def test_a_title_glued_to_the_lead_ends_where_the_slug_does(glued: str) -> None:
    line = f"۱۴.۸ درصد؛ رشد اجاره بها در شهر نمونه‌آباد{glued} پاییز امسال متوسط اجاره ماهانه ۱۴.۸ درصد بیشتر شد."
    url = "https://example.ir/اخبار/۱۴-۸-درصد-رشد-اجاره-بها-در-شهر-نمونه‌آباد-2661472.html"
    assert find_head((line,), url=url).headline == "۱۴.۸ درصد؛ رشد اجاره بها در شهر نمونه‌آباد"


def test_an_urgent_label_before_a_bar_leaves_the_title_line_the_headline() -> None:
    paragraphs = ("🔴 فوری | فرماندار نمونه‌شهر: ۲۰ خانه تخریب شد", "🔹 عملیات امداد ادامه دارد.")
    assert find_head(tuple(clean_text("\n".join(paragraphs)))).headline == "فرماندار نمونه‌شهر: ۲۰ خانه تخریب شد"


def test_an_urgent_label_opening_the_slug_is_no_word_of_the_title() -> None:
    assert slug_title("https://example.ir/news/436399/فوری-سرما-و-برف-این-استان-را-هم-تعطیل-کرد") == (
        "سرما و برف این استان را هم تعطیل کرد"
    )


@pytest.mark.parametrize("label", ["ویدیو", "گزارش تصویری", "#نمونه‌شهر"])
def test_a_media_or_hashtag_label_before_a_bar_leaves_its_title_a_head_line(label: str) -> None:
    lines = (f"{label} | امدادرسانی به سیل‌زدگان روستای نمونه‌آباد", "نیروهای هلال احمر به ۲۰ خانوار سیل‌زده کمک کردند.")
    assert find_head(tuple(clean_text("\n".join(lines)))).headline.endswith("امدادرسانی به سیل‌زدگان روستای نمونه‌آباد")


def test_an_urgent_title_line_under_a_slug_without_its_label_is_the_headline() -> None:
    line = "فوری| سرما و برف این استان را هم تعطیل کرد!"
    url = "https://example.ir/news/436399/فوری-سرما-و-برف-این-استان-را-هم-تعطیل"
    assert find_head((line, "معاون استاندار از تعطیلی مدارس استان به دلیل برودت هوا خبر داد."), url=url).headline == (
        "سرما و برف این استان را هم تعطیل کرد!"
    )
