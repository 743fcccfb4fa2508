"""Typed data of the digest stage: what goes in (`Article`) and what comes out (`Digest`).

Pure data; imports nothing of ours. Shared by every digest/ module and by bot/ (the only caller).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    """One news item as the feed stage hands it on."""

    text: str  # plain text or HTML (article page, feed content or teaser)
    title: str | None = None  # the published title, when the feed has one
    url: str | None = None
    source: str | None = None  # display name of the source (e.g. "خبرگزاری موج خوزستان")
    published: datetime | None = None  # timezone-aware
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it. `name` is None for an unnamed official whose role is known."""

    name: str | None
    role: str | None
    statements: int = 1


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure: the number as written, its value, its unit and what it qualifies."""

    text: str  # as written in the article, e.g. "۱۰ استان"
    number: float  # numeric value, e.g. 10.0
    unit: str | None  # e.g. "استان", "درصد", "ریال"
    context: str  # the phrase it qualifies, e.g. "جزء ۱۰ استان انتهایی در آمار طلاق"
    sentence: str = ""  # the sentence it came from


@dataclass(frozen=True, slots=True)
class Digest:
    """The structured digest of one article."""

    headline: str
    is_social: bool
    topics: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()  # main speaker first
    figures: tuple[Figure, ...] = ()  # most salient first
    places: tuple[str, ...] = ()  # canonical province / city names
    provinces: tuple[str, ...] = ()  # provinces concerned: named ones and those of named cities
    summary: tuple[str, ...] = ()  # 1-3 extractive sentences, in text order
    kicker: str | None = None
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    id: str | None = None
    social_score: float = 0.0
    fingerprint: int = 0  # 64-bit SimHash of the body (digest.fingerprint), 0 when unknown
