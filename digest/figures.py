"""Key figures: numbers a reader wants, with unit, the phrase they qualify and their sentence.

Finds number spans (`digest.numbers`), reads the unit from the word after the number (glued or not:
`۲۵درصد`, `۱۲شهر`; any noun that is not a function word, verb or participle: `۲۰ هزار تماس`,
`۳۰۰ مددجو`; a leading `%۲۵` is a percent; `چهار آتش نشان` is one unit), drops what is not a key
figure and ranks the rest by salience.

Not key figures: dates and years (also `۱۲ بهمنماه`, `3 March 2015`, `پاییز ۹۸`, Afghan months),
times, phone numbers, hotlines and short codes (`خط ۱۲۳`, `تماس با ۱۲۳`, `به ۱۱۰ اطلاع دهید`,
`ستاد ۱۲۵ آتش‌نشانی`), law-article and other reference numbers, rate bases (`هر هزار نفر`),
view counts, ordinals, durations and ages, sizes (`۵ نفره`), locating distances outside earthquake
news (`در ۳۵ کیلومتری شهر`), outlet names with digits (`اقتصاد ۲۴`, package data
`outlets_with_digits.txt`), numbers in hashtags, page debris (Latin lines, one-word widget lines),
the indefinite `یک` (`یک طرح`; `یک نفر`, `یک کشته`, `یک دستگاه` count) and spelled-out numbers before
a noun that is neither a known unit nor, from ten up, a countable noun.

Ranges are one figure valued at their upper bound: `۱۰ تا ۱۵ درصد`, `۵۹ الی ۶۵`, and
`از ۲ به ۴ واحد` (the new value); a range whose upper end is not a figure (`۱۵ تا ۲۹ ساله`,
`۱۰ تا ۱۲ خرداد`) or whose lower end is a date (`سال 89 تا 90`) is dropped whole. The bare numbers of
a `استان الف با ۳۱۲، استان ب با ۲۰۵ … مورد` list take the list's unit.

One fact is shown once: the same number and unit (unless the goods after a measure differ: `۳۰۰
کیلوگرم برنج` ≠ `۳۰۰ کیلوگرم روغن`), a distinctive number restated with another noun (`هزار و ۲۰۰
مورد` = `هزار و ۲۰۰ تماس`), a title figure restated in the body (`نجات ۱۴ مسافر` = `۱۴ نفر`), and a
headline figure that rounds a body figure (`۴ هزار طلاق` for `۴ هزار و ۲۰۰ مورد`: within 10%,
fewer significant digits). Salience, not a fixed cap, decides how many are kept (see BASE_FIGURES).
Qualifiers (`بیش از`, `حدود`, `کمتر از`) and thresholds (`زیر ۳۰ سال`) stay in the figure's context.
Imports only digest modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from digest.model import Figure
from digest.normalize import normalize_fa, to_latin_digits
from digest.numbers import SCALES, WORDS, NumberSpan, find_numbers, latin_slash_reversed
from digest.places import is_place, is_village
from digest.roles import first_names
from digest.sentences import words
from digest.units import (
    CASUALTY_UNITS,
    COMMODITY_MEASURES,
    COMPOUND_UNITS,
    COUNT_UNITS,
    COUNTED_TIME_NOUNS,
    DESCRIPTIVE_UNITS,
    DIAL_VERBS,
    HOTLINE_NUMBERS,
    HOTLINE_WORDS,
    MONEY_UNITS,
    NOT_COUNT_NOUNS,
    PAGE_CHROME_UNITS,
    PERCENT_UNITS,
    REFERENCE_PAIRS,
    REFERENCE_WORDS,
    RELIEF_UNITS,
    TIME_UNITS,
    UNIT_SCALES,
    YEAR_KINDS,
    canonical_unit,
)

# Salience, not a fixed cap: the BASE_FIGURES most salient figures are kept, and past them every strong
# one (money, percents, large counts near the top), up to MAX_FIGURES; a figure below MIN_SCORE (a bare
# small number deep in the story) is never kept. The render shows fewer (RenderOptions.max_figures).
BASE_FIGURES = 8
MAX_FIGURES = 16
STRONG_SCORE = 2.25
MIN_SCORE = 1.0
CONTEXT_BEFORE = 3  # words of context before the number
CONTEXT_AFTER = 4  # words of context after the unit
CONTEXT_WINDOW = 300  # characters searched for the clause around a figure

_MONTHS = frozenset(
    "فروردین فرودین اردیبهشت اردبیهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ژانویه فوریه مارس آوریل "
    "مه ژوئن ژوئیه جولای اوت آگوست اگوست آپریل اپریل سپتامبر اکتبر نوامبر دسامبر "
    "محرم صفر ربیع جمادی رجب شعبان رمضان شوال "
    "ذیقعده ذیحجه ذی ذو میلادی شمسی هجری قمری january february march april may june july august september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    # Afghan solar months (those that are not also everyday words) and seasons ("پاییز ۹۹")
    "حمل ثور جوزا سنبله عقرب قوس دلو حوت بهار تابستان پاییز زمستان".split()
)
_MONTH_WORD = "ماه"
_LUNAR_PAIRS = ("جمادی", "ربیع", "ذی\u200cال", "ذیال")  # «ذی», «ذو» alone are in _MONTHS: «۲۵ ذی الحجه»
_YEAR_WORD = "سال"
MIN_RESTATED = 10  # from this value up, a title number equal to a body number is the same fact
MIN_SPELLED_COUNT = 10  # a spelled-out number before a noun outside the units list ("بیست دست لباس")
_ORDINAL_TAIL = re.compile(
    r"^(?:[ \u200c]?(?:ام|امین|مین|م)|[ ]*و[ ]?(?:یک|دو|سو|سه|چهار|پنج|شش|هفت|هشت|نه)(?:مین|م|ام|امین))(?![^\W\d_])"
)  # «چهل ویکمین», «بیستویکم»: the ones of an ordinal glued to its «و»
_RANGE_JOIN = re.compile(r"^[ \u200c]*(?:تا|الی|-|–)[ \u200c]*$")
_TO_JOIN = re.compile(r"^[ \u200c]*به[ \u200c]*$")  # "از ۲ به ۴ واحد"
_FROM_BEFORE = re.compile(r"(?<![\w\u200c])از[ \u200c]*$")
_PERCENT_BEFORE = re.compile(r"(?<![0-9۰-۹ ])[ ]?[%٪][ ]?$")
_DIAL_AFTER = re.compile(r"[ \u200c]*تماس[ \u200c]+(?P<verb>[^\W\d_]+)")
HEADLINE_ROUNDING = 0.1  # a headline figure this close to a body figure, and rounder, is the same fact
_UNIT_WORD = re.compile(r"[ \u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*)")
_LIST_JOIN = re.compile(r"[ \u200c]*(?:و|،|,|تا|الی|-|–)[ \u200c]*")
_TIME_OF_DAY = re.compile(r"^[:٫.][0-9۰-۹]")
_NON_DIGITS = re.compile(r"\D")
_SPACES = re.compile(r"[ \u200c]")
_CLOCK_BEFORE = re.compile(r"[0-9۰-۹]:$")
_KNOWN_UNITS = COUNT_UNITS | MONEY_UNITS | PERCENT_UNITS
_CLAUSE_BREAK = re.compile(r"[،؛:;,()«»\"!؟?]|\.(?!\d)")
_AUXILIARIES = frozenset("است شد شده شدند شوند شود بود بوده باشد باشند اند می‌شود می‌باشد خواهد".split())
_FUNCTION_WORDS = frozenset("به اینکه که و در از با برای تا را این آن هم نیز بر یا اما ولی".split())
_WITH = "با"
_EVERY = "هر"
MIN_SENTENCE_WORDS = 2
SHORT_LINE_CHARS = 40  # only a line this short can have so few words
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_PERSIAN_LETTERS = re.compile(r"[\u0600-\u06ff]+")
# "در ۳۵ کیلومتری شهر" places a thing; only an earthquake's distance from a town is news
_LOCATING = frozenset({"کیلومتری", "متری"})
_QUAKE = re.compile(r"زلزله|زمین[ \u200c]?لرزه|ریشتر|کانون")
_LEADING_DATE = re.compile(r"^.*[0-9۰-۹]")
_PLURAL = re.compile(r"\u200c?(?:های|ها)$")  # "دهک‌های ۲ و ۳", "ماده‌های ۱۰"
_HASHTAG_BEFORE = re.compile(r"#[^\s#]*$")
_VAGUE = frozenset("هر چند چندین".split())  # "هر سه طرف", "چند هزار"
_PLURAL_WORDS = frozenset({"ها", "های"})  # «ده ها», «صد ها»: tens, hundreds
_LIGHT_NOUNS = frozenset("اعلام انجام ارائه برگزار تعیین مطرح عنوان بیان ذکر".split())


@dataclass(frozen=True, slots=True)
class _Candidate:
    figure: Figure
    score: float
    order: int
    in_headline: bool
    qualifier: str | None = None  # the noun after the unit ("برنج" of "۳۰۰ کیلوگرم برنج")


# A text that stops on a bare number («… در سال گذشته ۷۲») was cut in the middle of it: the digits are
# not the number the article wrote.
_CUT_NUMBER = re.compile(
    r"(?<=\s)[0-9۰-۹][0-9۰-۹.,٫٬/]*\s*(?:"
    + "|".join(
        sorted(
            {w[:k] for w in ("میلیون", "میلیارد", "هزار", "درصد", "تومان", "ریال") for k in range(1, len(w))}
            | {"میلیون", "میلیارد", "هزار"},  # «بیش از ۳هزار» at the end: its noun was cut off
            key=len,
            reverse=True,
        )
    )
    + r")?\s*$"
)  # … or on one cut before its scale or unit ended («۲۰ میلیا»), or before its noun («۳هزار»)
CUT_MIN_SENTENCES = 3


def extract_figures(sentences: list[str], headline: str = "", limit: int | None = None) -> tuple[Figure, ...]:
    """Key figures of the article, most salient first (headline figures count as very salient)."""
    candidates: list[_Candidate] = []
    if len(sentences) >= CUT_MIN_SENTENCES and _CUT_NUMBER.search(sentences[-1]):
        sentences = [*sentences[:-1], _CUT_NUMBER.sub("", sentences[-1])]  # an excerpt cut mid-number
    texts = ([headline] if headline else []) + sentences
    reversed_latin = latin_slash_reversed(texts)
    for index, sentence in enumerate(texts):
        in_headline = bool(headline) and index == 0
        position = index - (1 if headline else 0)
        candidates.extend(_sentence_candidates(sentence, in_headline, position, len(candidates), reversed_latin))
    ranked = _rank(candidates)
    kept = [c for i, c in enumerate(ranked) if (i < BASE_FIGURES or c.score >= STRONG_SCORE) and c.score >= MIN_SCORE]
    return tuple(c.figure for c in kept[: limit or MAX_FIGURES])


def _sentence_candidates(
    sentence: str, in_headline: bool, position: int, order: int, reversed_latin: bool = True
) -> list[_Candidate]:
    spans = find_numbers(sentence, reversed_latin)
    if not spans or _is_debris(sentence, in_headline):
        return []
    if len(spans) > 1 and "/" in sentence:
        spans = _spaced_decimals(sentence, spans)
    found = _inherit_list_units(sentence, _sentence_figures(sentence, spans))
    out = []
    for n, (span, figure) in enumerate(found):
        if figure.number == 0:
            continue  # «نظرات (0)», «۰ نفر»: nothing counted is no key figure
        if figure.unit is None and _bare_integer(span):
            continue  # «ص ۲۹», «tid 2271», «سیل ۹۸»: a whole number counting nothing named is no key figure
        score = _salience(figure, span, in_headline, position)
        out.append(_Candidate(figure, score, order + n, in_headline, _qualifier(sentence, span, figure)))
    return out


def _bare_integer(span: NumberSpan) -> bool:
    """A plain whole number: no scale word («۱۱ هزار»), no fraction («یک سوم»), no decimal («۱.۸», «4/4»)."""
    return (
        not (span.has_scale or span.fraction or span.slash or span.percent)
        and span.value.is_integer()
        and ("." not in span.text and "٫" not in span.text)
    )


_PERCENT_WORD = "درصد"
# «4/ 16 درصد», «43 /1 درصد»: a decimal typed right to left, a space on one side of its «/» (« / » parts a title)
_SPACED_SEPARATOR = re.compile(r"/[ ]+|[ ]+/")
_PERCENT_AFTER = re.compile(r"[ \u200c]*درصد")
MAX_FRACTION_DIGITS = 2


def _spaced_decimals(sentence: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """Two plain numbers joined by a «/» spaced on one side before «درصد», or before a scale glued or
    spaced after the second, are one decimal: the one next to «درصد» or the scale is the whole part, the
    other its fraction («4/ 16 درصد» = ۱۶.۴ درصد, «۵/ ۲۶میلیون نفر» = ۲۶.۵ میلیون نفر)."""
    out: list[NumberSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.has_digits
            and span.has_digits
            and not prev.slash
            and len(_NON_DIGITS.sub("", prev.text)) <= MAX_FRACTION_DIGITS
            and _NON_DIGITS.sub("", prev.text) == _SPACES.sub("", prev.text)
            and _SPACED_SEPARATOR.fullmatch(sentence, prev.end, span.start)
            and (_whole_before_percent(sentence, span) or _SCALED_WHOLE.fullmatch(span.text))
        ):
            whole, part = (
                to_latin_digits(_NON_DIGITS.sub("", span.text)),
                to_latin_digits(_NON_DIGITS.sub("", prev.text)),
            )
            scale = span.value / float(whole) if span.has_scale and float(whole) else 1.0
            out[-1] = replace(
                prev,
                end=span.end,
                text=sentence[prev.start : span.end],
                value=float(f"{whole}.{part}") * scale,
                slash=True,
                has_scale=span.has_scale,
            )
            continue
        out.append(span)
    return out


def _whole_before_percent(sentence: str, span: NumberSpan) -> bool:
    plain = _NON_DIGITS.sub("", span.text) == _SPACES.sub("", span.text)
    return plain and _PERCENT_AFTER.match(sentence, span.end) is not None


_SCALED_WHOLE = re.compile(r"[0-9۰-۹]{1,3}[ \u200c]*(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + ")")


def _is_debris(sentence: str, in_headline: bool) -> bool:
    """Page debris, not prose: a body line of one or two words (`۲ نفر` of a widget) or a line with
    more Latin than Persian letters (`c 250 150 16777215 00 images`)."""
    if not in_headline and len(sentence) < SHORT_LINE_CHARS and len(words(sentence)) <= MIN_SENTENCE_WORDS:
        return True
    if _LATIN_LETTER.search(sentence) is None:
        return False
    return len(_LATIN_LETTERS.findall(sentence)) > len(_PERSIAN_LETTERS.findall(sentence))


def _sentence_figures(sentence: str, spans: list[NumberSpan]) -> list[tuple[NumberSpan, Figure]]:
    """The key figures of one sentence, each with the number span it starts at."""
    out: list[tuple[NumberSpan, Figure]] = []
    skip_next = False
    dropped_end = -1  # end of the last number dropped as a reference/date ("سال‌های ۹۸ و ۹۹")
    for i, span in enumerate(spans):
        if skip_next:
            skip_next = False
            continue
        if dropped_end >= 0 and _LIST_JOIN.fullmatch(sentence, dropped_end, span.start):
            if _unit_after(sentence, span)[0] is None:
                dropped_end = span.end
                continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        weight = _compound_weight(sentence, span, nxt)
        is_range, figure = (True, weight) if weight is not None else _range_figure(sentence, span, nxt)
        skip_next = is_range
        if not is_range:
            figure = _figure(sentence, span)
        dropped_end = (nxt.end if is_range and nxt else span.end) if figure is None else -1
        if figure is not None:
            out.append((span, figure))
        else:
            _drop_listed_before(sentence, out, span.start)
    return out


def _drop_listed_before(sentence: str, out: list[tuple[NumberSpan, Figure]], start: int) -> None:
    """«۱۴، ۱۶ و ۱۹ ساله»: bare numbers listed before a dropped one (an age) go with it."""
    while out and out[-1][1].unit is None and _LIST_JOIN.fullmatch(sentence, out[-1][0].end, start):
        start = out.pop()[0].start


def _inherit_list_units(sentence: str, found: list[tuple[NumberSpan, Figure]]) -> list[tuple[NumberSpan, Figure]]:
    """`استان الف با ۳۱۲، استان ب با ۲۰۵ و استان ج با ۱۸۰ مورد`: a bare number of a "X با N" list
    takes the unit named after the list's last number."""
    if _WITH not in sentence:
        return found
    listed = [i for i, (span, _) in enumerate(found) if _previous_words(sentence, span)[-1:] == [_WITH]]
    out = list(found)
    for n, i in enumerate(listed):
        span, figure = found[i]
        if figure.unit is not None:
            continue
        unit = next((found[j][1].unit for j in listed[n + 1 :] if found[j][1].unit is not None), None)
        if unit is not None:
            out[i] = (span, replace(figure, unit=unit))
    return out


def _qualifier(sentence: str, span: NumberSpan, figure: Figure) -> str | None:
    """The commodity after a measure (`۳۰۰ کیلوگرم برنج` → `برنج`), which tells two facts with the same
    number and unit apart; None for other units or when no noun follows."""
    if figure.unit not in COMMODITY_MEASURES:
        return None
    m = _UNIT_WORD.match(sentence, span.start + len(figure.text))
    if m is None:
        return None
    word = m.group(1)
    if canonical_unit(word) is None or word in _FUNCTION_WORDS or word in _AUXILIARIES or word in WORDS:
        return None
    return word


def _unit_after(sentence: str, span: NumberSpan) -> tuple[str | None, int]:
    """The unit word after the number (canonical form) and where it ends; (None, span.end) if none."""
    if span.percent or _PERCENT_BEFORE.search(sentence, max(0, span.start - 3), span.start):
        return "درصد", span.end
    if span.has_scale and span.text.endswith(("ی", "ای")):
        return None, span.end  # "شهر ۳ میلیونی": an adjective, the next word is not its unit
    m = _UNIT_WORD.match(sentence, span.end)
    if not m or m.group(1) in WORDS or m.group(1) in SCALES:
        return None, span.end  # "دهه 60 و 80 دو بار": a number word is never a unit
    pair = _UNIT_WORD.match(sentence, m.end())
    if pair and f"{m.group(1)}\u200c{pair.group(1)}" in COMPOUND_UNITS:  # "چهار آتش نشان"
        return f"{m.group(1)}\u200c{pair.group(1)}", pair.end()
    unit = canonical_unit(m.group(1))
    if span.fraction and unit not in _KNOWN_UNITS:
        return None, span.end
    return unit, m.end() if unit else span.end


def _previous_words(sentence: str, span: NumberSpan) -> list[str]:
    """The (up to) two words before the number, nearest last."""
    return list(_words_before(sentence, span.start))


@lru_cache(maxsize=64)  # several rules ask for the same number's words
def _words_before(sentence: str, start: int) -> tuple[str, ...]:
    return tuple(words(sentence[max(0, start - 40) : start])[-2:])


def _excluded(sentence: str, span: NumberSpan, unit: str | None) -> bool:
    """Dates, years, times, references, phone numbers, ordinals and unit-less number words."""
    after = sentence[span.end : span.end + 12]
    if span.text == "صد" and sentence.endswith(_ZERO_TO, 0, span.start):
        return True  # «صفر تا صد مسائل»: the whole of it, no figure
    if _ORDINAL_TAIL.match(after) or _TIME_OF_DAY.match(after) or after.lstrip().startswith("°"):
        return True  # "۲۳°": a weather widget
    if unit in TIME_UNITS and _counted_time(sentence, span):
        return False  # «سه ماه حقوق معوقه», «۱۲ روز آلودگی»: the duration is the story's fact
    if _is_month(unit) or unit in TIME_UNITS or unit in DESCRIPTIVE_UNITS or _is_reference(sentence, span, unit):
        return True
    if _locating(sentence, span):
        return True
    if _CLOCK_BEFORE.search(sentence, max(0, span.start - 2), span.start):
        return True
    if "#" in sentence and _HASHTAG_BEFORE.search(sentence, max(0, span.start - 40), span.start):
        return True  # "#سلام۲۲": part of a hashtag
    if span.text in _VAGUE_SHARES:
        return True  # «نیمی از …»: a share, not a figure
    if not span.has_digits and not span.fraction:
        if _LOANWORD_SI.match(sentence, span.start):
            return True  # «آی سی یو», «سی تی اسکن», «سی دی»: letters of a loanword, not thirty
        return _in_place_name(sentence, span, unit) or not _spelled_count(sentence, span, unit)
    if _dated(sentence, span):
        return True  # «۳۱ فروردین ۱۴۰۳ برابر با …», «بودجه ۹۷ اعتباری …»: a year, whatever follows it
    return _is_year(span, unit) or _is_phone(span, unit) or unit in PAGE_CHROME_UNITS or _is_outlet(sentence, span)


_ZERO_TO = ("صفر تا ", "صفر تا")
_YEAR_OF = frozenset({"بودجه"})  # «بودجه ۹۷»: the budget of the year 97


def _dated(sentence: str, span: NumberSpan) -> bool:
    """A year after a month name (a date's year), or a year after «بودجه» (`۹۷`, `۱۴۰۳`)."""
    if not span.has_digits or span.has_scale or span.slash:
        return False
    before = sentence[max(0, span.start - 20) : span.start].split()
    if not before:
        return False
    digits = _digit_count(span)
    if before[-1] in _YEAR_OF:
        return digits == 2 or (digits == 4 and 1300 <= span.value <= 1500)
    return digits == 4 and 1300 <= span.value <= 1500 and _is_month(before[-1])


def _counted_time(sentence: str, span: NumberSpan) -> bool:
    """A duration followed by what it counts: months of unpaid wages, days of dust or water cuts."""
    end = _unit_after(sentence, span)[1]
    words = [m.group(1) for m in _UNIT_WORD.finditer(sentence[end : end + 30])][:2]
    if words[:1] == ["از"]:
        words = words[1:]  # «۱۷ ماه از مطالبات معوقه»
    return bool(words) and words[0] in COUNTED_TIME_NOUNS


def _in_place_name(sentence: str, span: NumberSpan, unit: str | None) -> bool:
    """A number word that starts a place's name (`سی سخت`, `سه قلعه`, a village listed after «روستاهای»:
    `شصت پیچ`, `ده دیوان`) counts nothing."""
    if unit is None:
        return False
    name = f"{span.text} {unit}"
    return is_place(name) or _VILLAGE_CUE in sentence and unit not in _KNOWN_UNITS and is_village(name)


def _locating(sentence: str, span: NumberSpan) -> bool:
    if "متری" not in sentence:
        return False
    m = _UNIT_WORD.match(sentence, span.end)
    return m is not None and m.group(1) in _LOCATING and _QUAKE.search(sentence) is None


def _is_month(word: str | None) -> bool:
    """A month name, also glued to «ماه» (`بهمنماه`, `بهمن‌ماه`) or in Latin script (`March`)."""
    if not word:
        return False
    word = word.lower()
    if word.endswith(_MONTH_WORD) and word != _MONTH_WORD:
        word = word.removesuffix(_MONTH_WORD).rstrip("\u200c")
    return word in _MONTHS or word.startswith(_LUNAR_PAIRS)  # «جمادی‌الاول», «ربیعالثانی», «ذی‌الحجه»


_VAGUE_SHARES = frozenset({"نیمی"})
_ONE_VEHICLE = frozenset({"دستگاه", "فروند"})
# People that «یک» counts only in a toll: a casualty word must follow in the sentence
_ONE_PERSON = frozenset("نفر کودک کارگر کوهنورد مسافر سرنشین راننده معدنچی آتش‌نشان امدادگر".split())
_TOLL_CUE = re.compile(
    r"(?<![\w\u200c])(?:جان|کشته|فوت|مصدوم|زخمی|مجروح|مفقود|غرق|مسموم|حادثه|سقوط|نجات|آسیب|ربوده|گم)"
)


def _spelled_count(sentence: str, span: NumberSpan, unit: str | None) -> bool:
    """A spelled-out number is a figure before a known unit (`سه فرزند`), for «یک» only before a
    casualty or a measure (`یک کشته`, `یک دستگاه`; `یک طرح` is the indefinite article), and from ten
    up before any countable noun (`بیست دست لباس`)."""
    if unit is None or span.text == _VILLAGE_WORD and unit in first_names():
        return False  # «ده علی», «ده محسن»: a village named after a man, not ten
    vague = span.text in SCALES and (_VAGUE | _PLURAL_WORDS).intersection(_previous_words(sentence, span)[-1:])
    if unit in _PLURAL_WORDS or vague:
        return False  # «ده ها», «چند هزار نفر», «چندین هزار نفر»: a vague many, not a figure
    if span.value == 1 and not span.has_scale:
        if unit in _ONE_PERSON:  # «یک کودک ۵ ساله …» is a child; «یک نفر جان باخت» is a toll
            return _TOLL_CUE.search(sentence, span.end) is not None
        if unit in _ONE_VEHICLE:  # «برخورد یک دستگاه پژو …» is a vehicle; «۲ دستگاه آمبولانس و یک دستگاه کانکس» a count
            return sentence.count(unit) > 1
        return unit in CASUALTY_UNITS or unit in COMMODITY_MEASURES or unit in PERCENT_UNITS  # "یک دستگاه", "یک درصد"
    if unit in _KNOWN_UNITS:
        return True
    before = _previous_words(sentence, span)
    return (
        span.value >= MIN_SPELLED_COUNT
        and span.text not in SCALES  # "چندین میلیون هزینه": a lone scale word is vague
        and unit not in NOT_COUNT_NOUNS
        and unit not in TIME_UNITS
        and not _is_month(unit)
        and not _VAGUE.intersection(before[-1:])
    )


@lru_cache(maxsize=1)
def outlets_with_digits() -> frozenset[str]:
    """Outlet names that end in a number (package data `outlets_with_digits.txt`), loaded once."""
    text = resources.files("digest").joinpath("outlets_with_digits.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.split("\n"))
    return frozenset(normalize_fa(line) for line in lines if line and not line.startswith("#"))


def _is_outlet(sentence: str, span: NumberSpan) -> bool:
    """`اقتصاد ۲۴ گزارش داد`: the number is part of an outlet's name."""
    before = _previous_words(sentence, span)
    if not before:
        return False
    return f"{before[-1]} {to_latin_digits(_SPACES.sub('', span.text))}" in outlets_with_digits()


def _year_shaped(span: NumberSpan) -> bool:
    """A number that can be a year after its month: two or four digits (`۹۸`, `۱۳۹۸`), or words."""
    return not span.has_digits or _digit_count(span) in (2, 4)


def _digit_count(span: NumberSpan) -> int:
    return len(_NON_DIGITS.sub("", span.text))


def _is_reference(sentence: str, span: NumberSpan, unit: str | None) -> bool:
    """A reference, date part, code or number to dial (`ماده ۱۰`, `کد خبر ۱۲۳`, `خط ۱۲۳`, `۱۱۵ تماس بگیرید`)."""
    before = _previous_words(sentence, span)
    prev = _LEADING_DATE.sub("", before[-1]) if before else ""  # "شنبه۱۳خردادماه۹۶" → "خردادماه"
    if prev == _MONTH_WORD or _is_month(prev):  # "۱۲ مهر ۱۴۰۲" is a date; "مهر ماه ۸.۲ درصد" is a figure, and
        return unit not in _KNOWN_UNITS and _year_shaped(span)  # so is «دستمزد تیرماه ۹۰۰ پرسنل»: no year
    if prev in _COUNTED_REFERENCES and len(before) >= 2 and _is_count(before[-2]):
        return False  # «طی یک سال ۴۴ زن …»: a span of time counted, then a figure, not «سال ۴۴» (1344)
    if prev in REFERENCE_WORDS or prev == _EVERY or _PLURAL.sub("", prev) in REFERENCE_WORDS:
        return True  # "هر هزار نفر", "از هر ۵ ازدواج": a rate's base, not a figure
    if prev[:2] == "در" and prev[2:] in REFERENCE_WORDS:
        return True  # «درساعت 18», «درسال ۹۸»: the reference with «در» glued to it
    if prev in _LIST_WORDS and span.text[:1].isdigit() and _listed_reference(sentence, span.start):
        return True  # «مواد ۱۵ و ۱۶»: the second of two references
    if len(before) == 2 and (before[0] in REFERENCE_PAIRS or before[0] == _YEAR_WORD and prev in YEAR_KINDS):
        return True  # «کد خبر ۱۲۳», «سال عمرانی ۹۷»
    if unit is None and prev == _NEWS and _NEWS_ID.search(sentence, 0, span.start):
        return True  # «اجتماعیکد خبر: ۲۹۴۶۲۷», «خبر : ۳۳۰۸۶»: a story's id, its label glued or cut
    if _LATIN_LABEL.search(sentence, max(0, span.start - MAX_LABEL_CHARS), span.start):
        return True  # «view:88 منبع: …», «ID: 1234»: a page field's value
    if span.value < 100 or span.has_scale or not _SPACES.sub("", span.text).isdigit():
        return False  # hotlines are plain numbers of three or more digits
    if span.value in HOTLINE_NUMBERS and unit not in _KNOWN_UNITS:
        return True  # "تماس با ۱۲۳", "به ۱۱۰ اطلاع دهید", "ستاد ۱۲۵ آتش‌نشانی"
    if prev in HOTLINE_WORDS or len(before) == 2 and before[0] in HOTLINE_WORDS and unit not in _KNOWN_UNITS:
        return True
    dial = _DIAL_AFTER.match(sentence, span.end)
    return dial is not None and dial.group("verb") in DIAL_VERBS


def _is_count(word: str) -> bool:
    return word in WORDS or word.isdigit()  # «یک», «دو», «۵» (str.isdigit takes Persian digits too)


_LIST_WORDS = frozenset({"و", "تا", "الی"})
_REFERENCE_BEFORE = re.compile(r"([^\s\d۰-۹،]+)[ \u200c]+[0-9۰-۹]{1,4}[ ]*(?:[،,]|و|تا|الی)[ ]*$")


def _listed_reference(sentence: str, start: int) -> bool:
    """The number follows «REFERENCE N و»: another reference of the same kind («ماده ۱۵ و ۱۶»)."""
    m = _REFERENCE_BEFORE.search(sentence, max(0, start - 40), start)
    word = _PLURAL.sub("", m.group(1)) if m else ""
    return word in REFERENCE_WORDS and word not in _COUNTED_REFERENCES


_COUNTED_REFERENCES = frozenset({"سال", "ساعت", "روز", "هفته", "ماه", "دقیقه", "کیلومتر", "دهه"})  # «۲ سال و ۳ ماه»


_LOANWORD_SI = re.compile(r"سی[ ]+(?:یو|تی|دی|سی)(?![\w\u200c])")
_NEWS = "خبر"
_LATIN_LABEL = re.compile(r"[A-Za-z]{2,}[ ]*:[ ]*$")
MAX_LABEL_CHARS = 24
_VILLAGE_WORD = "ده"
_VILLAGE_CUE = "روستا"
_NEWS_ID = re.compile(r"خبر[ ]*:[ ]*$")


def _is_year(span: NumberSpan, unit: str | None) -> bool:
    """A four-digit year, unless a known unit follows (`۱۴۰۰ نفر`): `ویژه برنامه نوروزی ۱۴۰۴ دیدارنیوز`."""
    digits = _NON_DIGITS.sub("", span.text)
    if span.has_scale or len(digits) != 4 or span.slash:
        return False
    return unit not in _KNOWN_UNITS and (1300 <= span.value <= 1500 or 1900 <= span.value <= 2100)


def _is_phone(span: NumberSpan, unit: str | None) -> bool:
    raw = _SPACES.sub("", span.text)
    digits_only = raw.isdigit()
    return digits_only and (len(raw) >= 7 and unit is None or raw[0] in "0۰" and len(raw) > 1)


def _figure(sentence: str, span: NumberSpan) -> Figure | None:
    unit, unit_end = _unit_after(sentence, span)
    if _excluded(sentence, span, unit):
        return None
    negative = unit == _DEGREE and _NEGATIVE.search(sentence, max(0, span.start - len(_MINUS) - 1), span.start)
    start = span.start - len(_MINUS) - 1 if negative else span.start  # «منفی ۲۳ درجه»: below zero
    text = sentence[start:unit_end].strip()
    return Figure(
        text=text,
        number=(-1 if negative else 1) * span.value * UNIT_SCALES.get(unit or "", 1.0),
        unit=unit,
        context=_context(sentence, span.start, unit_end),
        sentence=sentence,
    )


# «منفی ۲۳ درجه» is below zero; «منفی ۷۰ درصد کاهش» says the fall twice (annotated as a fall of 70)
_MINUS = "منفی"
_NEGATIVE = re.compile(_MINUS + r"[ ]$")
_DEGREE = "درجه"


def _is_range(sentence: str, first: NumberSpan, second: NumberSpan) -> bool:
    between = sentence[first.end : second.start]
    if _RANGE_JOIN.match(between):
        return True
    return _TO_JOIN.match(between) is not None and bool(
        _FROM_BEFORE.search(sentence, max(0, first.start - 6), first.start)
    )


_TONS_AND = re.compile(r"[ ]*تن[ ]+و[ ]+")
_KILOS = re.compile(r"[ ]*کیلو(?:[ \u200c]?گرم)?(?![\w\u200c])")


def _compound_weight(sentence: str, tons: NumberSpan, kilos: NumberSpan | None) -> Figure | None:
    """«۲ تن و ۲۳۰ کیلوگرم» (a seizure, a delivery): one weight, in kilograms; so is «۶۸ کیلو و ۶۵۵
    گرم»."""
    if kilos is None:
        return None
    if _TONS_AND.fullmatch(sentence, tons.end, kilos.start):
        unit, number = _KILOS.match(sentence, kilos.end), tons.value * 1000 + kilos.value
    elif _KILOS_AND.fullmatch(sentence, tons.end, kilos.start):
        unit, number = _GRAMS.match(sentence, kilos.end), tons.value + kilos.value / 1000
    else:
        return None
    if unit is None:
        return None
    return Figure(
        text=sentence[tons.start : unit.end()].strip(),
        number=number,
        unit="کیلوگرم",
        context=_context(sentence, tons.start, unit.end()),
        sentence=sentence,
    )


_KILOS_AND = re.compile(r"[ ]*کیلو(?:[ \u200c]?گرم)?[ ]+و[ ]+")
_GRAMS = re.compile(r"[ ]*گرم(?![\w\u200c])")


def _range_figure(sentence: str, first: NumberSpan, second: NumberSpan | None) -> tuple[bool, Figure | None]:
    """`۱۰ تا ۴۰ درصد`, `۵۹ الی ۶۵ درصد`, `از ۲ به ۴ واحد`: one figure valued at its upper bound.

    Returns (whether the two numbers are one range, its figure); a range whose upper end is not a
    key figure (`۱۵ تا ۲۹ ساله`) is dropped whole.
    """
    if second is None or not _is_range(sentence, first, second):
        return False, None
    unit, unit_end = _unit_after(sentence, second)
    if _excluded(sentence, second, unit) or _is_reference(sentence, first, unit):
        return True, None  # "۱۵ تا ۲۹ ساله", "سال 89 تا 90"
    if not first.has_digits and not first.has_scale and unit is None:
        return False, None
    return True, Figure(
        text=sentence[first.start : unit_end].strip(),
        number=second.value * UNIT_SCALES.get(unit or "", 1.0),
        unit=unit,
        context=_context(sentence, first.start, unit_end),
        sentence=sentence,
    )


def _context(sentence: str, start: int, end: int) -> str:
    """The phrase around a figure, inside its clause (a `که` clause borrows the noun before it)."""
    window = max(0, start - CONTEXT_WINDOW)
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, window, start)), default=window)
    m_end = _CLAUSE_BREAK.search(sentence, end, end + CONTEXT_WINDOW)
    clause_end = m_end.start() if m_end else min(len(sentence), end + CONTEXT_WINDOW)
    before = words(sentence[clause_start:start])
    after = words(sentence[end:clause_end])
    if before[:1] == ["که"]:
        before = before[1:]
        if len(before) < CONTEXT_BEFORE and clause_start > 0:
            previous = words(sentence[max(0, clause_start - 60) : clause_start])[-2:]
            before = previous + before
    before = _trim_leading(before[-CONTEXT_BEFORE:])
    cut = (
        CONTEXT_AFTER + 1
        if after[CONTEXT_AFTER - 1 : CONTEXT_AFTER] and _is_number_word(after[CONTEXT_AFTER - 1])
        else CONTEXT_AFTER
    )
    after = _trim_trailing(_trim_verb(after[:cut]))  # a number at the end keeps its unit: "زیر ۳۰ سال"
    return " ".join([*before, sentence[start:end].strip(), *after])


def _is_number_word(word: str) -> bool:
    return word[:1].isdigit()


def _trim_leading(words_: list[str]) -> list[str]:
    """Drop function words that open a context (`به اینکه امسال …` → `امسال …`)."""
    start = 0
    while start < len(words_) and words_[start] in _FUNCTION_WORDS:
        start += 1
    return words_[start:]


def _trim_trailing(words_: list[str]) -> list[str]:
    end = len(words_)
    while end and words_[end - 1] in _FUNCTION_WORDS:
        end -= 1
    return words_[:end]


def _trim_verb(tail: list[str]) -> list[str]:
    """Drop a trailing auxiliary verb group (`اعلام شده است`) from the words after a figure."""
    cut = len(tail)
    while cut and tail[cut - 1] in _AUXILIARIES:
        cut -= 1
    if cut < len(tail) and cut and tail[cut - 1] in _LIGHT_NOUNS:
        cut -= 1
    return tail[:cut]


def _salience(figure: Figure, span: NumberSpan, in_headline: bool, position: int) -> float:
    unit = figure.unit
    if unit in MONEY_UNITS:
        score = 3.0
    elif unit in PERCENT_UNITS or unit in RELIEF_UNITS or span.fraction:  # shares; "۳۵۰ تخته پتو" in relief news
        score = 2.5
    elif unit in COUNT_UNITS:
        score = 2.0
    elif unit is not None:
        score = 1.2
    else:
        score = 0.3
    score += 0.8 if span.has_scale else 0.0
    if not span.has_scale and not span.fraction and figure.number < 10:
        score -= 0.5 if span.has_digits else 1.5  # "دو نفر", "یک مورد": rarely the point of a story
    score += 3.0 if in_headline else 1.5 / (1.0 + 0.25 * max(position, 0))
    return score


def _significant_digits(x: float) -> int:
    return len(f"{abs(x):.6g}".split("e")[0].replace(".", "").strip("0"))


def _rounds(head: Figure, body: Figure) -> bool:
    """`۴ هزار طلاق` (headline) rounds `۴ هزار و ۲۰۰ مورد` (body): the same fact."""
    h, b = head.number, body.number
    if h <= 0 or b <= 0 or h == b or abs(h - b) > HEADLINE_ROUNDING * b:
        return False
    strict = MONEY_UNITS | PERCENT_UNITS  # money and percents only round their own kind
    if head.unit != body.unit and (head.unit in strict or body.unit in strict):
        return False
    return _significant_digits(h) < _significant_digits(b)


def _fold_headline_roundings(groups: dict[int, list[_Candidate]]) -> None:
    """Merge a headline-only figure into the body figure it rounds (the body figure is shown)."""
    headline_only = [key for key, group in groups.items() if all(c.in_headline for c in group)]
    if not headline_only:
        return
    body = [(key, c.figure) for key, group in groups.items() for c in group[:1] if key not in headline_only]
    for key in headline_only:
        group = groups[key]
        target = next((k for k, figure in body if _rounds(group[0].figure, figure)), None)
        if target is not None:
            groups[target].extend(group)
            del groups[key]


def _distinctive(number: float) -> bool:
    """A number unlikely to be two facts by chance: ۱۲۰۰ or ۳۸۵, not ۳۰۰ or ۵."""
    return number >= 100 and _significant_digits(number) >= 2


def _same_fact(a: _Candidate, b: _Candidate) -> bool:
    """One fact mentioned twice. Same number and unit, unless the nouns after the unit differ
    (`۳۰۰ کیلوگرم برنج` ≠ `۳۰۰ کیلوگرم روغن`); a distinctive number restated with another noun
    is one fact (`هزار و ۲۰۰ مورد` = `هزار و ۲۰۰ تماس`), unless money or percent is involved."""
    fa, fb = a.figure, b.figure
    if fa.unit == fb.unit:
        return a.qualifier is None or b.qualifier is None or a.qualifier == b.qualifier
    strict = MONEY_UNITS | PERCENT_UNITS
    if (fa.unit in strict or fb.unit in strict) and fa.unit is not None and fb.unit is not None:
        return False  # «۶۷ میلیارد ریال» and a title's «۶۷ میلیاردی» (no unit) may still be one fact
    # a title restates a body fact in its own words: "نجات ۱۴ مسافر" = "۱۴ نفر", "۵ هواپیما" = "پنج فروند
    # هواپیما"; a small number with other nouns is another fact ("۲ سارق" ≠ "دو منزل")
    if a.in_headline != b.in_headline:
        head, body = (fa, fb) if a.in_headline else (fb, fa)
        after = body.context.partition(body.text)[2]  # the words after the body figure
        return head.number >= MIN_RESTATED or (head.unit is not None and head.unit in after)
    return _distinctive(fa.number)


def _group(candidates: list[_Candidate]) -> dict[int, list[_Candidate]]:
    """Candidates grouped into facts (see `_same_fact`), in order of first mention."""
    groups: dict[int, list[_Candidate]] = {}
    by_number: dict[float, list[int]] = {}
    for cand in candidates:
        keys = by_number.setdefault(cand.figure.number, [])
        key = next((k for k in keys if all(_same_fact(c, cand) for c in groups[k])), None)
        if key is None:
            key = len(groups)
            keys.append(key)
            groups[key] = []
        groups[key].append(cand)
    return groups


def _rank(candidates: list[_Candidate]) -> list[_Candidate]:
    """Most salient first; one fact is one figure, shown with its first body mention."""
    groups = _group(candidates)
    _fold_headline_roundings(groups)
    merged = []
    for group in groups.values():
        shown = next((c for c in group if not c.in_headline), group[0])
        score = max(c.score for c in group)
        merged.append(_Candidate(shown.figure, score, group[0].order, shown.in_headline))
    return sorted(merged, key=lambda c: (-c.score, c.order))
