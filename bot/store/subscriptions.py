"""Subscriptions: which chat (or forum topic) gets which stories, how and when.

Stored as JSON in one hash (see bot.store.keys); every change bumps `subs:ver` so the fan-out can
cache the parsed list between changes. Unknown JSON fields are ignored and missing ones take their
defaults, so records written by older versions still load.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import time
from enum import StrEnum
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import WatchError

from bot.store.keys import Keys


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"
    SUPERGROUP = "supergroup"
    CHANNEL = "channel"


class Mode(StrEnum):
    INSTANT = "instant"  # each story as it comes
    DAILY = "daily"  # one compiled digest a day at `daily_at`


class PauseReason(StrEnum):
    BLOCKED = "blocked"  # the user blocked the bot / the bot was removed or lost its rights
    GONE = "gone"  # Telegram says the chat is unusable (deactivated, not found, no rights)


@dataclass(frozen=True, slots=True)
class Subscription:
    """What one chat (or forum topic) receives. Empty provinces/topics mean "all social news"."""

    chat_id: int
    thread_id: int | None = None
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    paused: bool = False
    kind: ChatKind = ChatKind.PRIVATE
    mode: Mode = Mode.INSTANT
    daily_at: str | None = None  # "HH:MM" in KHABAR_TIMEZONE, used in Mode.DAILY
    quiet: str | None = None  # "HH:MM-HH:MM": hold messages in this window
    include: tuple[str, ...] = ()  # normalized keywords: at least one must appear (if any)
    exclude: tuple[str, ...] = ()  # normalized keywords: none may appear
    pause_reason: PauseReason | None = None
    title: str | None = None  # channel @username or title, for /channel list
    added_by: int | None = None  # the user who set up a channel
    grouped: bool | None = None  # several stories ready at once: one compact message; None → by kind

    @property
    def groups_bursts(self) -> bool:
        """Send a burst as one message? The chat's choice; by default yes, except in channels."""
        return self.grouped if self.grouped is not None else self.kind is not ChatKind.CHANNEL

    @property
    def chat_key(self) -> str:
        return chat_key(self.chat_id, self.thread_id)

    @property
    def daily_time(self) -> time | None:
        return parse_hhmm(self.daily_at) if self.daily_at else None

    @property
    def quiet_window(self) -> tuple[time, time] | None:
        if not self.quiet:
            return None
        start, _, end = self.quiet.partition("-")
        return parse_hhmm(start), parse_hhmm(end)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> Subscription:
        data: dict[str, Any] = json.loads(raw)
        for name in ("provinces", "topics", "include", "exclude"):
            data[name] = tuple(data.get(name) or ())
        data["kind"] = ChatKind(data.get("kind") or ChatKind.PRIVATE)
        data["mode"] = Mode(data.get("mode") or Mode.INSTANT)
        reason = data.get("pause_reason")
        data["pause_reason"] = PauseReason(reason) if reason else None
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_paused(self, paused: bool, reason: PauseReason | None = None) -> Subscription:
        return replace(self, paused=paused, pause_reason=reason if paused else None)


def chat_key(chat_id: int, thread_id: int | None = None) -> str:
    return f"{chat_id}" if thread_id is None else f"{chat_id}/{thread_id}"


def parse_hhmm(text: str) -> time:
    hour, _, minute = text.partition(":")
    return time(int(hour), int(minute))


def format_hhmm(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


Change = Callable[[Subscription | None], Subscription | None]


class SubscriptionStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys

    async def put(self, sub: Subscription) -> None:
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hset(self._k.subs(), sub.chat_key, sub.to_json())
            pipe.incr(self._k.subs_version())
            await pipe.execute()

    async def get(self, chat_id: int, thread_id: int | None = None) -> Subscription | None:
        raw = await self._r.hget(self._k.subs(), chat_key(chat_id, thread_id))
        return Subscription.from_json(str(raw)) if raw else None

    async def remove(self, chat_id: int, thread_id: int | None = None) -> bool:
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hdel(self._k.subs(), chat_key(chat_id, thread_id))
            pipe.incr(self._k.subs_version())
            removed, _ = await pipe.execute()
        return bool(removed)

    async def update(self, chat_id: int, thread_id: int | None, change: Change) -> Subscription | None:
        """Read-modify-write one subscription atomically (optimistic WATCH; retried on conflict).

        `change` gets the current subscription (or None) and returns the new one (None: delete).
        """
        ck = chat_key(chat_id, thread_id)
        async with self._r.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(self._k.subs())
                    raw = await pipe.hget(self._k.subs(), ck)
                    new = change(Subscription.from_json(str(raw)) if raw else None)
                    pipe.multi()  # type: ignore[no-untyped-call]
                    if new is None:
                        pipe.hdel(self._k.subs(), ck)
                    else:
                        pipe.hset(self._k.subs(), new.chat_key, new.to_json())
                    pipe.incr(self._k.subs_version())
                    await pipe.execute()
                    return new
                except WatchError:
                    continue

    async def all(self) -> list[Subscription]:
        raw = await self._r.hgetall(self._k.subs())
        return [Subscription.from_json(str(v)) for v in raw.values()]

    async def snapshot(self) -> tuple[int, list[Subscription]]:
        """(version, every subscription), read together."""
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.get(self._k.subs_version())
            pipe.hgetall(self._k.subs())
            version, raw = await pipe.execute()
        return int(version or 0), [Subscription.from_json(str(v)) for v in raw.values()]

    async def version(self) -> int:
        return int(await self._r.get(self._k.subs_version()) or 0)

    async def for_chat(self, chat_id: int) -> list[Subscription]:
        """Every subscription of one chat: the chat itself and each of its forum topics."""
        return [s for s in await self.all() if s.chat_id == chat_id]

    async def set_paused(self, chat_id: int, paused: bool, reason: PauseReason | None = None) -> list[Subscription]:
        """Pause or resume every subscription of a chat; returns those that changed."""
        changed: list[Subscription] = []
        for sub in await self.for_chat(chat_id):
            if sub.paused != paused:

                def flip(cur: Subscription | None) -> Subscription | None:
                    return None if cur is None else cur.with_paused(paused, reason)

                new = await self.update(sub.chat_id, sub.thread_id, flip)
                if new is not None:
                    changed.append(new)
        return changed

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> list[Subscription]:
        """Move a chat's subscriptions to its new id (group → supergroup). Returns the moved ones."""
        moved: list[Subscription] = []
        for sub in await self.for_chat(old_chat_id):
            new = replace(sub, chat_id=new_chat_id, kind=ChatKind.SUPERGROUP)
            async with self._r.pipeline(transaction=True) as pipe:
                pipe.hdel(self._k.subs(), sub.chat_key)
                pipe.hset(self._k.subs(), new.chat_key, new.to_json())
                pipe.incr(self._k.subs_version())
                await pipe.execute()
            moved.append(new)
        return moved

    async def count(self) -> int:
        return int(await self._r.hlen(self._k.subs()))
