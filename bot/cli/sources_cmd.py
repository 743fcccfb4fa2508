"""`khabar sources`: List or check the configured sources."""

from __future__ import annotations

import argparse

from bot.cli._unavailable import not_yet
from bot.settings import Settings

HELP = "List or check the configured sources"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sources", help=HELP, description=HELP + ".")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    return not_yet("sources", 4)
