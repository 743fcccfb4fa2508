"""digest/sitetitle.py: site names stripped from page titles, never the headline itself."""

from __future__ import annotations

import pytest

from digest.sitetitle import host_brand, is_site_label, strip_site_affixes

CASES = [
    ("افزایش ۲۰ درصدی طلاق در کرمان - اخبار تسنیم - Tasnim", (), "https://www.tasnimnews.com/fa/news/1",
     "افزایش ۲۰ درصدی طلاق در کرمان"),
    ("برد پرسپولیس در تبریز؛:: ورزش سه", (), "https://www.varzesh3.com/news/1", "برد پرسپولیس در تبریز"),
    ("آغاز طرح ملی | خبرگزاری ایسنا", (), None, "آغاز طرح ملی"),
    ("خبرگزاری مهر | اخبار ایران و جهان | Mehr News Agency - توزیع ۵۰۰ بسته معیشتی در ایلام", (), None,
     "توزیع ۵۰۰ بسته معیشتی در ایلام"),
    ("باشگاه خبرنگاران جوان | رشد ۱۰ درصدی اشتغال", (), None, "رشد ۱۰ درصدی اشتغال"),
    ("تیتر خبر – همشهری آنلاین", ("همشهری آنلاین",), None, "تیتر خبر"),
    ("ورزش سه :: صعود ملوان به لیگ برتر", (), None, "صعود ملوان به لیگ برتر"),
    ("صعود ملوان؛:: ورزش سه", (), None, "صعود ملوان"),
    ("سقوط بهمن در جاده چالوس | ISNA", (), "https://www.isna.ir/news/1", "سقوط بهمن در جاده چالوس"),
]  # fmt: skip
KEPT = [
    "تکذیب اخبار استعفای استاندار",  # a headline that holds an outlet word, not at its start
    "مدیرکل بهزیستی - ایلام",  # a dash inside a headline, no site name on either side
    "آزادی ۲۰۰ زندانی جرائم غیرعمد - ۱۴۰۲",
    "سقوط هواپیمای آموزشی",
]


@pytest.mark.parametrize(("title", "names", "host", "want"), CASES, ids=[c[3][:12] for c in CASES])
def test_site_affixes_stripped(title: str, names: tuple[str, ...], host: str | None, want: str) -> None:
    assert strip_site_affixes(title, names, host) == want


@pytest.mark.parametrize("title", KEPT)
def test_headline_kept_whole(title: str) -> None:
    assert strip_site_affixes(title) == title
    assert strip_site_affixes(f"{title} | خبرگزاری ایسنا") == title


def test_never_strips_everything() -> None:
    assert strip_site_affixes("خبرگزاری مهر | اخبار ایران و جهان | Mehr News Agency") == "Mehr News Agency"
    assert strip_site_affixes("خبرگزاری ایسنا") == "خبرگزاری ایسنا"
    assert strip_site_affixes("  ") == ""


def test_labels_and_brands() -> None:
    assert host_brand("https://ilam.irna.ir/news/1") == "irna"
    assert host_brand("www.yjc.news") == "yjc" and host_brand("http://127.0.0.1:8080/x") is None
    assert is_site_label("Tasnim") and is_site_label("خبرگزاری تسنیم") and is_site_label("ایسنا", ("خبرگزاری ایسنا",))
    assert not is_site_label("اعزام ۲۰ تیم پزشکی به مناطق سیل‌زده ایلام")


def test_a_site_word_opens_a_label_only_as_whole_words() -> None:
    assert is_site_label("ماهنامه نمونه")
    assert is_site_label("سایت خبری نمونه")
    assert not is_site_label("ماه نامهربان و طردشدگان از مدرسه")
