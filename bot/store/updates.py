"""Which Telegram updates were already handled, across every khabar process (once per update).

Only the lease holder fetches updates (bot.runtime.lease), but a new holder can be handed updates its
predecessor already handled — the predecessor died after handling them and before Telegram learnt
they were consumed (getUpdates confirms by the *next* call's offset), or Telegram re-sent a webhook
call. `first_time(update_id)` records the id atomically and says whether it is new; khabar handles
an update only then. Keeps the newest HANDLED_UPDATES_CAP ids (one getUpdates batch is at most 100);
an id older than all of them counts as handled.
"""

from __future__ import annotations

import redis.asyncio as aioredis

from bot.store.keys import HANDLED_UPDATES_CAP, HANDLED_UPDATES_TTL, Keys

_FIRST_TIME = """
if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[1]) == 0 then return 0 end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
if over > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1) end
redis.call('EXPIRE', KEYS[1], ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
return 1
"""


class HandledUpdates:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys
        self._first = redis.register_script(_FIRST_TIME)

    async def first_time(self, update_id: int) -> bool:
        """Record `update_id` as handled; True if nobody had handled it before."""
        args = [update_id, HANDLED_UPDATES_CAP, HANDLED_UPDATES_TTL]
        got = await self._first(keys=[self._k.handled_updates()], args=args)
        return int(got) == 1

    async def last(self) -> int | None:
        """The highest update id handled so far."""
        top = await self._r.zrange(self._k.handled_updates(), -1, -1, withscores=True)
        return int(top[0][1]) if top else None
