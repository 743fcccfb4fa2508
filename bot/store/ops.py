"""Operational facts shared by every khabar process: the last poll tick, admin notices already sent.

Keys (see bot.store.keys): `ops:tick` (unix time of the newest poll tick, written by whichever
process ran it; read by `khabar status`) and `ops:paused:{source_id}:{t}` (set once when the
admins were told that a source paused at `t`, so a retried cycle never tells them twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import redis.asyncio as aioredis

from bot.store.keys import PAUSE_NOTICE_TTL, TICK_TTL, Keys

# KEYS[1] tick key; ARGV: unix time, ttl. Keeps the newest time (processes may report out of order).
_MARK_TICK = """
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
"""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What the Redis server says about itself (INFO), for `khabar status`."""

    version: str
    used_memory: int  # bytes
    maxmemory: int  # bytes; 0 = no limit
    aof: bool  # append-only file on
    uptime: int  # seconds


class OpsStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys
        self._mark_tick = redis.register_script(_MARK_TICK)

    async def mark_tick(self, now: datetime) -> None:
        """Note that a poll tick ran at `now` (the stored time only ever moves forward)."""
        await self._mark_tick(keys=[self._k.last_tick()], args=[repr(round(now.timestamp(), 3)), TICK_TTL])

    async def server(self) -> ServerInfo:
        info = await self._r.info()
        return ServerInfo(
            version=str(info.get("redis_version", "?")),
            used_memory=int(info.get("used_memory", 0)),
            maxmemory=int(info.get("maxmemory", 0)),
            aof=str(info.get("aof_enabled", "0")) == "1",
            uptime=int(info.get("uptime_in_seconds", 0)),
        )

    async def last_tick(self) -> datetime | None:
        raw = await self._r.get(self._k.last_tick())
        return datetime.fromtimestamp(float(raw), UTC) if raw else None

    async def first_pause_notice(self, source_id: str, paused_at: datetime) -> bool:
        """True exactly once per (source, pause): the caller then tells the admins."""
        key = self._k.pause_notice(source_id, int(paused_at.timestamp()))
        return bool(await self._r.set(key, "1", nx=True, ex=PAUSE_NOTICE_TTL))
