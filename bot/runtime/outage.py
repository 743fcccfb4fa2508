"""Redis outages: tell them from bugs, log each one once, pace the retries.

A Redis restart or a network blip makes every job fail at once. What an operator needs then is one
warning when Redis went away (with the error) and one line when it came back (with how long it was
gone), not a traceback per operation. `Outage` is that log, one per process:

* `failed(exc)` is called for every failed attempt — by the Redis client's own retry layer
  (`ObservedRetry`, installed by bot.runtime.redis_conn, sees every reconnect) and by jobs whose operation
  gave up (`final=True`). The first failure opens a suspected outage; it is *declared* (one WARNING)
  once it lasts `grace` seconds (a timeout counts from the last reply: a frozen server has been
  silent that long already) or an operation gave up, so a single dropped idle connection that
  reconnects at once stays silent;
* `ok()` is called after every command that read a reply (a connect that succeeds is no reply: a
  frozen server still accepts connections); the first one after a declared outage logs one INFO line
  with the outage's true duration — from the last reply before it to this one — and how many
  attempts failed. An outage that ended before it was declared (a ~1 s restart) but lasted `brief`
  seconds or more still gets that one line; a single dropped idle connection stays silent.

`is_redis_outage(exc)` says whether an exception (or its cause chain) means "Redis unreachable,
loading, or read-only" — worth waiting out — rather than a bug; `store_call` turns such errors into
feeds' `StoreUnavailable` for the store methods feeds/ calls. `Backoff` spaces a loop's retries.
`Guarded` wraps a repeating JobQueue callback so an outage skips ticks quietly with back-off instead
of sending a traceback per tick to the error handler. Imports nothing of ours but feeds.state.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError, TryAgainError
from redis.exceptions import TimeoutError as RedisTimeoutError

from feeds.state import StoreUnavailable

log = logging.getLogger("khabar.redis")

# BusyLoadingError (Redis still loading its AOF) and AuthenticationError are ConnectionErrors.
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    ReadOnlyError,  # a failed-over primary (managed Redis / Sentinel) until we reconnect to the new one
    TryAgainError,
    StoreUnavailable,
)

Monotonic = Callable[[], float]
MAX_SILENCE = 30.0  # an outage is dated from the last reply when that came at most this long before it failed


def is_redis_outage(exc: BaseException | None) -> bool:
    """True when `exc`, or anything in its cause/context chain, is a Redis availability error."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def store_call[**P, R](fn: Callable[P, Awaitable[R]]) -> Callable[P, Coroutine[Any, Any, R]]:
    """For store methods feeds/ calls: a Redis availability error becomes feeds' StoreUnavailable
    (chained), so the poller can tell "Redis is away" from a bug without importing redis."""

    @functools.wraps(fn)
    async def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await fn(*args, **kwargs)
        except OUTAGE_ERRORS as exc:
            if isinstance(exc, StoreUnavailable):
                raise
            raise StoreUnavailable(describe(exc)) from exc

    return call


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, (TimeoutError, RedisTimeoutError))


def describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]


@dataclass
class Outage:
    """Whether Redis is reachable, as this process experiences it; logs each outage once."""

    grace: float = 1.0  # seconds a failure must last before it is declared an outage
    brief: float = 0.5  # an undeclared outage at least this long (from the last reply) is still logged
    clock: Monotonic = time.monotonic
    _since: float | None = field(default=None, init=False)
    _began: float = field(default=0.0, init=False)  # the last reply before the outage (or its first failure)
    _last_ok: float | None = field(default=None, init=False)
    _declared: bool = field(default=False, init=False)
    _error: str = field(default="", init=False)
    _failures: int = field(default=0, init=False)

    @property
    def down(self) -> bool:
        """A failure was seen and no success since."""
        return self._since is not None

    @property
    def declared(self) -> bool:
        return self._declared

    def failed(self, exc: BaseException, *, final: bool = False) -> None:
        """An attempt failed (`final`: an operation gave up after its retries)."""
        now = self.clock()
        if self._since is None:
            self._since, self._error, self._failures = now, describe(exc), 0
            recent = self._last_ok is not None and now - self._last_ok <= MAX_SILENCE
            self._began = self._last_ok if recent and self._last_ok is not None else now
        self._failures += 1
        # a timeout means no reply since the command was sent: date it from the last reply we had
        start = self._began if _is_timeout(exc) else self._since
        if not self._declared and (final or now - start >= self.grace):
            self._declared = True
            log.warning(
                "redis unavailable: work pauses until it is back (retrying with back-off)",
                extra={"error": self._error},
            )

    def ok(self) -> None:
        """A command read its reply."""
        now = self.clock()
        self._last_ok = now
        if self._since is None:
            return
        seconds = now - self._began
        if self._declared:
            log.info(
                "redis available again: work resumes",
                extra={"outage_s": round(seconds, 1), "failed_attempts": self._failures},
            )
        elif seconds >= self.brief and self._failures > 1:
            log.info(
                "redis was unavailable briefly (a restart?): work resumed",
                extra={"outage_s": round(seconds, 1), "failed_attempts": self._failures, "error": self._error},
            )
        else:
            log.debug("redis hiccup recovered", extra={"error": self._error, "seconds": round(seconds, 2)})
        self._since, self._declared, self._failures = None, False, 0


@dataclass
class Backoff:
    """Exponential delays with jitter: base, 2·base, 4·base … capped."""

    base: float = 0.5
    cap: float = 10.0
    _attempt: int = field(default=0, init=False)

    def next(self) -> float:
        delay: float = min(self.cap, self.base * float(2**self._attempt))
        self._attempt = min(self._attempt + 1, 30)
        return delay * random.uniform(0.8, 1.0)

    def reset(self) -> None:
        self._attempt = 0


Tick = Callable[[Any], Awaitable[None]]


class Guarded:
    """A repeating job that waits out Redis outages: one run at a time, back-off while Redis is away.

    Schedule it with `job_kwargs={"max_instances": 2}`: a tick that finds the previous run still
    going (e.g. inside the Redis client's retries) returns at once instead of APScheduler logging
    a "maximum number of running instances" warning every tick. Other errors go on to PTB's error
    handler as before.
    """

    def __init__(
        self, name: str, tick: Tick, outage: Outage, backoff: Backoff | None = None, clock: Monotonic = time.monotonic
    ) -> None:
        self.name = name
        self._tick = tick
        self._outage = outage
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._running = False
        self._next_try = 0.0

    async def __call__(self, context: Any) -> None:
        if self._running or self._clock() < self._next_try:
            return
        self._running = True
        try:
            await self._tick(context)
        except Exception as exc:
            if not is_redis_outage(exc):
                raise
            self._outage.failed(exc, final=True)
            self._next_try = self._clock() + self._backoff.next()
            log.debug("job skipped: redis unavailable", extra={"job": self.name})
        else:
            self._backoff.reset()
            self._next_try = 0.0
        finally:
            self._running = False
