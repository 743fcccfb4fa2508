"""A story: one piece of news, possibly reported by several sources, with its digest.

Produced by the pipeline (poll → parse → clean → extract → cluster), consumed by delivery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
