"""Poller: one tick over the due sources; fetch → parse → dedupe → full text, one log line per step.

Imports nothing of ours but feeds.*. `poll_due(deps, sources, now)`:

1. takes back inbox items whose processing lease ran out (a process died between marking them
   seen and storing their stories), full text included, to hand them on again;
2. claims due sources from the schedule (`StateStore.claim_due`; or, with `force`, the given
   sources whatever their schedule) — each claim is atomic, so several processes split the work;
3. polls each claimed source with at most `per_host` connections per host and `concurrency`
   fetches in flight overall;
4. per source, in a flat sequence: fetch (conditional GET) → parse → check the seen-state → select
   what is new → mark the seen-state *and* put the new items into the inbox (one atomic operation;
   an item goes in only if this call is the one that saw it unseen) → full text for teasers → new
   `FeedState` (saved, which also reschedules and releases the claim).

The caller acknowledges each returned item in the inbox once it has been handled (bot.pipeline), so
every new item is handed on until it is handled: at least once, and, with a consumer that handles an
item twice as once (bot.store.stories), exactly once. A store that cannot be reached
(`StoreUnavailable`) aborts the tick with that error; it is not counted against any source.

What counts as new: an entry none of whose identities was ever seen. On a source's first poll
(or after its seen-state expired) nothing is new except the `backfill` newest entries; afterwards an
unseen entry dated before the first poll (minus `late_item_grace`) or before the seen-state's memory
is an old item sliding back into a "latest N" feed, and is not announced. Dates alone never decide:
they only veto unseen items.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

import httpx

from feeds.fetch import FetchConfig, FetchResult, fetch
from feeds.fulltext import FulltextConfig, fetch_fulltext, is_teaser, plain_length
from feeds.model import FeedItem, FeedSource
from feeds.parse import Entry, ParseResult, parse_feed
from feeds.state import (
    FeedState,
    Inbox,
    SchedulePolicy,
    SeenMark,
    SeenStore,
    StateStore,
    StoreUnavailable,
    on_failure,
    on_not_modified,
    on_success,
)

log = logging.getLogger("khabar.feeds")


@dataclass(frozen=True, slots=True)
class PollConfig:
    fetch: FetchConfig
    schedule: SchedulePolicy = field(default_factory=SchedulePolicy)
    fulltext: FulltextConfig = field(default_factory=FulltextConfig)
    fulltext_enabled: bool = True
    fulltext_per_poll: int = 10
    concurrency: int = 16
    per_host: int = 2
    backfill: int = 0
    late_item_grace: int = 3600
    memory: int = 30 * 86400  # how long the seen-state remembers (Settings.seen_ttl)
    lease: int = 300
    batch: int = 500
    inbox_lease: int = 60  # seconds an inbox item stays with the process handling it
    inbox_batch: int = 100  # inbox items taken back per tick at most


@dataclass(frozen=True, slots=True)
class PollDeps:
    client: httpx.AsyncClient
    states: StateStore
    seen: SeenStore
    config: PollConfig
    inbox: Inbox | None = None  # None: nothing is taken back (e.g. in-memory fakes)


class Outcome(StrEnum):
    OK = "ok"  # fetched and parsed (new items or not)
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    source_id: str
    outcome: Outcome
    status: int | None
    entries: int = 0
    new: int = 0
    error: str | None = None
    state: FeedState = field(default_factory=FeedState)
    became_paused: bool = False
    elapsed: float = 0.0  # seconds spent on this source (fetch, parse, dedupe, full text, save)


@dataclass(frozen=True, slots=True)
class PollResult:
    items: tuple[FeedItem, ...]
    outcomes: tuple[SourceOutcome, ...]

    @property
    def paused(self) -> tuple[str, ...]:
        """Sources paused by this poll (report each to the admins once)."""
        return tuple(o.source_id for o in self.outcomes if o.became_paused)


class HostLimiter:
    """One semaphore per host, created on first use."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._sems: dict[str, asyncio.Semaphore] = {}

    def __call__(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        return self._sems.setdefault(host, asyncio.Semaphore(self._per_host))


async def poll_due(
    deps: PollDeps,
    sources: Sequence[FeedSource],
    now: datetime,
    *,
    force: bool = False,
    backfill: int | None = None,
) -> PollResult:
    """Claim and poll due sources (all given sources with `force`). Returns new items and outcomes."""
    by_id = {s.id: s for s in sources}
    cfg = deps.config
    run = _Run(deps, now, cfg.backfill if backfill is None else backfill)
    reclaimed = await run.reclaim()
    if force:
        claimed = await deps.states.claim(list(by_id), now, cfg.lease)
    else:
        claimed = await deps.states.claim_due(now, cfg.batch, cfg.lease)
    unknown = [sid for sid in claimed if sid not in by_id]
    log.info("poll.claim", extra={"claimed": len(claimed), "unknown": len(unknown), "forced": force})
    todo = interleave_by_host([by_id[sid] for sid in claimed if sid in by_id])
    results = _all_or_raise(await asyncio.gather(*(run.source(s) for s in todo), return_exceptions=True))
    items = tuple(reclaimed) + tuple(item for _, found in results for item in found)
    return PollResult(items, tuple(outcome for outcome, _ in results))


def _all_or_raise[T](results: Sequence[T | BaseException]) -> list[T]:
    """Every source finished (none left running); re-raise the first failure (StoreUnavailable)."""
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return [r for r in results if not isinstance(r, BaseException)]


class _Run:
    """One tick's shared limits and context."""

    def __init__(self, deps: PollDeps, now: datetime, backfill: int) -> None:
        self.deps = deps
        self.cfg = deps.config
        self.now = now
        self.backfill = backfill
        self.hosts = HostLimiter(self.cfg.per_host)
        self.slots = asyncio.Semaphore(self.cfg.concurrency)  # fetches in flight
        # Sources in progress: bounds the Redis connections used at once (one operation per source).
        self.in_progress = asyncio.Semaphore(2 * self.cfg.concurrency)

    async def fetch_feed(self, source: FeedSource, state: FeedState) -> FetchResult:
        async with self.hosts(source.url), self.slots:
            return await fetch(
                self.deps.client,
                source.url,
                self.cfg.fetch,
                etag=state.etag,
                last_modified=state.last_modified,
                allow_file=source.from_file,
                now=self.now,
            )

    async def source(self, source: FeedSource) -> tuple[SourceOutcome, list[FeedItem]]:
        async with self.in_progress:
            started = time.monotonic()
            outcome, items = await self._guarded(source)
            return replace(outcome, elapsed=time.monotonic() - started), items

    async def reclaim(self) -> list[FeedItem]:
        """Inbox items a crashed (or stalled) process left unhandled, full text included."""
        if self.deps.inbox is None:
            return []
        items = list(await self.deps.inbox.reclaim(self.now, self.cfg.inbox_lease, self.cfg.inbox_batch))
        if not items:
            return []
        log.warning("poll.reclaim: items left unhandled by a stopped process", extra={"items": len(items)})
        return await self._complete(items)

    async def _guarded(self, source: FeedSource) -> tuple[SourceOutcome, list[FeedItem]]:
        state = FeedState()
        try:
            state = await self.deps.states.load(source.id) or FeedState()
            return await self._poll(source, state)
        except StoreUnavailable:
            raise  # Redis is away: abort the tick (bot.runtime.outage logs it once), blame no source
        except Exception as exc:  # a bug must not stop the other sources
            log.exception("poll.crash", extra={"source_id": source.id})
            outcome = await self._finish_failed(source, state, f"internal: {type(exc).__name__}: {exc}", None)
            return outcome, []

    async def _poll(self, source: FeedSource, state: FeedState) -> tuple[SourceOutcome, list[FeedItem]]:
        result = await self.fetch_feed(source, state)
        _log_fetch(source, result)
        if result.error is not None:
            return await self._finish_failed(source, state, str(result.error), result), []
        policy = self.cfg.schedule.for_source(source.interval, source.id)
        if result.not_modified:
            unchanged = on_not_modified(state, result, self.now, policy)
            return await self._save(source, state, unchanged, Outcome.NOT_MODIFIED, result), []
        parsed = await parse_feed(result.body, result.base_url, result.content_type, self.now)
        _log_parse(source, parsed)
        if parsed.error is not None:
            return await self._finish_failed(source, state, str(parsed.error), result), []
        fresh = await self._dedupe(source, state, parsed)
        items = await self._complete(fresh)
        new_state = on_success(state, result, self.now, policy, ttl=parsed.ttl, items=len(parsed.entries))
        outcome = await self._save(
            source, state, new_state, Outcome.OK, result, entries=len(parsed.entries), new_items=len(items)
        )
        return outcome, items

    async def _dedupe(self, source: FeedSource, state: FeedState, parsed: ParseResult) -> list[FeedItem]:
        """The new items, already in the inbox: check → select → mark-and-queue (atomic)."""
        entries = list(parsed.entries)
        identities = [e.identities for e in entries]
        peek = await self.deps.seen.check(source.id, identities)
        fresh = select_new(entries, peek, state, self.now, self.cfg, self.backfill)
        index = {id(e): i for i, e in enumerate(entries)}
        queue = [(index[id(e)], self._item(source, e)) for e in fresh]
        mark = await self.deps.seen.mark(source.id, identities, self.now, queue)
        items = [item for i, item in queue if mark.unseen[i]]  # another process may have just taken one
        log.info(
            "feed.dedupe",
            extra={
                "source_id": source.id,
                "entries": len(entries),
                "unseen": sum(mark.unseen),
                "new": len(items),
                "baseline": is_baseline(state, peek),
            },
        )
        return items

    def _item(self, source: FeedSource, entry: Entry) -> FeedItem:
        return FeedItem(
            source_id=source.id,
            source_name=source.name,
            key=entry.key,
            url=entry.link,
            title=entry.title,
            text=best_text(entry),
            published=entry.published or self.now,
            province=source.province,
        )

    async def _complete(self, items: list[FeedItem]) -> list[FeedItem]:
        """Full text for teasers, at most `fulltext_per_poll` article pages per call."""
        budget = self.cfg.fulltext_per_poll if self.cfg.fulltext_enabled else 0
        tasks = []
        for item in items:
            wants_page = budget > 0 and _fetchable(item.url) and is_teaser(item.text, self.cfg.fulltext)
            if wants_page:
                budget -= 1
            tasks.append(self._fulltext(item) if wants_page else _as_is(item))
        return list(await asyncio.gather(*tasks))

    async def _fulltext(self, item: FeedItem) -> FeedItem:
        assert item.url is not None
        async with self.hosts(item.url), self.slots:
            got = await fetch_fulltext(self.deps.client, item.url, self.cfg.fetch, self.cfg.fulltext)
        log.info(
            "feed.fulltext",
            extra={
                "source_id": item.source_id,
                "item_key": item.key,
                "status": got.status,
                "chars": len(got.text or ""),
                "error": got.error or "-",
            },
        )
        title = item.title or (got.page.title if got.page else None)  # a title-less item takes the page's
        if got.text is not None and len(got.text) > plain_length(item.text):
            return replace(item, text=got.text, title=title)
        return replace(item, title=title)

    async def _finish_failed(
        self, source: FeedSource, state: FeedState, error: str, result: FetchResult | None
    ) -> SourceOutcome:
        policy = self.cfg.schedule.for_source(source.interval, source.id)
        status = result.status if result else None
        retry_after = result.retry_after if result else None
        new_state = on_failure(state, error, self.now, policy, status=status, retry_after=retry_after)
        return await self._save(source, state, new_state, Outcome.FAILED, result, error=error)

    async def _save(
        self,
        source: FeedSource,
        old: FeedState,
        new: FeedState,
        outcome: Outcome,
        result: FetchResult | None,
        *,
        entries: int = 0,
        new_items: int = 0,
        error: str | None = None,
    ) -> SourceOutcome:
        await self.deps.states.save(source.id, new)
        became_paused = new.paused and not old.paused
        log.log(
            logging.WARNING if became_paused else logging.INFO,
            "feed.state",
            extra={
                "source_id": source.id,
                "outcome": str(outcome),
                "errors": new.error_count,
                "next_check": new.next_check_at.isoformat() if new.next_check_at else "paused",
                "became_paused": became_paused,
            },
        )
        return SourceOutcome(
            source.id,
            outcome,
            result.status if result else None,
            entries=entries,
            new=new_items,
            error=error,
            state=new,
            became_paused=became_paused,
        )


async def _as_is(item: FeedItem) -> FeedItem:
    return item


def _fetchable(url: str | None) -> bool:
    return url is not None and url.startswith(("http://", "https://"))


def interleave_by_host(sources: Sequence[FeedSource]) -> list[FeedSource]:
    """Round-robin over hosts, so sources in progress are spread over hosts, not queued on one."""
    by_host: dict[str, list[FeedSource]] = {}
    for s in sources:
        by_host.setdefault(s.host, []).append(s)
    queues = list(by_host.values())
    out: list[FeedSource] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out.extend(q[i] for q in queues if i < len(q))
    return out


def is_baseline(state: FeedState, mark: SeenMark) -> bool:
    """A source's first successful poll, or one whose seen-state has expired: announce nothing old."""
    return state.first_success_at is None or not mark.known_before


def select_new(
    entries: Sequence[Entry], mark: SeenMark, state: FeedState, now: datetime, cfg: PollConfig, backfill: int
) -> list[Entry]:
    """Which unseen entries to announce (see the module docstring). Pure."""
    unseen = [e for e, u in zip(entries, mark.unseen, strict=True) if u]
    if is_baseline(state, mark):
        return newest_first(unseen, now)[: max(backfill, 0)]
    horizon = now - timedelta(seconds=cfg.memory)
    if state.first_success_at is not None:
        horizon = max(horizon, state.first_success_at - timedelta(seconds=cfg.late_item_grace))
    return [e for e in unseen if e.published is None or e.published >= horizon]


def newest_first(entries: Sequence[Entry], now: datetime) -> list[Entry]:
    """By date, newest first; undated entries count as seen now; ties keep document order."""
    return sorted(entries, key=lambda e: (-(e.published or now).timestamp(), e.position))


def best_text(entry: Entry) -> str:
    """The fuller of the entry's content and summary."""
    return entry.content if plain_length(entry.content) >= plain_length(entry.summary) else entry.summary


def _log_fetch(source: FeedSource, result: FetchResult) -> None:
    log.info(
        "feed.fetch",
        extra={
            "source_id": source.id,
            "feed_url": source.url,
            "status": result.status,
            "bytes": len(result.body),
            "ms": int(result.elapsed * 1000),
            "error": result.error.kind if result.error else "-",
        },
    )


def _log_parse(source: FeedSource, parsed: ParseResult) -> None:
    log.info(
        "feed.parse",
        extra={
            "source_id": source.id,
            "entries": len(parsed.entries),
            "version": parsed.version or "-",
            "encoding": parsed.encoding or "-",
            "bozo": bool(parsed.bozo),
            "error": parsed.error.kind if parsed.error else "-",
        },
    )


__all__ = ["Outcome", "PollConfig", "PollDeps", "PollResult", "SourceOutcome", "poll_due", "select_new"]
