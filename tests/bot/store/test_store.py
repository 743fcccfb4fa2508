from __future__ import annotations

import pytest

from bot.store import Store, Subscription
from bot.store.keys import Keys


async def test_subscription_round_trip(store: Store) -> None:
    sub = Subscription(chat_id=-1001234, thread_id=7, provinces=("خوزستان",), topics=("طلاق",))
    await store.subscriptions.put(sub)
    assert await store.subscriptions.get(-1001234, 7) == sub
    assert await store.subscriptions.get(-1001234) is None  # the topic is its own subscription
    assert await store.subscriptions.count() == 1
    assert await store.subscriptions.remove(-1001234, 7)
    assert await store.subscriptions.get(-1001234, 7) is None


async def test_paused_flag_persists(store: Store) -> None:
    await store.subscriptions.put(Subscription(chat_id=42).with_paused(True))
    got = await store.subscriptions.get(42)
    assert got is not None and got.paused


async def test_keys_share_one_prefix(store: Store) -> None:
    await store.subscriptions.put(Subscription(chat_id=1))
    keys = [k async for k in store.redis.scan_iter(match="*", count=1000) if k.startswith(store.keys.prefix)]
    assert keys and all(k.startswith(store.keys.prefix) for k in keys)


@pytest.mark.parametrize("name", [n for n in dir(Keys) if not n.startswith("_") and n != "prefix"])
def test_every_key_builder_uses_the_prefix(name: str) -> None:
    builder = getattr(Keys("p:"), name)
    args = ["x"] * (builder.__code__.co_argcount - 1)
    assert builder(*args).startswith("p:")
