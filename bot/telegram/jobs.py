"""JobQueue callbacks: glue that reads the services and calls them with an explicit `now`.

One repeating poll tick, a fan-out catch-up tick, a digest tick (catch-up for digests whose time
passed while khabar was down, and the end of quiet hours), a weekly tick (numbers of the week whose
time has come, bot.archive.weekly), a metrics tick (queue gauges) and one
cron job per distinct daily digest time in KHABAR_TIMEZONE. The delivery worker is not a job: it
is a long-running consumer started in post_init (bot.telegram.app).
"""

from __future__ import annotations

import logging
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import JobQueue

from bot.archive.weekly import WeeklyPoster
from bot.runtime.outage import is_redis_outage
from bot.telegram.context import KhabarContext

log = logging.getLogger("khabar.jobs")

DAILY_PREFIX = "daily "


async def poll_tick(context: KhabarContext) -> None:
    """Poll the due sources and fan the new stories out."""
    svc = context.services
    now = svc.now()
    if svc.observer is not None:
        await svc.observer.tick_started(now)
    try:
        if svc.poll is None:
            return
        stories = await svc.poll(now)
        if stories:
            await svc.fanout.submit(stories, now)
    finally:
        if svc.observer is not None:
            svc.observer.tick_finished()


async def observe_tick(context: KhabarContext) -> None:
    """Refresh the queue gauges (length, oldest ready age) from Redis."""
    if context.services.observer is not None:
        await context.services.observer.refresh()


async def fanout_tick(context: KhabarContext) -> None:
    """Announce stories a crash kept back, and finish fan-outs a crashed process left."""
    svc = context.services
    await svc.fanout.reconcile_due(svc.now())
    await svc.fanout.run(svc.now())


async def digest_tick(context: KhabarContext) -> None:
    """Compile due digests and keep one cron job per daily time in use."""
    svc = context.services
    await svc.digests.compile_due(svc.now())
    if context.job_queue is not None:
        sync_daily_jobs(context.job_queue, await svc.digests.daily_times(), ZoneInfo(svc.settings.timezone))


async def weekly_tick(context: KhabarContext) -> None:
    """Queue the numbers of the week of every chat whose weekly time has come (bot.archive.weekly)."""
    svc = context.services
    await WeeklyPoster(svc.store, svc.settings).post_due(svc.now())


async def daily_digest(context: KhabarContext) -> None:
    """A daily digest time came (cron): compile what is due."""
    try:
        await context.services.digests.compile_due(context.services.now())
    except Exception as exc:
        if not is_redis_outage(exc):
            raise
        context.services.outage.failed(exc, final=True)  # the digest tick catches up when Redis is back


def sync_daily_jobs(job_queue: JobQueue[Any], times: set[time], tz: ZoneInfo) -> None:
    wanted = {f"{DAILY_PREFIX}{t.hour:02d}:{t.minute:02d}": t for t in times}
    for job in job_queue.jobs():
        if job.name and job.name.startswith(DAILY_PREFIX) and job.name not in wanted:
            job.schedule_removal()
    existing = {job.name for job in job_queue.jobs()}
    for name, at in wanted.items():
        if name not in existing:
            job_queue.run_daily(daily_digest, time(at.hour, at.minute, tzinfo=tz), name=name)
            log.info("daily digest job scheduled", extra={"at": name.removeprefix(DAILY_PREFIX)})
