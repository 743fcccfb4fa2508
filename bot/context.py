"""What handlers and jobs reach through `context`: the services, typed (no globals).

`build_application` installs `KhabarContext` and `BotData` as PTB's context types; post_init puts
the `Services` (built once per process) on `bot_data`. Collaborators owned by other stages are
Protocols here, so the bot can be wired to the feed pipeline without importing its internals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from telegram.ext import CallbackContext, ExtBot

from bot.runtime.clock import Clock
from bot.runtime.outage import Outage
from bot.settings import Settings
from bot.store import Store
from bot.store.ratelimit import Pacing
from bot.story import Story

if TYPE_CHECKING:
    from bot.app import Boot, Resources
    from bot.digests import DigestScheduler
    from bot.fanout import Fanout
    from bot.observe import Observer


class StoryLibrary(Protocol):
    """Stories the pipeline keeps (bot.store.stories): by id, and the most recent ones."""

    async def get(self, story_id: str) -> Story | None: ...

    async def recent(self, limit: int) -> Sequence[Story]: ...


class PollCycle(Protocol):
    """One poll of the due sources; returns only stories never returned before."""

    async def __call__(self, now: datetime) -> Sequence[Story]: ...


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    name: str
    province: str | None
    url: str
    status: str  # "ok" | "failing" | "paused"
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class SourceAdded:
    source: SourceInfo
    items: int  # items the validating fetch found
    discovered_from: str | None = None  # the page URL the admin gave, when the feed was discovered from it


@dataclass(frozen=True, slots=True)
class SourceRejected:
    reason: str  # short, already in Persian or a technical one-liner (URL/HTTP/parse problem)


class Resumed(StrEnum):
    """What `/resumesource ID` found."""

    RESUMED = "resumed"  # it was paused: due now, errors forgotten
    NOT_PAUSED = "not_paused"
    MISSING = "missing"  # no source with this id


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
    observer: Observer | None = None  # metrics, poll heartbeat and the health probe (bot.observe)
    extras: dict[str, Any] = field(default_factory=dict)
    outage: Outage = field(default_factory=Outage)  # Redis outages, logged once (bot.runtime.outage)

    def now(self) -> datetime:
        return self.clock()


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
