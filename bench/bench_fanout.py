"""Benchmark of delivery: one story fanned out to 10,000 chats through the fake Bot API; JSON lines.

    python bench/bench_fanout.py [--runs 3] [--chats 10000] [--seconds 20]

Cases (each run uses a fresh Redis key prefix and a fresh fake server in its own process):

* `limited`: the fake Bot API enforces 30 messages/s overall (as Telegram does without paid
  broadcasts) and khabar is set to 30/s. A shortened run (`--seconds`): the achieved rate between
  the first and the last message, as a fraction of the limit (target ≥ 0.95), 429s (target 0) and
  duplicates (target 0).
* `unlimited`: no limit anywhere (khabar at 100,000/s): khabar's own ceiling in messages/s on one
  core (target ≥ 1,000/s), its CPU time per message and its peak RSS. khabar is pinned to one core;
  the fake server and Redis run in other processes, on the other cores.

The last line is the medians over the runs. Redis: $REDIS_URL if set, else a throw-away redis-server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("PTB_TIMEDELTA", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import httpx  # noqa: E402
import redis.asyncio as aioredis  # noqa: E402

from bot.settings import Settings  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.subscriptions import Subscription  # noqa: E402
from bot.story import Story  # noqa: E402
from bot.telegram.app import build_application, serve  # noqa: E402
from bot.telegram.context import Collaborators  # noqa: E402
from digest import Digest  # noqa: E402
from tests.fakebotapi import TOKEN  # noqa: E402
from tests.redis_server import RedisServer, free_port  # noqa: E402

LIMIT = 30.0


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
KHABAR_CORE = CORES[:1]  # khabar on one core ...
OTHER_CORES = CORES[1:] or CORES  # ... the fake server and Redis on the others (when there are others)


def pin(pid: int, cores: list[int]) -> None:
    if cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(pid, set(cores))


class FakeServerProcess:
    """tests.fakebotapi in its own process (on the cores khabar does not use)."""

    def __init__(self, global_rate: float | None) -> None:
        self.port = free_port()
        args = [sys.executable, "-m", "tests.fakebotapi", "--port", str(self.port)]
        if global_rate:
            args += ["--global-rate", str(global_rate)]
        self.proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        pin(self.proc.pid, OTHER_CORES)
        assert self.proc.stdout is not None
        self.proc.stdout.readline()  # {"port": ...} once it listens

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def state(self, client: httpx.AsyncClient) -> dict[str, Any]:
        response = await client.get(f"http://127.0.0.1:{self.port}/__control/state")
        data: dict[str, Any] = response.json()
        return data

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def story() -> Story:
    digest = Digest(
        headline="افزایش ۲۰ درصدی طلاق در اهواز",
        is_social=True,
        topics=("طلاق",),
        places=("اهواز",),
        summary=("مدیرکل بهزیستی خوزستان از افزایش آمار طلاق در سال گذشته خبر داد.",),
        url="https://news.example/1",
        source="خبرگزاری نمونه",
        published=datetime.now(UTC),
    )
    return Story(uuid.uuid4().hex[:16], digest, ("src",), ("خبرگزاری نمونه",), "خوزستان", datetime.now(UTC))


class OneStory:
    def __init__(self, s: Story) -> None:
        self.s = s

    async def get(self, story_id: str) -> Story | None:
        return self.s if story_id == self.s.id else None

    async def recent(self, limit: int) -> list[Story]:
        return [self.s]


async def run_case(redis_url: str, chats: int, limited: bool, seconds: float) -> dict[str, Any]:
    fake = FakeServerProcess(LIMIT if limited else None)
    prefix = f"khabar:bench:{uuid.uuid4().hex[:10]}:"
    the_story = story()
    base = Settings.from_env({"KHABAR_BOT_TOKEN": TOKEN, "KHABAR_TELEGRAM_API_URL": fake.base_url})
    settings = replace(
        base,
        redis_url=Settings.from_env({"KHABAR_REDIS_URL": redis_url}).redis_url,
        global_rate=LIMIT if limited else 100_000.0,
        poll_tick=3600,  # nothing to poll here
        log_level="WARNING",
    )

    async def wiring(store: Store, s: Settings, http: httpx.AsyncClient) -> Collaborators:
        return Collaborators(stories=OneStory(the_story))

    app = build_application(settings, wiring=wiring, prefix=prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    client = httpx.AsyncClient(timeout=10)
    try:
        while app.bot_data.services is None:
            await asyncio.sleep(0.05)
        services = app.bot_data.services
        async with services.store.redis.pipeline(transaction=False) as pipe:
            for i in range(chats):
                sub = Subscription(100_000 + i)
                pipe.hset(services.store.keys.subs(), sub.chat_key, sub.to_json())
            pipe.incr(services.store.keys.subs_version())
            await pipe.execute()
        cpu0 = time.process_time()
        wall0 = time.monotonic()
        await services.fanout.submit([the_story], datetime.now(UTC))
        deadline = wall0 + (seconds if limited else 300)
        while time.monotonic() < deadline:
            state = await fake.state(client)
            if state["sent"] >= chats:
                break
            await asyncio.sleep(0.5 if limited else 0.1)
        cpu = time.process_time() - cpu0
        state = await fake.state(client)
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)
        await client.aclose()
        fake.stop()
        await _delete(redis_url, prefix)
    span = (state["last_at"] - state["first_at"]) if state["sent"] > 1 else 0.0
    rate = (state["sent"] - 1) / span if span > 0 else 0.0
    out: dict[str, Any] = {
        "bench": "fanout",
        "case": "limited" if limited else "unlimited",
        "chats": chats,
        "sent": state["sent"],
        "floods_429": state["floods"],
        "duplicates": state["duplicates"],
        "rate_msgs_per_s": round(rate, 2),
    }
    if limited:
        out |= {"limit": LIMIT, "fraction_of_limit": round(rate / LIMIT, 4), "run_s": seconds}
    else:
        out |= {
            "cpu_ms_per_msg": round(1000 * cpu / max(state["sent"], 1), 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    return out


async def _delete(url: str, prefix: str) -> None:
    client = aioredis.Redis.from_url(url, decode_responses=True)
    try:
        keys = [k async for k in client.scan_iter(match=prefix + "*", count=5000)]
        for i in range(0, len(keys), 5000):
            await client.delete(*keys[i : i + 5000])
    finally:
        await client.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the limited (30/s) run")
    args = parser.parse_args()
    server = None if os.environ.get("REDIS_URL") else RedisServer(appendonly=False).start()
    if server is not None and server.proc is not None:
        pin(server.proc.pid, OTHER_CORES)
    pin(0, KHABAR_CORE)
    redis_url = os.environ.get("REDIS_URL") or (server.url if server else "")
    try:
        results: dict[str, list[dict[str, Any]]] = {"limited": [], "unlimited": []}
        for _ in range(args.runs):
            for limited in (True, False):
                out = asyncio.run(run_case(redis_url, args.chats, limited, args.seconds))
                results[out["case"]].append(out)
                emit(**out)
        lim, unl = results["limited"], results["unlimited"]
        emit(
            bench="fanout",
            case="median",
            runs=args.runs,
            fraction_of_limit=statistics.median(r["fraction_of_limit"] for r in lim),
            limited_429=max(r["floods_429"] for r in lim),
            limited_duplicates=max(r["duplicates"] for r in lim),
            unlimited_msgs_per_s=statistics.median(r["rate_msgs_per_s"] for r in unl),
            unlimited_429=max(r["floods_429"] for r in unl),
            unlimited_duplicates=max(r["duplicates"] for r in unl),
            unlimited_all_sent=all(r["sent"] == args.chats for r in unl),
            cpu_ms_per_msg=statistics.median(r["cpu_ms_per_msg"] for r in unl),
            peak_rss_mb=max(r["peak_rss_mb"] for r in unl),
            targets={"fraction_of_limit": 0.95, "unlimited_msgs_per_s": 1000, "429": 0, "duplicates": 0},
        )
    finally:
        if server is not None:
            server.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
