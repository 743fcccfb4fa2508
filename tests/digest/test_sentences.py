"""digest.sentences: sentence and word splitting."""

from __future__ import annotations

from digest.sentences import split_sentences, words


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
