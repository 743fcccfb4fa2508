"""digest.textmatch: tolerant matching of spaced, glued and half-spaced forms."""

from __future__ import annotations

import random
import re

import pytest

from digest.leadins import AGENCIES
from digest.roles import REPORTING_VERBS
from digest.textmatch import (
    KEY_WORD,
    PERSIAN_LETTER,
    WORD_END,
    WORD_START,
    PhraseIndex,
    alternation,
    flex,
    key_words,
    squash,
    word_regex,
)

PATTERN = word_regex(["آسیب* اجتماعی", "تاکید کرد", "خبر داد", "مسئول", "کودک* کار"])


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("آسیب های اجتماعی", True),
        ("آسیبهای اجتماعی", True),
        ("آسیب\u200cهای اجتماعی", True),
        ("تأکید کرد", True),
        ("خبرداد", True),
        ("مسوول", True),
        ("کودکان کار", True),
        ("استان آسیب اجتماعیات", False),
        ("خبرداده‌اند", False),
        ("کودکانه کاری", False),
    ],
    ids=[
        "spaced",
        "glued",
        "zwnj",
        "hamza",
        "glued_verb",
        "hamza_seat",
        "plural",
        "longer_word",
        "prefix",
        "other_word",
    ],
)
def test_word_regex(text: str, hit: bool) -> None:
    assert (PATTERN.search(text) is not None) is hit


def test_squash_ignores_spacing() -> None:
    assert squash("آسیب های") == squash("آسیبهای") == squash("آسیب\u200cهای")


def test_star_word_with_silent_he_takes_the_gan_plural() -> None:
    index = PhraseIndex([("زلزله زده*", "quake"), ("بازمانده* از تحصیل", "dropout")])
    assert list(index.finditer("اسکان زلزلهزدگان و بازماندگان از تحصیل")) == ["quake", "dropout"]


def test_key_words_are_the_regex_words() -> None:
    """`key_words` splits on spaces and reads only punctuated pieces with `KEY_WORD`: the same words."""
    pieces = ["آسیب", "های", "۱۲", "x2", "_", "،", ":", "«", "»", " ", "  ", "\n", "\t", "\u200c", "-", "٪", "é", "ـ"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 10)))
        assert key_words(text) == KEY_WORD.findall(text), text


@pytest.mark.parametrize(
    "phrases",
    [
        REPORTING_VERBS,
        AGENCIES,
        ["آسیب* اجتماعی", "اعلام کرد", "ابراز داشت", "گفت", "گفته", "و", "ب"],
        ["ءاب", "اب"],
        ["یببب", "ئبب", "یب"],
    ],
    ids=["reporting_verbs", "agencies", "mixed", "optional_hamza", "overlapping_starts"],
)
def test_grouped_alternation_matches_the_flat_one(phrases: list[str]) -> None:
    """`alternation` groups phrases by first letter: the same matches as one flat alternation."""
    flat = "(?:" + "|".join(flex(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"
    grouped, plain = re.compile(WORD_START + alternation(phrases) + WORD_END), re.compile(WORD_START + flat + WORD_END)
    pieces = [*{w for p in phrases for w in p.replace("*", "").split()}, "أ", "آ", "ا", " ", "\u200c", "x", "،", "ها"]
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("char", ["ا", "ب", "پ", "چ", "ژ", "ک", "گ", "ی", "ي", "ك", "ء", "ة"])
def test_persian_letter_takes_persian_and_arabic_letters(char: str) -> None:
    assert re.fullmatch(PERSIAN_LETTER, char)


@pytest.mark.parametrize("char", ["۱", "1", "a", "\u200c", " ", "،", "؟", "«", "\u064b"])
def test_persian_letter_leaves_digits_latin_marks_and_punctuation(char: str) -> None:
    assert not re.fullmatch(PERSIAN_LETTER, char)
