"""Tell the admins, once, that a source was paused after repeated failures (and how to resume it).

The poller reports each pause once (`CycleResult.paused`, a state transition made under the
source's claim); `ops:paused:{id}:{t}` makes the notice idempotent besides, so a cycle that is
retried never tells twice. The notice goes to every KHABAR_ADMIN_IDS private chat through the
delivery queue: durable, paced by the shared rate limiter, retried like any message. The
admin resumes with `/resumesource ID` (bot.telegram.admin).
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot import texts
from bot.pipeline import CycleResult
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import chat_key
from feeds.poller import SourceOutcome

log = logging.getLogger("khabar.alerts")

MAX_ERROR_CHARS = 200


async def tell_admins_paused(store: Store, settings: Settings, result: CycleResult, now: datetime) -> int:
    """Queue one Persian notice per newly paused source for each admin; returns the notices queued."""
    if not result.paused:
        return 0
    outcomes = {o.source_id: o for o in result.outcomes}
    queued = 0
    for source in result.paused:
        outcome = outcomes.get(source.id)
        paused_at = outcome.state.checked_at if outcome and outcome.state.checked_at else now
        if not await store.ops.first_pause_notice(source.id, paused_at):
            continue
        log.warning(
            "source paused after repeated errors; telling the admins",
            extra={"source_id": source.id, "admins": len(settings.admin_ids)},
        )
        text = notice(source.id, source.name, outcome)
        for admin_id in sorted(settings.admin_ids):
            await store.delivery.enqueue_parts(chat_key(admin_id), [text])
            queued += 1
    return queued


def notice(source_id: str, name: str, outcome: SourceOutcome | None) -> str:
    errors = outcome.state.error_count if outcome else 0
    error = (outcome.error or outcome.state.last_error) if outcome else None
    return texts.fmt(
        texts.SOURCE_PAUSED_NOTICE,
        id=source_id,
        name=name,
        errors=texts.fa_digits(errors),
        error=(error or "—")[:MAX_ERROR_CHARS],
    )
