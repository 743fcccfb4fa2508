"""A named lease in Redis: at most one holder at a time, taken over when the holder stops renewing.

`SET key token NX PX ttl` takes it; renewing and releasing are Lua scripts that act only while the key
still holds the caller's token, so a holder that stalled past its lease and lost it cannot extend or
delete its successor's lease. The token names the holder (`host:pid:random`) for operators. Redis'
PX clock decides expiry; holders must stop acting on the lease before it could have expired
(bot.runtime.lease stands down a renewal period early).
"""

from __future__ import annotations

import redis.asyncio as aioredis

from bot.store.keys import Keys

_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisLease:
    def __init__(self, redis: aioredis.Redis, keys: Keys, name: str) -> None:
        self._r = redis
        self._key = keys.lease_key(name)
        self._renew = redis.register_script(_RENEW)
        self._release = redis.register_script(_RELEASE)

    async def acquire(self, token: str, ttl_ms: int) -> bool:
        return bool(await self._r.set(self._key, token, nx=True, px=ttl_ms))

    async def renew(self, token: str, ttl_ms: int) -> bool:
        """Extend the lease; False when it is no longer ours (expired, or someone else holds it)."""
        return int(await self._renew(keys=[self._key], args=[token, ttl_ms])) == 1

    async def release(self, token: str) -> bool:
        return int(await self._release(keys=[self._key], args=[token])) == 1

    async def holder(self) -> str | None:
        value = await self._r.get(self._key)
        return None if value is None else str(value)
