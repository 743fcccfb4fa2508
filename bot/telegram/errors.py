"""The one error handler: whatever escapes a handler or a job ends here.

It logs the error with its context (update id, chat, user; never the token), tells the user a short
Persian apology, answers a pending button press, and — when KHABAR_ERROR_CHAT_ID is set — posts a
short notice there (at most one per error type per NOTICE_EVERY seconds).

A Redis outage is not a bug: it is reported to the process's `Outage` (one warning per outage, no
traceback per update) and the user still gets the apology; admins get no notice for it.
"""

from __future__ import annotations

import asyncio
import logging
import time

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import texts
from bot.runtime.outage import is_redis_outage
from bot.telegram.context import KhabarContext
from bot.telegram.flood import FloodOutlasted, patiently

log = logging.getLogger("khabar.errors")

NOTICE_EVERY = 300.0
PACE_WAIT = 5.0  # seconds an apology may wait for the chat's rate-limit slot
_last_notice: dict[str, float] = {}


async def on_error(update: object, context: KhabarContext) -> None:
    error = context.error
    services = context.bot_data.services
    if is_redis_outage(error) and services is not None and error is not None:
        services.outage.failed(error, final=True)
        if isinstance(update, Update):
            await _apologise(update, context)
        return
    where = _where(update)
    if isinstance(error, FloodOutlasted):  # Telegram asked for a longer pause than a reply may wait
        log.warning("reply dropped: flood limit outlasted its wait", extra={**_present(where), "call": error.what,
                    "retry_after": error.retry_after})  # fmt: skip
        return
    log.error("unhandled error", exc_info=error, extra=_present(where))
    if isinstance(update, Update):
        await _apologise(update, context)
    await _notify_admins(context, error, where)


def _present(where: dict[str, int | str | None]) -> dict[str, int | str]:
    return {k: v for k, v in where.items() if v is not None}


def _where(update: object) -> dict[str, int | str | None]:
    if not isinstance(update, Update):
        return {"job": "job" if update is None else type(update).__name__}
    chat = update.effective_chat
    user = update.effective_user
    return {
        "update_id": update.update_id,
        "chat_id": chat.id if chat else None,
        "user_id": user.id if user else None,
    }


async def _apologise(update: Update, context: KhabarContext) -> None:
    await _pace(update, context)
    try:
        if update.callback_query is not None:
            query = update.callback_query
            await patiently(lambda: query.answer(texts.APOLOGY, show_alert=True), what="apology")
        elif update.effective_chat is not None and update.effective_message is not None:
            message = update.effective_message
            thread = message.message_thread_id if message.is_topic_message else None
            chat_id = update.effective_chat.id
            await patiently(
                lambda: context.bot.send_message(
                    chat_id, texts.APOLOGY, parse_mode=ParseMode.HTML, message_thread_id=thread
                ),
                what="apology",
                chat_id=chat_id,
            )
    except (TelegramError, FloodOutlasted):
        pass  # the chat itself may be the problem; the log line above already has the error


async def _pace(update: Update, context: KhabarContext) -> None:
    """Take the shared rate limiter's slot for this chat — unless Redis is what failed."""
    services = context.bot_data.services
    chat = update.effective_chat
    if services is None or chat is None:
        return
    try:
        await asyncio.wait_for(services.store.ratelimit.acquire(chat.id, services.pacing), PACE_WAIT)
    except Exception as exc:  # best effort: the apology matters more than the pacing here
        if is_redis_outage(exc):
            services.outage.failed(exc, final=True)
        elif not services.outage.down:
            log.warning("could not pace an apology", extra={"chat_id": chat.id})


async def _notify_admins(
    context: KhabarContext, error: BaseException | None, where: dict[str, int | str | None]
) -> None:
    services = context.bot_data.services
    chat_id = services.settings.error_chat_id if services else None
    if chat_id is None or error is None:
        return
    kind = type(error).__name__
    now = time.monotonic()
    if now - _last_notice.get(kind, -NOTICE_EVERY) < NOTICE_EVERY:
        return
    _last_notice[kind] = now
    place = " ".join(f"{k}={v}" for k, v in where.items() if v is not None)
    text = texts.fmt(texts.ERROR_NOTICE, error=f"{kind}: {error}"[:300], where=place)
    try:
        await patiently(
            lambda: context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML), what="notice", chat_id=chat_id
        )
    except (TelegramError, FloodOutlasted):
        log.warning("could not send an error notice", extra={"chat_id": chat_id})
