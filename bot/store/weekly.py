"""Who gets "numbers of the week" and when: one field per opted-in chat, a due set (Redis).

`khabar:weekly` maps a chat key to `weekday|HH:MM` (Python weekday, 0 = Monday; wall time in
KHABAR_TIMEZONE); `khabar:weekly:due` holds each such chat's next post time. `take_due` pushes what
it returns `lease` seconds ahead in one script, so two processes never post the same week twice
and a crash mid-post is retried (bot.archive.weekly sets the real next time once the post is queued).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import redis.asyncio as aioredis

from bot.store.keys import Keys

# KEYS: due; ARGV: now (s), lease (s), limit
_TAKE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, ck in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[1]) + tonumber(ARGV[2]), ck) end
return due
"""


# KEYS: plans, due; ARGV: old ck, new ck. 1 if a plan moved.
_MOVE = """
local plan = redis.call('HGET', KEYS[1], ARGV[1])
if not plan then return 0 end
local due = redis.call('ZSCORE', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[2], plan)
if due then redis.call('ZADD', KEYS[2], due, ARGV[2]) end
return 1
"""


@dataclass(frozen=True, slots=True)
class WeeklyPlan:
    weekday: int  # 0 = Monday ... 6 = Sunday
    at: time

    def encode(self) -> str:
        return f"{self.weekday}|{self.at.hour:02d}:{self.at.minute:02d}"

    @classmethod
    def decode(cls, raw: str) -> WeeklyPlan | None:
        day, _, hhmm = raw.partition("|")
        hour, _, minute = hhmm.partition(":")
        if not (day.isdigit() and hour.isdigit() and minute.isdigit()):
            return None
        if int(day) > 6 or int(hour) > 23 or int(minute) > 59:
            return None
        return cls(int(day), time(int(hour), int(minute)))


class WeeklyStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys
        self._take = redis.register_script(_TAKE_DUE)
        self._move = redis.register_script(_MOVE)

    async def plan(self, ck: str) -> WeeklyPlan | None:
        raw = await self._r.hget(self._k.weekly(), ck)
        return WeeklyPlan.decode(str(raw)) if raw else None

    async def set(self, ck: str, plan: WeeklyPlan, next_at: float) -> None:
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hset(self._k.weekly(), ck, plan.encode())
            pipe.zadd(self._k.weekly_due(), {ck: int(next_at)})
            await pipe.execute()

    async def remove(self, ck: str) -> bool:
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hdel(self._k.weekly(), ck)
            pipe.zrem(self._k.weekly_due(), ck)
            removed, _ = await pipe.execute()
        return bool(removed)

    async def move(self, old_ck: str, new_ck: str) -> bool:
        """A group became a supergroup: its plan and next post follow it (atomic)."""
        got = await self._move(keys=[self._k.weekly(), self._k.weekly_due()], args=[old_ck, new_ck])
        return bool(got)

    async def take_due(self, now: float, lease: float, limit: int = 100) -> list[str]:
        got = await self._take(keys=[self._k.weekly_due()], args=[int(now), int(lease), limit])
        return [str(ck) for ck in got]

    async def set_due(self, ck: str, when: float) -> None:
        await self._r.zadd(self._k.weekly_due(), {ck: int(when)}, xx=True)

    async def due_at(self, ck: str) -> float | None:
        score = await self._r.zscore(self._k.weekly_due(), ck)
        return None if score is None else float(score)
