"""The rate limiter shared by every khabar process: atomic Lua on Redis, Redis's clock.

Two limits guard every message to Telegram (see bot.store.keys for the keys):

* overall: a GCRA token bucket (`rl:global` holds the theoretical arrival time in µs) at
  Settings.global_rate with a burst of a few messages (so a late wake-up can catch up, never more);
* per chat: a marker key `rl:chat:{chat_id}` that lives for the chat's send interval
  (1 / private_rate for private chats, 60 / group_per_minute for groups and channels). Forum topics
  share their group's marker, because Telegram counts per chat.

The delivery queue's claim script (bot.store.delivery) applies the same two rules inline with
`GCRA_TAKE`; `RateLimiter.acquire` is for one-off sends outside the queue (command replies).
Time comes from Redis `TIME`, so processes on different machines agree without synchronised clocks.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

import redis.asyncio as aioredis

from bot.store.keys import Keys

CATCH_UP = 0.05  # seconds of tokens a burst may hold (at least two messages)


@dataclass(frozen=True, slots=True)
class Pacing:
    """Send intervals derived from the rate settings."""

    global_interval_us: float  # µs between two messages overall
    global_tau_us: float  # burst tolerance of the overall bucket, µs
    private_ms: int  # ms between two messages to one private chat
    group_ms: int  # ms between two messages to one group or channel

    @classmethod
    def from_rates(cls, global_rate: float, private_rate: float, group_per_minute: float) -> Pacing:
        interval = 1_000_000 / global_rate
        burst = max(2, math.floor(global_rate * CATCH_UP))
        return cls(
            global_interval_us=interval,
            global_tau_us=(burst - 1) * interval,
            private_ms=math.ceil(1000 / private_rate),
            group_ms=math.ceil(60_000 / group_per_minute),
        )

    def argv(self) -> list[str]:
        return [repr(self.global_interval_us), repr(self.global_tau_us), str(self.private_ms), str(self.group_ms)]


# Lua fragment: how many of `want` overall tokens may be taken now. Expects locals now_us, want and
# the global key in `gkey`, interval/tau in `interval`/`tau`; sets `granted`, `wait_ms`, `base`.
GCRA_TAKE = """
local tat = tonumber(redis.call('GET', gkey) or '0')
local base = math.max(tat, now_us)
local allowed = math.floor((now_us + tau - base) / interval) + 1
local granted = math.min(want, math.max(allowed, 0))
local wait_ms = 0
if granted <= 0 then wait_ms = math.max(1, math.ceil((base - tau - now_us) / 1000)) end
"""

# Lua fragment: commit `n` overall tokens taken (after GCRA_TAKE).
GCRA_COMMIT = """
if n > 0 then
  local new_tat = base + n * interval
  redis.call('SET', gkey, string.format('%.0f', new_tat), 'PX', math.ceil((new_tat - now_us) / 1000) + 1000)
end
"""

CLOCK = """
local t = redis.call('TIME')
local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now = math.floor(now_us / 1000)
"""

# KEYS[1] global bucket, KEYS[2] the chat's marker; ARGV interval µs, tau µs, chat interval ms.
# Returns 0 when the message may go now (both taken), else ms to wait (nothing taken).
_ACQUIRE = (
    CLOCK
    + """
local gkey = KEYS[1]
local interval, tau, want = tonumber(ARGV[1]), tonumber(ARGV[2]), 1
local pttl = redis.call('PTTL', KEYS[2])
if pttl > 0 then return pttl end
"""
    + GCRA_TAKE
    + """
if granted <= 0 then return wait_ms end
local n = 1
"""
    + GCRA_COMMIT
    + """
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
return 0
"""
)


def is_private(chat_id: int) -> bool:
    """Telegram user (private chat) ids are positive; groups and channels are negative."""
    return chat_id > 0


class RateLimiter:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._k = keys
        self._acquire = redis.register_script(_ACQUIRE)

    async def try_acquire(self, chat_id: int, pacing: Pacing) -> float:
        """Take one overall token and the chat's slot if both are free: 0.0; else seconds to wait."""
        chat_ms = pacing.private_ms if is_private(chat_id) else pacing.group_ms
        keys = [self._k.rate_global(), self._k.rate_chat(str(chat_id))]
        args = [repr(pacing.global_interval_us), repr(pacing.global_tau_us), str(chat_ms)]
        wait_ms = int(await self._acquire(keys=keys, args=args))
        return wait_ms / 1000

    async def acquire(self, chat_id: int, pacing: Pacing) -> None:
        """Wait until one message to `chat_id` is allowed, then take it."""
        while (wait := await self.try_acquire(chat_id, pacing)) > 0:
            await asyncio.sleep(wait)
