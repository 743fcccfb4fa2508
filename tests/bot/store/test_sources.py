from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.store import Store
from feeds.model import FeedSource
from feeds.sources import SourcesError, merge_sources, remote_source

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


async def test_add_list_remove(store: Store) -> None:
    src = remote_source("isna-ilam", "ایسنا ایلام", "https://www.isna.ir/rss/tp/ilam", province="ایلام", interval=900)
    assert await store.sources.add(src)
    assert not await store.sources.add(src)  # the id is taken
    assert await store.sources.list() == [src]
    await store.feeds.sync_schedule([src.id], NOW)
    await store.seen.mark(src.id, [["k"]], NOW)
    assert await store.sources.remove("isna-ilam")
    assert await store.sources.list() == [] and not await store.sources.remove("isna-ilam")
    assert await store.feeds.next_checks() == {} and await store.seen.count(src.id) == 0


@pytest.mark.parametrize(
    ("url", "fragment"),
    [("file:///etc/passwd", "http"), ("feed.xml", "http"), ("ftp://x.ir/rss", "http"), ("https:///rss", "no host")],
)
def test_runtime_sources_must_be_remote(url: str, fragment: str) -> None:
    with pytest.raises(SourcesError, match=fragment):
        remote_source("x", "x", url)


def test_runtime_source_validation_reuses_the_file_rules() -> None:
    with pytest.raises(SourcesError, match="slug"):
        remote_source("Bad Id", "x", "https://x.ir/rss")
    with pytest.raises(SourcesError, match="interval"):
        remote_source("ok", "x", "https://x.ir/rss", interval=5)


async def test_store_refuses_sources_that_could_read_local_files(store: Store) -> None:
    with pytest.raises(ValueError):
        await store.sources.add(FeedSource("sneaky", "x", "file:///etc/passwd"))


def test_the_operator_file_wins_id_clashes() -> None:
    mine = [FeedSource("irna", "ایرنا", "https://www.irna.ir/rss", from_file=True)]
    added = [
        remote_source("irna", "جعلی", "https://evil.example/rss"),
        remote_source("fars", "فارس", "https://farsnews.ir/rss"),
    ]
    merged = merge_sources(mine, added)
    assert [(s.id, s.name) for s in merged] == [("irna", "ایرنا"), ("fars", "فارس")]
