"""digest.normalize: lossless character unification."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.normalize import _PLAIN_ZWNJ, _ZWNJ_RUN, ZWNJ, _fix_zwnj, normalize_fa, to_latin_digits, to_persian_digits

CASES = [
    ("arabic_yeh_kaf", "كيومرث اميري", "کیومرث امیری"),
    ("alef_maksura", "مصطفى", "مصطفی"),
    ("arabic_indic_digits", "١٢٣ نفر", "۱۲۳ نفر"),
    ("latin_digits_kept", "45 نفر", "45 نفر"),
    ("decimal_point_kept", "45.6 درصد", "45.6 درصد"),
    ("thousands_kept", "10,000 تومان", "10,000 تومان"),
    ("date_kept", "1403/05/12", "1403/05/12"),
    ("persian_decimal_kept", "۱۲٫۵", "۱۲٫۵"),
    ("nbsp", "آسیب\u00a0های", "آسیب های"),
    ("thin_space", "ده\u2009هزار", "ده هزار"),
    ("diacritics", "مُحَمَّد", "محمد"),
    ("tatweel", "اســـتان", "استان"),
    ("direction_marks", "\u200fمی\u200f\u200cشود\u200e", "می\u200cشود"),
    ("presentation_forms", "ﻣﺪﯾﺮﮐﻞ ﺑﻬﺰﯾﺴﺘﯽ ﻻرﺳﺘﺎن", "مدیرکل بهزیستی لارستان"),
    ("presentation_form_yeh_kaf", "ﻋﻠﯽ ﮐﺮﯾﻤﯽ", "علی کریمی"),
    ("zwj_and_bom", "\ufeffسلام\u200d", "سلام"),
    ("zwnj_kept", "آسیب\u200cهای", "آسیب\u200cهای"),
    ("zwnj_doubled", "برنامه\u200c\u200cها", "برنامه\u200cها"),
    ("zwnj_spaced_both_sides", "آسیب \u200c های", "آسیب\u200cهای"),
    ("zwnj_before_space", "آسیب\u200c های", "آسیب های"),
    ("zwnj_at_edge", "\u200cسلام\u200c", "سلام"),
    ("zwnj_next_to_digit", "۱۰\u200c نفر", "۱۰ نفر"),
    ("not_sign_as_zwnj", "می\u00acشود", "می\u200cشود"),
    ("crlf_and_spaces", "الف  ب\r\nج ", "الف ب\nج"),
    ("blank_lines_collapse", "الف\n\n\n\nب", "الف\n\nب"),
]


@pytest.mark.parametrize(("raw", "expected"), [(r, e) for _, r, e in CASES], ids=[c[0] for c in CASES])
def test_normalize_fa(raw: str, expected: str) -> None:
    assert normalize_fa(raw) == expected


@pytest.mark.parametrize(
    ("raw", "persian", "latin"),
    [
        ("12.5", "۱۲.۵", "12.5"),
        ("١٠ و 10 و ۱۰", "۱۰ و ۱۰ و ۱۰", "10 و 10 و 10"),
        ("بدون عدد", "بدون عدد", "بدون عدد"),
    ],
    ids=["decimal", "mixed", "none"],
)
def test_digit_conversion(raw: str, persian: str, latin: str) -> None:
    assert to_persian_digits(raw) == persian
    assert to_latin_digits(raw) == latin


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_fa(text)
    assert normalize_fa(once) == once


NUMBER = st.from_regex(r"[0-9]{1,4}([.,/٫][0-9]{1,3}){0,2}", fullmatch=True)


@given(NUMBER, st.sampled_from(["درصد", "نفر", "تومان"]))
def test_numbers_survive_in_context(number: str, unit: str) -> None:
    text = normalize_fa(f"حدود {number} {unit} گزارش شد")
    assert re.search(re.escape(number), text)


def test_half_spaces_between_letters_are_left_as_they_are() -> None:
    """`normalize_fa` skips the half-space rule when every half-space sits alone between two letters."""
    rng = random.Random(6)
    for _ in range(4000):
        text = "".join(
            rng.choices(["ب", "ی", "ا", "x", "۱", "²", " ", "\u200c", "\u200c\u200c", "."], k=rng.randint(1, 10))
        )
        if text.count(ZWNJ) == len(_PLAIN_ZWNJ.findall(text)):
            assert _ZWNJ_RUN.sub(_fix_zwnj, text) == text, text


def test_a_lone_tatweel_or_underscore_is_a_dash() -> None:
    assert normalize_fa("گروه اجتماعی ـ استاندار نمونه گفت") == "گروه اجتماعی - استاندار نمونه گفت"
    assert normalize_fa("باشگاه خبرنگاران جوان _ علی رضایی") == "باشگاه خبرنگاران جوان - علی رضایی"
    assert normalize_fa("کاظم رستمی_ مدیرعامل هلال احمر_ در") == "کاظم رستمی - مدیرعامل هلال احمر - در"
    assert normalize_fa("کـــتاب #هفت_تپه a_b") == "کتاب #هفت_تپه a_b"  # inside words they stay what they were
