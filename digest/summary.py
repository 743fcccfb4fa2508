"""Extractive summary for a reader: the shortest sentences of the article that carry the story.

Each sentence scores a position bonus, its content-word overlap with the headline, its key figures and
whether it is an attribution, minus a little per word shown (a short sentence that says the same wins)
and minus a penalty when it opens with a pronoun (`وی گفت`: the reader has not seen who);
sentences shorter than `MIN_WORDS` or ending in `:` are skipped. The best sentences are then taken
while the summary stays within `MAX_SUMMARY_WORDS` words and `MAX_SENTENCES` sentences, dropping a
sentence whose words overlap an already chosen one by more than `DUPLICATE_OVERLAP`; they are
returned in text order. When even the best sentence is longer than the cap, it is cut at the last
clause break (`،` `؛`) within the cap and ends with `…`. Agency lead-ins are dropped from the lines
shown. Stopwords come from hazm (loaded lazily, once). Imports only digest modules and hazm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from digest.leadins import strip_lead_in
from digest.model import Figure
from digest.textmatch import key_tokens, squash

MAX_SENTENCES = 2
MIN_WORDS = 6
MAX_WORDS = 45  # longer sentences are poor summary lines
MAX_SUMMARY_WORDS = 50  # all summary lines together: a digest is read in seconds
PER_WORD = 0.02  # score lost per word: of two sentences that carry the story, the shorter wins
DUPLICATE_OVERLAP = 0.5
FOLLOW_SCORE = 0.6  # a second sentence must score at least this share of the best one
BACK_REFERENCE = 1.0  # a line opening with "he/she" (وی، او) leans on a sentence the reader has not seen
ELLIPSIS = "…"
_PRONOUNS = frozenset({"وی", "او", "ایشان"})
_CLAUSE_END = ("،", "؛", ",", ";")
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


@dataclass(frozen=True, slots=True)
class _Line:
    """A sentence fit to be a summary line, scored."""

    score: float
    index: int  # in the article's sentences
    words: set[str]  # content words
    text: str  # as shown: without its agency lead-in
    size: int  # words shown


def summarize(sentences: list[str], headline: str, figures: tuple[Figure, ...] = ()) -> tuple[str, ...]:
    """The shortest best sentences within `MAX_SUMMARY_WORDS`, returned in their original order."""
    ranked = sorted(
        _scored(sentences, content_words(headline), [f.sentence for f in figures]),
        key=lambda line: (-line.score, line.index),
    )
    chosen: list[_Line] = []
    words = 0
    for line in ranked:
        if words + line.size > MAX_SUMMARY_WORDS or any(
            _overlap(line.words, other.words) > DUPLICATE_OVERLAP for other in chosen
        ):
            continue
        if chosen and line.score < FOLLOW_SCORE * ranked[0].score:
            break  # the rest carries too little of the story to be worth the reader's time
        chosen.append(line)
        words += line.size
        if len(chosen) == MAX_SENTENCES:
            break
    if not chosen and ranked:  # every good sentence is over the cap: the best one, cut at a clause
        return (clip_words(ranked[0].text, MAX_SUMMARY_WORDS),)
    return tuple(line.text for line in sorted(chosen, key=lambda line: line.index))


def _scored(sentences: list[str], head_words: set[str], figure_sentences: list[str]) -> list[_Line]:
    """Every sentence fit to be a summary line, scored."""
    scored: list[_Line] = []
    for i, sentence in enumerate(sentences):
        tokens = sentence.split()
        n = len(tokens)
        if n < MIN_WORDS or sentence.rstrip().endswith(":"):
            continue
        text, shown = _display(sentence, tokens)
        cw = content_words(sentence)
        score = 2.0 if i < 2 else 1.0 / (1.0 + 0.3 * i)
        score += 1.5 * _overlap(cw, head_words)
        score += 1.0 * min(2, figure_sentences.count(sentence))
        score += 0.5 if ":" in sentence else 0.0
        score -= 1.0 if n > MAX_WORDS else 0.0
        score -= PER_WORD * len(shown)
        score -= BACK_REFERENCE if shown[0] in _PRONOUNS else 0.0
        scored.append(_Line(score, i, cw, text, len(shown)))
    return scored


def clip_words(sentence: str, limit: int) -> str:
    """`sentence` cut to at most `limit` words, at the last clause break when there is one in the second half."""
    words = sentence.split()
    if len(words) <= limit:
        return sentence
    kept = words[:limit]
    breaks = [k for k, w in enumerate(kept, 1) if w.endswith(_CLAUSE_END) and k >= limit // 2]  # keep ≥ half
    if breaks:
        kept = kept[: breaks[-1]]
    return " ".join(kept).rstrip("،؛,;:") + " " + ELLIPSIS


def _display(sentence: str, words: list[str]) -> tuple[str, list[str]]:
    """A summary line without its agency lead-in (`به گزارش خبرگزاری …،`) and its words (`words`: the
    sentence's, at least `MIN_WORDS`)."""
    stripped = strip_lead_in(sentence)
    if stripped == sentence:
        return sentence, words
    shown = stripped.split()
    return (stripped, shown) if len(shown) >= MIN_WORDS else (sentence, words)
