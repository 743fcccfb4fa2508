"""Fixtures for the bot: the fake Bot API, a running Application in process, stories, a clock."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from bot.ops.sources_admin import Resumed, SourceAdded, SourceInfo, SourceRejected
from bot.settings import Settings
from bot.store import Store
from bot.story import Story
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators, KhabarApp, Services
from digest import Digest
from tests.conftest import REDIS_URL
from tests.fakebotapi import TOKEN, Chat, FakeBotAPI
from tests.redis_server import RedisServer

ADMIN = 900


class ManualClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class MemoryStories:
    """The story library as the pipeline would fill it (in memory, for tests of the bot alone)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Story] = {}

    def add(self, *stories: Story) -> None:
        for s in stories:
            self.by_id[s.id] = s

    async def get(self, story_id: str) -> Story | None:
        return self.by_id.get(story_id)

    async def recent(self, limit: int) -> Sequence[Story]:
        return sorted(self.by_id.values(), key=lambda s: s.first_seen, reverse=True)[:limit]


class ScriptedPoll:
    """A poll cycle that returns what the test queued (each story once), like the pipeline."""

    def __init__(self, library: MemoryStories) -> None:
        self.library = library
        self.pending: list[Story] = []
        self.calls = 0  # poll cycles run: two more than now means the current one has finished

    def publish(self, *stories: Story) -> None:
        self.library.add(*stories)
        self.pending.extend(stories)

    async def __call__(self, now: datetime) -> Sequence[Story]:
        self.calls += 1
        out, self.pending = self.pending, []
        return out


@dataclass
class FakeSources:
    """Runtime sources with an injected validator (stands in for feeds' guarded fetch)."""

    listed: list[SourceInfo] = field(default_factory=list)
    reject: dict[str, str] = field(default_factory=dict)  # url → reason

    async def list(self) -> Sequence[SourceInfo]:
        return list(self.listed)

    async def add(self, url: str, province: str, name: str | None) -> SourceAdded | SourceRejected:
        if url in self.reject:
            return SourceRejected(self.reject[url])
        info = SourceInfo(f"src{len(self.listed) + 1}", name or url, province, url, "ok")
        self.listed.append(info)
        return SourceAdded(info, 3)

    async def remove(self, source_id: str) -> bool:
        before = len(self.listed)
        self.listed = [s for s in self.listed if s.id != source_id]
        return len(self.listed) < before

    async def resume(self, source_id: str) -> Resumed:
        for i, s in enumerate(self.listed):
            if s.id == source_id:
                if s.status != "paused":
                    return Resumed.NOT_PAUSED
                self.listed[i] = replace(s, status="ok")
                return Resumed.RESUMED
        return Resumed.MISSING


_counter = iter(range(1, 10**9))


def make_story(
    headline: str = "افزایش طلاق در اهواز",
    *,
    social: bool = True,
    province: str | None = "خوزستان",
    places: tuple[str, ...] = (),
    topics: tuple[str, ...] = ("طلاق",),
    summary: tuple[str, ...] = ("مدیرکل بهزیستی از افزایش آمار خبر داد.",),
    story_id: str | None = None,
    first_seen: datetime | None = None,
    sources: tuple[str, ...] = ("خبرگزاری نمونه",),
) -> Story:
    n = next(_counter)
    sid = story_id or f"st{n}"
    digest = Digest(
        headline=headline,
        is_social=social,
        topics=topics,
        places=places,
        summary=summary,
        url=f"https://news.example/{sid}",
        source=sources[0],
        published=datetime(2024, 5, 1, 6, 0, tzinfo=UTC),
        id=sid,
    )
    seen = first_seen or datetime(2024, 5, 1, 6, 0, tzinfo=UTC) + timedelta(seconds=n)
    return Story(sid, digest, tuple(f"src-{i}" for i in range(len(sources))), sources, province, seen)


def khabar_settings(base_url: str, **overrides: Any) -> Settings:
    s = Settings.from_env(
        {
            "KHABAR_BOT_TOKEN": TOKEN,
            "KHABAR_TELEGRAM_API_URL": base_url,
            "KHABAR_REDIS_URL": REDIS_URL,
            "KHABAR_ADMIN_IDS": str(ADMIN),
            "KHABAR_ALLOW_PRIVATE_URLS": "1",
        }
    )
    defaults: dict[str, Any] = {
        "poll_tick": 0.2,
        "schedule_tick": 0.2,
        "delivery_lease": 5.0,
        "send_timeout": 3.0,
    }
    return replace(s, **(defaults | overrides))


@dataclass
class Harness:
    """One running khabar (the real Application) against the fake Bot API and the real Redis."""

    fake: FakeBotAPI
    app: KhabarApp
    stories: MemoryStories
    poll: ScriptedPoll
    sources: FakeSources
    clock: ManualClock
    prefix: str

    @property
    def services(self) -> Services:
        services = self.app.bot_data.services
        assert services is not None
        return services

    @property
    def store(self) -> Store:
        return self.services.store


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A redis-server of the test's own (temp dir, free port, AOF with appendfsync always)."""
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as api:
        yield api


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2024, 5, 1, 4, 0, tzinfo=UTC))  # 07:30 in Tehran


async def start_khabar(
    fake: FakeBotAPI,
    clock: ManualClock,
    prefix: str | None = None,
    stories: MemoryStories | None = None,
    **overrides: Any,
) -> tuple[Harness, asyncio.Event, asyncio.Task[None]]:
    stories = stories or MemoryStories()
    poll = ScriptedPoll(stories)
    sources = FakeSources()

    async def wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
        return Collaborators(stories=stories, sources=sources, poll=poll)

    prefix = prefix or f"khabar:test:{uuid.uuid4().hex[:12]}:"
    app = build_application(khabar_settings(fake.base_url, **overrides), wiring=wiring, clock=clock, prefix=prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    for _ in range(200):
        if app.running or task.done():
            break
        await asyncio.sleep(0.02)
    if task.done():
        task.result()
    return Harness(fake, app, stories, poll, sources, clock, prefix), stop, task


async def stop_khabar(stop: asyncio.Event, task: asyncio.Task[None]) -> None:
    stop.set()
    await asyncio.wait_for(task, 20)


async def delete_prefix(prefix: str) -> None:
    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        keys = [k async for k in client.scan_iter(match=prefix + "*", count=1000)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
async def khabar(fake: FakeBotAPI, clock: ManualClock) -> AsyncIterator[Harness]:
    harness, stop, task = await start_khabar(fake, clock)
    try:
        yield harness
    finally:
        await stop_khabar(stop, task)
        await delete_prefix(harness.prefix)


async def say(h: Harness, chat: Chat, user: int, text: str, replies: int = 1, thread: int | None = None) -> list[str]:
    """`user` writes `text` in `chat`; wait for khabar's `replies` new messages there; their texts."""
    before = len(h.fake.messages_to(chat.id))
    h.fake.send_text(chat, user, text, thread)
    await h.fake.wait_for(lambda: len(h.fake.messages_to(chat.id)) >= before + replies, 10)
    return [m.text for m in h.fake.messages_to(chat.id)[before:]]
