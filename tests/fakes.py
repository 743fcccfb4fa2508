"""In-memory fakes of the Protocols feeds/ declares (feeds.state.StateStore, SeenStore, Inbox).

They follow the Redis implementations' documented semantics (bot.store.feeds, bot.store.seen) so
feeds/ can be tested without Redis; the Redis classes have their own tests against a real server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from feeds.model import FeedItem
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
    """Seen-state plus the inbox it fills (feeds.state.SeenStore and Inbox)."""

    def __init__(self, cap: int = 2000) -> None:
        self.seen: dict[str, dict[str, float]] = {}
        self.cap = cap
        self.inbox: dict[tuple[str, str], tuple[float, FeedItem]] = {}  # (source, key) → (lease until, item)

    async def check(self, source_id: str, identities: Sequence[Sequence[str]]) -> SeenMark:
        keys = self.seen.get(source_id, {})
        flags = tuple(not any(k in keys for k in ids) for ids in identities)
        return SeenMark(known_before=source_id in self.seen, unseen=flags)

    async def mark(
        self,
        source_id: str,
        identities: Sequence[Sequence[str]],
        now: datetime,
        queue: Sequence[tuple[int, FeedItem]] = (),
    ) -> SeenMark:
        mark = await self.check(source_id, identities)
        keys = self.seen.setdefault(source_id, {})
        for ids in identities:
            for k in ids:
                keys[k] = now.timestamp()
        for k, _ in sorted(keys.items(), key=lambda kv: kv[1])[: max(0, len(keys) - self.cap)]:
            del keys[k]
        for index, item in queue:
            if mark.unseen[index]:
                self.inbox[(item.source_id, item.key)] = (now.timestamp() + 60, item)
        return mark

    async def reclaim(self, now: datetime, lease: int, limit: int) -> list[FeedItem]:
        due = [k for k, (until, _) in self.inbox.items() if until <= now.timestamp()][:limit]
        for k in due:
            self.inbox[k] = (now.timestamp() + lease, self.inbox[k][1])
        return [self.inbox[k][1] for k in due]

    def ack(self, item: FeedItem) -> None:
        self.inbox.pop((item.source_id, item.key), None)

    def forget(self, source_id: str, key: str) -> None:
        self.seen[source_id].pop(key, None)
