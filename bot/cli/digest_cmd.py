"""`khabar digest`: Render one article (text or HTML file, - for stdin) as a digest."""

from __future__ import annotations

import argparse

from bot.cli._unavailable import not_yet

HELP = "Render one article (text or HTML file, - for stdin) as a digest"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("digest", help=HELP, description=HELP + ".")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return not_yet("digest", 3)
