"""What handlers and jobs reach through `context`: the services, typed (no globals).

`build_application` installs `KhabarContext` and `BotData` as PTB's context types; post_init puts
the `Services` (built once per process) on `bot_data`. Collaborators owned by other stages are
Protocols here, so the bot can be wired to the feed pipeline without importing its internals.

Also the types the Application is built from (`Boot`, `Resources`, `Collaborators`, `KhabarApp`):
the rest of bot.telegram imports them from here, and this module imports nothing of bot.telegram's
but the delivery worker it holds (bot.telegram.sender), so the layer has no import cycle.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx
from telegram.ext import Application, CallbackContext, ExtBot

from bot.delivery.digests import DigestScheduler
from bot.delivery.fanout import Fanout
from bot.ops.observe import Observer
from bot.ops.sources_admin import Resumed, SourceAdded, SourceInfo, SourceRejected
from bot.runtime.clock import Clock
from bot.runtime.health_server import HealthServer
from bot.runtime.lease import LeaseKeeper
from bot.runtime.metrics import Metrics
from bot.runtime.outage import Outage
from bot.runtime.redis_conn import RedisHandle
from bot.settings import Settings
from bot.store import Store
from bot.store.ratelimit import Pacing
from bot.story import Story, StoryLibrary
from bot.telegram.sender import DeliveryWorker


class PollCycle(Protocol):
    """One poll of the due sources; returns only stories never returned before."""

    async def __call__(self, now: datetime) -> Sequence[Story]: ...


class SourceAdmin(Protocol):
    """Runtime sources (bot.store.sources + feeds' SSRF-guarded fetch)."""

    async def list(self) -> Sequence[SourceInfo]: ...

    async def add(self, url: str, province: str, name: str | None) -> SourceAdded | SourceRejected: ...

    async def remove(self, source_id: str) -> bool: ...

    async def resume(self, source_id: str) -> Resumed: ...


@dataclass
class Services:
    settings: Settings
    store: Store
    clock: Clock
    pacing: Pacing
    stories: StoryLibrary
    fanout: Fanout
    digests: DigestScheduler
    sources: SourceAdmin | None = None
    poll: PollCycle | None = None
    observer: Observer | None = None  # metrics, poll heartbeat and the health probe (bot.ops.observe)
    extras: dict[str, Any] = field(default_factory=dict)
    outage: Outage = field(default_factory=Outage)  # Redis outages, logged once (bot.runtime.outage)

    def now(self) -> datetime:
        return self.clock()


@dataclass(frozen=True, slots=True)
class Collaborators:
    """What the feed pipeline provides (bot.pipeline / bot.store.stories / bot.ops.sources_admin)."""

    stories: StoryLibrary
    sources: SourceAdmin | None = None
    poll: PollCycle | None = None


Wiring = Callable[[Store, Settings, httpx.AsyncClient], Awaitable[Collaborators]]


@dataclass
class Boot:
    """How post_init builds the services (set by build_application)."""

    settings: Settings
    wiring: Wiring
    clock: Clock
    prefix: str
    console: bool
    metrics: Metrics | None = None  # this process's metrics (one per process; bot.runtime.metrics)


@dataclass
class Resources:
    redis: RedisHandle
    http: httpx.AsyncClient
    worker: DeliveryWorker
    keeper: LeaseKeeper | None = None  # the updates lease (not in console mode)
    health: HealthServer | None = None  # /metrics and /healthz, when KHABAR_METRICS_PORT is set


class BotData:
    """PTB's bot_data: holds the services once post_init has built them."""

    def __init__(self) -> None:
        self.services: Services | None = None
        self.boot: Boot | None = None  # how to build the services (set by build_application)
        self.resources: Resources | None = None  # what post_shutdown closes


class KhabarContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are not ready (post_init has not run)")
        return services


KhabarApp = Application[Any, KhabarContext, Any, Any, BotData, Any]
