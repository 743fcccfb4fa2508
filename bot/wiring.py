"""How the bot reaches the feed pipeline: the default `Wiring` for `khabar run`.

Kept apart from bot.app so the Application can be built with other collaborators in tests.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from bot.app import Collaborators
from bot.settings import Settings
from bot.store import Store
from bot.story import Story


class NoStories:
    """A story library with nothing in it (until the feed pipeline provides one)."""

    async def get(self, story_id: str) -> Story | None:
        return None

    async def recent(self, limit: int) -> Sequence[Story]:
        return []


async def default_wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
    return Collaborators(stories=NoStories())
