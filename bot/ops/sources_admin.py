"""Runtime sources for the admin commands (/sources /addsource /removesource /resumesource).

`add` validates a URL the way the pipeline will fetch it — through feeds' SSRF-guarded client
(`bot.pipeline.build_client`) — by one probe (fetch + parse, changing no state); only a URL that
answers with a parseable feed is kept (bot.store.sources). A URL that answers with a web page instead
(an outlet's home page) is read for the feeds it offers (feeds.discover, same guarded client) and the
best validated one is kept. Health comes from the stored FeedState.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

import httpx

from bot.pipeline import fetch_config
from bot.runtime.clock import Clock
from bot.settings import Settings
from bot.store import Store
from feeds.discover import DiscoverError, FeedCandidate, best, discover
from feeds.identity import stable_hash
from feeds.model import FeedSource
from feeds.probe import ProbeResult, probe
from feeds.sources import SourcesError, merge_sources, remote_source
from feeds.state import FeedState

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    name: str
    province: str | None
    url: str
    status: str  # "ok" | "failing" | "paused"
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class SourceAdded:
    source: SourceInfo
    items: int  # items the validating fetch found
    discovered_from: str | None = None  # the page URL the admin gave, when the feed was discovered from it


@dataclass(frozen=True, slots=True)
class SourceRejected:
    reason: str  # short, already in Persian or a technical one-liner (URL/HTTP/parse problem)


class Resumed(StrEnum):
    """What `/resumesource ID` found."""

    RESUMED = "resumed"  # it was paused: due now, errors forgotten
    NOT_PAUSED = "not_paused"
    MISSING = "missing"  # no source with this id


def source_id_for(url: str) -> str:
    """A stable, readable id for a URL: `host-slug-` + 6 hex digits of its hash."""
    host = (urlsplit(url).hostname or "source").removeprefix("www.")
    return f"{_SLUG.sub('-', host.lower()).strip('-')[:40]}-{stable_hash('source', url)[:6]}"


def status_of(state: FeedState | None) -> str:
    if state is None:
        return "ok"
    if state.paused:
        return "paused"
    return "failing" if state.error_count else "ok"


class SourceAdminImpl:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        client: httpx.AsyncClient,
        from_file: Callable[[], Sequence[FeedSource]],
        clock: Clock,
    ) -> None:
        self._store = store
        self._settings = settings
        self._client = client
        self._from_file = from_file
        self._clock = clock

    async def list(self) -> Sequence[SourceInfo]:
        sources = merge_sources(list(self._from_file()), await self._store.sources.list())
        states = await self._store.feeds.load_many([s.id for s in sources])
        return [_info(s, states.get(s.id)) for s in sources]

    async def add(self, url: str, province: str, name: str | None) -> SourceAdded | SourceRejected:
        try:
            source = remote_source(source_id_for(url), name or urlsplit(url).hostname or url, url, province)
        except ValueError as exc:  # SourcesError, or a URL urlsplit cannot take apart ("http://[::1")
            return SourceRejected(str(exc) if isinstance(exc, SourcesError) else f"url: malformed URL: {exc}")
        if any(s.id == source.id for s in self._from_file()):
            return SourceRejected(f"{source.id}: already in the sources file")
        now: datetime = self._clock()
        result = await probe(self._client, source, fetch_config(self._settings), now)
        if result.error is not None:
            if _answered_with_a_document(result):  # a page, not a feed: look for the feeds it names
                return await self._add_discovered(url, province, name, now)
            return SourceRejected(result.error)
        return await self._keep(source, result.entries)

    async def _add_discovered(
        self, page_url: str, province: str, name: str | None, now: datetime
    ) -> SourceAdded | SourceRejected:
        try:
            found = await discover(self._client, page_url, fetch_config(self._settings), now=now)
        except DiscoverError as exc:
            return SourceRejected(str(exc))
        chosen = best(found)
        if chosen is None:
            return SourceRejected(f"discover: {page_url} names no feed khabar can read (RSS/Atom)")
        try:
            source = remote_source(source_id_for(chosen.url), name or _feed_name(chosen), chosen.url, province)
        except ValueError as exc:
            return SourceRejected(str(exc))
        if any(s.id == source.id for s in self._from_file()):
            return SourceRejected(f"{source.id}: already in the sources file")
        return await self._keep(source, chosen.entries, page_url)

    async def _keep(self, source: FeedSource, items: int, page_url: str | None = None) -> SourceAdded | SourceRejected:
        if not await self._store.sources.add(source):
            return SourceRejected(f"{source.id}: already added")
        return SourceAdded(_info(source, None), items, page_url)

    async def remove(self, source_id: str) -> bool:
        return await self._store.sources.remove(source_id)

    async def resume(self, source_id: str) -> Resumed:
        """Un-pause a source paused after repeated failures (file or runtime): due now, errors forgotten."""
        known = merge_sources(list(self._from_file()), await self._store.sources.list())
        if all(s.id != source_id for s in known):
            return Resumed.MISSING
        state = await self._store.feeds.load(source_id)
        if state is None or not state.paused:
            return Resumed.NOT_PAUSED
        await self._store.feeds.resume(source_id, self._clock())
        return Resumed.RESUMED


def _answered_with_a_document(result: ProbeResult) -> bool:
    """The URL answered with a body the feed parser refused (a web page, most likely), not a fetch error."""
    return result.status is not None and 200 <= result.status < 300 and (result.error or "").startswith("parse:")


def _feed_name(candidate: FeedCandidate) -> str:
    title = " ".join((candidate.title or "").split())[:100]
    return title or urlsplit(candidate.url).hostname or candidate.url


def _info(source: FeedSource, state: FeedState | None) -> SourceInfo:
    return SourceInfo(
        source.id, source.name, source.province, source.url, status_of(state), state.last_error if state else None
    )
