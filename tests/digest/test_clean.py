"""digest.clean: HTML and boilerplate removal."""

from __future__ import annotations

import time

import pytest

from digest.clean import clean_text, html_to_text, looks_like_html

LONG_LINE = (
    "دیدگاه ها درباره این طرح در جلسه شورای شهر با نظر کارشناسان و مردم منطقه "
    "مطرح و بررسی شد و نتیجه آن اعلام خواهد شد."
)
BODY = "مدیرکل بهزیستی استان گفت: این طرح در ده شهرستان اجرا می‌شود."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"English\n\n{BODY}", (BODY,)),
        (f"{BODY}\nآیا این خبر مفید بود؟\nدیدگاه های ارسال شده توسط شما…", (BODY,)),
        (f"{BODY}\nارسال نظر\nمهمترین اخبار\nخبر دیگری که نباید بیاید.", (BODY,)),
        (f"{BODY}\nپربازدیدترین\nآخرین اخبار گروه", (BODY,)),
        (f"{BODY}\nاخبار مرتبط\nتیتر یک خبر دیگر", (BODY,)),
        (f"{BODY} انتهای پیام/", (BODY,)),
        (f"کد خبر: ۱۲۳۴۵۶\n{BODY}\nتعداد بازدید: ۲۳۴", (BODY,)),
        (f"بازدید: ۲۳۴\n{BODY}\nبازدید امروز : ۳۰ نفر\n۴۵ بازدید", (BODY,)),
        (f"بازدید استاندار از مناطق سیل‌زده\n{BODY}", ("بازدید استاندار از مناطق سیل‌زده", BODY)),
        (f"{BODY}\nبیشتر بخوانید: افتتاح یک مدرسه در روستا\nپایان", (BODY, "پایان")),
        (f"{BODY}\nمنبع: ایرنا", (BODY,)),
        (f"بی آبی روستاها مشاهده در قالب پی دی اف چاپ فرستادن به ایمیل\n{BODY}", ("بی آبی روستاها", BODY)),
        (f"افتتاح مدرسه چاپ ارسال به ایمیل\n{BODY}", ("افتتاح مدرسه", BODY)),
        (f"{BODY} نشانی را به ایمیل", (f"{BODY} نشانی را به ایمیل",)),
        (
            LONG_LINE,
            (LONG_LINE,),
        ),
    ],
    ids=[
        "language_switch",
        "comment_policy",
        "send_comment",
        "most_viewed",
        "related",
        "end_of_message",
        "code_and_views",
        "view_counters",
        "a_visit_opening_a_headline_is_no_counter",
        "read_more_teaser",
        "credit_line",
        "pdf_print_mail_buttons_after_a_title",
        "print_mail_buttons_after_a_title",
        "a_sentence_ending_in_email_stays",
        "long_line_is_not_marker",
    ],
)
def test_boilerplate(raw: str, expected: tuple[str, ...]) -> None:
    assert clean_text(raw) == expected


def test_html_page() -> None:
    page = (
        "<html><head><title>عنوان</title><style>p{color:red}</style></head><body>"
        "<nav>خانه | اخبار</nav><p>سلام &amp; درود</p><script>if (a < b) alert('x')</script>"
        "<div>متن <b>دوم</b><br>خط سوم</div><!-- comment --></body></html>"
    )
    assert clean_text(page) == ("سلام & درود", "متن دوم", "خط سوم")


def test_entities_in_plain_text() -> None:
    assert clean_text("طرح &laquo;مهر&raquo; آغاز شد") == ("طرح «مهر» آغاز شد",)


@pytest.mark.parametrize(
    ("text", "is_html"),
    [("<p>سلام</p>", True), ("a < b و c > d", False), ("<!-- x -->متن", True), ("متن ساده", False)],
    ids=["p", "comparison", "comment", "plain"],
)
def test_looks_like_html(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_html_to_text_keeps_unknown_tags_text() -> None:
    assert html_to_text("<custom>الف</custom>ب") == "الفب"


def test_seed_boilerplate_removed(seed_text: str) -> None:
    paragraphs = clean_text(seed_text)
    joined = "\n".join(paragraphs)
    for marker in ("English", "آیا این خبر مفید بود", "ارسال نظر", "پربازدیدترین", "پیام هایی که"):
        assert marker not in joined
    assert paragraphs[0].startswith("مدیر کل دفتر امور")


def test_tag_list_at_page_top_does_not_end_the_article() -> None:
    page = "کد خبرنگار: ۱۲۲۶\n۲ نفر\nبرچسب‌ها\nعنوان خبر\nمدیرکل گفت: سهمیه دو برابر شد.\nبرچسب‌ها\nتیتر دیگر"
    assert clean_text(page) == ("عنوان خبر", "مدیرکل گفت: سهمیه دو برابر شد.")  # «۲ نفر» is a page counter


def test_unclosed_tags_are_text_and_fast() -> None:
    start = time.perf_counter()
    assert clean_text("<p>متن خبر</p>" + "<a " * 20000) == ("متن خبر",)
    assert time.perf_counter() - start < 2.0  # html.parser alone is quadratic here (minutes)
    assert clean_text("<p>اگر a < b باشد</p>") == ("اگر a < b باشد",)


OTHER_STORIES = (
    "ثبت بیش از ۲۶۱ هزار تردد غیرمجاز در مبادی استان نمونه",
    "دو عنوان کتاب در جهاد دانشگاهی شهر نمونه منتشر شد",
    "خط زمینی شهر نمونه برقرار می‌شود",
)
STAMP = "کد خبر: 57362 | تاریخ انتشار: ۱۵:۵۱:۰۵ - جمعه ۱۴ مهر ۱۴۰۲ | بدون نظر | |"
STORY = ("سیل به پنج روستای شهر نمونه خسارت زد", "مدیرکل مدیریت بحران استان نمونه گفت: پنج روستا خسارت دید.")


def test_other_stories_listed_above_a_page_stamp_are_dropped() -> None:
    assert clean_text("\n".join((*OTHER_STORIES, STAMP, *STORY))) == STORY


def test_a_title_above_a_page_stamp_is_kept() -> None:
    assert clean_text("\n".join((STORY[0], STAMP, STORY[1]))) == STORY
    kicker = ("گزارش ویژه", "استان نمونه", STORY[0])  # three head lines, then the lead after the stamp
    assert clean_text("\n".join((*kicker, STAMP, STORY[1]))) == (*kicker, STORY[1])
    sentence = (*OTHER_STORIES[:2], "این یک جمله کامل از متن خبر است که با نقطه تمام می‌شود.")
    assert clean_text("\n".join((*sentence, STAMP, *STORY))) == (*sentence, *STORY)


def test_a_site_menu_above_a_page_stamp_is_dropped() -> None:
    menu = ("صفحه نخست", "اجتماعی", "شعب استانی", "آذربایجان شرقی", "کهگیلویه و بویر احمد", "کرمانشاه")
    stamps = ("کد خبر: ۳۷۹۹۷۴۶", "تاریخ انتشار : ۰۵ فروردین ۱۳۹۸ - ۲۰:۲۵")
    lead = "استاندار نمونه از انتخاب مدیران ویژه بحران برای شهرستان نمونه‌آباد خبر داد و گفت: باید آماده باشیم."
    assert clean_text("\n".join((*menu, *stamps, lead))) == (lead,)
    assert clean_text("\n".join((*menu[:4], *stamps, lead))) == (*menu[:4], lead)  # too few to be a menu


def test_a_skip_to_content_link_is_chrome() -> None:
    lead = "آمار رسمی: از هر ۵۲ نفر یک نفر در ایران به مراکز درمان اعتیاد مراجعه می‌کند"
    assert clean_text(f"رفتن مستقیم به محتوا\nپرش به محتوا\n{lead}") == (lead,)
    assert clean_text(f"رفتن به محتوای اصلی\n\nعنوان خبر نمونه\n{lead}") == ("عنوان خبر نمونه", lead)
    assert clean_text(f"پرش به محتوای اصلی\n{lead}") == (lead,)
    assert clean_text(f"کد QR مطلبدریافت صفحه با کد QR\n{lead}") == (lead,)


def test_a_posts_read_counter_and_an_archives_count_are_chrome() -> None:
    title, lead = "تصرف ایلراه ها بلای جان عشایر", "مسئول بسیج عشایری استان نمونه گفت: سالانه چند تصادف رخ می‌دهد."
    page = f"این مطلب ۵۱۴ بار خوانده شده\n{title}\n{lead}\nاین مطلب 194 بار دیده شده"
    assert clean_text(page) == (title, lead)
    assert clean_text(f"۱ مطلب در تیر ۱۳۹۳ ثبت شده است\n{lead}") == (lead,)
    assert clean_text(f"۳ مطلب با موضوع «قنات» ثبت شده است\n{lead}") == (lead,)
    news = "۴۵ مطلب در سامانه ثبت شده است و بررسی می‌شود"  # a sentence that goes on is news
    assert clean_text(f"{news}\n{lead}") == (news, lead)


def test_a_news_modules_labels_are_chrome() -> None:
    title, lead = "کاهش ساعت کاری پاکبانان در فصل گرما", "به گزارش روابط عمومی سازمان پسماند، ساعت کاری کم شد."
    assert clean_text(f"نمایش خبر ها\nدسته بندی خبر ها\n{title}\n{lead}") == (title, lead)


def test_a_back_to_the_home_page_link_is_chrome() -> None:
    title, lead = "شمار کودکان کار فراتر از یک میلیون است", "مدیرعامل انجمن نمونه اعلام داشت: کودکان کار زیادند."
    assert clean_text(f"بازگشت به صفحه نخست\n{title}\n{lead}") == (title, lead)
    assert clean_text(f"{title}\n{lead}\nبازگشت به صفحه اصلی") == (title, lead)


def test_a_date_widget_with_no_jalali_plugin_and_its_counter_are_chrome() -> None:
    title = "خروج خوراک اصلی از سفره ها"
    lead = "وزارت رفاه گزارش خط فقر را منتشر کرد و مصرف مرغ کاهش یافت."
    page = (
        f"• امروز : افزونه جلالی را نصب کنید.\n  • برابر با : Friday - 3 May - 2024\nکل 3087 امروز 0\n{title}\n{lead}"
    )
    assert clean_text(page) == (title, lead)
    dated = f"• امروز : جمعه - ۱۵ فروردین - ۱۴۰۴\n  • برابر با : 6 - شوال - 1446\n{title}\n{lead}"
    assert clean_text(dated) == (title, lead)


def test_a_broken_images_notice_is_chrome() -> None:
    lead = "زمین در بخش‌هایی از شهر نمونه سالانه تا ۲۰ سانتیمتر فرو می‌نشیند و خانه‌ها ترک برداشته‌اند."
    assert clean_text(f"خطا در بارگذاری تصویر\n{lead}") == (lead,)
    assert clean_text(f"خطا در بارگذاری ویدیو\nعنوان خبر نمونه\n{lead}") == ("عنوان خبر نمونه", lead)
    title = "خطا در بارگذاری سامانه ثبت نام وام ودیعه"  # news of an error, not a notice
    assert clean_text(f"{title}\n{lead}") == (title, lead)


def test_a_postal_address_is_chrome() -> None:
    address = "قائمشهر ، میدان شهید سلیمانی، خیابان شهید بهشتی ، روبروی خیابان عدالت ۳۵"
    story = ("تا سه هفته دیگر بقیه استانداران معرفی می‌شوند", "سخنگوی دولت گفت: الف.")
    assert clean_text("\n".join((*story, address))) == story
    street = "در خیابان اصلی شهر نمونه آب‌گرفتگی رخ داد و میدان مرکزی بسته شد."
    assert clean_text(street) == (street,)


def test_an_end_marker_after_the_lead_with_the_quote_going_on_is_skipped() -> None:
    lead = "به گزارش خبرنگار ما، علی رضایی در جلسه بررسی آسیب‌های اجتماعی گفت: طلاق کاهش یافت."
    more = "وی با رد نگاه اقتصادی خاطرنشان کرد: علت اصلی فرهنگی است."
    assert clean_text(f"{lead}\n\nانتهای پیام\n\n{more}") == (lead, more)
    # the marker still ends the story when what follows is another page's text
    assert clean_text(f"{lead}\n\nانتهای پیام\n\nآخرین خبرهای استان نمونه در یک نگاه") == (lead,)


def test_latest_news_in_the_top_menu_under_a_tagline_does_not_end_the_story() -> None:
    story = (
        "اهالی روستای نمونه‌آباد با جمعیتی بالغ بر ۲۳۲ نفر، روزهای سختی را به دلیل قطع آب شرب سپری می‌کنند "
        "و مسئولان هنوز پاسخی به درخواست‌های آنان نداده‌اند."
    )
    page = "\n".join(
        [
            "گلچینی از فرهیختگان عرصه اطلاع رسانی که در توسعه آگاهی عمومی نقش دارند",
            "اخبار فوری",
            "آخرین اخبار",
            "اعتراض اهالی روستای نمونه‌آباد به قطع آب",
            story,
        ]
    )
    assert story in clean_text(page)
    listed = "\n".join(["دو مرکز توانبخشی در نمونه‌آباد افتتاح شد.", "آخرین اخبار", "عنوان خبر دیگر", story])
    assert story not in clean_text(listed)  # after the story's own sentence the marker ends it


def test_a_share_button_under_the_title_does_not_end_the_story() -> None:
    story = (
        "آن‌طور که دبیر اجرایی پویش نمونه می‌گوید، آنها پیش از این نخستین هیات عزاداری کارتن‌خواب‌های شهر را "
        "در بازار برپا کرده بودند و هر شب صدها نفر به آن می‌آمدند."
    )
    page = "\n".join(
        ["کارتن خواب هایی که روزگاری برای خود کسی بودند/ جانباز، مسئول سابق و دکتر!", "اشتراک گذاری :", story]
    )
    assert story in clean_text(page)


@pytest.mark.parametrize(
    "widget",
    [
        "• برابر با : 3 - ربيع ثاني - 1446",
        "امروز : سه‌شنبه ۲۹ اسفند ۱۴۰۲ - 2024 March 19",
        "امروز: جمعه 31 فروردین 1403 برابر با 19 آوریل 2024",
    ],
)
def test_a_date_widget_line_is_chrome_even_when_long(widget: str) -> None:
    story = "افزایش ۱۵ درصدی جمعیت سالمندان تا سال ۱۴۲۰ پیش بینی می شود و شهرها باید آماده شوند."
    assert clean_text(f"{widget}\n{story}") == (story,)
