"""Per-source health and schedule: `FeedState` and its pure transitions. Imports nothing of ours but feeds.*.

All policy numbers come in a `SchedulePolicy` (built from Settings by the caller). Transitions:

- `on_success(state, result, now, policy, ...)`: 200 with a parsable feed: keep the validators,
  reset the error count, schedule `next_check`;
- `on_not_modified(state, result, now, policy)`: 304: like success, validators kept;
- `on_failure(state, error, now, policy, retry_after=...)`: count the error, back off exponentially,
  pause after `pause_after_errors` consecutive failures (paused sources are not scheduled; the
  transition into `paused` is reported once by the poller so admins are told once).

next check = clamp(max(base·(1 − jitter·phase), <ttl>, Cache-Control max-age, Retry-After), min_interval,
max_interval); after errors: clamp(max(base·2^(n-1), Retry-After), min_interval, max_backoff).
`phase` is a stable per-source number in [0, 1) (a hash of the source id), so sources added together
get slightly different periods and drift apart instead of being polled — and announced — in lockstep
forever; the server's own hints are never shortened.

`StateStore`, `SeenStore` and `Inbox` are the Protocols the poller needs; bot.store implements them
on Redis. A store that cannot reach its backend raises `StoreUnavailable`: the poller then aborts the
tick without blaming any source (a Redis outage is not a feed error).

Exactly once: `SeenStore.mark` also puts the items chosen as new into the `Inbox`, in the same atomic
step, when (and only when) that call is the one that saw them unseen. The consumer (bot.pipeline)
acknowledges an item once its story is stored and announced; `Inbox.reclaim` hands back items whose
processing lease ran out (the process died in between), so a crash delays an item but never loses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from feeds.fetch import FetchResult
from feeds.identity import stable_hash
from feeds.model import FeedItem


class StoreUnavailable(Exception):
    """The state store's backend cannot be reached right now (not a bug, not the source's fault)."""


POLL_FLOOR = 60  # seconds: khabar never polls one source more often (sources files and settings refuse less)


@dataclass(frozen=True, slots=True)
class SchedulePolicy:
    base_interval: int = 600
    min_interval: int = POLL_FLOOR
    max_interval: int = 6 * 3600
    max_backoff: int = 24 * 3600
    pause_after_errors: int = 20
    jitter: float = 0.1  # a source's period is shortened by up to this fraction of the base interval
    phase: float = 0.0  # this source's place in that range, [0, 1)

    def for_source(self, interval: int | None, source_id: str | None = None) -> SchedulePolicy:
        policy = self if interval is None else replace(self, base_interval=interval)
        return policy if source_id is None else replace(policy, phase=source_phase(source_id))


def source_phase(source_id: str) -> float:
    """A stable number in [0, 1) for a source (the same in every process and Python version)."""
    return int(stable_hash("phase", source_id), 16) / 2**64


@dataclass(frozen=True, slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    error_count: int = 0  # consecutive failures
    last_error: str | None = None
    last_status: int | None = None
    checked_at: datetime | None = None
    last_success_at: datetime | None = None
    first_success_at: datetime | None = None  # the baseline poll; None → the next success is the first
    next_check_at: datetime | None = None  # None while paused
    paused: bool = False
    items: int = 0  # entries in the last parsed document


def next_check(
    now: datetime,
    policy: SchedulePolicy,
    *,
    ttl: int | None = None,
    max_age: int | None = None,
    retry_after: float | None = None,
) -> datetime:
    """When a healthy source is next due: the base interval stretched by the server's hints, clamped."""
    base = policy.base_interval * (1 - policy.jitter * policy.phase)
    wanted = max(base, ttl or 0, max_age or 0, retry_after or 0)
    seconds = min(max(wanted, policy.min_interval), policy.max_interval)
    return now + timedelta(seconds=seconds)


def backoff(now: datetime, policy: SchedulePolicy, errors: int, retry_after: float | None = None) -> datetime:
    """When a failing source is retried: exponential in consecutive errors, at least Retry-After, capped."""
    exp = policy.base_interval * 2 ** min(max(errors - 1, 0), 30)
    seconds = min(max(exp, retry_after or 0, policy.min_interval), policy.max_backoff)
    return now + timedelta(seconds=seconds)


def on_success(
    state: FeedState,
    result: FetchResult,
    now: datetime,
    policy: SchedulePolicy,
    *,
    ttl: int | None = None,
    items: int = 0,
) -> FeedState:
    return replace(
        state,
        etag=result.etag,
        last_modified=result.last_modified,
        error_count=0,
        last_error=None,
        last_status=result.status,
        checked_at=now,
        last_success_at=now,
        first_success_at=state.first_success_at or now,
        next_check_at=next_check(now, policy, ttl=ttl, max_age=result.cache_max_age, retry_after=result.retry_after),
        paused=False,
        items=items,
    )


def on_not_modified(state: FeedState, result: FetchResult, now: datetime, policy: SchedulePolicy) -> FeedState:
    return replace(
        state,
        etag=result.etag or state.etag,
        last_modified=result.last_modified or state.last_modified,
        error_count=0,
        last_error=None,
        last_status=result.status,
        checked_at=now,
        last_success_at=now,
        next_check_at=next_check(now, policy, max_age=result.cache_max_age, retry_after=result.retry_after),
        paused=False,
    )


def on_failure(
    state: FeedState,
    error: str,
    now: datetime,
    policy: SchedulePolicy,
    *,
    status: int | None = None,
    retry_after: float | None = None,
) -> FeedState:
    errors = state.error_count + 1
    paused = errors >= policy.pause_after_errors
    return replace(
        state,
        error_count=errors,
        last_error=error,
        last_status=status,
        checked_at=now,
        next_check_at=None if paused else backoff(now, policy, errors, retry_after),
        paused=paused,
    )


def resumed(state: FeedState, now: datetime) -> FeedState:
    """An admin resumes a paused source: due now, errors forgotten."""
    return replace(state, paused=False, error_count=0, next_check_at=now)


@dataclass(frozen=True, slots=True)
class SeenMark:
    """Answer of one atomic mark-and-check over a document's entries."""

    known_before: bool  # the source had any seen-state before this call
    unseen: tuple[bool, ...]  # per entry: none of its identities had been seen


class StateStore(Protocol):
    async def load(self, source_id: str) -> FeedState | None: ...

    async def save(self, source_id: str, state: FeedState) -> None:
        """Persist the state, reschedule (or unschedule when paused) and release the claim."""
        ...

    async def claim_due(self, now: datetime, limit: int, lease: int) -> list[str]:
        """Atomically take up to `limit` due, unclaimed sources; each is claimed by one caller only."""
        ...

    async def claim(self, source_ids: Sequence[str], now: datetime, lease: int) -> list[str]:
        """Atomically claim the given sources whatever their schedule (skipping ones claimed by others)."""
        ...


class SeenStore(Protocol):
    async def check(self, source_id: str, identities: Sequence[Sequence[str]]) -> SeenMark:
        """Which entries are unseen now (reads only; `mark` decides)."""
        ...

    async def mark(
        self,
        source_id: str,
        identities: Sequence[Sequence[str]],
        now: datetime,
        queue: Sequence[tuple[int, FeedItem]] = (),
    ) -> SeenMark:
        """In one atomic step: report which entries are unseen, mark all of them seen, and put each
        `queue` item (entry index, item) into the inbox if its entry was unseen until this call."""
        ...


class Inbox(Protocol):
    async def reclaim(self, now: datetime, lease: int, limit: int) -> Sequence[FeedItem]:
        """Items queued by `SeenStore.mark` whose processing lease (seconds) ran out unacknowledged;
        each is leased again to the caller."""
        ...
