"""Bulk writes for `khabar import`: subscriptions and runtime sources in one transaction.

Validation happens before (bot.ops.backup); this only writes. With `replace`, records missing from
the import are deleted in the same transaction; the caller then cleans up after them (their
delivery queues, their sources' feed state). WATCH makes a concurrent change by a running bot
restart the write instead of being silently overwritten half-way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import redis.asyncio as aioredis
from redis.exceptions import WatchError

from bot.store.keys import Keys
from bot.store.sources import source_json
from bot.store.subscriptions import Subscription
from feeds.model import FeedSource


@dataclass(frozen=True, slots=True)
class Written:
    subscriptions: int
    sources: int
    removed_chats: tuple[str, ...]  # chat keys deleted by a replace
    removed_sources: tuple[str, ...]  # runtime source ids deleted by a replace


class TransferStore:
    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._r = redis
        self._k = keys

    async def write(
        self,
        subscriptions: Sequence[Subscription] | None,
        sources: Sequence[FeedSource] | None,
        *,
        replace: bool,
    ) -> Written:
        """Write what is given (None: leave that kind alone); with `replace`, delete what is not given."""
        subs_key, sources_key = self._k.subs(), self._k.admin_sources()
        async with self._r.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(subs_key, sources_key)
                    old_chats = {str(k) for k in await pipe.hkeys(subs_key)}
                    old_sources = {str(k) for k in await pipe.hkeys(sources_key)}
                    pipe.multi()  # type: ignore[no-untyped-call]
                    gone_chats: set[str] = set()
                    gone_sources: set[str] = set()
                    if subscriptions is not None:
                        gone_chats = old_chats - {s.chat_key for s in subscriptions} if replace else set()
                        if gone_chats:
                            pipe.hdel(subs_key, *gone_chats)
                        if subscriptions:
                            pipe.hset(subs_key, mapping={s.chat_key: s.to_json() for s in subscriptions})
                        pipe.incr(self._k.subs_version())
                    if sources is not None:
                        gone_sources = old_sources - {s.id for s in sources} if replace else set()
                        if gone_sources:
                            pipe.hdel(sources_key, *gone_sources)
                        if sources:
                            pipe.hset(sources_key, mapping={s.id: source_json(s) for s in sources})
                    await pipe.execute()
                    return Written(
                        len(subscriptions or ()),
                        len(sources or ()),
                        tuple(sorted(gone_chats)),
                        tuple(sorted(gone_sources)),
                    )
                except WatchError:
                    continue
