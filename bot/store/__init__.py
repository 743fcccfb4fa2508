"""The Redis store: the only code that talks to Redis. The key schema lives in `bot.store.keys`.

`Store` bundles one asyncio Redis client with the key builders and exposes one small repository
per concern (subscriptions, delivery queue, rate limiter, stats, ...). Callers never see a key or a
raw Redis command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import redis.asyncio as aioredis

from bot.store.delivery import DeliveryQueue
from bot.store.keys import DEFAULT_PREFIX, Keys
from bot.store.ratelimit import RateLimiter
from bot.store.stats import StatsStore
from bot.store.subscriptions import Subscription, SubscriptionStore


@dataclass
class Store:
    redis: aioredis.Redis
    keys: Keys = field(default_factory=Keys)

    @classmethod
    def create(cls, redis: aioredis.Redis, prefix: str = DEFAULT_PREFIX) -> Store:
        return cls(redis, Keys(prefix))

    @property
    def subscriptions(self) -> SubscriptionStore:
        return SubscriptionStore(self.redis, self.keys)

    @cached_property
    def delivery(self) -> DeliveryQueue:
        return DeliveryQueue(self.redis, self.keys)

    @cached_property
    def ratelimit(self) -> RateLimiter:
        return RateLimiter(self.redis, self.keys)

    @property
    def stats(self) -> StatsStore:
        return StatsStore(self.redis, self.keys)


__all__ = ["Keys", "Store", "Subscription", "SubscriptionStore"]
