"""The `khabar` command line: one parser, one module per subcommand.

Each subcommand module exposes `add_parser(sub)` and `run(args) -> int`. Modules that need settings
set `needs_settings=True` as a parser default; their `run(args, settings)` then receives the
Settings built here, once, from the process environment.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from bot.cli import (
    digest_cmd,
    export_cmd,
    extract_cmd,
    figures_cmd,
    import_cmd,
    poll_cmd,
    run_cmd,
    search_cmd,
    sources_cmd,
    status_cmd,
)
from bot.logs import setup_logging
from bot.settings import Settings, SettingsError

COMMANDS = (
    run_cmd,
    poll_cmd,
    digest_cmd,
    extract_cmd,
    sources_cmd,
    status_cmd,
    export_cmd,
    import_cmd,
    search_cmd,
    figures_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Regional Persian news → short structured digests, on Telegram or the console.",
        epilog="Configuration comes from KHABAR_* environment variables (see README).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # hazm (used by digest/) must never try the Hugging Face hub: khabar needs no model downloads.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "needs_settings", False):
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
        return int(args.handler(args))
    try:
        settings = Settings.from_env(os.environ)
    except SettingsError as exc:
        print(f"khabar: configuration error: {exc}", file=sys.stderr)
        return 2
    secrets = [settings.bot_token.reveal()] if settings.bot_token else []
    if settings.redis_url:
        secrets.append(settings.redis_url.reveal())
    setup_logging(settings.log_level, secrets)
    return int(args.handler(args, settings))
