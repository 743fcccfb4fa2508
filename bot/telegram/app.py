"""The python-telegram-bot Application, built in one place, and the loop that runs it.

`build_application(settings)` wires everything: the Bot API client (KHABAR_TELEGRAM_API_URL as
PTB's base_url, KHABAR_TELEGRAM_PROXY), the handlers (one block, below), the error handler, the
JobQueue jobs and post_init/post_stop/post_shutdown, which open and close Redis, the shared httpx
client and the delivery worker. Services reach handlers through `KhabarContext` — no globals.

`serve(app, stop)` runs it: long polling by default; with KHABAR_WEBHOOK_URL set, PTB's webhook
server on KHABAR_WEBHOOK_LISTEN:KHABAR_WEBHOOK_PORT (Telegram calls KHABAR_WEBHOOK_URL, which a
reverse proxy forwards there; KHABAR_WEBHOOK_SECRET is checked on every call). With `console`, the
Bot API is answered locally and messages are printed (bot.telegram.console).

Several processes may run against one Redis: each runs the jobs and the delivery worker, and only the
holder of the updates lease runs the updater (bot.runtime.lease, bot.telegram.updates). Jobs wait out Redis outages
(bot.runtime.outage.Guarded); at start, khabar waits for a Redis that does not answer yet.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any, TextIO
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import texts
from bot.delivery.digests import DigestScheduler
from bot.delivery.fanout import Fanout, SubscriptionCache
from bot.ops.observe import OBSERVE_TICK, Observer
from bot.pipeline import build_client
from bot.runtime.clock import Clock, system_clock
from bot.runtime.health_server import HealthServer
from bot.runtime.lease import LeaseConfig, LeaseKeeper
from bot.runtime.metrics import Metrics
from bot.runtime.outage import Backoff, Guarded, Outage
from bot.runtime.redis_conn import open_redis
from bot.settings import Settings
from bot.store import Store
from bot.store.keys import DEFAULT_PREFIX
from bot.store.ratelimit import Pacing
from bot.store.subscriptions import Subscription
from bot.telegram import admin, archive_handlers, handlers, jobs
from bot.telegram.console import CONSOLE_CHAT_ID, CONSOLE_TOKEN, ConsoleRequest
from bot.telegram.context import Boot, BotData, KhabarApp, KhabarContext, Resources, Services, Wiring
from bot.telegram.errors import on_error
from bot.telegram.keyboards import PAGE_VERSION
from bot.telegram.request import make_request
from bot.telegram.sender import DeliveryWorker
from bot.telegram.updates import PtbUpdates, once_per_update
from digest import RenderOptions

log = logging.getLogger("khabar.app")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
CONSOLE_PREFIX = DEFAULT_PREFIX + "console:"  # console runs never touch a real bot's state
FANOUT_TICK = 5.0
CONSOLE_BACKFILL = 10  # items per source the console shows on its first poll
POLL_TIMEOUT = 30  # getUpdates long-poll seconds
REDIS_START_WAIT = math.inf  # `khabar run` waits for Redis at start (logging once) instead of exiting
PAGE_BUTTONS = f"^{PAGE_VERSION}\\|"  # archive answers' page buttons (bot.telegram.keyboards)
JOB_KWARGS = {"max_instances": 2}  # the second instance of a busy job returns at once (bot.runtime.outage.Guarded)


def build_application(
    settings: Settings,
    *,
    wiring: Wiring,
    clock: Clock = system_clock,
    console: TextIO | None = None,
    prefix: str | None = None,
    metrics: Metrics | None = None,
) -> KhabarApp:
    """The whole bot as one PTB Application (not started). Pass the process's `metrics` when the
    wiring counts into them too (bot.wiring.wiring_for); otherwise the application makes its own."""
    if console is not None:
        # The console has one reader: no need to pace its "private chat" at Telegram's 1/s; and a demo
        # should show the feeds' current items on the first poll instead of only later ones.
        settings = replace(
            settings,
            private_rate=max(settings.private_rate, 50.0),
            global_rate=1000.0,
            backfill=max(settings.backfill, CONSOLE_BACKFILL),
        )
    elif settings.bot_token is None:
        raise ValueError("KHABAR_BOT_TOKEN is required (or run with --console)")
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token.reveal() if settings.bot_token and console is None else CONSOLE_TOKEN)
        .base_url(settings.telegram_api_url)
        .context_types(ContextTypes(context=KhabarContext, bot_data=BotData))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if console is not None:
        builder = builder.request(ConsoleRequest(console)).updater(None)
    else:
        builder = builder.request(make_request(settings)).get_updates_request(make_request(settings, for_updates=True))
    app: KhabarApp = builder.build()
    default_prefix = CONSOLE_PREFIX if console is not None else DEFAULT_PREFIX
    app.bot_data.boot = Boot(
        settings, wiring, clock, prefix or default_prefix, console is not None, metrics or Metrics()
    )
    _register(app)
    return app


def _register(app: KhabarApp) -> None:
    """Every handler, in one block. Group -1: skip updates already handled; group 0: first match wins."""
    app.add_handler(TypeHandler(Update, once_per_update), group=-1)
    only_messages = filters.UpdateType.MESSAGE  # edited commands are not commands again
    commands: list[tuple[str, Callable[[Update, KhabarContext], Coroutine[Any, Any, None]]]] = [
        ("start", handlers.start),
        ("help", handlers.help_command),
        ("subscribe", handlers.subscribe),
        ("unsubscribe", handlers.unsubscribe),
        ("mysubs", handlers.mysubs),
        ("latest", handlers.latest),
        ("mode", handlers.mode),
        ("quiet", handlers.quiet),
        ("filter", handlers.filter_command),
        ("search", archive_handlers.search),
        ("figures", archive_handlers.figures),
        ("weekly", archive_handlers.weekly),
        ("sources", admin.sources),
        ("addsource", admin.addsource),
        ("removesource", admin.removesource),
        ("resumesource", admin.resumesource),
        ("stats", admin.stats),
        ("channel", admin.channel),
    ]
    for name, callback in commands:
        app.add_handler(CommandHandler(name, callback, filters=only_messages))
    app.add_handler(CallbackQueryHandler(archive_handlers.search_button, pattern=PAGE_BUTTONS))
    app.add_handler(CallbackQueryHandler(handlers.button))
    app.add_handler(ChatMemberHandler(handlers.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, handlers.migrated))
    app.add_handler(MessageHandler(filters.StatusUpdate.FORUM_TOPIC_REOPENED, handlers.topic_reopened))
    app.add_handler(MessageHandler(filters.COMMAND & only_messages, handlers.unknown_command))
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & only_messages, handlers.private_text
        )
    )
    app.add_error_handler(on_error)


# --- lifecycle hooks ------------------------------------------------------------------------------------------


async def _post_init(app: KhabarApp) -> None:
    boot = app.bot_data.boot
    if boot is None:
        raise RuntimeError("build the application with build_application()")
    settings = boot.settings
    handle = await open_redis(settings, wait=REDIS_START_WAIT)
    http = build_client(settings)  # feeds' SSRF-guarded client, shared by polling and /addsource
    metrics = boot.metrics or Metrics()
    health: HealthServer | None = None
    try:
        store = Store.from_settings(handle.client, settings, boot.prefix)
        collab = await boot.wiring(store, settings, http)
        pacing = Pacing.from_rates(settings.global_rate, settings.private_rate, settings.group_per_minute)
        worker = DeliveryWorker(app.bot, store, settings, pacing, outage=handle.outage, metrics=metrics)
        subs = SubscriptionCache(store)
        options = RenderOptions(timezone=settings.timezone)
        observer = Observer(metrics, store, settings)
        app.bot_data.services = Services(
            settings=settings,
            store=store,
            clock=boot.clock,
            pacing=pacing,
            stories=collab.stories,
            fanout=Fanout(store, settings, collab.stories, options, subs, wake=worker.wake, metrics=metrics),
            digests=DigestScheduler(store, settings, collab.stories, options, subs),
            sources=collab.sources,
            poll=collab.poll,
            outage=handle.outage,
            observer=observer,
        )
        if boot.console:
            await _ensure_console_chat(store)
        health = await _start_health(settings, observer)
    except BaseException:
        await http.aclose()
        await handle.close()
        raise
    app.bot_data.resources = Resources(handle, http, worker, health=health)
    worker.start()
    _schedule_jobs(app, settings, handle.outage)
    if not boot.console:
        await _set_commands(app, settings)
    log.info("khabar started", extra={"console": boot.console, "redis": handle.description})


async def _start_health(settings: Settings, observer: Observer) -> HealthServer | None:
    """Serve /metrics and /healthz on KHABAR_METRICS_HOST:KHABAR_METRICS_PORT (off when no port)."""
    if settings.metrics_port is None:
        return None
    server = HealthServer(observer.metrics, observer.health, settings.metrics_host, settings.metrics_port)
    await server.start()  # raises ListenError (one line) when the port cannot be used
    return server


def _schedule_jobs(app: KhabarApp, settings: Settings, outage: Outage) -> None:
    jq = app.job_queue
    if jq is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    ticks = [
        ("poll", jobs.poll_tick, settings.poll_tick, 0.5),
        ("fanout", jobs.fanout_tick, FANOUT_TICK, FANOUT_TICK),
        ("digests", jobs.digest_tick, settings.schedule_tick, 0.2),
        ("weekly", jobs.weekly_tick, settings.schedule_tick, 0.3),
        ("metrics", jobs.observe_tick, OBSERVE_TICK, 1.0),
    ]
    for name, tick, every, first in ticks:
        jq.run_repeating(Guarded(name, tick, outage), interval=every, first=first, name=name, job_kwargs=JOB_KWARGS)


async def _set_commands(app: KhabarApp, settings: Settings) -> None:
    """Register the command menu in Persian; admins also see theirs (best effort)."""
    public = [BotCommand(name, description) for name, description in texts.COMMANDS]
    extra = [BotCommand(name, description) for name, description in texts.ADMIN_COMMANDS]
    try:
        await app.bot.set_my_commands(public)
    except TelegramError as exc:
        log.warning("setMyCommands failed", extra={"error": str(exc)})
    for admin_id in sorted(settings.admin_ids):
        try:
            await app.bot.set_my_commands(public + extra, scope=BotCommandScopeChat(admin_id))
        except TelegramError:
            pass  # an admin who never opened the bot has no chat with it yet


async def _ensure_console_chat(store: Store) -> None:
    if await store.subscriptions.get(CONSOLE_CHAT_ID) is None:
        await store.subscriptions.put(Subscription(CONSOLE_CHAT_ID))


async def _post_stop(app: KhabarApp) -> None:
    if app.bot_data.resources is not None:
        await app.bot_data.resources.worker.stop()


async def _post_shutdown(app: KhabarApp) -> None:
    resources = app.bot_data.resources
    if resources is not None:
        app.bot_data.resources = None
        if resources.health is not None:
            await resources.health.stop()
        await resources.http.aclose()
        await resources.redis.close()


# --- running -------------------------------------------------------------------------------------------------


async def serve(app: KhabarApp, stop: asyncio.Event) -> None:
    """Run the application until `stop` is set (what PTB's run_polling/run_webhook do, but async)."""
    try:
        if not await _initialize(app, stop):
            return  # stopped while Telegram was unreachable
        if app.post_init is not None and not await _unless_stopped(app.post_init(app), stop):
            return  # stopped while starting (e.g. while waiting for Redis)
        await app.start()
        _start_keeper(app)
        await stop.wait()
    finally:
        resources = app.bot_data.resources
        if resources is not None and resources.keeper is not None:
            await resources.keeper.stop()  # stops the updater, then hands the lease on
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


class TelegramRejected(RuntimeError):
    """The Bot API refused the token (401/404): retrying cannot help. The message is one line."""


async def _initialize(app: KhabarApp, stop: asyncio.Event) -> bool:
    """PTB's initialize (it calls getMe), retried while Telegram cannot be reached; False if stopped first.

    Inside Iran the Bot API is filtered and proxies come and go, so an unreachable Telegram is waited
    out with back-off and logged once; a refused token is final (and, unlike PTB's own message, the
    error never repeats the token).
    """
    try:
        started = await _initialize_until_stopped(app, stop)
    except BaseException:
        await app.bot.shutdown()  # close the HTTP sessions a failed getMe left open
        raise
    if not started:
        await app.bot.shutdown()
    return started


async def _initialize_until_stopped(app: KhabarApp, stop: asyncio.Event) -> bool:
    backoff = Backoff(base=1.0, cap=60.0)
    warned = False
    while True:
        try:
            await app.initialize()
        except InvalidToken:
            raise TelegramRejected("telegram: the Bot API refused KHABAR_BOT_TOKEN (401 Unauthorized)") from None
        except (TimedOut, NetworkError) as exc:
            if isinstance(exc, BadRequest):
                raise
            if not warned:
                warned = True
                log.warning(
                    "telegram not reachable yet, retrying (check KHABAR_TELEGRAM_API_URL and KHABAR_TELEGRAM_PROXY)",
                    extra={"error": str(exc) or type(exc).__name__},
                )
        else:
            if warned:
                log.info("telegram reachable")
            return True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), backoff.next())
            return False


async def _unless_stopped(work: Coroutine[Any, Any, None], stop: asyncio.Event) -> bool:
    """Run `work` unless `stop` is set first, which cancels it. True when it completed."""
    task = asyncio.ensure_future(work)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if task.cancelled():
        return False
    task.result()
    return True


def _start_keeper(app: KhabarApp) -> None:
    """Receive updates only while holding the updates lease (one consumer across instances)."""
    services, resources, boot = app.bot_data.services, app.bot_data.resources, app.bot_data.boot
    if app.updater is None or services is None or resources is None or boot is None:
        return
    config = LeaseConfig.for_ttl(boot.settings.updates_lease)
    keeper = LeaseKeeper(services.store.lease("updates"), PtbUpdates(app, _start_updates), config, services.outage)
    resources.keeper = keeper
    keeper.start()


async def _start_updates(app: KhabarApp) -> None:
    if app.updater is None:
        return
    boot = app.bot_data.boot
    settings = boot.settings if boot is not None else None
    if settings is not None and settings.webhook_url:
        await app.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.reveal() if settings.webhook_secret else None,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        await app.updater.start_polling(poll_interval=0.0, timeout=POLL_TIMEOUT, allowed_updates=ALLOWED_UPDATES)
