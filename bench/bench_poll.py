"""Benchmark the feed pipeline: poll 1,000 sources on a local server; print JSON lines.

    python bench/bench_poll.py [--sources 1000] [--cycles 5] [--hosts 100] [--changed 0.1]

What runs: a throw-away redis-server (tests/redis_server.py), a feed server in its own process (one
CPU if there are two) serving `--sources` RSS feeds spread over `--hosts` host names, and in this
process (pinned to one CPU) the real poller with the real Redis store: claims, conditional GETs,
parsing, atomic seen-state, feed state, and the article page of every new (teaser) item fetched and
extracted. Each measured cycle first makes `--changed` of the feeds publish one new item (the rest
answer 304), then polls every source once.

Lines printed:
- {"bench": "poll_cycle", ...} per cycle: wall seconds, CPU seconds per source, outcome counts;
- {"bench": "pipeline_cycle", ...}: the same plus digest extraction and cross-agency clustering;
- {"bench": "summary", ...}: medians, peak RSS;
- {"bench": "redis_seen", ...}: Redis bytes per seen item, for the sets the cycles left behind and
  for sets filled to Settings.seen_cap (the steady state of a busy source).
Targets (issue 4): a full cycle of 1,000 sources in < 10 s on one core; < 200 bytes of Redis per
seen item.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import redis.asyncio as aioredis  # noqa: E402

from bot.pipeline import PipelineDeps, build_client, poll_config, poll_cycle  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.keys import seen_bucket_keys  # noqa: E402
from bot.store.seen import SeenRedisStore  # noqa: E402
from feeds.model import FeedSource  # noqa: E402
from feeds.poller import Outcome, PollDeps, PollResult, poll_due  # noqa: E402
from tests.redis_server import RedisServer, free_port  # noqa: E402

ITEMS_PER_FEED = 20
FIRST_VERSION = 100
FIRST_POLL = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
WORDS = "استاندار معاون شهرستان روستا آب برق مدرسه بیمارستان جاده بارندگی کشاورزان اعتبار طرح افتتاح".split()


# --- the feed server (separate process) ---


ARTICLE = (
    "<html><head><meta charset='utf-8'><title>{title}</title></head><body><nav>خانه | اخبار | ورزش</nav>"
    "<article><h1>{title}</h1>{paragraphs}</article><footer>کلیه حقوق محفوظ است</footer></body></html>"
)


def words(n: int, seq: int, count: int) -> str:
    """Distinct Persian-looking text per (feed, item): words mixed with numbers in Persian digits."""
    rnd = random.Random(n * 1_000_003 + seq)
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    return " ".join(rnd.choice(WORDS) if k % 3 else str(rnd.randint(2, 99_999)).translate(digits) for k in range(count))


def article_body(n: int, seq: int) -> bytes:
    paragraphs = "".join(f"<p>{words(n, seq * 10 + i, 40)}.</p>" for i in range(6))
    return ARTICLE.format(title=f"خبر {seq} منبع {n}", paragraphs=paragraphs).encode()


def feed_body(n: int, version: int, base: str) -> bytes:
    items = []
    for seq in range(version, version - ITEMS_PER_FEED, -1):
        lead = words(n, seq, 12)
        when = FIRST_POLL + timedelta(minutes=10 * (seq - FIRST_VERSION))  # version v appears in cycle v-100
        items.append(
            f"<item><title>خبر {seq} منبع {n}: {lead[:60]}</title>"
            f"<link>{base}/article/{n}/{seq}</link><guid>{base}/article/{n}/{seq}</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>"
            f"<description>{lead}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>منبع {n}</title>'
        f"<ttl>10</ttl>{''.join(items)}</channel></rss>"
    ).encode()


def serve(port: int, sources: int, hosts: int, ready: Any) -> None:
    from aiohttp import web

    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    versions = [FIRST_VERSION] * sources
    cache: dict[tuple[int, int], bytes] = {}

    async def feed(request: web.Request) -> web.StreamResponse:
        n = int(request.match_info["n"])
        tag = f'"{n}-{versions[n]}"'
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        key = (n, versions[n])
        if key not in cache:
            cache[key] = feed_body(n, versions[n], f"http://h{n % hosts}.bench:{port}")
        return web.Response(body=cache[key], headers={"ETag": tag, "Content-Type": "application/rss+xml"})

    async def article(request: web.Request) -> web.StreamResponse:
        n, seq = int(request.match_info["n"]), int(request.match_info["seq"])
        return web.Response(body=article_body(n, seq), content_type="text/html", charset="utf-8")

    async def bump(request: web.Request) -> web.StreamResponse:
        data = await request.json()
        for n in data["feeds"]:
            versions[n] += 1
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/feed/{n}", feed)
    app.router.add_get("/article/{n}/{seq}", article)
    app.router.add_post("/bump", bump)

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port, backlog=4096).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


# --- measurements ---


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


async def resolve_local(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


async def bump(client: Any, port: int, feeds: list[int]) -> None:
    await client.post(f"http://127.0.0.1:{port}/bump", json={"feeds": feeds})


def counts(result: PollResult) -> dict[str, int]:
    by = {o: sum(1 for x in result.outcomes if x.outcome is o) for o in Outcome}
    return {"ok": by[Outcome.OK], "not_modified": by[Outcome.NOT_MODIFIED], "failed": by[Outcome.FAILED]}


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def changed_feeds(args: argparse.Namespace, cycle: int) -> list[int]:
    step = max(1, round(1 / args.changed)) if args.changed > 0 else 0
    return [n for n in range(args.sources) if step and n % step == cycle % step]


async def timed(coro: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    started, cpu = time.perf_counter(), cpu_seconds()
    result = await coro
    return result, time.perf_counter() - started, cpu_seconds() - cpu


async def run(args: argparse.Namespace, redis_url: str, port: int) -> None:
    settings = Settings(allow_private_urls=True)
    sources = [
        FeedSource(f"src-{n}", f"منبع {n}", f"http://h{n % args.hosts}.bench:{port}/feed/{n}")
        for n in range(args.sources)
    ]
    redis = aioredis.Redis.from_url(redis_url, decode_responses=True)
    store = Store.from_settings(redis, settings, prefix="khabar:bench:")
    async with build_client(settings, resolve=resolve_local) as client:
        deps = PollDeps(client, store.feeds, store.seen, poll_config(settings))
        now = FIRST_POLL
        first, wall, cpu = await timed(poll_due(deps, sources, now, force=True))
        await handled(store, first)
        per = round(cpu / args.sources, 6)
        emit(bench="first_cycle", sources=args.sources, wall_s=round(wall, 3), cpu_s_per_source=per, **counts(first))
        walls, cpus, pipe_walls = [], [], []
        for cycle in range(1, args.cycles + 1):
            await bump(client, port, changed_feeds(args, cycle))
            now += timedelta(minutes=10)
            result, wall, cpu = await timed(poll_due(deps, sources, now, force=True))
            await handled(store, result)
            walls.append(wall)
            cpus.append(cpu / args.sources)
            emit(bench="poll_cycle", cycle=cycle, wall_s=round(wall, 3), cpu_s_per_source=round(cpus[-1], 6),
                 new_items=len(result.items), **counts(result))  # fmt: skip
        pdeps = PipelineDeps(store, client, settings, tuple(sources))
        for cycle in range(args.cycles + 1, args.cycles + 1 + args.pipeline_cycles):
            await bump(client, port, changed_feeds(args, cycle))
            now += timedelta(minutes=10)
            cres, wall, cpu = await timed(poll_cycle(pdeps, now, force=True))
            pipe_walls.append(wall)
            per = round(cpu / args.sources, 6)
            emit(bench="pipeline_cycle", cycle=cycle, wall_s=round(wall, 3), cpu_s_per_source=per,
                 new_items=cres.items, new_stories=len(cres.stories))  # fmt: skip
        emit(
            bench="summary",
            sources=args.sources,
            hosts=args.hosts,
            changed_per_cycle=args.changed,
            median_cycle_wall_s=round(statistics.median(walls), 3),
            median_cpu_s_per_source=round(statistics.median(cpus), 6),
            median_pipeline_cycle_wall_s=round(statistics.median(pipe_walls), 3) if pipe_walls else None,
            peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            target_cycle_s=10,
        )
        await seen_memory(redis, store, args)
    await redis.aclose()


async def handled(store: Store, result: PollResult) -> None:
    """Acknowledge the items as the pipeline would (untimed), so later cycles find no leftovers."""
    for item in result.items:
        await store.inbox.ack(item)


async def seen_memory(redis: aioredis.Redis, store: Store, args: argparse.Namespace) -> None:
    """Bytes of Redis per seen item: the sets the cycles built, and sets filled to the cap."""
    keys = [k for n in range(args.sources) for k in seen_bucket_keys(store.keys, f"src-{n}")]
    members = sum([await redis.zcard(k) for k in keys]) - args.sources  # minus one sentinel per source
    used = sum([int(await redis.memory_usage(k, samples=0) or 0) for k in keys])
    emit(bench="redis_seen", sets="after cycles", items=members, bytes_per_item=round(used / members, 1),
         note="MEMORY USAGE of each seen key (key overhead included) / identity keys held")  # fmt: skip
    full = Store.create(redis, "khabar:bench-full:")
    cap = Settings().seen_cap
    seen = SeenRedisStore(redis, full.keys, cap=cap, ttl=Settings().seen_ttl)
    before = int((await redis.info("memory"))["used_memory"])
    now = datetime(2024, 3, 1, tzinfo=UTC)
    n_sources = 50
    for s in range(n_sources):
        for start in range(0, 2 * cap, 500):  # twice the cap: the sets end full, trimmed
            ids = [[f"{s:04x}{i:012x}"] for i in range(start, start + 500)]
            await seen.mark(f"full-{s}", ids, now + timedelta(seconds=start))
    after = int((await redis.info("memory"))["used_memory"])
    full_keys = [k for s in range(n_sources) for k in seen_bucket_keys(full.keys, f"full-{s}")]
    usage = sum([int(await redis.memory_usage(k, samples=0) or 0) for k in full_keys])
    held = sum([await redis.zcard(k) for k in full_keys]) - n_sources
    emit(bench="redis_seen", sets=f"filled to seen_cap={cap}", items=held,
         bytes_per_item=round(usage / held, 1), used_memory_delta_per_item=round((after - before) / held, 1),
         two_keys_per_item=round(2 * usage / held, 1), target_bytes_per_item=200)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--cycles", type=int, default=5, help="measured poll cycles (median reported)")
    parser.add_argument("--pipeline-cycles", type=int, default=3, help="cycles with digest extraction too")
    parser.add_argument("--hosts", type=int, default=100, help="distinct host names the sources spread over")
    parser.add_argument("--changed", type=float, default=0.1, help="share of feeds with a new item per cycle")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    redis_server = RedisServer(appendonly=False).start()
    port = free_port()
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(target=serve, args=(port, args.sources, args.hosts, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(30):
            raise RuntimeError("feed server did not start")
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {0})  # the poller gets one core
        asyncio.run(run(args, redis_server.url, port))
    finally:
        server.terminate()
        server.join(10)
        redis_server.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
