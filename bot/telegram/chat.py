"""Small helpers the handlers share: where a command came from, who may change things, replying.

Replies go through the shared rate limiter (bot.store.ratelimit) like every other message, so a
burst of command replies during a broadcast cannot push khabar over Telegram's limits; a 429 that
comes anyway is waited out (bot.telegram.flood), as are button answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest

from bot.store.subscriptions import ChatKind
from bot.telegram.context import KhabarContext
from bot.telegram.flood import patiently
from bot.telegram.sender import NO_PREVIEW

ADMIN_STATUSES = frozenset({ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER})
# edits that cannot (or need not) happen: the press was answered already; there is nothing to fix
_NOT_EDITABLE = ("not modified", "message to edit not found", "message can't be edited", "message_id_invalid")


@dataclass(frozen=True, slots=True)
class Where:
    chat_id: int
    thread_id: int | None
    kind: ChatKind

    @property
    def is_group(self) -> bool:
        return self.kind in (ChatKind.GROUP, ChatKind.SUPERGROUP)


def where(update: Update) -> Where:
    """The chat (and forum topic) an update belongs to."""
    chat = update.effective_chat
    if chat is None:
        raise ValueError("update without a chat")
    message = update.effective_message
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    return Where(chat.id, thread, ChatKind(chat.type) if chat.type in set(ChatKind) else ChatKind.PRIVATE)


def is_bot_admin(update: Update, context: KhabarContext) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.services.settings.admin_ids


async def can_manage(update: Update, context: KhabarContext) -> bool:
    """May the sender change this chat's subscription? Private: yes; groups: group admins only."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.CHANNEL:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous group admin
    user = update.effective_user
    if user is None:
        return False
    member = await patiently(
        lambda: context.bot.get_chat_member(chat.id, user.id), what="getChatMember", chat_id=chat.id
    )
    return member.status in ADMIN_STATUSES


async def reply(
    update: Update, context: KhabarContext, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Send `text` (Telegram HTML) to the chat/topic the update came from."""
    here = where(update)
    await context.services.store.ratelimit.acquire(here.chat_id, context.services.pacing)
    return await patiently(
        lambda: context.bot.send_message(
            here.chat_id,
            text,
            parse_mode=ParseMode.HTML,
            message_thread_id=here.thread_id,
            reply_markup=markup,
            link_preview_options=NO_PREVIEW,
        ),
        what="reply",
        chat_id=here.chat_id,
    )


async def edit(update: Update, context: KhabarContext, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the text and keyboard of the message a button was pressed under."""
    query = update.callback_query
    if query is None:
        return
    here = where(update)
    await context.services.store.ratelimit.acquire(here.chat_id, context.services.pacing)
    try:
        await patiently(
            lambda: query.edit_message_text(
                text, parse_mode=ParseMode.HTML, reply_markup=markup, link_preview_options=NO_PREVIEW
            ),
            what="edit",
            chat_id=here.chat_id,
        )
    except BadRequest as exc:
        if not any(gone in exc.message.lower() for gone in _NOT_EDITABLE):
            raise


async def answer(update: Update, text: str | None = None, *, alert: bool = False) -> None:
    """Answer the button press of `update` (a 429 is waited out)."""
    query = update.callback_query
    if query is not None:
        chat = update.effective_chat
        await patiently(
            lambda: query.answer(text, show_alert=alert), what="answerCallbackQuery", chat_id=chat.id if chat else None
        )
