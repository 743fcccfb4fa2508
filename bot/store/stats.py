"""Per-minute delivery counters (written by the delivery scripts, read by /stats and `khabar status`).

Counter names: sent, rejected (Telegram refused the message itself), flood (429), neterr (network
error or 5xx), released (not sent: its slot passed while the process was busy), unknown (outcome lost in a
crash), stale,
expired (parts expired before the chat could take them), paused (chats paused by a send error).
"""

from __future__ import annotations

from collections import Counter

import redis.asyncio as aioredis

from bot.store.keys import STATS_TTL, Keys

MINUTES = 60


class StatsStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys

    async def incr(self, counter: str, n: int = 1) -> None:
        minute = await self._minute()
        key = self._k.stats(str(minute))
        async with self._r.pipeline(transaction=False) as pipe:
            pipe.hincrby(key, counter, n)
            pipe.expire(key, STATS_TTL)
            await pipe.execute()

    async def last_hour(self) -> Counter[str]:
        """Counters summed over the last 60 minutes (Redis clock)."""
        minute = await self._minute()
        async with self._r.pipeline(transaction=False) as pipe:
            for m in range(minute - MINUTES + 1, minute + 1):
                pipe.hgetall(self._k.stats(str(m)))
            rows = await pipe.execute()
        total: Counter[str] = Counter()
        for row in rows:
            for name, value in row.items():
                total[str(name)] += int(value)
        return total

    async def _minute(self) -> int:
        seconds, _micros = await self._r.time()
        return int(seconds) // 60
