"""`khabar figures WORDS... [--csv]`: the latest key figures on a subject, from the archive.

Same query as `/figures` in chat (topic or words, optionally a province). Plain lines by default;
`--csv` writes a spreadsheet (UTF-8, one row per figure: Jalali and UTC date, value, number, unit,
context, speaker, role, outlet, link, provinces, topics, headline). A bad query → one line on
stderr, exit 2. Reads only; safe next to a running bot.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime

from bot.archive.figures import CSV_ROWS, MAX_ROWS, FigureRow, latest_figures, write_csv
from bot.archive.query import Query
from bot.archive.search import source_label, speaker_text
from bot.cli.commands import add_command
from bot.cli.search_cmd import parsed_or_exit
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from digest import jalali_date


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "figures")
    p.add_argument("words", nargs="*", help="e.g. طلاق خوزستان")
    p.add_argument("--csv", action="store_true", help="write CSV to stdout")
    p.add_argument("--limit", type=int, metavar="N", help=f"rows (default {MAX_ROWS}; with --csv {CSV_ROWS})")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    query = parsed_or_exit(args.words, "figures")
    if query is None:
        return 2
    limit = max(1, args.limit or (CSV_ROWS if args.csv else MAX_ROWS))
    try:
        rows = asyncio.run(_figures(settings, query, limit))
    except RedisUnavailable as exc:
        print(f"khabar figures: {exc}", file=sys.stderr)
        return 1
    if args.csv:
        write_csv(rows, sys.stdout, settings.timezone)
    else:
        print(rows_text(rows, settings.timezone))
    return 0


async def _figures(settings: Settings, query: Query, limit: int) -> list[FigureRow]:
    handle = await open_redis(settings)
    try:
        return await latest_figures(Store.from_settings(handle.client, settings), query, datetime.now(UTC), limit)
    finally:
        await handle.close()


def rows_text(rows: list[FigureRow], tz: str) -> str:
    if not rows:
        return "no figures found"
    lines = []
    for r in rows:
        who = speaker_text(r.story)
        date = jalali_date(r.story.when, tz, with_time=False)
        lines.append(
            f"• {r.figure.text} — {r.figure.context} · {who + ' · ' if who else ''}{source_label(r.story)} · {date}"
        )
        if r.story.url:
            lines.append(f"  {r.story.url}")
    return "\n".join(lines)
