"""THE Redis key schema. Every key khabar uses is built here; nothing else spells a key.

All keys share one prefix (`khabar:`, configurable per Store for tests). Call sites use the builder
functions below, never string concatenation. Anything that can grow without bound has a TTL or a cap.
`{ck}` is a chat key: the chat id, or `chat_id/thread_id` for a forum topic.

| key                        | type   | TTL / cap                    | meaning                                      |
| -------------------------- | ------ | ---------------------------- | -------------------------------------------- |
| khabar:subs                | hash   | one field per chat key       | chat key → Subscription JSON                 |
| khabar:subs:ver            | string | one counter                  | bumped on every subscription change          |
| khabar:feed:{source_id}    | hash   | TTL state_ttl, renewed       | FeedState of one source                      |
| khabar:seen:{id}:{0..15}   | zset   | seen_cap/16 each, TTL        | identity key → last time in the feed         |
| khabar:schedule            | zset   | one member per source        | source id → next check (unix s; +inf paused) |
| khabar:leases              | zset   | a member per claimed source  | source id → claim expiry (unix s)            |
| khabar:sources             | hash   | one field per runtime source | source id → FeedSource JSON (/addsource)     |
| khabar:story:{story_id}    | hash   | TTL story_ttl                | core: Story JSON; sources: [[id, name]]      |
| khabar:stories             | zset   | age story_ttl, cap story_cap | story id → first seen (recent, /latest)      |
| khabar:story-recent        | zset   | age story_window, cap        | story id → first seen (near-dup window)      |
| khabar:story-fp            | hash   | pruned with story-recent     | story id → SimHash as ten band values        |
| khabar:story-band:{0..9}   | zset   | pruned with story-recent     | story id → one band value of its SimHash     |
| khabar:dq:announced        | zset   | age 7 days                   | story id → first announced (each story once) |
| khabar:dq:fanout           | list   | left when fanned out         | story ids waiting for fan-out                |
| khabar:dq:fanout:lock      | string | PX 15 s                      | one fan-out at a time                        |
| khabar:dq:parts:{story_id} | list   | TTL 3 days                   | rendered parts of a story card               |
| khabar:dq:batch:{batch_id} | list   | TTL 7 d; del when sent       | rendered parts of a compiled digest          |
| khabar:dq:batch:seq        | string | one counter                  | batch id sequence                            |
| khabar:dq:q:{ck}           | list   | chat_queue_cap, TTL 7 d      | jobs `s|story` / `b|batch`, oldest first     |
| khabar:dq:log:{ck}         | zset   | newest 120, TTL 7 d          | story ids accepted (exactly-once)            |
| khabar:dq:held:{ck}        | list   | held_cap, TTL 3 d            | story ids held for a digest                  |
| khabar:dq:ready            | zset   | a member per busy chat       | ck → next send time (ms, Redis)              |
| khabar:dq:lease            | zset   | a member per send            | ck → lease expiry (ms, Redis)                |
| khabar:dq:prog             | hash   | a field per started job      | ck → `part|attempts|claim token`             |
| khabar:dq:pending          | string | one counter (reset when idle)| jobs queued in all chats                     |
| khabar:dq:due              | zset   | a member per digest chat     | ck → next compile (unix s, app clock)        |
| khabar:rl:global           | string | PX until idle                | last volley reserved: `µs messages`          |
| khabar:rl:chat:{chat_id}   | string | PX = slot + chat interval    | set while the chat must wait                 |
| khabar:stats:{minute}      | hash   | TTL 2 hours                  | counters: sent, flood, neterr, ...           |
| khabar:inbox               | zset   | cap 10,000, TTL 7 d          | new item `source|key` → lease expiry (unix s)|
| khabar:inbox:items         | hash   | as khabar:inbox              | new item → `attempts|FeedItem JSON`          |
| khabar:lease:{name}        | string | PX lease ttl, renewed        | holder token `host:pid:random` (updates)     |
| khabar:updates:handled     | zset   | newest 1000, TTL 7 d         | Telegram update ids already handled          |
| khabar:ops:tick            | string | TTL 7 days, rewritten        | unix time of the last poll tick (any process)|
| khabar:ops:paused:{id}:{t} | string | TTL 30 days                  | admins were told source {id} paused at {t}   |
| khabar:arc:seq             | string | one counter                  | archive sequence (story numbers)             |
| khabar:arc:days            | zset   | pruned to archive_ttl        | first story number of each day (score: day)  |
| khabar:arc:id:{story_id}   | string | TTL story_ttl                | story id → its story number (archived once)  |
| khabar:arc:r:{n}           | hash   | TTL archive_ttl              | c: compact record; s: sources, U+001F-joined |
| khabar:arc:t:{term}        | string | TTL archive_ttl, ≤ term cap  | posting list: story numbers, 4 bytes each    |
| khabar:arc:q:{qid}         | string | TTL 1 day                    | a search query, for its page buttons         |
| khabar:weekly              | hash   | one field per opted-in chat  | ck → `weekday|HH:MM` (numbers of the week)   |
| khabar:weekly:due          | zset   | a member per opted-in chat   | ck → next weekly post (unix s)               |

(TTL/cap names are Settings fields.) Keys without a TTL are bounded otherwise: one field or member
per chat, configured source or live story, pruned by age or cap as the table says, or one counter.
`subs` keeps paused chats on purpose (a chat that unblocks the bot gets its subscription back), so
it grows with the audience, not with time. `leases` loses members of sources that left the
configuration at the next schedule sync; `dq:pending` is reset to 0 by the claim script whenever no
chat has anything queued or in flight (queues that expired with jobs in them cannot leave it wrong).
tests/bot/store/test_key_lifecycle.py checks that every other key carries a TTL.

Seen members are 16-hex-digit identity keys (feeds.identity), spread over 16 buckets (CRC32 of the
key) so each bucket stays under Redis' default 128-entry listpack limit: about 25 bytes per key
instead of about 120 in a skiplist. Bucket 0 also holds the sentinel `~` ("this source has
seen-state"). Scores are whole seconds. The story-band sets are an LSH index over disjoint 6-7-bit
bands of the 64-bit SimHash (see bot.store.stories), so lookups never scan.

The archive (bot.store.archive) numbers each social story (`arc:seq`) and appends that number, as
4 big-endian bytes (byte order = numeric order), to one posting-list string per search term
(`arc:t:{term}`): 4 bytes a posting instead of ~100 in a sorted set, read back with the client's
no-decode option and turned into numbers by `array.frombytes` in microseconds. A list
only ever grows at its end, newest last; appending trims the postings older than the archive
period (found by binary search against `arc:days`) and keeps at most ARCHIVE_TERM_CAP (the newest).
Records and lists expire with the archive period; `arc:days` holds one member per day.

Lua scripts that must find per-chat keys themselves (the delivery claim script cannot know in
advance which chats it will pick) receive the key *stem* from the builder called with an empty
argument (`keys.chat_queue("")`) and append the chat key; the stem is still built here. khabar
therefore needs a single Redis node (or Sentinel), not Redis Cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "khabar:"
SEEN_BUCKETS = 16
STORY_BANDS = 10

ANNOUNCED_TTL = 7 * 86400
PARTS_TTL = 3 * 86400
BATCH_TTL = 7 * 86400
QUEUE_TTL = 7 * 86400
# The per-chat exactly-once log only has to outlive a re-run of an interrupted fan-out: a story is
# announced for fan-out once in ANNOUNCED_TTL, and a re-run takes the interrupted story first. 120
# entries stay under Redis' zset-max-listpack-entries (128): ~35 bytes an entry instead of ~130.
LOG_TTL = ANNOUNCED_TTL
LOG_CAP = 120
HELD_TTL = 3 * 86400
STATS_TTL = 2 * 3600
TICK_TTL = 7 * 86400
PAUSE_NOTICE_TTL = 30 * 86400
FANOUT_LOCK_TTL_MS = 15_000  # a fan-out of 10,000 chats takes about a second
INBOX_TTL = 7 * 86400
INBOX_CAP = 10_000  # items waiting to be turned into stories; normally a handful
HANDLED_UPDATES_CAP = 1000  # far more than one getUpdates batch (100)
HANDLED_UPDATES_TTL = 7 * 86400  # Telegram keeps undelivered updates 24 hours
ARCHIVE_TERM_CAP = 50_000  # newest postings kept per search term (200 kB)
SEARCH_QUERY_TTL = 86400  # page buttons of a search answer work this long


@dataclass(frozen=True, slots=True)
class Keys:
    """Key builders under one prefix. `Keys("khabar:test:abc:")` isolates a test."""

    prefix: str = DEFAULT_PREFIX

    def subs(self) -> str:
        return f"{self.prefix}subs"

    def subs_version(self) -> str:
        return f"{self.prefix}subs:ver"

    def feed_state(self, source_id: str) -> str:
        return f"{self.prefix}feed:{source_id}"

    def seen(self, source_id: str, bucket: int | str) -> str:
        return f"{self.prefix}seen:{source_id}:{bucket}"

    def schedule(self) -> str:
        return f"{self.prefix}schedule"

    def leases(self) -> str:
        return f"{self.prefix}leases"

    def admin_sources(self) -> str:
        return f"{self.prefix}sources"

    def story(self, story_id: str) -> str:
        return f"{self.prefix}story:{story_id}"

    def stories(self) -> str:
        return f"{self.prefix}stories"

    def story_recent(self) -> str:
        return f"{self.prefix}story-recent"

    def story_fp(self) -> str:
        return f"{self.prefix}story-fp"

    def story_band(self, band: int | str) -> str:
        return f"{self.prefix}story-band:{band}"

    # --- delivery ---
    def announced(self) -> str:
        return f"{self.prefix}dq:announced"

    def fanout(self) -> str:
        return f"{self.prefix}dq:fanout"

    def fanout_lock(self) -> str:
        return f"{self.prefix}dq:fanout:lock"

    def story_parts(self, story_id: str) -> str:
        return f"{self.prefix}dq:parts:{story_id}"

    def batch_parts(self, batch_id: str) -> str:
        return f"{self.prefix}dq:batch:{batch_id}"

    def batch_seq(self) -> str:
        return f"{self.prefix}dq:batch:seq"

    def chat_queue(self, ck: str) -> str:
        return f"{self.prefix}dq:q:{ck}"

    def chat_log(self, ck: str) -> str:
        return f"{self.prefix}dq:log:{ck}"

    def held(self, ck: str) -> str:
        return f"{self.prefix}dq:held:{ck}"

    def ready(self) -> str:
        return f"{self.prefix}dq:ready"

    def lease(self) -> str:
        return f"{self.prefix}dq:lease"

    def progress(self) -> str:
        return f"{self.prefix}dq:prog"

    def pending(self) -> str:
        return f"{self.prefix}dq:pending"

    def due(self) -> str:
        return f"{self.prefix}dq:due"

    # --- rate limits ---
    def rate_global(self) -> str:
        return f"{self.prefix}rl:global"

    def rate_chat(self, chat_id: str) -> str:
        return f"{self.prefix}rl:chat:{chat_id}"

    # --- stats ---
    def stats(self, minute: str) -> str:
        return f"{self.prefix}stats:{minute}"

    # --- exactly-once polling (bot.store.inbox) ---
    def inbox(self) -> str:
        return f"{self.prefix}inbox"

    def inbox_items(self) -> str:
        return f"{self.prefix}inbox:items"

    # --- one getUpdates consumer (bot.store.lease, bot.store.updates) ---
    def lease_key(self, name: str) -> str:
        return f"{self.prefix}lease:{name}"

    def handled_updates(self) -> str:
        return f"{self.prefix}updates:handled"

    # --- operations ---
    def last_tick(self) -> str:
        return f"{self.prefix}ops:tick"

    def pause_notice(self, source_id: str, paused_at: int) -> str:
        return f"{self.prefix}ops:paused:{source_id}:{paused_at}"

    # --- archive and search (bot.store.archive) ---
    def archive_seq(self) -> str:
        return f"{self.prefix}arc:seq"

    def archive_days(self) -> str:
        return f"{self.prefix}arc:days"

    def archive_id(self, story_id: str) -> str:
        return f"{self.prefix}arc:id:{story_id}"

    def archive_record(self, number: str) -> str:
        """`archive_record("")` is the stem the add script appends a new story number to."""
        return f"{self.prefix}arc:r:{number}"

    def archive_term(self, term: str) -> str:
        return f"{self.prefix}arc:t:{term}"

    def search_query(self, qid: str) -> str:
        return f"{self.prefix}arc:q:{qid}"

    def weekly(self) -> str:
        return f"{self.prefix}weekly"

    def weekly_due(self) -> str:
        return f"{self.prefix}weekly:due"


def seen_bucket_keys(keys: Keys, source_id: str) -> list[str]:
    """All SEEN_BUCKETS keys of one source's seen-state, bucket 0 (with the sentinel) first."""
    return [keys.seen(source_id, b) for b in range(SEEN_BUCKETS)]
