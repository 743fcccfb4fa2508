"""Outage logging tells the truth: one warning when Redis stops answering, one line with the true
duration when it answers again — a frozen (SIGSTOPped) server is not "available again", and a ~1 s
restart is logged too. The real Application runs against a redis-server of the test's own."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import time
import warnings
from dataclasses import dataclass

import pytest

from bot.settings import Secret
from tests.bot.conftest import ManualClock, start_khabar, stop_khabar
from tests.fakebotapi import FakeBotAPI
from tests.redis_server import RedisServer

# connects the faults cut short leave asyncio transports for the garbage collector: their "unclosed
# transport" ResourceWarning is expected here (and is collected before the next test, see _with_khabar)
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

WARNING = "redis unavailable: work pauses until it is back (retrying with back-off)"
RECOVERED = "redis available again: work resumes"
BRIEF = "redis was unavailable briefly (a restart?): work resumed"


@dataclass(frozen=True)
class Line:
    at: float  # time.monotonic()
    level: int
    message: str
    outage_s: float | None


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[Line] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "khabar.redis" and record.levelno >= logging.INFO:
            outage_s = record.__dict__.get("outage_s")
            self.lines.append(Line(time.monotonic(), record.levelno, record.getMessage(), outage_s))


async def _with_khabar(server: RedisServer, clock: ManualClock, fault: object) -> list[Line]:
    catcher = Lines()
    logger = logging.getLogger("khabar.redis")
    logger.addHandler(catcher)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        async with FakeBotAPI() as fake:
            h, stop, task = await start_khabar(fake, clock, redis_url=Secret(server.url))
            try:
                await asyncio.sleep(0.5)
                catcher.lines.clear()
                await fault  # type: ignore[misc]
                await asyncio.sleep(2.0)  # every job has met the recovered Redis by now
            finally:
                await stop_khabar(stop, task)
    finally:
        logger.removeHandler(catcher)
        logger.setLevel(previous)
        # connects cut short by the fault leave asyncio transports for the garbage collector; collect them
        # here, where their "unclosed transport" ResourceWarning is expected, not in whichever test runs next
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
    return catcher.lines


@pytest.mark.slow
async def test_a_frozen_redis_is_one_warning_then_one_true_recovery_line(
    redis_server: RedisServer, clock: ManualClock
) -> None:
    assert redis_server.proc is not None
    pid, frozen = redis_server.proc.pid, 6.0
    marks: dict[str, float] = {}

    async def freeze() -> None:
        os.kill(pid, signal.SIGSTOP)
        marks["stop"] = time.monotonic()
        try:
            await asyncio.sleep(frozen)
        finally:
            os.kill(pid, signal.SIGCONT)
            marks["cont"] = time.monotonic()

    lines = await _with_khabar(redis_server, clock, freeze())
    assert [(line.level, line.message) for line in lines] == [(logging.WARNING, WARNING), (logging.INFO, RECOVERED)], [
        (round(line.at - marks["stop"], 2), line.message, line.outage_s) for line in lines
    ]
    warning, recovered = lines
    assert marks["stop"] < warning.at < marks["cont"]  # said while frozen ...
    assert recovered.at >= marks["cont"]  # ... and "available again" only once it answers
    assert recovered.outage_s is not None and frozen - 0.5 <= recovered.outage_s <= frozen + 1.5


async def test_a_one_second_restart_is_logged_with_its_duration(redis_server: RedisServer, clock: ManualClock) -> None:
    marks: dict[str, float] = {}

    async def restart() -> None:
        await asyncio.to_thread(redis_server.stop)  # SIGTERM: Redis writes its AOF and exits
        marks["stop"] = time.monotonic()
        await asyncio.sleep(0.8)
        await asyncio.to_thread(redis_server.start)
        marks["up"] = time.monotonic()

    lines = await _with_khabar(redis_server, clock, restart())
    infos = [line for line in lines if line.level == logging.INFO]
    assert len(infos) == 1 and infos[0].message in (RECOVERED, BRIEF), lines
    assert len([line for line in lines if line.level == logging.WARNING]) <= 1  # one warning at most, before it
    assert infos[0].at >= marks["stop"] + 0.8
    assert infos[0].outage_s is not None and 0.7 <= infos[0].outage_s <= (marks["up"] - marks["stop"]) + 1.0
