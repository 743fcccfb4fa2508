"""`khabar status`: one screen of facts from Redis (sources, seen items, stories, subscriptions,
queue, sends and errors in the last hour, last poll tick), for an operator without Prometheus.

Reads only; safe to run next to `khabar run`. `--json` prints the same facts as one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.commands import add_command
from bot.ops import status
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from feeds.model import FeedSource
from feeds.sources import CATALOGUE, SourcesError, load_sources


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "status")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--sources", type=Path, metavar="FILE", help="sources TOML file (default: KHABAR_SOURCES)")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    root = logging.getLogger()
    root.setLevel(max(root.level, logging.WARNING))
    from_file: list[FeedSource] = []
    error: str | None = None
    path: Path = args.sources or settings.sources_path
    try:
        from_file = load_sources(path)
    except SourcesError as exc:
        error = str(exc)  # still worth showing everything else
    name = f"{path} (the bundled catalogue)" if path.resolve() == CATALOGUE else str(path)
    try:
        facts = asyncio.run(_gather(settings, from_file, error, name))
    except RedisUnavailable as exc:
        print(f"khabar status: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(status.to_json(facts), ensure_ascii=False, indent=2))
    else:
        print(status.render_text(facts, settings.tz))
    return 0


async def _gather(settings: Settings, from_file: list[FeedSource], error: str | None, name: str) -> status.Status:
    handle = await open_redis(settings)
    try:
        store = Store.from_settings(handle.client, settings)
        return await status.gather(
            store, from_file, datetime.now(UTC), where=handle.description, sources_error=error, sources_file=name
        )
    finally:
        await handle.close()
