"""Redis outages are logged once (a warning, then one recovery line) and jobs wait them out."""

from __future__ import annotations

import asyncio
import copy
import logging
from typing import Any

import pytest
import redis.asyncio as aioredis
from redis.backoff import NoBackoff
from redis.exceptions import BusyLoadingError, ReadOnlyError, ResponseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.runtime.outage import Backoff, Guarded, Outage, is_redis_outage, store_call
from bot.runtime.redis_conn import ObservedRetry, client_options
from feeds.state import StoreUnavailable
from tests.redis_server import free_port

WARNING = "redis unavailable: work pauses until it is back (retrying with back-off)"
RECOVERED = "redis available again: work resumes"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(r.levelno, r.message) for r in caplog.records if r.name == "khabar.redis"]


def test_an_outage_is_one_warning_and_one_recovery_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, "khabar.redis")
    clock = Clock()
    outage = Outage(grace=1.0, clock=clock)
    for _ in range(50):  # every retry of every job fails for 25 s
        outage.failed(RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused."))
        clock.now += 0.5
    outage.ok()
    outage.ok()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    infos = [r for r in caplog.records if r.levelno == logging.INFO]
    assert [r.message for r in warnings] == [WARNING] and "Connection refused" in warnings[0].__dict__["error"]
    assert [r.message for r in infos] == [RECOVERED]
    assert infos[0].__dict__["outage_s"] == 25.0 and infos[0].__dict__["failed_attempts"] == 50
    outage.failed(BusyLoadingError("Redis is loading the dataset in memory"), final=True)  # the next outage
    assert [m for level, m in lines(caplog) if level == logging.WARNING] == [WARNING, WARNING]


def test_a_blip_shorter_than_the_grace_stays_quiet(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "khabar.redis")
    clock = Clock()
    outage = Outage(grace=1.0, clock=clock)
    outage.failed(RedisConnectionError("Connection closed by server."))  # an idle connection was dropped
    clock.now += 0.2
    outage.ok()  # the reconnect worked
    assert lines(caplog) == [] and not outage.down


@pytest.mark.parametrize(
    "exc, outage",
    [
        (RedisConnectionError("refused"), True),
        (BusyLoadingError("loading"), True),
        (ReadOnlyError("You can't write against a read only replica."), True),
        (StoreUnavailable("ConnectionError: refused"), True),
        (ResponseError("WRONGTYPE"), False),
        (ValueError("a bug"), False),
    ],
    ids=["connection", "loading", "read-only", "store-unavailable", "wrongtype", "bug"],
)
def test_outage_errors_are_told_from_bugs(exc: Exception, outage: bool) -> None:
    assert is_redis_outage(exc) is outage
    try:
        raise RuntimeError("wrapped") from exc
    except RuntimeError as wrapped:
        assert is_redis_outage(wrapped) is outage  # the cause chain counts


async def test_store_calls_raise_store_unavailable_chained() -> None:
    @store_call
    async def load() -> int:
        raise RedisConnectionError("refused")

    with pytest.raises(StoreUnavailable) as caught:
        await load()
    assert isinstance(caught.value.__cause__, RedisConnectionError)


def test_backoff_doubles_up_to_its_cap() -> None:
    b = Backoff(base=0.5, cap=4.0)
    delays = [b.next() for _ in range(6)]
    assert [round(d / m, 1) >= 0.8 for d, m in zip(delays, [0.5, 1, 2, 4, 4, 4], strict=True)] == [True] * 6
    assert max(delays) <= 4.0
    b.reset()
    assert b.next() <= 0.5


async def test_guarded_job_skips_ticks_while_redis_is_away(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "khabar.redis")
    clock = Clock()
    outage = Outage(clock=clock)
    calls: list[str] = []
    down = True

    async def tick(context: Any) -> None:
        calls.append("tick")
        if down:
            raise StoreUnavailable("ConnectionError: refused")

    job = Guarded("poll", tick, outage, Backoff(base=2.0, cap=8.0), clock=clock)
    await job(None)  # fails: no exception escapes to PTB's error handler
    await job(None)  # within the back-off: skipped
    clock.now += 2.1
    await job(None)
    assert calls == ["tick", "tick"] and outage.declared
    down = False
    clock.now += 10
    await job(None)
    outage.ok()
    assert calls == ["tick"] * 3
    assert [m for _, m in lines(caplog)] == [WARNING, RECOVERED]

    async def bug(context: Any) -> None:
        raise ValueError("not an outage")

    with pytest.raises(ValueError):
        await Guarded("digests", bug, outage)(None)


async def test_the_client_reports_every_failed_attempt_and_the_recovery() -> None:
    clock = Clock()
    outage = Outage(clock=clock)
    options = client_options(outage) | {"retry": ObservedRetry(NoBackoff(), 2, outage)}
    client = aioredis.Redis(host="127.0.0.1", port=free_port(), **options)
    try:
        with pytest.raises(RedisConnectionError):
            await client.ping()
        assert outage.down
        twin = copy.deepcopy(options["retry"])
        assert twin.outage is outage  # each connection's copy reports to the one Outage
    finally:
        await client.aclose()


def test_a_timeout_is_dated_from_the_last_reply_and_the_recovery_gives_the_true_duration(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "khabar.redis")
    clock = Clock()
    outage = Outage(grace=1.0, clock=clock)
    outage.ok()  # the last reply before the freeze
    clock.now += 4.0  # commands hang until their timeout
    outage.failed(TimeoutError())
    assert outage.declared  # silent for 4 s already: no need to wait out another grace
    clock.now += 6.0
    outage.ok()
    (recovered,) = [r for r in caplog.records if r.levelno == logging.INFO]
    assert recovered.message == RECOVERED and recovered.__dict__["outage_s"] == 10.0


def test_a_restart_over_before_the_grace_is_still_one_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "khabar.redis")
    clock = Clock()
    outage = Outage(grace=1.0, brief=0.5, clock=clock)
    outage.ok()
    clock.now += 0.1
    for _ in range(4):  # refused, refused … while redis-server restarts
        outage.failed(RedisConnectionError("Connection refused."))
        clock.now += 0.2
    outage.ok()
    assert [(level, m) for level, m in lines(caplog)] == [
        (logging.INFO, "redis was unavailable briefly (a restart?): work resumed")
    ]
    assert caplog.records[0].__dict__["outage_s"] == 0.9


async def test_a_connect_that_succeeds_is_not_a_reply() -> None:
    """A frozen server's kernel still accepts connections: only a reply means Redis answers."""

    async def accept_and_stay_silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1 << 16)
        await asyncio.sleep(5)

    server = await asyncio.start_server(accept_and_stay_silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    replies: list[str] = []

    class Counting(Outage):
        def ok(self) -> None:
            replies.append("ok")
            super().ok()

    outage = Counting(clock=Clock())
    options = client_options(outage) | {"retry": ObservedRetry(NoBackoff(), 1, outage), "socket_timeout": 0.2}
    client = aioredis.Redis(host="127.0.0.1", port=port, **options)
    try:
        with pytest.raises((RedisConnectionError, RedisTimeoutError)):
            await client.ping()
        assert outage.down and replies == []  # the connects succeeded; none counted as Redis being back
    finally:
        await client.aclose()
        server.close()
