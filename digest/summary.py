"""Extractive summary: up to three sentences of the article, in text order, with no near-duplicates.

Each sentence scores a position bonus, its content-word overlap with the headline, its key figures and
whether it is an attribution; sentences shorter than `MIN_WORDS` or ending in `:` are skipped, and a
sentence whose words overlap an already chosen one by more than `DUPLICATE_OVERLAP` is dropped.
Agency lead-ins are dropped from the lines shown. Stopwords come from hazm (loaded lazily, once).
Imports only digest modules and hazm.
"""

from __future__ import annotations

from functools import lru_cache

from digest.leadins import strip_lead_in
from digest.model import Figure
from digest.textmatch import key_tokens, squash

MAX_SENTENCES = 3
MIN_WORDS = 6
MAX_WORDS = 45  # longer sentences are poor summary lines
DUPLICATE_OVERLAP = 0.5
_EXTRA_STOPWORDS = frozenset("گفت افزود اظهار کرد داشت عنوان تصریح خبر داد وی استان".split())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """hazm's Persian stopword list (squashed), plus reporting words."""
    from hazm import stopwords_list  # lazy: importing hazm costs ~0.3 s

    return frozenset(squash(w) for w in stopwords_list()) | _EXTRA_STOPWORDS


def content_words(text: str) -> set[str]:
    stop = stopwords()
    return {k for k in key_tokens(text) if k not in stop and len(k) > 1}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def summarize(sentences: list[str], headline: str, figures: tuple[Figure, ...] = ()) -> tuple[str, ...]:
    """The best `MAX_SENTENCES` sentences, returned in their original order."""
    head_words = content_words(headline)
    figure_sentences = [f.sentence for f in figures]
    scored: list[tuple[float, int, set[str]]] = []
    for i, sentence in enumerate(sentences):
        n = len(sentence.split())
        if n < MIN_WORDS or sentence.rstrip().endswith(":"):
            continue
        cw = content_words(sentence)
        score = 2.0 if i < 2 else 1.0 / (1.0 + 0.3 * i)
        score += 1.5 * _overlap(cw, head_words)
        score += 1.0 * min(2, figure_sentences.count(sentence))
        score += 0.5 if ":" in sentence else 0.0
        score -= 1.0 if n > MAX_WORDS else 0.0
        scored.append((score, i, cw))
    chosen: list[tuple[int, set[str]]] = []
    for _, i, cw in sorted(scored, key=lambda t: (-t[0], t[1])):
        if all(_overlap(cw, other) <= DUPLICATE_OVERLAP for _, other in chosen):
            chosen.append((i, cw))
        if len(chosen) == MAX_SENTENCES:
            break
    return tuple(_display(sentences[i]) for i, _ in sorted(chosen, key=lambda t: t[0]))


def _display(sentence: str) -> str:
    """A summary line without its agency lead-in (`به گزارش خبرگزاری …،`)."""
    stripped = strip_lead_in(sentence)
    return stripped if len(stripped.split()) >= MIN_WORDS else sentence
