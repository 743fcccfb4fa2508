"""`khabar run`: refuses to start without a token; `--console` runs everything and prints digests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bot.procs import KhabarProcess, running, until
from tests.fakebotapi import TOKEN, FakeBotAPI
from tests.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[3]


def khabar_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env.update({"KHABAR_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}, **extra)
    return env


def test_run_without_token_exits_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=khabar_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "KHABAR_BOT_TOKEN" in lines[0] and "--console" in lines[0]


def test_run_refuses_an_interval_below_the_floor_in_one_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text("[[source]]\nid = 'fast'\nname = 'x'\nurl = 'https://e.org/rss'\ninterval = 30\n")
    env = khabar_env(tmp_path, KHABAR_BOT_TOKEN=TOKEN, KHABAR_SOURCES=str(sources))
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "fast" in line and "interval = 30" in line and "poll floor of 60 s" in line


def test_run_refuses_a_poll_interval_below_the_floor_in_one_line(tmp_path: Path) -> None:
    env = khabar_env(tmp_path, KHABAR_BOT_TOKEN=TOKEN, KHABAR_POLL_INTERVAL="30")
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "KHABAR_POLL_INTERVAL" in line and "poll floor of 60 s" in line


@pytest.mark.slow
def test_console_prints_the_seed_digest_without_token_or_network(tmp_path: Path) -> None:
    env = khabar_env(tmp_path, KHABAR_SOURCES=str(ROOT / "seeds" / "sources.toml"))  # embedded Redis in tmp
    out = tmp_path / "out.txt"
    with open(out, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--console"], cwd=ROOT, env=env, stdout=sink, stderr=subprocess.PIPE
        )
        try:
            deadline = time.monotonic() + 90
            while "روزبه کردونی" not in out.read_text(encoding="utf-8") and time.monotonic() < deadline:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.2)
        finally:
            proc.send_signal(signal.SIGINT)
            code = proc.wait(30)
            stderr = proc.stderr.read().decode() if proc.stderr else ""
            if proc.stderr:
                proc.stderr.close()
    text = out.read_text(encoding="utf-8")
    assert "روزبه کردونی" in text and "خوزستان" in text and "khabar → chat" in text
    assert "<b>" not in text  # HTML made readable
    assert code == 0, stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("redis_comes", [True, False], ids=["redis-starts-later", "stopped-while-waiting"])
async def test_run_waits_for_redis_at_start_instead_of_exiting(tmp_path: Path, redis_comes: bool) -> None:
    port = free_port()
    sources = tmp_path / "sources.toml"
    sources.write_text("", encoding="utf-8")
    server = RedisServer(port=port)
    async with FakeBotAPI() as fake:
        env = khabar_env(
            tmp_path,
            KHABAR_BOT_TOKEN=TOKEN,
            KHABAR_TELEGRAM_API_URL=fake.base_url,
            KHABAR_REDIS_URL=f"redis://127.0.0.1:{port}/0",
            KHABAR_SOURCES=str(sources),
        )
        khabar = KhabarProcess("khabar", env, tmp_path / "khabar.log")
        try:
            async with running(khabar):
                await until(lambda: khabar.text().count("redis not reachable yet") == 1, 60, "the waiting line")
                assert khabar.alive  # waiting, not exiting
                if redis_comes:
                    await asyncio.to_thread(server.start)
                    await until(lambda: "receives Telegram updates" in khabar.text(), 60, "the bot running")
                assert await khabar.stop() == 0
        finally:
            server.cleanup()
    assert khabar.text().count("redis not reachable yet") == 1  # one line, however long it waited
    assert "Traceback" not in khabar.text()


def test_poll_once_fails_fast_without_redis(tmp_path: Path) -> None:
    env = khabar_env(tmp_path, KHABAR_REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    args = [sys.executable, "-m", "bot", "poll", "--once", "--sources", str(ROOT / "seeds" / "sources.toml")]
    started = time.monotonic()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and time.monotonic() - started < 30
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach redis://127.0.0.1" in lines[0]


async def test_run_waits_for_an_unreachable_telegram_then_starts(tmp_path: Path) -> None:
    """Telegram filtered or the proxy down at start: one warning line, retries, then the bot runs."""
    port = free_port()
    sources = tmp_path / "sources.toml"
    sources.write_text("", encoding="utf-8")
    env = khabar_env(
        tmp_path,
        KHABAR_BOT_TOKEN=TOKEN,
        KHABAR_TELEGRAM_API_URL=f"http://127.0.0.1:{port}/bot",
        KHABAR_REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        KHABAR_SOURCES=str(sources),
    )
    khabar = KhabarProcess("khabar", env, tmp_path / "khabar.log")
    async with running(khabar):
        await until(lambda: "telegram not reachable yet" in khabar.text(), 60, "the waiting line")
        assert khabar.alive
        fake = await FakeBotAPI().start(port)  # Telegram becomes reachable
        try:
            await until(lambda: "receives Telegram updates" in khabar.text(), 90, "the bot running")
            assert await khabar.stop() == 0
        finally:
            await fake.stop()
    assert khabar.text().count("telegram not reachable yet") == 1 and "telegram reachable" in khabar.text()
    assert "Traceback" not in khabar.text()


def test_run_with_a_refused_token_exits_with_one_line(tmp_path: Path) -> None:
    async def scenario() -> subprocess.CompletedProcess[str]:
        async with FakeBotAPI() as fake:
            env = khabar_env(
                tmp_path,
                KHABAR_BOT_TOKEN="999999:" + "x" * 35,  # well-formed, but not the fake's token → 401
                KHABAR_TELEGRAM_API_URL=fake.base_url,
                KHABAR_REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
                KHABAR_SOURCES=str(ROOT / "seeds" / "sources.toml"),
            )
            args = [sys.executable, "-m", "bot", "run"]
            return await asyncio.to_thread(
                subprocess.run, args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
            )

    done = asyncio.run(scenario())
    assert done.returncode == 1
    lines = [line for line in done.stderr.strip().splitlines() if "khabar run:" in line]
    assert lines == [lines[0]] and "refused KHABAR_BOT_TOKEN" in lines[0]
    assert "Traceback" not in done.stderr and "x" * 35 not in done.stderr
