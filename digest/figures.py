"""Key figures: numbers a reader wants, with unit, the phrase they qualify and their sentence.

Finds number spans (`digest.numbers`), reads the unit from the word after the number (glued or not:
`۲۵درصد`, `۱۲شهر`), drops what is not a key figure (dates and years, times, phone numbers, codes,
law-article and other reference numbers, view counts, ordinals, durations, the indefinite `یک`
and number words with no known unit after them) and ranks the rest by salience.
Imports only digest modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Figure
from digest.numbers import NumberSpan, find_numbers
from digest.sentences import words
from digest.units import (
    COUNT_UNITS,
    MONEY_UNITS,
    PERCENT_UNITS,
    REFERENCE_PAIRS,
    REFERENCE_WORDS,
    TIME_UNITS,
    canonical_unit,
)

MAX_FIGURES = 8  # kept per article; the render shows fewer (RenderOptions.max_figures)
CONTEXT_BEFORE = 3  # words of context before the number
CONTEXT_AFTER = 4  # words of context after the unit
CONTEXT_WINDOW = 300  # characters searched for the clause around a figure

_MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ژانویه فوریه مارس آوریل "
    "مه ژوئن ژوئیه جولای اوت سپتامبر اکتبر نوامبر دسامبر محرم صفر ربیع جمادی رجب شعبان رمضان شوال "
    "ذیقعده ذیحجه میلادی شمسی هجری قمری".split()
)
_ORDINAL_TAIL = re.compile(r"^(?:[ \u200c]?(?:ام|امین|مین|م))(?![^\W\d_])")
_RANGE_JOIN = re.compile(r"^[ \u200c]*(?:تا|الی|-|–)[ \u200c]*$")
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
_LIGHT_NOUNS = frozenset("اعلام انجام ارائه برگزار تعیین مطرح عنوان بیان ذکر".split())


@dataclass(frozen=True, slots=True)
class _Candidate:
    figure: Figure
    score: float
    order: int
    in_headline: bool


def extract_figures(sentences: list[str], headline: str = "", limit: int | None = None) -> tuple[Figure, ...]:
    """Key figures of the article, most salient first (headline figures count as very salient)."""
    candidates: list[_Candidate] = []
    texts = ([headline] if headline else []) + sentences
    for index, sentence in enumerate(texts):
        in_headline = bool(headline) and index == 0
        position = index - (1 if headline else 0)
        candidates.extend(_sentence_candidates(sentence, in_headline, position, len(candidates)))
    return tuple(c.figure for c in _rank(candidates)[: limit or MAX_FIGURES])


def _sentence_candidates(sentence: str, in_headline: bool, position: int, order: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    spans = find_numbers(sentence)
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
        figure = _range_figure(sentence, span, nxt)
        if figure is not None:
            skip_next = True
        else:
            figure = _figure(sentence, span)
        dropped_end = span.end if figure is None else -1
        if figure is not None:
            score = _salience(figure, span, in_headline, position)
            out.append(_Candidate(figure, score, order + len(out), in_headline))
    return out


def _unit_after(sentence: str, span: NumberSpan) -> tuple[str | None, int]:
    """The unit word after the number (canonical form) and where it ends; (None, span.end) if none."""
    if span.percent:
        return "درصد", span.end
    m = _UNIT_WORD.match(sentence, span.end)
    if not m:
        return None, span.end
    unit = canonical_unit(m.group(1))
    if span.fraction and unit not in _KNOWN_UNITS:
        return None, span.end
    return unit, m.end() if unit else span.end


def _previous_words(sentence: str, span: NumberSpan) -> list[str]:
    """The (up to) two words before the number, nearest last."""
    return words(sentence[max(0, span.start - 40) : span.start])[-2:]


def _excluded(sentence: str, span: NumberSpan, unit: str | None) -> bool:
    """Dates, years, times, references, phone numbers, ordinals and unit-less number words."""
    after = sentence[span.end : span.end + 12]
    if _ORDINAL_TAIL.match(after) or _TIME_OF_DAY.match(after):
        return True
    before = _previous_words(sentence, span)
    prev = before[-1] if before else ""
    if prev in REFERENCE_WORDS or prev in _MONTHS or unit in _MONTHS or unit in TIME_UNITS:
        return True
    if len(before) == 2 and before[0] in REFERENCE_PAIRS:
        return True
    if _CLOCK_BEFORE.search(sentence, max(0, span.start - 2), span.start):
        return True
    if not span.has_digits and not span.fraction:
        return unit is None or unit not in _KNOWN_UNITS
    return _is_year(span, unit) or _is_phone(span, unit) or unit == "بازدید"


def _is_year(span: NumberSpan, unit: str | None) -> bool:
    digits = _NON_DIGITS.sub("", span.text)
    if span.has_scale or len(digits) != 4 or span.slash:
        return False
    return unit is None and (1300 <= span.value <= 1500 or 1900 <= span.value <= 2100)


def _is_phone(span: NumberSpan, unit: str | None) -> bool:
    raw = _SPACES.sub("", span.text)
    digits_only = raw.isdigit()
    return digits_only and (len(raw) >= 7 and unit is None or raw[0] in "0۰" and len(raw) > 1)


def _figure(sentence: str, span: NumberSpan) -> Figure | None:
    unit, unit_end = _unit_after(sentence, span)
    if _excluded(sentence, span, unit):
        return None
    text = sentence[span.start : unit_end].strip()
    return Figure(
        text=text,
        number=span.value,
        unit=unit,
        context=_context(sentence, span.start, unit_end),
        sentence=sentence,
    )


def _range_figure(sentence: str, first: NumberSpan, second: NumberSpan | None) -> Figure | None:
    """`۱۰ تا ۴۰ درصد`, `۵۹ الی ۶۵ درصد`: one figure valued at its upper bound."""
    if second is None or not _RANGE_JOIN.match(sentence[first.end : second.start]):
        return None
    unit, unit_end = _unit_after(sentence, second)
    if _excluded(sentence, second, unit) or not first.has_digits and not first.has_scale and unit is None:
        return None
    return Figure(
        text=sentence[first.start : unit_end].strip(),
        number=second.value,
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
    after = _trim_trailing(_trim_verb(after[:CONTEXT_AFTER]))
    return " ".join([*before, sentence[start:end].strip(), *after])


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
    elif unit in PERCENT_UNITS:
        score = 2.5
    elif unit in COUNT_UNITS:
        score = 2.0
    elif unit is not None:
        score = 1.2
    else:
        score = 0.3
    score += 0.8 if span.has_scale else 0.0
    if not span.has_scale and figure.number < 10:
        score -= 0.5 if span.has_digits else 1.5  # "دو نفر", "یک مورد": rarely the point of a story
    score += 3.0 if in_headline else 1.5 / (1.0 + 0.25 * max(position, 0))
    return score


def _rank(candidates: list[_Candidate]) -> list[_Candidate]:
    """Most salient first; one value with one unit is one figure, shown with its first body mention."""
    groups: dict[tuple[float, str | None], list[_Candidate]] = {}
    for cand in candidates:
        groups.setdefault((cand.figure.number, cand.figure.unit), []).append(cand)
    merged = []
    for group in groups.values():
        shown = next((c for c in group if not c.in_headline), group[0])
        score = max(c.score for c in group)
        merged.append(_Candidate(shown.figure, score, group[0].order, shown.in_headline))
    return sorted(merged, key=lambda c: (-c.score, c.order))
