"""digest.numbers: number spans and values."""

from __future__ import annotations

import random

import pytest

from digest.normalize import normalize_fa
from digest.numbers import FRACTION, HALF_OF, NUMBER, _number_matches, _starts, digit_value, find_numbers

SPANS = [
    ("digits_scale", "۳ میلیارد ریال", [("۳ میلیارد", 3e9)]),
    ("word_scale", "ده هزار نفر", [("ده هزار", 1e4)]),
    ("tens_ones", "بیست و پنج درصد", [("بیست و پنج", 25)]),
    ("persian_decimal", "۱۲٫۵ درصد", [("۱۲٫۵", 12.5)]),
    ("latin_decimal_scale", "2.5 میلیون تومان", [("2.5 میلیون", 2.5e6)]),
    ("and_a_half", "دو و نیم میلیون نفر", [("دو و نیم میلیون", 2.5e6)]),
    ("hundred_and", "یکصد و بیست مورد", [("یکصد و بیست", 120)]),
    ("stacked_scales", "۱۵ هزار میلیارد تومان", [("۱۵ هزار میلیارد", 1.5e13)]),
    ("bare_scales", "هزار میلیارد تومان", [("هزار میلیارد", 1e12)]),
    ("percent_sign", "۴۰٪ مردم", [("۴۰٪", 40)]),
    ("arabic_forms", "٣ ميليارد ريال", [("۳ میلیارد", 3e9)]),
    (
        "rising_magnitudes_split",
        "هزار و سیصد و نود و نه و سیصد هزار تومان",
        [("هزار و سیصد و نود و نه", 1399), ("سیصد هزار", 3e5)],
    ),
    ("glued_scale_and", "۱۳هزارو ۴۰۰ بسته", [("۱۳هزارو ۴۰۰", 13400)]),
    (
        "long_chain",
        "7 ميليارد و 860 ميليون و 67 هزار و 347 تومان",
        [("7 میلیارد و 860 میلیون و 67 هزار و 347", 7860067347)],
    ),
    ("scale_applies_to_group", "۱۰۲ هزار و ۸۳۳ میلیارد ریال", [("۱۰۲ هزار و ۸۳۳ میلیارد", 102833e9)]),
    ("mixed_word_digits", "چهار هزار و 318 خانوار", [("چهار هزار و 318", 4318)]),
    ("thousands_separator", "10,000 نفر", [("10,000", 1e4)]),
    ("arabic_comma_thousands", "۱۰،۰۰۰ نفر", [("۱۰،۰۰۰", 1e4)]),
    ("arabic_comma_list", "۱۰، ۲۰ و ۳۰", [("۱۰", 10), ("۲۰", 20), ("۳۰", 30)]),
    ("glued_to_words", "مرحله۴۰۰بسته", [("۴۰۰", 400)]),
    ("glued_unit", "۲۵درصد", [("۲۵", 25)]),
    ("plural_scale_is_not_number", "هزاران نفر", []),
    ("word_inside_word", "دوستان و یکی از آنها", []),
    ("two_words_two_numbers", "سه و چهار", [("سه", 3), ("چهار", 4)]),
    ("date_is_not_one_number", "1403/05/12", []),
    ("fraction", "یک چهارم و دو سوم", [("یک چهارم", 0.25), ("دو سوم", 2 / 3)]),
    ("ordinal_is_not_fraction", "مرحله دوم", []),
    ("half_of", "نیمی از خانوارها", [("نیمی", 0.5)]),
    ("glued_third", "یک‌سوم بودجه", [("یک‌سوم", 1 / 3)]),
    ("half_in_chain_is_not_half_of", "دو و نیم میلیون", [("دو و نیم میلیون", 2.5e6)]),
    ("nimi_without_az", "نیمی دیگر", []),
    # D2: a digit group is not chained with the number words after it unless a scale joins them
    ("digits_then_words", "سال 87 چهار هزار و 60 مورد", [("87", 87), ("چهار هزار و 60", 4060)]),
    ("digits_scale_words", "۱۲ هزار و پانصد نفر", [("۱۲ هزار و پانصد", 12500)]),
    # D3: a ones word glued to its scale
    ("glued_thousand", "پنجهزار و ۳۰۰ خانوار", [("پنجهزار و ۳۰۰", 5300)]),
    ("glued_one_thousand", "یکهزار نفر", [("یکهزار", 1000)]),
    ("half_space_million", "دو‌میلیون تومان", [("دو‌میلیون", 2e6)]),
    ("glued_and_between_words", "هفت هزارویکصد عدد و سیصدوبیست نفر", [("هفت هزارویکصد", 7100), ("سیصدوبیست", 320)]),
    ("word_ending_in_vav_is_no_number", "سهو کرد", []),
    ("scale_glued_to_and_then_a_word", "هیجده هزارو پانصد واحد", [("هیجده هزارو پانصد", 18500)]),
    ("half_a_percent", "نیم درصد کاهش", [("نیم", 0.5)]),
    ("decimal_comma_before_a_scale", "۶،۵ میلیارد تومان", [("۶،۵ میلیارد", 6.5e9)]),
    ("comma_list_of_digits", "۳،۴ و ۵ نفر", [("۳", 3), ("۴", 4), ("۵", 5)]),
    # D10: digits right after "/" that does not follow a digit
    ("after_slash", "آماده‌باش در شهر الف/۴۰ هزار نفر", [("۴۰ هزار", 4e4)]),
    # D13: compound fractions and adjectival scales
    ("half_a_million", "نیم میلیون نفر", [("نیم میلیون", 5e5)]),
    ("whole_and_tenths", "سه و دو دهم درصد", [("سه و دو دهم", 3.2)]),
    ("adjectival_million", "شهر ۲ میلیونی", [("۲ میلیونی", 2e6)]),
    ("adjectival_billion", "اعتبار ۵۰ میلیاردی", [("۵۰ میلیاردی", 5e10)]),
    # a part after the last scale: a half of it, or (after میلیون/میلیارد) hundreds of the scale below
    ("half_after_the_scale", "دو میلیون و نیم نفر", [("دو میلیون و نیم", 2.5e6)]),
    ("half_after_thousand", "دو هزار و نیم تومان", [("دو هزار و نیم", 2500)]),
    ("thousand_unsaid_after_million", "۳۳ میلیون و ۴۰۰ سالمند", [("۳۳ میلیون و ۴۰۰", 3.34e7)]),
    ("million_unsaid_after_billion", "یک میلیارد و دویست تومان", [("یک میلیارد و دویست", 1.2e9)]),
    ("hundreds_after_thousand_are_literal", "۳ هزار و ۴۰۰ نفر", [("۳ هزار و ۴۰۰", 3400)]),
    ("explicit_lower_scale", "سه میلیون و ۱۲۳ هزار و ۴۵۶ نفر", [("سه میلیون و ۱۲۳ هزار و ۴۵۶", 3123456)]),
    ("same_scale_again_is_a_list", "۵۰۰ هزار و ۳۰۰ هزار نفر", [("۵۰۰ هزار", 5e5), ("۳۰۰ هزار", 3e5)]),
    ("falling_scales_are_one_number", "۷ میلیارد و ۸۶۰ میلیون", [("۷ میلیارد و ۸۶۰ میلیون", 7.86e9)]),
    ("million_without_its_ye", "9ملیون نفر و 11 ملیارد ریال", [("9ملیون", 9e6), ("11 ملیارد", 1.1e10)]),
    # codes, model names and stamps are not numbers
    ("model_name", "هواپیمای B-737 و MD83", []),
    ("hex_run", "شناسه 4be9a07c2d", []),
    ("latin_glued", "نسخه v2 و x86", []),
    ("hyphenated_name", "بیماری کووید-۱۹ شایع شد", []),
    ("iso_date", "date 2024-03-09 خبر", []),
    ("iso_datetime", "2024-03-09T08:15:00Z خبر", []),
    ("digit_tenths_after_a_whole", "زلزله ای به بزرگی ۵ و ۹ دهم ریشتری", [("۵ و ۹ دهم", 5.9)]),
    ("digit_hundredths", "نرخ ۱۲ و ۲۵ صدم درصد", [("۱۲ و ۲۵ صدم", 12.25)]),
    ("a_tenth_grade_is_no_fraction", "دانش آموزان پایه ۱۰ دهم", [("۱۰", 10)]),
    ("typists_r_for_the_slash", "کودکان کار حدود 5ر1 ميليون نفرند", [("5ر1 میلیون", 1.5e6)]),
    ("r_after_a_number_is_a_word", "سال ۹۸ رشد داشت", [("۹۸", 98)]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in SPANS], ids=[c[0] for c in SPANS])
def test_find_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    spans = find_numbers(normalize_fa(text))
    assert [(s.text, s.value) for s in spans] == expected


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("6/12", 12.6),
        ("5/2", 2.5),
        ("2/0", 0.2),
        ("۴/۵", 4.5),
        ("۱۲٫۵", 12.5),
        ("1,5", 1.5),
        ("1,234,567", 1234567),
        ("۱۳۹۹/۰۵", None),
        ("1.2.3", None),
    ],
    ids=[
        "latin_fraction_first",
        "latin_fraction_first_2",
        "zero",
        "persian_in_order",
        "momayyez",
        "decimal_comma",
        "thousands",
        "year_month",
        "dotted",
    ],
)
def test_digit_value(raw: str, value: float | None) -> None:
    assert digit_value(raw) == value


def test_offsets_point_into_text() -> None:
    text = normalize_fa("در سال گذشته ۱۲ هزار نفر و بیست و پنج درصد")
    for span in find_numbers(text):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("۱.۳۰۲", 1302.0),  # "." between thousands: «۱.۳۰۲ دلار»
        ("1.200.000", 1200000.0),
        ("۱.۵", 1.5),  # a decimal: fewer than three digits after the point
        ("0.125", 0.125),  # no thousands group starts with 0
        ("12.3456", 12.3456),
    ],
)
def test_dot_as_thousands_separator(raw: str, value: float) -> None:
    assert digit_value(raw) == value


def test_arabic_indic_digits_chain() -> None:
    spans = find_numbers(normalize_fa("٢٣ هزار و ٥١٤ مددجو"))
    assert [s.value for s in spans] == [23514.0]


def test_digits_joined_by_underscore_are_a_file_name() -> None:
    assert [s.text for s in find_numbers("تصویر c_250_150_16777215.jpg و ۳ نفر #قانون_۱۲۳")] == ["۳"]


# pieces that meet at every kind of number boundary: words inside words, glued scales, codes, dates
_PIECES = [
    *("یک دو سه ده سی صد نه نیم نیمی هزار میلیون میلیارد بیست چهارصد یکصد پنجهزار".split()),
    *("دولت سیاسی دهستان نهاد هزاران میلیونی یکی صدا شهر و از به چهارم سوم دهم".split()),
    *("۱ ۲۳ ۴۵۶ 7 89 ۱۲٫۵ 3.5 10,000 ۱۰،۰۰۰ 1403/05/12 2024-03-09 ٪ %".split()),
    *" \u200c - / _ # * . ، A B-737 x".split(" "),
    " ",
    "\u200c",
]


def test_number_search_finds_what_the_plain_regex_finds() -> None:
    """`find_numbers` tries `NUMBER` only where `_NUMBER_START` sees a start: never one too few."""
    rng = random.Random(7)
    texts = [t for _, t, _ in SPANS] + ["".join(rng.choices(_PIECES, k=rng.randint(1, 12))) for _ in range(4000)]
    for text in texts:
        expected = [(m.start(), m.group()) for m in NUMBER.finditer(text)]
        assert [(m.start(), m.group()) for m in _number_matches(text, _starts(text))] == expected, text


def test_fractions_start_where_a_number_may_start() -> None:
    """`find_numbers` skips a text where `_NUMBER_START` sees no start: every fraction starts at one."""
    edges = ["", " ", "\u200c", "x", "_", "۱", "-", "«", "ب", "و ", "سه و "]
    wholes = ["یک", "دو", "سه", "چهار", "شیش", "نه", "نیمی", "ده"]
    parts = ["چهارم", "سوم", "دهم", "صدم", "هزارم", "از", "ب"]
    rng = random.Random(8)
    found = 0
    for _ in range(3000):
        gap = rng.choice([" ", "  ", "\u200c", ""])
        text = rng.choice(edges) + rng.choice(wholes) + gap + rng.choice(parts) + rng.choice(edges)
        starts = set(_starts(text))
        for m in [*FRACTION.finditer(text), *HALF_OF.finditer(text)]:
            found += 1
            assert m.start() in starts, text
    assert found > 300  # the generated texts do hold fractions
