"""`khabar sources list|discover`: the table, the provinces no source covers, refusals; feeds from a home page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.sources_cmd import coverage_line, host_id, list_table, uncovered_provinces
from bot.settings import Settings
from digest import PROVINCES
from feeds.model import FeedSource
from feeds.sources import CATALOGUE, load_sources
from tests.feeds.conftest import rss
from tests.feedserver import FeedServer

ROOT = Path(__file__).resolve().parents[3]
HOME = (
    '<html><head><title>خبرگزاری نمونه</title><link rel="alternate" type="application/rss+xml" href="/fa/rss/allnews">'
    '</head><body><a href="/fa/rss/1">RSS</a></body></html>'
)


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


def _discover(url: str, tmp_path: Path, allow_private: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}  # no proxy or config of the caller's
    env |= {"HOME": str(tmp_path), "KHABAR_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    if allow_private:
        env["KHABAR_ALLOW_PRIVATE_URLS"] = "1"
    cmd = [sys.executable, "-m", "bot", "sources", "discover", url]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def site() -> FeedServer:
    with FeedServer() as srv:
        srv.bytes("/", HOME.encode(), content_type="text/html; charset=utf-8")
        srv.bytes("/fa/rss/allnews", rss(*({"title": f"خبر {i}", "guid": str(i)} for i in range(3)), title="همه اخبار"))
        srv.bytes("/fa/rss/1", rss({"title": "یک", "guid": "x"}, title="سیاسی"))
        yield srv


def test_discover_prints_the_candidates_and_a_source_block_to_paste(site: FeedServer, tmp_path: Path) -> None:
    done = _discover(site.url("/"), tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["url", "kind", "items", "found", "title"]
    assert lines[2].split()[:4] == [site.url("/fa/rss/allnews"), "rss", "3", "link"] and "همه اخبار" in lines[2]
    assert lines[3].split()[:4] == [site.url("/fa/rss/1"), "rss", "1", "anchor"]
    block = done.stdout[done.stdout.index("[[source]]") :]
    assert 'id = "127-0-0-1"' in block and 'name = "همه اخبار"' in block
    assert 'province = "…"  # one of: khabar sources list' in block
    pasted = tmp_path / "sources.toml"
    pasted.write_text(block.replace('province = "…"', 'province = "کرمان"'), encoding="utf-8")
    (source,) = load_sources(pasted)
    assert (source.url, source.province, source.name) == (site.url("/fa/rss/allnews"), "کرمان", "همه اخبار")


def test_discover_says_so_in_one_line_when_nothing_is_found(tmp_path: Path) -> None:
    with FeedServer() as bare:  # a page with no feed link, and no feed at the well-known paths
        bare.bytes("/", b"<html><head><title>x</title></head><body>hi</body></html>", content_type="text/html")
        done = _discover(bare.url("/"), tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "no RSS/Atom feed found" in done.stderr


def test_discover_refuses_a_private_address_unless_allowed(site: FeedServer, tmp_path: Path) -> None:
    done = _discover(site.url("/"), tmp_path, allow_private=False)
    assert done.returncode == 2 and done.stdout == "" and not site.requests
    assert done.stderr.strip().count("\n") == 0 and "ssrf:" in done.stderr
    done = _discover("ftp://example.ir/", tmp_path)
    assert done.returncode == 2 and "scheme" in done.stderr


def test_host_id() -> None:
    assert host_id("https://www.Khabaronline.ir/rss/tp/108") == "khabaronline-ir"
    idn = host_id("https://خبر.ایران/rss")
    assert idn.startswith("xn-") and re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", idn)  # the sources file's id rule
    assert host_id("http://[::1]:8080/") == "1"


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
