"""Fan-out: new stories → the chats whose subscription matches → the delivery queue (or held).

`submit` renders each story's card once (digest.render_card), stores the parts, durably notes the
story ids (`dq:fanout`, each story once ever) and fans them out; `run` (also called by a periodic
job) finishes any fan-out a crashed process left behind, and `reconcile` announces stories the
pipeline stored but a crash kept from being announced. Re-running a fan-out never queues a story
twice for a chat (the queue's per-chat log), so a crash anywhere in here only delays messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.context import StoryLibrary
from bot.matching import StoryFacts, matches
from bot.metrics import Metrics
from bot.schedule import hold_until
from bot.settings import Settings
from bot.store import Store
from bot.store.delivery import EnqueueCounts, Target
from bot.store.subscriptions import Subscription
from bot.story import Story
from digest import RenderOptions, render_card

log = logging.getLogger("khabar.fanout")

CHUNK = 1000  # chats per enqueue round trip
STORIES_PER_PASS = 20
RECONCILE_SCAN = 100  # newest stories compared with what was announced
RECONCILE_WINDOW = timedelta(hours=1)  # stories older than this are never announced late


class SubscriptionCache:
    """Every subscription, re-read only when the version counter moved."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._version = -1
        self._subs: list[Subscription] = []

    async def get(self) -> list[Subscription]:
        version = await self._store.subscriptions.version()
        if version != self._version:
            self._version, self._subs = await self._store.subscriptions.snapshot()
        return self._subs


class Fanout:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        stories: StoryLibrary,
        options: RenderOptions,
        subs: SubscriptionCache,
        wake: Callable[[], None] = lambda: None,
        metrics: Metrics | None = None,
    ) -> None:
        self._store = store
        self._metrics = metrics
        self._settings = settings
        self._stories = stories
        self._options = options
        self._subs = subs
        self._wake = wake
        self._tz = ZoneInfo(settings.timezone)
        self._known: dict[str, Story] = {}  # stories submitted by this process and not yet fanned out

    def render(self, story: Story) -> list[str]:
        return render_card(story.digest, self._options, story.also_reported_by)

    async def submit(self, stories: Sequence[Story], now: datetime) -> int:
        """Queue new stories for every matching chat; returns how many chat deliveries were queued."""
        ordered = sorted(stories, key=lambda s: s.first_seen)
        for story in ordered:
            self._known[story.id] = story
            await self._store.delivery.save_parts(story.id, self.render(story))
        await self._store.delivery.announce([s.id for s in ordered])
        return await self.run(now)

    async def reconcile(self, now: datetime) -> int:
        """Announce recent stories the pipeline stored but nobody announced (a crash between the
        pipeline returning them and `submit`). Each story is announced once ever, so this is safe to
        run anywhere, any time. Returns how many were found."""
        recent = [s for s in await self._stories.recent(RECONCILE_SCAN) if s.first_seen >= now - RECONCILE_WINDOW]
        recent.sort(key=lambda s: s.first_seen)
        for story in recent:
            self._known.setdefault(story.id, story)
        found = await self._store.delivery.announce([s.id for s in recent])
        if found:
            log.warning("stories announced late (after a crash?)", extra={"stories": found})
        return found

    async def run(self, now: datetime) -> int:
        """Fan out every announced story (one process at a time); returns deliveries queued."""
        queue = self._store.delivery
        token = await queue.fanout_lock()
        if token is None:
            return 0
        total = 0
        try:
            while ids := await queue.fanout_pending(STORIES_PER_PASS):
                subs = await self._subs.get()
                for story_id in ids:
                    total += await self._one(story_id, subs, now)
                    await queue.fanned_out(story_id)
        finally:
            await queue.fanout_unlock(token)
        self._known.clear()  # whatever is left was fanned out by another process
        if total:
            self._wake()
        return total

    async def _one(self, story_id: str, subs: list[Subscription], now: datetime) -> int:
        story = self._known.pop(story_id, None) or await self._stories.get(story_id)
        if story is None:
            log.warning("story vanished before fan-out", extra={"story_id": story_id})
            return 0
        if not await self._store.delivery.story_parts(story_id):
            await self._store.delivery.save_parts(story_id, self.render(story))
        facts = StoryFacts.of(story)
        targets = [self._target(sub, now) for sub in subs if not sub.paused and matches(sub, facts)]
        counts = EnqueueCounts()
        for i in range(0, len(targets), CHUNK):
            c = await self._store.delivery.enqueue_story(
                story_id,
                targets[i : i + CHUNK],
                queue_cap=self._settings.chat_queue_cap,
                held_cap=self._settings.held_cap,
            )
            counts = EnqueueCounts(
                counts.queued + c.queued,
                counts.held + c.held,
                counts.duplicates + c.duplicates,
                counts.overflow + c.overflow,
            )
        if self._metrics is not None:
            tally = {
                "queued": counts.queued,
                "held": counts.held,
                "duplicate": counts.duplicates,
                "overflow": counts.overflow,
            }
            for kind, n in tally.items():
                self._metrics.fanout.labels(kind).inc(n)
        log.info(
            "story fanned out",
            extra={
                "story_id": story_id,
                "social": facts.is_social,
                "chats": len(targets),
                "queued": counts.queued,
                "held": counts.held,
                "duplicates": counts.duplicates,
                "overflow": counts.overflow,
            },
        )
        return counts.queued

    def _target(self, sub: Subscription, now: datetime) -> Target:
        until = hold_until(sub, now, self._tz)
        if until is None:
            return Target(sub.chat_key)
        return Target(sub.chat_key, hold=True, due=until.timestamp())
