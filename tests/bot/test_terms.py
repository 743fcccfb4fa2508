"""Search terms: Persian folding, stop words, the light stemmer (pure)."""

from __future__ import annotations

import pytest

from bot.archive.query import Query, QueryError, parse_query
from bot.terms import stem, text_terms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("طلاق\u200cها", "طلاق"),
        ("طلاقها", "طلاق"),
        ("آسیب\u200cهای", "آسیب"),
        ("استانهای", "استان"),
        ("بزرگ\u200cترین", "بزرگ"),
        ("استان", "استان"),  # hazm's Stemmer gives اس
        ("ایران", "ایران"),  # ... and ایر
        ("کودکان", "کودکان"),  # ان plurals are left alone
        ("ها", "ها"),  # too short to be a plural
        ("می\u200cشود", "میشود"),  # a half-space that is not before a suffix only joins
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_text_terms_normalize_and_drop_stop_words() -> None:
    assert text_terms("افزایش طلاق‌ها در استانهای خوزستان و كرمان؛ ۱۲ درصد از آمار") == [
        "افزایش",
        "طلاق",
        "استان",
        "خوزستان",
        "کرمان",
        "12",
        "درصد",
        "آمار",
    ]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("خوزستان طلاق", [["p:خوزستان"], ["t:طلاق", "طلاق"]]),
        ("طلاق‌ها اهواز", [["طلاق", "t:طلاق"], ["اهواز"]]),
        ("سیستان و بلوچستان", [["p:سیستان و بلوچستان"]]),
        ("بیکاری", [["t:بیکاری و اشتغال", "بیکاری"]]),
    ],
)
def test_query_groups(text: str, groups: list[list[str]]) -> None:
    parsed = parse_query(text)
    assert isinstance(parsed, Query) and parsed.groups() == groups


@pytest.mark.parametrize(
    ("text", "error"),
    [("", QueryError.EMPTY), ("  ؟! ", QueryError.EMPTY), ("و در از", QueryError.ONLY_STOP_WORDS),
     ("طلاق " * 100, QueryError.TOO_LONG)],
)  # fmt: skip
def test_bad_queries(text: str, error: QueryError) -> None:
    assert parse_query(text) is error
