"""`khabar sources list`: the table, the line naming provinces that no source covers, and refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.cli.sources_cmd import coverage_line, list_table, uncovered_provinces
from bot.settings import Settings
from digest import PROVINCES
from feeds.model import FeedSource
from feeds.sources import CATALOGUE, load_sources

ROOT = Path(__file__).resolve().parents[2]


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


def khabar_sources(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {"KHABAR_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}  # never reaches Redis: the file is refused
    return subprocess.run(
        [sys.executable, "-m", "bot", "sources", "list", "--sources", str(path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_a_toml_error_is_one_line_with_one_prefix(tmp_path: Path) -> None:
    done = khabar_sources(tmp_path, "[[source]]\nid = \n")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"khabar sources: {tmp_path / 'sources.toml'} is not valid UTF-8 TOML: Invalid value (at line 2, column 6)\n"
    )


def test_an_unknown_province_is_refused_with_the_nearest(tmp_path: Path) -> None:
    done = khabar_sources(
        tmp_path, '[[source]]\nid = "a"\nname = "الف"\nurl = "https://a.example/rss"\nprovince = "خوزستن"\n'
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"khabar sources: {tmp_path / 'sources.toml'}: source #1: unknown province 'خوزستن'; did you mean 'خوزستان'?\n"
    )
