"""`khabar status`: the facts gathered from Redis, their text and JSON forms, and the command itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.ops import status
from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode, Subscription
from feeds.model import FeedSource
from feeds.sources import remote_source
from feeds.state import FeedState
from tests.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
TEHRAN = ZoneInfo("Asia/Tehran")


def file_source(sid: str) -> FeedSource:
    return FeedSource(sid, f"منبع {sid}", f"https://{sid}.example/rss", "تهران", from_file=True)


async def test_gather_counts_what_redis_holds(store: Store) -> None:
    from_file = [file_source("ok1"), file_source("ok2"), file_source("bad"), file_source("stopped")]
    await store.sources.add(remote_source("added", "منبع افزوده", "https://added.example/rss", "خوزستان"))
    await store.feeds.sync_schedule([s.id for s in from_file] + ["added"], NOW)
    await store.feeds.save("ok1", FeedState(next_check_at=NOW + timedelta(minutes=7), last_success_at=NOW))
    await store.feeds.save("ok2", FeedState(next_check_at=NOW + timedelta(minutes=3), last_success_at=NOW))
    await store.feeds.save("bad", FeedState(error_count=3, next_check_at=NOW + timedelta(hours=1)))
    await store.feeds.save("stopped", FeedState(error_count=20, paused=True))
    await store.seen.mark("ok1", [["a"], ["b", "b-link"], ["c"]], NOW)
    await store.seen.mark("ok2", [["d"]], NOW)
    await store.stories.cluster("st-1", 0x0123_4567_89AB_CDEF, "ok1", "منبع ok1", NOW)
    for sub in (
        Subscription(1),
        Subscription(2, mode=Mode.DAILY, daily_at="08:30"),
        Subscription(3, paused=True, quiet="23:00-07:00"),
        Subscription(-100, kind=ChatKind.SUPERGROUP, include=("کودک",)),
        Subscription(-1007, kind=ChatKind.CHANNEL),
    ):
        await store.subscriptions.put(sub)
    await store.delivery.enqueue_parts("1", ["یک", "دو"])
    await store.delivery.set_due("2", NOW.timestamp() + 3600)
    await store.delivery.announce(["st-1"])
    await store.stats.incr("sent", 5)
    await store.stats.incr("flood")
    await store.ops.mark_tick(NOW - timedelta(seconds=20))
    assert await store.lease("updates").acquire("box-7:4242:abc123", 60_000)

    facts = await status.gather(store, from_file, NOW, where="redis://test")
    s = facts.sources
    assert (s.total, s.from_file, s.runtime, s.other, s.file_total, s.file_unused) == (5, 4, 1, 0, 4, 0)
    assert (s.healthy, s.failing, s.paused, s.never_polled) == (2, 1, 1, 1)
    assert s.next_due == NOW and s.failing_ids == ("bad", "stopped")  # "added" is due now (new)
    assert facts.seen_items == 5 and (facts.stories_kept, facts.stories_in_window) == (1, 1)
    subs = facts.subscriptions
    assert (subs.chats, subs.active, subs.paused, subs.instant, subs.daily) == (5, 4, 1, 4, 1)
    assert (subs.quiet_hours, subs.with_filters) == (1, 1)
    assert subs.by_kind == {"private": 3, "group": 0, "supergroup": 1, "channel": 1}
    q = facts.queue
    assert (q.messages, q.chats, q.awaiting_fanout, q.digests_scheduled) == (1, 1, 1, 1)
    assert facts.last_hour["sent"] == 5 and facts.last_hour["flood"] == 1 and facts.last_hour["neterr"] == 0
    assert facts.last_poll_tick == NOW - timedelta(seconds=20)
    assert facts.redis.version and facts.redis.used_memory > 0

    text = status.render_text(facts, TEHRAN)
    lines = text.splitlines()
    assert lines[0] == "khabar status at 2024-05-01 09:30:00 Asia/Tehran"
    columns = {line.index(line.split("  ", 1)[1].lstrip()) for line in lines[1:]}
    assert len(columns) == 1  # every value starts in the same column
    assert "last poll tick  20 s ago" in text
    assert "2 healthy, 1 failing, 1 paused, 1 never polled" in text and "failing/paused  bad, stopped" in text
    assert "queue           1 message for 1 chat; oldest ready " in text and "5 sent, 1 rate-limited (429)" in text
    assert "; 1 story awaiting fan-out; 1 digest scheduled" in text
    assert "sources         5 sources (4 from the file, 1 added by admins): 2 healthy" in text
    assert "subscriptions   5 chats (4 active, 1 paused)" in text
    assert "chats           3 private, 1 group, 1 channel" in text
    assert "0 network errors, 0 rejected, 0 unknown outcome, 0 chats paused" in text
    assert "updates         received by box-7 (pid 4242)" in text

    data = json.loads(json.dumps(status.to_json(facts)))
    assert data["sources"]["paused"] == 1 and data["queue"]["messages"] == 1
    assert data["last_poll_tick"] == "2024-05-01T05:59:40+00:00"


async def test_an_empty_redis_reads_as_nothing_yet(store: Store) -> None:
    facts = await status.gather(store, [], NOW, where="redis://test", sources_error="sources: cannot read x")
    text = status.render_text(facts, TEHRAN)
    assert "never (no khabar run has polled" in text and "none scheduled" in text
    assert "sources file    UNREADABLE: sources: cannot read x" in text
    assert "no process holds the updates lease" in text and facts.updates_holder is None
    assert facts.sources.total == 0 and facts.seen_items == 0 and facts.queue.messages == 0
    assert "queue           empty; 0 stories awaiting fan-out; 0 digests scheduled" in text.splitlines()
    assert "oldest ready" not in text


async def test_sources_in_use_are_the_scheduled_ones_not_the_file_named(store: Store) -> None:
    """After `khabar poll --once --sources seeds/sources.toml`, a status that names another file
    (the bundled catalogue by default) counts the source actually polled and says the file is not in use."""
    await store.feeds.sync_schedule(["seed"], NOW)
    await store.feeds.save("seed", FeedState(next_check_at=NOW + timedelta(minutes=10), last_success_at=NOW))
    catalogue = [file_source("cat-1"), file_source("cat-2")]
    facts = await status.gather(store, catalogue, NOW, where="redis://test", sources_file="catalogue.toml")
    assert (facts.sources.total, facts.sources.other, facts.sources.never_polled) == (1, 1, 0)
    lines = status.render_text(facts, TEHRAN).splitlines()
    assert (
        "sources         1 source (0 from the file, 0 added by admins, 1 from another sources file): "
        "1 healthy, 0 failing, 0 paused, 0 never polled"
    ) in lines
    assert (
        "sources file    catalogue.toml: 2 sources, 2 of them not in use "
        "(the sources in use were polled with another file: name it with --sources)"
    ) in lines
    named = await status.gather(store, [file_source("seed")], NOW, where="redis://test", sources_file="seeds.toml")
    assert "sources file    seeds.toml: 1 source" in status.render_text(named, TEHRAN).splitlines()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer(appendonly=False).start()
    try:
        yield server
    finally:
        server.cleanup()


def khabar(tmp_path: Path, redis_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {"KHABAR_REDIS_URL": redis_url, "KHABAR_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    env["KHABAR_SOURCES"] = str(ROOT / "seeds" / "sources.toml")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_status_command(tmp_path: Path, redis_server: RedisServer) -> None:
    done = khabar(tmp_path, redis_server.url, "status")
    assert done.returncode == 0, done.stderr
    assert "redis           redis://127.0.0.1" in done.stdout
    assert "sources         1 source (1 from the file, 0 added by admins): " in done.stdout
    assert f"sources file    {ROOT / 'seeds' / 'sources.toml'}: 1 source" in done.stdout.splitlines()
    done = khabar(tmp_path, redis_server.url, "status", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["sources"]["total"] == 1
    done = khabar(tmp_path, f"redis://127.0.0.1:{free_port()}/0", "status")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("khabar status: redis: cannot reach")
