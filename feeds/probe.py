"""Probe: fetch and parse one source once, changing nothing (for `khabar sources check`).

Imports nothing of ours but feeds.*. Unlike the poller it sends no conditional headers, touches
no state and marks nothing seen, so a health check never hides items from the next real poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import httpx

from feeds.fetch import FetchConfig, fetch
from feeds.model import FeedSource
from feeds.parse import parse_feed


@dataclass(frozen=True, slots=True)
class ProbeResult:
    source_id: str
    status: int | None
    entries: int
    error: str | None
    bozo: bool
    elapsed: float  # seconds


async def probe(client: httpx.AsyncClient, source: FeedSource, config: FetchConfig, now: datetime) -> ProbeResult:
    result = await fetch(client, source.url, config, allow_file=source.from_file, now=now)
    if result.error is not None:
        return ProbeResult(source.id, result.status, 0, str(result.error), False, result.elapsed)
    parsed = await parse_feed(result.body, result.url, result.content_type, now)
    error = str(parsed.error) if parsed.error else None
    return ProbeResult(source.id, result.status, len(parsed.entries), error, parsed.bozo is not None, result.elapsed)
