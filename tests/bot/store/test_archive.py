"""The archive against the real Redis: archived once, found by folded words, newest first, bounded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.store import Store
from bot.store.archive import ArchivedStory, ArchiveStore, decode, encode, story_terms
from bot.story import Story
from bot.terms import FIGURES, province_term, topic_term
from digest import Digest, Figure, Speaker

NOW = datetime(2024, 5, 20, 6, 0, tzinfo=UTC)


def story(
    sid: str,
    headline: str,
    at: datetime,
    *,
    province: str = "خوزستان",
    topics: tuple[str, ...] = ("طلاق",),
    figures: tuple[Figure, ...] = (),
    social: bool = True,
) -> Story:
    digest = Digest(
        headline=headline,
        is_social=social,
        topics=topics,
        speakers=(Speaker("علی رضایی", "مدیرکل بهزیستی خوزستان"),),
        figures=figures,
        provinces=(province,),
        summary=("خلاصه‌ای که بایگانی نگه نمی‌دارد.",),
        url=f"https://news.example/{sid}",
        source="ایرنا",
        published=at,
    )
    return Story(sid, digest, ("irna",), ("ایرنا",), province, at)


FIG = Figure("۱۲ درصد", 12.0, "درصد", "افزایش طلاق در اهواز", "جمله")


async def test_record_round_trip_is_compact() -> None:
    a = ArchivedStory.of(story("s1", "افزایش طلاق‌ها در اهواز", NOW, figures=(FIG,)))
    raw = encode(a)
    assert "خلاصه" not in raw and "جمله" not in raw and "headline" not in raw  # no summary, no key names
    back = decode(raw, "ایرنا\x1fایسنا")
    assert back.figures == (Figure("۱۲ درصد", 12.0, "درصد", "افزایش طلاق در اهواز"),)
    assert back.sources == ("ایرنا", "ایسنا") and back.speaker == "علی رضایی" and back.first_seen == NOW
    assert {province_term("خوزستان"), topic_term("طلاق"), FIGURES, "طلاق", "اهواز"} <= set(story_terms(a))


async def test_search_folds_plurals_and_orders_newest_first(store: Store) -> None:
    arc = store.archive
    await arc.add(story("old", "آمار طلاق‌ها در خوزستان", NOW - timedelta(days=2)))
    await arc.add(story("new", "طلاق در اهواز افزایش یافت", NOW - timedelta(days=1)))
    await arc.add(story("other", "اعتیاد در کرمان", NOW, province="کرمان", topics=("اعتیاد",)))
    page = await arc.search([["طلاق"]], NOW)
    assert page.total == 2 and [s.story_id for s in page.stories] == ["new", "old"]
    page = await arc.search([["طلاق"], [province_term("کرمان")]], NOW)
    assert page.total == 0
    page = await arc.search([["طلاق"]], NOW, offset=1, limit=1)
    assert page.total == 2 and [s.story_id for s in page.stories] == ["old"]
    both = await arc.search([[topic_term("اعتیاد"), "اهواز"]], NOW)  # a group is a union
    assert [s.story_id for s in both.stories] == ["other", "new"]
    assert (await arc.search([["ناموجود"]], NOW)).total == 0


async def test_a_story_is_archived_once_and_learns_its_other_sources(store: Store) -> None:
    arc = store.archive
    s = story("s1", "طلاق در اهواز", NOW)
    first = await arc.add(s)
    assert await arc.add(s) == first  # handled again after a crash: same number, no second posting
    assert (await arc.search([["طلاق"]], NOW)).total == 1
    assert await arc.add_source("s1", "ایسنا") and not await arc.add_source("s1", "ایسنا")
    (got,) = (await arc.search([["اهواز"]], NOW)).stories
    assert got.sources == ("ایرنا", "ایسنا")


async def test_story_store_archives_only_social_stories(store: Store) -> None:
    await store.stories.cluster("s1", 1, "irna", "ایرنا", NOW)
    await store.stories.put(story("s1", "طلاق در اهواز", NOW))
    await store.stories.cluster("s2", 2**40, "irna", "ایرنا", NOW)
    await store.stories.put(story("s2", "طلاق در فوتبال", NOW, social=False))
    assert [s.story_id for s in (await store.archive.search([["طلاق"]], NOW)).stories] == ["s1"]


async def test_postings_older_than_the_period_and_over_the_cap_are_trimmed(store: Store) -> None:
    arc = ArchiveStore(store.redis, store.keys, ttl=10 * 86400, cap=3)
    for i in range(5):
        await arc.add(story(f"s{i}", "طلاق", NOW + timedelta(days=i)))
    key = store.keys.archive_term("طلاق")
    assert await store.redis.strlen(key) == 3 * 4  # the newest three postings
    assert [s.story_id for s in (await arc.search([["طلاق"]], NOW + timedelta(days=4))).stories] == ["s4", "s3", "s2"]
    await arc.add(story("late", "طلاق", NOW + timedelta(days=14)))  # s0..s3 are now older than 10 days
    assert await store.redis.strlen(key) == 2 * 4
    assert 0 < await store.redis.ttl(key) <= 10 * 86400
    assert 0 < await store.redis.ttl(store.keys.archive_id("late")) <= 7 * 86400  # as long as the live story
    late = await arc.search([["طلاق"]], NOW + timedelta(days=14))
    assert [s.story_id for s in late.stories] == ["late", "s4"]
    week = await arc.search([["طلاق"]], NOW + timedelta(days=14), since=NOW + timedelta(days=10))
    assert [s.story_id for s in week.stories] == ["late"]


async def test_a_newer_record_with_more_fields_still_loads() -> None:
    a = ArchivedStory.of(story("s1", "طلاق", NOW))
    raw = encode(replace(a, places=("اهواز",)))
    longer = raw[:-1] + ',["x"],"y","z"]'
    assert decode(longer, "ایرنا").places == ("اهواز",)
