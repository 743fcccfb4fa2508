"""Scheduled digests: a daily-mode chat's stories, or what quiet hours held, compiled into one or a
few messages (digest.render_compact) at the chat's time in KHABAR_TIMEZONE.

Due times live in Redis (`dq:due`), so a digest whose moment passed while khabar was down is
compiled on the next start. `compile_due(now)` is called by the JobQueue (a cron job per distinct
daily time, plus a repeating catch-up tick); taking a due chat pushes its due time ahead under a
lease, so two processes never compile the same chat and a crash mid-compile is retried.
"""

from __future__ import annotations

import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot import texts
from bot.delivery.fanout import SubscriptionCache
from bot.delivery.schedule import next_daily
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import Mode, Subscription
from bot.story import StoryLibrary
from digest import RenderOptions, jalali_date, render_compact

log = logging.getLogger("khabar.digests")

COMPILE_LEASE = 300  # seconds before a crashed compile is retried


class DigestScheduler:
    def __init__(
        self, store: Store, settings: Settings, stories: StoryLibrary, options: RenderOptions, subs: SubscriptionCache
    ) -> None:
        self._store = store
        self._settings = settings
        self._stories = stories
        self._options = options
        self._subs = subs
        self._tz = ZoneInfo(settings.timezone)

    async def compile_due(self, now: datetime) -> int:
        """Compile every digest due at `now`; returns how many chats got one queued."""
        sent = 0
        while cks := await self._store.delivery.take_due(now.timestamp(), COMPILE_LEASE):
            for ck in cks:
                sent += await self._compile(ck, now)
            if len(cks) < 200:
                break
        return sent

    async def _compile(self, ck: str, now: datetime) -> int:
        chat, _, thread = ck.partition("/")
        sub = await self._store.subscriptions.get(int(chat), int(thread) if thread else None)
        queue = self._store.delivery
        held = await queue.held(ck)
        if sub is None or sub.paused:
            await queue.commit_batch(ck, [], consumed=len(held), next_due=None)
            return 0
        stories = [s for s in [await self._stories.get(i) for i in held] if s is not None]
        stories.sort(key=lambda s: s.first_seen)
        daily = sub.mode is Mode.DAILY and sub.daily_time is not None
        title = texts.fmt(texts.DAILY_TITLE, date=jalali_date(now, self._settings.timezone, with_time=False))
        parts = render_compact([s.digest for s in stories], self._options, title=title if daily else texts.QUIET_TITLE)
        nxt = next_daily(sub, now, self._tz, inclusive=False) if daily else None
        batch = await queue.commit_batch(ck, parts, consumed=len(held), next_due=nxt.timestamp() if nxt else None)
        log.info(
            "digest compiled",
            extra={"chat_id": ck, "stories": len(stories), "parts": len(parts), "batch": batch or "-"},
        )
        return 1 if batch else 0

    async def reschedule(self, sub: Subscription, now: datetime) -> None:
        """After a change of mode or quiet hours: set (or clear) the chat's next digest time."""
        queue = self._store.delivery
        if sub.mode is Mode.DAILY and sub.daily_time is not None:
            due = next_daily(sub, now, self._tz)
            await queue.set_due(sub.chat_key, due.timestamp() if due else None)
        elif await queue.held(sub.chat_key):
            await queue.set_due(sub.chat_key, now.timestamp())  # release what was held, now
        else:
            await queue.set_due(sub.chat_key, None)

    async def daily_times(self) -> set[time]:
        """Distinct daily digest times in use (for the JobQueue's cron jobs)."""
        return {s.daily_time for s in await self._subs.get() if s.mode is Mode.DAILY and s.daily_time and not s.paused}
