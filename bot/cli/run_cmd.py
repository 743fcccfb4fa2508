"""`khabar run`: the bot — Telegram updates, feed polling, digests and the delivery queue.

`--console` runs all of it but prints messages to stdout instead of sending them (no token needed).
With KHABAR_METRICS_PORT set it also serves /metrics and /healthz on KHABAR_METRICS_HOST (loopback).
SIGINT/SIGTERM stop it gracefully: sends in flight finish and are recorded before exit.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from bot.cli.commands import add_command
from bot.runtime.health_server import ListenError
from bot.runtime.metrics import Metrics
from bot.runtime.redis_conn import RedisUnavailable
from bot.settings import Settings
from bot.telegram.app import TelegramRejected, build_application, serve
from bot.telegram.context import KhabarApp
from bot.wiring import wiring_for
from feeds.sources import SourcesError, load_sources


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "run")
    p.add_argument(
        "--console",
        action="store_true",
        help="print messages to stdout instead of sending them to Telegram (no token needed)",
    )
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not args.console and settings.bot_token is None:
        print("khabar run: KHABAR_BOT_TOKEN is not set (or use khabar run --console)", file=sys.stderr)
        return 2
    try:
        load_sources(settings.sources_path)  # refused at load, in one line, before anything starts
    except SourcesError as exc:
        print(f"khabar run: {exc}", file=sys.stderr)
        return 2
    metrics = Metrics()  # one per process: the application and the pipeline wiring count into it
    console = sys.stdout if args.console else None
    app = build_application(settings, wiring=wiring_for(metrics), console=console, metrics=metrics)
    try:
        asyncio.run(_main(app))
    except (RedisUnavailable, SourcesError, ListenError, TelegramRejected) as exc:
        print(f"khabar run: {exc}", file=sys.stderr)
        return 1
    return 0


async def _main(app: KhabarApp) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(app, stop)
