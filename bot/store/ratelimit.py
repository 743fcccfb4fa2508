"""The rate limiter shared by every khabar process: atomic Lua on Redis, Redis's clock.

Two limits guard every message to Telegram (see bot.store.keys for the keys):

* overall: slots `global_interval_us` apart, taken in *volleys*: up to `volley` messages leave at
  one moment, and the next moment comes `volley` intervals later. `rl:global` holds the last moment
  reserved and how many messages it holds (µs and count). A sender *reserves* its slot (joining the
  open volley if it has room and has not left yet, else opening the next one) and sleeps until it,
  instead of asking again and again. `volley` divides the per-second limit (30/s: 6 every 215 ms),
  so any 31 messages span at least 30 intervals — a strict sliding 1-second window at
  Settings.global_rate never sees one message too many, whatever the volleys hold. Slots are spaced
  GLOBAL_SAFETY slower than the rate, so a send the event loop starts a little late cannot land in
  the same second as the next ones. Volleys are what makes a paced message cheap: a sleeping
  process costs ~0.1 ms of CPU each time it wakes (cold caches), and one wake-up now sends
  `volley` messages and records their outcomes in one Redis call (bot.delivery);
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
VOLLEYS_PER_S = 5  # at least this many send moments per second (30/s: volleys of 6)
MAX_VOLLEY = 25  # messages sent at one moment at most (paid broadcasts at 1,000/s: 40 volleys of 25)


def volley_size(global_rate: float) -> int:
    """Messages that may leave at one moment: the largest divisor of the per-second limit that still
    leaves VOLLEYS_PER_S moments a second (a divisor, so volleys never add up past the limit)."""
    limit = int(global_rate)
    cap = min(MAX_VOLLEY, limit // VOLLEYS_PER_S)
    return max((d for d in range(1, cap + 1) if limit % d == 0), default=1)


@dataclass(frozen=True, slots=True)
class Pacing:
    """Send intervals derived from the rate settings."""

    global_interval_us: float  # µs between two messages overall
    private_ms: int  # ms between two messages to one private chat
    group_ms: int  # ms between two messages to one group or channel
    horizon_ms: int = HORIZON_MS  # overall slots one claim may reserve ahead
    volley: int = 1  # messages that may leave at one moment (volley_size)

    @classmethod
    def from_rates(cls, global_rate: float, private_rate: float, group_per_minute: float) -> Pacing:
        return cls(
            global_interval_us=1_000_000 / (global_rate * GLOBAL_SAFETY),
            private_ms=math.ceil(1000 / private_rate * CHAT_SAFETY),
            group_ms=math.ceil(60_000 / group_per_minute * CHAT_SAFETY),
            volley=volley_size(global_rate),
        )

    def argv(self) -> list[str]:
        return [
            repr(self.global_interval_us),
            str(self.horizon_ms),
            str(self.private_ms),
            str(self.group_ms),
            str(self.volley),
        ]


CLOCK = """
local t = redis.call('TIME')
local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now = math.floor(now_us / 1000)
"""

# Lua fragment: the open volley. Expects now_us, the global key in `gkey`, `interval` (µs per message)
# and `volley`; defines vol_at (µs) / vol_n (the last moment reserved and its messages), `place(t)`
# (when a message that may leave from t on would go) and `take(at)` (reserve that). SLOTS_COMMIT
# stores the volley back.
SLOTS_TAKE = """
local vol_at, vol_n = -1, volley
local mark = redis.call('GET', gkey)
if mark then
  local a, n = string.match(mark, '^(%d+) (%d+)$')
  if a then
    vol_at, vol_n = tonumber(a), tonumber(n)
  else
    vol_at = tonumber(mark) - volley * interval  -- a mark from before volleys: the next free slot
  end
end
local function place(earliest)
  if vol_n < volley and vol_at >= now_us and earliest <= vol_at then return vol_at end
  return math.max(vol_at + volley * interval, now_us, earliest)
end
local function take(at)
  if at == vol_at then vol_n = vol_n + 1 else vol_at, vol_n = at, 1 end
end
"""

# Lua fragment: store the open volley (after SLOTS_TAKE and taking some); it lives until the next may go.
SLOTS_COMMIT = """
redis.call('SET', gkey, string.format('%.0f %d', vol_at, vol_n), 'PX',
  math.max(0, math.ceil((vol_at + volley * interval - now_us) / 1000)) + 1000)
"""

# KEYS[1] global slots, KEYS[2] the chat's marker; ARGV interval µs, chat interval ms, volley.
# Returns {0, delay_ms}: a slot is reserved, send in delay_ms; {1, wait_ms}: the chat is busy, nothing
# reserved (a chat's wait is never reserved overall, or it would hold every other chat back).
_RESERVE = (
    CLOCK
    + """
local gkey = KEYS[1]
local interval, chat_ms, volley = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
"""
    + SLOTS_TAKE
    + """
local at = place(now_us)
local pttl = redis.call('PTTL', KEYS[2])
if pttl > 0 and now_us + pttl * 1000 > at then return {1, pttl} end
local delay = math.floor((at - now_us) / 1000)
take(at)
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
        args = [repr(pacing.global_interval_us), str(chat_ms), str(pacing.volley)]
        busy, ms = await self._reserve(keys=keys, args=args)
        return not int(busy), int(ms) / 1000

    async def acquire(self, chat_id: int, pacing: Pacing) -> None:
        """Reserve the next slot for one message to `chat_id` and sleep until it."""
        while True:
            reserved, seconds = await self.reserve(chat_id, pacing)
            if seconds > 0:
                await asyncio.sleep(seconds)
            if reserved:
                return
