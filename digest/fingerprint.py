"""64-bit SimHash of an article body, for spotting the same story from several agencies.

The body is cleaned and normalized, agency lead-ins (`به گزارش ایرنا،`, `خبرگزاری فارس:`) and
stopwords are dropped, words are squashed (spacing and half-spaces do not matter) and hashed as
overlapping 3-word shingles. Near-duplicates differ in a few bits (`hamming`); a threshold around
`NEAR_DUPLICATE_BITS` separates re-worded copies from different stories. Imports only digest modules.
"""

from __future__ import annotations

import hashlib
import re

from digest.clean import clean_text
from digest.model import Digest
from digest.sentences import words
from digest.summary import stopwords
from digest.textmatch import squash

SHINGLE = 3
BITS = 64
NEAR_DUPLICATE_BITS = 12
_MASK = (1 << BITS) - 1
_LEAD_IN = re.compile(
    r"(?:^|(?<=\n))(?:[^\n:،]{0,40}(?:خبرگزاری|ایرنا|ایسنا|ایلنا|تسنیم)[^\n:،]{0,30}:|"
    r"(?:به[ \u200c]*گزارش|به[ \u200c]*نقل[ \u200c]*از)[^\n،]{1,80}،)\s*"
)


def _features(text: str) -> list[str]:
    stop = stopwords()
    keys = [k for k in (squash(w) for w in words(text)) if k not in stop]
    if len(keys) < SHINGLE:
        return [" ".join(keys)] if keys else []
    return [" ".join(keys[i : i + SHINGLE]) for i in range(len(keys) - SHINGLE + 1)]


def _hash(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(features: list[str]) -> int:
    """SimHash of the features: each bit is the majority vote of the features' hash bits."""
    rows = [format(_hash(f), "064b") for f in features]
    value = 0
    for i, column in enumerate(zip(*rows, strict=True)):
        if 2 * column.count("1") > len(rows):
            value |= 1 << (BITS - 1 - i)
    return value


def body_fingerprint(paragraphs: tuple[str, ...] | list[str]) -> int:
    """SimHash of cleaned, normalized body paragraphs."""
    return simhash(_features(_LEAD_IN.sub("", "\n".join(paragraphs))))


def fingerprint(item: Digest | str) -> int:
    """SimHash of an article body: raw text/HTML, or the body fingerprint a digest carries."""
    if isinstance(item, Digest):
        return item.fingerprint or body_fingerprint([item.headline, *item.summary])
    return body_fingerprint(clean_text(item))


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two fingerprints."""
    return ((a ^ b) & _MASK).bit_count()
