"""THE Redis key schema. Every key khabar uses is built here; nothing else spells a key.

All keys share one prefix (`khabar:`, configurable per Store for tests). Call sites use the builder
functions below, never string concatenation. Anything that can grow without bound has a TTL or a cap.

| key                      | type | TTL / cap                          | meaning                                   |
| ------------------------ | ---- | ---------------------------------- | ----------------------------------------- |
| khabar:subs              | hash | one field per chat                 | chat key → Subscription JSON              |
| khabar:feed:{source_id}  | hash | TTL state_ttl, renewed on save     | FeedState of one source                   |
| khabar:seen:{id}:{0..15} | zset | seen_cap/16 each, TTL seen_ttl     | identity key → last time in the feed      |
| khabar:schedule          | zset | one member per source              | source id → next check (unix s; +inf paused) |
| khabar:leases            | zset | one member per source              | source id → claim expiry (unix s)         |
| khabar:sources           | hash | one field per runtime source       | source id → FeedSource JSON (/addsource)  |
| khabar:story:{story_id}  | hash | TTL story_ttl                      | core: Story JSON; sources: [[id, name]]   |
| khabar:stories           | zset | age story_ttl, cap story_cap       | story id → first seen (recent, /latest)   |
| khabar:story-recent      | zset | age story_window, cap story_cap    | story id → first seen (near-dup window)   |
| khabar:story-fp          | hash | pruned with story-recent           | story id → SimHash as its ten band values |
| khabar:story-band:{0..9} | zset | pruned with story-recent           | story id → one band value of its SimHash  |

(TTL/cap names are Settings fields.)

Seen members are 16-hex-digit identity keys (feeds.identity), spread over 16 buckets (CRC32 of the
key) so each bucket stays under Redis' default 128-entry listpack limit: about 25 bytes per key
instead of about 120 in a skiplist. Bucket 0 also holds the sentinel `~` ("this source has
seen-state"). Scores are whole seconds. The story-band sets are an LSH index over disjoint 6-7-bit
bands of the 64-bit SimHash (see bot.store.stories), so lookups never scan.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "khabar:"
SEEN_BUCKETS = 16
STORY_BANDS = 10


@dataclass(frozen=True, slots=True)
class Keys:
    """Key builders under one prefix. `Keys("khabar:test:abc:")` isolates a test."""

    prefix: str = DEFAULT_PREFIX

    def subs(self) -> str:
        return f"{self.prefix}subs"

    def feed_state(self, source_id: str) -> str:
        return f"{self.prefix}feed:{source_id}"

    def seen(self, source_id: str, bucket: int | str) -> str:
        return f"{self.prefix}seen:{source_id}:{bucket}"

    def schedule(self) -> str:
        return f"{self.prefix}schedule"

    def leases(self) -> str:
        return f"{self.prefix}leases"

    def admin_sources(self) -> str:
        return f"{self.prefix}sources"

    def story(self, story_id: str) -> str:
        return f"{self.prefix}story:{story_id}"

    def stories(self) -> str:
        return f"{self.prefix}stories"

    def story_recent(self) -> str:
        return f"{self.prefix}story-recent"

    def story_fp(self) -> str:
        return f"{self.prefix}story-fp"

    def story_band(self, band: int | str) -> str:
        return f"{self.prefix}story-band:{band}"


def seen_bucket_keys(keys: Keys, source_id: str) -> list[str]:
    """All SEEN_BUCKETS keys of one source's seen-state, bucket 0 (with the sentinel) first."""
    return [keys.seen(source_id, b) for b in range(SEEN_BUCKETS)]
