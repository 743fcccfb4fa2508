"""Soak benchmark: 30 minutes of simulated time, 200 sources, 5,000 instant-mode chats; JSON lines.

    python bench/bench_soak.py [--minutes 30] [--sources 200] [--chats 5000] [--items-per-hour 2]
                               [--poll-interval 600] [--stagger] [--seed 1]

What runs (khabar's own code, called directly, with a controllable clock; no JobQueue):

* a throw-away redis-server (tests/redis_server.py);
* a feed server in its own process: `--sources` RSS feeds, each with 10 old items and new items
  appearing at random (Poisson, `--items-per-hour` per source) in simulated time; it shows an
  item once the simulated clock has passed its time (ETag/304 when nothing changed);
* the fake Bot API (tests.fakebotapi) in its own process, no rate limits, plus a side endpoint
  that hands back when each message arrived (CLOCK_MONOTONIC is shared by all processes);
* in this process, pinned to one core: the poll cycle (bot.pipeline.poll_cycle: claims, fetch,
  parse, seen-state, digest extraction, clustering), the fan-out (bot.delivery.fanout.Fanout) and the
  delivery worker (bot.telegram.sender.DeliveryWorker, real python-telegram-bot client) at Telegram's
  real per-chat pace (1 message/s to a private chat) and 1,000 messages/s overall (paid broadcast).

Simulated time = real time + skipped time: every poll tick (15 s) runs at its simulated moment;
whenever khabar is idle (nothing queued, nothing in flight) the clock jumps to the next tick. Work
therefore costs its real duration in simulated seconds, waiting costs nothing; a 30-minute soak
takes a few real minutes. Redis keeps its own clock (TTLs, rate-limit markers): TTL-driven expiry
is not exercised within 30 simulated minutes (the shortest data TTL is hours), only caps.

Lines printed:
- {"bench": "soak_sample", ...} once per simulated minute: RSS, Redis used_memory, queue, counts;
- {"bench": "soak", ...} at the end: RSS start vs end (current and peak), Redis memory start/end,
  latency percentiles (item appears → delivered to a chat, in simulated seconds; split into
  appear → polled and polled → delivered), deliveries expected/made/duplicated, real duration,
  Redis bytes per chat (the subscription alone, and everything at the end over the chats) and the
  real seconds one story takes to fan out (match every chat, queue in Redis).
Target (issue 6): p95 latency < one poll interval + 5 s; RSS flat; Redis memory bounded.

At scale (issue 13), run once by hand, not in CI (about 10 minutes):
    python bench/bench_soak.py --chats 50000 --sources 40
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import math
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import time
import uuid
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import httpx  # noqa: E402
import redis.asyncio as aioredis  # noqa: E402
from telegram import Bot  # noqa: E402

from bot.delivery.fanout import Fanout, SubscriptionCache  # noqa: E402
from bot.pipeline import PipelineDeps, build_client, poll_cycle  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.ratelimit import Pacing  # noqa: E402
from bot.store.subscriptions import Subscription  # noqa: E402
from bot.telegram.request import make_request  # noqa: E402
from bot.telegram.sender import DeliveryWorker  # noqa: E402
from digest import RenderOptions  # noqa: E402
from feeds.model import FeedSource  # noqa: E402
from feeds.poller import Outcome  # noqa: E402
from tests.fakebotapi import TOKEN  # noqa: E402
from tests.redis_server import RedisServer, free_port  # noqa: E402

TICK = 15.0  # seconds between poll ticks (Settings.poll_tick)
OLD_ITEMS = 10  # items each feed has before the soak starts (the first poll must announce none)
FEED_ITEMS = 20  # a feed shows its newest 20 items
PROVINCES = (
    "خوزستان",
    "تهران",
    "اصفهان",
    "فارس",
    "خراسان رضوی",
    "کرمان",
    "گیلان",
    "آذربایجان شرقی",
    "سیستان و بلوچستان",
    "کرمانشاه",
)
ALL_NEWS_SHARE = 0.2  # chats subscribed to every province; the rest pick one province
HREF = re.compile(r'href="([^"]+)"')
CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def pin(pid: int, cores: list[int]) -> None:
    if cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(pid, set(cores))


# --- the news: deterministic per (seed, source, seq), shared by the feed server and the measurement --------

SENTENCES = (
    "مدیرکل بهزیستی استان {p} گفت: آمار طلاق در این استان در سال گذشته {a} درصد افزایش یافته است.",
    "به گفته وی بیش از {b} کودک کار در شهرهای {p} شناسایی شده‌اند و {c} نفر از آنان به مدرسه بازگشتند.",
    "معاون امور اجتماعی استانداری {p} از افزایش {a} درصدی شمار معتادان متجاهر در حاشیه شهرها خبر داد.",
    "رئیس کمیته امداد {p} گفت: {b} خانوار نیازمند در سال جاری زیر پوشش حمایت‌های معیشتی قرار گرفتند.",
    "نرخ بیکاری جوانان در {p} به {a} درصد رسیده و {c} طرح اشتغال‌زایی در دست اجراست.",
    "دادستان {p} از تشکیل {c} پرونده درباره کودک‌آزاری و خشونت خانگی در شش ماه گذشته خبر داد.",
    "مدیرکل آموزش و پرورش {p} گفت: {b} دانش‌آموز بازمانده از تحصیل در روستاهای استان شناسایی شدند.",
    "به گفته رئیس دانشگاه علوم پزشکی {p}، {c} مورد خودکشی در سال گذشته ثبت شده که {a} درصد کمتر است.",
    "فرماندار گفت: {b} واحد مسکن برای سیل‌زدگان {p} ساخته شده و {c} خانوار هنوز در انتظارند.",
    "سخنگوی اورژانس اجتماعی {p} اعلام کرد: تماس‌ها با خط ۱۲۳ در ماه گذشته {a} درصد بیشتر شد.",
    "رئیس انجمن حمایت از زنان سرپرست خانوار {p} گفت: {b} زن سرپرست خانوار در استان زندگی می‌کنند.",
    "مدیر سازمان زندان‌های {p} از آزادی {c} زندانی جرائم غیرعمد با کمک خیران خبر داد.",
    "شهردار مرکز استان {p} گفت: {b} نفر در سکونتگاه‌های غیررسمی زندگی می‌کنند و طرح توانمندسازی آغاز شد.",
    "رئیس اداره کار {p} گفت: حداقل دستمزد کارگران فصلی {a} درصد کمتر از نرخ مصوب پرداخت می‌شود.",
    "مدیرکل امور اتباع {p} گفت: {c} کودک مهاجر در مدارس استان ثبت‌نام کرده‌اند.",
    "نماینده مردم {p} در مجلس گفت: کمبود آب آشامیدنی {b} روستا را با بحران روبه‌رو کرده است.",
)
TITLES = (
    "افزایش {a} درصدی {t} در {p}",
    "{b} مورد {t} در {p} شناسایی شد",
    "هشدار مسئولان {p} درباره {t}",
    "کاهش {a} درصدی {t} در {p}",
    "گزارش تازه از {t} در {p}",
)
THEMES = ("طلاق", "اعتیاد", "کودکان کار", "بیکاری", "کودک‌آزاری", "حاشیه‌نشینی", "فقر", "خودکشی", "ترک تحصیل")


def fa(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def province_of(n: int) -> str:
    return PROVINCES[n % len(PROVINCES)]


def news(seed: int, n: int, seq: int) -> tuple[str, str]:
    """(title, text) of item `seq` of source `n`: social news about the source's province."""
    rnd = random.Random(f"{seed}:{n}:{seq}")
    p = province_of(n)

    def fill(template: str) -> str:
        return template.format(
            p=p,
            a=fa(rnd.randint(3, 95)),
            b=fa(rnd.randint(100, 99_999)),
            c=fa(rnd.randint(10, 9_999)),
            t=rnd.choice(THEMES),
        )

    title = fill(rnd.choice(TITLES)) + f" ({fa(seq)})"
    body = " ".join(fill(s) for s in rnd.sample(SENTENCES, 6))
    return title, body


def schedule(seed: int, sources: int, minutes: float, per_hour: float) -> dict[int, list[tuple[float, int]]]:
    """source → [(appears at, in seconds after the start (old items < 0), seq)], oldest first."""
    out: dict[int, list[tuple[float, int]]] = {}
    for n in range(sources):
        rnd = random.Random(f"{seed}:schedule:{n}")
        items = [(-3600.0 * (OLD_ITEMS - k), k) for k in range(OLD_ITEMS)]
        t, seq = 0.0, OLD_ITEMS
        while per_hour > 0:
            t += rnd.expovariate(per_hour / 3600)
            if t >= minutes * 60:
                break
            items.append((t, seq))
            seq += 1
        out[n] = items
    return out


def item_url(n: int, seq: int) -> str:
    return f"https://news.example/s{n:03d}/{seq}"


# --- the feed server (its own process) ---------------------------------------------------------------------


def serve_feeds(port: int, seed: int, sources: int, minutes: float, per_hour: float, ready: Any) -> None:
    from aiohttp import web

    pin(0, CORES[1:] or CORES)
    items = schedule(seed, sources, minutes, per_hour)
    shown = {"until": 0.0, "t0": 0.0}  # simulated seconds shown so far; the soak's start (unix s)
    cache: dict[tuple[int, int], bytes] = {}

    def visible(n: int) -> list[tuple[float, int]]:
        cut = bisect.bisect_right(items[n], (shown["until"], math.inf))
        return items[n][max(0, cut - FEED_ITEMS) : cut]

    def body(n: int, latest: list[tuple[float, int]]) -> bytes:
        parts = []
        for at, seq in reversed(latest):
            title, text = news(seed, n, seq)
            when = datetime.fromtimestamp(shown["t0"] + at, UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
            url = item_url(n, seq)
            parts.append(
                f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
                f"<pubDate>{when}</pubDate><description>{text}</description></item>"
            )
        channel = f"<channel><title>منبع {n}</title>{''.join(parts)}</channel>"
        return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'.encode()

    async def feed(request: web.Request) -> web.StreamResponse:
        n = int(request.match_info["n"])
        latest = visible(n)
        tag = f'"{n}-{latest[-1][1] if latest else -1}"'
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        key = (n, latest[-1][1] if latest else -1)
        if key not in cache:
            cache[key] = body(n, latest)
        return web.Response(body=cache[key], headers={"ETag": tag, "Content-Type": "application/rss+xml"})

    async def publish(request: web.Request) -> web.StreamResponse:
        shown["until"] = float(request.query["until"])
        shown["t0"] = float(request.query["t0"])
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/feed/{n}", feed)
    app.router.add_post("/publish", publish)

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port, backlog=4096).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


# --- the fake Bot API (its own process) and a side door to read arrivals ----------------------------------


def serve_telegram(port: int, side_port: int, ready: Any) -> None:
    from aiohttp import web

    from tests.fakebotapi import FakeBotAPI

    pin(0, CORES[1:] or CORES)

    async def main() -> None:
        fake = FakeBotAPI(enforce_chat_limits=False)
        await fake.start(port)

        pairs: set[tuple[int, str]] = set()
        duplicates = 0

        async def sent(request: web.Request) -> web.StreamResponse:
            nonlocal duplicates
            start = int(request.query.get("from", "0"))
            rows = []
            for m in fake.sent[start:]:
                hrefs = list(dict.fromkeys(HREF.findall(m.html))) or [""]  # a burst message links each story
                for href in hrefs:
                    if (m.chat_id, href) in pairs:
                        duplicates += 1
                    pairs.add((m.chat_id, href))
                rows.append([m.at, hrefs])
                m.html = m.text = ""  # keep the fake's memory flat over hundreds of thousands of messages
            return web.json_response(
                {"rows": rows, "errors": len(fake.errors), "floods": len(fake.floods), "duplicates": duplicates}
            )

        side = web.Application()
        side.router.add_get("/sent", sent)
        runner = web.AppRunner(side, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", side_port).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


# --- simulated time ----------------------------------------------------------------------------------------


class SimClock:
    """Real time plus the idle time skipped; `at(monotonic)` maps an arrival to simulated seconds."""

    def __init__(self) -> None:
        self.start = datetime.fromtimestamp(math.floor(time.time()), UTC)
        self.m0 = time.monotonic()
        self.offset = 0.0
        self.skips: list[tuple[float, float]] = [(self.m0, 0.0)]  # (monotonic at the jump, offset after)

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds())

    def seconds(self) -> float:
        return time.monotonic() - self.m0 + self.offset

    def skip_to(self, seconds: float) -> None:
        ahead = seconds - self.seconds()
        if ahead > 0:
            self.offset += ahead
            self.skips.append((time.monotonic(), self.offset))

    def at(self, mono: float) -> float:
        i = bisect.bisect_right(self.skips, (mono, math.inf)) - 1
        return mono - self.m0 + self.skips[max(i, 0)][1]


# --- the soak ----------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the soak counted. Kept compact (arrays of floats, counts), so the bench's own bookkeeping
    does not show up as khabar's RSS growth."""

    appeared: dict[str, float] = field(default_factory=dict)  # item url → simulated second it appeared
    polled: dict[str, float] = field(default_factory=dict)  # story's url → simulated second it was polled
    queued: int = 0
    items: int = 0  # new feed items the polls found
    stories: int = 0
    clustered: int = 0
    polls: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    messages: int = 0  # messages the fake Bot API accepted
    delivered: int = 0  # (chat, story) pairs they carried (a burst message carries several)
    latency: array[float] = field(default_factory=lambda: array("d"))  # appeared → delivered, per message
    after_poll: array[float] = field(default_factory=lambda: array("d"))  # polled → delivered, per message
    old_delivered: int = 0  # messages carrying an item that existed before the first poll (must be 0)
    unknown_delivered: int = 0  # links in messages that are no item of ours (or a message with no link)
    duplicates: int = 0
    fake_errors: int = 0
    fake_floods: int = 0
    fanout_s: list[float] = field(default_factory=list)  # real seconds of each fan-out of one poll's stories
    fanout_stories: list[int] = field(default_factory=list)  # ... and how many stories it fanned out
    redis_before_chats: int = 0  # used_memory (bytes) before the chats subscribed
    redis_subscriptions: int = 0  # used_memory the subscriptions added


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def fetch_arrivals(client: httpx.AsyncClient, side_port: int, tally: Tally, clock: SimClock) -> None:
    got = (await client.get(f"http://127.0.0.1:{side_port}/sent", params={"from": tally.messages})).json()
    for mono, hrefs in got["rows"]:
        tally.messages += 1
        for href in hrefs:
            tally.delivered += 1
            appeared = tally.appeared.get(href)
            if appeared is None:
                tally.unknown_delivered += 1
                continue
            tally.old_delivered += appeared < 0
            delivered = clock.at(mono)
            tally.latency.append(delivered - appeared)
            if href in tally.polled:
                tally.after_poll.append(delivered - tally.polled[href])
    tally.fake_errors, tally.fake_floods, tally.duplicates = got["errors"], got["floods"], got["duplicates"]


async def idle(store: Store) -> bool:
    return await store.delivery.pending() == 0 and await store.delivery.chats_waiting() == 0


async def add_chats(store: Store, chats: int, seed: int) -> None:
    rnd = random.Random(f"{seed}:chats")
    async with store.redis.pipeline(transaction=False) as pipe:
        for i in range(chats):
            provinces = () if rnd.random() < ALL_NEWS_SHARE else (rnd.choice(PROVINCES),)
            sub = Subscription(1_000_000 + i, provinces=provinces)
            pipe.hset(store.keys.subs(), sub.chat_key, sub.to_json())
        pipe.incr(store.keys.subs_version())
        await pipe.execute()


async def soak(
    args: argparse.Namespace, redis_url: str, feed_port: int, tg_port: int, side_port: int, clock: SimClock
) -> None:
    base = Settings.from_env(
        {
            "KHABAR_BOT_TOKEN": TOKEN,
            "KHABAR_TELEGRAM_API_URL": f"http://127.0.0.1:{tg_port}/bot",
            "KHABAR_REDIS_URL": redis_url,
        }
    )
    settings = replace(
        base,
        allow_private_urls=True,
        poll_interval=args.poll_interval,
        poll_tick=int(TICK),
        fulltext=False,
        global_rate=1000.0,  # paid broadcasts: khabar's own ceiling, not Telegram's free 30/s, is measured
        log_level="WARNING",
    )
    redis = aioredis.Redis.from_url(redis_url, decode_responses=True)
    store = Store.from_settings(redis, settings, prefix="khabar:soak:")
    sources = tuple(
        FeedSource(f"s{n:03d}", f"منبع {n}", f"http://127.0.0.1:{feed_port}/feed/{n}", province_of(n))
        for n in range(args.sources)
    )
    items = schedule(args.seed, args.sources, args.minutes, args.items_per_hour)
    tally = Tally()
    for n, rows in items.items():
        for at, seq in rows:
            tally.appeared[item_url(n, seq)] = at
    tally.redis_before_chats = int((await redis.info("memory"))["used_memory"])
    await add_chats(store, args.chats, args.seed)
    tally.redis_subscriptions = int((await redis.info("memory"))["used_memory"]) - tally.redis_before_chats
    bot = Bot(TOKEN, base_url=settings.telegram_api_url, request=make_request(settings))
    await bot.initialize()
    pacing = Pacing.from_rates(settings.global_rate, settings.private_rate, settings.group_per_minute)
    worker = DeliveryWorker(bot, store, settings, pacing)
    fanout = Fanout(
        store,
        settings,
        store.stories,
        RenderOptions(timezone=settings.timezone),
        SubscriptionCache(store),
        wake=worker.wake,
    )
    control = httpx.AsyncClient(timeout=60)
    samples: list[dict[str, Any]] = []
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    real0 = time.monotonic()
    worker.start()
    try:
        async with build_client(settings) as http:
            deps = PipelineDeps(store, http, settings, sources)
            await run_ticks(args, clock, store, deps, fanout, control, feed_port, tally, samples, side_port)
            while not await idle(store):  # drain what the last ticks queued
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)
            await fetch_arrivals(control, side_port, tally, clock)
            samples.append(await sample(clock, store, redis, tally))
            emit(**samples[-1])
    finally:
        await worker.stop()
        await bot.shutdown()
        await control.aclose()
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    report(
        args,
        clock,
        tally,
        samples,
        time.monotonic() - real0,
        (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
    )
    await redis.aclose()


async def run_ticks(
    args: argparse.Namespace,
    clock: SimClock,
    store: Store,
    deps: PipelineDeps,
    fanout: Fanout,
    control: httpx.AsyncClient,
    feed_port: int,
    tally: Tally,
    samples: list[dict[str, Any]],
    side_port: int,
) -> None:
    end = args.minutes * 60
    next_tick = 0.0
    next_sample = 0.0
    stagger_pending = args.stagger
    while clock.seconds() < end:
        if clock.seconds() >= next_sample:
            await fetch_arrivals(control, side_port, tally, clock)
            samples.append(await sample(clock, store, store.redis, tally))
            emit(**samples[-1])
            next_sample += 60
        if clock.seconds() < next_tick:
            if await idle(store):
                clock.skip_to(min(next_tick, next_sample))
            else:
                await asyncio.sleep(0.02)
            continue
        now_s = clock.seconds()
        published = {"until": now_s, "t0": clock.start.timestamp()}
        await control.post(f"http://127.0.0.1:{feed_port}/publish", params=published)
        now = clock()
        result = await poll_cycle(deps, now)
        for o in result.outcomes:
            tally.polls[o.outcome.value] += 1
        tally.items += result.items
        tally.stories += len(result.stories)
        tally.clustered += result.clustered
        for story in result.stories:
            if story.digest.url:
                tally.polled[story.digest.url] = now_s
        started = time.monotonic()
        tally.queued += await fanout.submit(result.stories, now)
        if result.stories:
            tally.fanout_s.append(time.monotonic() - started)
            tally.fanout_stories.append(len(result.stories))
        if stagger_pending:  # spread the sources' next checks over one interval (what jitter would give)
            await stagger(store, deps.sources, now, args.poll_interval)
            stagger_pending = False
        next_tick = max(next_tick + TICK, clock.seconds())


async def stagger(store: Store, sources: tuple[FeedSource, ...], now: datetime, interval: int) -> None:
    for i, source in enumerate(sources):
        state = await store.feeds.load(source.id)
        if state is not None:
            due = now + timedelta(seconds=interval * (i + 1) / len(sources))
            await store.feeds.save(source.id, replace(state, next_check_at=due))


async def sample(clock: SimClock, store: Store, redis: aioredis.Redis, tally: Tally) -> dict[str, Any]:
    info = await redis.info("memory")
    return {
        "bench": "soak_sample",
        "sim_minute": round(clock.seconds() / 60, 2),
        "rss_mb": round(rss_mb(), 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "redis_used_mb": round(int(info["used_memory"]) / 1024 / 1024, 2),
        "redis_keys": int(await redis.dbsize()),
        "queue": await store.delivery.pending(),
        "stories": tally.stories,
        "delivered": tally.delivered,
    }


def fanout_per_story(tally: Tally) -> dict[str, Any]:
    """Real seconds one story takes to fan out to every matching chat (match + queue in Redis), from
    the polls that found exactly one story, else from all polls (their time over their stories)."""
    one = [t for t, n in zip(tally.fanout_s, tally.fanout_stories, strict=True) if n == 1]
    per = one or [t / n for t, n in zip(tally.fanout_s, tally.fanout_stories, strict=True)]
    return {
        "polls": len(per),
        "p50": round(statistics.median(per), 3) if per else None,
        "max": round(max(per), 3) if per else None,
        "from_single_story_polls": bool(one),
    }


def percentile(values: Sequence[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)], 2)


def report(
    args: argparse.Namespace, clock: SimClock, tally: Tally, samples: list[dict[str, Any]], real_s: float, cpu_s: float
) -> None:
    total = tally.latency
    to_poll = [polled - tally.appeared.get(href, polled) for href, polled in tally.polled.items()]
    new_items = sum(1 for at in tally.appeared.values() if 0 <= at < args.minutes * 60)
    first, last = samples[0], samples[-1]
    warm = next((s for s in samples if s["delivered"] and s["queue"] == 0), last)  # after the first wave
    p95 = percentile(total, 95)
    emit(
        bench="soak",
        sim_minutes=args.minutes,
        sources=args.sources,
        chats=args.chats,
        poll_interval_s=args.poll_interval,
        staggered_schedule=args.stagger,
        items_appeared=new_items,
        items_polled=tally.items,
        stories=tally.stories,
        clustered_items=tally.clustered,
        polls=tally.polls,
        deliveries_queued=tally.queued,
        deliveries_made=tally.delivered,
        messages=tally.messages,
        duplicates=tally.duplicates,
        old_items_delivered=tally.old_delivered,
        foreign_messages=tally.unknown_delivered,
        fake_api_errors=tally.fake_errors,
        fake_api_429=tally.fake_floods,
        latency_s={
            "p50": percentile(total, 50),
            "p95": p95,
            "p99": percentile(total, 99),
            "max": percentile(total, 100),
        },
        appear_to_poll_s={"p50": percentile(to_poll, 50), "p95": percentile(to_poll, 95)},
        poll_to_delivery_s={
            "p50": percentile(tally.after_poll, 50),
            "p95": percentile(tally.after_poll, 95),
            "max": percentile(tally.after_poll, 100),
        },
        target_p95_s=args.poll_interval + 5,
        p95_within_target=p95 is not None and p95 < args.poll_interval + 5,
        rss_mb={
            "start": first["rss_mb"],
            "after_first_wave": warm["rss_mb"],
            "end": last["rss_mb"],
            "peak_after_first_wave": warm["peak_rss_mb"],
            "peak_end": last["peak_rss_mb"],
        },
        redis_used_mb={
            "start": first["redis_used_mb"],
            "end": last["redis_used_mb"],
            "max": max(s["redis_used_mb"] for s in samples),
        },
        redis_keys={"start": first["redis_keys"], "end": last["redis_keys"]},
        redis_bytes_per_chat={
            # the subscription alone (HSET into khabar:subs)
            "subscription": round(tally.redis_subscriptions / max(args.chats, 1)),
            # everything at the end (delivery logs, rate markers, stories, feeds ...) over the chats
            "end": round((last["redis_used_mb"] * 1024 * 1024 - tally.redis_before_chats) / max(args.chats, 1)),
        },
        fanout_s_per_story=fanout_per_story(tally),
        real_s=round(real_s, 1),
        cpu_s=round(cpu_s, 1),
        sim_to_real=round(args.minutes * 60 / real_s, 1),
        median_rss_mb=round(statistics.median(s["rss_mb"] for s in samples), 1),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30.0, help="simulated minutes")
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--chats", type=int, default=5000)
    parser.add_argument("--items-per-hour", type=float, default=2.0, help="new items per source per hour")
    parser.add_argument("--poll-interval", type=int, default=600, help="KHABAR_POLL_INTERVAL (default 600)")
    parser.add_argument(
        "--stagger", action="store_true", help="after the first poll, spread the sources' next checks over one interval"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    redis_server = RedisServer(appendonly=False).start()
    if redis_server.proc is not None:
        pin(redis_server.proc.pid, CORES[1:] or CORES)
    ctx = multiprocessing.get_context("spawn")
    feed_port, tg_port, side_port = free_port(), free_port(), free_port()
    feeds_ready, tg_ready = ctx.Event(), ctx.Event()
    feeds = ctx.Process(
        target=serve_feeds,
        args=(feed_port, args.seed, args.sources, args.minutes, args.items_per_hour, feeds_ready),
        daemon=True,
    )
    telegram = ctx.Process(target=serve_telegram, args=(tg_port, side_port, tg_ready), daemon=True)
    feeds.start()
    telegram.start()
    try:
        if not (feeds_ready.wait(60) and tg_ready.wait(60)):
            raise RuntimeError("the feed server or the fake Bot API did not start")
        pin(0, CORES[:1])
        clock = SimClock()  # the soak starts now (the servers took real time to start)
        run_id = uuid.uuid4().hex[:8]
        emit(bench="soak_start", run=run_id, start=clock.start.isoformat(), cores=len(CORES))
        asyncio.run(soak(args, redis_server.url, feed_port, tg_port, side_port, clock))
    finally:
        feeds.terminate()
        telegram.terminate()
        feeds.join(10)
        telegram.join(10)
        redis_server.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
