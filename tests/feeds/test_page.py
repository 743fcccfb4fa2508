"""feeds/page.py: one page reader for every path that reads an article page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from digest import PROVINCES, Article, extract
from feeds.page import Extractor, binary_reason, bomless_unicode, parse_time, read_page
from tests.feeds.conftest import fixture_bytes

TEHRAN = timezone(timedelta(hours=3, minutes=30))
MENU_PAGE = "page_province_menu.html"
BODY_PLACES = ("ایلام", "دهلران", "آبدانان")


def test_page_with_menus_reads_only_the_article() -> None:
    page = read_page(fixture_bytes(MENU_PAGE), "https://www.tasnimnews.com/fa/news/3012345")
    assert page.extractor is Extractor.TRAFILATURA
    assert page.title == "اعزام ۲۰ تیم پزشکی به مناطق سیل\u200cزده ایلام"  # the <h1>: no suffix, not the logo
    lines = page.text.split("\n")
    assert lines[0].startswith("به گزارش خبرگزاری تسنیم از ایلام، رئیس دانشگاه علوم پزشکی ایلام")
    assert len(lines) >= 3 and "۴۰۰ بسته دارویی" in lines[1]  # paragraphs kept, one per line
    chrome = ["اینستاگرام", "تیم فانتزی", "سیاسی", "کرمانشاه", "استان‌ها", "تبریز", "پرسپولیس", "کلیه حقوق", "۱۴۰۲"]
    assert [word for word in chrome if word in page.text] == []
    assert page.published == datetime(2024, 2, 8, 6, 58, tzinfo=TEHRAN)
    assert page.canonical_url == "https://www.tasnimnews.com/fa/news/1402/11/19/3012345/اعزام-۲۰-تیم-پزشکی-ایلام"
    assert (page.site_name, page.lang) == ("خبرگزاری تسنیم", "fa")


def test_places_come_from_the_body_only() -> None:
    page = read_page(fixture_bytes(MENU_PAGE), "https://www.tasnimnews.com/fa/news/3012345")
    digest = extract(Article(text=page.text, title=page.title, url=page.canonical_url))
    assert digest.headline == page.title
    assert digest.places == BODY_PLACES and digest.provinces == ("ایلام",)
    assert digest.summary[0].startswith("رئیس دانشگاه علوم پزشکی ایلام")
    # the province menu holds all 31 provinces: read whole, the page would name every one
    assert all(p in fixture_bytes(MENU_PAGE).decode() for p in PROVINCES)


def test_r4_shaped_page() -> None:
    page = read_page(fixture_bytes("page_r4_shape.html"), "https://example.ir/news/77")
    assert page.title == "توزیع ۸۰۰ سبد غذایی میان خانوارهای نیازمند یزد"
    assert page.text.startswith("به گزارش خبرگزاری آزمایشی، مدیرکل کمیته امداد استان یزد گفت")
    assert "شنبه ۲۱ بهمن" not in page.text and "تلگرام" not in page.text and "پرسپولیس" not in page.text
    digest = extract(Article(text=page.text, title=page.title))
    assert set(digest.places) <= {"یزد", "میبد", "اردکان"} and "یزد" in digest.places
    assert page.published == datetime(2024, 2, 10, 9, 15, tzinfo=TEHRAN)  # its Jalali date line (no meta)
    assert page.canonical_url is None


def test_date_line_inside_the_body_is_dropped_and_read_as_the_time() -> None:
    page = read_page(fixture_bytes("page_dateline.html"), "https://www.varzesh3.com/news/1/x")
    assert page.title == "صعود ملوان به لیگ برتر با پیروزی در انزلی"  # `؛:: ورزش سه` dropped, no og:site_name
    assert page.text.startswith("تیم فوتبال ملوان بندرانزلی امروز") and "۱۴۰۲" not in page.text
    assert "تیم فانتزی" not in page.text and "سپاهان" not in page.text and "ورزش سه" not in page.text
    assert page.published == datetime(2024, 2, 8, 22, 10, tzinfo=TEHRAN)


def test_menus_without_nav_tags_stay_out() -> None:
    page = read_page(fixture_bytes("page_div_menus.html"), "https://www.isna.ir/news/1402112015/")
    assert page.title == "۵۰۰ بسته معیشتی میان سیل\u200cزدگان سیستان و بلوچستان توزیع شد"
    assert page.published == datetime(2024, 2, 10, 8, 15, tzinfo=UTC)  # itemprop datePublished wins
    assert page.canonical_url == "https://www.isna.ir/news/1402112015/۵۰۰-بسته-معیشتی"  # relative, resolved
    assert page.site_name == "ایسنا" and page.lang == "fa"
    digest = extract(Article(text=page.text, title=page.title))
    assert digest.places == ("سیستان و بلوچستان", "زاهدان", "چابهار", "دشتیاری")
    assert not {"کرمان", "گیلان", "همدان", "تبریز", "مشهد", "لرستان"} & set(digest.places)


def _page(head: str, body: str) -> str:
    para = "<p>" + "مدیرکل بهزیستی استان گفت که این طرح در همه شهرستان‌ها اجرا می‌شود و ادامه دارد. " * 4 + "</p>"
    return f'<html lang="fa"><head>{head}</head><body>{body}<article>{para * 3}</article></body></html>'


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>آغاز طرح ملی | خبرگزاری ایسنا</title>", "", "آغاز طرح ملی"),
        ('<meta property="og:title" content="برد ملوان؛:: ورزش سه">', "<h1>ورزش سه</h1>", "برد ملوان"),
        ("<title>خبرگزاری مهر | اخبار ایران و جهان | Mehr News</title>", "<article><h1>صعود ملوان</h1></article>",
         "صعود ملوان"),
        ('<meta property="og:title" content="تیتر درست خبر">', "<h1>تیم فانتزی</h1>", "تیتر درست خبر"),
        ("", "<h1>خبرگزاری نمونه</h1><main><h1>افتتاح مدرسه در روستا</h1></main>", "افتتاح مدرسه در روستا"),
        ('<meta property="og:site_name" content="همشهری آنلاین"><title>تیتر خبر – همشهری آنلاین</title>', "",
         "تیتر خبر"),
    ],
    ids=["title-suffix", "og-colons-logo-h1", "label-only-title", "menu-h1", "logo-and-article-h1", "site-name"],
)  # fmt: skip
def test_title_choice(head: str, body: str, title: str) -> None:
    assert read_page(_page(head, body), "https://example.ir/news/1").title == title


def test_small_page_falls_back_to_visible_text_without_chrome() -> None:
    page = read_page("<html><body><nav>خانه | اصفهان</nav><p>مدیرکل بهزیستی یزد گفت: طرح آغاز شد.</p></body></html>")
    assert page.text == "مدیرکل بهزیستی یزد گفت: طرح آغاز شد."
    assert page.extractor in (Extractor.TRAFILATURA, Extractor.FALLBACK)


def test_hostile_or_empty_markup_reads_as_nothing() -> None:
    for markup in ("<" * 5000 + "&" * 5000, "", "<html></html>"):
        page = read_page(markup)
        assert page.text == "" and page.extractor is Extractor.NONE


@pytest.mark.parametrize("zwnj", ["\u200c", "&zwnj;", "&#8204;"], ids=["char", "entity", "numeric"])
def test_zero_width_non_joiner_survives_extraction(zwnj: str) -> None:
    para = f"<p>این خبر در شهرستان{zwnj}های استان منتشر می{zwnj}شود و ادامه دارد.</p>"
    page = read_page(f"<html><body><article><h1>تیتر</h1>{para * 8}</article></body></html>")
    assert "شهرستان\u200cهای" in page.text and "می\u200cشود" in page.text and "\u2e3b" not in page.text


def test_legacy_encoded_bytes_are_decoded() -> None:
    markup = '<html><head><meta charset="windows-1256"></head><body><p>مديركل بهزيستي يزد گفت.</p></body></html>'
    assert "مديركل بهزيستي يزد" in read_page(markup.encode("cp1256")).text


@pytest.mark.parametrize(
    ("body", "content_type", "why"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), None, "a PNG image, not text"),
        (b"%PDF-1.4\n...", "application/pdf", "a PDF document, not text"),
        (b"<html></html>", "image/jpeg", "not a page but image/jpeg"),
        (bytes(range(256)) * 4, None, "binary data (NUL bytes), not text"),
        (bytes(range(1, 256)) * 4, None, "binary data (control bytes), not text"),
    ],
    ids=["png", "pdf", "declared-image", "nul", "controls"],
)
def test_binary_bodies_are_named(body: bytes, content_type: str | None, why: str) -> None:
    assert binary_reason(body, content_type) == why


@pytest.mark.parametrize(
    "body",
    [
        "<p>مدیرکل گفت</p>".encode(),
        "مديركل گفت".encode("cp1256"),
        "مدیرکل گفت\n".encode("utf-16"),
        "مدیرکل گفت: طرح\tآغاز شد\n".encode("utf-16-le"),
        "مدیرکل گفت: طرح آغاز شد\n".encode("utf-32-be"),
        b"",
    ],
    ids=["utf8", "cp1256", "utf16-bom", "utf16-no-bom", "utf32-no-bom", "empty"],
)
def test_text_bodies_are_not_binary(body: bytes) -> None:
    assert binary_reason(body) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bomless_unicode_is_named(codec: str) -> None:
    assert bomless_unicode("<p>مدیرکل بهزیستی یزد گفت: طرح آغاز شد.</p>".encode(codec)) == codec
    assert bomless_unicode(bytes(range(256))) is None


def test_parse_time() -> None:
    assert parse_time("2024-02-08T06:58:00+03:30") == datetime(2024, 2, 8, 6, 58, tzinfo=TEHRAN)
    assert parse_time("2024-02-08T03:28:00Z") == datetime(2024, 2, 8, 3, 28, tzinfo=UTC)
    assert parse_time("2024-02-08 06:58") == datetime(2024, 2, 8, 6, 58, tzinfo=TEHRAN)  # zone-less: Tehran
    assert parse_time("2024-02-08") is None and parse_time("2024-02-08T00:00:00") is None  # a bare date
    assert parse_time("پنجشنبه ۱۹ بهمن") is None and parse_time(None) is None
