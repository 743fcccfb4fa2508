"""Telegram updates with several khabar processes: the lease holder's updater, each update once.

`PtbUpdates` is what bot.runtime.lease starts on the process holding the updates lease and stops when it
loses it: PTB's updater, long polling by default, or — with KHABAR_WEBHOOK_URL — PTB's webhook server
plus setWebhook. Webhook mode is decided the same way: only the lease holder listens on
KHABAR_WEBHOOK_PORT and registers the webhook, so a new holder re-points Telegram at itself (its own
KHABAR_WEBHOOK_URL, or the shared one behind a reverse proxy that fails over to whichever
instance accepts connections).

`once_per_update` runs before every other handler (group -1) and skips an update that some process
already handled (bot.store.updates). It guards the handover: getUpdates confirms updates only with
the *next* call's offset, so a holder that dies after handling a batch and before that call leaves
the batch to be fetched again by its successor; a webhook call Telegram retries is the same case.
Before polling, a new holder also confirms everything up to the last handled id with one
`getUpdates(offset=last+1, timeout=0)`, so Telegram does not even send those again.

Handling is "at most once" per update: the id is recorded before the handlers run, so an update
whose process dies mid-handler is not answered (the user sends the command again) rather than
answered twice. If Redis is unreachable the update is handled anyway (the handlers that need Redis
apologise); the outage is logged once (bot.runtime.outage).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.runtime.outage import describe, is_redis_outage
from bot.telegram.context import KhabarApp, KhabarContext

log = logging.getLogger("khabar.updates")


async def once_per_update(update: object, context: KhabarContext) -> None:
    """Stop an update another process (or this one) already handled (registered in group -1)."""
    services = context.bot_data.services
    if services is None or not isinstance(update, Update):
        return
    try:
        first = await services.store.updates.first_time(update.update_id)
    except Exception as exc:
        if not is_redis_outage(exc):
            raise
        services.outage.failed(exc, final=True)
        return  # cannot tell: handle it (a duplicate needs a handover during an outage)
    if not first:
        log.info("update already handled; skipped", extra={"update_id": update.update_id})
        raise ApplicationHandlerStop


class PtbUpdates:
    """bot.runtime.lease.Updates for one Application: start/stop its updater in the configured mode."""

    def __init__(self, app: KhabarApp, start: Callable[[KhabarApp], Awaitable[None]]) -> None:
        self._app = app
        self._start = start  # bot.telegram.app._start_updates: long polling or webhook, as configured

    async def start(self) -> None:
        updater = self._app.updater
        if updater is None or updater.running:
            return
        boot = self._app.bot_data.boot
        if boot is not None and not boot.settings.webhook_url:
            await self._confirm_handled()
        await self._start(self._app)

    async def stop(self) -> None:
        updater = self._app.updater
        if updater is not None and updater.running:
            await updater.stop()

    async def _confirm_handled(self) -> None:
        """Tell Telegram that every update up to the last one handled (by anyone) is consumed."""
        services = self._app.bot_data.services
        if services is None:
            return
        try:
            last = await services.store.updates.last()
            if last is not None:
                await self._app.bot.get_updates(offset=last + 1, limit=1, timeout=0)
        except TelegramError as exc:  # e.g. a webhook still set: PTB's bootstrap deletes it next
            log.debug("confirming handled updates failed", extra={"error": describe(exc)})
        except Exception as exc:
            if not is_redis_outage(exc):
                raise
            services.outage.failed(exc, final=True)
