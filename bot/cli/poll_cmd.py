"""`khabar poll`: poll the sources and print the new stories as console digests.

`khabar poll --once` polls every source once, whatever its schedule, prints each new story with
`digest.render_text`, and exits; run again, it prints only what is new since. Without `--once` it
keeps polling what is due (a tick every 15 seconds) until Ctrl-C. State lives
in Redis (embedded by default, in KHABAR_DATA_DIR), shared with `khabar run`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.commands import add_command
from bot.ops.plural import counted
from bot.pipeline import CycleResult, PipelineDeps, build_client, poll_cycle
from bot.runtime.outage import describe, is_redis_outage
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from bot.story import Story
from digest import render_text
from feeds.model import FeedSource
from feeds.poller import Outcome
from feeds.sources import SourcesError, load_sources

ONCE_BACKFILL = 5


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "poll")
    p.add_argument("--once", action="store_true", help="poll every source once, print what is new, and exit")
    p.add_argument("--sources", type=Path, metavar="FILE", help="sources TOML file (default: KHABAR_SOURCES)")
    p.add_argument(
        "--backfill",
        type=int,
        metavar="N",
        help=(
            f"how many current items a never-polled source shows on its first poll (default: {ONCE_BACKFILL} "
            "with --once, else KHABAR_BACKFILL). khabar run always uses KHABAR_BACKFILL (default 0: a new "
            "source announces nothing older than its first poll)"
        ),
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log every step (at KHABAR_LOG_LEVEL) on stderr")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not args.verbose:
        root = logging.getLogger()
        root.setLevel(max(root.level, logging.WARNING))
    path: Path = args.sources or settings.sources_path
    try:
        sources = tuple(load_sources(path))
    except SourcesError as exc:
        print(f"khabar poll: {exc}", file=sys.stderr)
        return 2
    backfill = args.backfill if args.backfill is not None else (ONCE_BACKFILL if args.once else settings.backfill)
    if not 0 <= backfill <= 100:
        print("khabar poll: --backfill must be between 0 and 100", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_main(settings, sources, once=args.once, backfill=backfill))
    except RedisUnavailable as exc:
        print(f"khabar poll: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not is_redis_outage(exc):
            raise
        print(f"khabar poll: redis became unavailable: {describe(exc)}", file=sys.stderr)  # fail fast, one line
        return 1
    except KeyboardInterrupt:
        print("khabar poll: stopped", file=sys.stderr)
        return 0
    except BrokenPipeError:  # e.g. `khabar poll --once | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


async def _main(settings: Settings, sources: tuple[FeedSource, ...], *, once: bool, backfill: int) -> int:
    handle = await open_redis(settings)
    try:
        async with build_client(settings) as client:
            deps = PipelineDeps(Store.from_settings(handle.client, settings), client, settings, sources)
            if once:
                result = await poll_cycle(deps, datetime.now(UTC), force=True, backfill=backfill)
                report(result)
                return 0
            while True:
                report(await poll_cycle(deps, datetime.now(UTC), backfill=backfill), quiet=True)
                await asyncio.sleep(settings.poll_tick)
    finally:
        await handle.close()


def report(result: CycleResult, *, quiet: bool = False) -> None:
    """Stories on stdout; a summary and failures on stderr."""
    for story in result.stories:
        print(render_story(story), end="\n\n", flush=True)
    failed = [o for o in result.outcomes if o.outcome is Outcome.FAILED]
    for outcome in failed:
        print(f"khabar poll: source {outcome.source_id}: {outcome.error}", file=sys.stderr)
    for source in result.paused:
        print(f"khabar poll: source {source.id} is now paused after repeated failures", file=sys.stderr)
    if not quiet or result.stories:
        print(
            f"khabar poll: {counted(len(result.outcomes), 'source')} polled, "
            f"{counted(len(result.stories), 'new story', 'new stories')}"
            + (f", {len(failed)} failed" if failed else ""),
            file=sys.stderr,
        )


def render_story(story: Story) -> str:
    text = render_text(story.digest)
    if story.also_reported_by:
        text += "\nهمچنین در: " + "، ".join(story.also_reported_by)
    return text
