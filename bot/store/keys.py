"""THE Redis key schema. Every key khabar uses is built here; nothing else spells a key.

All keys share one prefix (`khabar:`, configurable per Store for tests). Call sites use the builder
functions below, never string concatenation. Anything that can grow without bound has a TTL or a cap.

| key                      | type | TTL / cap                              | meaning                           |
| ------------------------ | ---- | -------------------------------------- | --------------------------------- |
| khabar:subs              | hash | one field per chat                     | chat key → Subscription JSON      |
| khabar:feed:{source_id}  | hash | deleted with the source                | FeedState of one source           |
| khabar:seen:{source_id}  | zset | cap Settings.seen_cap, TTL seen_ttl    | item key → first-seen unix time   |
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "khabar:"


@dataclass(frozen=True, slots=True)
class Keys:
    """Key builders under one prefix. `Keys("khabar:test:abc:")` isolates a test."""

    prefix: str = DEFAULT_PREFIX

    def subs(self) -> str:
        return f"{self.prefix}subs"

    def feed_state(self, source_id: str) -> str:
        return f"{self.prefix}feed:{source_id}"

    def seen(self, source_id: str) -> str:
        return f"{self.prefix}seen:{source_id}"
