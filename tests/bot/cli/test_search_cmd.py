"""`khabar search`: plain-text answers from the archive; bad queries refused with one line."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.archive.query import Query, parse_query
from bot.cli.search_cmd import search_text
from bot.store import Store
from tests.bot.conftest import make_story

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2024, 5, 10, tzinfo=UTC)


def query(text: str) -> Query:
    parsed = parse_query(text)
    assert isinstance(parsed, Query)
    return parsed


async def test_search_prints_newest_first_with_links(store: Store) -> None:
    for n in range(3):
        when = NOW - timedelta(days=3 - n)
        await store.archive.add(make_story(f"طلاق در اهواز {n}", story_id=f"s{n}", first_seen=when))
    out = await search_text(store, query("طلاق‌ها خوزستان"), 0, "Asia/Tehran", NOW)
    assert out.splitlines()[0] == "3 stories, page 1 of 1"
    assert out.index("اهواز 2") < out.index("اهواز 0") and "https://news.example/s1" in out
    assert await search_text(store, query("کرمان"), 0, "Asia/Tehran", NOW) == "no stories found"


@pytest.mark.parametrize("words", [[], ["و", "در"], ["طلاق"] * 200], ids=["empty", "stop-words", "too-long"])
def test_bad_queries_exit_2_with_one_line(words: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "search", *words],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "khabar search:" in done.stderr
