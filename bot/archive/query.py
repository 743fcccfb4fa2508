"""Search queries: what `/search`, `/figures` and `khabar search|figures` were asked. Pure.

`parse_query(text)` → a `Query` (word terms, plus the provinces and topics named in it, recognized
as bot.args recognizes them for /subscribe: spelling variants, multi-word names) or a `QueryError`
(empty, too long, nothing but stop words). `Query.groups()` is what the archive intersects: one
group per word; a province is a filter on the stories' provinces; a topic matches its tag or the
first word of its name (`طلاق` finds stories tagged طلاق and stories saying it; `بیکاری` finds the
topic «بیکاری و اشتغال» and the word بیکاری, not every story saying اشتغال or اجتماعی).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.args import parse_targets
from bot.terms import province_term, text_terms, tokens, topic_term
from digest import canonical_topic

MAX_QUERY_CHARS = 300  # longer is not a search
MAX_TERMS = 8  # words looked up at most (the first ones)


class QueryError(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    ONLY_STOP_WORDS = "stop_words"


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # as typed (trimmed), for echoing and for the page buttons
    words: tuple[str, ...] = ()  # folded word terms
    provinces: tuple[str, ...] = ()  # canonical province names
    topics: tuple[str, ...] = ()  # canonical topic names

    def groups(self) -> list[list[str]]:
        groups: list[list[str]] = []
        for word in self.words:
            topic = canonical_topic(word)  # `طلاق‌ها` folds to `طلاق`, a topic: its tag counts too
            groups.append([word, topic_term(topic)] if topic else [word])
        groups += [[province_term(p)] for p in self.provinces]
        for topic in self.topics:
            groups.append([topic_term(topic), *text_terms(topic)[:1]])
        return groups


def parse_query(text: str) -> Query | QueryError:
    raw = " ".join(text.split())
    if not raw or not tokens(raw):
        return QueryError.EMPTY
    if len(raw) > MAX_QUERY_CHARS:
        return QueryError.TOO_LONG
    targets = parse_targets(raw.split())
    words = tuple(text_terms(" ".join(targets.unknown))[:MAX_TERMS])
    if not (words or targets.provinces or targets.topics):
        return QueryError.ONLY_STOP_WORDS
    return Query(raw, words, targets.provinces, targets.topics)
