"""Site names around page titles: `… - اخبار تسنیم - Tasnim` → `…`. Pure; imports nothing of ours.

A page's `<title>` or `og:title` often carries the outlet's name before or after the headline,
joined by a separator (` - `, ` | `, `::`, `؛::`, ` – `, ` — `). `strip_site_affixes(title, names,
host)` splits on those separators and drops leading and trailing segments that are site labels:

- a segment that equals, contains or is contained in a known site name (`og:site_name`, …);
- a segment naming the host's brand (`Tasnim` on tasnimnews.com) or any Latin-only segment (`Mehr
  News Agency`, `ISNA`): Persian headlines are written in Persian;
- a short segment opening with an outlet word from `site_words.txt` (`خبرگزاری`, `اخبار`, `روزنامه`…);
- then, across a `::` separator, one short end segment (`…؛:: ورزش سه`; the shorter end, ties the last).

At least one segment always stays (the innermost), so a title made only of labels keeps its last one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from digest.textmatch import PERSIAN_LETTER

_SEPARATOR = re.compile(r"\s*؛?\s*::+\s*|\s*\|\s*|\s+[-–—]\s+")
_DOUBLE_COLON = re.compile(r"::")
_PERSIAN = re.compile(PERSIAN_LETTER)
_LATIN = re.compile(r"[A-Za-z]")
_NOT_KEY = re.compile(r"[\W_]+")
_LOOKALIKES = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "\u200c": ""})
_EDGE_PUNCT = " \t\n-–—|:؛;،,"

MAX_LABEL_WORDS = 6  # a segment with an outlet word is a label only when this short
MAX_COLON_LABEL_WORDS = 3  # `… :: ورزش سه`
MIN_NAME_KEY = 3  # shorter keys match too much
_GENERIC_HOST_LABELS = frozenset({"www", "m", "fa", "news", "co", "ac", "gov", "org", "com", "net", "ir"})


@cache
def site_words() -> tuple[str, ...]:
    text = resources.files("digest").joinpath("site_words.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(key(line) for line in lines if line and not line.startswith("#"))


def key(text: str) -> str:
    """Comparison form: lower case, Arabic look-alikes unified, no spaces, ZWNJ or punctuation."""
    return _NOT_KEY.sub("", text.translate(_LOOKALIKES).casefold())


def host_brand(url_or_host: str | None) -> str | None:
    """`https://www.tasnimnews.com/fa/news/1` → `tasnimnews`; None when there is no usable host."""
    if not url_or_host:
        return None
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host.lower()
    labels = [part for part in (host or "").split(".") if part and part not in _GENERIC_HOST_LABELS]
    if not labels or labels[0].isdigit():
        return None
    return labels[-1] if len(labels[-1]) >= MIN_NAME_KEY else None


def _segments(title: str) -> tuple[list[str], list[str]]:
    """Segments and the separators between them (len(separators) == len(segments) - 1)."""
    segments: list[str] = []
    separators: list[str] = []
    start = 0
    for m in _SEPARATOR.finditer(title):
        if m.start() == 0 or m.end() == len(title):
            continue  # a separator at an edge separates nothing
        segments.append(title[start : m.start()])
        separators.append(m.group())
        start = m.end()
    segments.append(title[start:])
    return segments, separators


def _matches_name(seg_key: str, names: Iterable[str]) -> bool:
    for name in names:
        if len(name) < MIN_NAME_KEY:
            continue
        if name in seg_key or (len(seg_key) >= MIN_NAME_KEY + 1 and seg_key in name):
            return True
    return False


def is_site_label(segment: str, names: Iterable[str] = (), host: str | None = None) -> bool:
    """True when a title segment names the outlet rather than the story."""
    seg_key = key(segment)
    if not seg_key:
        return True
    if _matches_name(seg_key, (key(n) for n in names)):
        return True
    if not _PERSIAN.search(segment):  # Latin-only: a brand (`Tasnim`, `ISNA`); digits alone are kept
        return _LATIN.search(segment) is not None
    brand = host_brand(host)
    if brand is not None and brand in seg_key:  # `ورزش سه varzesh3`
        return True
    return len(segment.split()) <= MAX_LABEL_WORDS and _opens_with_site_word(segment, seg_key)


def _opens_with_site_word(segment: str, seg_key: str) -> bool:
    """Whether the segment's first words are a site word (`ماهنامه …`, `سایت خبری …`), whole words only:
    `ماه نامهربان …` opens with «ماه», not «ماهنامه»."""
    if not seg_key.startswith(site_words()):
        return False
    ends, total = set(), 0
    for word in segment.split():
        total += len(key(word))
        ends.add(total)
    return any(seg_key.startswith(w) and len(w) in ends for w in site_words())


def _colon_label(segments: list[str], separators: list[str], first: int, last: int) -> tuple[int, int]:
    """Across `::` a short end segment is the site (`…؛:: ورزش سه`); the shorter end goes, ties the last."""
    lead = _DOUBLE_COLON.search(separators[first]) and len(segments[first].split()) <= MAX_COLON_LABEL_WORDS
    tail = _DOUBLE_COLON.search(separators[last - 1]) and len(segments[last].split()) <= MAX_COLON_LABEL_WORDS
    if lead and (not tail or len(segments[first].split()) < len(segments[last].split())):
        return first + 1, last
    return (first, last - 1) if tail else (first, last)


def strip_site_affixes(title: str, names: Iterable[str] = (), host: str | None = None) -> str:
    """The title without leading/trailing site-name segments; never empty when `title` is not."""
    title = " ".join(title.split())
    segments, separators = _segments(title)
    names = tuple(n for n in names if n)
    first, last = 0, len(segments) - 1
    while first < last and is_site_label(segments[first], names, host):
        first += 1
    while last > first and is_site_label(segments[last], names, host):
        last -= 1
    if first < last:
        first, last = _colon_label(segments, separators, first, last)
    kept = segments[first]
    for i in range(first, last):
        kept += separators[i] + segments[i + 1]
    return kept.strip(_EDGE_PUNCT) or title
