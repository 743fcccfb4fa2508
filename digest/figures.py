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

_MONTHS = frozenset(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ژانویه فوریه مارس آوریل "
    "مه ژوئن ژوئیه جولای اوت سپتامبر اکتبر نوامبر دسامبر محرم صفر ربیع جمادی رجب شعبان رمضان شوال "
    "ذیقعده ذیحجه میلادی شمسی هجری قمری".split()
)
_ORDINAL_TAIL = re.compile(r"^(?:[ \u200c]?(?:ام|امین|مین|م))(?![^\W\d_])")
_RANGE_JOIN = re.compile(r"^[ \u200c]*(?:تا|الی|-|–)[ \u200c]*$")
_TIME_OF_DAY = re.compile(r"^[:٫.][0-9۰-۹]")
_CLOCK_BEFORE = re.compile(r"[0-9۰-۹]:$")
_KNOWN_UNITS = COUNT_UNITS | MONEY_UNITS | PERCENT_UNITS
_CLAUSE_BREAK = re.compile(r"[،؛:;,()«»\"!؟?]|\.(?!\d)")
_AUXILIARIES = frozenset("است شد شده شدند شوند شود بود بوده باشد باشند اند می‌شود می‌باشد خواهد".split())
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
    for i, span in enumerate(spans):
        if skip_next:
            skip_next = False
            continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        figure = _range_figure(sentence, span, nxt)
        if figure is not None:
            skip_next = True
        else:
            figure = _figure(sentence, span)
        if figure is not None:
            score = _salience(figure, span, in_headline, position)
            out.append(_Candidate(figure, score, order + len(out), in_headline))
    return out


def _unit_after(sentence: str, span: NumberSpan) -> tuple[str | None, int]:
    """The unit word after the number (canonical form) and where it ends; (None, span.end) if none."""
    if span.percent:
        return "درصد", span.end
    m = re.match(r"[ \u200c]*([^\W\d_]+(?:\u200c[^\W\d_]+)*)", sentence[span.end :])
    if not m:
        return None, span.end
    unit = canonical_unit(m.group(1))
    return unit, span.end + m.end() if unit else span.end


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
    if not span.has_digits:
        return unit is None or unit not in _KNOWN_UNITS
    return _is_year(span, unit) or _is_phone(span, unit) or unit == "بازدید"


def _is_year(span: NumberSpan, unit: str | None) -> bool:
    digits = re.sub(r"\D", "", span.text)
    if span.has_scale or len(digits) != 4 or span.slash:
        return False
    return unit is None and (1300 <= span.value <= 1500 or 1900 <= span.value <= 2100)


def _is_phone(span: NumberSpan, unit: str | None) -> bool:
    raw = re.sub(r"[ \u200c]", "", span.text)
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
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    m_end = _CLAUSE_BREAK.search(sentence, end)
    clause_end = m_end.start() if m_end else len(sentence)
    before = words(sentence[clause_start:start])
    after = words(sentence[end:clause_end])
    if before[:1] == ["که"]:
        before = before[1:]
        if len(before) < CONTEXT_BEFORE and clause_start > 0:
            previous = words(sentence[:clause_start])[-2:]
            before = previous + before
    phrase = before[-CONTEXT_BEFORE:] + [sentence[start:end].strip()] + _trim_verb(after[:CONTEXT_AFTER])
    return " ".join(phrase)


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
