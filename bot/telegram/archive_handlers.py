"""Chat commands on the archive: `/search`, its page buttons, `/figures`, `/weekly`. Thin, like
bot.telegram.handlers: parse (bot.archive.query, bot.args), call a service (bot.archive: search,
figures, weekly), reply (bot.texts). Registered with the others in bot.telegram.app.
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.archive.figures import latest_figures, render_sheet
from bot.archive.query import Query, QueryError, parse_query
from bot.archive.search import search_page
from bot.archive.weekly import WeeklyPoster, describe_plan, parse_weekly
from bot.store.subscriptions import ChatKind, Subscription, chat_key
from bot.telegram.chat import can_manage, edit, is_bot_admin, reply, where
from bot.telegram.context import KhabarContext
from bot.telegram.keyboards import Listing, decode_page, pages_keyboard
from bot.texts import fmt

QUERY_ERRORS = {
    QueryError.EMPTY: texts.SEARCH_EMPTY,
    QueryError.TOO_LONG: texts.SEARCH_TOO_LONG,
    QueryError.ONLY_STOP_WORDS: texts.SEARCH_STOP_WORDS,
}


async def _query(update: Update, context: KhabarContext, empty: str) -> Query | None:
    """The query in the command's arguments, or None after a short Persian answer saying why not."""
    parsed = parse_query(" ".join(context.args or []))
    if isinstance(parsed, QueryError):
        await reply(update, context, empty if parsed is QueryError.EMPTY else QUERY_ERRORS[parsed])
        return None
    return parsed


async def search(update: Update, context: KhabarContext) -> None:
    """`/search words [province] [topic]`: archived stories, newest first, five a page."""
    query = await _query(update, context, texts.SEARCH_EMPTY)
    if query is None:
        return
    svc = context.services
    answer = await search_page(svc.store, query, 0, svc.now(), svc.settings.timezone)
    markup = None
    if answer.pages > 1:
        qid = await svc.store.archive.remember_query(query.text)
        markup = pages_keyboard(Listing.SEARCH, qid, answer.page, answer.pages)
    await reply(update, context, answer.text, markup)


async def figures(update: Update, context: KhabarContext) -> None:
    """`/figures topic or words [province]`: the latest key figures, one line each."""
    query = await _query(update, context, texts.FIGURES_EMPTY)
    if query is None:
        return
    svc = context.services
    rows = await latest_figures(svc.store, query, svc.now())
    for part in render_sheet(query, rows, svc.settings.timezone):
        await reply(update, context, part)


async def weekly(update: Update, context: KhabarContext) -> None:
    """`/weekly on [day] [HH:MM]`, `/weekly off`, `/weekly` (status); admins: `/weekly @channel on ...`."""
    args = list(context.args or [])
    ck = chat_key(where(update).chat_id, where(update).thread_id)
    if args and (args[0].startswith("@") or args[0].startswith("-100")):
        if not is_bot_admin(update, context):
            await reply(update, context, texts.ADMINS_ONLY)
            return
        channel = await _channel(context, args.pop(0))
        if channel is None:
            await reply(update, context, texts.CHANNEL_NONE)
            return
        ck = channel.chat_key
    elif args and not await can_manage(update, context):
        await reply(update, context, texts.GROUP_ADMINS_ONLY)
        return
    await _weekly(update, context, ck, args)


async def _weekly(update: Update, context: KhabarContext, ck: str, args: list[str]) -> None:
    svc = context.services
    zone = svc.settings.timezone
    if not args:
        plan = await svc.store.weekly.plan(ck)
        text = fmt(texts.WEEKLY_STATUS_ON, zone=zone, **describe_plan(plan)) if plan else texts.WEEKLY_STATUS_OFF
        await reply(update, context, text)
        return
    choice = parse_weekly(args)
    if choice is None:
        await reply(update, context, texts.WEEKLY_BAD)
    elif choice.plan is None:
        await svc.store.weekly.remove(ck)
        await reply(update, context, texts.WEEKLY_OFF)
    else:
        await WeeklyPoster(svc.store, svc.settings).opt_in(ck, choice.plan, svc.now())
        await reply(update, context, fmt(texts.WEEKLY_ON, zone=zone, **describe_plan(choice.plan)))


async def _channel(context: KhabarContext, ref: str) -> Subscription | None:
    """A channel added with /channel add, by @name or numeric id."""
    for sub in await context.services.store.subscriptions.all():
        if sub.kind is ChatKind.CHANNEL and ref in (sub.title, str(sub.chat_id)):
            return sub
    return None


async def search_button(update: Update, context: KhabarContext) -> None:
    """A press on a search answer's page buttons: show that page in the same message."""
    query = update.callback_query
    if query is None:
        return
    cb = decode_page(query.data)
    svc = context.services
    text = await svc.store.archive.recall_query(cb.qid) if cb is not None else None
    parsed = parse_query(text) if text is not None else None
    if cb is None or update.effective_chat is None or not isinstance(parsed, Query):
        await query.answer(texts.SEARCH_EXPIRED, show_alert=True)
        return
    await query.answer()
    answer = await search_page(svc.store, parsed, cb.page, svc.now(), svc.settings.timezone)
    await edit(update, context, answer.text, pages_keyboard(cb.listing, cb.qid, answer.page, answer.pages))
