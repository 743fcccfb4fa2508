"""How the bot reaches the feed pipeline: the default `Wiring` for `khabar run`.

Kept apart from bot.app so the Application can be built with other collaborators in tests. The
operator's sources file is read once at start (a bad file fails the start with one line).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

import httpx

from bot.app import Collaborators
from bot.context import system_clock
from bot.pipeline import PipelineDeps, poll_cycle
from bot.settings import Settings
from bot.sources_admin import SourceAdminImpl
from bot.store import Store
from bot.story import Story
from feeds.sources import load_sources

log = logging.getLogger("khabar.wiring")


async def default_wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
    from_file = tuple(load_sources(settings.sources_path))
    deps = PipelineDeps(store, http, settings, from_file)

    async def poll(now: datetime) -> Sequence[Story]:
        result = await poll_cycle(deps, now)
        for source in result.paused:
            log.warning("source paused after repeated errors", extra={"source_id": source.id})
        return result.stories

    sources = SourceAdminImpl(store, settings, http, lambda: from_file, system_clock)
    return Collaborators(stories=store.stories, sources=sources, poll=poll)
