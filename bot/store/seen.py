"""Seen-state per source in Redis, and the inbox of new items: implements feeds.state.SeenStore.

One Lua script marks a whole document and answers "which entries are unseen?" atomically, so two
pollers racing on the same source can never both see an item as new. An entry is unseen when none of
its identity keys is known; all its keys are then (re)written with score = now ("last time this item
was in the feed"). Items still in the feed therefore never age out, however old; items gone from the
feed for `ttl` seconds are trimmed, and a source never holds more than `cap` keys (oldest scores go
first). The keys are spread over SEEN_BUCKETS small sorted sets (by CRC32), which Redis keeps in its
compact listpack encoding; see bot.store.keys. A sentinel member `~` in bucket 0 records that the
source has seen-state at all, which tells a first poll (or a seen-state that expired while the
source was paused) from a regular one.

The same script puts the items the poller chose as new into the inbox (bot.store.inbox) — each only
if this very call saw its entry unseen — leased to the caller for `inbox lease` seconds. Marking an
item seen and queueing it are therefore one step: a crash right after it leaves the item in the
inbox, never lost. `check` is the read-only half the poller uses to choose.
"""

from __future__ import annotations

import json
import logging
import math
import zlib
from collections.abc import Sequence
from datetime import datetime

import redis.asyncio as aioredis

from bot.runtime.outage import store_call
from bot.store.codec import to_jsonable
from bot.store.inbox import inbox_id
from bot.store.keys import INBOX_CAP, INBOX_TTL, SEEN_BUCKETS, Keys, seen_bucket_keys
from feeds.model import FeedItem
from feeds.state import SeenMark

log = logging.getLogger("khabar.store")

SENTINEL = "~"
DEFAULT_INBOX_LEASE = 60

# Shared by both scripts. ARGV[i..]: per entry its key count n, then n pairs (bucket number, identity key).
_UNSEEN = """
local function unseen_at(i)
  local n = tonumber(ARGV[i])
  for j = i + 1, i + 2 * n, 2 do
    if redis.call('ZSCORE', KEYS[tonumber(ARGV[j]) + 1], ARGV[j + 1]) then return 0, n end
  end
  return 1, n
end
"""

# KEYS: the source's bucket keys (bucket 0 first). ARGV: 1 entry count, then the entries.
_CHECK = (
    _UNSEEN
    + """
local out = {redis.call('ZSCORE', KEYS[1], '~') and 1 or 0}
local i = 2
for _ = 1, tonumber(ARGV[1]) do
  local unseen, n = unseen_at(i)
  out[#out + 1] = unseen
  i = i + 2 * n + 1
end
return out
"""
)

# KEYS: the source's SEEN_BUCKETS bucket keys (bucket 0 first), then the inbox zset and hash.
# ARGV: 1 now, 2 cap per bucket, 3 ttl, 4 entry count, 5 inbox lease-until, 6 inbox ttl, 7 inbox cap,
# then the entries, then the queue: its length q, then q triples (0-based entry index, inbox id, payload).
# Returns {known_before, unseen flag per entry..., items queued, items dropped (inbox over its cap)}.
_MARK = (
    _UNSEEN
    + """
local now = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local nb = #KEYS - 2
local inbox, items = KEYS[nb + 1], KEYS[nb + 2]
local known = redis.call('ZSCORE', KEYS[1], '~') and 1 or 0
local out = {known}
local i = 8
for _ = 1, tonumber(ARGV[4]) do
  local unseen, n = unseen_at(i)
  for j = i + 1, i + 2 * n, 2 do
    local key = KEYS[tonumber(ARGV[j]) + 1]
    redis.call('ZADD', key, now, ARGV[j + 1])
    -- trim as we go: a bucket that ever grows past 128 entries leaves the compact encoding for good
    if redis.call('ZCARD', key) > cap + 1 then redis.call('ZREMRANGEBYRANK', key, 0, 0) end
  end
  out[#out + 1] = unseen
  i = i + 2 * n + 1
end
local queued, dropped = 0, 0
local q = tonumber(ARGV[i])
for k = i + 1, i + 3 * q, 3 do
  if out[tonumber(ARGV[k]) + 2] == 1 then
    redis.call('ZADD', inbox, ARGV[5], ARGV[k + 1])
    redis.call('HSET', items, ARGV[k + 1], '0|' .. ARGV[k + 2])
    queued = queued + 1
  end
end
if queued > 0 then
  local over = redis.call('ZCARD', inbox) - tonumber(ARGV[7])
  if over > 0 then
    for _, id in ipairs(redis.call('ZRANGE', inbox, 0, over - 1)) do redis.call('HDEL', items, id) end
    redis.call('ZREMRANGEBYRANK', inbox, 0, over - 1)
    dropped = over
  end
  redis.call('EXPIRE', inbox, ARGV[6])
  redis.call('EXPIRE', items, ARGV[6])
end
redis.call('ZADD', KEYS[1], now, '~')
for b = 1, nb do
  redis.call('ZREMRANGEBYSCORE', KEYS[b], '-inf', '(' .. (now - ttl))
  local over = redis.call('ZCARD', KEYS[b]) - cap - (b == 1 and 1 or 0)
  if over > 0 then redis.call('ZREMRANGEBYRANK', KEYS[b], 0, over - 1) end
  redis.call('EXPIRE', KEYS[b], ttl)
end
out[#out + 1] = queued
out[#out + 1] = dropped
return out
"""
)


def bucket_of(identity: str) -> int:
    return zlib.crc32(identity.encode("utf-8")) % SEEN_BUCKETS


class SeenRedisStore:
    """Bounded, atomic seen-state (feeds.state.SeenStore) that also fills the inbox."""

    def __init__(
        self,
        redis: aioredis.Redis,
        keys: Keys,
        cap: int = 2000,
        ttl: int = 30 * 86400,
        inbox_lease: int = DEFAULT_INBOX_LEASE,
    ) -> None:
        self._r = redis
        self._k = keys
        self._bucket_cap = max(1, math.ceil(cap / SEEN_BUCKETS))  # ≤ 126 keeps the listpack encoding
        self._ttl = ttl
        self._inbox_lease = inbox_lease
        self._check = redis.register_script(_CHECK)
        self._mark = redis.register_script(_MARK)

    @store_call
    async def check(self, source_id: str, identities: Sequence[Sequence[str]]) -> SeenMark:
        args: list[str | int] = [len(identities), *_entries(identities)]
        flags = [int(x) for x in await self._check(keys=seen_bucket_keys(self._k, source_id), args=args)]
        return SeenMark(known_before=bool(flags[0]), unseen=tuple(bool(x) for x in flags[1:]))

    @store_call
    async def mark(
        self,
        source_id: str,
        identities: Sequence[Sequence[str]],
        now: datetime,
        queue: Sequence[tuple[int, FeedItem]] = (),
    ) -> SeenMark:
        ts = int(now.timestamp())
        args: list[str | int] = [ts, self._bucket_cap, self._ttl, len(identities)]
        args += [ts + self._inbox_lease, INBOX_TTL, INBOX_CAP, *_entries(identities), len(queue)]
        for index, item in queue:
            payload = json.dumps(to_jsonable(item), ensure_ascii=False, separators=(",", ":"))
            args += [index, inbox_id(item), payload]
        keys = [*seen_bucket_keys(self._k, source_id), self._k.inbox(), self._k.inbox_items()]
        flags = [int(x) for x in await self._mark(keys=keys, args=args)]
        dropped = flags.pop()
        flags.pop()  # items queued (= unseen queued items)
        if dropped:
            log.error("inbox over its cap: oldest items dropped", extra={"dropped": dropped, "cap": INBOX_CAP})
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


def _entries(identities: Sequence[Sequence[str]]) -> list[str | int]:
    args: list[str | int] = []
    for keys in identities:
        args.append(len(keys))
        for key in keys:
            args += [bucket_of(key), key]
    return args
