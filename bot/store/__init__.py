"""The Redis store: the only code that talks to Redis. The key schema lives in `bot.store.keys`.

`Store` bundles one asyncio Redis client with the key builders and exposes one small repository
per concern (subscriptions, feed state, seen-state and its inbox, runtime sources, stories and their
archive, delivery
queue, rate limiter, stats, leases, handled updates, operational facts). Callers never see a key or a
raw Redis command. Retention numbers come in `StoreLimits` (from Settings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import redis.asyncio as aioredis

from bot.settings import Settings
from bot.store.archive import ArchiveStore
from bot.store.delivery import DeliveryQueue
from bot.store.feeds import FeedStateStore
from bot.store.inbox import InboxStore
from bot.store.keys import DEFAULT_PREFIX, Keys
from bot.store.lease import RedisLease
from bot.store.ops import OpsStore
from bot.store.ratelimit import RateLimiter
from bot.store.seen import DEFAULT_INBOX_LEASE, SeenRedisStore
from bot.store.sources import AdminSourceStore
from bot.store.stats import StatsStore
from bot.store.stories import StoryStore
from bot.store.subscriptions import Subscription, SubscriptionStore
from bot.store.transfer import TransferStore
from bot.store.updates import HandledUpdates
from bot.store.weekly import WeeklyStore


@dataclass(frozen=True, slots=True)
class StoreLimits:
    """Caps and TTLs of what the store keeps (defaults = Settings defaults)."""

    seen_cap: int = 2000
    seen_ttl: int = 30 * 86400
    state_ttl: int = 90 * 86400
    story_window: int = 3 * 86400
    story_ttl: int = 7 * 86400
    story_cap: int = 50_000
    story_hamming: int = 12
    inbox_lease: int = DEFAULT_INBOX_LEASE
    archive_ttl: int = 90 * 86400

    @classmethod
    def from_settings(cls, settings: Settings) -> StoreLimits:
        return cls(
            seen_cap=settings.seen_cap,
            seen_ttl=settings.seen_ttl,
            state_ttl=settings.state_ttl,
            story_window=settings.story_window,
            story_ttl=settings.story_ttl,
            story_cap=settings.story_cap,
            story_hamming=settings.story_hamming,
            inbox_lease=settings.inbox_lease,
            archive_ttl=settings.archive_days * 86400,
        )


@dataclass
class Store:
    redis: aioredis.Redis
    keys: Keys = field(default_factory=Keys)
    limits: StoreLimits = field(default_factory=StoreLimits)

    @classmethod
    def create(cls, redis: aioredis.Redis, prefix: str = DEFAULT_PREFIX, limits: StoreLimits | None = None) -> Store:
        return cls(redis, Keys(prefix), limits or StoreLimits())

    @classmethod
    def from_settings(cls, redis: aioredis.Redis, settings: Settings, prefix: str = DEFAULT_PREFIX) -> Store:
        """The store with the caps and TTLs configured in Settings (use this outside tests)."""
        return cls(redis, Keys(prefix), StoreLimits.from_settings(settings))

    @property
    def subscriptions(self) -> SubscriptionStore:
        return SubscriptionStore(self.redis, self.keys)

    @cached_property
    def feeds(self) -> FeedStateStore:
        """FeedState, schedule and claims (implements feeds.state.StateStore)."""
        return FeedStateStore(self.redis, self.keys, self.limits.state_ttl)

    @cached_property
    def seen(self) -> SeenRedisStore:
        """Atomic, bounded seen-state (implements feeds.state.SeenStore)."""
        lim = self.limits
        return SeenRedisStore(self.redis, self.keys, lim.seen_cap, lim.seen_ttl, lim.inbox_lease)

    @cached_property
    def inbox(self) -> InboxStore:
        """New items between "seen" and "story stored" (implements feeds.state.Inbox)."""
        return InboxStore(self.redis, self.keys)

    @cached_property
    def sources(self) -> AdminSourceStore:
        """Sources added at runtime by admins."""
        return AdminSourceStore(self.redis, self.keys)

    @cached_property
    def stories(self) -> StoryStore:
        """Story records and the cross-agency near-duplicate index."""
        lim = self.limits
        return StoryStore(
            self.redis,
            self.keys,
            window=lim.story_window,
            ttl=lim.story_ttl,
            cap=lim.story_cap,
            max_distance=lim.story_hamming,
            archive=self.archive,
        )

    @cached_property
    def archive(self) -> ArchiveStore:
        """Social stories kept for the archive period, and their search index."""
        return ArchiveStore(self.redis, self.keys, self.limits.archive_ttl, id_ttl=self.limits.story_ttl)

    @cached_property
    def weekly(self) -> WeeklyStore:
        """Chats that get the numbers of the week, and when."""
        return WeeklyStore(self.redis, self.keys)

    @cached_property
    def delivery(self) -> DeliveryQueue:
        """The per-chat delivery queue (fan-out, claims, exactly-once records, held digests)."""
        return DeliveryQueue(self.redis, self.keys)

    @cached_property
    def ratelimit(self) -> RateLimiter:
        """The rate limiter shared by every khabar process."""
        return RateLimiter(self.redis, self.keys)

    @property
    def stats(self) -> StatsStore:
        """Per-minute delivery counters."""
        return StatsStore(self.redis, self.keys)

    def lease(self, name: str) -> RedisLease:
        """A named lease (one holder across processes), e.g. "updates" for the getUpdates consumer."""
        return RedisLease(self.redis, self.keys, name)

    @cached_property
    def updates(self) -> HandledUpdates:
        """Telegram update ids already handled by some khabar process."""
        return HandledUpdates(self.redis, self.keys)

    @property
    def transfer(self) -> TransferStore:
        """Bulk writes for `khabar import` (subscriptions and runtime sources in one transaction)."""
        return TransferStore(self.redis, self.keys)

    @cached_property
    def ops(self) -> OpsStore:
        """The last poll tick and admin notices already sent (for status, health and alerts)."""
        return OpsStore(self.redis, self.keys)


__all__ = ["Keys", "Store", "StoreLimits", "Subscription", "SubscriptionStore"]
