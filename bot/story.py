"""A story: one piece of news, possibly reported by several sources, with its digest.

Produced by the pipeline (poll → parse → clean → extract → cluster), consumed by delivery, which
reads them through a `StoryLibrary` (bot.store.stories is the one the pipeline keeps).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from digest.model import Digest


@dataclass(frozen=True, slots=True)
class Story:
    id: str  # stable story (cluster) id
    digest: Digest
    source_ids: tuple[str, ...]  # first reporter first
    source_names: tuple[str, ...]  # display names, same order ("also reported by" = the rest)
    province: str | None  # the first source's province tag, if any
    first_seen: datetime  # aware UTC

    @property
    def also_reported_by(self) -> tuple[str, ...]:
        return self.source_names[1:]


class StoryLibrary(Protocol):
    """Stories the pipeline keeps (bot.store.stories): by id, and the most recent ones."""

    async def get(self, story_id: str) -> Story | None: ...

    async def recent(self, limit: int) -> Sequence[Story]: ...
