"""Bot API calls outside the delivery queue wait out Telegram's 429 instead of failing.

Command replies, button answers, edits, error apologies, admin notices and the chat lookups the
commands make go straight to the Bot API. When Telegram answers 429 "retry after N", the only
correct move is to wait N seconds and send the same request again; `patiently` does that, up to a
budget of waiting (a reply that would wait longer than MAX_WAIT is not worth holding the update
queue for). What is left of a 429 past the budget comes back as `FloodOutlasted` — the error
handler logs it in one line, without a traceback. The delivery queue does not use this: it
reschedules the message instead of holding a task (bot.telegram.sender).

Imports nothing of ours but bot.telegram.request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram.error import RetryAfter

from bot.telegram.request import retry_after_seconds

log = logging.getLogger("khabar.flood")

MAX_WAIT = 30.0  # seconds of retry_after one call may wait in total


class FloodOutlasted(Exception):
    """Telegram asked a one-off call to wait longer than its budget; the call was not made."""

    def __init__(self, what: str, retry_after: float) -> None:
        super().__init__(f"flood: {what} needs {retry_after:.0f} s more than its budget")
        self.what = what
        self.retry_after = retry_after


async def patiently[T](
    call: Callable[[], Awaitable[T]], *, what: str, chat_id: int | str | None = None, budget: float = MAX_WAIT
) -> T:
    """`await call()`, repeated after each 429's retry_after while the total wait stays in `budget`."""
    waited = 0.0
    while True:
        try:
            return await call()
        except RetryAfter as exc:
            delay = retry_after_seconds(exc)
            if waited + delay > budget:
                raise FloodOutlasted(what, delay) from None
            log.info("flood limit: waiting retry_after", extra={"call": what, "chat_id": chat_id, "retry_after": delay})
            await asyncio.sleep(delay)
            waited += delay
