"""Waiting on counts, not on guessed sleeps: "nothing more arrives" is checked once the work that
could send it is provably done, so a late duplicate fails the test instead of slipping past a sleep."""

from __future__ import annotations

import asyncio
import time

from bot.store import Store
from bot.telegram.context import KhabarApp
from tests.bot.conftest import ScriptedPoll


async def wait_drained(store: Store, timeout: float = 30) -> None:
    """Until no feed item is being digested (the inbox), no story awaits fan-out and no message is
    queued or in flight (`pending` drops only when a message's last part is recorded as sent)."""
    deadline = time.monotonic() + timeout
    while await store.inbox.pending() or await store.delivery.pending() or await store.delivery.fanout_backlog():
        if time.monotonic() > deadline:
            raise TimeoutError("the delivery queue did not drain")
        await asyncio.sleep(0.05)


def store_of(app: KhabarApp) -> Store:
    services = app.bot_data.services
    assert services is not None, "the application is not running"
    return services.store


async def wait_settled(poll: ScriptedPoll, store: Store, timeout: float = 30) -> None:
    """Until the scripted poll has run two more cycles (so whatever it returned was fanned out) and
    the delivery queue has drained."""
    target = poll.calls + 2
    deadline = time.monotonic() + timeout
    while poll.calls < target:
        if time.monotonic() > deadline:
            raise TimeoutError("the poll job did not run")
        await asyncio.sleep(0.05)
    await wait_drained(store, timeout)
