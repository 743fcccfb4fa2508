"""Sources added by admins at runtime (/addsource), kept in one Redis hash (see bot.store.keys).

Build a source with `feeds.sources.remote_source(...)` (it validates and refuses local files), then
`add` it. The pipeline merges these with the operator's sources file (`feeds.sources.merge_sources`):
the file wins on an id clash. Removing a source also forgets its feed state, schedule and seen-set.
"""

from __future__ import annotations

import json

import redis.asyncio as aioredis

from bot.store.feeds import FeedStateStore
from bot.store.keys import Keys
from feeds.model import FeedSource
from feeds.sources import SourcesError, remote_source


def check_runtime(source: FeedSource) -> None:
    if source.from_file or source.url.split(":", 1)[0].lower() not in {"http", "https"}:
        raise ValueError("sources: runtime sources must be http(s) and built by feeds.sources.remote_source")


def source_json(source: FeedSource) -> str:
    """A runtime source as stored (the same fields `khabar export` writes)."""
    check_runtime(source)
    data: dict[str, str | int | None] = {"id": source.id, "name": source.name, "url": source.url}
    data |= {"province": source.province, "interval": source.interval}
    return json.dumps(data, ensure_ascii=False)


class AdminSourceStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys

    async def add(self, source: FeedSource) -> bool:
        """Store a runtime source; False when one with this id is already stored."""
        return bool(await self._r.hsetnx(self._k.admin_sources(), source.id, source_json(source)))

    async def remove(self, source_id: str) -> bool:
        """Delete a runtime source and everything khabar kept about it; False when there was none."""
        removed = bool(await self._r.hdel(self._k.admin_sources(), source_id))
        if removed:
            await FeedStateStore(self._r, self._k).forget(source_id)
        return removed

    async def list(self) -> list[FeedSource]:
        """Stored runtime sources, sorted by id; entries that no longer validate are skipped."""
        raw = await self._r.hgetall(self._k.admin_sources())
        out: list[FeedSource] = []
        for value in raw.values():
            try:
                d = json.loads(value)
                out.append(remote_source(d["id"], d["name"], d["url"], d.get("province"), d.get("interval")))
            except (ValueError, KeyError, TypeError, SourcesError):
                continue
        return sorted(out, key=lambda s: s.id)
