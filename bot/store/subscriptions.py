"""Subscriptions: which chat gets which stories. Stored as JSON in one hash (see bot.store.keys)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

import redis.asyncio as aioredis

from bot.store.keys import Keys


@dataclass(frozen=True, slots=True)
class Subscription:
    """What one chat (or forum topic) receives. Empty provinces/topics mean "all social news"."""

    chat_id: int
    thread_id: int | None = None
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    paused: bool = False

    @property
    def chat_key(self) -> str:
        return chat_key(self.chat_id, self.thread_id)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> Subscription:
        data = json.loads(raw)
        data["provinces"] = tuple(data.get("provinces", ()))
        data["topics"] = tuple(data.get("topics", ()))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_paused(self, paused: bool) -> Subscription:
        return replace(self, paused=paused)


def chat_key(chat_id: int, thread_id: int | None = None) -> str:
    return f"{chat_id}" if thread_id is None else f"{chat_id}/{thread_id}"


class SubscriptionStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys

    async def put(self, sub: Subscription) -> None:
        await self._r.hset(self._k.subs(), sub.chat_key, sub.to_json())

    async def get(self, chat_id: int, thread_id: int | None = None) -> Subscription | None:
        raw = await self._r.hget(self._k.subs(), chat_key(chat_id, thread_id))
        return Subscription.from_json(str(raw)) if raw else None

    async def remove(self, chat_id: int, thread_id: int | None = None) -> bool:
        return bool(await self._r.hdel(self._k.subs(), chat_key(chat_id, thread_id)))

    async def all(self) -> list[Subscription]:
        raw = await self._r.hgetall(self._k.subs())
        return [Subscription.from_json(str(v)) for v in raw.values()]

    async def count(self) -> int:
        return int(await self._r.hlen(self._k.subs()))
