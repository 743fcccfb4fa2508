"""Persian number grammar: find number spans in text and compute their values.

A number span is a fraction (`یک سوم`, `سه چهارم`, `نیمی از`) or a chain of digit groups
(`۱۲`, `45.6`, `10,000`, `۱۲٫۵`, `5/2`) and number words (`بیست و پنج`, `یکصد و بیست`,
`دو و نیم`) joined by ` و `, with scales (`هزار`, `میلیون`, `میلیارد`, `تریلیون`) anywhere in
the chain: `۱۳هزارو ۴۰۰`, `هزار میلیارد`, `۱۰۲ هزار و ۸۳۳ میلیارد`; a ones word may be glued to its
scale (`چهارهزار`, `سه‌میلیون`), `نیم میلیون` is 500,000, `دو و چهار دهم` is 2.4 and `۳ میلیونی`
3,000,000. A digit group and a number word are one number only when a scale joins them (`سال 92 سه
هزار و 120` is 92 and 3,120). Digits glued to Latin letters or hyphenated to a word (`A-320`,
`کووید-۱۹`, `9fa3c`), digits joined by «_» (`c_250_150.jpg`), USSD codes (`#۱۲۳*۴#`) and
hyphenated dates (`2025-12-17`, `۲۲-۰۵-۱۳۹۱`) are no numbers. Input is `normalize_fa`-ed text
(Persian or Latin digits). Imports only `digest.normalize`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from digest.normalize import to_latin_digits

ONES = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19,
}  # fmt: skip
TENS = {
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
}  # fmt: skip
HUNDREDS = {
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}  # fmt: skip
# "یک چهارم" = 1/4, "دو سوم" = 2/3, "یک دهم" = 0.1: a ones word and an ordinal denominator
DENOMINATORS = {
    "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9, "دهم": 10,
    "صدم": 100, "هزارم": 1000,
}  # fmt: skip
SCALES = {
    "هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9, "بیلیون": 1e9, "تریلیون": 1e12,
    "ملیون": 1e6, "ملیارد": 1e9,  # written without its «ی» as often as not
}  # fmt: skip
FRACTIONS = {"نیم": 0.5, "ربع": 0.25}
MIN_UNSAID_SCALE = 1e6  # after میلیون or more, a trailing «و N» counts in the scale below it...
TRAILING_HUNDREDS = (10, 1000)  # ...when 10 ≤ N < 1000: «۲ میلیارد و ۵۰۰» is 2.5 billion
WORDS: dict[str, float] = {**ONES, **TENS, **HUNDREDS}

_G = r"[ \u200c]*"  # glue between number parts: none, space or half-space
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])(?<!\u200c)"
_NOT_LETTER_AFTER = r"(?![^\W\d_])(?!\u200c)"
_SCALE = "(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + ")"
# digit groups joined by . , ٫ ٬ / (or a typist's «ر» for the slash) — and by the Arabic comma: as thousands
# before exactly three digits (۱۰،۰۰۰), as a decimal comma before one or two digits and a scale (۶،۵ میلیارد)
_ARABIC_COMMA_JOIN = r"،(?=[0-9۰-۹]{3}(?![0-9۰-۹]))|،(?=[0-9۰-۹]{1,2}[ \u200c]*" + _SCALE + ")"
_DIGITS = r"[0-9۰-۹]+(?:(?:[.,٫٬/ر]|" + _ARABIC_COMMA_JOIN + r")[0-9۰-۹]+)*"
_WORD = "(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")"
# an ISO date or date-time (2025-12-17, 2025-12-17T10:45): one token that has no value
# a hyphenated date, either order, maybe glued to a clock before it (۲۲-۰۵-۱۳۹۱, 02:552021-07-18)
_ISO_DATE = r"[0-9۰-۹]{1,8}-[0-9۰-۹]{1,2}-[0-9۰-۹]{1,4}(?:T[0-9:.]+Z?)?"
_LATIN = "A-Za-z"
# digits after a digit and "/" are a date part; digits glued to Latin letters (A-320, 9fa3c, abc123) or
# hyphenated to a word (کووید-۱۹) are a name or code, not a number; "…نمونه/۲۰۰ هزار" is a number
# digits between * and # are a USSD code (#۰۴۱*۸۸۷۷*); digits joined by "_" are a file name or a tag
# (c_250_150_16777215.jpg, #قانون_۱۲۳)
_DIGIT_ATOM = (  # the leading look-ahead fails fast where no digit is: the look-behinds cost more
    rf"(?=[0-9۰-۹])(?<![0-9۰-۹.,٫٬*#_{_LATIN}])(?<![0-9۰-۹]/)(?<![^\W\d_]-)"
    rf"(?:{_ISO_DATE}(?![0-9۰-۹{_LATIN}])|{_DIGITS}(?![0-9۰-۹*#_{_LATIN}]))"
)
_SCALE_AHEAD = rf"(?=\u200c?{_SCALE}(?:ی|{_NOT_LETTER_AFTER}|و))"
# a ones word may be glued to the scale after it: چهارهزار, یکهزار, سه‌میلیون
# «و» may be glued between number words: هزارویکصد, سیصدوبیست, دوهزاروپانصد
_GLUED_AND_AHEAD = rf"(?=و{_G}(?:{_WORD}|{_SCALE}))"
_WORD_ATOM = rf"{_NOT_LETTER_BEFORE}{_WORD}(?:{_NOT_LETTER_AFTER}|{_SCALE_AHEAD}|{_GLUED_AND_AHEAD})"
_GLUED_WORD = rf"{_WORD}(?:{_NOT_LETTER_AFTER}|{_SCALE_AHEAD})"  # a number word right after a glued «و»
# "نیم میلیون" = half a million
_HALF_ATOM = rf"(?=نیم){_NOT_LETTER_BEFORE}نیم(?=[ \u200c]+(?:{_SCALE}|درصد))"  # «نیم درصد» = 0.5 %
# a scale may be glued to the digits before it and to the "و" after it (۱۳هزارو ۴۰۰), and may carry an
# adjectival ی (۳ میلیونی = 3,000,000)
_SCALE_END = rf"(?:ی|\u200cای)?(?:{_NOT_LETTER_AFTER}|(?=و{_G}[0-9۰-۹])|{_GLUED_AND_AHEAD})"
_SCALE_ATOM = rf"(?<![^\W\d_]){_SCALE}{_SCALE_END}"
_GLUED_SCALE = rf"{_SCALE}{_SCALE_END}"  # inside a chain, right after a number word (چهارهزار)
_ATOM = rf"(?:{_DIGIT_ATOM}|{_WORD_ATOM}|{_SCALE_ATOM}|{_HALF_ATOM})"
_AND = rf"{_G}و{_G}"
_HALF = rf"{_AND}نیم{_NOT_LETTER_AFTER}"
# a chain: atoms joined by nothing/space (۱۲ هزار, هزار میلیارد) or by " و " (بیست و پنج, دو و نیم)
NUMBER = re.compile(
    rf"{_ATOM}(?:{_AND}(?:{_ATOM}|{_GLUED_SCALE}|{_GLUED_WORD})|{_G}(?:{_ATOM}|{_GLUED_SCALE})|{_HALF})*(?:{_G}[٪%])?"
)


def _start_pattern() -> str:
    """Regex source for a cheap superset of the places where `NUMBER` can match: the first digit of a
    run, or the first letter of a number word (`WORDS`, `SCALES`, «نیم») at a word start when the
    word's next letters follow. It opens with a character class, which the regex engine scans for
    without trying the pattern at every position (`NUMBER` opens with look-arounds, so it cannot)."""
    digits = "0-9۰-۹"
    rests: dict[str, set[str]] = {}
    for word in (*WORDS, *SCALES, "نیم"):
        rests.setdefault(word[0], set()).add(word[1:])
    firsts = "".join(sorted(rests))
    words = "|".join(f"(?<={first})(?={'|'.join(sorted(rest))})" for first, rest in sorted(rests.items()))
    return rf"[{digits}{firsts}](?<![^\W\d_][{firsts}])(?<![{digits}][{digits}])(?:(?<=[{digits}])|{words})"


_NUMBER_START = re.compile(_start_pattern())
_TOKEN = re.compile(rf"{_ISO_DATE}|{_DIGITS}|{_SCALE}|{_WORD}|نیم|[٪%]")
_SCALE_RE = re.compile(_SCALE)
_ANY_DIGIT = re.compile(r"[0-9۰-۹]")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# "." as the thousands separator (۱.۳۰۲ دلار = 1,302): groups of exactly three digits after a first
# group with no leading zero (0.125 stays a decimal)
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_ONES_WORD = "(?:" + "|".join(sorted((w for w, v in ONES.items() if v < 10), key=len, reverse=True)) + ")"
_DENOM = "(?:" + "|".join(sorted(DENOMINATORS, key=len, reverse=True)) + ")"
# «۹ دهم», «۲۵ صدم»: digits count tenths or hundredths too («۵ و ۹ دهم ریشتر» = 5.9)
_DIGIT_PARTS = r"(?<![0-9۰-۹.,٫٬/])(?:[1-9۱-۹](?=[ \u200c]+دهم)|[0-9۰-۹]{1,2}(?=[ \u200c]+صدم))"
FRACTION = re.compile(
    rf"{_NOT_LETTER_BEFORE}(?P<n>{_ONES_WORD}|{_DIGIT_PARTS})[ \u200c]+(?P<d>{_DENOM}){_NOT_LETTER_AFTER}"
)
# "دو و چهار دهم" = 2.4: a whole number may come right before the fraction
_WHOLE_BEFORE = re.compile(rf"{_NOT_LETTER_BEFORE}(?P<w>{_WORD}|(?<![0-9۰-۹.,٫٬/])[0-9۰-۹]+){_AND}$")
_WHOLE_WINDOW = 16
# "نیمی از خانوارها" = half of them (a share, like "یک سوم"); "نیم" alone is only the "و نیم" of a chain
HALF_OF = re.compile(rf"{_NOT_LETTER_BEFORE}نیمی(?=[ \u200c]+از{_NOT_LETTER_AFTER})")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number as written in the text, with its value."""

    start: int
    end: int
    text: str
    value: float
    has_digits: bool
    has_scale: bool
    percent: bool  # written with ٪ or %
    slash: bool  # written with "/" (a date part or an old-style decimal)
    fraction: bool = False  # "یک چهارم", "دو سوم"


_LATIN_SLASH = re.compile(r"(?<![0-9/])([0-9]{1,3})/([0-9]{1,3})(?![0-9/])")


def latin_slash_reversed(texts: Iterable[str]) -> bool:
    """Whether the Latin-digit slash decimals of a document are bidi-reversed (`6/12` = 12.6).

    Old texts put the fraction first; a document that writes a longer whole part first (`49/9`,
    `28/2`) writes them in reading order.
    """
    return not any(len(m.group(1)) > len(m.group(2)) for t in texts if "/" in t for m in _LATIN_SLASH.finditer(t))


_DECIMAL_COMMA = re.compile(r"،(?=[0-9]{1,2}$)")  # «۶،۵» before a scale: the chain kept it for that


def digit_value(raw: str, reversed_latin: bool = True) -> float | None:
    """Value of one digit group: `۱۰,۰۰۰` → 10000, `۱۲٫۵` → 12.5, `6/12` → 12.6 (see `_slash_decimal`).

    `1.302` and `۱.۲۰۰.۰۰۰` use "." as the thousands separator (1302, 1200000): a decimal is
    written with "٫" or "/" in Persian, and a three-digit fraction is rare. Returns None for groups
    that are not one number (dates like `1403/05/12`, `1.2.3`).
    """
    if raw.isdecimal():
        return float(raw)  # a plain run of digits (float reads Persian digits too)
    s = to_latin_digits(raw).replace("٬", ",").replace("٫", ".").replace("ر", "/")  # «5ر1»: a typist's «/»
    s = _DECIMAL_COMMA.sub(".", s).replace("،", ",")
    if "-" in s:
        return None  # an ISO date
    if s.count("/") == 1 and "." not in s and "," not in s:
        return _slash_decimal(raw, s, reversed_latin)
    if "/" in s:
        return None
    if _GROUPED.fullmatch(s):
        return float(s.replace(",", ""))
    if _DOT_GROUPED.fullmatch(s):
        return float(s.replace(".", ""))
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")  # "1,5": a decimal comma
    if s.count(".") > 1 or "," in s:
        return None
    return float(s)


def _slash_decimal(raw: str, latin: str, reversed_latin: bool) -> float | None:
    """`a/b` as a decimal. Old bidi-mangled texts with Latin digits put the fraction first (`5/2` = 2.5)."""
    left, right = latin.split("/")
    if len(left) > 3 or len(right) > 3:
        return None  # a year/month or similar
    if reversed_latin and raw[0] in "0123456789":
        return float(f"{right}.{left}")
    return float(f"{left}.{right}")


def chain_value(text: str, reversed_latin: bool = True) -> float | None:
    """Value of a number chain such as `۷ میلیارد و ۸۶۰ میلیون` or `دو و نیم میلیون`."""
    total = 0.0
    current = 0.0
    last_scale = 0.0
    for tok in _TOKEN.findall(text):
        if tok in SCALES:
            scale = last_scale = SCALES[tok]
            base = current or (0.0 if total else 1.0)
            if total + base < scale:
                total = (total + base) * scale
            else:
                total += base * scale
            current = 0.0
        elif tok in FRACTIONS:
            current += FRACTIONS[tok]
        elif tok in WORDS:
            current += WORDS[tok]
        elif tok in "٪%":
            continue
        else:
            value = digit_value(tok, reversed_latin)
            if value is None:
                return None
            current += value
    return total + _trailing(current, last_scale)


def _trailing(current: float, last_scale: float) -> float:
    """What a part after the chain's last scale is worth: «دو میلیون و نیم» is 2,500,000 and, as said
    aloud, «۳۳ میلیون و ۴۰۰» is 33,400,000 (the next scale down left unsaid); «۳ هزار و ۴۰۰» is 3,400."""
    if current and current < 1 and last_scale:
        return current * last_scale
    if last_scale >= MIN_UNSAID_SCALE and TRAILING_HUNDREDS[0] <= current < TRAILING_HUNDREDS[1]:
        return current * last_scale / 1000
    return current


def _split_falling(m_text: str) -> list[tuple[int, int]]:
    """Split a chain where magnitudes stop falling (`هزار و سیصد و نود و نه و سیصد هزار`), where a
    digit group meets a number word with no scale between them (`92 سه هزار` is 92 and 3,000) and where
    the same scale comes again (`۵۰۰ هزار و ۳۰۰ هزار` is 500,000 and 300,000).

    Returns (start, end) offsets of the sub-chains inside `m_text`.
    """
    pieces: list[tuple[int, int]] = []
    start = prev_end = 0
    last_small = float("inf")  # magnitude of the previous sub-thousand word (100s > 10s > 1s)
    prev_digits: bool | None = None  # whether the previous non-scale token was a digit group
    last_scale = 0.0  # the scale that closed the previous group of this piece
    group_start: int | None = None  # where the number words after that scale begin
    scale_end = 0  # where that scale ends
    for tok in _TOKEN.finditer(m_text):
        word = tok.group()
        if word in SCALES or word in "٪%":
            scale = SCALES.get(word, 0.0)
            if scale and group_start is not None and scale == last_scale:
                pieces.append((start, scale_end))  # «۵۰۰ هزار و ۳۰۰ هزار»: two numbers
                start = group_start
            last_scale = scale or last_scale
            scale_end = tok.end()
            group_start = None
            last_small = float("inf")
            prev_digits = None
        else:
            if group_start is None:
                group_start = tok.start()
            mag = _magnitude(word)
            digits = word not in WORDS and word not in FRACTIONS
            if mag >= last_small or (prev_digits is not None and digits != prev_digits and word in WORDS):
                pieces.append((start, prev_end))
                start = group_start = tok.start()
                last_scale = 0.0
            last_small = mag
            prev_digits = digits
        prev_end = tok.end()
    pieces.append((start, len(m_text)))
    return pieces


def _magnitude(word: str) -> float:
    if word in HUNDREDS:
        return 100
    if word in TENS:
        return 10
    if word in ONES:
        return 1 if ONES[word] < 10 else 10
    if word in FRACTIONS:
        return 0.1
    return 1000  # a digit group: any later group starts a new number unless a scale came between


def _fractions(text: str) -> tuple[list[NumberSpan], str]:
    """Fraction spans, and the text with them blanked out (same length) for the chain search."""
    spans = []
    for m in FRACTION.finditer(text):
        start, value = m.start(), _whole_value(m.group("n")) / DENOMINATORS[m.group("d")]
        whole = _WHOLE_BEFORE.search(text, max(0, start - _WHOLE_WINDOW), start)
        if whole is not None:
            start, value = whole.start(), value + _whole_value(whole.group("w"))
        spans.append(NumberSpan(start, m.end(), text[start : m.end()], value, False, False, False, False, True))
    if "نیمی" in text:
        spans.extend(NumberSpan(m.start(), m.end(), m.group(), 0.5, False, False, False, False, True)
                     for m in HALF_OF.finditer(text))  # fmt: skip
    for span in spans:
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return spans, text


def _whole_value(word: str) -> float:
    return WORDS.get(word) or float(to_latin_digits(word))


def _starts(text: str) -> list[int]:
    """Where `NUMBER` (or a fraction: its first word is a number word) may start in `text`."""
    return [m.start() for m in _NUMBER_START.finditer(text)]


def _number_matches(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`NUMBER.finditer(text)`, faster: `NUMBER` is tried only at `starts` (see `_starts`)."""
    end = 0  # the end of the last number: no other starts inside it
    for start in starts:
        m = NUMBER.match(text, start) if start >= end else None
        if m is not None:
            end = m.end()
            yield m


def find_numbers(text: str, reversed_latin: bool = True) -> list[NumberSpan]:
    """Every number span of `text`, in order, with its value (`reversed_latin`: see `latin_slash_reversed`)."""
    starts = _starts(text)
    if not starts:
        return []  # no digit and no number word: neither a number nor a fraction
    spans: list[NumberSpan] = []
    if "نیمی" in text or any(d in text for d in DENOMINATORS):  # cheap test before the regexes
        spans, blanked = _fractions(text)
        if spans:
            text, starts = blanked, _starts(blanked)
    for m in _number_matches(text, starts):
        number = m.group()
        if number.isdecimal():  # a plain run of digits, the commonest number: one span, its value at once
            spans.append(NumberSpan(m.start(), m.end(), number, float(number), True, False, False, False))
            continue
        for a, b in _split_falling(number):
            span = _make_span(m.start() + a, number[a:b], reversed_latin)
            if span is not None:
                spans.append(span)
    return sorted(spans, key=lambda sp: sp.start)


def _make_span(start: int, piece: str, reversed_latin: bool) -> NumberSpan | None:
    value = chain_value(piece, reversed_latin) if piece else None
    if value is None:
        return None
    has_digits = _ANY_DIGIT.search(piece) is not None
    return NumberSpan(
        start=start,
        end=start + len(piece),
        text=piece,
        value=value,
        has_digits=has_digits,
        has_scale=_SCALE_RE.search(piece) is not None,
        percent=piece.endswith(("٪", "%")),
        slash="/" in piece or "ر" in piece,
    )
