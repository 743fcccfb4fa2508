"""64-bit SimHash of an article body, for spotting the same story from several agencies.

The body is cleaned and normalized, agency lead-ins (`به گزارش ایرنا،`, `خبرگزاری فارس:`) and
stopwords are dropped, words are squashed (spacing and half-spaces do not matter) and hashed as
overlapping 3-word shingles. Near-duplicates differ in a few bits (`hamming`); a threshold around
`NEAR_DUPLICATE_BITS` separates re-worded copies from different stories. Imports only digest modules.
"""

from __future__ import annotations

import hashlib

from digest.clean import clean_text
from digest.leadins import strip_lead_in
from digest.model import Digest
from digest.summary import stopwords
from digest.textmatch import key_tokens

SHINGLE = 3
BITS = 64
NEAR_DUPLICATE_BITS = 12
_MASK = (1 << BITS) - 1


def _features(text: str) -> list[str]:
    stop = stopwords()
    keys = [k for k in key_tokens(text) if k not in stop]
    if len(keys) < SHINGLE:
        return [" ".join(keys)] if keys else []
    n = len(keys) - SHINGLE + 1  # runs of SHINGLE words
    return list(map(" ".join, zip(*(keys[i : i + n] for i in range(SHINGLE)), strict=True)))


_HASH = hashlib.blake2b(digest_size=BITS // 8)  # copied per feature: cheaper than building one


def _hashes(features: list[str]) -> bytes:
    """The features' 8-byte BLAKE2b digests, concatenated."""
    digests = []
    for feature in features:
        h = _HASH.copy()
        h.update(feature.encode())
        digests.append(h.digest())
    return b"".join(digests)


def simhash(features: list[str]) -> int:
    """SimHash of the features: each bit is the majority vote of the features' hash bits."""
    data = _hashes(features)
    half = len(features) / 2
    # bit b of every byte of a column: the column read as one integer, masked, its set bits counted
    masks = [int.from_bytes(bytes((0x80 >> bit,)) * len(features), "big") for bit in range(8)]
    value = 0
    for byte in range(8):
        column = int.from_bytes(data[byte::8], "big")  # byte `byte` of every feature's hash
        for bit, mask in enumerate(masks):
            if (column & mask).bit_count() > half:
                value |= 1 << (BITS - 1 - (8 * byte + bit))
    return value


def core_text(paragraphs: tuple[str, ...] | list[str]) -> str:
    """Body paragraphs joined, each without its agency lead-in (what two agencies' copies share)."""
    return "\n".join(strip_lead_in(p) for p in paragraphs)


def text_fingerprint(core: str) -> int:
    """SimHash of a `core_text`."""
    return simhash(_features(core))


def body_fingerprint(paragraphs: tuple[str, ...] | list[str]) -> int:
    """SimHash of cleaned, normalized body paragraphs."""
    return text_fingerprint(core_text(paragraphs))


def fingerprint(item: Digest | str) -> int:
    """SimHash of an article body: raw text/HTML, or the body fingerprint a digest carries."""
    if isinstance(item, Digest):
        return item.fingerprint or body_fingerprint([item.headline, *item.summary])
    return body_fingerprint(clean_text(item))


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two fingerprints."""
    return ((a ^ b) & _MASK).bit_count()
