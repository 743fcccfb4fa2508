"""Which subscriptions a story goes to. Pure: a Story and a Subscription in, a yes/no out.

Rules, in order: only social-affairs stories (digest.is_social); a chat narrowed to provinces gets
a story when one of them is the source's province or a province the digest concerns (named, or the
province of a named city); a chat narrowed
to topics gets a story tagged with one of them (provinces AND topics when both are set); keyword
filters match Persian-normalized words by prefix (`کودک` matches `کودکان`, not `پیرکودک`): every
`exclude` word must be absent and, if there are `include` words, one must be present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.store.subscriptions import Subscription
from bot.story import Story
from digest import canonical_province, normalize_fa

_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What matching needs from a story, computed once per story (not once per chat)."""

    is_social: bool
    provinces: frozenset[str]
    topics: frozenset[str]
    words: tuple[str, ...]  # normalized, lower-case words of headline, summary, kicker and tags

    @classmethod
    def of(cls, story: Story) -> StoryFacts:
        d = story.digest
        # the digest's provinces (named ones and those of named cities), plus any province in places
        provinces = set(d.provinces) | {p for p in (canonical_province(x) for x in d.places) if p}
        if story.province:
            provinces.add(canonical_province(story.province) or story.province)
        text = " ".join([d.headline, *d.summary, d.kicker or "", *d.topics, *d.places])
        return cls(d.is_social, frozenset(provinces), frozenset(d.topics), tuple(words_of(text)))


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(normalize_fa(text))]


def matches(sub: Subscription, facts: StoryFacts) -> bool:
    if not facts.is_social:
        return False
    if sub.provinces and facts.provinces.isdisjoint(sub.provinces):
        return False
    if sub.topics and facts.topics.isdisjoint(sub.topics):
        return False
    if any(_has(facts.words, w) for w in sub.exclude):
        return False
    return not sub.include or any(_has(facts.words, w) for w in sub.include)


def _has(words: tuple[str, ...], keyword: str) -> bool:
    if " " in keyword:  # a phrase: its words in sequence
        parts = keyword.split()
        n = len(parts)
        return any(all(words[i + j].startswith(parts[j]) for j in range(n)) for i in range(len(words) - n + 1))
    return any(w.startswith(keyword) for w in words)
