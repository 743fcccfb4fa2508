"""Chat lifecycle: pause (never delete) when a chat becomes unusable, resume, follow migrations.

Called from my_chat_member updates (bot.telegram.handlers) and from send errors (bot.telegram.sender). A paused
chat keeps its subscription; its pending messages and held stories are dropped (a user who
unblocks the bot weeks later should not get a flood of stale news). Everything here is idempotent,
so the update and the send error may both report the same event.
"""

from __future__ import annotations

import logging

from bot.store import Store
from bot.store.subscriptions import PauseReason, Subscription, chat_key

log = logging.getLogger("khabar.lifecycle")

# Send errors that mean "this chat cannot get messages now" (el_monitorro / NodeRSSBot lists).
TERMINAL_ERRORS = (
    "bot was blocked by the user",
    "user is deactivated",
    "bot was kicked",
    "bot is not a member",
    "group chat was deleted",
    "bot can't initiate conversation",
    "bot can't send messages to bots",
    "chat not found",
    "need administrator rights",
    "have no rights to send a message",
    "not enough rights to send",
    "chat_write_forbidden",
    "topic_closed",
    "topic_deleted",
    "message thread not found",
)


def is_terminal(description: str) -> bool:
    text = description.lower()
    return any(marker in text for marker in TERMINAL_ERRORS)


def is_topic_error(description: str) -> bool:
    """The forum topic is closed or gone: pause that topic only, not the whole group."""
    text = description.lower()
    return any(marker in text for marker in ("topic_closed", "topic_deleted", "message thread not found"))


async def pause_chat(store: Store, chat_id: int, reason: PauseReason, thread_id: int | None = None) -> int:
    """Pause a chat (or one forum topic); returns how many subscriptions changed."""
    if thread_id is not None:
        sub = await store.subscriptions.get(chat_id, thread_id)
        changed = []
        if sub is not None and not sub.paused:
            await store.subscriptions.put(sub.with_paused(True, reason))
            changed = [sub]
        dropped = await store.delivery.drop_chat(chat_key(chat_id, thread_id))
    else:
        changed = await store.subscriptions.set_paused(chat_id, True, reason)
        dropped = await store.delivery.drop_chat(chat_key(chat_id))
        for sub in changed:
            if sub.thread_id is not None:
                dropped += await store.delivery.drop_chat(sub.chat_key)
    if changed:
        await store.stats.incr("paused")
        log.info("chat paused", extra={"chat_id": chat_id, "reason": reason.value, "dropped": dropped})
    return len(changed)


async def resume_chat(store: Store, chat_id: int) -> list[Subscription]:
    resumed = await store.subscriptions.set_paused(chat_id, False)
    if resumed:
        log.info("chat resumed", extra={"chat_id": chat_id, "subscriptions": len(resumed)})
    return resumed


async def migrate_chat(store: Store, old_chat_id: int, new_chat_id: int) -> int:
    """Group → supergroup: move subscriptions and pending messages to the new id."""
    moved = await store.subscriptions.migrate(old_chat_id, new_chat_id)
    jobs = await store.delivery.move_chat(chat_key(old_chat_id), chat_key(new_chat_id))
    await store.weekly.move(chat_key(old_chat_id), chat_key(new_chat_id))  # numbers of the week follow too
    if moved or jobs:
        log.info("chat migrated", extra={"chat_id": old_chat_id, "new_chat_id": new_chat_id, "jobs": jobs})
    return len(moved)
