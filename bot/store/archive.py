"""The story archive: social stories kept for the archive period, and their search index (Redis).

`add(story)` is called where stories are stored (bot.store.stories.StoryStore.put), once per story
(idempotent per story id while the story is live: the id → number link lives as long as the story
record, `story_ttl`, not the whole archive period): one Lua script numbers the story, writes its
compact record and appends its number to the posting list of each of its terms (bot.terms),
trimming what fell out of the archive period or over the cap — see the key schema in
bot.store.keys. `add_source` records another agency's copy. `search(groups)` reads the posting
lists in one round trip and intersects them in process (each group is a union: a topic matches its
tag or its word), newest first; `since` limits the answer to stories archived from a day on (the
weekly post: `arc:days` maps each day to its first story number, which assumes stories are
archived as they are first seen, as the pipeline does). Nothing here scans keys.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import redis.asyncio as aioredis
from redis.client import NEVER_DECODE

from bot import terms as T
from bot.store.codec import from_compact, to_compact
from bot.store.keys import ARCHIVE_TERM_CAP, SEARCH_QUERY_TTL, Keys
from bot.story import Story
from digest.model import Figure

DAY = 86400
WIDTH = 4  # bytes of a posting: the story number, big-endian unsigned (byte order = numeric order)
SEP = "\x1f"
MAX_FIGURES = 6  # figures kept per story

# KEYS: 1 id key, 2 seq, 3 days, 4.. term keys. ARGV: 1 ttl, 2 day, 3 cutoff day, 4 cap,
# 5 record, 6 sources, 7 record stem, 8 id key ttl. Returns the story's number (the known one if archived before).
_ADD = """
local known = redis.call('GET', KEYS[1])
if known then return tonumber(known) end
local n = redis.call('INCR', KEYS[2])
local posting = struct.pack('>I4', n)
local ttl = tonumber(ARGV[1])
redis.call('SET', KEYS[1], n, 'EX', tonumber(ARGV[8]))
local rkey = ARGV[7] .. n
redis.call('HSET', rkey, 'c', ARGV[5], 's', ARGV[6])
redis.call('EXPIRE', rkey, ttl)
local day = tonumber(ARGV[2])
if redis.call('ZCOUNT', KEYS[3], day, day) == 0 then redis.call('ZADD', KEYS[3], day, n) end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[3])
local first = tonumber(redis.call('ZRANGEBYSCORE', KEYS[3], ARGV[3], '+inf', 'LIMIT', 0, 1)[1])
local cap = tonumber(ARGV[4])
local function at(k, i) return struct.unpack('>I4', redis.call('GETRANGE', k, i * 4, i * 4 + 3)) end
for i = 4, #KEYS do
  local k = KEYS[i]
  local len = redis.call('APPEND', k, posting) / 4
  local drop = 0
  if first and at(k, 0) < first then
    local lo, hi = 0, len
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if at(k, mid) < first then lo = mid + 1 else hi = mid end
    end
    drop = lo
  end
  if len - drop > cap then drop = len - cap end
  if drop > 0 then redis.call('SET', k, redis.call('GETRANGE', k, drop * 4, -1)) end
  redis.call('EXPIRE', k, ttl)
end
return n
"""

# KEYS: 1 id key. ARGV: 1 record stem, 2 source name. 1 = added, 0 = listed already or not archived.
_ADD_SOURCE = """
local code = redis.call('GET', KEYS[1])
if not code then return 0 end
local rkey = ARGV[1] .. code
local have = redis.call('HGET', rkey, 's')
if not have then return 0 end
for name in string.gmatch(have, '[^\\31]+') do
  if name == ARGV[2] then return 0 end
end
redis.call('HSET', rkey, 's', have .. '\\31' .. ARGV[2])
return 1
"""


@dataclass(frozen=True, slots=True)
class ArchivedStory:
    """What the archive keeps of a story (no summary, no figure sentences)."""

    story_id: str
    headline: str
    first_seen: datetime
    published: datetime | None = None
    url: str | None = None
    speaker: str | None = None
    role: str | None = None
    figures: tuple[Figure, ...] = ()
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # stored apart (agencies join later); first reporter first

    @property
    def when(self) -> datetime:
        return self.published or self.first_seen

    @classmethod
    def of(cls, story: Story) -> ArchivedStory:
        d = story.digest
        speaker = d.speakers[0] if d.speakers else None
        provinces = tuple(dict.fromkeys((*d.provinces, *([story.province] if story.province else []))))
        figures = tuple(Figure(f.text, f.number, f.unit, f.context) for f in d.figures[:MAX_FIGURES])
        return cls(
            story_id=story.id,
            headline=d.headline,
            first_seen=story.first_seen,
            published=d.published,
            url=d.url,
            speaker=speaker.name if speaker else None,
            role=speaker.role if speaker else None,
            figures=figures,
            provinces=provinces,
            topics=d.topics,
            places=d.places,
            sources=story.source_names,
        )


def story_terms(a: ArchivedStory) -> list[str]:
    """Every term a story is found by: its words, its provinces and topics as filters, and FIGURES.
    Not its outlets: an agency that joins later could not be added (lists only grow at their end)."""
    texts = [a.headline, a.speaker or "", a.role or "", *a.places, *a.provinces, *a.topics]
    texts += [f"{f.text} {f.context}" for f in a.figures]
    found = T.text_terms(*texts)
    found += [T.province_term(p) for p in a.provinces] + [T.topic_term(t) for t in a.topics]
    if a.figures:
        found.append(T.FIGURES)
    return list(dict.fromkeys(found))


def encode(a: ArchivedStory) -> str:
    data = to_compact(replace(a, sources=()))  # sources live in their own field
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode(core: str, sources: str) -> ArchivedStory:
    a: ArchivedStory = from_compact(ArchivedStory, json.loads(core))
    return replace(a, sources=tuple(s for s in sources.split(SEP) if s))


@dataclass(frozen=True, slots=True)
class Page:
    total: int  # stories matching
    stories: list[ArchivedStory]  # this page, newest first


class ArchiveStore:
    def __init__(
        self,
        redis: aioredis.Redis,
        keys: Keys,
        ttl: int = 90 * DAY,
        cap: int = ARCHIVE_TERM_CAP,
        id_ttl: int = 7 * DAY,
    ) -> None:
        self._r = redis
        self._id_ttl = id_ttl  # the story id → number link outlives re-deliveries and agencies joining (story_ttl)
        self._k = keys
        self._ttl = ttl
        self._cap = cap
        self._add = redis.register_script(_ADD)
        self._add_source = redis.register_script(_ADD_SOURCE)

    async def add(self, story: Story, *, client: aioredis.Redis | None = None) -> int:
        """Archive a social story (once per story id); returns its archive number. With a pipeline
        as `client` the call is only queued (bulk loads: bench/bench_search.py)."""
        a = ArchivedStory.of(story)
        day = int(story.first_seen.timestamp()) // DAY
        keys = [self._k.archive_id(story.id), self._k.archive_seq(), self._k.archive_days()]
        keys += [self._k.archive_term(t) for t in story_terms(a)]
        args: list[str | int] = [self._ttl, day, day - self._ttl // DAY, self._cap, encode(a), SEP.join(a.sources)]
        args += [self._k.archive_record(""), min(self._id_ttl, self._ttl)]
        return await self._add(keys=keys, args=args, client=client)  # type: ignore[no-any-return]

    async def add_source(self, story_id: str, source_name: str) -> bool:
        got = await self._add_source(
            keys=[self._k.archive_id(story_id)], args=[self._k.archive_record(""), source_name]
        )
        return int(got) == 1

    async def search(
        self,
        groups: Sequence[Sequence[str]],
        now: datetime,
        *,
        offset: int = 0,
        limit: int = 5,
        since: datetime | None = None,
    ) -> Page:
        """Stories having a term of every group, newest first (`since`: archived from that day on)."""
        numbers = await self.numbers(groups, now, since=since)
        chosen = numbers[offset : offset + limit]
        return Page(len(numbers), await self.records(chosen))

    async def numbers(
        self, groups: Sequence[Sequence[str]], now: datetime, *, since: datetime | None = None
    ) -> list[int]:
        """Archive numbers of the matching stories, newest first."""
        if not groups or not all(groups):
            return []
        start = since or datetime.fromtimestamp(now.timestamp() - self._ttl, now.tzinfo)
        async with self._r.pipeline(transaction=False) as pipe:
            pipe.zrangebyscore(self._k.archive_days(), int(start.timestamp()) // DAY, "+inf", start=0, num=1)
            for group in groups:
                for term in group:
                    pipe.execute_command("GET", self._k.archive_term(term), **{NEVER_DECODE: True})
            got = await pipe.execute()
        if not got[0]:
            return []
        found: list[array[int] | set[int]] = []
        i = 1
        for group in groups:
            raw: list[bytes] = [v for v in got[i : i + len(group)] if v]
            i += len(group)
            if not raw:
                return []
            found.append(_postings(raw[0]) if len(raw) == 1 else set().union(*map(_postings, raw)))
        return _newest_first(found, int(got[0][0]))

    async def records(self, numbers: Sequence[int]) -> list[ArchivedStory]:
        async with self._r.pipeline(transaction=False) as pipe:
            for n in numbers:
                pipe.hmget(self._k.archive_record(str(n)), "c", "s")
            raws = await pipe.execute()
        out = []
        for core, sources in raws:
            if core is not None:
                out.append(decode(str(core), str(sources or "")))
        return out

    async def remember_query(self, text: str) -> str:
        """Keep a query for its page buttons (SEARCH_QUERY_TTL); returns its id (12 hex digits)."""
        qid = hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
        await self._r.set(self._k.search_query(qid), text, ex=SEARCH_QUERY_TTL)
        return qid

    async def recall_query(self, qid: str) -> str | None:
        text = await self._r.get(self._k.search_query(qid))
        return None if text is None else str(text)


def _postings(raw: bytes) -> array[int]:
    """A posting-list string as its story numbers (ascending: lists only grow at their end)."""
    numbers = array("I")  # 4 bytes on every platform CPython supports
    numbers.frombytes(raw[: len(raw) - len(raw) % WIDTH])
    if sys.byteorder == "little":
        numbers.byteswap()
    return numbers


def _newest_first(found: list[array[int] | set[int]], first: int) -> list[int]:
    """Numbers in every group, from `first` on, newest first (C-speed set and list operations only)."""
    if len(found) == 1:
        only = found[0]
        ordered = only if isinstance(only, array) else sorted(only)
        return list(ordered[bisect_left(ordered, first) :])[::-1]
    found.sort(key=len)
    common = set(found[0]).intersection(*found[1:])
    return sorted((n for n in common if n >= first), reverse=True)
