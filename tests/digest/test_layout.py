"""digest.layout: emoji bullets, markup debris, date stamps and dash bullets."""

from __future__ import annotations

import random
import re

import pytest

from digest import layout
from digest.clean import clean_text
from digest.headline import find_head
from digest.layout import layout_lines, strip_bullet, strip_emoji, strip_stamp
from digest.normalize import normalize_fa

BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date 2026-03-04 پخش زنده مدیرکل امور عشایر گفت: کوچ آغاز شد.", "مدیرکل امور عشایر گفت: کوچ آغاز شد."),
        ("2026-03-04T08:15:00+03:30 فرماندار گفت: جاده باز است.", "فرماندار گفت: جاده باز است."),
        ("۱۴۰۴/۰۱/۲۰ - ۰۹:۳۰ بخشدار مرکزی گفت: آب وصل شد.", "بخشدار مرکزی گفت: آب وصل شد."),
        ("چهارشنبه ۵ اسفند ۱۴۰۳ - مدیر مدرسه گفت: کلاس‌ها برقرار است.", "مدیر مدرسه گفت: کلاس‌ها برقرار است."),
        ("۱۲:۴۰ | رئیس اورژانس گفت: دو نفر مصدوم شدند.", "رئیس اورژانس گفت: دو نفر مصدوم شدند."),
        ("۲۰ آبان ماه امسال طرح آغاز شد.", "۲۰ آبان ماه امسال طرح آغاز شد."),
        ("دوشنبه ۳ مهر جلسه شورا برگزار شد.", "دوشنبه ۳ مهر جلسه شورا برگزار شد."),
        ("تاریخ برگزاری آزمون اعلام شد.", "تاریخ برگزاری آزمون اعلام شد."),
        ("۱۲ دیگر روستا آب ندارند.", "۱۲ دیگر روستا آب ندارند."),
    ],
    ids=[
        "iso_date_keyword_player",
        "iso_datetime",
        "jalali_date_time",
        "weekday_day_month_year_dash",
        "clock_pipe",
        "day_month_opens_sentence",
        "weekday_opens_sentence",
        "date_word_in_sentence",
        "month_prefix_not_month",
    ],
)
def test_strip_stamp(line: str, expected: str) -> None:
    assert strip_stamp(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- مدیرکل گفت: خبر.", "مدیرکل گفت: خبر."),
        ("– سارا نیک‌نام، رئیس اداره: آماده‌ایم.", "سارا نیک‌نام، رئیس اداره: آماده‌ایم."),
        ("—— • شهردار: معابر باز شد", "شهردار: معابر باز شد"),
        ("-۵ درجه دمای هوا", "-۵ درجه دمای هوا"),
        ("|به گزارش ایرنا، شهردار گفت: خبر.", "به گزارش ایرنا، شهردار گفت: خبر."),
        (";فرهاد کاوه اظهارداشت: خبر.", "فرهاد کاوه اظهارداشت: خبر."),
    ],
    ids=["hyphen", "en_dash_transcript", "mixed", "negative_number", "bar_after_emoji", "entity_tail"],
)
def test_strip_bullet(line: str, expected: str) -> None:
    assert strip_bullet(line) == expected


def test_emoji_bullets_are_line_breaks() -> None:
    post = (
        "\u2b55 ۴۰ خانوار در مدرسه اسکان یافتند \U0001f538 نرگس فرهمند، مدیرکل بحران استان نمونه: "
        "\U0001f539 هفت روستا تخلیه شد. \u25aa\ufe0f امدادرسانی ادامه دارد 1\ufe0f\u20e3 پایان"
    )
    assert layout_lines(post) == [
        "۴۰ خانوار در مدرسه اسکان یافتند",
        "نرگس فرهمند، مدیرکل بحران استان نمونه:",
        "هفت روستا تخلیه شد.",
        "امدادرسانی ادامه دارد",
        "پایان",
    ]


def test_strip_emoji_for_headlines() -> None:
    assert strip_emoji("\U0001f534 فوری \U0001f4cc توزیع بسته \u2705") == "فوری توزیع بسته"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f'متن خبر <image><img src="data:image/png;base64,{BASE64}" alt="عکس"></image> ادامه', ("متن خبر ادامه",)),
        ('بند اول string(96) "[{"w":480,"hash":"9fa3c1e0b4"}]" بند دوم', ("بند اول بند دوم",)),
        (
            '<image>data:image/s3,"s3://images/f838b5064c218f67" alt="اتباع در اولویت اخراج"</image>\nمتن خبر',
            ("اتباع در اولویت اخراج", "متن خبر"),
        ),
        ("Image result for هشدار سیل\nستاد بحران هشدار داد", ("هشدار سیل", "ستاد بحران هشدار داد")),
        ("منوچهر ورناصری٬ فرماندار باوی گفت ۱٬۲۰۰ نفر", ("منوچهر ورناصری، فرماندار باوی گفت ۱٬۲۰۰ نفر",)),
        ("مدیر کمیته امداد امام خمینی(ره)ایرانشهر گفت", ("مدیر کمیته امداد امام خمینی(ره) ایرانشهر گفت",)),
        ("<--! block 2 --> سطر خبر", ("سطر خبر",)),
        ("کد d41d8cd98f00b204e9800998ecf8427e ثبت شد", ("کد ثبت شد",)),
        ("Home | About us | Contact | Login شهر\nخبر اصلی", ("خبر اصلی",)),
        ("قیمت ۱۲۰۰۰ تومان و 2500000 ریال شد", ("قیمت ۱۲۰۰۰ تومان و 2500000 ریال شد",)),
        ("IMG 20190923 103041 540 مشکلات سیل استان", ("مشکلات سیل استان",)),
        ("منبع خبر: http://banker.ir/news/215625/مسکن-گران-شد و بقیه خبر", ("منبع خبر: و بقیه خبر",)),
        ("در تصویر DSC_0123.JPG کودکان ۱۲ روستا دیده می‌شوند", ("در تصویر کودکان ۱۲ روستا دیده می‌شوند",)),
    ],
    ids=[
        "data_uri_and_image_tag",
        "php_dump",
        "an_image_tags_remains_keep_its_alt_text",
        "an_image_search_caption",
        "the_thousands_sign_after_a_letter_is_a_comma",
        "a_word_glued_after_a_closing_bracket",
        "broken_comment",
        "hex_hash",
        "latin_menu_line",
        "numbers_kept",
        "camera_file_name",
        "camera_file_name_with_extension",
        "web_address",
    ],
)
def test_debris_removed(raw: str, expected: tuple[str, ...]) -> None:
    assert clean_text(raw) == expected


def test_player_chrome_line_is_dropped() -> None:
    assert clean_text("پخش زنده\nمدیرکل گفت: خبر.") == ("مدیرکل گفت: خبر.",)


def test_title_glued_to_agency_dateline_is_split() -> None:
    text = "افتتاح دو مدرسه در روستای نمونهایسنا/ نمونه شهر مدیرکل آموزش و پرورش گفت: دو مدرسه افتتاح شد."
    assert layout_lines(text) == [
        "افتتاح دو مدرسه در روستای نمونه",
        "ایسنا/ نمونه شهر مدیرکل آموزش و پرورش گفت: دو مدرسه افتتاح شد.",
    ]
    assert layout_lines("تهران-ایرنا- خبر") == ["تهران-ایرنا- خبر"]


def test_literal_newline_escapes_are_line_breaks() -> None:
    assert layout_lines("خط اول خبر.\\n\\nخط دوم خبر.") == ["خط اول خبر.", "خط دوم خبر."]


def test_list_numbers_are_bullets_but_ranges_stay() -> None:
    lines = layout_lines("۱- علی رضایی گفت: …\n2) حسن کریمی افزود: …\n۱۰ - ۱۵ درصد کاهش یافت")
    assert lines == ["علی رضایی گفت: …", "حسن کریمی افزود: …", "۱۰ - ۱۵ درصد کاهش یافت"]


def test_wrapped_lines_are_joined_but_headings_and_desk_lines_stay() -> None:
    assert layout_lines("به گزارش ایرنا، علی\nرضایی، مدیر گفت: …") == ["به گزارش ایرنا، علی رضایی، مدیر گفت: …"]
    assert layout_lines("کمک به مددجویان در شهر نمونه و\nروستاهای اطراف آن") == [
        "کمک به مددجویان در شهر نمونه و روستاهای اطراف آن"
    ]
    heading = ["سایپا صفر- پرسپولیس صفر", "یکی از زیباترین بازی‌ها بود."]
    assert layout_lines("\n".join(heading)) == heading
    desk = ["گروه اجتماعی الف،", "مدیرکل دفتر آمار گفت: …"]
    assert layout_lines("\n".join(desk)) == desk


def test_a_report_lead_in_or_a_post_cut_by_a_line_break_is_joined() -> None:
    wrapped = "به گزارش صدا و سیما، مرکز نمونه ؛ مدیرعامل جمعیت\nهلال احمر استان نمونه گفت: …"
    assert layout_lines(wrapped) == ["به گزارش صدا و سیما، مرکز نمونه ؛ مدیرعامل جمعیت هلال احمر استان نمونه گفت: …"]
    assert layout_lines("به گزارش ایرنا از شهر نمونه\nمدیرکل بهزیستی گفت: …") == [
        "به گزارش ایرنا از شهر نمونه مدیرکل بهزیستی گفت: …"
    ]


def test_a_report_lead_ended_by_its_verb_is_not_joined_and_a_glued_outlet_is_split() -> None:
    lines = ["به گزارش امروله، معاون فرماندار از کمپ ترک اعتیاد بازدید کردند", "در این بازدید رئیس اداره گفت: …"]
    assert layout_lines("\n".join(lines)) == lines
    assert layout_lines("به گزارشامروله، شهردار گفت: …") == ["به گزارش امروله، شهردار گفت: …"]
    for kept in ("به گزارش‌های رسیده شهردار گفت: …", "به گزارشی از شهر نمونه اشاره کرد.", "به گزارشگر ما گفت: …"):
        assert layout_lines(kept) == [kept]


def test_a_glued_and_before_a_count_and_a_scale_glued_to_its_unit_are_split() -> None:
    glued = "صندوق متوسط وهفت هزار عدد و ۳۰ میلیاردریال"
    assert layout_lines(glued) == ["صندوق متوسط و هفت هزار عدد و ۳۰ میلیارد ریال"]
    for kept in ("هزاران نفر آمدند", "ویکی هزار مقاله", "۲ هزاره تاریخ"):
        assert layout_lines(kept) == [kept]


def test_a_name_glued_to_its_post_and_ra_glued_to_a_number_are_split() -> None:
    glued = "به گزارش طلوع؛ نور علیوندمدیرکل بهزیستی تعداد مراکز را۱۳ مرکز اعلام کرد."
    assert layout_lines(glued) == ["به گزارش طلوع؛ نور علیوند مدیرکل بهزیستی تعداد مراکز را ۱۳ مرکز اعلام کرد."]
    for kept in ("مدیرکل بهزیستی گفت", "فرارا۲ آمد", "مدیرکلی"):
        assert layout_lines(kept) == [kept]


def test_and_typed_twice_is_said_once() -> None:
    assert layout_lines("۶ هزار و و ۶۶۹ واحد مسکونی ساخته شد") == ["۶ هزار و ۶۶۹ واحد مسکونی ساخته شد"]


def test_a_counts_unit_glued_to_the_small_word_after_it_is_split() -> None:
    glued = "با ۵۴۹ نفر در جاده‌ها، 299نفردر مسیرهای شهری و ۷۵ نفرسایر و ۳ موردو"
    assert layout_lines(glued) == ["با ۵۴۹ نفر در جاده‌ها، 299نفر در مسیرهای شهری و ۷۵ نفر سایر و ۳ مورد و"]
    for kept in ("نفرت از جنگ", "۵ نفرت", "این نفردر", "۳ موردی"):
        assert layout_lines(kept) == [kept]


def test_a_number_broken_over_lines_is_joined_but_a_lone_number_line_stays() -> None:
    broken = (
        "آمار معتادان را دو میلیون\nو\n۸۰۰\nهزار نفر اعلام کرد.\nستاد افزود که بیش از\n۶۴\nهزار معتاد بی سرپناه هستند."
    )
    assert layout_lines(broken) == [
        "آمار معتادان را دو میلیون و ۸۰۰ هزار نفر اعلام کرد.",
        "ستاد افزود که بیش از ۶۴ هزار معتاد بی سرپناه هستند.",
    ]
    assert layout_lines("۱۴۰۲\nعنوان بعدی") == ["۱۴۰۲", "عنوان بعدی"]
    assert layout_lines("کانال نمونه،\n3.33\n3 reviews") == ["کانال نمونه،", "3.33", "3 reviews"]


def test_a_spaced_reporting_verb_glued_to_the_post_is_split() -> None:
    assert layout_lines("رئیس بهزیستی شهر نمونهخاطر نشان کرد: الف.") == ["رئیس بهزیستی شهر نمونه خاطر نشان کرد: الف."]


def test_a_markdown_image_leaves_its_alt_text() -> None:
    raw = "![امدادرسانی به سیل زدگان](https://example.ir/_files/thumb/12233968_504.jpg)\nوی گفت: الف."
    assert layout_lines(raw) == ["امدادرسانی به سیل زدگان", "وی گفت: الف."]


def test_percent_written_apart_after_a_number_is_one_word() -> None:
    spaced = "نرخ بیکاری سه ونیم در صد و سهم زنان ۲۰ در صد است"
    assert layout_lines(spaced) == ["نرخ بیکاری سه ونیم درصد و سهم زنان ۲۰ درصد است"]
    for kept in ("دولت در صدد است", "در صد سال اخیر"):
        assert layout_lines(kept) == [kept]


GLUED_HEADINGS = [
    (
        "شهر در محاصره آب است و استان به این فلاکت افتاد نماینده شهر نمونه:",
        ["شهر در محاصره آب است و استان به این فلاکت افتاد", "نماینده شهر نمونه:"],
    ),
    (
        "کمبود پزشک متخصص در ۴۸ رشته در شهر نمونه بهروز کارخانه ای رئیس دانشگاه علوم پزشکی، خدمات درمانی نمونه:",
        ["کمبود پزشک متخصص در ۴۸ رشته در شهر نمونه", "بهروز کارخانه ای رئیس دانشگاه علوم پزشکی، خدمات درمانی نمونه:"],
    ),
    (
        "مرغ تا ۱۰ روز دیگر ارزان می‌شود مهدی یوسف خانی رئیس اتحادیه پرنده و ماهی:",
        ["مرغ تا ۱۰ روز دیگر ارزان می‌شود", "مهدی یوسف خانی رئیس اتحادیه پرنده و ماهی:"],
    ),
]
NOT_GLUED = [
    "به گزارش ایرنا، علی رضایی مدیرکل بهزیستی گفت:",
    "در این جلسه با حضور مدیرکل بهزیستی موارد زیر مطرح شد:",
    "مهمترین اخبار امروز به روایت سخنگوی دولت:",
    "علی رضایی، مدیرکل بهزیستی استان نمونه:",
    "سردار علی حسن رضایی رئیس پلیس استان نمونه:",
    "محمد علی حسن رضایی معاون بهزیستی استان نمونه:",
    "به گزارش ایرنا، امروز علی رضایی مدیرکل بهزیستی استان نمونه گفت:",
    "در این جلسه با حضور علی رضایی مدیرکل بهزیستی موارد زیر مطرح شد:",
    "شکایت تند امیر حسین علوی از نمایندگان شهر نمونه و شهر دیگر:",
]


@pytest.mark.parametrize(("line", "expected"), GLUED_HEADINGS)
def test_a_heading_glued_after_a_channel_headline_is_its_own_line(line: str, expected: list[str]) -> None:
    """A post, or a name and its post (which may hold a comma), after a channel post's headline."""
    assert layout_lines(line) == expected


@pytest.mark.parametrize("line", NOT_GLUED)
def test_a_line_with_its_verb_or_a_name_before_the_post_stays_whole(line: str) -> None:
    assert layout_lines(line) == [line]


def test_page_counters_are_dropped() -> None:
    page = "مجموع نظرات: ۰\n۰ نفر\nبازدید: ۱۲۳\nمدیرکل گفت: ۲۰ نفر تحت پوشش هستند."
    assert layout_lines(page) == ["مدیرکل گفت: ۲۰ نفر تحت پوشش هستند."]


def test_ascii_run_finds_what_the_plain_pattern_finds() -> None:
    plain = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Za-z+/]{32}")
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choices(["a", "Z", "7", "+", "/", "ب", " ", "=", "-", "aaaaaaaa"], k=rng.randint(0, 12)))
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in layout._ASCII_RUN.finditer(text)] == expected, text


def test_glued_verb_hint_sees_every_glued_verb() -> None:
    """layout_lines runs the glued-verb rule only where its cheap hint matches: never one too few."""
    pieces = ["کشور", "تصریح", "تاکید", "تأکید", "یادآور", "اذعان", " ", "\u200c", "کرد", "شد", "نمود", "ها", "۱", "."]
    rng = random.Random(12)
    seen = 0
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        if layout._GLUED_VERB.search(text):
            seen += 1
            assert layout._has_glued_verb(text), text
    assert seen > 50


def test_report_lead_in_alone_on_its_line_joins_the_next() -> None:
    lines = clean_text("به گزارش\nخبرگزاری صدا و سیما مدیرعامل سازمان بیمه سلامت گفت: بیمه ادامه دارد.")
    assert lines == ("به گزارش خبرگزاری صدا و سیما مدیرعامل سازمان بیمه سلامت گفت: بیمه ادامه دارد.",)


def test_a_title_glued_to_a_report_lead_in_is_split() -> None:
    text = "استفاده از کودکان – خبرگزاری مهر اخبار ایران و جهانبه گزارش خبرنگار مهر، مهدی آخریان گفت: خبر."
    assert clean_text(text)[-1] == "به گزارش خبرنگار مهر، مهدی آخریان گفت: خبر."
    assert clean_text("این جنبه گزارش را ببینید.") == ("این جنبه گزارش را ببینید.",)


def test_single_quotes_around_persian_words_are_guillemets() -> None:
    assert clean_text("'رضا همتی' روز دوشنبه گفت: خبر.") == ("«رضا همتی» روز دوشنبه گفت: خبر.",)
    assert clean_text("it's 'fine' and ‘درست’ است") == ("it's 'fine' and «درست» است",)


def test_a_post_alone_on_its_line_joins_the_next() -> None:
    assert clean_text("مدیرکل\nمدیریت بحران استانداری در گفتگو با خبرنگار گفت: بارش شدید بود.") == (
        "مدیرکل مدیریت بحران استانداری در گفتگو با خبرنگار گفت: بارش شدید بود.",
    )


def test_said_glued_to_the_post_before_a_colon_is_split() -> None:
    assert clean_text("مدیرعامل جمعیت هلال احمر استان بوشهرگفت: هفت پایگاه داریم.") == (
        "مدیرعامل جمعیت هلال احمر استان بوشهر گفت: هفت پایگاه داریم.",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "نگرانی از سرعت بالای سالمندی در ایرانرئیس سازمان بهزیستی کشور:\nمستمری‌ها افزایش می‌یابد.",
            (
                "نگرانی از سرعت بالای سالمندی در ایران",
                "رئیس سازمان بهزیستی کشور:",
                "مستمری\u200cها افزایش می\u200cیابد.",
            ),
        ),
        ("نایبرئیس مجلس گفت: طرح تصویب شد.", ("نایبرئیس مجلس گفت: طرح تصویب شد.",)),
    ],
    ids=["title_glued_to_its_role_heading", "a_post_written_glued_stays"],
)
def test_title_glued_to_a_role_heading(raw: str, expected: tuple[str, ...]) -> None:
    assert clean_text(raw) == expected


def test_other_stories_listed_with_bullets_above_the_story_are_dropped() -> None:
    listed = ["- مصدومیت ۷ نفر در تصادفات صبحگاهی", "- انجام مذاکره تصمیم نظام است!", "- هیچ حکومتی اجازه نمی‌دهد!"]
    story = ["۸۲ درصد کودکان کار در شهر نمونه اتباع خارجی هستند!!", "مدیرکل بهزیستی گفت: الف."]
    more = [*listed, "- تعیین جنسیت ۲ یوز تازه شناسایی شده"]
    assert layout_lines("\n".join([*more, *story])) == story
    assert layout_lines("\n".join([*listed[:2], *story])) == [line.lstrip("- ") for line in listed[:2]] + story
    assert layout_lines("\n".join(more)) == [line.lstrip("- ") for line in more]  # a list alone is the text
    transcript = ["– علی رضایی: الف", "– کاوه کریمی: ب", "– علی رضایی: ج", "– کاوه کریمی: د", "پایان"]
    assert layout_lines("\n".join(transcript)) == [line.lstrip("– ") for line in transcript]


def test_a_telegram_channel_pages_header_is_dropped() -> None:
    page = [
        "کانال خبری نمونه",
        "1.41K subscribers",
        "10.1K photos",
        "733 videos",
        "ارتباط با ادمین @sample_admin",
        "Download Telegram",
        "کانال خبری نمونه",
        "Photo",
        "💢 *تاکید معاون بهداشتی بر حذف بیماری مالاریا*",
        "کارگاه حذف بیماری مالاریا در شهر نمونه برگزار گردید.",
    ]
    assert layout_lines("\n".join(page)) == [
        "تاکید معاون بهداشتی بر حذف بیماری مالاریا",
        "کارگاه حذف بیماری مالاریا در شهر نمونه برگزار گردید.",
    ]
    plain = ["کانال خبری نمونه", "خبر امروز: ۲۰ نفر مصدوم شدند."]
    assert layout_lines("\n".join(plain)) == plain


def test_a_name_between_modifier_letter_quotes_is_quoted() -> None:
    line = "به گزارش سلام نمونه ˈحسین میر دریکوندی ˈ روز یکشنبه افزود: الف."
    assert layout_lines(line) == ["به گزارش سلام نمونه «حسین میر دریکوندی» روز یکشنبه افزود: الف."]


def test_a_breadcrumb_keeps_its_last_part() -> None:
    line = "پرتال بنیاد مسکن استان نمونه ›› اخبار ›› واحدهای خسارت دیده از زلزله در شهرستان نمونه"
    assert layout_lines(line) == ["واحدهای خسارت دیده از زلزله در شهرستان نمونه"]


def test_an_interview_line_cut_after_the_reporter_is_joined_to_the_outlets_name() -> None:
    wrapped = "حمید نمونه‌زاده در گفتگو با خبرنگار\nصدای نمونه بیان کرد: برق روستا وصل شد."
    assert layout_lines(wrapped) == ["حمید نمونه‌زاده در گفتگو با خبرنگار صدای نمونه بیان کرد: برق روستا وصل شد."]


def test_with_glued_before_its_adjunct_is_written_apart() -> None:
    line = "علی نمونه‌زاده رئیس جمعیت هلال احمر کشوربا بیان اینکه اقلام ارسال شد افزود: ۲۰ تیم اعزام شد."
    assert layout_lines(line) == [line.replace("کشوربا", "کشور با")]
    kept = "این شهر زیبا با اشاره به تاریخ کهنش شناخته می‌شود."
    assert layout_lines(kept) == [kept]


def test_glued_dateline_test_sees_every_glued_dateline() -> None:
    """layout_lines runs the glued-dateline rule only where its cheap test passes: never one too few."""
    pieces = ["ایسنا", "ایرنا", "تسنیم", "نمونه", "/", "-", "–", " ", "۱۴۰۲", "خبر"]
    rng = random.Random(13)
    seen = 0
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        found = layout._GLUED_DATELINE.search(text) is not None
        seen += found
        assert layout._has_glued_dateline(text) == found, text
    assert seen > 50


def test_an_eitaa_channel_pages_header_is_not_the_post() -> None:
    page = (
        "eitaa logo\nبلوطستان\n1.2هزار دنبالکننده\n8.8هزار عکس\n2.3هزار ویدیو\n64 فایل\n"
        "نشریه فرهنگی-اجتماعی دارای مجوز رسمی\nمشاهده در ایتا\nدانلود\n"
        "دولتی که قرار بود مسکن بسازد در حمایت از مستاجران ناکام ماند."
    )
    post = "دولتی که قرار بود مسکن بسازد در حمایت از مستاجران ناکام ماند."
    assert [line for line in layout_lines(page) if line != "eitaa logo"] == [post]
    assert clean_text(page) == (post,)


@pytest.mark.parametrize(
    ("header", "city", "lead"),
    [
        ("تهران - ایرنا 12 آبان 1375 برابر با دوم نوامبر 1996", "تهران", "معاون وزارت کشاورزی گفت: الف."),
        ("بوشهر خبرگزاری جمهوری اسلامی 01/09/76", "بوشهر", "صیادان بوشهری خواستار لایروبی اسکله ها شدند."),
        ("تهران، خبرگزاری جمهوری اسلامی - 26/05/83", "تهران", "سازمان خبرگزاری ستاد ویژه تشکیل داد."),
    ],
    ids=["dash_and_two_dates", "city_then_agency", "comma_and_dash"],
)
def test_an_archived_wire_header_becomes_todays_dateline(header: str, city: str, lead: str) -> None:
    title = "بیش از شش میلیون زن در بخش کشاورزی کار می‌کنند"
    assert layout_lines(f"{title} # {header} {lead}") == [title, f"{city} - ایرنا - {lead}"]
    assert layout_lines(f"{title} # برچسب # {lead}") == [f"{title} # برچسب # {lead}"]  # a tag list stays


def test_an_archived_wire_header_opening_a_line_loses_its_desk_codes() -> None:
    line = "شهرکرد، خبرگزاری جمهوری اسلامی 13/12/86 داخلی.اجتماعی.کمیته.امداد مدیرکل کمیته امداد استان گفت: الف."
    assert layout_lines(line) == ["شهرکرد - ایرنا - مدیرکل کمیته امداد استان گفت: الف."]


def test_a_portals_accessibility_box_is_no_story() -> None:
    text = (
        "| رنگ | + 0 - |\nADA\nبستن این پنجره\nراهنما\n"
        "این سایت مطابق با استاندارهای ADA برای نابینایان مناسب‌سازی شده است.\nبستن این پنجره\n"
        "طرح آبرسانی به ۱۳ روستا آغاز شد\nمدیرکل آب و فاضلاب روستایی استان گفت: طرح آغاز شد."
    )
    assert layout_lines(text)[-2:] == [
        "طرح آبرسانی به ۱۳ روستا آغاز شد",
        "مدیرکل آب و فاضلاب روستایی استان گفت: طرح آغاز شد.",
    ]
    assert not any("ADA" in line or line in ("راهنما", "بستن این پنجره") for line in layout_lines(text))
    # without the box, a line «راهنما» is the text's own
    assert "راهنما" in layout_lines("راهنما\nمتن خبر")


def test_a_blogs_login_and_newsletter_box_is_no_story() -> None:
    text = normalize_fa(
        "عضو شوید\n\nنام کاربری\nرمز عبور\n\n:: فراموشی رمز عبور؟\n\nعضویت سریع\nتکرار رمز\nایمیل\nکد تصویری\n"
        "براي اطلاع از آپيدت شدن وبلاگ در خبرنامه وبلاگ عضو شويد تا جديدترين مطالب به ايميل شما ارسال شود\n"
        "در روستای زلزله زده همه منازل خراب شده‌اند."
    )
    assert layout_lines(text) == ["در روستای زلزله زده همه منازل خراب شده‌اند."]
    # without the box, a line «ایمیل» is the text's own
    assert "ایمیل" in layout_lines("ایمیل\nمتن خبر")


def test_a_full_stop_put_before_a_title_is_dropped_but_an_ellipsis_stays() -> None:
    lines = layout_lines("معاون استاندار:\n.ساخت و بهسازی روستا براساس ضوابط قانونی باشد\n...و ادامه دارد")
    assert lines == ["معاون استاندار:", "ساخت و بهسازی روستا براساس ضوابط قانونی باشد", "...و ادامه دارد"]
    head = find_head(tuple(lines[:2]) + ("جلسه مدیریت بحران استان با حضور معاون سیاسی برگزار شد.",))
    assert head.headline == "ساخت و بهسازی روستا براساس ضوابط قانونی باشد"


def test_a_cms_shortcode_is_a_line_break_and_its_words_stay() -> None:
    text = "[su_frame align=”left”]ریزگرد[/su_frame]رشت- مدیر کل بحران کیفیت هوا را بحرانی اعلام کرد.\n[1] منبع"
    assert layout_lines(text) == ["ریزگرد", "رشت- مدیر کل بحران کیفیت هوا را بحرانی اعلام کرد.", "[1] منبع"]


def test_a_breadcrumb_of_short_sections_leaves_the_title_and_a_line_of_sections_stays() -> None:
    lines = layout_lines("اخبار > کارنامه اعتباربخشی بیمارستان ها\nاستانها > سمنان\nمتن خبر اینجاست.")
    assert lines == ["کارنامه اعتباربخشی بیمارستان ها", "استانها > سمنان", "متن خبر اینجاست."]


def test_a_hard_wrap_after_a_lone_preposition_and_before_the_verb_is_joined() -> None:
    text = "به\nگزارش خبرنگار ما از کرمانشاه؛ رسول اکبری\nگفت: تعداد سالمندان استان زیاد است."
    assert layout_lines(text) == ["به گزارش خبرنگار ما از کرمانشاه؛ رسول اکبری گفت: تعداد سالمندان استان زیاد است."]


def test_a_title_run_into_its_lead_with_only_a_space_is_split_at_the_lead_in() -> None:
    text = (
        "ورود پنج هزار دوز واکسن به استان نمونه به گزارش رسانه خبری نمونه ،دکتر علی کریمی رییس دانشگاه گفت: واکسن رسید."
    )
    assert layout_lines(text) == [
        "ورود پنج هزار دوز واکسن به استان نمونه",
        "به گزارش رسانه خبری نمونه ،دکتر علی کریمی رییس دانشگاه گفت: واکسن رسید.",
    ]
    kept = "این طرح به گزارش خبرنگار ما تا پایان سال در استان اجرا می‌شود."  # no comma soon: one sentence
    assert layout_lines(kept) == [kept]


def test_a_title_printed_as_its_slug_gets_its_spaces_back() -> None:
    lines = layout_lines("جهاد-ادامه-دارد؛-توزیع-بیش-از-2000-بسته-معیشتی\nعلی نمونه گفت: کار ادامه دارد.")
    assert lines[0] == "جهاد ادامه دارد؛ توزیع بیش از 2000 بسته معیشتی"
    kept = ("news/12-توزیع-بسته-معیشتی-نمونه", "کد-خبر-۱۲", "آسیب‌های اجتماعی - مشاوره - خانواده")
    for line in kept:
        assert layout_lines(line) == [line]  # a path, a short code, a spaced list: not a slug line


HARD_WRAPPED = [  # a page copied at a fixed width: lines stop wherever the width ran out
    "جلسه شورای فرهنگ عمومی شهرستان نمونه برگزار شد.",
    "به گزارش دبیرخانه شورای فرهنگ عمومی استان نمونه، شورای فرهنگ عمومی شهرستان",
    "نمونه با حضور اعضا و مهمانان و به ریاست امام جمعه شهرستان تشکیل جلسه داد.",
    "امام جمعه و رئیس شورای فرهنگ عمومی شهرستان نمونه در این جلسه ضمن",
    "تسلیت سالگرد ارتحال امام خمینی (ره) و سالگرد قیام ۱۵ خرداد، دستاوردهای",
    "انقلاب اسلامی را بسیار ارزشمند دانست و کاهش طلاق را از اولویت‌های شورا",
    "برشمرد و گفت: باید برای کاهش آسیب‌های اجتماعی در شهرستان برنامه داشت.",
    "وی افزود: در سال گذشته بیش از ۳۰۰ مورد طلاق در این شهرستان ثبت شده که",
    "نسبت به سال قبل از آن افزایش داشته و زنگ خطری برای خانواده‌ها است.",
]


def test_a_hard_wrapped_page_is_joined_into_its_sentences() -> None:
    lines = layout_lines("\n".join(HARD_WRAPPED))
    assert lines[0] == HARD_WRAPPED[0]
    assert any(line.startswith("امام جمعه و رئیس") and line.endswith("برنامه داشت.") for line in lines)
    assert any(line.startswith("وی افزود:") and line.endswith("خانواده‌ها است.") for line in lines)


def test_paragraphs_of_any_length_are_no_hard_wrap() -> None:
    paragraphs = [
        "عنوان خبر نمونه درباره مستمری مددجویان",
        "ساعت: ۱۳:۰۴",
        "مدیرکل بهزیستی استان نمونه گفت: ۲ هزار مددجو از ابتدای امسال مستمری گرفته‌اند و این رقم رو به افزایش است",
        "وی افزود: برای پرداخت مستمری به همه مددجویان پشت نوبت اعتبار لازم است",
        "این مقام مسئول ادامه داد: خیرین هم در این زمینه کمک کرده‌اند و کمک‌ها ادامه دارد",
        "او گفت: سامانه ثبت نام برای مددجویان جدید از هفته آینده باز می‌شود",
        "مدیرکل بهزیستی استان نمونه در پایان از همکاری دستگاه‌ها قدردانی کرد",
        "گزارش از خبرنگار ما در شهر نمونه و روستاهای اطراف آن",
    ]
    assert layout_lines("\n".join(paragraphs)) == paragraphs


def test_an_excerpt_running_the_title_into_its_lead_in_is_split() -> None:
    title = "سازماندهی ۳۰ گروه جهادی استان نمونه برای بازسازی منازل سیل زده"
    lead = "به گزارش شهرنمونه سرگرد علی رضایی با اشاره به مطلب فوق اظهار داشت: گروه‌ها کار را آغاز می‌کنند […]"
    lines = layout_lines(f"{title} {lead}\n{title}\n{title}\nمتن کامل خبر از اینجا آغاز می‌شود و ادامه دارد.")
    assert lines[:2] == [title, lead]
    cut = "تعطیلی کارخانه فولاد نمونه به دلیل مشکلات"  # a shorter line the title starts: no excerpt
    whole = f"{cut} مالی و دغدغه بیکار شدن کارکنان مجموعه در شهر نمونه و روستاهای اطراف آن"
    assert layout_lines(f"{whole}\n{cut}")[0] == whole
