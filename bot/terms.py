"""Search terms of Persian text: normalized, stop words dropped, plurals folded by a light stemmer.

Pure (no I/O). The archive indexes a story under `story_terms(...)` and a query is looked up with
`words_to_terms(...)`, so both sides fold words the same way:

* characters: digest.normalize_fa (Arabic ي/ك → ی/ک, odd spaces, half-space repair), digits made
  Latin, lower case;
* words: runs of letters/digits, a half-space (ZWNJ) kept inside a word;
* stop words: hazm's list (as digest.summary loads it) plus reporting verbs;
* stemming (`stem`): a half-spaced suffix is dropped (`طلاق‌ها` → `طلاق`, `آسیب‌های` → `آسیب`,
  `بزرگ‌ترین` → `بزرگ`), and a written-together plural `ها/های/هایی` when at least three letters stay
  (`استانهای` → `استان`). `ان`/`ات` plurals are left alone: stripping them breaks `استان`, `ایران`,
  `اطلاعات`. hazm's Stemmer does that (`استان` → `اس`, `ایران` → `ایر`), and its Lemmatizer costs
  1.4 s and ~160 MB to load for the same plural folding, so neither is used.

Province and topic filters are separate terms (`p:خوزستان`, `t:طلاق`); `FIGURES` marks stories with
at least one key figure. Imports digest only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from digest import normalize_fa, to_latin_digits
from digest.summary import stopwords
from digest.textmatch import squash

ZWNJ = "\u200c"
MIN_TERM = 2  # characters
MAX_TERM = 40  # characters; longer tokens are cut (a term is part of a Redis key)
FIGURES = "f:"  # the term of every story with a key figure
_NON_LATIN_DIGIT = re.compile("[۰-۹٠-٩]")
_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")
_ATTACHED = ("هایی", "های", "ها")  # plural suffixes written without a half-space
_HALF_SPACED = frozenset(
    "ها های هایی ای ی یی تر ترین ام ات اش مان تان شان ایم اید اند است".split()
)  # what follows a half-space and is not a word of its own
_EXTRA_STOP = frozenset("گفت افزود اظهار کرد داشت عنوان تصریح خبر داد وی".split())


def province_term(name: str) -> str:
    return "p:" + name


def topic_term(name: str) -> str:
    return "t:" + name


def stem(word: str) -> str:
    """Fold a plural or suffixed form onto its stem (light: see the module docstring)."""
    if ZWNJ in word:
        head, _, tail = word.partition(ZWNJ)
        if len(head) >= MIN_TERM and tail.replace(ZWNJ, "") in _HALF_SPACED:
            return head
        return word.replace(ZWNJ, "")
    for suffix in _ATTACHED:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Normalized words of `text` (lower case, Latin digits), in order, stop words included."""
    text = normalize_fa(text)
    if _NON_LATIN_DIGIT.search(text):  # str.translate is slow on Persian text: only when needed
        text = to_latin_digits(text)
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=20_000)
def is_stop(word: str) -> bool:
    return squash(word) in stopwords() or word in _EXTRA_STOP


def words_to_terms(words: Iterable[str]) -> list[str]:
    """Distinct terms of already tokenized words, in first-seen order (stop words and 1-letter words out)."""
    out: dict[str, None] = {}
    for w in words:
        if len(w) < MIN_TERM or is_stop(w):
            continue
        t = stem(w)[:MAX_TERM]
        if len(t) >= MIN_TERM:
            out.setdefault(t, None)
    return list(out)


def text_terms(*texts: str) -> list[str]:
    return words_to_terms(tokens("\n".join(texts)))
