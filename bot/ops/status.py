"""`khabar status`: one screen of facts from Redis, for an operator without Prometheus.

`gather(store, from_file, now)` reads everything in a handful of pipelined round trips (no SCAN,
no KEYS) into a frozen `Status`; `render_text(status, tz)` lays it out as aligned English lines and
`to_json(status)` as one JSON object. The same facts as /metrics, but shared by every process:
Redis holds them, not one process's memory.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.ops.plural import counted
from bot.ops.sources_admin import status_of
from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode
from feeds.model import FeedSource
from feeds.sources import merge_sources

HOUR_COUNTERS = ("sent", "flood", "neterr", "rejected", "unknown", "expired", "paused")


@dataclass(frozen=True, slots=True)
class RedisFacts:
    where: str  # safe to print (no password)
    version: str
    used_memory: int
    maxmemory: int
    aof: bool


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """The sources in use: those Redis's schedule holds (what the last poll used, whatever its file),
    or, before any poll, the sources file's and the admins'."""

    total: int
    from_file: int  # in use and listed in the sources file counted here
    runtime: int  # in use and added by admins
    other: int  # in use but in neither: polled with another sources file
    file_total: int  # how many the sources file lists
    file_unused: int  # listed in the file but not in Redis's schedule
    healthy: int
    failing: int
    paused: int
    never_polled: int
    next_due: datetime | None  # earliest scheduled check among the configured sources
    failing_ids: tuple[str, ...]  # failing or paused, for a quick look (at most 10)


@dataclass(frozen=True, slots=True)
class SubscriptionFacts:
    chats: int
    active: int
    paused: int
    instant: int
    daily: int
    quiet_hours: int
    with_filters: int
    by_kind: dict[str, int]


@dataclass(frozen=True, slots=True)
class QueueFacts:
    messages: int
    chats: int
    oldest_ready_seconds: float
    awaiting_fanout: int
    digests_scheduled: int


@dataclass(frozen=True, slots=True)
class Status:
    now: datetime
    redis: RedisFacts
    last_poll_tick: datetime | None
    sources: SourceFacts
    seen_items: int
    stories_kept: int
    stories_in_window: int
    subscriptions: SubscriptionFacts
    queue: QueueFacts
    last_hour: dict[str, int]
    sources_error: str | None = None  # the sources file could not be read (runtime sources still counted)
    sources_file: str | None = None  # the sources file compared with what is in use (path or label)
    updates_holder: str | None = None  # `host:pid:token` of the process receiving Telegram updates


async def gather(
    store: Store,
    from_file: Sequence[FeedSource],
    now: datetime,
    *,
    where: str,
    sources_error: str | None = None,
    sources_file: str | None = None,
) -> Status:
    server = await store.ops.server()
    runtime = await store.sources.list()
    schedule = await store.feeds.next_checks()
    in_use = sources_in_use(from_file, runtime, schedule)
    sources = await _sources(store, in_use, from_file, runtime, schedule)
    kept, in_window = await store.stories.counts()
    hour = await store.stats.last_hour()
    return Status(
        now=now,
        redis=RedisFacts(where, server.version, server.used_memory, server.maxmemory, server.aof),
        last_poll_tick=await store.ops.last_tick(),
        sources=sources,
        seen_items=await store.seen.count_many(in_use),
        stories_kept=kept,
        stories_in_window=in_window,
        subscriptions=await _subscriptions(store),
        queue=QueueFacts(
            messages=await store.delivery.pending(),
            chats=await store.delivery.chats_waiting(),
            oldest_ready_seconds=round(await store.delivery.oldest_ready_age(), 1),
            awaiting_fanout=await store.delivery.fanout_backlog(),
            digests_scheduled=await store.delivery.scheduled_digests(),
        ),
        last_hour={name: hour[name] for name in HOUR_COUNTERS},
        sources_error=sources_error,
        sources_file=sources_file,
        updates_holder=await store.lease("updates").holder(),
    )


def sources_in_use(
    from_file: Sequence[FeedSource], runtime: Sequence[FeedSource], schedule: dict[str, float]
) -> list[str]:
    """The ids in Redis's schedule (what the last poll used, whatever its sources file), the file's
    first; before any poll, the file's and the admins' sources."""
    configured = [s.id for s in merge_sources(list(from_file), list(runtime))]
    if not schedule:
        return configured
    return [*(i for i in configured if i in schedule), *sorted(set(schedule) - set(configured))]


async def _sources(
    store: Store,
    ids: Sequence[str],
    from_file: Sequence[FeedSource],
    runtime: Sequence[FeedSource],
    schedule: dict[str, float],
) -> SourceFacts:
    file_ids = {s.id for s in from_file}
    runtime_ids = {s.id for s in runtime} - file_ids
    states = await store.feeds.load_many(ids)
    health = Counter(status_of(states[i]) for i in ids if i in states)  # never polled: neither
    due = [schedule[i] for i in ids if i in schedule and not math.isinf(schedule[i])]
    troubled = [i for i in ids if i in states and status_of(states[i]) != "ok"]
    return SourceFacts(
        total=len(ids),
        from_file=sum(i in file_ids for i in ids),
        runtime=sum(i in runtime_ids for i in ids),
        other=sum(i not in file_ids and i not in runtime_ids for i in ids),
        file_total=len(file_ids),
        file_unused=len(file_ids - set(ids)),
        healthy=health["ok"],
        failing=health["failing"],
        paused=health["paused"],
        never_polled=sum(i not in states for i in ids),
        next_due=datetime.fromtimestamp(min(due), UTC) if due else None,
        failing_ids=tuple(troubled[:10]),
    )


async def _subscriptions(store: Store) -> SubscriptionFacts:
    subs = await store.subscriptions.all()
    kinds = Counter(s.kind for s in subs)
    return SubscriptionFacts(
        chats=len(subs),
        active=sum(not s.paused for s in subs),
        paused=sum(s.paused for s in subs),
        instant=sum(s.mode is Mode.INSTANT for s in subs),
        daily=sum(s.mode is Mode.DAILY for s in subs),
        quiet_hours=sum(bool(s.quiet) for s in subs),
        with_filters=sum(bool(s.include or s.exclude) for s in subs),
        by_kind={k.value: kinds[k] for k in ChatKind},
    )


# --- output ----------------------------------------------------------------------------------------------


def to_json(status: Status) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    data: dict[str, Any] = plain(asdict(status))
    return data


def render_text(status: Status, tz: ZoneInfo) -> str:
    s, q, subs, hour = status.sources, status.queue, status.subscriptions, status.last_hour
    r = status.redis
    memory = _bytes(r.used_memory) + (f" of {_bytes(r.maxmemory)}" if r.maxmemory else "")
    kinds = subs.by_kind
    groups = kinds.get("group", 0) + kinds.get("supergroup", 0)
    rows = [
        ("redis", f"{r.where} (Redis {r.version}, {memory} used, AOF {'on' if r.aof else 'off'})"),
        ("last poll tick", _ago(status.last_poll_tick, status.now, tz)),
        ("updates", _holder(status.updates_holder)),
        ("sources", _sources_line(s)),
        ("next check due", _until(s.next_due, status.now)),
        ("seen items", f"{status.seen_items:,}"),
        ("stories", f"{status.stories_kept:,} kept for /latest, {status.stories_in_window:,} in the near-dup window"),
        (
            "subscriptions",
            f"{counted(subs.chats, 'chat')} ({subs.active:,} active, {subs.paused:,} paused): "
            f"{subs.instant:,} instant, {subs.daily:,} daily; {subs.quiet_hours:,} with quiet hours, "
            f"{subs.with_filters:,} with filters",
        ),
        (
            "chats",
            f"{kinds.get('private', 0):,} private, {counted(groups, 'group')}, "
            f"{counted(kinds.get('channel', 0), 'channel')}",
        ),
        ("queue", _queue_line(q)),
        (
            "last hour",
            f"{hour['sent']:,} sent, {hour['flood']:,} rate-limited (429), "
            f"{counted(hour['neterr'], 'network error')}, {hour['rejected']:,} rejected, "
            f"{hour['unknown']:,} unknown outcome, {counted(hour['paused'], 'chat')} paused",
        ),
    ]
    if s.failing_ids:
        rows.insert(4, ("failing/paused", ", ".join(s.failing_ids) + (" …" if s.failing + s.paused > 10 else "")))
    if status.sources_error:
        rows.insert(3, ("sources file", f"UNREADABLE: {status.sources_error}"))
    elif status.sources_file:
        rows.insert(3, ("sources file", _file_line(status.sources_file, s)))
    width = max(len(label) for label, _ in rows)
    head = f"khabar status at {status.now.astimezone(tz):%Y-%m-%d %H:%M:%S} {tz.key}"
    return "\n".join([head, *(f"{label.ljust(width)}  {value}" for label, value in rows)])


def _sources_line(s: SourceFacts) -> str:
    origin = f"{s.from_file:,} from the file, {s.runtime:,} added by admins"
    if s.other:
        origin += f", {s.other:,} from another sources file"
    return (
        f"{counted(s.total, 'source')} ({origin}): {s.healthy:,} healthy, {s.failing:,} failing, "
        f"{s.paused:,} paused, {s.never_polled:,} never polled"
    )


def _file_line(name: str, s: SourceFacts) -> str:
    line = f"{name}: {counted(s.file_total, 'source')}"
    if s.file_unused:
        line += f", {s.file_unused:,} of them not in use"
    if s.other:
        line += " (the sources in use were polled with another file: name it with --sources)"
    return line


def _queue_line(q: QueueFacts) -> str:
    waiting = (
        f"{counted(q.messages, 'message')} for {counted(q.chats, 'chat')}; oldest ready {q.oldest_ready_seconds:.1f} s"
        if q.messages
        else "empty"
    )
    return (
        f"{waiting}; {counted(q.awaiting_fanout, 'story', 'stories')} awaiting fan-out; "
        f"{counted(q.digests_scheduled, 'digest')} scheduled"
    )


def _holder(token: str | None) -> str:
    if token is None:
        return "no process holds the updates lease (no khabar run with a token is receiving commands)"
    host, _, rest = token.partition(":")
    return f"received by {host} (pid {rest.partition(':')[0]})"


def _bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def _span(seconds: float) -> str:
    seconds = abs(seconds)
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _ago(when: datetime | None, now: datetime, tz: ZoneInfo) -> str:
    if when is None:
        return "never (no khabar run has polled with this Redis yet)"
    return f"{_span((now - when).total_seconds())} ago ({when.astimezone(tz):%Y-%m-%d %H:%M:%S})"


def _until(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "none scheduled"
    delta = (when - now).total_seconds()
    return f"in {_span(delta)}" if delta > 0 else f"now (overdue by {_span(delta)})"
