"""Paced end-to-end benchmark: `khabar run` fanning a burst out at Telegram's 30/s; one JSON line.

    python bench/bench_paced.py [--chats 200] [--stories 20] [--mode grouped|single] [--timeout 120]

Everything runs as it does in production, each part in its own process: a throw-away redis-server,
the fake Bot API (`python -m tests.fakebotapi --global-rate 30 --strict`: a strict sliding
1-second window, private chats ≥ 1 s apart, no tolerance), and `khabar run` polling a local feed
that carries K real social articles (bench/corpus/dev.jsonl) on its first poll (KHABAR_BACKFILL=K).
N private chats are subscribed to all social news, in `--mode grouped` (the default: a burst is one
compact message) or `single` (one card per story).

Prints: stories announced, (chat, story) pairs expected and delivered, duplicate pairs, messages,
429s, khabar's CPU (/proc, the whole process tree) per message and per delivered pair — from the
first fetch of the feed to the last delivery (`cpu_*`: includes extracting the K articles) and from
the first delivery to the last (`delivery_cpu_*`: the paced fan-out alone) — Redis's CPU, fetch →
last delivery, and the smallest gap between two messages to one chat. BENCH_PROFILE=out.prof runs
khabar under cProfile (slower: its figures are then not the ones to report).
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
PROFILE = ["-m", "cProfile", "-o", os.environ["BENCH_PROFILE"]] if os.environ.get("BENCH_PROFILE") else []
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


def cpu_seconds(root: int) -> float:
    """utime + stime of `root` and every descendant (threads are counted in their process)."""
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
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        utime, stime = stats.get(pid, (0, 0))
        total += utime + stime
        todo.extend(children.get(pid, []))
    return total / TICK


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


def run(chats: int, stories: int, mode: str, timeout: float) -> dict[str, Any]:
    items = articles(stories)
    tmp = Path(tempfile.mkdtemp(prefix="khabar-bench-paced-"))
    server = RedisServer(appendonly=False).start()
    fake = FakeTelegram()
    khabar: subprocess.Popen[bytes] | None = None
    try:
        client = redis.Redis.from_url(server.url)
        ids = range(10_000_001, 10_000_001 + chats)
        for chat_id in ids:
            sub = Subscription(chat_id, grouped=mode == "grouped")
            client.hset("khabar:subs", sub.chat_key, sub.to_json())
        client.incr("khabar:subs:ver")
        with FeedServer() as feeds:
            base = f"http://127.0.0.1:{feeds.port}"
            feeds.bytes("/feed.xml", feed(items, base), content_type="application/rss+xml")
            for i, it in enumerate(items):
                page = f"<html><head><title>{html.escape(it['title'])}</title></head><body><article>"
                page += "".join(f"<p>{html.escape(p)}</p>" for p in it["text"].split("\n")) + "</article></body></html>"
                feeds.bytes(f"/a/{i}", page.encode(), content_type="text/html")
            sources = tmp / "sources.toml"
            sources.write_text(f'[[source]]\nid = "local"\nname = "خبرگزاری محلی"\nurl = "{base}/feed.xml"\n'
                               'province = "تهران"\n', encoding="utf-8")  # fmt: skip
            env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")} | {
                "KHABAR_BOT_TOKEN": TOKEN,
                "KHABAR_TELEGRAM_API_URL": fake.base_url,
                "KHABAR_REDIS_URL": server.url,
                "KHABAR_SOURCES": str(sources),
                "KHABAR_DATA_DIR": str(tmp / "data"),
                "KHABAR_BACKFILL": str(min(stories, 50)),
                "KHABAR_ALLOW_PRIVATE_URLS": "1",
                "KHABAR_GLOBAL_RATE": str(RATE),
                "KHABAR_LOG_LEVEL": "WARNING",
            }
            log = open(tmp / "khabar.log", "wb")  # noqa: SIM115 - closed with the process below
            command = [sys.executable, *PROFILE, "-m", "bot", "run"]
            khabar = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log)
            deadline = time.monotonic() + 60
            while feeds.hits("/feed.xml") == 0:
                if time.monotonic() > deadline or khabar.poll() is not None:
                    raise SystemExit(f"khabar never fetched the feed; see {tmp / 'khabar.log'}")
                time.sleep(0.005)
            fetched, cpu0 = time.monotonic(), cpu_seconds(khabar.pid)
            redis_cpu0 = cpu_seconds(server.proc.pid) if server.proc else 0.0
            while fake.get("state")["sent"] == 0 and time.monotonic() < fetched + timeout:
                time.sleep(0.02)
            first_cpu = cpu_seconds(khabar.pid)  # delivery starts: what follows is the paced fan-out
            announced = expected = delivered = 0
            sent: list[list[Any]] = []
            pairs: Counter[tuple[int, str]] = Counter()
            urls = [f"{base}/a/{i}" for i in range(len(items))]
            while time.monotonic() < fetched + timeout:
                time.sleep(0.5)
                announced = int(client.zcard("khabar:dq:announced"))
                expected = announced * chats
                state = fake.get("state")
                if announced and state["sent"] and state["sent"] >= (chats if mode == "grouped" else expected):
                    sent = fake.get("sent")
                    pairs = Counter((c, u) for c, h, _ in sent for u in urls if f'href="{html.escape(u)}"' in h)
                    delivered = len(pairs)
                    if delivered >= expected:
                        break
            cpu_end = cpu_seconds(khabar.pid)
            cpu, delivery_cpu = cpu_end - cpu0, cpu_end - first_cpu
            redis_cpu = (cpu_seconds(server.proc.pid) if server.proc else 0.0) - redis_cpu0
            state = fake.get("state")
            sent = sent or fake.get("sent")
    finally:
        if khabar is not None and khabar.poll() is None:
            khabar.send_signal(signal.SIGTERM)
            khabar.wait(30)
        fake.stop()
        server.cleanup()
    by_chat: dict[int, list[float]] = defaultdict(list)
    for chat_id, _, at in sent:
        by_chat[chat_id].append(at)
    gaps = [b - a for times in by_chat.values() for a, b in zip(sorted(times), sorted(times)[1:], strict=False)]
    last = max((at for _, _, at in sent), default=fetched)
    return {
        "case": f"paced-{mode}",
        "chats": chats,
        "stories_in_feed": stories,
        "stories_announced": announced,
        "pairs_expected": expected,
        "pairs_delivered": delivered,
        "duplicate_pairs": sum(n - 1 for n in pairs.values() if n > 1),
        "messages": len(sent),
        "floods_429": state["floods"],
        "cpu_s": round(cpu, 2),
        "cpu_ms_per_message": round(1000 * cpu / max(len(sent), 1), 2),
        "cpu_ms_per_pair": round(1000 * cpu / max(delivered, 1), 3),
        "delivery_cpu_s": round(delivery_cpu, 2),
        "delivery_cpu_ms_per_message": round(1000 * delivery_cpu / max(len(sent), 1), 3),
        "delivery_cpu_ms_per_pair": round(1000 * delivery_cpu / max(delivered, 1), 3),
        "redis_cpu_s": round(redis_cpu, 2),
        "fetch_to_last_delivery_s": round(last - fetched, 2),
        "min_gap_per_chat_s": round(min(gaps), 3) if gaps else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--mode", choices=("grouped", "single"), default="grouped")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds after the fetch to wait at most")
    args = parser.parse_args()
    print(json.dumps(run(args.chats, args.stories, args.mode, args.timeout), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
