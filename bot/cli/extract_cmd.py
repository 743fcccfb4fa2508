"""`khabar extract`: batch extraction, JSON Lines on stdin, one JSON result per line on stdout."""

from __future__ import annotations

import argparse

from bot.cli._unavailable import not_yet

HELP = "Batch extraction: JSON Lines on stdin, one JSON result per line on stdout"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help=HELP, description=HELP + ".")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return not_yet("extract", 3)
