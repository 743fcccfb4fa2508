"""Chat command handlers: thin and typed. Parse (bot.args), call the store, reply (bot.texts).

Admin commands live in bot.telegram.admin; registration happens in one block in bot.telegram.app.build_application.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot import texts
from bot.args import ArgError, Targets, parse_count, parse_filter, parse_mode, parse_quiet, parse_targets
from bot.delivery import lifecycle
from bot.delivery.matching import StoryFacts, matches
from bot.store.subscriptions import Mode, PauseReason, Subscription, format_hhmm
from bot.telegram.chat import answer, can_manage, edit, is_bot_admin, reply, where
from bot.telegram.context import KhabarContext
from bot.telegram.keyboards import Action, Callback, View, decode, subscription_keyboard
from bot.texts import fa_digits, fmt, join
from digest import TOPICS, RenderOptions, render_compact

log = logging.getLogger("khabar.handlers")

LATEST_DEFAULT = 5
LATEST_SCAN = 200  # recent stories looked at for /latest
MAX_KEYWORDS = 20


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def describe(sub: Subscription) -> dict[str, str]:  # values: plain text or texts.Html
    """The fields MYSUBS / CHANNEL_* templates show for a subscription."""
    mode: str = texts.MODE_INSTANT_LABEL
    if sub.mode is Mode.DAILY and sub.daily_at:
        mode = fmt(texts.MODE_DAILY_LABEL, time=fa_digits(sub.daily_at))
    else:
        mode += texts.MODE_GROUPED_LABEL if sub.groups_bursts else texts.MODE_SINGLE_LABEL
    quiet: str = texts.QUIET_NONE
    if sub.quiet_window:
        start, end = sub.quiet_window
        quiet = fmt(texts.QUIET_LABEL, start=fa_digits(format_hhmm(start)), end=fa_digits(format_hhmm(end)))
    return {
        "provinces": join(sub.provinces, texts.EVERY_PROVINCE),
        "topics": join(sub.topics, texts.EVERY_TOPIC),
        "mode": mode,
        "quiet": quiet,
        "filters": describe_filters(sub),
    }


def describe_filters(sub: Subscription) -> str:
    lines = []
    if sub.include:
        lines.append(fmt(texts.FILTER_INCLUDE, words=join(sub.include, "")))
    if sub.exclude:
        lines.append(fmt(texts.FILTER_EXCLUDE, words=join(sub.exclude, "")))
    return texts.Html("؛ ".join(lines)) if lines else texts.FILTERS_NONE


async def _guard(update: Update, context: KhabarContext) -> bool:
    """True if the sender may change this chat's subscription; otherwise say why."""
    if await can_manage(update, context):
        return True
    await reply(update, context, texts.GROUP_ADMINS_ONLY)
    return False


async def _current(update: Update, context: KhabarContext) -> Subscription | None:
    here = where(update)
    sub = await context.services.store.subscriptions.get(here.chat_id, here.thread_id)
    if sub is None:
        await reply(update, context, texts.NOT_SUBSCRIBED)
    return sub


async def _save(context: KhabarContext, sub: Subscription) -> Subscription:
    """Store a changed subscription (a chat that talks to us is reachable: unpause it)."""
    if sub.paused:
        sub = sub.with_paused(False)
    await context.services.store.subscriptions.put(sub)
    await context.services.digests.reschedule(sub, context.services.now())
    return sub


# --- /start /help --------------------------------------------------------------------------------------


async def start(update: Update, context: KhabarContext) -> None:
    """Welcome and how khabar works."""
    await reply(update, context, texts.START)


async def help_command(update: Update, context: KhabarContext) -> None:
    """Every command with an example (admins also see theirs)."""
    settings = context.services.settings
    text = fmt(texts.HELP, zone=settings.timezone, archive_days=fa_digits(settings.archive_days))
    await reply(update, context, text + texts.HELP_ADMIN if is_bot_admin(update, context) else text)


# --- subscriptions ------------------------------------------------------------------------------------------


async def subscribe(update: Update, context: KhabarContext) -> None:
    """Subscribe to all social news, or narrow to the named provinces/topics."""
    if not await _guard(update, context):
        return
    targets = await _targets(update, context)
    if targets is None:
        return
    here = where(update)
    cur = await context.services.store.subscriptions.get(here.chat_id, here.thread_id)
    base = cur or Subscription(here.chat_id, here.thread_id, kind=here.kind)
    if targets.empty:
        sub = await _save(context, replace(base, provinces=(), topics=()))
        await reply(update, context, texts.SUBSCRIBED_ALL, subscription_keyboard(sub, View.PROVINCES))
        return
    sub = await _save(
        context,
        replace(base, provinces=_union(base.provinces, targets.provinces), topics=_union(base.topics, targets.topics)),
    )
    info = describe(sub)
    await reply(update, context, fmt(texts.SUBSCRIBED, provinces=info["provinces"], topics=info["topics"]))


async def unsubscribe(update: Update, context: KhabarContext) -> None:
    """Stop everything, or drop the named provinces/topics from the subscription."""
    if not await _guard(update, context):
        return
    targets = await _targets(update, context)
    if targets is None:
        return
    sub = await _current(update, context)
    if sub is None:
        return
    if targets.empty:
        await _remove(context, sub)
        await reply(update, context, texts.UNSUBSCRIBED)
        return
    await _unsubscribe_some(update, context, sub, targets)


async def _remove(context: KhabarContext, sub: Subscription) -> None:
    await context.services.store.subscriptions.remove(sub.chat_id, sub.thread_id)
    await context.services.store.delivery.drop_chat(sub.chat_key)


async def _targets(update: Update, context: KhabarContext) -> Targets | None:
    """The provinces/topics named in the arguments, or None after explaining the unknown words."""
    targets = parse_targets(context.args or [])
    if not targets.unknown:
        return targets
    await reply(update, context, fmt(texts.UNKNOWN_TARGETS, words=join(targets.unknown, ""), topics=join(TOPICS, "")))
    return None


async def _unsubscribe_some(update: Update, context: KhabarContext, sub: Subscription, targets: Targets) -> None:
    if not sub.provinces and not sub.topics:
        await reply(update, context, texts.CANNOT_NARROW_BY_REMOVING)
        return
    named = (*targets.provinces, *targets.topics)
    missing = [n for n in named if n not in sub.provinces and n not in sub.topics]
    if missing:
        await reply(update, context, fmt(texts.NOT_IN_SUBSCRIPTION, words=join(missing, "")))
        return
    provinces = tuple(p for p in sub.provinces if p not in targets.provinces)
    topics = tuple(t for t in sub.topics if t not in targets.topics)
    if (sub.provinces and not provinces) or (sub.topics and not topics):
        # removing the last narrowing name would widen the subscription to everything: stop instead
        await _remove(context, sub)
        await reply(update, context, fmt(texts.UNSUBSCRIBED_LAST, removed=join(named, "")))
        return
    new = await _save(context, replace(sub, provinces=provinces, topics=topics))
    info = describe(new)
    text = fmt(texts.UNSUBSCRIBED_SOME, removed=join(named, ""), provinces=info["provinces"], topics=info["topics"])
    await reply(update, context, text)


async def mysubs(update: Update, context: KhabarContext) -> None:
    """What this chat (or forum topic) receives."""
    sub = await _current(update, context)
    if sub is None:
        return
    text = fmt(texts.MYSUBS, **describe(sub))
    await reply(update, context, text + (texts.MYSUBS_PAUSED if sub.paused else ""))


async def latest(update: Update, context: KhabarContext) -> None:
    """The latest n stories that match this chat, now."""
    svc = context.services
    n = parse_count(context.args or [], LATEST_DEFAULT, svc.settings.latest_max)
    if isinstance(n, ArgError):
        await reply(update, context, fmt(texts.LATEST_BAD, max=fa_digits(svc.settings.latest_max)))
        return
    here = where(update)
    sub = await svc.store.subscriptions.get(here.chat_id, here.thread_id) or Subscription(here.chat_id)
    recent = await svc.stories.recent(LATEST_SCAN)
    chosen = sorted((s for s in recent if matches(sub, StoryFacts.of(s))), key=lambda s: s.first_seen, reverse=True)[:n]
    if not chosen:
        await reply(update, context, texts.LATEST_NONE)
        return
    options = RenderOptions(timezone=svc.settings.timezone)
    for part in render_compact([s.digest for s in reversed(chosen)], options, title=texts.LATEST_TITLE):
        await reply(update, context, part)


# --- delivery preferences -----------------------------------------------------------------------------------


async def mode(update: Update, context: KhabarContext) -> None:
    """`/mode instant`, `/mode daily HH:MM`, or how bursts arrive: `/mode grouped` / `/mode single`."""
    if not await _guard(update, context):
        return
    choice = parse_mode(context.args or [])
    if isinstance(choice, ArgError):
        await reply(update, context, texts.MODE_BAD)
        return
    sub = await _current(update, context)
    if sub is None:
        return
    if choice.mode is None:  # `/mode grouped` or `/mode single`: how a burst of stories arrives
        await _save(context, replace(sub, grouped=choice.grouped))
        await reply(update, context, texts.MODE_GROUPED_SET if choice.grouped else texts.MODE_SINGLE_SET)
        return
    daily_at = format_hhmm(choice.at) if choice.at else None
    await _save(context, replace(sub, mode=choice.mode, daily_at=daily_at))
    if choice.mode is Mode.DAILY and daily_at:
        zone = context.services.settings.timezone
        await reply(update, context, fmt(texts.MODE_DAILY_SET, time=fa_digits(daily_at), zone=zone))
    else:
        await reply(update, context, texts.MODE_INSTANT_SET)


async def quiet(update: Update, context: KhabarContext) -> None:
    """`/quiet 23:00-07:00` or `/quiet off`."""
    if not await _guard(update, context):
        return
    choice = parse_quiet(context.args or [])
    if isinstance(choice, ArgError):
        await reply(update, context, texts.QUIET_BAD)
        return
    if choice.window is not None and choice.window[0] == choice.window[1]:
        await reply(update, context, texts.QUIET_EMPTY)
        return
    sub = await _current(update, context)
    if sub is None:
        return
    if choice.window is None:
        await _save(context, replace(sub, quiet=None))
        await reply(update, context, texts.QUIET_OFF)
        return
    start_at, end_at = (format_hhmm(t) for t in choice.window)
    await _save(context, replace(sub, quiet=f"{start_at}-{end_at}"))
    await reply(update, context, fmt(texts.QUIET_SET, start=fa_digits(start_at), end=fa_digits(end_at)))


async def filter_command(update: Update, context: KhabarContext) -> None:
    """`/filter +word -word`, `/filter clear`, or no arguments to show the filters."""
    sub = await _current(update, context)
    if sub is None:
        return
    if not context.args:
        await reply(update, context, fmt(texts.FILTER_SHOW, filters=describe_filters(sub)))
        return
    if not await _guard(update, context):
        return
    change = parse_filter(context.args)
    if isinstance(change, ArgError):
        await reply(update, context, fmt(texts.FILTER_BAD, words=join(change.words, "")))
        return
    if change.clear:
        await _save(context, replace(sub, include=(), exclude=()))
        await reply(update, context, texts.FILTER_CLEARED)
        return
    include = tuple(w for w in _union(sub.include, change.include) if w not in change.exclude)
    exclude = tuple(w for w in _union(sub.exclude, change.exclude) if w not in change.include)
    if len(include) + len(exclude) > MAX_KEYWORDS:
        await reply(update, context, fmt(texts.FILTER_TOO_MANY, max=fa_digits(MAX_KEYWORDS)))
        return
    new = await _save(context, replace(sub, include=include, exclude=exclude))
    await reply(update, context, fmt(texts.FILTER_SET, filters=describe_filters(new)))


# --- inline keyboard --------------------------------------------------------------------------------------


async def button(update: Update, context: KhabarContext) -> None:
    """A press on the province/topic picker. Every query is answered, whatever happens."""
    query = update.callback_query
    if query is None:
        return
    if update.effective_chat is None:  # a button under an inline message: not one of ours
        await answer(update, texts.CB_EXPIRED, alert=True)
        return
    cb = decode(query.data)
    if cb is None:
        await answer(update, texts.CB_EXPIRED, alert=True)
        return
    if not await can_manage(update, context):
        await answer(update, texts.CB_GROUP_ADMINS_ONLY, alert=True)
        return
    await answer(update, texts.CB_SAVED if cb.action is not Action.SHOW else None)
    here = where(update)
    store = context.services.store
    sub = await store.subscriptions.get(here.chat_id, here.thread_id)
    if cb.action is Action.DONE:
        shown = sub or Subscription(here.chat_id, here.thread_id)
        info = describe(shown)
        await edit(update, context, fmt(texts.SUBSCRIBED, provinces=info["provinces"], topics=info["topics"]))
        return
    if cb.action in (Action.TOGGLE, Action.CLEAR):
        sub = await _save(context, _apply(sub or Subscription(here.chat_id, here.thread_id, kind=here.kind), cb))
    prompt = texts.KB_PICK_PROVINCES if cb.view is View.PROVINCES else texts.KB_PICK_TOPICS
    await edit(update, context, prompt, subscription_keyboard(sub, cb.view))


def _apply(sub: Subscription, cb: Callback) -> Subscription:
    provinces = cb.view is View.PROVINCES
    current = sub.provinces if provinces else sub.topics
    if cb.action is Action.CLEAR:
        chosen: tuple[str, ...] = ()
    else:
        name = cb.name or ""
        chosen = tuple(n for n in current if n != name) if name in current else (*current, name)
    return replace(sub, provinces=chosen) if provinces else replace(sub, topics=chosen)


# --- chat lifecycle ----------------------------------------------------------------------------------------


async def my_chat_member(update: Update, context: KhabarContext) -> None:
    """The bot was blocked/removed/demoted (pause) or unblocked/added/promoted (resume)."""
    change = update.my_chat_member
    if change is None:
        return
    chat, new, old = change.chat, change.new_chat_member, change.old_chat_member
    store = context.services.store
    usable = new.status in (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
    if new.status == ChatMemberStatus.RESTRICTED:
        usable = bool(getattr(new, "can_send_messages", False))
    if chat.type == ChatType.CHANNEL:
        usable = new.status == ChatMemberStatus.ADMINISTRATOR and bool(getattr(new, "can_post_messages", False))
    log.info("bot status changed", extra={"chat_id": chat.id, "old": old.status, "new": new.status})
    if not usable:
        await lifecycle.pause_chat(store, chat.id, PauseReason.BLOCKED)
        return
    resumed = await lifecycle.resume_chat(store, chat.id)
    joined = old.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    if joined and not resumed and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
        await reply(update, context, texts.ADDED_TO_GROUP)


async def topic_reopened(update: Update, context: KhabarContext) -> None:
    """A closed forum topic (or the General one) was reopened: deliveries to it resume."""
    here = where(update)
    await lifecycle.resume_topic(context.services.store, here.chat_id, here.thread_id)


async def migrated(update: Update, context: KhabarContext) -> None:
    """A group became a supergroup: follow it to its new id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        await lifecycle.migrate_chat(context.services.store, message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await lifecycle.migrate_chat(context.services.store, message.migrate_from_chat_id, message.chat.id)


# --- everything else ---------------------------------------------------------------------------------------


async def unknown_command(update: Update, context: KhabarContext) -> None:
    """A command khabar does not have (commands addressed to other bots are ignored)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    command = message.text.split()[0]
    _, at, addressee = command.partition("@")
    if at and addressee.lower() != (context.bot.username or "").lower():
        return
    await reply(update, context, texts.UNKNOWN_COMMAND)


async def private_text(update: Update, context: KhabarContext) -> None:
    """Plain text in a private chat: point to /help."""
    await reply(update, context, texts.PRIVATE_TEXT)
