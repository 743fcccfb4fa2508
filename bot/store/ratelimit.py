"""The rate limiter shared by every khabar process: atomic Lua on Redis, Redis's clock.

Two limits guard every message to Telegram (see bot.store.keys for the keys):

* overall: one slot every `global_interval_us` — `rl:global` holds the next free slot (µs). A sender
  *reserves* its slot (the script moves the mark one interval on) and sleeps until it, instead of
  asking again and again; there is no burst, so a strict sliding 1-second window at
  Settings.global_rate never sees one message too many. Slots are spaced GLOBAL_SAFETY slower than
  the rate, so a send the event loop starts a little late cannot land in the same second as the
  next ones;
* per chat: a marker key `rl:chat:{chat_id}` that lives until the chat's next message may go: the
  reserved slot plus the chat's interval (1 / private_rate for private chats, 60 / group_per_minute
  for groups and channels, both CHAT_SAFETY longer). Forum topics share their group's marker,
  because Telegram counts per chat.

The delivery queue's claim script (bot.store.delivery) reserves up to `horizon_ms` of slots in one
call with `SLOTS_TAKE`; `RateLimiter.acquire` is for one-off sends outside the queue (command
replies). Time comes from Redis `TIME`, so processes on different machines agree without
synchronised clocks.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

import redis.asyncio as aioredis

from bot.store.keys import Keys

GLOBAL_SAFETY = 0.93  # slots at 93 % of the overall rate: room for a send started up to two slots late
CHAT_SAFETY = 1.05  # per-chat intervals 5 % longer than Telegram's: arrival jitter never makes them shorter
HORIZON_MS = 1000  # how far ahead one claim may reserve overall slots


@dataclass(frozen=True, slots=True)
class Pacing:
    """Send intervals derived from the rate settings."""

    global_interval_us: float  # µs between two messages overall
    private_ms: int  # ms between two messages to one private chat
    group_ms: int  # ms between two messages to one group or channel
    horizon_ms: int = HORIZON_MS  # overall slots one claim may reserve ahead

    @classmethod
    def from_rates(cls, global_rate: float, private_rate: float, group_per_minute: float) -> Pacing:
        return cls(
            global_interval_us=1_000_000 / (global_rate * GLOBAL_SAFETY),
            private_ms=math.ceil(1000 / private_rate * CHAT_SAFETY),
            group_ms=math.ceil(60_000 / group_per_minute * CHAT_SAFETY),
        )

    def argv(self) -> list[str]:
        return [repr(self.global_interval_us), str(self.horizon_ms), str(self.private_ms), str(self.group_ms)]


CLOCK = """
local t = redis.call('TIME')
local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now = math.floor(now_us / 1000)
"""

# Lua fragment: the first free overall slot. Expects now_us and the global key in `gkey`; sets `slot`
# (µs). Take a slot with `slot = slot + interval`, then SLOTS_COMMIT.
SLOTS_TAKE = """
local slot = math.max(tonumber(redis.call('GET', gkey) or '0'), now_us)
"""

# Lua fragment: store the next free slot (after SLOTS_TAKE and taking some).
SLOTS_COMMIT = """
redis.call('SET', gkey, string.format('%.0f', slot), 'PX', math.ceil((slot - now_us) / 1000) + 1000)
"""

# KEYS[1] global slots, KEYS[2] the chat's marker; ARGV interval µs, chat interval ms.
# Returns {0, delay_ms}: a slot is reserved, send in delay_ms; {1, wait_ms}: the chat is busy, nothing
# reserved (a chat's wait is never reserved overall, or it would hold every other chat back).
_RESERVE = (
    CLOCK
    + """
local gkey = KEYS[1]
local interval, chat_ms = tonumber(ARGV[1]), tonumber(ARGV[2])
"""
    + SLOTS_TAKE
    + """
local pttl = redis.call('PTTL', KEYS[2])
if pttl > 0 and now_us + pttl * 1000 > slot then return {1, pttl} end
local delay = math.floor((slot - now_us) / 1000)
slot = slot + interval
"""
    + SLOTS_COMMIT
    + """
redis.call('SET', KEYS[2], '1', 'PX', delay + chat_ms)
return {0, delay}
"""
)


def is_private(chat_id: int) -> bool:
    """Telegram user (private chat) ids are positive; groups and channels are negative."""
    return chat_id > 0


class RateLimiter:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._k = keys
        self._reserve = redis.register_script(_RESERVE)

    async def reserve(self, chat_id: int, pacing: Pacing) -> tuple[bool, float]:
        """(True, s): a slot for one message to `chat_id` is reserved, s seconds from now; (False, s):
        the chat's own interval has s seconds to run, and nothing was reserved."""
        chat_ms = pacing.private_ms if is_private(chat_id) else pacing.group_ms
        keys = [self._k.rate_global(), self._k.rate_chat(str(chat_id))]
        busy, ms = await self._reserve(keys=keys, args=[repr(pacing.global_interval_us), str(chat_ms)])
        return not int(busy), int(ms) / 1000

    async def acquire(self, chat_id: int, pacing: Pacing) -> None:
        """Reserve the next slot for one message to `chat_id` and sleep until it."""
        while True:
            reserved, seconds = await self.reserve(chat_id, pacing)
            if seconds > 0:
                await asyncio.sleep(seconds)
            if reserved:
                return
