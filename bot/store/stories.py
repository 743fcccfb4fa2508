"""Stories in Redis: records for delivery and /latest, and the near-duplicate index across agencies.

`cluster(story_id, fingerprint, ...)` is one Lua script: it prunes index entries older than the story
window, looks up stories whose 64-bit SimHash shares a band with the new one (ten band ZSETs scored
by band value: an LSH index, so no scan; see BAND_BITS), takes the closest within `max_distance`
bits, and either returns it or registers the new story — atomically, so two processes polling two
agencies at once still make one story. It is idempotent per story id: an item handled a second time
(its process died before acknowledging it in the inbox) finds its own story already registered and
gets `created=True, again=True` back — the same new story, not a duplicate of itself.
`add_source` appends another reporter to a story's `sources` (Lua + cjson, atomic). A story record
is a hash: `core` (the Story without its sources, as JSON) and `sources` ([[source_id, name], ...],
first reporter first); see bot.store.keys. `put` also archives a social story (bot.store.archive),
and `add_source` tells the archive about the new reporter: this is the one place stories are written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import redis.asyncio as aioredis

from bot.store.archive import ArchiveStore
from bot.store.codec import from_jsonable, to_jsonable
from bot.store.keys import STORY_BANDS, Keys
from bot.story import Story
from digest.model import Digest

# The 64 fingerprint bits split into STORY_BANDS disjoint bands (the LSH index). Two fingerprints at
# distance d ≤ 9 always share a band (pigeonhole); at d = 12 (digest's near-duplicate threshold) they
# do with probability ≈ 0.99 (simulated), while an unrelated story is a candidate with p ≈ 0.125.
BAND_BITS = (7, 7, 7, 7, 6, 6, 6, 6, 6, 6)
assert len(BAND_BITS) == STORY_BANDS and sum(BAND_BITS) == 64
GUARANTEED_DISTANCE = STORY_BANDS - 1

_CLUSTER = """
local nb = tonumber(ARGV[9])
local fpkey, recent, listing, story = KEYS[nb + 1], KEYS[nb + 2], KEYS[nb + 3], KEYS[nb + 4]
local function drop(id)
  for b = 1, nb do redis.call('ZREM', KEYS[b], id) end
  redis.call('HDEL', fpkey, id)
  redis.call('ZREM', recent, id)
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', recent, '-inf', '(' .. ARGV[3], 'LIMIT', 0, 256)) do drop(id) end
local over = redis.call('ZCARD', recent) - tonumber(ARGV[8])
if over > 0 then
  for _, id in ipairs(redis.call('ZRANGE', recent, 0, math.min(over, 256) - 1)) do drop(id) end
end
if redis.call('HEXISTS', fpkey, ARGV[1]) == 1 then return {1, ARGV[1], 0, 1} end
local parts = {}
for b = 1, nb do parts[b] = tonumber(ARGV[9 + b]) end
local best, bestd, checked = nil, 65, {}
for b = 1, nb do
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[b], parts[b], parts[b], 'LIMIT', 0, 512)) do
    if not checked[id] then
      checked[id] = true
      local fp = redis.call('HGET', fpkey, id)
      if fp then
        local d, j = 0, 1
        for p in string.gmatch(fp, '%d+') do
          local x = bit.bxor(tonumber(p), parts[j])
          j = j + 1
          while x ~= 0 do d = d + 1; x = bit.band(x, x - 1) end
        end
        if d < bestd then best, bestd = id, d end
      end
    end
  end
end
if best and bestd <= tonumber(ARGV[4]) then return {0, best, bestd, 0} end
for b = 1, nb do redis.call('ZADD', KEYS[b], parts[b], ARGV[1]) end
redis.call('HSET', fpkey, ARGV[1], table.concat(parts, ','))
redis.call('ZADD', recent, ARGV[2], ARGV[1])
redis.call('ZADD', listing, ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', listing, '-inf', '(' .. ARGV[7])
local over2 = redis.call('ZCARD', listing) - tonumber(ARGV[8])
if over2 > 0 then redis.call('ZREMRANGEBYRANK', listing, 0, over2 - 1) end
redis.call('HSET', story, 'sources', ARGV[5])
redis.call('EXPIRE', story, tonumber(ARGV[6]))
return {1, ARGV[1], 0, 0}
"""

_ADD_SOURCE = """
local raw = redis.call('HGET', KEYS[1], 'sources')
if not raw then return -1 end
local list = cjson.decode(raw)
for _, pair in ipairs(list) do
  if pair[1] == ARGV[1] then return 0 end
end
table.insert(list, {ARGV[1], ARGV[2]})
redis.call('HSET', KEYS[1], 'sources', cjson.encode(list))
return 1
"""


@dataclass(frozen=True, slots=True)
class ClusterResult:
    story_id: str  # the new story's id, or the existing story it joins
    created: bool
    distance: int  # Hamming distance to the story joined (0 when created)
    again: bool = False  # created earlier by this very story id (an item handled a second time)


def fingerprint_parts(fingerprint: int) -> list[int]:
    """A 64-bit fingerprint cut into the BAND_BITS bands, most significant first."""
    fp = fingerprint & 0xFFFF_FFFF_FFFF_FFFF
    parts: list[int] = []
    shift = 64
    for bits in BAND_BITS:
        shift -= bits
        parts.append((fp >> shift) & ((1 << bits) - 1))
    return parts


def story_to_core(story: Story) -> str:
    core = {"id": story.id, "digest": to_jsonable(story.digest), "province": story.province}
    core["first_seen"] = story.first_seen.isoformat()
    return json.dumps(core, ensure_ascii=False, separators=(",", ":"))


def story_from_record(core: str, sources: str) -> Story:
    data: dict[str, Any] = json.loads(core)
    pairs = [(str(p[0]), str(p[1])) for p in json.loads(sources) if isinstance(p, list) and len(p) == 2]
    return Story(
        id=str(data["id"]),
        digest=from_jsonable(Digest, data["digest"]),
        source_ids=tuple(p[0] for p in pairs),
        source_names=tuple(p[1] for p in pairs),
        province=data.get("province"),
        first_seen=datetime.fromisoformat(data["first_seen"]),
    )


class StoryStore:
    def __init__(
        self,
        redis: aioredis.Redis,
        keys: Keys,
        *,
        window: int = 3 * 86400,
        ttl: int = 7 * 86400,
        cap: int = 50_000,
        max_distance: int = 3,
        archive: ArchiveStore | None = None,
    ) -> None:
        self._r = redis
        self._k = keys
        self._window = window
        self._ttl = max(ttl, window)
        self._cap = cap
        self._max_distance = max_distance
        self._archive = archive
        self._cluster = redis.register_script(_CLUSTER)
        self._add_source = redis.register_script(_ADD_SOURCE)

    async def cluster(
        self, story_id: str, fingerprint: int, source_id: str, source_name: str, now: datetime
    ) -> ClusterResult:
        """Join the closest recent story within `max_distance` bits, or register `story_id` as new."""
        k = self._k
        keys = [*(k.story_band(i) for i in range(STORY_BANDS)), k.story_fp(), k.story_recent(), k.stories()]
        keys.append(k.story(story_id))
        ts = int(now.timestamp())
        sources = json.dumps([[source_id, source_name]], ensure_ascii=False)
        args: list[str | int] = [story_id, ts, ts - self._window, self._max_distance, sources, self._ttl]
        args += [ts - self._ttl, self._cap, STORY_BANDS, *fingerprint_parts(fingerprint)]
        created, sid, distance, again = await self._cluster(keys=keys, args=args)
        return ClusterResult(str(sid), bool(int(created)), int(distance), bool(int(again)))

    async def put(self, story: Story) -> None:
        """Write a story's core record (after `cluster` created it; its sources are already there)."""
        key = self._k.story(story.id)
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hset(key, "core", story_to_core(story))
            pipe.expire(key, self._ttl)
            await pipe.execute()
        if self._archive is not None and story.digest.is_social:
            await self._archive.add(story)  # idempotent per story id: a story stored twice is archived once

    async def add_source(self, story_id: str, source_id: str, source_name: str) -> bool:
        """Record another reporter of a story; False if it was already listed or the story is gone."""
        got = await self._add_source(keys=[self._k.story(story_id)], args=[source_id, source_name])
        if int(got) == 1 and self._archive is not None:
            await self._archive.add_source(story_id, source_name)
        return int(got) == 1

    async def get(self, story_id: str) -> Story | None:
        raw = await self._r.hgetall(self._k.story(story_id))
        return _from_raw(raw)

    async def counts(self) -> tuple[int, int]:
        """(stories kept for /latest, stories in the near-duplicate window)."""
        async with self._r.pipeline(transaction=False) as pipe:
            pipe.zcard(self._k.stories())
            pipe.zcard(self._k.story_recent())
            kept, window = await pipe.execute()
        return int(kept), int(window)

    async def recent(self, limit: int = 20) -> list[Story]:
        """Newest stories first (for /latest)."""
        ids = await self._r.zrevrange(self._k.stories(), 0, max(limit, 1) - 1)
        async with self._r.pipeline(transaction=False) as pipe:
            for sid in ids:
                pipe.hgetall(self._k.story(str(sid)))
            raws = await pipe.execute()
        return [s for s in (_from_raw(r) for r in raws) if s is not None]


def _from_raw(raw: dict[Any, Any]) -> Story | None:
    core, sources = raw.get("core"), raw.get("sources")
    if not core or not sources:
        return None  # expired, or created a moment ago by another process and not written yet
    return story_from_record(str(core), str(sources))
