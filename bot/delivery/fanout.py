"""Fan-out: new stories → the chats whose subscription matches → the delivery queue (or held).

Stories fanned out in one pass reach a chat together: a chat that groups bursts (Subscription.
groups_bursts, `/mode grouped`, the default except in channels) and matches several of them gets one
compact message instead of a card each (a bundle, rendered once for every chat with the same set);
a single story keeps its full card. Each (chat, story) is still logged once, so exactly-once holds
whatever the grouping.

`submit` renders each story's card once (digest.render_card), stores the parts, durably notes the
story ids (`dq:fanout`, each story once ever) and fans them out; `run` (also called by a periodic
job) finishes any fan-out a crashed process left behind, and `reconcile` announces stories the
pipeline stored but a crash kept from being announced. Re-running a fan-out never queues a story
twice for a chat (the queue's per-chat log), so a crash anywhere in here only delays messages.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import texts
from bot.delivery.matching import StoryFacts, matches
from bot.delivery.schedule import hold_until
from bot.runtime.metrics import Metrics
from bot.settings import Settings
from bot.store import Store
from bot.store.delivery import EnqueueCounts, Target
from bot.store.subscriptions import Subscription
from bot.story import Story, StoryLibrary
from digest import RenderOptions, render_card, render_compact

log = logging.getLogger("khabar.fanout")

CHUNK = 1000  # chats per enqueue round trip
STORIES_PER_PASS = 20
RECONCILE_SCAN = 100  # newest stories compared with what was announced
RECONCILE_WINDOW = timedelta(hours=1)  # stories older than this are never announced late
RECONCILE_EVERY = 30.0  # seconds between reconciles from the periodic tick (it decodes 100 stories)


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
        self._reconciled_at = -math.inf  # time.monotonic() of the last periodic reconcile

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

    async def reconcile_due(self, now: datetime) -> int:
        """`reconcile`, at most every RECONCILE_EVERY seconds (the first call at once: a restart after a
        crash recovers at its first tick) — it is crash recovery, not worth decoding stories every tick."""
        if time.monotonic() - self._reconciled_at < RECONCILE_EVERY:
            return 0
        self._reconciled_at = time.monotonic()
        return await self.reconcile(now)

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
                total += await self._pass(ids, subs, now)
                for story_id in ids:
                    await queue.fanned_out(story_id)
        finally:
            await queue.fanout_unlock(token)
        self._known.clear()  # whatever is left was fanned out by another process
        if total:
            self._wake()
        return total

    async def _pass(self, ids: Sequence[str], subs: list[Subscription], now: datetime) -> int:
        """Queue the stories of one pass: a chat that groups bursts and gets several of them at once
        gets one compact message (a bundle); everyone else one card per story."""
        stories = [s for s in [await self._load(i) for i in ids] if s is not None]
        singles: dict[str, list[Target]] = {s.id: [] for s in stories}
        burst: dict[str, list[str]] = defaultdict(list)  # chat key → story ids, for chats that group
        for story in stories:
            facts = StoryFacts.of(story)
            for sub in subs:
                if sub.paused or not matches(sub, facts):
                    continue
                target = self._target(sub, now)
                if target.hold or not sub.groups_bursts:
                    singles[story.id].append(target)
                else:
                    burst[target.ck].append(story.id)
        bundles: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for ck, story_ids in burst.items():
            if len(story_ids) == 1:
                singles[story_ids[0]].append(Target(ck))
            else:
                bundles[tuple(story_ids)].append(ck)
        counts = EnqueueCounts()
        for story in stories:
            counts = _add(counts, await self._enqueue_story(story.id, singles[story.id]))
        by_id = {s.id: s for s in stories}
        for bundle, cks in bundles.items():
            counts = _add(counts, await self._enqueue_bundle([by_id[i] for i in bundle], cks))
        self._report(counts, stories=len(stories), bundles=len(bundles), bundled=sum(len(c) for c in bundles.values()))
        return counts.queued

    async def _load(self, story_id: str) -> Story | None:
        story = self._known.pop(story_id, None) or await self._stories.get(story_id)
        if story is None:
            log.warning("story vanished before fan-out", extra={"story_id": story_id})
            return None
        if not await self._store.delivery.story_parts(story_id):
            await self._store.delivery.save_parts(story_id, self.render(story))
        return story

    async def _enqueue_story(self, story_id: str, targets: list[Target]) -> EnqueueCounts:
        counts = EnqueueCounts()
        for i in range(0, len(targets), CHUNK):
            c = await self._store.delivery.enqueue_story(
                story_id,
                targets[i : i + CHUNK],
                queue_cap=self._settings.chat_queue_cap,
                held_cap=self._settings.held_cap,
            )
            counts = _add(counts, c)
        return counts

    async def _enqueue_bundle(self, stories: list[Story], cks: list[str]) -> EnqueueCounts:
        """One compact message (headline, key figure, source link per story) for every chat in `cks`;
        rendered once, whatever the number of chats."""
        bundle_id = "bundle-" + hashlib.sha1("|".join(s.id for s in stories).encode()).hexdigest()[:20]
        title = texts.fmt(texts.BURST_TITLE, count=texts.fa_digits(len(stories)))
        parts = render_compact([s.digest for s in stories], self._options, title=title, figures=True)
        await self._store.delivery.save_parts(bundle_id, parts)
        counts = EnqueueCounts()
        for i in range(0, len(cks), CHUNK):
            c = await self._store.delivery.enqueue_bundle(
                bundle_id, [s.id for s in stories], cks[i : i + CHUNK], queue_cap=self._settings.chat_queue_cap
            )
            counts = _add(counts, c)
        return counts

    def _report(self, counts: EnqueueCounts, **extra: int) -> None:
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
            "stories fanned out",
            extra={
                **extra,
                "queued": counts.queued,
                "held": counts.held,
                "duplicates": counts.duplicates,
                "overflow": counts.overflow,
            },
        )

    def _target(self, sub: Subscription, now: datetime) -> Target:
        until = hold_until(sub, now, self._tz)
        if until is None:
            return Target(sub.chat_key)
        return Target(sub.chat_key, hold=True, due=until.timestamp())


def _add(a: EnqueueCounts, b: EnqueueCounts) -> EnqueueCounts:
    return EnqueueCounts(a.queued + b.queued, a.held + b.held, a.duplicates + b.duplicates, a.overflow + b.overflow)
