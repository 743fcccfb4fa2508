from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from bot.pipeline import CycleResult, PipelineDeps, build_client, poll_config, poll_cycle, stories_from_items
from bot.settings import Settings
from bot.store import Store
from bot.story import Story
from digest.fingerprint import NEAR_DUPLICATE_BITS
from feeds.model import FeedItem, FeedSource
from feeds.poller import PollDeps, poll_due
from feeds.sources import remote_source
from tests.conftest import ROOT, SEEDS
from tests.feeds.conftest import rss
from tests.feedserver import FIXTURES, FeedServer

EMPTY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
BEFORE = datetime(2024, 3, 4, 5, 0, tzinfo=UTC)  # before the agency fixtures' items (05:10-06:35 UTC)
AFTER = datetime(2024, 3, 4, 7, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def agencies(server: FeedServer) -> tuple[FeedSource, ...]:
    server.bytes("/isna", EMPTY)
    server.bytes("/irna", EMPTY)
    return (
        FeedSource("isna-khz", "ایسنا خوزستان", server.url("/isna"), province="خوزستان"),
        FeedSource("irna-khz", "ایرنا خوزستان", server.url("/irna"), province="خوزستان"),
    )


@pytest.fixture
async def deps(store: Store, settings: Settings, agencies: tuple[FeedSource, ...]) -> AsyncIterator[PipelineDeps]:
    async with build_client(settings) as client:
        yield PipelineDeps(store, client, settings, agencies)


def publish(server: FeedServer) -> None:
    server.file("/isna", "agency_isna.xml")
    server.file("/irna", "agency_irna.xml")


async def test_same_story_from_two_agencies_is_one_story(deps: PipelineDeps, server: FeedServer) -> None:
    assert (await poll_cycle(deps, BEFORE, force=True)).stories == ()  # first poll: baseline
    publish(server)
    result = await poll_cycle(deps, AFTER, force=True)
    assert result.items == 3 and len(result.stories) == 2
    exports, water = result.stories  # oldest first: IRNA's 05:10 item, then ISNA's 06:20 original
    assert "صادرات" in exports.digest.headline and exports.source_names == ("ایرنا خوزستان",)
    assert "غیزانیه" in water.digest.headline and water.source_ids == ("isna-khz", "irna-khz")  # IRNA's copy joined
    stored = await deps.store.stories.get(water.id)
    assert stored is not None and stored.source_names == ("ایسنا خوزستان", "ایرنا خوزستان")
    assert stored.also_reported_by == ("ایرنا خوزستان",) and stored.province == "خوزستان"
    assert {s.id for s in await deps.store.stories.recent(5)} == {water.id, exports.id}
    again = await poll_cycle(deps, AFTER + timedelta(minutes=15), force=True)
    assert again.stories == () and again.items == 0


async def test_story_records_round_trip_the_digest(deps: PipelineDeps, server: FeedServer) -> None:
    await poll_cycle(deps, BEFORE, force=True)
    publish(server)
    result = await poll_cycle(deps, AFTER, force=True)
    for story in result.stories:
        stored = await deps.store.stories.get(story.id)
        assert stored is not None and stored.digest == story.digest and stored.first_seen == AFTER


async def test_items_a_crash_left_in_the_inbox_become_stories_once(deps: PipelineDeps, server: FeedServer) -> None:
    store = deps.store
    await poll_cycle(deps, BEFORE, force=True)  # baseline
    publish(server)
    # a process polls, marks the new items seen (which puts them in the inbox) and dies before the stories
    polled = await poll_due(
        PollDeps(deps.client, store.feeds, store.seen, poll_config(deps.settings), store.inbox),
        deps.sources,
        AFTER,
        force=True,
    )
    assert len(polled.items) == 3 and len(await store.inbox.pending()) == 3
    soon = await poll_cycle(deps, AFTER + timedelta(seconds=30), force=True)
    assert soon.stories == () and soon.items == 0  # seen in the feeds; in the inbox, still leased to the dead one
    later = await poll_cycle(deps, AFTER + timedelta(seconds=61), force=True)
    assert later.items == 3 and len(later.stories) == 2  # taken back and handled: two stories (one joined)
    assert await store.inbox.pending() == []
    assert sorted(await store.delivery.fanout_pending(10)) == sorted(s.id for s in later.stories)  # announced
    again = await poll_cycle(deps, AFTER + timedelta(seconds=200), force=True)
    assert again.stories == () and again.items == 0


async def test_an_item_handled_twice_is_one_story_announced_once(
    deps: PipelineDeps, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = deps.store
    await poll_cycle(deps, BEFORE, force=True)
    publish(server)
    polled = await poll_due(
        PollDeps(deps.client, store.feeds, store.seen, poll_config(deps.settings), store.inbox),
        deps.sources,
        AFTER,
        force=True,
    )
    put = store.stories.put

    async def crash(story: Story) -> None:
        raise ConnectionResetError("the process died here")

    monkeypatch.setattr(store.stories, "put", crash)  # registered in the index, never stored
    with pytest.raises(ConnectionResetError):
        await stories_from_items(polled.items, store, AFTER)
    monkeypatch.setattr(store.stories, "put", put)
    first = await stories_from_items(polled.items, store, AFTER + timedelta(minutes=1))
    assert len(first) == 2  # the first story again (not a duplicate of itself), then the rest
    replay = await stories_from_items(polled.items, store, AFTER + timedelta(minutes=2))  # died before the acks
    assert [s.id for s in replay] == [s.id for s in first]
    for story in first:
        stored = await store.stories.get(story.id)
        assert stored is not None and stored.first_seen == AFTER + timedelta(minutes=1)  # the first record stands
    assert sorted(await store.delivery.fanout_pending(10)) == sorted(s.id for s in first)  # announced once each
    assert len(await store.stories.recent(10)) == 2 and await store.inbox.pending() == []


def news(i: int, when: datetime) -> dict[str, str]:
    return {
        "title": f"خبر یکتای شماره {i} درباره موضوع {i * 7}",
        "guid": f"u{i}",
        "description": f"متن خبر {i} " * 5,
        "date": when.strftime("%a, %d %b %Y %H:%M:%S GMT"),
    }


async def test_two_pollers_on_one_redis_deliver_each_item_once(
    store: Store, settings: Settings, server: FeedServer, redis_url: str
) -> None:
    settings = replace(settings, poll_batch=6)  # each tick claims at most 6: the two processes must share
    sources = tuple(FeedSource(f"src-{i}", f"منبع {i}", server.url(f"/f{i}")) for i in range(12))
    for i in range(12):
        server.bytes(f"/f{i}", EMPTY)
    other_redis = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        async with build_client(settings) as c1, build_client(settings) as c2:
            a = PipelineDeps(store, c1, settings, sources)
            b = PipelineDeps(Store(other_redis, store.keys, store.limits), c2, settings, sources)
            await asyncio.gather(poll_cycle(a, BEFORE), poll_cycle(b, BEFORE))  # baselines, split between them
            for i in range(12):
                server.bytes(f"/f{i}", rss(news(i, BEFORE + timedelta(minutes=1))))
            later = BEFORE + timedelta(hours=1)
            results: list[CycleResult] = list(await asyncio.gather(poll_cycle(a, later), poll_cycle(b, later)))
    finally:
        await other_redis.aclose()
    items = sum(r.items for r in results)
    polled = sorted(o.source_id for r in results for o in r.outcomes)
    assert items == 12 and polled == sorted(s.id for s in sources)  # each source polled by one of them
    assert [len(r.outcomes) for r in results] == [6, 6]
    assert all(server.hits(f"/f{i}") == 2 for i in range(12))  # baseline + one poll, never twice


async def test_runtime_sources_are_polled_and_pauses_reported_once(deps: PipelineDeps, server: FeedServer) -> None:
    server.status("/down", 500)
    await deps.store.sources.add(remote_source("down", "منبع خراب", server.url("/down")))
    settings = replace(deps.settings, pause_after_errors=2)
    deps = replace(deps, settings=settings)
    first = await poll_cycle(deps, AFTER, force=True)
    assert "down" in {o.source_id for o in first.outcomes} and first.paused == ()
    second = await poll_cycle(deps, AFTER + timedelta(minutes=1), force=True)
    assert [s.id for s in second.paused] == ["down"]
    third = await poll_cycle(deps, AFTER + timedelta(minutes=2), force=True)
    assert third.paused == ()


async def test_items_without_text_do_not_all_collapse_into_one_story(store: Store) -> None:
    items = [
        FeedItem("s", "منبع", f"k{i}", None, title, text, BEFORE + timedelta(minutes=i))
        for i, (title, text) in enumerate(
            [
                ("افتتاح پل مهران", ""),
                ("بارش برف در سپیدان", ""),
                (None, "سد کرخه پر شد"),
                (None, "جاده هراز بسته شد"),
            ]
        )
    ]
    stories = await stories_from_items(items, store, AFTER)
    assert len(stories) == 4


async def test_items_with_no_title_and_no_persian_text_are_skipped(store: Store) -> None:
    """A title-less item with nothing Persian would be a card with only its source line (F5)."""
    items = [
        FeedItem("s", "منبع", f"k{i}", f"https://news.example/{i}", None, text, BEFORE + timedelta(minutes=i))
        for i, text in enumerate(["", "Breaking: read more", "<p>&nbsp;</p>", "سد کرخه پر شد"])
    ]
    stories = await stories_from_items(items, store, AFTER)
    assert [s.digest.headline for s in stories] == ["سد کرخه پر شد"]


def test_band_index_threshold_matches_the_digest_engine() -> None:
    assert Settings().story_hamming == NEAR_DUPLICATE_BITS


# --- the CLI, end to end, with the embedded Redis (as in the README quick start) ---


def khabar(*args: str, data_dir: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {"KHABAR_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"} | (extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_quick_start_prints_the_seed_digest_once(tmp_path: Path) -> None:
    first = khabar("poll", "--once", "--sources", str(SEEDS / "sources.toml"), data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "روزبه کردونی" in first.stdout and "خوزستان" in first.stdout
    assert "mojnews.com" in first.stdout
    assert first.stderr.splitlines()[-1] == "khabar poll: 1 source polled, 1 new story"
    second = khabar("poll", "--once", "--sources", str(SEEDS / "sources.toml"), data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    assert second.stdout == "" and second.stderr.splitlines()[-1] == "khabar poll: 1 source polled, 0 new stories"
    status = khabar("status", data_dir=tmp_path)  # no KHABAR_SOURCES: the bundled catalogue is named, not counted
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert (
        "sources         1 source (0 from the file, 0 added by admins, 1 from another sources file): "
        "1 healthy, 0 failing, 0 paused, 0 never polled"
    ) in lines
    assert any(line.startswith("sources file    ") and "(the bundled catalogue)" in line for line in lines)
    assert "queue           empty; 1 story awaiting fan-out; 0 digests scheduled" in lines  # no khabar run fans out
    listed = khabar("sources", "list", "--sources", str(SEEDS / "sources.toml"), data_dir=tmp_path)
    header, _, row = listed.stdout.splitlines()[:3]
    assert header.split() == ["id", "name", "province", "interval", "origin", "next", "check", "url"]
    cells = row.split("  ")
    assert [c.strip() for c in cells if c.strip()][:5] == [
        "mojnews-khuzestan",
        "خبرگزاری موج خوزستان",
        "خوزستان",
        "600s",
        "file",
    ]
    assert re.search(r" 20\d\d-\d\d-\d\d \d\d:\d\d \+0330  file://", row)  # next check in Asia/Tehran, with its zone


@pytest.mark.slow
def test_sources_check_prints_a_health_table(tmp_path: Path, server: FeedServer) -> None:
    server.file("/good", "rss1_fars.xml")
    server.status("/bad", 404)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nid = "good"\nname = "خوب"\nurl = "{server.url("/good")}"\nprovince = "فارس"\n\n'
        f'[[source]]\nid = "bad"\nname = "بد"\nurl = "{server.url("/bad")}"\n'
        f'[[source]]\nid = "seed"\nname = "بذر"\nurl = "{(FIXTURES / "atom_isfahan.xml")}"\n',
        encoding="utf-8",
    )
    env = {"KHABAR_ALLOW_PRIVATE_URLS": "1"}
    listed = khabar("sources", "list", "--sources", str(sources), data_dir=tmp_path / "d", extra_env=env)
    assert listed.returncode == 0 and "good" in listed.stdout and "3 sources" in listed.stdout
    checked = khabar("sources", "check", "--sources", str(sources), data_dir=tmp_path / "d", extra_env=env)
    assert checked.returncode == 1, checked.stderr  # one source failed
    rows = {line.split()[0]: line for line in checked.stdout.splitlines()[2:] if line.strip()}
    assert "ok 200" in rows["good"] and " 2 " in rows["good"]
    assert "FAIL 404" in rows["bad"] and "HTTP 404" in rows["bad"]
    assert "ok" in rows["seed"] and " 3 " in rows["seed"]
    assert "2/3 sources answered" in checked.stdout
    assert server.hits("/good") == 1 and "If-None-Match" not in server.requests[0].headers


@pytest.mark.slow
def test_poll_reports_bad_sources_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "s.toml"
    bad.write_text("[[source]]\nid = 'x'\n", encoding="utf-8")
    done = khabar("poll", "--once", "--sources", str(bad), data_dir=tmp_path)
    assert done.returncode == 2 and done.stderr.strip().count("\n") == 0 and "'name' is required" in done.stderr


@pytest.mark.slow
@contextlib.contextmanager
def ctrl_c_as_in_a_terminal() -> Iterator[None]:
    """Processes started meanwhile stop on Ctrl-C even when this run ignores SIGINT, as a suite started
    in the background by a script does (`python -m tests &`): an ignored signal stays ignored in a
    child, a handled one is reset to its default action."""
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_poll_without_once_loops_until_ctrl_c(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {"KHABAR_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1", "PYTHONFAULTHANDLER": "1"}
    args = [sys.executable, "-m", "bot", "poll", "--backfill", "1", "--sources", str(SEEDS / "sources.toml")]
    with ctrl_c_as_in_a_terminal():
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first_line = proc.stdout.readline()  # blocks until the first cycle printed the seed digest
        assert "طرح کودکان بازمانده از تحصیل" in first_line
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # stuck: where? (faulthandler prints every thread's stack on SIGABRT)
            proc.send_signal(signal.SIGABRT)
            raise AssertionError(f"khabar poll ignored Ctrl-C; its stacks:\n{proc.communicate()[1]}") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0 and "stopped" in err


def test_settings_map_onto_the_feed_stage() -> None:
    s = Settings(
        poll_interval=900, per_host_concurrency=3, fetch_timeout=12.5, backfill=2, feeds_proxy="socks5://p:1080"
    )
    cfg = poll_config(s)
    assert cfg.schedule.base_interval == 900 and cfg.per_host == 3 and cfg.backfill == 2
    assert cfg.fetch.total_timeout == 12.5 and cfg.fetch.proxy == "socks5://p:1080" and not cfg.fetch.allow_private
    assert cfg.memory == s.seen_ttl and cfg.lease == s.claim_lease and cfg.fetch.user_agent.startswith("khabar/")
