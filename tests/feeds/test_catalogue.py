"""The bundled catalogue: every entry evidenced, of a known province (or national), and free of the
URL patterns the agencies never used."""

from __future__ import annotations

import re
from datetime import date

import pytest

from digest.gazetteer import PROVINCE_VARIANTS
from feeds.sources import CATALOGUE, load_sources, remote_source
from feeds.ssrf import check_scheme

SOURCES = load_sources(CATALOGUE)
RAW = CATALOGUE.read_text(encoding="utf-8")

# Schemes an earlier catalogue guessed; none occurs in any public configuration or in the sites' CMSs
# (IRNA/ISNA/Mehr use numeric /rss/tp/<n>, Tasnim /fa/rss/feed/0/<n>/…, News Studio /fa/rss/<n>).
INVENTED = [
    re.compile(r"irna\.ir/rss/province/", re.I),
    re.compile(r"isna\.ir/rss/region/", re.I),
    re.compile(r"mehrnews\.com/rss/province/", re.I),
    re.compile(r"tasnimnews\.com/fa/rss/province/", re.I),
    re.compile(r"yjc\.ir/fa/rss/province/", re.I),
    re.compile(r"farsnews\.(?:ir|com)/[a-z-]+/rss/?$", re.I),  # a province slug before /rss
    re.compile(r"/fa/rss/(?!allnews/?$)[a-z][a-z-]*/?$", re.I),  # News Studio feeds are numbered, not named
]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.irna.ir/rss/province/khuzestan",
        "https://www.isna.ir/rss/region/isfahan",
        "https://www.mehrnews.com/rss/province/fars",
        "https://www.tasnimnews.com/fa/rss/province/ardabil",
        "https://www.yjc.ir/fa/rss/province/tehran",
        "https://www.farsnews.ir/hamedan/rss",
        "https://www.mojnews.com/fa/rss/khuzestan",
    ],
)
def test_the_invented_patterns_are_recognised(url: str) -> None:
    assert any(p.search(url) for p in INVENTED)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.irna.ir/rss",
        "https://www.mehrnews.com/rss/tp/19",
        "https://www.tasnimnews.com/fa/rss/feed/0/7/0/%D8%A2%D8%AE%D8%B1%DB%8C%D9%86",
        "https://www.yjc.ir/fa/rss/allnews",
        "https://www.asriran.com/fa/rss/1/5",
        "https://www.farsnews.ir/rss",
    ],
)
def test_real_schemes_are_not_flagged(url: str) -> None:
    assert not any(p.search(url) for p in INVENTED)


def test_no_catalogue_url_uses_an_invented_pattern() -> None:
    bad = [s.url for s in SOURCES if any(p.search(s.url) for p in INVENTED)]
    assert bad == []


def test_every_entry_is_evidenced_and_dated() -> None:
    for s in SOURCES:
        assert s.evidence and len(s.evidence) >= 20, s.id
        assert s.evidence_seen is not None and date(2000, 1, 1) <= s.evidence_seen <= date(2026, 12, 6), s.id


def test_every_entry_names_a_canonical_province_or_is_national() -> None:
    # the strict loader already refused entries with neither a province nor `national = true`
    assert all(s.province is None or s.province in PROVINCE_VARIANTS for s in SOURCES)
    assert any(s.province is None for s in SOURCES) and any(s.province for s in SOURCES)
    assert RAW.count("national = true") == sum(s.province is None for s in SOURCES)


def test_ids_and_urls_are_unique() -> None:
    assert len({s.id for s in SOURCES}) == len(SOURCES)
    assert len({s.url.rstrip("/").lower() for s in SOURCES}) == len(SOURCES)


def test_urls_pass_the_projects_validation() -> None:
    for s in SOURCES:
        assert s.url.startswith(("https://", "http://")) and check_scheme(s.url) is None, s.id
        assert remote_source(s.id, s.name, s.url, s.province, s.interval).url == s.url


# The provinces that have an evidenced provincial source today; removing the last source of one of them
# should be a deliberate change to this list (and to the README's coverage table).
COVERED = {"تهران", "خراسان رضوی", "مازندران", "البرز", "اصفهان", "فارس", "بوشهر", "گیلان", "قم", "سمنان"}


def test_provincial_coverage_does_not_shrink() -> None:
    covered = {s.province for s in SOURCES if s.province}
    assert COVERED <= covered, sorted(COVERED - covered)


def test_every_provincial_entry_cites_a_commit_a_package_or_a_page() -> None:
    cites = re.compile(r"@[0-9a-f]{40}\b|PyPI [\w.-]+==\S+|https?://\S+")
    uncited = [s.id for s in SOURCES if s.province and not cites.search(s.evidence or "")]
    assert uncited == []


UNVERIFIED = CATALOGUE.with_name("catalogue_unverified.toml")


def test_the_unverified_candidates_load_and_none_is_already_in_the_catalogue() -> None:
    candidates = load_sources(UNVERIFIED)
    assert candidates and all(s.province in PROVINCE_VARIANTS for s in candidates)
    bundled = {s.url.rstrip("/").lower() for s in SOURCES}
    assert [s.id for s in candidates if s.url.rstrip("/").lower() in bundled] == []
