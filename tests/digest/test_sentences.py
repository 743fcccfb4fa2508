"""digest.sentences: sentence and word splitting."""

from __future__ import annotations

import random
import re

from digest.sentences import _P, _pieces, split_sentences, words


def test_split_keeps_numbers_and_colons() -> None:
    text = "نرخ تورم 45.6 درصد شد. وی گفت: این رقم ۱۴۰۳/۰۵/۱۲ اعلام شد؛ بیشتر است! آیا کافی است؟ بله"
    assert split_sentences([text]) == [
        "نرخ تورم 45.6 درصد شد.",
        "وی گفت: این رقم ۱۴۰۳/۰۵/۱۲ اعلام شد؛ بیشتر است!",
        "آیا کافی است؟",
        "بله",
    ]


def test_paragraphs_and_blank_lines() -> None:
    assert split_sentences(["الف\n\nب", "", "ج."]) == ["الف", "ب", "ج."]


def test_words_keep_half_space_compounds() -> None:
    assert words("آسیب‌های اجتماعی، ۱۲ نفر!") == ["آسیب‌های", "اجتماعی", "۱۲", "نفر"]


def test_full_stop_glued_between_words_ends_a_sentence() -> None:
    assert split_sentences(["ما در بحران هستیم.علی رضایی افزود: کمک رسید."]) == [
        "ما در بحران هستیم.",
        "علی رضایی افزود: کمک رسید.",
    ]
    assert split_sentences(["سال ۱۴۴۵ ه.ق و رقم 45.6 درصد"]) == ["سال ۱۴۴۵ ه.ق و رقم 45.6 درصد"]
    assert split_sentences(["۲۳ هزار بسته توزیع شد.دکتر علی خدادادی گفت: کمک رسید."]) == [
        "۲۳ هزار بسته توزیع شد.",
        "دکتر علی خدادادی گفت: کمک رسید.",
    ]


def test_leading_dash_bullets_dropped() -> None:
    assert split_sentences(["طرح اجرا شد. - مدیرکل گفت: الف.", "-۵ درجه ثبت شد.", "— "]) == [
        "طرح اجرا شد.",
        "مدیرکل گفت: الف.",
        "-۵ درجه ثبت شد.",
    ]


# the sentence-end rule as a plain look-behind regex: `split_sentences` must cut exactly where it does
_NOT_P = "[^\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"
_REFERENCE_END = re.compile(
    rf"(?<=[.!؟?])(?:[\s»\"']*\s+|(?<={_P}{{3}}[.!؟])(?={_P}{{2}})|(?<={_NOT_P}{_P}{{2}}[.!؟])(?={_P}{{3}})"
    rf"|(?<={_P}{{2}}[.!؟])(?=[0-9۰-۹]{{1,2}}[ ]+{_P}))|\n+"
)
_REFERENCE_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")


def test_sentence_ends_and_words_match_the_plain_regexes() -> None:
    pieces = ["ب", "س", "ا", "ی", ".", "!", "؟", "?", " ", "  ", "\n", "\n\n", "»", '"', "'", "x", "۱", "\t", "-"]
    pieces += ["،", "\u200c", "_", "آسیب", "۴۵.۶", "1", "12"]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 14)))
        assert _pieces(text) == _REFERENCE_END.split(text), text
        assert words(text) == _REFERENCE_WORD.findall(text), text


def test_a_dot_after_a_two_letter_word_is_an_abbreviation() -> None:
    assert split_sentences(["به گزارش اس.بی پرس، مدیر گفت: خبر."]) == ["به گزارش اس.بی پرس، مدیر گفت: خبر."]
    assert split_sentences(["نداریم.امیرشیر توماج گفت: خبر."]) == ["نداریم.", "امیرشیر توماج گفت: خبر."]


def test_a_stop_before_a_slash_ends_the_sentence() -> None:
    # «… شده اند./ NAME، … اظهار داشت»: a source credit stripped from between two sentences left «./»
    text = "منازل ترک خورده اند./ حسین نمونه‌زاده، ضمن تایید اظهار داشت: تیم‌ها اعزام شدند."
    second = "حسین نمونه‌زاده، ضمن تایید اظهار داشت: تیم‌ها اعزام شدند."
    assert split_sentences([text]) == ["منازل ترک خورده اند.", second]
    assert split_sentences(["نرخ ۵/۲ درصد است."]) == ["نرخ ۵/۲ درصد است."]


def test_a_footnotes_number_after_the_stop_ends_the_sentence() -> None:
    text = "جمعیت از ۸۰ میلیون گذشته است.1 به گفته حمید نمونه‌زاده، جمعیت به ۸۰ میلیون رسید."
    assert split_sentences([text]) == [
        "جمعیت از ۸۰ میلیون گذشته است.",
        "1 به گفته حمید نمونه‌زاده، جمعیت به ۸۰ میلیون رسید.",
    ]
    assert split_sentences(["نرخ بیکاری ۲.۵ درصد است."]) == ["نرخ بیکاری ۲.۵ درصد است."]
