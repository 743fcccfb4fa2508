"""Seen-state per source in Redis: implements feeds.state.SeenStore.

One Lua script marks a whole document and answers "which entries are unseen?" atomically, so two
pollers racing on the same source can never both see an item as new. An entry is unseen when none of
its identity keys is in the set; all its keys are then (re)written with score = now ("last time this
item was in the feed"). Items still in the feed therefore never age out, however old; items gone
from the feed for `ttl` seconds are trimmed, and the set never holds more than `cap` keys (oldest
scores go first). A sentinel member `~` records that the source has seen-state at all, which
tells a first poll (or a seen-set that expired while the source was paused) from a regular one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import redis.asyncio as aioredis

from bot.store.keys import Keys
from feeds.state import SeenMark

SENTINEL = "~"

_MARK = """
local now = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local known = redis.call('EXISTS', KEYS[1])
local out = {known}
local i = 5
for _ = 1, tonumber(ARGV[4]) do
  local n = tonumber(ARGV[i])
  local unseen = 1
  for j = i + 1, i + n do
    if redis.call('ZSCORE', KEYS[1], ARGV[j]) then unseen = 0 end
  end
  for j = i + 1, i + n do
    redis.call('ZADD', KEYS[1], now, ARGV[j])
  end
  out[#out + 1] = unseen
  i = i + n + 1
end
redis.call('ZADD', KEYS[1], now, '~')
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - ttl))
local over = redis.call('ZCARD', KEYS[1]) - 1 - cap
if over > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
end
redis.call('EXPIRE', KEYS[1], ttl)
return out
"""


class SeenRedisStore:
    """Bounded, atomic seen-state (feeds.state.SeenStore)."""

    def __init__(self, redis: aioredis.Redis, keys: Keys, cap: int = 2000, ttl: int = 30 * 86400) -> None:
        self._r = redis
        self._k = keys
        self._cap = cap
        self._ttl = ttl
        self._mark = redis.register_script(_MARK)

    async def mark(self, source_id: str, identities: Sequence[Sequence[str]], now: datetime) -> SeenMark:
        args: list[str | int] = [int(now.timestamp()), self._cap, self._ttl, len(identities)]
        for keys in identities:
            args.append(len(keys))
            args.extend(keys)
        raw = await self._mark(keys=[self._k.seen(source_id)], args=args)
        flags = [int(x) for x in raw]
        return SeenMark(known_before=bool(flags[0]), unseen=tuple(bool(x) for x in flags[1:]))

    async def count(self, source_id: str) -> int:
        """Identity keys held for a source (the sentinel excluded)."""
        return max(0, int(await self._r.zcard(self._k.seen(source_id))) - 1)
