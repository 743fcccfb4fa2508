"""Headline and kicker (روتیتر) of an article, and its body without them.

The published title wins when there is one (site-name suffixes removed). Otherwise, among the first
paragraphs: a short line printed twice (many CMSs repeat the title before the body), else the first
short line that does not end like a sentence, else the core of the lead (its statement after
`گفت:`, cut to a clause). A short first line ending in `:` is the kicker and a speaker clue.
Imports only digest modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.leadins import strip_lead_in
from digest.normalize import normalize_fa
from digest.roles import REPORTING_VERBS
from digest.textmatch import alternation, squash

HEAD_LINES = 6  # the headline and kicker are among the first few paragraphs
MAX_HEADLINE_WORDS = 25
MAX_KICKER_WORDS = 15
MAX_LEAD_WORDS = 18

_SITE_SUFFIX = re.compile(
    r"\s+[-|–—]\s+[^-|–—]{0,40}(?:خبرگزاری|ایرنا|ایسنا|تسنیم|فارس|مهر|همشهری|آنلاین|نیوز|پایگاه)[^-|–—]{0,30}$"
)
_ATTRIBUTION = re.compile(r"^.{0,200}?" + alternation(REPORTING_VERBS) + r"\s*:\s*")


@dataclass(frozen=True, slots=True)
class Head:
    """The headline, the kicker (if any) and the body paragraphs that remain."""

    headline: str
    kicker: str | None
    body: tuple[str, ...]


def clean_title(title: str) -> str:
    """A published title without a trailing site name (`… - خبرگزاری فارس`)."""
    return _SITE_SUFFIX.sub("", normalize_fa(title)).strip()


def _words(line: str) -> int:
    return len(line.split())


def _is_short_line(line: str) -> bool:
    return _words(line) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith((".", "!", ":", "؟"))


def find_head(paragraphs: tuple[str, ...], title: str | None = None) -> Head:
    """Split the paragraphs into headline, kicker and body."""
    head = paragraphs[:HEAD_LINES]
    kicker_at = next(
        (i for i, p in enumerate(head[:3]) if p.rstrip().endswith(":") and _words(p) <= MAX_KICKER_WORDS),
        None,
    )
    kicker = head[kicker_at].rstrip(": ").strip() if kicker_at is not None else None
    headline = clean_title(title) if title and title.strip() else _headline_from_text(paragraphs, kicker_at)
    key = squash(headline)
    body = tuple(p for i, p in enumerate(paragraphs) if i != kicker_at and squash(p) != key)
    return Head(headline=headline, kicker=kicker, body=body)


def _headline_from_text(paragraphs: tuple[str, ...], kicker_at: int | None) -> str:
    candidates = [(i, p) for i, p in enumerate(paragraphs[:HEAD_LINES]) if i != kicker_at and _is_short_line(p)]
    keys = [squash(p) for p in paragraphs]
    for _, line in candidates:
        if keys.count(squash(line)) > 1:
            return line
    if candidates and (kicker_at is None or candidates[0][0] == kicker_at + 1 or candidates[0][0] == 0):
        return candidates[0][1]
    return _lead_core(next((p for i, p in enumerate(paragraphs) if i != kicker_at), ""))


def _lead_core(lead: str) -> str:
    """The statement of the lead sentence, without lead-ins, cut at a clause near MAX_LEAD_WORDS."""
    sentence = re.split(r"(?<=[.!؟])\s", lead.strip(), maxsplit=1)[0]
    sentence = _ATTRIBUTION.sub("", strip_lead_in(sentence), count=1)
    sentence = sentence.strip().rstrip(".")
    words = sentence.split()
    if len(words) <= MAX_LEAD_WORDS:
        return sentence
    cut = " ".join(words[:MAX_LEAD_WORDS])
    clause = max(cut.rfind("،"), cut.rfind("؛"))
    return (cut[:clause] if clause > len(cut) // 2 else cut).strip() + "…"
