"""digest.summary: extractive summary."""

from __future__ import annotations

from digest.clean import clean_text
from digest.headline import find_head
from digest.sentences import split_sentences
from digest.summary import MAX_SENTENCES, summarize

SENTENCES = [
    "مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار در پنج شهرستان استان آغاز شد.",
    "به گزارش ایرنا، مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار در پنج شهرستان استان آغاز شد.",
    "کوتاه است.",
    "در این طرح خانواده‌های کودکان کار شناسایی و به مراکز حمایتی معرفی می‌شوند.",
    "اعتبار این طرح از محل بودجه استانی تامین شده و تا پایان سال ادامه دارد.",
    "وی افزود:",
    "مراکز مشاوره نیز در این طرح با بهزیستی همکاری خواهند کرد و گزارش آن منتشر می‌شود.",
]


def test_near_duplicates_dropped_and_order_kept() -> None:
    summary = summarize(SENTENCES, "آغاز طرح ساماندهی کودکان کار")
    assert 1 <= len(summary) <= MAX_SENTENCES
    assert summary[0] == SENTENCES[0]
    assert not any("به گزارش ایرنا" in s for s in summary)
    assert sum("پنج شهرستان" in s for s in summary) == 1
    positions = [SENTENCES.index(s) for s in summary]
    assert positions == sorted(positions)


def test_short_and_colon_sentences_skipped() -> None:
    summary = summarize(SENTENCES, "طرح")
    assert "کوتاه است." not in summary and "وی افزود:" not in summary


def test_empty() -> None:
    assert summarize([], "عنوان") == ()


def test_seed_summary_has_no_boilerplate(seed_text: str) -> None:
    head = find_head(clean_text(seed_text))
    summary = summarize(split_sentences(head.body), head.headline)
    joined = " ".join(summary)
    assert len(summary) == MAX_SENTENCES
    for marker in (
        "آیا این خبر مفید بود",
        "دیدگاه های ارسال",
        "ارسال نظر",
        "پیام هایی",
        "English",
        "به گزارش",
    ):
        assert marker not in joined
