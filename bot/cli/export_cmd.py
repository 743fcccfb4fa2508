"""`khabar export`: subscriptions and runtime sources as versioned JSON (or the sources as OPML 2.0).

    khabar export --output khabar-backup.json     # subscriptions + sources added by admins
    khabar export --opml --output sources.opml    # every http(s) source, for other feed readers

The JSON names the sources file for reference but does not contain it: back that file up as a
file. The output file is written atomically and readable by its owner only (it holds chat ids).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.commands import add_command
from bot.ops.backup import export_data
from bot.ops.opml import to_opml
from bot.runtime.redis_conn import RedisUnavailable, open_redis
from bot.settings import Settings
from bot.store import Store
from feeds.model import FeedSource
from feeds.sources import SourcesError, load_sources, merge_sources


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "export")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here instead of stdout")
    p.add_argument("--opml", action="store_true", help="sources only, as OPML 2.0 (the file's and the added ones)")
    p.add_argument("--sources", type=Path, metavar="FILE", help="sources TOML file (default: KHABAR_SOURCES)")
    p.set_defaults(needs_settings=True, handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    root = logging.getLogger()
    root.setLevel(max(root.level, logging.WARNING))
    sources_path: Path = args.sources or settings.sources_path
    from_file: list[FeedSource] = []
    if args.opml:
        try:
            from_file = load_sources(sources_path)
        except SourcesError as exc:
            print(f"khabar export: {exc}", file=sys.stderr)
            return 2
    try:
        data = asyncio.run(_export(settings, sources_path, from_file, opml=args.opml))
    except RedisUnavailable as exc:
        print(f"khabar export: {exc}", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        write_private(args.output, data)
    except OSError as exc:
        print(f"khabar export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"khabar export: wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    return 0


async def _export(settings: Settings, sources_path: Path, from_file: list[FeedSource], *, opml: bool) -> bytes:
    handle = await open_redis(settings)
    try:
        store = Store.from_settings(handle.client, settings)
        now = datetime.now(UTC)
        if opml:
            return to_opml(merge_sources(from_file, await store.sources.list()), now)
        document = await export_data(store, sources_path, now)
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    finally:
        await handle.close()


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temp file + rename), mode 0600."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
