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


async def pause_chat(store: Store, chat_id: int, reason: PauseReason) -> int:
    """Pause a chat and each of its forum topics; returns how many subscriptions changed."""
    changed = await store.subscriptions.set_paused(chat_id, True, reason)
    dropped = await store.delivery.drop_chat(chat_key(chat_id))
    for sub in changed:
        if sub.thread_id is not None:
            dropped += await store.delivery.drop_chat(sub.chat_key)
    _paused(chat_id, reason, len(changed), dropped)
    if changed:
        await store.stats.incr("paused")
    return len(changed)


async def pause_topic(store: Store, chat_id: int, thread_id: int | None) -> bool:
    """Pause one forum topic (None: the forum's General topic, i.e. the chat's own subscription) and
    leave the chat's other topics running; True if its subscription changed."""
    sub = await store.subscriptions.get(chat_id, thread_id)
    changed = sub is not None and not sub.paused
    if sub is not None and changed:
        await store.subscriptions.put(sub.with_paused(True, PauseReason.GONE))
    dropped = await store.delivery.drop_chat(chat_key(chat_id, thread_id))
    _paused(chat_id, PauseReason.GONE, int(changed), dropped, thread_id)
    if changed:
        await store.stats.incr("paused")
    return changed


def _paused(chat_id: int, reason: PauseReason, changed: int, dropped: int, thread_id: int | None = None) -> None:
    if changed:
        extra = {"chat_id": chat_id, "thread_id": thread_id, "reason": reason.value, "dropped": dropped}
        log.info("chat paused" if thread_id is None else "topic paused", extra=extra)


async def resume_topic(store: Store, chat_id: int, thread_id: int | None) -> bool:
    """A closed forum topic was reopened: resume its subscription if a send error had paused it
    (a chat the bot was removed from stays paused until it is added back)."""

    def reopen(cur: Subscription | None) -> Subscription | None:
        return cur.with_paused(False) if cur is not None and cur.pause_reason is PauseReason.GONE else cur

    before = await store.subscriptions.get(chat_id, thread_id)
    if before is None or before.pause_reason is not PauseReason.GONE:
        return False
    after = await store.subscriptions.update(chat_id, thread_id, reopen)
    resumed = after is not None and not after.paused
    if resumed:
        log.info("topic resumed", extra={"chat_id": chat_id, "thread_id": thread_id})
    return resumed


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
