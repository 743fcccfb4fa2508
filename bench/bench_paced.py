"""Paced end-to-end benchmark: `khabar run` fanning a burst out at Telegram's 30/s; one JSON line.

    python bench/bench_paced.py [--chats 200] [--stories 20] [--mode grouped|single] [--timeout S]

Everything runs as it does in production, each part in its own process: a throw-away redis-server,
the fake Bot API (`python -m tests.fakebotapi --global-rate 30 --strict`: a strict sliding
1-second window, private chats ≥ 1 s apart, no tolerance), and `khabar run` polling a local feed
that carries K real social articles (bench/corpus/dev.jsonl) on its first poll (KHABAR_BACKFILL=K).
N private chats are subscribed to all social news, in `--mode grouped` (the default: a burst is one
compact message per chat) or `single` (one card per story per chat: N × K messages at 30/s, the
case that measures the cost of a paced message — `--chats 100 --stories 20` paces for 72 s). The
default timeout leaves room for N × K messages at 30/s.

Prints: stories announced, (chat, story) pairs expected and delivered, duplicate pairs, messages and
their rate, 429s, khabar's CPU (/proc: the whole process tree, user + system) per message and per
delivered pair — `cpu_*` from the first fetch of the feed to the last delivery (includes extracting
the K articles and the fan-out) and `delivery_cpu_*` from the first delivery to the last (the paced
sending alone, split into user and system) — Redis's CPU, khabar's idle CPU after the last delivery,
fetch → last delivery, and the smallest gap between two messages to one chat.

BENCH_WRAP="py-spy record --gil -r 500 -d 60 -f raw -o out.txt --" runs khabar under a profiler
(py-spy is not a dependency; its CPU then counts in khabar's figures, which are not the ones to report).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import httpx  # noqa: E402
import redis  # noqa: E402

from bot.store.subscriptions import Subscription  # noqa: E402
from tests.fakebotapi import TOKEN  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

RATE = 30
WRAP = os.environ.get("BENCH_WRAP", "").split()  # e.g. "py-spy record --gil -o out.txt -f raw --" (see above)
IDLE_S = 10.0  # seconds of khabar's idle CPU measured after the last delivery
CORPUS = REPO / "bench" / "corpus" / "dev.jsonl"
TICK = os.sysconf("SC_CLK_TCK")


def articles(count: int) -> list[dict[str, str]]:
    """`count` real social articles, long enough that khabar needs no article page."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in rows if r["gold"].get("is_social") and len(r["text"]) >= 600 and r["gold"].get("headline")]
    if len(chosen) < count:
        raise SystemExit(f"the corpus has only {len(chosen)} long social articles")
    return [{"title": r["gold"]["headline"], "text": r["text"]} for r in chosen[:count]]


def feed(items: list[dict[str, str]], base: str) -> bytes:
    now = format_datetime(datetime.now(UTC))
    parts = [
        f"<item><title>{html.escape(it['title'])}</title><link>{base}/a/{i}</link><guid>{base}/a/{i}</guid>"
        f"<pubDate>{now}</pubDate><description>{html.escape(it['text'])}</description></item>"
        for i, it in enumerate(items)
    ]
    body = f"<channel><title>خبرگزاری محلی</title>{''.join(parts)}</channel>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{body}</rss>'.encode()


def cpu_times(root: int) -> tuple[float, float]:
    """(user, system) CPU seconds of `root` and every descendant (threads count in their process)."""
    children: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, tuple[int, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        children[ppid].append(pid)
        stats[pid] = (int(fields[11]), int(fields[12]))
    user = system = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        utime, stime = stats.get(pid, (0, 0))
        user, system = user + utime, system + stime
        todo.extend(children.get(pid, []))
    return user / TICK, system / TICK


def cpu_seconds(root: int) -> float:
    return sum(cpu_times(root))


class FakeTelegram:
    """tests.fakebotapi in its own process, enforcing 30/s on a strict sliding window."""

    def __init__(self) -> None:
        args = [sys.executable, "-m", "tests.fakebotapi", "--port", "0", "--global-rate", str(RATE), "--strict"]
        self.proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self.proc.stdout is not None
        self.port = int(json.loads(self.proc.stdout.readline())["port"])
        self.base_url = f"http://127.0.0.1:{self.port}/bot"

    def get(self, what: str) -> Any:
        return httpx.get(f"http://127.0.0.1:{self.port}/__control/{what}", timeout=30).json()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


@dataclass
class Phase:
    """khabar's CPU (user, system) and the clock at one moment of the run."""

    at: float
    user: float
    system: float

    @classmethod
    def now(cls, pid: int) -> Phase:
        user, system = cpu_times(pid)
        return cls(time.monotonic(), user, system)

    def cpu_since(self, start: Phase) -> float:
        return self.user - start.user + self.system - start.system


def khabar_env(tmp: Path, fake: FakeTelegram, redis_url: str, feed_url: str, stories: int) -> dict[str, str]:
    sources = tmp / "sources.toml"
    sources.write_text(f'[[source]]\nid = "local"\nname = "خبرگزاری محلی"\nurl = "{feed_url}"\n'
                       'province = "تهران"\n', encoding="utf-8")  # fmt: skip
    return {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")} | {
        "KHABAR_BOT_TOKEN": TOKEN,
        "KHABAR_TELEGRAM_API_URL": fake.base_url,
        "KHABAR_REDIS_URL": redis_url,
        "KHABAR_SOURCES": str(sources),
        "KHABAR_DATA_DIR": str(tmp / "data"),
        "KHABAR_BACKFILL": str(min(stories, 50)),
        "KHABAR_ALLOW_PRIVATE_URLS": "1",
        "KHABAR_GLOBAL_RATE": str(RATE),
        "KHABAR_LOG_LEVEL": "WARNING",
    }


def serve(feeds: FeedServer, items: list[dict[str, str]]) -> str:
    """Publish the feed and its article pages; returns the feed's base URL."""
    base = f"http://127.0.0.1:{feeds.port}"
    feeds.bytes("/feed.xml", feed(items, base), content_type="application/rss+xml")
    for i, it in enumerate(items):
        page = f"<html><head><title>{html.escape(it['title'])}</title></head><body><article>"
        page += "".join(f"<p>{html.escape(p)}</p>" for p in it["text"].split("\n")) + "</article></body></html>"
        feeds.bytes(f"/a/{i}", page.encode(), content_type="text/html")
    return base


@dataclass
class Delivery:
    announced: int = 0
    expected: int = 0
    sent: list[list[Any]] = field(default_factory=list)
    pairs: Counter[tuple[int, str]] = field(default_factory=Counter)


def wait_delivered(
    fake: FakeTelegram, client: redis.Redis, urls: list[str], chats: int, mode: str, until: float
) -> Delivery:
    """Until every announced story reached every chat (or `until`, time.monotonic())."""
    got = Delivery()
    while time.monotonic() < until:
        time.sleep(0.5)
        got.announced = int(client.zcard("khabar:dq:announced"))
        got.expected = got.announced * chats
        sent = fake.get("state")["sent"]
        if got.announced and sent and sent >= (chats if mode == "grouped" else got.expected):
            got.sent = fake.get("sent")
            got.pairs = Counter((c, u) for c, h, _ in got.sent for u in urls if f'href="{html.escape(u)}"' in h)
            if len(got.pairs) >= got.expected:
                break
    got.sent = got.sent or fake.get("sent")
    return got


def run(chats: int, stories: int, mode: str, timeout: float) -> dict[str, Any]:
    items = articles(stories)
    tmp = Path(tempfile.mkdtemp(prefix="khabar-bench-paced-"))
    server = RedisServer(appendonly=False).start()
    fake = FakeTelegram()
    khabar: subprocess.Popen[bytes] | None = None
    try:
        client = redis.Redis.from_url(server.url)
        for chat_id in range(10_000_001, 10_000_001 + chats):
            sub = Subscription(chat_id, grouped=mode == "grouped")
            client.hset("khabar:subs", sub.chat_key, sub.to_json())
        client.incr("khabar:subs:ver")
        with FeedServer() as feeds:
            base = serve(feeds, items)
            env = khabar_env(tmp, fake, server.url, f"{base}/feed.xml", stories)
            log = open(tmp / "khabar.log", "wb")  # noqa: SIM115 - closed with the process below
            khabar = subprocess.Popen(
                [*WRAP, sys.executable, "-m", "bot", "run"], cwd=REPO, env=env, stdout=log, stderr=log
            )
            deadline = time.monotonic() + 60
            while feeds.hits("/feed.xml") == 0:
                if time.monotonic() > deadline or khabar.poll() is not None:
                    raise SystemExit(f"khabar never fetched the feed; see {tmp / 'khabar.log'}")
                time.sleep(0.005)
            fetched = Phase.now(khabar.pid)
            redis0 = cpu_seconds(server.proc.pid) if server.proc else 0.0
            while fake.get("state")["sent"] == 0 and time.monotonic() < fetched.at + timeout:
                time.sleep(0.02)
            first = Phase.now(khabar.pid)  # delivery starts: what follows is the paced fan-out
            urls = [f"{base}/a/{i}" for i in range(len(items))]
            got = wait_delivered(fake, client, urls, chats, mode, fetched.at + timeout)
            done = Phase.now(khabar.pid)
            redis_cpu = (cpu_seconds(server.proc.pid) if server.proc else 0.0) - redis0
            time.sleep(IDLE_S)  # nothing left to send: what khabar costs idle
            idle = Phase.now(khabar.pid).cpu_since(done) / IDLE_S
            floods = fake.get("state")["floods"]
    finally:
        if khabar is not None and khabar.poll() is None:
            khabar.send_signal(signal.SIGTERM)
            khabar.wait(30)
        fake.stop()
        server.cleanup()
    return summary(chats, stories, mode, got, fetched, first, done) | {
        "floods_429": floods,
        "redis_cpu_s": round(redis_cpu, 2),
        "idle_cpu_ms_per_s": round(1000 * idle, 2),
    }


def summary(
    chats: int, stories: int, mode: str, got: Delivery, fetched: Phase, first: Phase, done: Phase
) -> dict[str, Any]:
    by_chat: dict[int, list[float]] = defaultdict(list)
    for chat_id, _, at in got.sent:
        by_chat[chat_id].append(at)
    gaps = [b - a for times in by_chat.values() for a, b in zip(sorted(times), sorted(times)[1:], strict=False)]
    stamps = sorted(at for _, _, at in got.sent) or [fetched.at]
    messages, delivered = len(got.sent), len(got.pairs)
    cpu, paced = done.cpu_since(fetched), done.cpu_since(first)
    return {
        "case": f"paced-{mode}",
        "chats": chats,
        "stories_in_feed": stories,
        "stories_announced": got.announced,
        "pairs_expected": got.expected,
        "pairs_delivered": delivered,
        "duplicate_pairs": sum(n - 1 for n in got.pairs.values() if n > 1),
        "messages": messages,
        "messages_per_s": round((messages - 1) / max(stamps[-1] - stamps[0], 1e-9), 1),
        # from the fetch to the last delivery: extracting the K articles and fanning out included
        "cpu_s": round(cpu, 2),
        "cpu_ms_per_message": round(1000 * cpu / max(messages, 1), 3),
        "cpu_ms_per_pair": round(1000 * cpu / max(delivered, 1), 3),
        # from the first delivery to the last: the paced sending alone
        "delivery_cpu_s": round(paced, 2),
        "delivery_user_s": round(done.user - first.user, 2),
        "delivery_system_s": round(done.system - first.system, 2),
        "delivery_cpu_ms_per_message": round(1000 * paced / max(messages, 1), 3),
        "delivery_cpu_ms_per_pair": round(1000 * paced / max(delivered, 1), 3),
        "fetch_to_last_delivery_s": round(stamps[-1] - fetched.at, 2),
        "min_gap_per_chat_s": round(min(gaps), 3) if gaps else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--mode", choices=("grouped", "single"), default="grouped")
    parser.add_argument(
        "--timeout", type=float, help="seconds after the fetch to wait at most (default: from the size)"
    )
    args = parser.parse_args()
    messages = args.chats if args.mode == "grouped" else args.chats * args.stories
    timeout = args.timeout or 60 + 1.5 * messages / RATE  # paced at 30/s: N × K single cards take N × K / 28 s
    print(json.dumps(run(args.chats, args.stories, args.mode, timeout), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
