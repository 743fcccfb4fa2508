"""`khabar import FILE`: restore subscriptions and runtime sources from `khabar export` (or sources
from OPML), into the Redis KHABAR_REDIS_URL names.

    khabar import khabar-backup.json              # merge: records in the file win
    khabar import khabar-backup.json --replace    # the file becomes the whole truth
    khabar import --opml sources.opml             # feeds as runtime sources (like /addsource)
    khabar import --check khabar-backup.json      # validate only

The whole file is validated first; on any problem one line names it and nothing is written. With
`--replace`, subscriptions (JSON) and runtime sources missing from the file are deleted (their
queued messages and feed state with them). OPML feeds are not fetched on import: a bad one fails
on its first poll and shows in `khabar sources list` / `/sources`. Ids the sources file already
has are skipped (the file wins, as always).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.commands import add_command
from bot.ops.backup import Backup, BackupError, Imported, describe, import_backup, parse_export
from bot.ops.opml import parse_opml
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from feeds.model import FeedSource
from feeds.sources import SourcesError, load_sources


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "import")
    p.add_argument("file", help="the export file (JSON, or OPML with --opml); - for stdin")
    p.add_argument("--opml", action="store_true", help="the file is OPML: import its feeds as added sources")
    p.add_argument("--replace", action="store_true", help="delete what the file does not have (default: merge)")
    p.add_argument("--check", action="store_true", help="validate the file and say what it holds; write nothing")
    p.add_argument("--sources", type=Path, metavar="FILE", help="sources TOML file (default: KHABAR_SOURCES)")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    root = logging.getLogger()
    root.setLevel(max(root.level, logging.WARNING))
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"khabar import: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        backup = Backup((), parse_opml(raw)) if args.opml else parse_export(raw)
        from_file = load_sources(args.sources or settings.sources_path)
    except (BackupError, SourcesError) as exc:
        message = str(exc)  # BackupError lines start with "import:", SourcesError lines with "sources:"
        print("khabar " + (message if message.startswith("import:") else f"import: {message}"), file=sys.stderr)
        return 2
    if args.check:
        held = f"{len(backup.subscriptions)} subscriptions, {len(backup.sources)} sources"
        print(f"khabar import: {args.file} is valid: {held} (nothing written)")
        return 0
    try:
        imported = asyncio.run(_import(settings, backup, from_file, replace=args.replace, opml=args.opml))
    except RedisUnavailable as exc:
        print(f"khabar import: {exc}", file=sys.stderr)
        return 1
    print(f"khabar import: {describe(imported)}")
    return 0


async def _import(
    settings: Settings, backup: Backup, from_file: list[FeedSource], *, replace: bool, opml: bool
) -> Imported:
    handle = await open_redis(settings)
    try:
        store = Store.from_settings(handle.client, settings)
        return await import_backup(
            store, settings, backup, from_file, datetime.now(UTC), replace=replace, subscriptions=not opml
        )
    finally:
        await handle.close()
