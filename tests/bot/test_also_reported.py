""" "Also reported by": two agencies carry one story; the chat gets one card naming the second.

The real pipeline (local feed server → parse → extract → cluster in Redis) runs inside the real
bot against the fake Bot API. Its poll cycles are released one at a time by the test, so both
agencies' copies are polled in the same cycle — as when two feeds are due together — and the
story is clustered before it is fanned out.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from bot.pipeline import PipelineDeps, poll_cycle
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import Subscription
from bot.story import Story
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators
from feeds.model import FeedSource
from tests.bot.conftest import ManualClock, delete_prefix, khabar_settings
from tests.bot.waiting import store_of, wait_drained
from tests.fakebotapi import FakeBotAPI
from tests.feedserver import FeedServer

EMPTY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
BEFORE = datetime(2024, 3, 4, 5, 0, tzinfo=UTC)  # before the agency fixtures' items (05:10-06:35 UTC)
AFTER = datetime(2024, 3, 4, 7, 0, tzinfo=UTC)
USER = 861


@dataclass
class Cycles:
    """The real poll cycle, run only when the test allows one more."""

    sources: tuple[FeedSource, ...]
    allowed: int = 0
    done: int = 0

    async def wiring(self, store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
        deps = PipelineDeps(store, http, settings, self.sources)

        async def poll(now: datetime) -> Sequence[Story]:
            if self.done >= self.allowed:
                return ()
            result = await poll_cycle(deps, now, force=True)
            self.done += 1
            return result.stories

        return Collaborators(stories=store.stories, poll=poll)

    async def run_one(self, fake: FakeBotAPI) -> None:
        self.allowed += 1
        await fake.wait_for(lambda: self.done == self.allowed, 20)


async def test_a_story_two_agencies_carried_is_delivered_once_with_also_reported_by() -> None:
    with FeedServer() as feeds:
        feeds.bytes("/isna", EMPTY)
        feeds.bytes("/irna", EMPTY)
        cycles = Cycles(
            (
                FeedSource("isna-khz", "ایسنا خوزستان", feeds.url("/isna"), province="خوزستان"),
                FeedSource("irna-khz", "ایرنا خوزستان", feeds.url("/irna"), province="خوزستان"),
            )
        )
        clock = ManualClock(BEFORE)
        async with FakeBotAPI() as fake:
            settings = khabar_settings(fake.base_url, fulltext=False)
            prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
            app = build_application(settings, wiring=cycles.wiring, clock=clock, prefix=prefix)
            stop = asyncio.Event()
            task = asyncio.create_task(serve(app, stop))
            try:
                await fake.wait_for(lambda: app.running, 10)
                await store_of(app).subscriptions.put(Subscription(USER, grouped=False))  # a card per story
                await cycles.run_one(fake)  # the first poll of each feed: the baseline
                feeds.file("/isna", "agency_isna.xml")  # 06:20 the original
                feeds.file("/irna", "agency_irna.xml")  # 06:35 IRNA's copy of it (and a 05:10 story)
                clock.now = AFTER
                await cycles.run_one(fake)
                await fake.wait_for(lambda: len(fake.messages_to(USER)) == 1, 20)
                await cycles.run_one(fake)  # one more cycle (nothing new), then an empty queue
                await wait_drained(store_of(app))

                (water,) = fake.messages_to(USER)  # one card: IRNA's copy is not sent on its own (and
                assert "غیزانیه" in water.text  # IRNA's export story is not social news)
                assert water.text.splitlines()[-1] == "همچنین در: ایرنا خوزستان"
                assert "<i>همچنین در: ایرنا خوزستان</i>" in water.html  # in italics, as Telegram shows it
                assert "isna.ir/news/1402121409876" in water.html  # linked to the first reporter
            finally:
                stop.set()
                await asyncio.wait_for(task, 20)
                await delete_prefix(prefix)
