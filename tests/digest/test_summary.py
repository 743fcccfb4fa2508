"""digest.summary: extractive summary."""

from __future__ import annotations

from digest.clean import clean_text
from digest.headline import find_head
from digest.sentences import split_sentences
from digest.summary import ELLIPSIS, MAX_SENTENCES, MAX_SUMMARY_WORDS, clip_words, summarize

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
    assert summary == (  # the one sentence that carries the story (it was three sentences, ~110 words)
        "مدیر کل دفتر امور آسیب های اجتماعی وزارت تعاون، کار و رفاه اجتماعی گفت: استان خوزستان، تهران، کرمان، "
        "سیستان و بلوچستان، استانهای پایلوت در طرح کودکان بازمانده از تحصیل هستند.",
    )
    for marker in (
        "آیا این خبر مفید بود",
        "دیدگاه های ارسال",
        "ارسال نظر",
        "پیام هایی",
        "English",
        "به گزارش",
    ):
        assert marker not in joined


def words(lines: tuple[str, ...]) -> int:
    return sum(len(line.split()) for line in lines)


LONG = (
    "مدیرکل بهزیستی استان گفت: طرح ساماندهی کودکان کار که از سال گذشته در پنج شهرستان استان آغاز شده بود، "
    "امسال با همکاری شهرداری‌ها و دستگاه‌های اجرایی و خیرین و سازمان‌های مردم‌نهاد و مراکز مشاوره در همه "
    "شهرستان‌های استان اجرا می‌شود و خانواده‌های این کودکان نیز شناسایی و به مراکز حمایتی معرفی خواهند شد "
    "تا هیچ کودکی در سطح شهرها به کار واداشته نشود."
)


def test_the_summary_stays_within_the_word_cap() -> None:
    summary = summarize(SENTENCES, "آغاز طرح ساماندهی کودکان کار")
    assert 1 <= len(summary) <= MAX_SENTENCES and words(summary) <= MAX_SUMMARY_WORDS


def test_of_two_sentences_that_carry_the_story_the_shorter_wins() -> None:
    short = "مدیرکل بهزیستی گفت: طرح ساماندهی کودکان کار در استان آغاز شد."
    long = (
        "مدیرکل بهزیستی در نشست خبری امروز با حضور مسئولان استانی و نمایندگان دستگاه‌ها گفت: "
        "طرح ساماندهی کودکان کار در استان آغاز شد."
    )
    assert summarize([long, short], "آغاز طرح ساماندهی کودکان کار") == (short,)


def test_a_line_opening_with_a_pronoun_does_not_lead() -> None:
    """Only one of the two fits the cap; the one that names its speaker wins over `وی افزود`."""
    lead = (
        "رئیس دانشگاه علوم پزشکی استان صبح امروز در جمع خبرنگاران گفت: ۲۰ تیم پزشکی و درمانی به شهرستان‌های "
        "سیل‌زده اعزام شده‌اند و به مردم این مناطق خدمات رایگان می‌دهند."
    )
    follow = (
        "وی افزود: تاکنون ۱۲ هزار نفر از مردم مناطق سیل‌زده از خدمات رایگان تیم‌های پزشکی بهره‌مند شده‌اند "
        "و ۴۰۰ بسته دارو میان خانوارها توزیع شده است."
    )
    assert summarize([lead, follow], "خدمات رایگان تیم‌های پزشکی به ۱۲ هزار نفر در مناطق سیل‌زده") == (lead,)


def test_a_sentence_over_the_cap_is_cut_at_a_clause_break() -> None:
    (line,) = summarize([LONG], "اجرای طرح ساماندهی کودکان کار")
    assert line.endswith(" " + ELLIPSIS) and len(line.split()) <= MAX_SUMMARY_WORDS + 1
    assert LONG.startswith(line.removesuffix(" " + ELLIPSIS))
    assert line.removesuffix(" " + ELLIPSIS).split()[-1] in LONG.split()  # whole words only


def test_clip_words() -> None:
    assert clip_words("یک دو سه", 5) == "یک دو سه"
    assert clip_words("یک دو، سه چهار پنج شش", 4) == "یک دو " + ELLIPSIS  # the break ends word 2 of 4: half kept
    assert clip_words("یک دو سه چهار پنج شش", 4) == "یک دو سه چهار " + ELLIPSIS  # no break: cut at the cap
