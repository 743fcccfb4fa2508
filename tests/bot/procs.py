"""`khabar run` as real subprocesses for fault tests: start, find, kill, and never leak one.

Each process logs to its own file (`KhabarProcess.log`); `running(...)` stops (SIGTERM, then SIGKILL)
every process it started, whatever the test did.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.fakebotapi import TOKEN

ROOT = Path(__file__).resolve().parents[2]


def khabar_env(redis_url: str, api_url: str, sources: Path, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {
        "KHABAR_BOT_TOKEN": TOKEN,
        "KHABAR_TELEGRAM_API_URL": api_url,
        "KHABAR_REDIS_URL": redis_url,
        "KHABAR_SOURCES": str(sources),
        "KHABAR_DATA_DIR": str(data_dir),
        "KHABAR_LOG_LEVEL": "INFO",
        "HF_HUB_OFFLINE": "1",
    }
    return env | extra


@dataclass
class KhabarProcess:
    name: str
    env: dict[str, str]
    log: Path
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> KhabarProcess:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=self.env, stdout=out, stderr=out
            )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """kill -9: no clean-up of any kind."""
        if self.alive:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    async def stop(self, timeout: float = 30) -> int:
        """SIGTERM and wait (without blocking the event loop the fake servers run on)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None:
            if time.monotonic() > deadline:
                self.proc.kill()
                self.proc.wait(10)
                raise AssertionError(f"{self.name} did not exit within {timeout} s")
            await asyncio.sleep(0.05)
        return self.proc.returncode


@asynccontextmanager
async def running(*processes: KhabarProcess) -> AsyncIterator[tuple[KhabarProcess, ...]]:
    for p in processes:
        p.start()
    try:
        yield processes
    finally:
        for p in processes:
            if p.alive:
                try:
                    await p.stop(20)
                except AssertionError:
                    pass


async def until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.05)


async def until_async(predicate: Callable[[], Awaitable[bool]], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.1)
