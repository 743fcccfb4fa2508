"""Pipeline: poll the due sources and turn their new items into new Stories (the composition root).

One call, `poll_cycle(deps, now)`, is what the bot's repeating JobQueue tick (and `khabar poll`)
runs:

1. sources = the operator's file + runtime (/addsource) sources from Redis; the schedule ZSET is
   synced with them (new sources due now);
2. `feeds.poller.poll_due` claims and polls the due sources → new FeedItems (each already in the
   inbox, atomically with being marked seen), plus inbox items a dead process left unhandled;
3. each item → `digest.Article` → `digest.extract` (in a worker thread) → SimHash fingerprint;
4. `StoryStore.cluster` finds a recent near-duplicate (another agency's copy) atomically: a copy
   adds its source to the existing story's `source_names` and is not returned; otherwise a new
   Story is stored, announced for fan-out (`dq:announced`, each story once ever) and returned,
   earliest reporter first;
5. only then is the item acknowledged in the inbox. A crash anywhere before leaves it there and
   another tick handles it again: `cluster` is idempotent per story id and announcing is once-only,
   so the story is delivered exactly once (bot.delivery.fanout.reconcile remains a second net).

The result, `CycleResult`, carries the new stories for delivery and the sources that were paused
in this cycle, so the caller can tell the admins once. Imports feeds, digest, bot.store, bot.story.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import httpx

from bot.settings import Settings
from bot.store import Store
from bot.story import Story
from digest import Article, Digest, extract, fingerprint
from feeds import fetch as feeds_fetch
from feeds.fetch import FetchConfig
from feeds.fulltext import FulltextConfig
from feeds.identity import stable_hash
from feeds.model import FeedItem, FeedSource
from feeds.poller import PollConfig, PollDeps, SourceOutcome, poll_due
from feeds.sources import merge_sources
from feeds.ssrf import Connector, Resolver
from feeds.state import SchedulePolicy

log = logging.getLogger("khabar.pipeline")


@dataclass(frozen=True, slots=True)
class PipelineDeps:
    store: Store
    client: httpx.AsyncClient  # from `build_client(settings)`; one per process
    settings: Settings
    sources: tuple[FeedSource, ...]  # the operator's sources file (runtime sources come from the store)


@dataclass(frozen=True, slots=True)
class CycleResult:
    stories: tuple[Story, ...]  # new stories, oldest first, for delivery
    paused: tuple[FeedSource, ...]  # sources paused in this cycle: tell the admins (once)
    outcomes: tuple[SourceOutcome, ...]  # one per polled source
    items: int  # new feed items (before cross-agency de-duplication)
    clustered: int = 0  # new items that joined a story another source reported first
    extract_seconds: tuple[float, ...] = ()  # one per digest extracted


@dataclass(frozen=True, slots=True)
class StoriesFound:
    """What `find_stories` made of a cycle's new items."""

    stories: list[Story]  # new stories, oldest first
    clustered: int  # items that joined a known story
    extract_seconds: tuple[float, ...]  # one per digest extracted (failed extractions not counted)


def fetch_config(settings: Settings) -> FetchConfig:
    return FetchConfig(
        user_agent=settings.user_agent,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        total_timeout=settings.fetch_timeout,
        max_body_bytes=settings.max_body_bytes,
        max_redirects=settings.max_redirects,
        allow_private=settings.allow_private_urls,
        proxy=settings.feeds_proxy,
        max_connections=max(16, 2 * settings.poll_concurrency),
    )


def poll_config(settings: Settings) -> PollConfig:
    return PollConfig(
        fetch=fetch_config(settings),
        schedule=SchedulePolicy(
            base_interval=settings.poll_interval,
            min_interval=settings.min_interval,
            max_interval=settings.max_interval,
            max_backoff=settings.max_backoff,
            pause_after_errors=settings.pause_after_errors,
        ),
        fulltext=FulltextConfig(
            teaser_chars=settings.fulltext_teaser_chars, max_page_bytes=settings.fulltext_max_bytes
        ),
        fulltext_enabled=settings.fulltext,
        fulltext_per_poll=settings.fulltext_per_poll,
        concurrency=settings.poll_concurrency,
        per_host=settings.per_host_concurrency,
        backfill=settings.backfill,
        late_item_grace=settings.late_item_grace,
        memory=settings.seen_ttl,
        lease=settings.claim_lease,
        batch=settings.poll_batch,
        inbox_lease=settings.inbox_lease,
    )


def build_client(
    settings: Settings, resolve: Resolver | None = None, connect: Connector | None = None
) -> httpx.AsyncClient:
    """The shared, SSRF-guarded HTTP client for feeds and article pages (close it on shutdown)."""
    return feeds_fetch.build_client(fetch_config(settings), resolve, connect)


async def current_sources(deps: PipelineDeps) -> list[FeedSource]:
    """The operator's sources plus runtime ones (the file wins an id clash)."""
    return merge_sources(list(deps.sources), await deps.store.sources.list())


async def poll_cycle(
    deps: PipelineDeps, now: datetime, *, force: bool = False, backfill: int | None = None
) -> CycleResult:
    """Poll what is due (everything with `force`), and return the new stories and newly paused sources."""
    sources = await current_sources(deps)
    await deps.store.feeds.sync_schedule([s.id for s in sources], now)
    poll_deps = PollDeps(deps.client, deps.store.feeds, deps.store.seen, poll_config(deps.settings), deps.store.inbox)
    polled = await poll_due(poll_deps, sources, now, force=force, backfill=backfill)
    found = await find_stories(polled.items, deps.store, now)
    stories = found.stories
    by_id = {s.id: s for s in sources}
    paused = tuple(by_id[sid] for sid in polled.paused if sid in by_id)
    log.info(
        "poll.cycle",
        extra={
            "polled": len(polled.outcomes),
            "items": len(polled.items),
            "stories": len(stories),
            "paused": len(paused),
        },
    )
    return CycleResult(
        tuple(stories), paused, polled.outcomes, len(polled.items), found.clustered, found.extract_seconds
    )


async def stories_from_items(items: Sequence[FeedItem], store: Store, now: datetime) -> list[Story]:
    """Digest each item and fold copies of one story into one; return the stories that are new."""
    return (await find_stories(items, store, now)).stories


async def find_stories(items: Sequence[FeedItem], store: Store, now: datetime) -> StoriesFound:
    """`stories_from_items`, with how many items joined known stories and each extraction's time.

    Each item is acknowledged in the inbox once handled (its new story stored and announced, or
    joined to an existing story, or found unreadable or empty: an item with no title and no Persian
    text has no headline, and would be a card with only its source line)."""
    order = sorted(items, key=lambda i: i.published)
    new: list[Story] = []
    joined: set[str] = set()  # stories another source joined in this cycle
    clustered = 0
    timings: list[float] = []
    for item in order:
        started = time.perf_counter()
        digest = await _extract(item)
        if digest is not None and not is_story(digest):
            log.info(
                "story.empty: no title, no Persian text", extra={"source_id": item.source_id, "item_key": item.key}
            )
            digest = None
        if digest is not None:
            timings.append(time.perf_counter() - started)
            story = await _story_for(item, digest, store, now, joined)
            if story is None:
                clustered += 1
            else:
                new.append(story)
        await store.inbox.ack(item)
    return StoriesFound(await _with_reporters(new, joined, store), clustered, tuple(timings))


async def _with_reporters(new: list[Story], joined: set[str], store: Store) -> list[Story]:
    """New stories another agency's copy joined later in the same cycle, as stored: with every
    reporter, so the card that is sent says "also reported by" them."""
    return [(await store.stories.get(s.id) or s) if s.id in joined else s for s in new]


async def _extract(item: FeedItem) -> Digest | None:
    try:
        return await asyncio.to_thread(extract, to_article(item))
    except Exception:  # one unreadable article must not cost the others
        log.exception("story.extract_failed", extra={"source_id": item.source_id, "item_key": item.key})
        return None


async def _story_for(item: FeedItem, digest: Digest, store: Store, now: datetime, joined_ids: set[str]) -> Story | None:
    """The new Story this item starts, or None when it joined a recent story from another source
    (whose id goes into `joined_ids`)."""
    sid = story_id(item)
    fp = story_fingerprint(item, digest)
    joined = await store.stories.cluster(sid, fp, item.source_id, item.source_name, now)
    if joined.again:
        return await _story_again(item, sid, digest, store, now)
    if not joined.created:
        added = await store.stories.add_source(joined.story_id, item.source_id, item.source_name)
        if added:
            joined_ids.add(joined.story_id)
        log.info(
            "story.duplicate",
            extra={
                "source_id": item.source_id,
                "item_key": item.key,
                "story_id": joined.story_id,
                "distance": joined.distance,
                "source_added": added,
            },
        )
        return None
    story = Story(sid, digest, (item.source_id,), (item.source_name,), item.province, now)
    await store.stories.put(story)
    await store.delivery.announce([sid])
    log.info("story.new", extra={"source_id": item.source_id, "item_key": item.key, "story_id": sid})
    return story


async def _story_again(item: FeedItem, sid: str, digest: Digest, store: Store, now: datetime) -> Story:
    """An item handled a second time (a process died before acknowledging it): finish its story."""
    story = await store.stories.get(sid)
    if story is None:  # the first attempt died between registering and storing it
        story = Story(sid, digest, (item.source_id,), (item.source_name,), item.province, now)
        await store.stories.put(story)
    await store.delivery.announce([sid])  # once ever: a no-op if the first attempt got that far
    log.info("story.again", extra={"source_id": item.source_id, "item_key": item.key, "story_id": sid})
    return story


def is_story(digest: Digest) -> bool:
    """An item with a headline; one without (no title, no Persian text) would be an empty card."""
    return bool(digest.headline.strip())


def to_article(item: FeedItem) -> Article:
    return Article(
        text=item.text,
        title=item.title,
        url=item.url,
        source=item.source_name,
        published=item.published,
        id=item.key,
    )


def story_id(item: FeedItem) -> str:
    """Stable id of the story an item starts: the same in every process."""
    return stable_hash("story", item.source_id, item.key)


def story_fingerprint(item: FeedItem, digest: Digest) -> int:
    """The digest's SimHash; for an article with no usable text, its title's, else a unique value."""
    fp = fingerprint(digest)
    if not fp and item.title:
        fp = fingerprint(item.title)
    return fp or int(stable_hash("nofp", item.source_id, item.key), 16)
