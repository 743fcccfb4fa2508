"""`khabar search WORDS...`: the archive's stories matching the words, newest first, as plain text.

Same query rules as `/search` in chat (bot.archive.query): Persian-normalized, plurals folded, province and
topic names act as filters. A bad query (empty, too long, only stop words) → one line on stderr,
exit 2. Reads only; safe next to a running bot.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime

from bot.archive.query import Query, QueryError, parse_query
from bot.archive.search import answer_text, search_page
from bot.cli.commands import add_command
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store

QUERY_ERRORS = {
    QueryError.EMPTY: "give some words to search for",
    QueryError.TOO_LONG: "the query is too long",
    QueryError.ONLY_STOP_WORDS: "the query has only stop words (و، در، از ...)",
}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "search")
    p.add_argument("words", nargs="*", help="e.g. خوزستان طلاق")
    p.add_argument("--page", type=int, default=1, metavar="N", help="page to show (5 stories a page)")
    p.set_defaults(needs_settings=True, handler=run)


def parsed_or_exit(words: list[str], command: str) -> Query | None:
    parsed = parse_query(" ".join(words))
    if isinstance(parsed, QueryError):
        print(f"khabar {command}: {QUERY_ERRORS[parsed]}", file=sys.stderr)
        return None
    return parsed


def run(args: argparse.Namespace, settings: Settings) -> int:
    query = parsed_or_exit(args.words, "search")
    if query is None:
        return 2
    try:
        print(asyncio.run(_search(settings, query, max(args.page, 1) - 1)))
    except RedisUnavailable as exc:
        print(f"khabar search: {exc}", file=sys.stderr)
        return 1
    return 0


async def _search(settings: Settings, query: Query, page: int) -> str:
    handle = await open_redis(settings)
    try:
        return await search_text(Store.from_settings(handle.client, settings), query, page, settings.timezone)
    finally:
        await handle.close()


async def search_text(store: Store, query: Query, page: int, tz: str, now: datetime | None = None) -> str:
    answer = await search_page(store, query, page, now or datetime.now(UTC), tz)
    return answer_text(answer, tz)
