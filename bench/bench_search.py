"""Benchmark of the archive: /search over 100,000 archived stories on one core; JSON lines.

    python bench/bench_search.py [--stories 100000] [--queries 300] [--redis-url URL]

1. The 236 corpus articles (bench/corpus) are digested once; 100,000 stories are made from them: a
   corpus digest with two headline words swapped for words drawn by their corpus frequency, a random
   province and topic, spread over the 90-day archive period. They are archived through the real
   write path (`ArchiveStore.add`, the Lua script `StoryStore.put` calls), pipelined 500 at a time,
   by `--workers` processes (loading is not what is measured).
2. Memory per story: Redis `used_memory` after minus before, over the stories (a fresh redis-server
   of its own unless `--redis-url`, so nothing else is counted), once the id → number links older
   than 7 days are gone (their TTL is the live story's, not the archive's).
3. Queries (one word, two words, province + topic, rare words, a word that is nowhere), each run as
   `/search` runs it (`bot.archive.search.search_page`: posting lists → intersection → the page's records →
   Telegram HTML), with this process pinned to one core. p50/p95/max wall time (target p95 ≤ 50 ms).

The last line is the summary. Takes one to two minutes on a shared 2-core machine, nearly all of it
loading (`--stories 20000` for a quick look).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import redis.asyncio as aioredis  # noqa: E402

from bot.archive.query import Query, parse_query  # noqa: E402
from bot.archive.search import search_page  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.story import Story  # noqa: E402
from bot.terms import tokens  # noqa: E402
from digest import PROVINCES, TOPICS, Article, Digest, extract  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

CORPUS = REPO / "bench" / "corpus"
SOURCES = ("ایرنا", "ایسنا", "مهر", "تسنیم", "فارس", "خبرگزاری موج", "همشهری آنلاین", "باشگاه خبرنگاران جوان")
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
PERIOD = timedelta(days=90)
BATCH = 500


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def corpus_digests() -> list[Digest]:
    out = []
    for name in ("dev.jsonl", "heldout.jsonl"):
        path = CORPUS / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            d = extract(Article(text=row["text"], title=row.get("title"), url=row.get("url")))
            if d.headline:
                out.append(d)
    return out


class Maker:
    """Story i of n, the same in every process (its own random stream)."""

    def __init__(self, base: list[Digest], n: int) -> None:
        counts = Counter(w for d in base for w in tokens(" ".join([d.headline, *d.summary])) if len(w) > 2)
        self.base, self.n = base, n
        self.vocab = list(counts)
        self.cumulative = list(itertools.accumulate(counts.values()))

    def story(self, i: int) -> Story:
        rng = random.Random(i)
        d = rng.choice(self.base)
        words = d.headline.split()
        for _ in range(2):
            words[rng.randrange(len(words))] = rng.choices(self.vocab, cum_weights=self.cumulative)[0]
        province = rng.choice(PROVINCES)
        seen = NOW - PERIOD + PERIOD * (i / self.n)
        sid = f"b{i:07d}"
        digest = replace(
            d,
            headline=" ".join(words),
            is_social=True,
            provinces=(province, *d.provinces[:1]),
            topics=tuple(rng.sample(TOPICS, rng.choice((1, 1, 2)))),
            url=f"https://news.example/{sid}",
            published=seen,
        )
        sources = tuple(rng.sample(SOURCES, rng.choice((1, 1, 1, 2, 3))))
        return Story(sid, digest, sources, sources, province, seen)


def queries(base: list[Digest], rng: random.Random, n: int) -> list[tuple[str, Query]]:
    counts = Counter(w for d in base for w in tokens(d.headline) if len(w) > 2)
    common = [w for w, _ in counts.most_common(40)]
    rare = [w for w, c in counts.items() if c == 1]
    shapes = {
        "one common word": lambda: rng.choice(common),
        "two common words": lambda: " ".join(rng.sample(common, 2)),
        "province + topic": lambda: f"{rng.choice(PROVINCES)} {rng.choice(TOPICS)}",
        "word + province": lambda: f"{rng.choice(common)} {rng.choice(PROVINCES)}",
        "rare word": lambda: rng.choice(rare),
        "nowhere": lambda: "واژه‌ای‌که‌نیست",
    }
    out = []
    for i in range(n):
        shape = list(shapes)[i % len(shapes)]
        parsed = parse_query(shapes[shape]())
        if isinstance(parsed, Query):
            out.append((shape, parsed))
    return out


async def load_share(url: str, prefix: str, worker: int, workers: int, n: int) -> None:
    """Archive stories worker, worker + workers, ... (interleaved, so numbers follow time closely)."""
    maker = Maker(corpus_digests(), n)
    client = aioredis.Redis.from_url(url, decode_responses=True)
    store = Store.create(client, prefix)
    try:
        mine = range(worker, n, workers)
        for i in range(0, len(mine), BATCH):
            async with client.pipeline(transaction=False) as pipe:
                for j in mine[i : i + BATCH]:
                    await store.archive.add(maker.story(j), client=pipe)
                await pipe.execute()
    finally:
        await client.aclose()


async def forget_old_ids(client: aioredis.Redis, store: Store, n: int) -> None:
    """Drop the story id → number links older than story_ttl (7 days), as their TTL would have by now:
    the memory counted is then the archive's steady state (90 days of records and postings)."""
    old = [i for i in range(n) if NOW - PERIOD + PERIOD * (i / n) < NOW - timedelta(days=7)]
    for k in range(0, len(old), 5000):
        await client.delete(*(store.keys.archive_id(f"b{i:07d}") for i in old[k : k + 5000]))


def load_worker(url: str, prefix: str, worker: int, workers: int, n: int) -> None:
    asyncio.run(load_share(url, prefix, worker, workers, n))


def load(url: str, prefix: str, n: int, workers: int) -> float:
    """Archive n stories through the real write path, in `workers` processes; seconds taken."""
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.starmap(load_worker, [(url, prefix, k, workers, n) for k in range(workers)])
    return time.perf_counter() - started


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(15)
    base = corpus_digests()
    if not base:
        emit(skipped="no corpus in bench/corpus")
        return
    server = None if args.redis_url else RedisServer(appendonly=False).start()
    url = args.redis_url or (server.url if server else "")
    client = aioredis.Redis.from_url(url, decode_responses=True)
    prefix = f"khabar:bench:{uuid.uuid4().hex[:8]}:"
    store = Store.create(client, prefix)
    try:
        before = int((await client.info("memory"))["used_memory"])
        seconds = await asyncio.to_thread(load, url, prefix, args.stories, args.workers)
        await forget_old_ids(client, store, args.stories)
        after = int((await client.info("memory"))["used_memory"])
        per_story = (after - before) / args.stories
        emit(case="load", stories=args.stories, seconds=round(seconds, 1), bytes_per_story=round(per_story))
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        timings: dict[str, list[float]] = {}
        for shape, q in queries(base, rng, args.queries):
            t0 = time.perf_counter()
            answer = await search_page(store, q, 0, NOW, "Asia/Tehran")
            timings.setdefault(shape, []).append((time.perf_counter() - t0) * 1000)
            timings.setdefault("hits:" + shape, []).append(answer.total)
        every = [t for k, v in timings.items() if not k.startswith("hits:") for t in v]
        for shape, ms in timings.items():
            if not shape.startswith("hits:"):
                hits = timings["hits:" + shape]
                emit(case=shape, queries=len(ms), p50_ms=pct(ms, 50), p95_ms=pct(ms, 95), median_hits=pct(hits, 50))
        emit(
            case="summary",
            stories=args.stories,
            queries=len(every),
            p50_ms=pct(every, 50),
            p95_ms=pct(every, 95),
            max_ms=round(max(every), 1),
            bytes_per_story=round(per_story),
            load_seconds=round(seconds, 1),
        )
    finally:
        await client.aclose()
        if server is not None:
            server.cleanup()


def pct(values: list[float] | list[int], p: int) -> float:
    if len(values) < 2:
        return round(float(values[0]), 1) if values else 0.0
    return round(statistics.quantiles(values, n=100, method="inclusive")[p - 1], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="processes that load the archive (not the search)")
    parser.add_argument("--redis-url", help="use this Redis instead of a throw-away one (memory then counts others)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
