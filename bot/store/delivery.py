"""The delivery queue: per-chat FIFO queues, claimed under a lease, completed atomically (Redis + Lua).

Shape (keys in bot.store.keys):

* fan-out appends a job to the chat's list `dq:q:{ck}` only if the story id is new in the chat's
  log `dq:log:{ck}` (ZADD NX) — so fanning a story out twice never queues it twice;
* `dq:ready` orders chats that have jobs by the time they may next get a message; the claim
  script takes due chats, applies the shared rate limits (bot.store.ratelimit), moves each to
  `dq:lease`, writes the idempotency record `dq:prog[ck] = part|attempts|token` and returns the
  text of the part to send — one message per claim, so a chat gets its jobs oldest first and never
  two at once;
* the complete script (checked against the claim token) advances the record and pops the job
  after its last part, or reschedules the chat exactly `delay` ms later (429 retry_after, back-off);
* the reap script returns chats whose lease ran out (their process died mid-send) to `dq:ready`.

The one window Telegram makes impossible to close: a claim whose sendMessage reached Telegram but
whose process died before the complete script ran. Telegram has no idempotency key and no way to
ask "did this message arrive?", so the reaper cannot tell. `resend=True` (the default) resends it
(at-least-once for that message), `resend=False` skips it (at-most-once). Every such case is
counted as `unknown` in the stats. The window spans one HTTP round trip; graceful shutdown waits
for sends in flight, so only a hard kill or power loss opens it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import redis.asyncio as aioredis

from bot.store.keys import (
    ANNOUNCED_TTL,
    BATCH_TTL,
    FANOUT_LOCK_TTL_MS,
    HELD_TTL,
    LOG_CAP,
    LOG_TTL,
    PARTS_TTL,
    QUEUE_TTL,
    Keys,
)
from bot.store.ratelimit import CLOCK, SLOTS_COMMIT, SLOTS_TAKE, Pacing

STORY_JOB = "s"
BATCH_JOB = "b"

# Lua helpers shared by the scripts below (ARGV stems are passed by each caller).
_SRC = """
local function src_of(job, story_stem, batch_stem)
  if string.sub(job, 1, 1) == 'b' then return batch_stem .. string.sub(job, 3), true end
  return story_stem .. string.sub(job, 3), false
end
local function chat_of(ck) return string.match(ck, '^(-?%d+)') end
local function parse_prog(prog)
  if not prog then return 0, 0, '' end
  local p, a, tok = string.match(prog, '^(%d+)|(%d+)|(.*)$')
  return tonumber(p), tonumber(a), tok
end
"""

# KEYS: ready, lease, prog, rl_global, pending, stats_stem(ARGV)
# ARGV: 1 limit, 2 lease_ms, 3 interval_us, 4 horizon_ms, 5 private_ms, 6 group_ms, 7 volley, 8 queue
#       stem, 9 pace stem, 10 story parts stem, 11 batch parts stem, 12 token prefix, 13 scan, 14 stats stem
# Each claim comes with its reserved overall slot (ms from now: the worker sleeps until then; claims in
# one volley share it); slots are reserved up to horizon_ms ahead, for chats ready now or by then.
# Returns {wait_ms, claims}; wait_ms > 0 with no claims: every slot up to the horizon is taken; -1: no
# chat is ready; otherwise ms until the earliest chat is ready.
_CLAIM = (
    CLOCK
    + _SRC
    + """
local gkey = KEYS[4]
local interval, want, volley = tonumber(ARGV[3]), tonumber(ARGV[1]), tonumber(ARGV[7])
local horizon = now_us + tonumber(ARGV[4]) * 1000
"""
    + SLOTS_TAKE
    + """
local first = place(now_us)
if first > horizon then return {math.max(1, math.ceil((first - horizon) / 1000)), {}} end
local out = {}
local dropped = 0
-- chats ready now or before the horizon, earliest first: each gets the first slot at or after the
-- moment it is ready, so one claim covers a second of a paced fan-out and slots stay in order
local cands = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', math.floor(horizon / 1000), 'WITHSCORES', 'LIMIT', 0,
  tonumber(ARGV[13]))
for c = 1, #cands, 2 do
  local ck, ready_us = cands[c], tonumber(cands[c + 1]) * 1000
  if #out >= want or place(now_us) > horizon or ready_us > horizon then break end
  local chat = chat_of(ck)
  local pace = ARGV[9] .. chat
  local pttl = redis.call('PTTL', pace)
  local at_us = place(math.max(ready_us, now_us + math.max(pttl, 0) * 1000))
  if at_us > horizon then
    if pttl > 0 then redis.call('ZADD', KEYS[1], now + pttl, ck) end  -- the chat's own interval runs on
  else
    local q = ARGV[8] .. ck
    local job = redis.call('LINDEX', q, 0)
    if not job then
      redis.call('ZREM', KEYS[1], ck)
      redis.call('HDEL', KEYS[3], ck)
    else
      local src = src_of(job, ARGV[10], ARGV[11])
      local nparts = redis.call('LLEN', src)
      local part, attempts = parse_prog(redis.call('HGET', KEYS[3], ck))
      if part >= nparts then
        -- the rendered parts expired before the chat could take them: drop the job
        redis.call('LPOP', q)
        redis.call('HDEL', KEYS[3], ck)
        redis.call('DECR', KEYS[5])
        dropped = dropped + 1
        if redis.call('LLEN', q) == 0 then redis.call('ZREM', KEYS[1], ck) end
      else
        local delay = math.floor((at_us - now_us) / 1000)
        take(at_us)
        local ms = (tonumber(chat) > 0) and ARGV[5] or ARGV[6]
        redis.call('SET', pace, '1', 'PX', delay + tonumber(ms))
        local token = ARGV[12] .. ':' .. string.format('%.0f', now_us) .. ':' .. (#out + 1)
        redis.call('ZREM', KEYS[1], ck)
        redis.call('ZADD', KEYS[2], now + delay + tonumber(ARGV[2]), ck)
        redis.call('HSET', KEYS[3], ck, part .. '|' .. attempts .. '|' .. token)
        out[#out + 1] = {ck, job, part, nparts, redis.call('LINDEX', src, part), token, attempts, delay}
      end
    end
  end
end
local n = #out
if n > 0 then
"""
    + SLOTS_COMMIT
    + """
end
if dropped > 0 then
  local stats = ARGV[14] .. math.floor(now / 60000)
  redis.call('HINCRBY', stats, 'expired', dropped)
  redis.call('EXPIRE', stats, 7200)
end
if n > 0 then return {0, out} end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if first[2] then return {math.max(1, tonumber(first[2]) - now), out} end
-- no chat has anything queued or in flight: the counter must be 0. Self-heal drift from chat queues
-- that expired (QUEUE_TTL) with jobs in them, e.g. after khabar was stopped for longer than the TTL.
if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('SET', KEYS[5], 0) end
return {-1, out}
"""
)

# KEYS: ready, lease, prog, pending
# ARGV: 1 queue stem, 2 pace stem, 3 story stem, 4 batch stem, 5 stats stem, then per outcome five
#       values: ck, token, kind (sent|skipped|retry|released), delay_ms, stat counter name.
# Returns one flag per outcome: 1 applied, 0 stale (the claim was reaped meanwhile).
_COMPLETE = (
    CLOCK
    + _SRC
    + """
local stats = ARGV[5] .. math.floor(now / 60000)
local res = {}
local i = 6
while ARGV[i] do
  local ck, token, kind, delay, stat = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3]), ARGV[i + 4]
  i = i + 5
  local part, attempts, tok = parse_prog(redis.call('HGET', KEYS[3], ck))
  if tok ~= token or token == '' then
    res[#res + 1] = 0
    redis.call('HINCRBY', stats, 'stale', 1)
  else
    local q = ARGV[1] .. ck
    local at = now
    redis.call('ZREM', KEYS[2], ck)
    if kind == 'sent' or kind == 'skipped' then
      local job = redis.call('LINDEX', q, 0)
      local nparts = 0
      local src, is_batch = nil, false
      if job then
        src, is_batch = src_of(job, ARGV[3], ARGV[4])
        nparts = redis.call('LLEN', src)
      end
      if part + 1 >= nparts then
        if job then
          redis.call('LPOP', q)
          redis.call('DECR', KEYS[4])
          if is_batch then redis.call('DEL', src) end
        end
        redis.call('HDEL', KEYS[3], ck)
      else
        redis.call('HSET', KEYS[3], ck, (part + 1) .. '|0|')
      end
      local pttl = redis.call('PTTL', ARGV[2] .. chat_of(ck))
      if pttl > 0 then at = now + pttl end
    elseif kind == 'retry' then
      redis.call('HSET', KEYS[3], ck, part .. '|' .. (attempts + 1) .. '|')
      at = now + delay
    else
      redis.call('HSET', KEYS[3], ck, part .. '|' .. attempts .. '|')
    end
    if redis.call('LLEN', q) > 0 then
      redis.call('ZADD', KEYS[1], at, ck)
    else
      redis.call('ZREM', KEYS[1], ck)
      redis.call('HDEL', KEYS[3], ck)
    end
    redis.call('HINCRBY', stats, stat, 1)
    res[#res + 1] = 1
  end
end
redis.call('EXPIRE', stats, 7200)
return res
"""
)

# KEYS: ready, lease, prog, pending; ARGV: 1 resend (1/0), 2 queue stem, 3 story stem, 4 batch stem,
# 5 stats stem, 6 limit. Returns the chat keys whose lease had expired.
_REAP = (
    CLOCK
    + _SRC
    + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[6]))
local stats = ARGV[5] .. math.floor(now / 60000)
for _, ck in ipairs(expired) do
  redis.call('ZREM', KEYS[2], ck)
  local q = ARGV[2] .. ck
  local part, attempts = parse_prog(redis.call('HGET', KEYS[3], ck))
  if ARGV[1] == '1' then
    redis.call('HSET', KEYS[3], ck, part .. '|' .. attempts .. '|')
  else
    local job = redis.call('LINDEX', q, 0)
    if job then
      local src, is_batch = src_of(job, ARGV[3], ARGV[4])
      if part + 1 >= redis.call('LLEN', src) then
        redis.call('LPOP', q)
        redis.call('DECR', KEYS[4])
        redis.call('HDEL', KEYS[3], ck)
        if is_batch then redis.call('DEL', src) end
      else
        redis.call('HSET', KEYS[3], ck, (part + 1) .. '|0|')
      end
    end
  end
  if redis.call('LLEN', q) > 0 then redis.call('ZADD', KEYS[1], now, ck) else redis.call('HDEL', KEYS[3], ck) end
  redis.call('HINCRBY', stats, 'unknown', 1)
end
if #expired > 0 then redis.call('EXPIRE', stats, 7200) end
return expired
"""
)

# KEYS: ready, lease, pending, due; ARGV: 1 story id, 2 queue stem, 3 log stem, 4 held stem,
# 5 queue cap, 6 held cap, 7 log cap, 8 queue ttl, 9 log ttl, 10 held ttl, then triples:
# ck, action (q = queue now, h = hold for a digest), due (unix s, for h).
# Returns {queued, held, duplicates, overflow}.
_ENQUEUE = (
    CLOCK
    + """
local story = ARGV[1]
local queued, held, dup, full = 0, 0, 0, 0
local i = 11
while ARGV[i] do
  local ck, action, due = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  i = i + 3
  local log = ARGV[3] .. ck
  if redis.call('ZADD', log, 'NX', now, story) == 1 then
    redis.call('ZREMRANGEBYRANK', log, 0, -(tonumber(ARGV[7]) + 1))
    redis.call('EXPIRE', log, ARGV[9])
    if action == 'q' then
      local q = ARGV[2] .. ck
      if redis.call('LLEN', q) >= tonumber(ARGV[5]) then
        full = full + 1
      else
        redis.call('RPUSH', q, 's|' .. story)
        redis.call('EXPIRE', q, ARGV[8])
        redis.call('INCR', KEYS[3])
        if not redis.call('ZSCORE', KEYS[2], ck) then redis.call('ZADD', KEYS[1], 'NX', now, ck) end
        queued = queued + 1
      end
    else
      local h = ARGV[4] .. ck
      redis.call('RPUSH', h, story)
      redis.call('LTRIM', h, -tonumber(ARGV[6]), -1)
      redis.call('EXPIRE', h, ARGV[10])
      redis.call('ZADD', KEYS[4], 'NX', due, ck)
      held = held + 1
    end
  else
    dup = dup + 1
  end
end
return {queued, held, dup, full}
"""
)

# KEYS: ready, lease, pending; ARGV: 1 bundle id, 2 queue stem, 3 log stem, 4 queue cap, 5 log cap,
# 6 queue ttl, 7 log ttl, 8 n (stories), 9..8+n story ids, then chat keys.
# Several stories for one chat as one job `s|{bundle}` (its parts are stored like a story's). Each
# story still goes into the chat's log (ZADD NX), so exactly-once holds per (chat, story): a chat
# that already had every story gets nothing; one that had some gets the others as single jobs.
# Returns {queued pairs, duplicate pairs, pairs over the queue cap}.
_ENQUEUE_BUNDLE = (
    CLOCK
    + """
local n = tonumber(ARGV[8])
local cap, logcap = tonumber(ARGV[4]), tonumber(ARGV[5])
local queued, dup, full = 0, 0, 0
local i = 9 + n
while ARGV[i] do
  local ck = ARGV[i]
  i = i + 1
  local log, q = ARGV[3] .. ck, ARGV[2] .. ck
  local new = {}
  for j = 9, 8 + n do
    if not redis.call('ZSCORE', log, ARGV[j]) then new[#new + 1] = ARGV[j] end
  end
  dup = dup + n - #new
  if #new > 0 then
    for _, story in ipairs(new) do redis.call('ZADD', log, 'NX', now, story) end
    redis.call('ZREMRANGEBYRANK', log, 0, -(logcap + 1))
    redis.call('EXPIRE', log, ARGV[7])
    local jobs = {}
    if #new == n then jobs = {ARGV[1]} else jobs = new end
    for _, job in ipairs(jobs) do
      if redis.call('LLEN', q) >= cap then
        full = full + ((#new == n) and n or 1)
      else
        redis.call('RPUSH', q, 's|' .. job)
        redis.call('INCR', KEYS[3])
        queued = queued + ((#new == n) and n or 1)
      end
    end
    redis.call('EXPIRE', q, ARGV[6])
    if not redis.call('ZSCORE', KEYS[2], ck) then redis.call('ZADD', KEYS[1], 'NX', now, ck) end
  end
end
return {queued, dup, full}
"""
)

# KEYS: ready, lease, pending, due, seq; ARGV: 1 ck, 2 queue key, 3 held key, 4 batch stem,
# 5 consumed held count, 6 next due (unix s; '' = none; 'keep' = leave as is), 7 queue ttl, 8 batch ttl, 9.. parts.
# Queues one compiled batch (if there are parts), drops the consumed held stories and sets the next
# due time. Returns the batch id or ''.
_COMMIT_BATCH = (
    CLOCK
    + """
local ck = ARGV[1]
local id = ''
if ARGV[9] then
  id = tostring(redis.call('INCR', KEYS[5]))
  local bkey = ARGV[4] .. id
  local i = 9
  while ARGV[i] do
    redis.call('RPUSH', bkey, ARGV[i])
    i = i + 1
  end
  redis.call('EXPIRE', bkey, ARGV[8])
  redis.call('RPUSH', ARGV[2], 'b|' .. id)
  redis.call('EXPIRE', ARGV[2], ARGV[7])
  redis.call('INCR', KEYS[3])
  if not redis.call('ZSCORE', KEYS[2], ck) then redis.call('ZADD', KEYS[1], 'NX', now, ck) end
end
local consumed = tonumber(ARGV[5])
if consumed > 0 then redis.call('LTRIM', ARGV[3], consumed, -1) end
if ARGV[6] == 'keep' then
  -- an ad-hoc message: leave the chat's digest schedule alone
elseif ARGV[6] ~= '' then
  redis.call('ZADD', KEYS[4], ARGV[6], ck)
elseif redis.call('LLEN', ARGV[3]) > 0 then
  redis.call('ZADD', KEYS[4], math.floor(now / 1000), ck)
else
  redis.call('ZREM', KEYS[4], ck)
end
return id
"""
)

# KEYS: due; ARGV: now (s), lease (s), limit. Returns chat keys due now, each pushed `lease` ahead
# so a crash mid-compile is retried and two processes never compile the same chat at once.
_TAKE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, ck in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[1]) + tonumber(ARGV[2]), ck) end
return due
"""

# KEYS: ready, lease, prog, due, pending; ARGV: 1 ck, 2 queue key, 3 held key. Forget everything
# pending for one chat (the log stays, so nothing is queued twice). Returns the jobs dropped.
_DROP = """
local n = redis.call('LLEN', ARGV[2])
redis.call('DEL', ARGV[2], ARGV[3])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if n > 0 then redis.call('DECRBY', KEYS[5], n) end
return n
"""

# KEYS: ready, lease, prog, due; ARGV: 1 old ck, 2 new ck, then old/new queue, log, held keys (3..8),
# 9 log ttl, 10 log cap.
# Moves a chat's pending state to its new id (group → supergroup); the job in flight is resent.
_MOVE = (
    CLOCK
    + """
local old, new = ARGV[1], ARGV[2]
local items = redis.call('LRANGE', ARGV[3], 0, -1)
for _, v in ipairs(items) do redis.call('RPUSH', ARGV[4], v) end
redis.call('DEL', ARGV[3])
if redis.call('EXISTS', ARGV[5]) == 1 then
  redis.call('ZUNIONSTORE', ARGV[6], 2, ARGV[6], ARGV[5], 'AGGREGATE', 'MIN')
  redis.call('DEL', ARGV[5])
  redis.call('ZREMRANGEBYRANK', ARGV[6], 0, -(tonumber(ARGV[10]) + 1))
  redis.call('EXPIRE', ARGV[6], ARGV[9])
end
local held = redis.call('LRANGE', ARGV[7], 0, -1)
for _, v in ipairs(held) do redis.call('RPUSH', ARGV[8], v) end
redis.call('DEL', ARGV[7])
local prog = redis.call('HGET', KEYS[3], old)
if prog then
  local p, a = string.match(prog, '^(%d+)|(%d+)|')
  if not redis.call('HGET', KEYS[3], new) then redis.call('HSET', KEYS[3], new, p .. '|' .. a .. '|') end
  redis.call('HDEL', KEYS[3], old)
end
local due = redis.call('ZSCORE', KEYS[4], old)
if due then
  redis.call('ZADD', KEYS[4], 'NX', due, new)
  redis.call('ZREM', KEYS[4], old)
end
redis.call('ZREM', KEYS[1], old)
redis.call('ZREM', KEYS[2], old)
if redis.call('LLEN', ARGV[4]) > 0 and not redis.call('ZSCORE', KEYS[2], new) then
  redis.call('ZADD', KEYS[1], now, new)
end
return #items
"""
)

# KEYS: announced, fanout; ARGV: 1 keep (s), then story ids. Each id is queued for fan-out only the
# first time it is announced; entries older than `keep` are forgotten. Returns how many were new.
_ANNOUNCE = (
    CLOCK
    + """
local now_s = math.floor(now / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_s - tonumber(ARGV[1]))
local added = 0
for i = 2, #ARGV do
  if redis.call('ZADD', KEYS[1], 'NX', now_s, ARGV[i]) == 1 then
    redis.call('RPUSH', KEYS[2], ARGV[i])
    added = added + 1
  end
end
return added
"""
)

_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class Kind(StrEnum):
    """How one claimed send ended (the complete script's `kind`)."""

    SENT = "sent"  # Telegram accepted the message
    SKIPPED = "skipped"  # Telegram rejected the message itself (our bug): move on, never block the chat
    RETRY = "retry"  # 429 or a transient failure: same message again after `delay_ms`
    RELEASED = "released"  # not attempted (its slot passed unsent): same message again, no attempt counted


@dataclass(frozen=True, slots=True)
class Claim:
    """One message a worker may send at its reserved slot: part `part` of the chat's head job."""

    ck: str
    job: str
    part: int
    parts: int
    text: str
    token: str
    attempts: int
    delay: float = 0.0  # seconds from the claim until its overall slot

    @property
    def chat_id(self) -> int:
        return int(self.ck.partition("/")[0])

    @property
    def thread_id(self) -> int | None:
        thread = self.ck.partition("/")[2]
        return int(thread) if thread else None


@dataclass(frozen=True, slots=True)
class ClaimBatch:
    claims: list[Claim]
    wait: float | None  # seconds until something may be claimable; None: no chat has anything queued


@dataclass(frozen=True, slots=True)
class Outcome:
    claim: Claim
    kind: Kind
    stat: str  # counter name for /stats: sent, rejected, flood, neterr, released
    delay_ms: int = 0


@dataclass(frozen=True, slots=True)
class Target:
    """Where one story goes for one chat: now (queue) or held for a digest due at `due` (unix s)."""

    ck: str
    hold: bool = False
    due: float = 0.0


@dataclass(frozen=True, slots=True)
class EnqueueCounts:
    queued: int = 0
    held: int = 0
    duplicates: int = 0
    overflow: int = 0


class DeliveryQueue:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys
        self._claim = redis.register_script(_CLAIM)
        self._enqueue_bundle = redis.register_script(_ENQUEUE_BUNDLE)
        self._complete = redis.register_script(_COMPLETE)
        self._reap = redis.register_script(_REAP)
        self._enqueue = redis.register_script(_ENQUEUE)
        self._commit = redis.register_script(_COMMIT_BATCH)
        self._take_due = redis.register_script(_TAKE_DUE)
        self._drop = redis.register_script(_DROP)
        self._move = redis.register_script(_MOVE)
        self._unlock = redis.register_script(_UNLOCK)
        self._announce = redis.register_script(_ANNOUNCE)

    # --- stories waiting for fan-out -------------------------------------------------------------
    async def save_parts(self, story_id: str, parts: Sequence[str]) -> None:
        """Store a story's rendered card (replacing an identical earlier render)."""
        key = self._k.story_parts(story_id)
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.rpush(key, *parts)
            pipe.expire(key, PARTS_TTL)
            await pipe.execute()

    async def announce(self, story_ids: Sequence[str]) -> int:
        """Durably note stories to fan out, each only once ever; returns how many were new."""
        if not story_ids:
            return 0
        keys = [self._k.announced(), self._k.fanout()]
        return int(await self._announce(keys=keys, args=[ANNOUNCED_TTL, *story_ids]))

    async def fanout_pending(self, limit: int) -> list[str]:
        return [str(s) for s in await self._r.lrange(self._k.fanout(), 0, limit - 1)]

    async def fanned_out(self, story_id: str) -> None:
        await self._r.lrem(self._k.fanout(), 1, story_id)

    async def fanout_lock(self) -> str | None:
        """Take the fan-out lock (one fan-out at a time across processes); returns its token."""
        token = uuid.uuid4().hex
        ok = await self._r.set(self._k.fanout_lock(), token, nx=True, px=FANOUT_LOCK_TTL_MS)
        return token if ok else None

    async def fanout_unlock(self, token: str) -> None:
        await self._unlock(keys=[self._k.fanout_lock()], args=[token])

    async def enqueue_story(
        self, story_id: str, targets: Sequence[Target], *, queue_cap: int, held_cap: int
    ) -> EnqueueCounts:
        """Queue (or hold) one story for many chats; a chat that already had it is skipped."""
        if not targets:
            return EnqueueCounts()
        args: list[str] = [
            story_id,
            self._k.chat_queue(""),
            self._k.chat_log(""),
            self._k.held(""),
            str(queue_cap),
            str(held_cap),
            str(LOG_CAP),
            str(QUEUE_TTL),
            str(LOG_TTL),
            str(HELD_TTL),
        ]
        for t in targets:
            args += [t.ck, "h" if t.hold else "q", f"{int(t.due)}"]
        keys = [self._k.ready(), self._k.lease(), self._pending_key(), self._k.due()]
        q, h, d, o = await self._enqueue(keys=keys, args=args)
        return EnqueueCounts(int(q), int(h), int(d), int(o))

    async def enqueue_bundle(
        self, bundle_id: str, story_ids: Sequence[str], cks: Sequence[str], *, queue_cap: int
    ) -> EnqueueCounts:
        """Queue several stories as one message (parts saved under `bundle_id`) for chats that had
        none of them; a chat that had some gets the rest one by one. Counts are (chat, story) pairs."""
        if not cks or not story_ids:
            return EnqueueCounts()
        args = [
            bundle_id,
            self._k.chat_queue(""),
            self._k.chat_log(""),
            str(queue_cap),
            str(LOG_CAP),
            str(QUEUE_TTL),
            str(LOG_TTL),
            str(len(story_ids)),
            *story_ids,
            *cks,
        ]
        keys = [self._k.ready(), self._k.lease(), self._pending_key()]
        q, d, o = await self._enqueue_bundle(keys=keys, args=args)
        return EnqueueCounts(queued=int(q), duplicates=int(d), overflow=int(o))

    # --- claiming and completing sends ------------------------------------------------------------
    async def claim(self, limit: int, pacing: Pacing, lease_ms: int, token_prefix: str, scan: int = 0) -> ClaimBatch:
        keys = [self._k.ready(), self._k.lease(), self._k.progress(), self._k.rate_global(), self._pending_key()]
        args: list[Any] = [
            limit,
            lease_ms,
            *pacing.argv(),
            self._k.chat_queue(""),
            self._k.rate_chat(""),
            self._k.story_parts(""),
            self._k.batch_parts(""),
            token_prefix,
            scan or max(limit * 4, 16),
            self._k.stats(""),
        ]
        wait_ms, rows = await self._claim(keys=keys, args=args)
        claims = [
            Claim(str(ck), str(job), int(part), int(n), str(text), str(tok), int(a), int(ms) / 1000)
            for ck, job, part, n, text, tok, a, ms in rows
        ]
        wait = None if int(wait_ms) < 0 else int(wait_ms) / 1000
        return ClaimBatch(claims, wait)

    async def complete(self, outcomes: Sequence[Outcome]) -> list[bool]:
        if not outcomes:
            return []
        args: list[Any] = [
            self._k.chat_queue(""),
            self._k.rate_chat(""),
            self._k.story_parts(""),
            self._k.batch_parts(""),
            self._k.stats(""),
        ]
        for o in outcomes:
            args += [o.claim.ck, o.claim.token, o.kind.value, o.delay_ms, o.stat]
        keys = [self._k.ready(), self._k.lease(), self._k.progress(), self._pending_key()]
        return [bool(x) for x in await self._complete(keys=keys, args=args)]

    async def reap(self, resend: bool, limit: int = 500) -> list[str]:
        """Return chats whose claim outlived its lease to the queue (see the module docstring)."""
        keys = [self._k.ready(), self._k.lease(), self._k.progress(), self._pending_key()]
        args = [
            "1" if resend else "0",
            self._k.chat_queue(""),
            self._k.story_parts(""),
            self._k.batch_parts(""),
            self._k.stats(""),
            limit,
        ]
        return [str(ck) for ck in await self._reap(keys=keys, args=args)]

    # --- whole chats --------------------------------------------------------------------------------
    async def drop_chat(self, ck: str) -> int:
        """Forget the chat's pending messages and held stories (it was paused or unsubscribed)."""
        keys = [self._k.ready(), self._k.lease(), self._k.progress(), self._k.due(), self._pending_key()]
        return int(await self._drop(keys=keys, args=[ck, self._k.chat_queue(ck), self._k.held(ck)]))

    async def move_chat(self, old_ck: str, new_ck: str) -> int:
        """Move pending messages, the exactly-once log and held stories to a new chat id."""
        keys = [self._k.ready(), self._k.lease(), self._k.progress(), self._k.due()]
        args = [
            old_ck,
            new_ck,
            self._k.chat_queue(old_ck),
            self._k.chat_queue(new_ck),
            self._k.chat_log(old_ck),
            self._k.chat_log(new_ck),
            self._k.held(old_ck),
            self._k.held(new_ck),
            str(LOG_TTL),
            str(LOG_CAP),
        ]
        return int(await self._move(keys=keys, args=args))

    async def enqueue_parts(self, ck: str, parts: Sequence[str]) -> str:
        """Queue an ad-hoc message (e.g. /latest) for one chat, behind what it already has."""
        return await self._commit_batch(ck, parts, 0, "keep")

    # --- daily digests and quiet hours --------------------------------------------------------------
    async def take_due(self, now: float, lease: float, limit: int = 200) -> list[str]:
        return [str(ck) for ck in await self._take_due(keys=[self._k.due()], args=[int(now), int(lease), limit])]

    async def held(self, ck: str) -> list[str]:
        return [str(s) for s in await self._r.lrange(self._k.held(ck), 0, -1)]

    async def commit_batch(self, ck: str, parts: Sequence[str], *, consumed: int, next_due: float | None) -> str:
        """Queue a compiled digest for `ck`, drop the `consumed` held stories, set the next due time."""
        return await self._commit_batch(ck, parts, consumed, "" if next_due is None else str(int(next_due)))

    async def _commit_batch(self, ck: str, parts: Sequence[str], consumed: int, due_arg: str) -> str:
        keys = [self._k.ready(), self._k.lease(), self._pending_key(), self._k.due(), self._k.batch_seq()]
        args: list[Any] = [
            ck,
            self._k.chat_queue(ck),
            self._k.held(ck),
            self._k.batch_parts(""),
            consumed,
            due_arg,
            QUEUE_TTL,
            BATCH_TTL,
            *parts,
        ]
        return str(await self._commit(keys=keys, args=args))

    async def set_due(self, ck: str, when: float | None) -> None:
        if when is None:
            await self._r.zrem(self._k.due(), ck)
        else:
            await self._r.zadd(self._k.due(), {ck: int(when)})

    async def due_at(self, ck: str) -> float | None:
        score = await self._r.zscore(self._k.due(), ck)
        return None if score is None else float(score)

    # --- introspection --------------------------------------------------------------------------------
    async def pending(self) -> int:
        """Messages (jobs) queued across all chats."""
        return int(await self._r.get(self._pending_key()) or 0)

    async def chat_jobs(self, ck: str) -> list[str]:
        return [str(j) for j in await self._r.lrange(self._k.chat_queue(ck), 0, -1)]

    async def oldest_ready_age(self) -> float:
        """Seconds the longest-waiting chat has been ready to send (0.0 when none is ready).

        `dq:ready` scores are the time a chat may next get a message (Redis clock, ms): for a chat
        that is due, now minus its score is how long it has waited for a worker. Chats held back
        by a rate limit or a retry_after are not due yet and do not count; a lasting, growing age
        means no worker is consuming the queue (or it cannot keep up).
        """
        async with self._r.pipeline(transaction=False) as pipe:
            pipe.time()
            pipe.zrange(self._k.ready(), 0, 0, withscores=True)
            (seconds, micros), first = await pipe.execute()
        if not first:
            return 0.0
        now_ms = int(seconds) * 1000 + int(micros) // 1000
        return max(0.0, (now_ms - float(first[0][1])) / 1000)

    async def scheduled_digests(self) -> int:
        """Chats with a daily digest (or the end of quiet hours) scheduled."""
        return int(await self._r.zcard(self._k.due()))

    async def fanout_backlog(self) -> int:
        """Stories announced but not yet fanned out."""
        return int(await self._r.llen(self._k.fanout()))

    async def chats_waiting(self) -> int:
        return int(await self._r.zcard(self._k.ready())) + int(await self._r.zcard(self._k.lease()))

    async def story_parts(self, story_id: str) -> list[str]:
        return [str(p) for p in await self._r.lrange(self._k.story_parts(story_id), 0, -1)]

    def _pending_key(self) -> str:
        return self._k.pending()


__all__ = [
    "BATCH_JOB",
    "STORY_JOB",
    "Claim",
    "ClaimBatch",
    "DeliveryQueue",
    "EnqueueCounts",
    "Kind",
    "Outcome",
    "Target",
]
