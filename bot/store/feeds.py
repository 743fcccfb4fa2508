"""Feed state and the polling schedule in Redis: implements feeds.state.StateStore.

Keys (see bot.store.keys): `feed:{id}` (FeedState hash), `schedule` (zset of next-check times,
+inf while paused) and `leases` (zset of claim expiries). Claiming is one Lua script per call, so
several khabar processes sharing a Redis never poll the same source at the same time: a claimed
source's schedule score moves to the lease expiry (so a crashed poller's source comes back after
the lease), and `save` writes the real next check and drops the lease in one transaction.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, datetime

import redis.asyncio as aioredis

from bot.store.keys import Keys, seen_bucket_keys
from feeds.state import FeedState, resumed

# KEYS[1] schedule, KEYS[2] leases; ARGV[1] now, ARGV[2] lease end. A source is claimed when no live
# lease holds it: the lease is taken and the schedule entry moved to the lease end, atomically.
_CLAIM_ONE = """
local function claim(id, now, out)
  local held = redis.call('ZSCORE', KEYS[2], id)
  if (not held) or tonumber(held) <= now then
    redis.call('ZADD', KEYS[2], ARGV[2], id)
    redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
    out[#out + 1] = id
  end
end
local now = tonumber(ARGV[1])
local out = {}
"""

# claim up to ARGV[3] sources whose next check is due
_CLAIM_DUE = (
    _CLAIM_ONE
    + """
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  claim(id, now, out)
end
return out
"""
)

# claim the named sources (ARGV[3:]), due or not
_CLAIM = (
    _CLAIM_ONE
    + """
for i = 3, #ARGV do
  claim(ARGV[i], now, out)
end
return out
"""
)


def _ts(when: datetime) -> float:
    return round(when.timestamp(), 3)


def state_to_hash(state: FeedState) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields(FeedState):
        value = getattr(state, f.name)
        if value is None:
            continue
        if isinstance(value, datetime):
            out[f.name] = repr(_ts(value))
        elif isinstance(value, bool):
            out[f.name] = "1" if value else "0"
        else:
            out[f.name] = str(value)
    return out


def state_from_hash(raw: dict[str, str]) -> FeedState:
    def date(name: str) -> datetime | None:
        text = raw.get(name)
        return datetime.fromtimestamp(float(text), UTC) if text else None

    def number(name: str) -> int | None:
        text = raw.get(name)
        return int(text) if text else None

    return FeedState(
        etag=raw.get("etag"),
        last_modified=raw.get("last_modified"),
        error_count=number("error_count") or 0,
        last_error=raw.get("last_error"),
        last_status=number("last_status"),
        checked_at=date("checked_at"),
        last_success_at=date("last_success_at"),
        first_success_at=date("first_success_at"),
        next_check_at=date("next_check_at"),
        paused=raw.get("paused") == "1",
        items=number("items") or 0,
    )


def _strs(raw: dict[bytes | str, bytes | str] | dict[str, str]) -> dict[str, str]:
    return {str(k): str(v) for k, v in raw.items()}


class FeedStateStore:
    """FeedState per source, the schedule ZSET and atomic claims (feeds.state.StateStore)."""

    def __init__(self, redis: aioredis.Redis, keys: Keys, state_ttl: int = 90 * 86400) -> None:
        self._r = redis
        self._k = keys
        self._ttl = state_ttl
        self._claim_due = redis.register_script(_CLAIM_DUE)
        self._claim = redis.register_script(_CLAIM)

    async def load(self, source_id: str) -> FeedState | None:
        raw = await self._r.hgetall(self._k.feed_state(source_id))
        return state_from_hash(_strs(raw)) if raw else None

    async def load_many(self, source_ids: Sequence[str]) -> dict[str, FeedState]:
        async with self._r.pipeline(transaction=False) as pipe:
            for sid in source_ids:
                pipe.hgetall(self._k.feed_state(sid))
            raws = await pipe.execute()
        return {sid: state_from_hash(_strs(raw)) for sid, raw in zip(source_ids, raws, strict=True) if raw}

    async def save(self, source_id: str, state: FeedState) -> None:
        key = self._k.feed_state(source_id)
        score = math.inf if state.paused or state.next_check_at is None else _ts(state.next_check_at)
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.hset(key, mapping=state_to_hash(state))  # type: ignore[arg-type]
            pipe.expire(key, self._ttl)
            pipe.zadd(self._k.schedule(), {source_id: score})
            pipe.zrem(self._k.leases(), source_id)
            await pipe.execute()

    async def claim_due(self, now: datetime, limit: int, lease: int) -> list[str]:
        keys = [self._k.schedule(), self._k.leases()]
        got = await self._claim_due(keys=keys, args=[_ts(now), _ts(now) + lease, limit])
        return [str(x) for x in got]

    async def claim(self, source_ids: Sequence[str], now: datetime, lease: int) -> list[str]:
        if not source_ids:
            return []
        keys = [self._k.schedule(), self._k.leases()]
        got = await self._claim(keys=keys, args=[_ts(now), _ts(now) + lease, *source_ids])
        return [str(x) for x in got]

    async def sync_schedule(self, source_ids: Iterable[str], now: datetime) -> None:
        """Schedule new sources (due now) and unschedule ones no longer configured.

        Unscheduled sources keep their state and seen-set (they expire), so a source that comes
        back is not treated as new. Paused sources (score +inf) stay paused.
        """
        wanted = set(source_ids)
        current = {str(x) for x in await self._r.zrange(self._k.schedule(), 0, -1)}
        leased = {str(x) for x in await self._r.zrange(self._k.leases(), 0, -1)}
        async with self._r.pipeline(transaction=False) as pipe:
            if wanted - current:
                pipe.zadd(self._k.schedule(), {sid: _ts(now) for sid in wanted - current}, nx=True)
            if current - wanted:
                pipe.zrem(self._k.schedule(), *(current - wanted))
            if leased - wanted:  # a claim left by a crash on a source that is gone: nothing will release it
                pipe.zrem(self._k.leases(), *(leased - wanted))
            await pipe.execute()

    async def next_checks(self) -> dict[str, float]:
        """source id → scheduled unix time (inf while paused)."""
        pairs = await self._r.zrange(self._k.schedule(), 0, -1, withscores=True)
        return {str(pair[0]): float(pair[1]) for pair in pairs}

    async def resume(self, source_id: str, now: datetime) -> bool:
        """Un-pause a source (admin action): due now, error count reset. False if it has no state."""
        state = await self.load(source_id)
        if state is None:
            return False
        await self.save(source_id, resumed(state, now))
        return True

    async def forget(self, source_id: str) -> None:
        """Drop every trace of a source (admin removed it): state, schedule, lease, seen-set."""
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.delete(self._k.feed_state(source_id), *seen_bucket_keys(self._k, source_id))
            pipe.zrem(self._k.schedule(), source_id)
            pipe.zrem(self._k.leases(), source_id)
            await pipe.execute()
