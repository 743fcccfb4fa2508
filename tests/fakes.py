"""In-memory fakes of the Protocols feeds/ declares (feeds.state.StateStore, SeenStore).

They follow the Redis implementations' documented semantics (bot.store.feeds, bot.store.seen) so
feeds/ can be tested without Redis; the Redis classes have their own tests against a real server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from feeds.state import FeedState, SeenMark


class FakeStateStore:
    def __init__(self) -> None:
        self.states: dict[str, FeedState] = {}
        self.schedule: dict[str, float] = {}
        self.leases: dict[str, float] = {}
        self.saves = 0

    def add(self, source_ids: Sequence[str], now: datetime) -> None:
        for sid in source_ids:
            self.schedule.setdefault(sid, now.timestamp())

    async def load(self, source_id: str) -> FeedState | None:
        return self.states.get(source_id)

    async def save(self, source_id: str, state: FeedState) -> None:
        self.saves += 1
        self.states[source_id] = state
        nxt = state.next_check_at
        self.schedule[source_id] = math.inf if state.paused or nxt is None else nxt.timestamp()
        self.leases.pop(source_id, None)

    async def claim_due(self, now: datetime, limit: int, lease: int) -> list[str]:
        due = sorted((t, sid) for sid, t in self.schedule.items() if t <= now.timestamp())
        return self._take([sid for _, sid in due[:limit]], now, lease)

    async def claim(self, source_ids: Sequence[str], now: datetime, lease: int) -> list[str]:
        return self._take(list(source_ids), now, lease)

    def _take(self, ids: list[str], now: datetime, lease: int) -> list[str]:
        out = []
        for sid in ids:
            if self.leases.get(sid, -math.inf) > now.timestamp():
                continue
            self.leases[sid] = now.timestamp() + lease
            if sid in self.schedule:
                self.schedule[sid] = now.timestamp() + lease
            out.append(sid)
        return out


class FakeSeenStore:
    def __init__(self, cap: int = 2000) -> None:
        self.seen: dict[str, dict[str, float]] = {}
        self.cap = cap

    async def mark(self, source_id: str, identities: Sequence[Sequence[str]], now: datetime) -> SeenMark:
        known = source_id in self.seen
        keys = self.seen.setdefault(source_id, {})
        flags = []
        for ids in identities:
            flags.append(not any(k in keys for k in ids))
            for k in ids:
                keys[k] = now.timestamp()
        for k, _ in sorted(keys.items(), key=lambda kv: kv[1])[: max(0, len(keys) - self.cap)]:
            del keys[k]
        return SeenMark(known_before=known, unseen=tuple(flags))

    def forget(self, source_id: str, key: str) -> None:
        self.seen[source_id].pop(key, None)
