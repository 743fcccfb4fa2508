"""The updates lease: one holder across processes, handed over on stop, given up before it can expire."""

from __future__ import annotations

import asyncio
import logging

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.runtime.lease import LeaseConfig, LeaseKeeper
from bot.runtime.outage import Outage
from bot.store import Store

CFG = LeaseConfig(ttl=10.0, renew_every=3.0, retry_every=1.0, op_timeout=2.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeUpdates:
    def __init__(self, fail_starts: int = 0) -> None:
        self.running = False
        self.starts = 0
        self.stops = 0
        self.fail_starts = fail_starts

    async def start(self) -> None:
        if self.fail_starts:
            self.fail_starts -= 1
            raise OSError("Telegram unreachable")
        self.running = True
        self.starts += 1

    async def stop(self) -> None:
        self.running = False
        self.stops += 1


class DownLease:
    """A lease whose Redis went away."""

    async def acquire(self, token: str, ttl_ms: int) -> bool:
        raise RedisConnectionError("Connection refused")

    renew = acquire

    async def release(self, token: str) -> bool:
        raise RedisConnectionError("Connection refused")


async def test_redis_lease_is_token_checked(store: Store) -> None:
    lease = store.lease("updates")
    assert await lease.acquire("a", 10_000) and not await lease.acquire("b", 10_000)
    assert await lease.holder() == "a"
    assert not await lease.renew("b", 10_000) and not await lease.release("b")  # not b's to touch
    assert await lease.renew("a", 200)
    await asyncio.sleep(0.4)
    assert await lease.holder() is None and not await lease.renew("a", 10_000)  # expired: gone for a
    assert await lease.acquire("b", 10_000) and await lease.release("b") and await lease.holder() is None


async def test_one_holder_and_a_handover_on_stop(store: Store) -> None:
    clock = Clock()
    a_updates, b_updates = FakeUpdates(), FakeUpdates()
    a = LeaseKeeper(store.lease("updates"), a_updates, CFG, Outage(), token="a", clock=clock)
    b = LeaseKeeper(store.lease("updates"), b_updates, CFG, Outage(), token="b", clock=clock)
    assert await a.step() == CFG.renew_every and a.held and a_updates.running
    assert await b.step() == CFG.retry_every and not b.held and not b_updates.running
    clock.now += 3
    await a.step()
    await b.step()
    assert a.held and not b.held and a_updates.starts == 1  # renewed, not restarted
    await a.stop()  # graceful: updater stopped first, then the lease released
    assert not a_updates.running and await store.lease("updates").holder() is None
    await b.step()
    assert b.held and b_updates.running
    await b.stop()


async def test_a_holder_that_lost_the_lease_stops_at_once(store: Store) -> None:
    clock = Clock()
    updates = FakeUpdates()
    a = LeaseKeeper(store.lease("updates"), updates, CFG, Outage(), token="a", clock=clock)
    await a.step()
    await store.redis.delete(store.keys.lease_key("updates"))  # it expired (say a.step stalled) …
    assert await store.lease("updates").acquire("b", 10_000)  # … and another process took it
    await a.step()
    assert not a.held and not updates.running and updates.stops == 1
    assert await store.lease("updates").holder() == "b"


async def test_without_redis_the_holder_stands_down_before_the_lease_can_expire(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    updates = FakeUpdates()
    outage = Outage(clock=clock)
    a = LeaseKeeper(store.lease("updates"), updates, CFG, outage, token="a", clock=clock)
    await a.step()  # taken at t=1000: valid in Redis until ≥ 1010
    a._lease = DownLease()
    caplog.set_level(logging.INFO)
    for _ in range(6):  # renewals fail for 6 s
        clock.now += 1
        assert await a.step() == CFG.retry_every
        assert a.held and updates.running
    clock.now += 1  # t=1007 = 1010 - renew_every: stop now, while the lease surely still exists
    await a.step()
    assert not a.held and not updates.running
    assert [r.message for r in caplog.records if r.levelno == logging.WARNING].count(
        "redis unavailable: work pauses until it is back (retrying with back-off)"
    ) == 1  # the outage, once


async def test_an_updater_that_cannot_start_gives_the_lease_back(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    updates = FakeUpdates(fail_starts=3)
    a = LeaseKeeper(store.lease("updates"), updates, CFG, Outage(), token="a", clock=Clock())
    for _ in range(3):
        assert await a.step() == CFG.retry_every and not a.held
        assert await store.lease("updates").holder() is None  # another process may try meanwhile
    await a.step()
    assert a.held and updates.running
    warnings = [r for r in caplog.records if "could not start receiving updates" in r.message]
    assert len(warnings) == 1
    await a.stop()


async def test_the_keeper_task_runs_and_stops(store: Store) -> None:
    updates = FakeUpdates()
    a = LeaseKeeper(store.lease("updates"), updates, LeaseConfig.for_ttl(3.0), Outage())
    a.start()
    for _ in range(100):
        if updates.running:
            break
        await asyncio.sleep(0.02)
    assert updates.running and (await store.lease("updates").holder() or "").startswith(a.token.split(":")[0])
    await a.stop()
    assert not updates.running and await store.lease("updates").holder() is None
