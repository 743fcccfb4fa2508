"""digest.fingerprint: SimHash near-duplicate detection across agencies."""

from __future__ import annotations

from digest import Article, extract, fingerprint, hamming
from digest.fingerprint import NEAR_DUPLICATE_BITS

STORY = (
    "مدیرکل بهزیستی استان خوزستان گفت: طرح ساماندهی کودکان کار از هفته آینده "
    "در پنج شهرستان استان اجرا می‌شود. "
    "وی افزود: در این طرح خانواده‌های کودکان کار شناسایی و به مراکز حمایتی و مشاوره معرفی می‌شوند. "
    "مدیرکل بهزیستی تصریح کرد: اعتبار این طرح از محل بودجه استانی تامین شده و تا پایان سال ادامه دارد. "
    "وی با اشاره به همکاری شهرداری و آموزش و پرورش گفت: "
    "مدارس نیز در شناسایی کودکان بازمانده از تحصیل کمک می‌کنند."
)
IRNA = "به گزارش ایرنا، " + STORY
ISNA = "به گزارش ایسنا، " + STORY.replace("از هفته آینده", "از هفته بعد") + " این طرح پیش از این در تهران اجرا شده بود."
OTHER = (
    "رئیس پلیس راهور استان فارس گفت: تصادفات جاده‌ای در تعطیلات نوروز ده درصد کاهش یافت. "
    "وی افزود: بیشترین تصادفات در محور شیراز به اصفهان رخ داده و سرعت غیرمجاز عامل اصلی آن بوده است. "
    "این مقام مسئول از رانندگان خواست در سفرهای تابستانی قوانین را رعایت کنند و خستگی را جدی بگیرند."
)


def test_reworded_copies_are_near() -> None:
    assert hamming(fingerprint(IRNA), fingerprint(ISNA)) <= NEAR_DUPLICATE_BITS


def test_unrelated_stories_are_far() -> None:
    assert hamming(fingerprint(IRNA), fingerprint(OTHER)) > 2 * NEAR_DUPLICATE_BITS


def test_spacing_and_letters_do_not_matter() -> None:
    variant = IRNA.replace("\u200c", " ").replace("ی", "ي").replace("ک", "ك")
    assert fingerprint(variant) == fingerprint(IRNA)


def test_digest_carries_body_fingerprint() -> None:
    d = extract(Article(text=IRNA, title="اجرای طرح ساماندهی کودکان کار"))
    assert d.fingerprint == fingerprint(d) != 0
    assert hamming(d.fingerprint, fingerprint(ISNA)) <= NEAR_DUPLICATE_BITS


def test_hamming() -> None:
    assert hamming(0, 0) == 0
    assert hamming(0b1011, 0b0001) == 2
    assert hamming(0, (1 << 64) - 1) == 64
    assert 0 <= fingerprint("") < 1 << 64
