"""How the bot reaches the feed pipeline: the default `Wiring` for `khabar run`.

Kept apart from bot.telegram.app so the Application can be built with other collaborators in tests. The
operator's sources file is read once at start (a bad file fails the start with one line). Each
poll cycle's result is counted into the process's metrics (bot.ops.observe) and newly paused sources
are reported to the admins (bot.ops.source_alerts) — here, where the pipeline's result is in hand.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import httpx

from bot.ops.observe import count_cycle
from bot.ops.source_alerts import tell_admins_paused
from bot.ops.sources_admin import SourceAdminImpl
from bot.pipeline import PipelineDeps, poll_cycle
from bot.runtime.clock import system_clock
from bot.runtime.metrics import Metrics
from bot.settings import Settings
from bot.store import Store
from bot.story import Story
from bot.telegram.context import Collaborators, Wiring
from feeds.sources import load_sources

log = logging.getLogger("khabar.wiring")


async def default_wiring(
    store: Store, settings: Settings, http: httpx.AsyncClient, *, metrics: Metrics | None = None
) -> Collaborators:
    from_file = tuple(load_sources(settings.sources_path))  # refuses a province khabar does not know
    deps = PipelineDeps(store, http, settings, from_file)

    async def poll(now: datetime) -> Sequence[Story]:
        result = await poll_cycle(deps, now)
        if metrics is not None:
            count_cycle(metrics, result)
        try:
            await tell_admins_paused(store, settings, result, now)
        except Exception:  # the stories matter more than the notice; the pause itself is logged
            log.exception("could not queue the paused-source notice")
        return result.stories

    sources = SourceAdminImpl(store, settings, http, lambda: from_file, system_clock)
    return Collaborators(stories=store.stories, sources=sources, poll=poll)


def wiring_for(metrics: Metrics) -> Wiring:
    """`default_wiring` counting into `metrics` (pass the same object to build_application)."""

    async def wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
        return await default_wiring(store, settings, http, metrics=metrics)

    return wiring
