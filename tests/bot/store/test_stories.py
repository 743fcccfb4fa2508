from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import redis.asyncio as aioredis

from bot.store import Store, StoreLimits
from bot.store.stories import BAND_BITS, StoryStore, fingerprint_parts
from bot.story import Story
from digest.model import Digest, Figure, Speaker

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
FP = 0x9E3779B97F4A7C15


def flip(fp: int, *bits: int) -> int:
    for b in bits:
        fp ^= 1 << b
    return fp


def story(sid: str, source: tuple[str, str] = ("isna-khz", "ایسنا خوزستان")) -> Story:
    digest = Digest(
        headline="اختصاص ۳۵۰ میلیارد تومان برای آبرسانی به روستاهای غیزانیه",
        is_social=True,
        topics=("آب",),
        speakers=(Speaker("صادق خلیلیان", "استاندار خوزستان", 2), Speaker(None, "مدیرکل آبفا")),
        figures=(Figure("۳۵۰ میلیارد تومان", 350e9, "تومان", "اعتبار طرح آبرسانی", "برای تکمیل طرح ..."),),
        places=("خوزستان", "اهواز"),
        summary=("جمله اول.", "جمله دوم."),
        url="https://www.isna.ir/news/1402121409876/",
        source=source[1],
        published=NOW - timedelta(minutes=30),
        id="k1",
    )
    return Story(sid, digest, (source[0],), (source[1],), "خوزستان", NOW)


def stories_with(store: Store, **kw: int) -> StoryStore:
    return Store(store.redis, store.keys, StoreLimits(**kw)).stories  # type: ignore[arg-type]


async def test_new_story_then_near_duplicate_joins_it(store: Store) -> None:
    s = store.stories
    created = await s.cluster("st-1", FP, "isna-khz", "ایسنا خوزستان", NOW)
    assert created.created and created.story_id == "st-1"
    await s.put(story("st-1"))
    dup = await s.cluster("st-2", flip(FP, 1, 17, 40, 63), "irna-khz", "ایرنا خوزستان", NOW + timedelta(minutes=5))
    assert not dup.created and dup.story_id == "st-1" and dup.distance == 4
    assert await s.add_source("st-1", "irna-khz", "ایرنا خوزستان")
    assert not await s.add_source("st-1", "irna-khz", "ایرنا خوزستان")  # listed once
    got = await s.get("st-1")
    assert got is not None and got.source_names == ("ایسنا خوزستان", "ایرنا خوزستان")
    assert got.also_reported_by == ("ایرنا خوزستان",)


async def test_different_story_is_not_joined(store: Store) -> None:
    s = store.stories
    await s.cluster("st-1", FP, "a", "الف", NOW)
    far = await s.cluster("st-2", FP ^ 0xFFFF_0000_FFFF_0000, "b", "ب", NOW)
    assert far.created and far.story_id == "st-2"


async def test_threshold_is_respected_at_the_edge(store: Store) -> None:
    s = stories_with(store, story_hamming=12)
    await s.cluster("st-1", FP, "a", "الف", NOW)
    bits = [6, 7, 13, 20, 27, 33, 38, 44, 50, 55, 60, 61]  # 12 bits over nine bands; bits 0-5 clean
    joined = await s.cluster("st-2", flip(FP, *bits), "b", "ب", NOW)
    assert not joined.created and joined.distance == 12
    too_far = await s.cluster("st-3", flip(FP, *bits, 62, 57), "c", "ج", NOW)  # 14 bits, same clean band
    assert too_far.created


async def test_any_fingerprint_within_nine_bits_is_found_by_the_band_index(store: Store) -> None:
    s = stories_with(store, story_hamming=12)
    await s.cluster("base", FP, "a", "الف", NOW)
    bits, offset = [], 0
    for width in list(reversed(BAND_BITS))[:9]:  # lowest bit of nine of the ten bands (pigeonhole limit)
        bits.append(offset)
        offset += width
    assert not (await s.cluster("near", flip(FP, *bits), "b", "ب", NOW)).created


async def test_window_expires_the_index_but_not_the_record(store: Store) -> None:
    s = stories_with(store, story_window=3600, story_ttl=86400)
    await s.cluster("old", FP, "a", "الف", NOW)
    await s.put(story("old"))
    later = await s.cluster("new", FP, "b", "ب", NOW + timedelta(hours=2))
    assert later.created  # outside the window: a new story
    assert await store.redis.hlen(store.keys.story_fp()) == 1  # the old one was pruned from the index
    assert await s.get("old") is not None


async def test_record_round_trip_and_recent_list(store: Store) -> None:
    s = store.stories
    for i in range(3):
        await s.cluster(f"st-{i}", FP ^ (0xFFFF << (16 * i)), "isna-khz", "ایسنا خوزستان", NOW + timedelta(minutes=i))
        await s.put(story(f"st-{i}"))
    got = await s.get("st-0")
    assert got == story("st-0")
    assert (
        got is not None
        and got.digest.speakers[0].statements == 2
        and got.digest.published == story("st-0").digest.published
    )
    assert [x.id for x in await s.recent(2)] == ["st-2", "st-1"]
    assert await s.get("missing") is None


async def test_two_processes_racing_on_one_story_make_one(store: Store, redis_url: str) -> None:
    other_client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        other = Store(other_client, store.keys).stories
        results = await asyncio.gather(
            store.stories.cluster("from-isna", FP, "isna", "ایسنا", NOW),
            other.cluster("from-irna", flip(FP, 3), "irna", "ایرنا", NOW),
        )
    finally:
        await other_client.aclose()
    assert sorted(r.created for r in results) == [False, True]
    assert len({r.story_id for r in results}) == 1


def test_fingerprint_parts_cover_all_64_bits() -> None:
    parts = fingerprint_parts(0xFFFF_FFFF_FFFF_FFFF)
    assert [p.bit_length() for p in parts] == list(BAND_BITS)
    assert fingerprint_parts(1)[-1] == 1 and fingerprint_parts(1 << 63)[0] == 1 << (BAND_BITS[0] - 1)


async def test_clustering_the_same_story_id_again_is_the_same_new_story(store: Store) -> None:
    s = store.stories
    first = await s.cluster("st-1", FP, "isna-khz", "ایسنا خوزستان", NOW)
    again = await s.cluster("st-1", FP, "isna-khz", "ایسنا خوزستان", NOW + timedelta(minutes=1))
    assert first.created and not first.again
    assert again.created and again.again and again.story_id == "st-1"  # not a duplicate of itself
    copy = await s.cluster("st-2", flip(FP, 3), "irna-khz", "ایرنا خوزستان", NOW + timedelta(minutes=2))
    assert not copy.created and copy.story_id == "st-1"  # another agency's copy still joins it
