"""`khabar sources list|check|discover`: show the sources, check each once, or find a site's feeds.

`list` prints the operator's sources file (KHABAR_SOURCES or --sources) and the sources admins
added at runtime, then names the provinces that no source covers. `check` fetches and parses every
source once — without conditional headers and without touching any state, so it hides nothing from
the next real poll — and prints, per source, this check's status and item count next to the stored
health: last success, last error, next check. `discover URL` reads a site's home page (through the
same guarded fetch; feeds.discover) and prints the feeds it offers, best first, then a `[[source]]`
block for the best one, ready to paste into a sources file; it needs no Redis.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from bot.cli.commands import add_command
from bot.ops.plural import counted
from bot.pipeline import build_client, fetch_config
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from digest import PROVINCES, canonical_province
from feeds.discover import DiscoverError, FeedCandidate, best, discover
from feeds.model import FeedSource
from feeds.poller import HostLimiter
from feeds.probe import ProbeResult, probe
from feeds.sources import SourcesError, load_sources, merge_sources
from feeds.state import FeedState

_SLUG = re.compile(r"[^a-z0-9]+")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "sources")
    p.add_argument(
        "action",
        choices=("list", "check", "discover"),
        help="list the sources, check each one once, or discover the feeds of the page at URL",
    )
    p.add_argument("url", nargs="?", metavar="URL", help="discover: a site's home page (or any page of it)")
    p.add_argument("--sources", type=Path, metavar="FILE", help="sources TOML file (default: KHABAR_SOURCES)")
    p.add_argument("--id", action="append", default=[], metavar="ID", help="only this source (repeatable)")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    root = logging.getLogger()
    root.setLevel(max(root.level, logging.WARNING))
    if (args.action == "discover") != (args.url is not None):
        print("khabar sources: a URL goes with `discover` (and only with it)", file=sys.stderr)
        return 2
    if args.action == "discover":
        return asyncio.run(discover_main(args.url, settings))
    try:
        from_file = load_sources(args.sources or settings.sources_path)
    except SourcesError as exc:
        print(f"khabar {exc}", file=sys.stderr)  # its message starts with "sources: "
        return 2
    try:
        return asyncio.run(_main(args, settings, from_file))
    except RedisUnavailable as exc:
        print(f"khabar sources: {exc}", file=sys.stderr)
        return 1


async def _main(args: argparse.Namespace, settings: Settings, from_file: list[FeedSource]) -> int:
    handle = await open_redis(settings)
    try:
        store = Store.from_settings(handle.client, settings)
        sources = merge_sources(from_file, await store.sources.list())
        if args.id:
            sources = [s for s in sources if s.id in set(args.id)]
            missing = set(args.id) - {s.id for s in sources}
            if missing:
                print(f"khabar sources: unknown source id(s): {', '.join(sorted(missing))}", file=sys.stderr)
                return 2
        states = await store.feeds.load_many([s.id for s in sources])
        schedule = await store.feeds.next_checks()
        if args.action == "list":
            print(list_table(sources, states, schedule, settings))
            return 0
        results = await check_all(sources, settings)
        print(health_table(sources, results, states, schedule, settings))
        return 0 if all(r.error is None for r in results.values()) else 1
    finally:
        await handle.close()


async def check_all(sources: Sequence[FeedSource], settings: Settings) -> dict[str, ProbeResult]:
    config = fetch_config(settings)
    hosts = HostLimiter(settings.per_host_concurrency)
    slots = asyncio.Semaphore(settings.poll_concurrency)
    now = datetime.now(UTC)

    async def one(client: httpx.AsyncClient, source: FeedSource) -> ProbeResult:
        async with hosts(source.url), slots:
            return await probe(client, source, config, now)

    async with build_client(settings) as client:
        results = await asyncio.gather(*(one(client, s) for s in sources))
    return {r.source_id: r for r in results}


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in (header, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _when(value: datetime | None, settings: Settings) -> str:
    """A time in KHABAR_TIMEZONE with its zone: `2024-05-01 09:30 +0330`."""
    return value.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M %Z") if value else "-"


def _next(source_id: str, schedule: dict[str, float], settings: Settings) -> str:
    score = schedule.get(source_id)
    if score is None:
        return "-"
    if math.isinf(score):
        return "paused"
    return _when(datetime.fromtimestamp(score, UTC), settings)


def list_table(
    sources: Sequence[FeedSource], states: dict[str, FeedState], schedule: dict[str, float], settings: Settings
) -> str:
    header = ("id", "name", "province", "interval", "origin", "next check", "url")
    rows = [
        (
            s.id,
            s.name,
            s.province or "-",
            f"{s.interval or settings.poll_interval}s",
            "file" if s.from_file else "admin",
            _next(s.id, schedule, settings),
            s.url,
        )
        for s in sources
    ]
    return table(header, rows) + f"\n{counted(len(sources), 'source')}\n" + coverage_line(sources)


def uncovered_provinces(sources: Sequence[FeedSource]) -> list[str]:
    """The canonical provinces (gazetteer order) that no source is tagged with."""
    covered = {canonical_province(s.province) for s in sources if s.province}
    return [p for p in PROVINCES if p not in covered]


def coverage_line(sources: Sequence[FeedSource]) -> str:
    """One line on province coverage, in English with the Persian names; unknown province tags flagged."""
    missing = uncovered_provinces(sources)
    unknown = sorted({s.province for s in sources if s.province and canonical_province(s.province) is None})
    line = (
        f"provinces without a source ({len(missing)}/{len(PROVINCES)}) — استان‌های بی‌منبع: {'، '.join(missing)}"
        if missing
        else f"every province ({len(PROVINCES)}) has at least one source"
    )
    return line + (f"\nnot a known province: {', '.join(unknown)}" if unknown else "")


def health_table(
    sources: Sequence[FeedSource],
    results: dict[str, ProbeResult],
    states: dict[str, FeedState],
    schedule: dict[str, float],
    settings: Settings,
) -> str:
    header = ("id", "status", "items", "last success", "last error", "next check")
    rows = []
    for s in sources:
        r = results[s.id]
        state = states.get(s.id, FeedState())
        status = ("ok" if r.error is None else "FAIL") + (f" {r.status}" if r.status else "")
        error = r.error or state.last_error or "-"
        rows.append(
            (
                s.id,
                status + (" (bozo)" if r.bozo else ""),
                str(r.entries),
                _when(state.last_success_at, settings),
                error[:70],
                _next(s.id, schedule, settings),
            )
        )
    ok = sum(1 for r in results.values() if r.error is None)
    return table(header, rows) + f"\n{ok}/{counted(len(sources), 'source')} answered with a feed"


# --- discover ------------------------------------------------------------------------------------------------


async def discover_main(url: str, settings: Settings) -> int:
    """Print the feeds the page at `url` offers and a `[[source]]` block for the best; 2 when none."""
    async with build_client(settings) as client:
        try:
            found = await discover(client, url, fetch_config(settings))
        except DiscoverError as exc:
            print(f"khabar sources discover: {exc}", file=sys.stderr)
            return 2
    print(candidates_table(found))
    chosen = best(found)
    if chosen is None:
        print(
            f"khabar sources discover: found {len(found)}, but no candidate khabar can read as an RSS/Atom feed",
            file=sys.stderr,
        )
        return 2
    print()
    print(source_block(chosen))
    return 0


def candidates_table(found: Sequence[FeedCandidate]) -> str:
    header = ("url", "kind", "items", "found", "title")
    rows = [(c.url, str(c.kind), str(c.entries) if c.valid else "-", str(c.found), _candidate_note(c)) for c in found]
    return table(header, rows)


def _candidate_note(c: FeedCandidate) -> str:
    title = " ".join((c.title or "").split())[:60] or "-"
    return title if c.valid else f"{title} (not usable: {c.problem})"


def host_id(url: str) -> str:
    """A source id from the URL's host: `www.example.ir` → `example-ir`."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return _SLUG.sub("-", host.lower()).strip("-")[:64].strip("-") or "source"


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def source_block(c: FeedCandidate) -> str:
    """A `[[source]]` entry for a sources file; the province is left for the user to fill in."""
    name = " ".join((c.title or "").split())[:100] or (urlsplit(c.url).hostname or c.url)
    return "\n".join(
        (
            f"# {c.kind} feed, {c.entries} items, found by {c.found}: paste into your sources file (KHABAR_SOURCES)",
            "[[source]]",
            f"id = {_toml_string(host_id(c.url))}",
            f"name = {_toml_string(name)}",
            f"url = {_toml_string(c.url)}",
            'province = "…"  # one of: khabar sources list',
        )
    )
