"""The inbox: new feed items between "marked seen" and "story stored and announced" (feeds.state.Inbox).

Items enter it in the seen-state's mark script (bot.store.seen), atomically with being marked seen,
leased to the process that polled them. That process acknowledges each one (`ack`) after its story is
stored and announced (bot.pipeline). If it dies first, the item's lease runs out and the next poll tick
of any process takes it back (`reclaim`, leased again) and handles it again; handling an item twice
yields the same story once (bot.store.stories.cluster is idempotent per story id).

Two keys (bot.store.keys): `inbox` (zset: id → lease expiry, unix s, app clock) and `inbox:items`
(hash: id → `attempts|FeedItem JSON`). An item taken back MAX_ATTEMPTS times without being
acknowledged is dropped with an error log (a poison item must not loop forever).
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

import redis.asyncio as aioredis

from bot.runtime.outage import store_call
from bot.store.codec import from_jsonable
from bot.store.keys import Keys
from feeds.model import FeedItem

log = logging.getLogger("khabar.store")

MAX_ATTEMPTS = 5

# KEYS: inbox zset, items hash. ARGV: now, lease-until, limit, max attempts.
# Returns {id, payload} pairs; payload '' means the item was dropped (too many attempts).
_RECLAIM = """
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))) do
  local v = redis.call('HGET', KEYS[2], id)
  local n, body = nil, nil
  if v then n, body = string.match(v, '^(%d+)|(.*)$') end
  if not body then
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[2], id)
  elseif tonumber(n) + 1 > tonumber(ARGV[4]) then
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[2], id)
    out[#out + 1] = {id, ''}
  else
    redis.call('HSET', KEYS[2], id, (tonumber(n) + 1) .. '|' .. body)
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    out[#out + 1] = {id, body}
  end
end
return out
"""


def inbox_id(item: FeedItem) -> str:
    return f"{item.source_id}|{item.key}"


class InboxStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys
        self._reclaim = redis.register_script(_RECLAIM)

    @store_call
    async def reclaim(self, now: datetime, lease: int, limit: int) -> list[FeedItem]:
        ts = int(now.timestamp())
        keys = [self._k.inbox(), self._k.inbox_items()]
        rows = await self._reclaim(keys=keys, args=[ts, ts + lease, limit, MAX_ATTEMPTS])
        items: list[FeedItem] = []
        for item_id, payload in rows:
            if not payload:
                log.error("inbox item dropped after repeated attempts", extra={"item": item_id, "tries": MAX_ATTEMPTS})
                continue
            items.append(from_jsonable(FeedItem, json.loads(payload)))
        return items

    async def ack(self, item: FeedItem) -> None:
        """The item is handled (its story stored and announced, or joined to another): forget it."""
        item_id = inbox_id(item)
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.zrem(self._k.inbox(), item_id)
            pipe.hdel(self._k.inbox_items(), item_id)
            await pipe.execute()

    async def pending(self) -> list[str]:
        """Ids of the items waiting, oldest lease first (for tests and status)."""
        return [str(x) for x in await self._r.zrange(self._k.inbox(), 0, -1)]
