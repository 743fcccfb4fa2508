"""The `khabar` command line: one parser, one module per subcommand, imported only when it runs.

`bot.cli.commands` names every command with its help texts; `khabar --help` is built from that table
alone, so it imports no command module (and none of Telegram, Redis, hazm, trafilatura or
feedparser). For `khabar COMMAND …` only that command's module is imported; the other commands are
registered as empty stubs that keep the command list and its error messages whole.

Each subcommand module exposes `add_parser(sub)` and `run(args) -> int`. Modules that need settings
set `needs_settings=True` as a parser default; their `run(args, settings)` then receives the
Settings built here, once, from the process environment.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from bot.cli.commands import COMMANDS


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option), if it is one."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMANDS else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; only `command`'s module is imported and given its real arguments."""
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Regional Persian news → short structured digests, on Telegram or the console.",
        epilog="Configuration comes from KHABAR_* environment variables (see README).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, info in COMMANDS.items():
        if name == command:
            importlib.import_module(info.module).add_parser(sub)
        else:
            sub.add_parser(name, help=info.summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # hazm (used by digest/) must never try the Hugging Face hub: khabar needs no model downloads.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(words))
    args = parser.parse_args(words)
    if not hasattr(args, "handler"):  # a stub was parsed: cannot happen unless chosen_command is wrong
        parser.error(f"cannot run {args.command!r}")
    if not getattr(args, "needs_settings", False):
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
        return int(args.handler(args))
    from bot.runtime.logs import setup_logging
    from bot.settings import Settings, SettingsError

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
