"""Observability at the composition layer: count what the stages return, keep gauges fresh, run /healthz.

Nothing here reaches into feeds/ or digest/: the counts come from the values the stages already
return (`CycleResult` and its `SourceOutcome`s), so the stages stay free of metrics.

- `count_cycle(metrics, result)`: one poll cycle → polls by outcome, poll time per source, items
  new/duplicate, stories clustered, digests built and their extraction time, sources paused.
- `Heartbeat`: when this process's poll tick last started and finished (monotonic clock).
- `Observer`: notes each poll tick (in process, and in Redis for `khabar status`), refreshes the
  queue gauges from Redis on a tick, and answers the health probe that /healthz serves:

  | check     | passes when                                                                       |
  | --------- | --------------------------------------------------------------------------------- |
  | redis     | PING answers within PING_TIMEOUT                                                  |
  | scheduler | the last poll tick finished within 3 tick intervals, or one is running for less   |
  |           | than the source claim lease (a slow tick is alive; a hung one is not)             |
  | queue     | the longest-ready chat has waited less than KHABAR_QUEUE_STUCK_AFTER seconds      |
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime

from bot.pipeline import CycleResult
from bot.runtime.health_server import Health
from bot.runtime.metrics import Metrics
from bot.settings import Settings
from bot.store import Store
from feeds.poller import Outcome

log = logging.getLogger("khabar.observe")

PING_TIMEOUT = 1.0  # seconds
TICKS_MISSED = 3  # poll ticks that may pass without one finishing before the scheduler counts as dead
OBSERVE_TICK = 15.0  # seconds between refreshes of the queue gauges


def count_cycle(metrics: Metrics, result: CycleResult) -> None:
    """Count one poll cycle's result."""
    for outcome in result.outcomes:
        metrics.polls.labels(outcome.outcome.value).inc()
        metrics.poll_seconds.observe(outcome.elapsed)
        if outcome.outcome is Outcome.OK:
            metrics.items.labels("duplicate").inc(max(0, outcome.entries - outcome.new))
    metrics.items.labels("new").inc(result.items)
    metrics.stories_clustered.inc(result.clustered)
    metrics.digests.inc(len(result.extract_seconds))
    for seconds in result.extract_seconds:
        metrics.extract_seconds.observe(seconds)
    metrics.sources_paused.inc(len(result.paused))


@dataclass
class Heartbeat:
    """Poll tick times of this process (time.monotonic)."""

    born: float = field(default_factory=time.monotonic)
    started: float | None = None
    finished: float | None = None

    def begin(self) -> None:
        self.started = time.monotonic()

    def end(self) -> None:
        self.finished = time.monotonic()

    def check(self, interval: float, longest_tick: float, now: float | None = None) -> tuple[bool, str]:
        """(alive, why) — see the module docstring."""
        now = time.monotonic() if now is None else now
        running = self.started is not None and (self.finished is None or self.finished < self.started)
        if running:
            assert self.started is not None
            took = now - self.started
            return took <= longest_tick, f"poll tick running for {took:.1f} s (limit {longest_tick:.0f} s)"
        last = self.finished if self.finished is not None else self.born
        ago = now - last
        limit = TICKS_MISSED * interval
        what = "last poll tick finished" if self.finished is not None else "no poll tick yet; started"
        return ago <= limit, f"{what} {ago:.1f} s ago (limit {limit:.0f} s)"


class Observer:
    """One per process: ticks, gauges and the health probe (built in post_init)."""

    def __init__(self, metrics: Metrics, store: Store, settings: Settings, heartbeat: Heartbeat | None = None) -> None:
        self.metrics = metrics
        self._store = store
        self._settings = settings
        self.heartbeat = heartbeat or Heartbeat()

    async def tick_started(self, now: datetime) -> None:
        self.heartbeat.begin()
        self.metrics.last_tick.set(now.timestamp())
        try:
            await self._store.ops.mark_tick(now)
        except Exception as exc:  # Redis trouble shows in the redis check; the tick itself goes on
            log.warning("could not record the poll tick", extra={"error": repr(exc)})

    def tick_finished(self) -> None:
        self.heartbeat.end()

    async def refresh(self) -> None:
        """Queue length and oldest ready age, from Redis."""
        queue = self._store.delivery
        self.metrics.queue_length.set(await queue.pending())
        self.metrics.queue_oldest_age.set(await queue.oldest_ready_age())

    async def health(self) -> Health:
        checks: dict[str, bool] = {}
        details: dict[str, str] = {}
        checks["redis"], details["redis"] = await self._redis()
        checks["scheduler"], details["scheduler"] = self.heartbeat.check(
            self._settings.poll_tick, max(self._settings.claim_lease, TICKS_MISSED * self._settings.poll_tick)
        )
        if checks["redis"]:
            checks["queue"], details["queue"] = await self._queue()
        else:
            checks["queue"], details["queue"] = False, "unknown: redis unreachable"
        return Health(checks, details)

    async def _redis(self) -> tuple[bool, str]:
        started = time.perf_counter()
        try:
            await asyncio.wait_for(self._store.redis.ping(), PING_TIMEOUT)
        except Exception as exc:
            return False, f"no answer to PING within {PING_TIMEOUT:g} s: {type(exc).__name__}"
        return True, f"PING answered in {(time.perf_counter() - started) * 1000:.1f} ms"

    async def _queue(self) -> tuple[bool, str]:
        try:
            async with asyncio.timeout(PING_TIMEOUT * 2):
                pending = await self._store.delivery.pending()
                age = await self._store.delivery.oldest_ready_age()
        except Exception as exc:
            return False, f"unknown: {type(exc).__name__}"
        limit = self._settings.queue_stuck_after
        self.metrics.queue_length.set(pending)
        self.metrics.queue_oldest_age.set(age)
        return age < limit, f"{pending} messages waiting; oldest ready for {age:.1f} s (limit {limit} s)"
