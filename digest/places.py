"""Places named in an article: provinces (31, any spelling), county seats and major cities, regions
and the foreign countries and cities news mentions most.

Lookup is by word n-grams compared in squashed form, so `سیستان و بلوچستان`, `سیستان‌وبلوچستان` and
`سيستان و بلوچستان` are one name. Names that are also everyday words (`سرباز`, `نور`, `بافت`) count
only after a place cue. Imports only digest modules.
"""

from __future__ import annotations

import re

from digest.gazetteer import AMBIGUOUS, CITIES, FOREIGN, PROVINCE_VARIANTS, REGIONS
from digest.normalize import normalize_fa
from digest.textmatch import squash

PROVINCES: tuple[str, ...] = tuple(PROVINCE_VARIANTS)
MAX_NGRAM = 4

# words that announce a place name right after them
_CUES = frozenset(
    """
    شهرستان شهرستانهای شهرستان‌های شهر شهرهای بخش بخشهای فرماندار فرمانداری بخشدار بخشداری جمعه
    امام‌جمعه مردم استان منطقه حوزه روستای شهرداری
    """.split()
)
# weak cues ("در نور خورشید", "در صحنه حادثه"): only when the name ends its clause ("۱۲۲ پروژه در سرباز.")
_WEAK_CUES = frozenset({"در", "از"})
_CLAUSE_END = re.compile(r"\s*(?:[.،,؛:!؟?/\n»)]|$)")
# "فارس" is also the news agency and the gulf; "مرکزی" is also "central"
_FARS_PREV = frozenset("خلیج با پارس سایت زبان".split())
_FARS_AGENCY = frozenset("خبرگزاری گزارش خبرنگار خبرنگاران".split())
_MARKAZI_CUES = frozenset("استان استاندار استانداری استانهای استان‌های".split())
_ALBORZ_BLOCKERS = frozenset("کوه کوههای رشته رشته‌کوه".split())
_WORD = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_PREFIX = re.compile(r"^استان(?:[ \u200c]+|$)")


def _key(text: str) -> str:
    return squash(text).replace("ئ", "ی")


def _build_index() -> tuple[dict[str, str], dict[str, str]]:
    """squashed name → canonical place; and squashed province spelling → canonical province."""
    provinces: dict[str, str] = {}
    for canonical, variants in PROVINCE_VARIANTS.items():
        for spelling in (canonical, *variants):
            provinces[_key(spelling)] = canonical
    index: dict[str, str] = {}
    for name in (*FOREIGN, *REGIONS, *(c for cities in CITIES.values() for c in cities)):
        index[_key(name)] = name
    index.update(provinces)
    return index, provinces


_INDEX, _PROVINCE_INDEX = _build_index()


def canonical_province(name: str) -> str | None:
    """The canonical province for a spelling (`استان سیستان‌وبلوچستان` → `سیستان و بلوچستان`)."""
    text = _PREFIX.sub("", normalize_fa(name).strip())
    return _PROVINCE_INDEX.get(_key(text)) if text else None


def is_place(word: str) -> bool:
    """True when a single word is a known place name (ambiguous everyday words excluded)."""
    name = _INDEX.get(_key(word))
    return name is not None and name not in AMBIGUOUS


def _accept(name: str, words: list[str], i: int, previous_place_at: int, ends_clause: bool) -> bool:
    prev = words[i - 1] if i else ""
    if name == "فارس":  # the news agency: "خبرگزاری فارس", "به گزارش خبرنگار اجتماعی فارس"
        before = words[max(0, i - 5) : i]
        return prev == "استان" or not (
            prev in _FARS_PREV or _FARS_AGENCY.intersection(before) or "نقل" in before
        )
    if name == "مرکزی":
        return prev in _MARKAZI_CUES
    if name == "البرز":
        return prev not in _ALBORZ_BLOCKERS
    if name in AMBIGUOUS:
        in_list = prev in ("و", "") and previous_place_at >= i - 2 and previous_place_at >= 0
        return prev in _CUES or in_list or (prev in _WEAK_CUES and ends_clause)
    return True


def find_places(text: str) -> tuple[str, ...]:
    """Canonical names of the places in `text` (normalized), in order of first mention."""
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    keys = [_key(w) for w in words]
    found: dict[str, None] = {}
    last_place = -10
    i = 0
    while i < len(words):
        for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            name = _INDEX.get("".join(keys[i : i + n]))
            if name is None:
                continue
            ends_clause = _CLAUSE_END.match(text, matches[i + n - 1].end()) is not None
            if _accept(name, words, i, last_place, ends_clause):
                found.setdefault(name, None)
                last_place = i + n
                i += n
                break
        else:
            i += 1
    return tuple(found)
