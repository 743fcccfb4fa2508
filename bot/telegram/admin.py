"""Admin commands (KHABAR_ADMIN_IDS only): sources, stats and channels. Thin, like bot.telegram.handlers.

Channels are managed from a chat with the bot: `/channel add @name ...` checks with
getChatAdministrators that the requester administers the channel and with getChatMember that the
bot may post there, then stores an ordinary subscription for the channel's numeric id.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
from functools import wraps
from typing import Any

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden

from bot import texts
from bot.args import (
    ArgError,
    ChannelAdd,
    ChannelList,
    ChannelRemove,
    parse_addsource,
    parse_channel,
)
from bot.ops.sources_admin import Resumed, SourceRejected
from bot.store.subscriptions import ChatKind, Mode, Subscription, format_hhmm
from bot.telegram.chat import is_bot_admin, reply
from bot.telegram.context import KhabarContext, SourceAdmin
from bot.telegram.flood import patiently
from bot.telegram.handlers import describe
from bot.texts import fa_digits, fmt, join

log = logging.getLogger("khabar.admin")

Handler = Callable[[Update, KhabarContext], Coroutine[Any, Any, None]]
LINES_PER_MESSAGE = 3500  # UTF-16 units of lines per reply (Telegram allows 4096 after parsing)


def admin_only(handler: Handler) -> Handler:
    """Refuse the command politely unless the sender is in KHABAR_ADMIN_IDS."""

    @wraps(handler)
    async def guarded(update: Update, context: KhabarContext) -> None:
        if not is_bot_admin(update, context):
            user = update.effective_user
            log.info("admin command refused", extra={"user_id": user.id if user else None})
            await reply(update, context, texts.ADMINS_ONLY)
            return
        await handler(update, context)

    return guarded


# --- sources -------------------------------------------------------------------------------------------------

_STATUS_ICON = {"ok": texts.SOURCE_OK, "failing": texts.SOURCE_FAILING, "paused": texts.SOURCE_PAUSED}


async def _source_admin(update: Update, context: KhabarContext) -> SourceAdmin | None:
    """The runtime-sources service, or None after telling the admin it is unavailable."""
    admin = context.services.sources
    if admin is None:
        await reply(update, context, texts.SOURCES_UNAVAILABLE)
    return admin


async def _one_source_id(update: Update, context: KhabarContext, usage: str) -> tuple[SourceAdmin, str] | None:
    """`/cmd ID`: the service and the id, or None after replying with the usage text."""
    admin = await _source_admin(update, context)
    if admin is None:
        return None
    args = context.args or []
    if len(args) != 1:
        await reply(update, context, usage)
        return None
    return admin, args[0][:100]


@admin_only
async def sources(update: Update, context: KhabarContext) -> None:
    """Every source with its health."""
    admin = await _source_admin(update, context)
    if admin is None:
        return
    listed = await admin.list()
    if not listed:
        await reply(update, context, texts.SOURCES_NONE)
        return
    lines = [fmt(texts.SOURCES_HEADER, count=fa_digits(len(listed)))]
    for s in listed:
        icon = _STATUS_ICON.get(s.status, "")
        lines.append(fmt(texts.SOURCE_LINE, status=icon, id=s.id, name=s.name, province=s.province or "—"))
    await _reply_lines(update, context, lines)


def _units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units; markup counted too, so an overestimate)."""
    return len(text.encode("utf-16-le")) // 2


async def _reply_lines(update: Update, context: KhabarContext, lines: Sequence[str]) -> None:
    """Reply with lines, split into several messages when long (never cut inside a line)."""
    chunk: list[str] = []
    size = 0
    for line in lines:
        if chunk and size + _units(line) > LINES_PER_MESSAGE:
            await reply(update, context, "\n".join(chunk))
            chunk, size = [], 0
        chunk.append(line)
        size += _units(line) + 1
    if chunk:
        await reply(update, context, "\n".join(chunk))


@admin_only
async def addsource(update: Update, context: KhabarContext) -> None:
    """`/addsource URL province [name]`: validated by one guarded fetch; a page's own feed is found for it."""
    admin = await _source_admin(update, context)
    if admin is None:
        return
    parsed = parse_addsource(context.args or [])
    if isinstance(parsed, ArgError):
        args = context.args or []
        if len(args) >= 2 and args[0].lower().startswith(("http://", "https://")):
            await reply(update, context, fmt(texts.ADDSOURCE_BAD_PROVINCE, province=" ".join(args[1:])[:60]))
        else:
            await reply(update, context, texts.ADDSOURCE_BAD)
        return
    result = await admin.add(parsed.url, parsed.province, parsed.name)
    if isinstance(result, SourceRejected):
        await reply(update, context, fmt(texts.ADDSOURCE_REJECTED, reason=result.reason))
        return
    s = result.source
    values = {"id": s.id, "name": s.name, "province": s.province or "—", "items": fa_digits(result.items)}
    if result.discovered_from is not None:
        text = fmt(texts.ADDSOURCE_DISCOVERED, page=result.discovered_from, feed=s.url, **values)
    else:
        text = fmt(texts.ADDSOURCE_OK, **values)
    await reply(update, context, text)


@admin_only
async def removesource(update: Update, context: KhabarContext) -> None:
    """`/removesource ID`."""
    target = await _one_source_id(update, context, texts.REMOVESOURCE_BAD)
    if target is None:
        return
    admin, source_id = target
    removed = await admin.remove(source_id)
    await reply(update, context, fmt(texts.REMOVESOURCE_OK if removed else texts.REMOVESOURCE_MISSING, id=source_id))


@admin_only
async def resumesource(update: Update, context: KhabarContext) -> None:
    """`/resumesource ID`: poll a source again that was paused after repeated failures."""
    target = await _one_source_id(update, context, texts.RESUMESOURCE_BAD)
    if target is None:
        return
    admin, source_id = target
    result = await admin.resume(source_id)
    if result is Resumed.RESUMED:
        log.info("source resumed by an admin", extra={"source_id": source_id})
    template = {
        Resumed.RESUMED: texts.RESUMESOURCE_OK,
        Resumed.NOT_PAUSED: texts.RESUMESOURCE_NOT_PAUSED,
        Resumed.MISSING: texts.REMOVESOURCE_MISSING,
    }[result]
    await reply(update, context, fmt(template, id=source_id))


# --- stats ---------------------------------------------------------------------------------------------------


@admin_only
async def stats(update: Update, context: KhabarContext) -> None:
    """Chats, subscriptions, sources health, queue length, sends and errors in the last hour."""
    svc = context.services
    subs = await svc.store.subscriptions.all()
    kinds = Counter(s.kind for s in subs)
    hour = await svc.store.stats.last_hour()
    sources_line = "—"
    if svc.sources is not None:
        listed = await svc.sources.list()
        health = Counter(s.status for s in listed)
        sources_line = fmt(
            texts.STATS_SOURCES,
            total=fa_digits(len(listed)),
            ok=fa_digits(health["ok"]),
            failing=fa_digits(health["failing"]),
            paused=fa_digits(health["paused"]),
        )
    values = {
        "chats": len(subs),
        "private": kinds[ChatKind.PRIVATE],
        "groups": kinds[ChatKind.GROUP] + kinds[ChatKind.SUPERGROUP],
        "channels": kinds[ChatKind.CHANNEL],
        "paused": sum(s.paused for s in subs),
        "daily": sum(s.mode is Mode.DAILY for s in subs),
        "queued": await svc.store.delivery.pending(),
        "waiting": await svc.store.delivery.chats_waiting(),
        **{k: hour[k] for k in ("sent", "flood", "neterr", "rejected")},
        "paused_now": hour["paused"],
    }
    text = texts.STATS.format(sources=sources_line, **{k: fa_digits(v) for k, v in values.items()})
    await reply(update, context, text)


# --- channels ------------------------------------------------------------------------------------------------


@admin_only
async def channel(update: Update, context: KhabarContext) -> None:
    """`/channel add @name [provinces/topics] [daily HH:MM]`, `/channel list`, `/channel remove @name`."""
    parsed = parse_channel(context.args or [])
    if isinstance(parsed, ArgError) or (isinstance(parsed, ChannelAdd) and parsed.targets.unknown):
        await reply(update, context, texts.CHANNEL_BAD)
    elif isinstance(parsed, ChannelList):
        await _channel_list(update, context)
    elif isinstance(parsed, ChannelRemove):
        await _channel_remove(update, context, parsed.ref)
    else:
        await _channel_add(update, context, parsed)


async def _channel_add(update: Update, context: KhabarContext, cmd: ChannelAdd) -> None:
    user = update.effective_user
    try:
        chat = await patiently(lambda: context.bot.get_chat(cmd.ref), what="getChat", chat_id=cmd.ref)
    except (BadRequest, Forbidden):
        await reply(update, context, fmt(texts.CHANNEL_NOT_FOUND, ref=cmd.ref))
        return
    if chat.type != ChatType.CHANNEL:
        await reply(update, context, fmt(texts.CHANNEL_NOT_CHANNEL, ref=cmd.ref))
        return
    try:  # Telegram hides a channel's members from a bot that is not in it ("member list is inaccessible")
        admins = await patiently(lambda: context.bot.get_chat_administrators(chat.id), what="getChatAdministrators")
        me = await patiently(lambda: context.bot.get_chat_member(chat.id, context.bot.id), what="getChatMember")
    except (BadRequest, Forbidden):
        await reply(update, context, fmt(texts.CHANNEL_BOT_CANNOT_POST, ref=cmd.ref))
        return
    if user is None or all(a.user.id != user.id for a in admins):
        await reply(update, context, fmt(texts.CHANNEL_NOT_ADMIN, ref=cmd.ref))
        return
    if me.status != ChatMemberStatus.ADMINISTRATOR or not getattr(me, "can_post_messages", False):
        await reply(update, context, fmt(texts.CHANNEL_BOT_CANNOT_POST, ref=cmd.ref))
        return
    sub = Subscription(
        chat.id,
        kind=ChatKind.CHANNEL,
        provinces=cmd.targets.provinces,
        topics=cmd.targets.topics,
        mode=Mode.DAILY if cmd.daily_at else Mode.INSTANT,
        daily_at=format_hhmm(cmd.daily_at) if cmd.daily_at else None,
        grouped=True if cmd.grouped else None,  # channels: one post per story unless the admin says `grouped`
        title=f"@{chat.username}" if chat.username else (chat.title or str(chat.id)),
        added_by=user.id,
    )
    await context.services.store.subscriptions.put(sub)
    await context.services.digests.reschedule(sub, context.services.now())
    log.info("channel added", extra={"chat_id": chat.id, "user_id": user.id})
    info = describe(sub)
    await reply(
        update,
        context,
        fmt(
            texts.CHANNEL_ADDED,
            ref=sub.title or cmd.ref,
            provinces=info["provinces"],
            topics=info["topics"],
            mode=info["mode"],
        ),
    )


async def _channels(context: KhabarContext) -> list[Subscription]:
    return [s for s in await context.services.store.subscriptions.all() if s.kind is ChatKind.CHANNEL]


async def _channel_list(update: Update, context: KhabarContext) -> None:
    channels = await _channels(context)
    if not channels:
        await reply(update, context, texts.CHANNEL_NONE)
        return
    lines = [texts.CHANNEL_LIST_HEADER]
    for sub in channels:
        info = describe(sub)
        what = join((*sub.provinces, *sub.topics), texts.ALL_NEWS)
        paused = texts.Html(texts.CHANNEL_LINE_PAUSED if sub.paused else "")
        lines.append(fmt(texts.CHANNEL_LINE, ref=sub.title or sub.chat_id, what=what, mode=info["mode"], paused=paused))
    await _reply_lines(update, context, lines)


async def _channel_remove(update: Update, context: KhabarContext, ref: str) -> None:
    for sub in await _channels(context):
        if ref == sub.title or ref == str(sub.chat_id):
            await context.services.store.subscriptions.remove(sub.chat_id)
            await context.services.store.delivery.drop_chat(sub.chat_key)
            await reply(update, context, fmt(texts.CHANNEL_REMOVED, ref=ref))
            return
    await reply(update, context, fmt(texts.CHANNEL_MISSING, ref=ref))
