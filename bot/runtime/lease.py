"""One getUpdates consumer across every khabar process: the updates lease and its keeper.

Telegram serves getUpdates to one client at a time (a second poller gets 409 Conflict) and sends
webhook calls to one URL. Every `khabar run` therefore runs a `LeaseKeeper` around its updater:

* it tries to take the Redis lease (bot.store.lease: SET NX PX, a token naming this process) every
  `retry_every` seconds; the holder starts the updater (long polling, or the webhook server plus
  setWebhook) and renews the lease every `renew_every` seconds;
* all the other work — poll ticks, fan-out, digests, the delivery worker — runs in every process,
  coordinated through Redis; only the updater waits for the lease;
* a holder that learns someone else holds the lease stops its updater at once; one that cannot
  reach Redis stops it once its last successful renewal is `ttl - renew_every` seconds old, i.e.
  before the lease can expire in Redis and another process take it — so two updaters never overlap
  as long as the processes' clocks run at the same rate;
* a graceful stop stops the updater, then releases the lease, so another process takes over within
  `retry_every` seconds (a rolling upgrade); a crashed holder is replaced once its lease expires
  (`ttl`, KHABAR_UPDATES_LEASE, default 10 s).

Every Redis call is bounded by `op_timeout` (the client would otherwise retry for ~20 s while the
lease runs out). The keeper knows nothing of PTB: it starts and stops an `Updates` (bot.telegram.updates).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Protocol

from bot.runtime.outage import Monotonic, Outage, describe, is_redis_outage

log = logging.getLogger("khabar.lease")


class Lease(Protocol):
    """bot.store.lease.RedisLease."""

    async def acquire(self, token: str, ttl_ms: int) -> bool: ...

    async def renew(self, token: str, ttl_ms: int) -> bool: ...

    async def release(self, token: str) -> bool: ...


class Updates(Protocol):
    """What the lease holder runs (PTB's updater, bot.telegram.updates.PtbUpdates)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass(frozen=True, slots=True)
class LeaseConfig:
    ttl: float = 10.0  # seconds the lease lasts unrenewed
    renew_every: float = 3.0
    retry_every: float = 1.0  # how often a process without the lease tries to take it
    op_timeout: float = 2.0  # bound on one Redis call

    @classmethod
    def for_ttl(cls, ttl: float) -> LeaseConfig:
        return cls(ttl=ttl, renew_every=ttl / 3, retry_every=min(1.0, ttl / 5), op_timeout=min(2.0, ttl / 5))


def holder_token() -> str:
    """`host:pid:random`: unique, and tells an operator which process holds the lease."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class LeaseKeeper:
    def __init__(
        self,
        lease: Lease,
        updates: Updates,
        config: LeaseConfig,
        outage: Outage,
        *,
        token: str | None = None,
        clock: Monotonic = time.monotonic,
    ) -> None:
        self._lease = lease
        self._updates = updates
        self._cfg = config
        self._outage = outage
        self._clock = clock
        self.token = token or holder_token()
        self._ttl_ms = int(config.ttl * 1000)
        self.held = False
        self._valid_until = 0.0  # monotonic time by which the updater must have stopped
        self._start_failed = False
        self._task: asyncio.Task[None] | None = None

    # --- lifecycle ---------------------------------------------------------------------------------------
    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="khabar-updates-lease")

    async def stop(self) -> None:
        """Stop the updater (if running here) and release the lease for the next holder."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self.held:
            await self._stand_down("this process is stopping", logging.INFO)
            try:
                await asyncio.wait_for(self._lease.release(self.token), self._cfg.op_timeout)
            except Exception as exc:  # it expires by itself within the lease ttl
                log.debug("lease release failed", extra={"error": describe(exc)})

    async def _run(self) -> None:
        while True:
            try:
                delay = await self.step()
            except Exception:  # a bug: keep the keeper alive (its stand-down rules still hold next round)
                log.exception("updates lease keeper failed; retrying")
                delay = self._cfg.retry_every
            await asyncio.sleep(delay)

    # --- one round -----------------------------------------------------------------------------------------
    async def step(self) -> float:
        """Take, renew or give up the lease; returns the seconds until the next round."""
        started = self._clock()
        try:
            ours = await asyncio.wait_for(self._call(), self._cfg.op_timeout)
        except Exception as exc:
            if not (is_redis_outage(exc) or isinstance(exc, TimeoutError)):
                raise
            self._outage.failed(exc)
            if self.held and self._clock() >= self._valid_until:
                await self._stand_down("the lease could not be renewed in time (redis unavailable)")
            return self._cfg.retry_every
        if self.held and not ours:
            await self._stand_down("another instance holds the lease")
        elif ours:
            self._valid_until = started + self._cfg.ttl - self._cfg.renew_every
            if not self.held:
                await self._take_over()
        if self.held:  # renew one period after this round began, however long starting the updater took
            return max(0.0, started + self._cfg.renew_every - self._clock())
        return self._cfg.retry_every

    async def _call(self) -> bool:
        if self.held:
            return await self._lease.renew(self.token, self._ttl_ms)
        return await self._lease.acquire(self.token, self._ttl_ms)

    async def _take_over(self) -> None:
        self.held = True
        try:
            await self._updates.start()
        except Exception as exc:  # e.g. Telegram unreachable: let another process (or a later round) try
            self.held = False
            if not self._start_failed:
                log.warning("could not start receiving updates; will retry", extra={"error": describe(exc)})
            self._start_failed = True
            await self._release_quietly()
            return
        self._start_failed = False
        log.info("this instance now receives Telegram updates (lease taken)", extra={"holder": self.token})

    async def _stand_down(self, why: str, level: int = logging.WARNING) -> None:
        self.held = False
        log.log(level, "this instance stops receiving Telegram updates", extra={"reason": why})
        try:
            await self._updates.stop()
        except Exception as exc:
            log.warning("stopping the updater failed", extra={"error": describe(exc)})

    async def _release_quietly(self) -> None:
        try:
            await asyncio.wait_for(self._lease.release(self.token), self._cfg.op_timeout)
        except Exception as exc:
            log.debug("lease release failed", extra={"error": describe(exc)})
