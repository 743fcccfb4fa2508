"""`khabar sources list`: the line naming provinces that no source covers."""

from __future__ import annotations

from bot.cli.sources_cmd import coverage_line, list_table, uncovered_provinces
from bot.settings import Settings
from digest import PROVINCES
from feeds.model import FeedSource
from feeds.sources import CATALOGUE, load_sources


def _src(sid: str, province: str | None) -> FeedSource:
    return FeedSource(sid, f"منبع {sid}", f"https://{sid}.example/rss", province, from_file=True)


def test_uncovered_provinces_ignore_spelling_variants_and_national_sources() -> None:
    sources = [_src("a", "تهران"), _src("b", "سیستان‌وبلوچستان"), _src("c", None)]
    missing = uncovered_provinces(sources)
    assert len(missing) == 29 and "تهران" not in missing and "سیستان و بلوچستان" not in missing
    assert missing == [p for p in PROVINCES if p in missing]  # gazetteer order


def test_coverage_line_names_the_uncovered_provinces_and_unknown_tags() -> None:
    line = coverage_line([_src("a", "تهران"), _src("x", "آتلانتیس")])
    first, second = line.splitlines()
    assert first.startswith("provinces without a source (30/31)") and "استان‌های بی‌منبع" in first
    assert "یزد" in first and "تهران" not in first
    assert second == "not a known province: آتلانتیس"


def test_full_coverage_says_so() -> None:
    everywhere = [_src(f"s{i}", p) for i, p in enumerate(PROVINCES)]
    assert coverage_line(everywhere) == "every province (31) has at least one source"


def test_sources_list_of_the_bundled_catalogue_reports_its_gaps() -> None:
    sources = load_sources(CATALOGUE)
    out = list_table(sources, {}, {}, Settings())
    last = out.splitlines()[-1]
    missing = uncovered_provinces(sources)
    assert f"({len(missing)}/31)" in last and all(p in last for p in missing)
    assert "تهران" not in last  # covered by a provincial desk
