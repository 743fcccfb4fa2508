"""Seen-state per source in Redis: implements feeds.state.SeenStore.

One Lua script marks a whole document and answers "which entries are unseen?" atomically, so two
pollers racing on the same source can never both see an item as new. An entry is unseen when none of
its identity keys is known; all its keys are then (re)written with score = now ("last time this item
was in the feed"). Items still in the feed therefore never age out, however old; items gone from the
feed for `ttl` seconds are trimmed, and a source never holds more than `cap` keys (oldest scores go
first). The keys are spread over SEEN_BUCKETS small sorted sets (by CRC32), which Redis keeps in its
compact listpack encoding; see bot.store.keys. A sentinel member `~` in bucket 0 records that the
source has seen-state at all, which tells a first poll (or a seen-state that expired while the
source was paused) from a regular one.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from datetime import datetime

import redis.asyncio as aioredis

from bot.store.keys import SEEN_BUCKETS, Keys, seen_bucket_keys
from feeds.state import SeenMark

SENTINEL = "~"

# KEYS: the source's bucket keys (bucket 0 first). ARGV: now, cap per bucket, ttl, entry count, then
# per entry: its key count n, then n pairs (bucket number, identity key).
_MARK = """
local now = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local known = redis.call('ZSCORE', KEYS[1], '~') and 1 or 0
local out = {known}
local i = 5
for _ = 1, tonumber(ARGV[4]) do
  local n = tonumber(ARGV[i])
  local unseen = 1
  for j = i + 1, i + 2 * n, 2 do
    if redis.call('ZSCORE', KEYS[tonumber(ARGV[j]) + 1], ARGV[j + 1]) then unseen = 0 end
  end
  for j = i + 1, i + 2 * n, 2 do
    local key = KEYS[tonumber(ARGV[j]) + 1]
    redis.call('ZADD', key, now, ARGV[j + 1])
    -- trim as we go: a bucket that ever grows past 128 entries leaves the compact encoding for good
    if redis.call('ZCARD', key) > cap + 1 then redis.call('ZREMRANGEBYRANK', key, 0, 0) end
  end
  out[#out + 1] = unseen
  i = i + 2 * n + 1
end
redis.call('ZADD', KEYS[1], now, '~')
for b = 1, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[b], '-inf', '(' .. (now - ttl))
  local over = redis.call('ZCARD', KEYS[b]) - cap - (b == 1 and 1 or 0)
  if over > 0 then redis.call('ZREMRANGEBYRANK', KEYS[b], 0, over - 1) end
  redis.call('EXPIRE', KEYS[b], ttl)
end
return out
"""


def bucket_of(identity: str) -> int:
    return zlib.crc32(identity.encode("utf-8")) % SEEN_BUCKETS


class SeenRedisStore:
    """Bounded, atomic seen-state (feeds.state.SeenStore)."""

    def __init__(self, redis: aioredis.Redis, keys: Keys, cap: int = 2000, ttl: int = 30 * 86400) -> None:
        self._r = redis
        self._k = keys
        self._bucket_cap = max(1, math.ceil(cap / SEEN_BUCKETS))  # ≤ 126 keeps the listpack encoding
        self._ttl = ttl
        self._mark = redis.register_script(_MARK)

    async def mark(self, source_id: str, identities: Sequence[Sequence[str]], now: datetime) -> SeenMark:
        args: list[str | int] = [int(now.timestamp()), self._bucket_cap, self._ttl, len(identities)]
        for keys in identities:
            args.append(len(keys))
            for key in keys:
                args += [bucket_of(key), key]
        raw = await self._mark(keys=seen_bucket_keys(self._k, source_id), args=args)
        flags = [int(x) for x in raw]
        return SeenMark(known_before=bool(flags[0]), unseen=tuple(bool(x) for x in flags[1:]))

    async def count_many(self, source_ids: Sequence[str]) -> int:
        """Identity keys held for all these sources together (sentinels excluded)."""
        if not source_ids:
            return 0
        async with self._r.pipeline(transaction=False) as pipe:
            for sid in source_ids:
                for key in seen_bucket_keys(self._k, sid):
                    pipe.zcard(key)
                pipe.zscore(self._k.seen(sid, 0), SENTINEL)
            rows = await pipe.execute()
        total = 0
        for i in range(0, len(rows), SEEN_BUCKETS + 1):
            sizes, sentinel = rows[i : i + SEEN_BUCKETS], rows[i + SEEN_BUCKETS]
            total += sum(int(n) for n in sizes) - (1 if sentinel is not None else 0)
        return total

    async def count(self, source_id: str) -> int:
        """Identity keys held for a source (the sentinel excluded)."""
        async with self._r.pipeline(transaction=False) as pipe:
            for key in seen_bucket_keys(self._k, source_id):
                pipe.zcard(key)
            sizes = await pipe.execute()
        return max(0, sum(int(n) for n in sizes) - 1)
