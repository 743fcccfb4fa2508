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
from digest.textmatch import KEY_WORD, key_text, longest_match, squash

_WORD_SPLIT = re.compile(f"({KEY_WORD.pattern})")

PROVINCES: tuple[str, ...] = tuple(PROVINCE_VARIANTS)
MAX_NGRAM = 4


def _keys(words: str) -> frozenset[str]:
    return frozenset(squash(w) for w in words.split())


# words that announce a place name right after them (in comparison form: no half-spaces)
_CUES = _keys(
    """
    شهرستان شهرستان‌های شهر شهرهای بخش بخش‌های فرماندار فرمانداری بخشدار بخشداری جمعه امام‌جمعه
    مردم استان منطقه حوزه روستای شهرداری
    """
)
# weak cues ("در نور خورشید", "در صحنه حادثه"): only when the name ends its clause ("۱۲۲ پروژه در سرباز.")
_WEAK_CUES = _keys("در از")
_LIST_CUES = _keys("و")
_CLAUSE_END = re.compile(r"[.،,؛:!؟?/\n»)]")
# "فارس" is also the news agency and the gulf; "مرکزی" is also "central"
_FARS, _MARKAZI, _ALBORZ, _PROVINCE_WORD, _NAQL = (squash(w) for w in ("فارس", "مرکزی", "البرز", "استان", "نقل"))
_FARS_PREV = _keys("خلیج با پارس سایت زبان")
_FARS_AGENCY = _keys("خبرگزاری گزارش خبرنگار خبرنگاران")
_MARKAZI_CUES = _keys("استان استاندار استانداری استان‌های")
_ALBORZ_BLOCKERS = _keys("کوه کوه‌های رشته رشته‌کوه")
_PREFIX = re.compile(r"^استان(?:[ \u200c]+|$)")


def _build_index() -> tuple[dict[str, str], dict[str, str]]:
    """squashed name → canonical place; and squashed province spelling → canonical province."""
    provinces: dict[str, str] = {}
    for canonical, variants in PROVINCE_VARIANTS.items():
        for spelling in (canonical, *variants):
            provinces[squash(spelling)] = canonical
    index: dict[str, str] = {}
    for name in (*FOREIGN, *REGIONS, *(c for cities in CITIES.values() for c in cities)):
        index[squash(name)] = name
    index.update(provinces)
    return index, provinces


_INDEX, _PROVINCE_INDEX = _build_index()
# proper prefixes of name keys: only a word like these starts an n-gram lookup ("خرم" of "خرم آباد")
_PREFIXES = frozenset(key[:i] for key in _INDEX for i in range(1, len(key)))


# city or region (squashed) → its province
_PROVINCE_OF = {
    **{squash(city): province for province, cities in CITIES.items() for city in cities},
    **{squash(region): "سیستان و بلوچستان" for region in ("سیستان", "بلوچستان")},
}


def canonical_province(name: str) -> str | None:
    """The canonical province for a spelling (`استان سیستان‌وبلوچستان` → `سیستان و بلوچستان`)."""
    text = _PREFIX.sub("", normalize_fa(name).strip())
    return _PROVINCE_INDEX.get(squash(text)) if text else None


def province_of(place: str) -> str | None:
    """The province a place belongs to: itself for a province, the province of a listed city."""
    return canonical_province(place) or _PROVINCE_OF.get(squash(normalize_fa(place)))


def provinces_of(places: tuple[str, ...]) -> tuple[str, ...]:
    """The provinces an item concerns, from its places, in order, without repeats."""
    return tuple(dict.fromkeys(p for p in (province_of(x) for x in places) if p))


def is_place(word: str) -> bool:
    """True when a single word is a known place name (ambiguous everyday words excluded)."""
    name = _INDEX.get(squash(word))
    return name is not None and name not in AMBIGUOUS


def _accept(name: str, keys: list[str], i: int, previous_place_at: int, ends_clause: bool) -> bool:
    prev = keys[i - 1] if i else ""
    key = keys[i]
    if key == _FARS:  # the news agency: "خبرگزاری فارس", "به گزارش خبرنگار اجتماعی فارس"
        before = keys[max(0, i - 5) : i]
        blocked = prev in _FARS_PREV or bool(_FARS_AGENCY.intersection(before)) or _NAQL in before
        return prev == _PROVINCE_WORD or not blocked
    if key == _MARKAZI:
        return prev in _MARKAZI_CUES
    if key == _ALBORZ:
        return prev not in _ALBORZ_BLOCKERS
    if name in AMBIGUOUS:
        in_list = (prev in _LIST_CUES or i == 0) and previous_place_at >= max(0, i - 2)
        return prev in _CUES or in_list or (prev in _WEAK_CUES and ends_clause)
    return True


def find_places(text: str) -> tuple[str, ...]:
    """Canonical names of the places in `text` (normalized), in order of first mention."""
    parts = _WORD_SPLIT.split(key_text(text))  # separator, word, separator, word, …, separator
    keys = parts[1::2]
    found: dict[str, None] = {}
    last_place = -10
    i = 0
    while i < len(keys):
        if keys[i] not in _PREFIXES and keys[i] not in _INDEX:
            i += 1  # fast path: most words start no place name
            continue
        hit = longest_match(keys, i, _INDEX, _PREFIXES, MAX_NGRAM)
        if hit is not None:
            name, end = hit
            after = parts[2 * end]  # the separator after the name's last word
            ends_clause = end == len(keys) or _CLAUSE_END.search(after) is not None
            if _accept(name, keys, i, last_place, ends_clause):
                found.setdefault(name, None)
                last_place = end
                i = end
                continue
        i += 1
    return tuple(found)
