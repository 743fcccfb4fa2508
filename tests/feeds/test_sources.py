from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.settings import BUNDLED_SOURCES
from feeds.sources import CATALOGUE, SourcesError, load_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = '[[source]]\nid = "a"\nname = "الف"\nurl = "https://example.org/rss"\n'


def test_seed_sources_file_points_at_the_seed_feed() -> None:
    (src,) = load_sources(SEEDS / "sources.toml")
    assert src.id == "mojnews-khuzestan" and src.province == "خوزستان" and src.interval == 600
    assert src.is_local and src.url == (SEEDS / "feed.xml").resolve().as_uri()
    assert src.from_file  # only sources from the operator's file may read local files


def test_bundled_catalogue_loads_strictly() -> None:
    sources = load_sources(BUNDLED_SOURCES)  # the bundled catalogue is always checked for evidence
    assert BUNDLED_SOURCES == CATALOGUE and len(sources) >= 10
    assert all(s.from_file and s.evidence and s.evidence_seen for s in sources)


EVIDENCED = (
    '[[source]]\nid = "a"\nname = "الف"\nurl = "https://example.org/rss"\nprovince = "یزد"\n'
    'evidence = "owner/repo feeds.py@0123abc"\nevidence_seen = "2026-12-06"\n'
)


def test_evidence_is_read_when_present_and_optional_in_user_files(tmp_path: Path) -> None:
    (src,) = load_sources(_write(tmp_path, EVIDENCED))
    assert src.evidence == "owner/repo feeds.py@0123abc" and src.evidence_seen == date(2026, 12, 6)
    (plain,) = load_sources(_write(tmp_path, GOOD))
    assert plain.evidence is None and plain.evidence_seen is None


def test_national_sources_have_no_province(tmp_path: Path) -> None:
    body = '[[source]]\nid = "a"\nname = "x"\nurl = "https://e.org/rss"\nnational = true\n'
    (src,) = load_sources(_write(tmp_path, body))
    assert src.province is None


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (EVIDENCED.replace('evidence = "owner/repo feeds.py@0123abc"\n', ""), "'evidence' is required"),
        (EVIDENCED.replace('evidence_seen = "2026-12-06"\n', ""), "'evidence_seen' is required"),
        (EVIDENCED.replace('"2026-12-06"', '"6 Dec 2026"'), "must be a date"),
        (EVIDENCED.replace('"2026-12-06"', "2026-12-06T10:00:00"), "must be a date"),
        (EVIDENCED.replace('province = "یزد"\n', ""), "province or national"),
        (EVIDENCED.replace('province = "یزد"\n', 'province = "یزد"\nnational = true\n'), "not both"),
        (EVIDENCED.replace('"https://example.org/rss"', '"feed.xml"'), "not a local file"),
    ],
    ids=["no-evidence", "no-date", "bad-date", "datetime", "no-province", "both", "local-file"],
)
def test_catalogue_mode_refuses_unevidenced_entries(tmp_path: Path, body: str, fragment: str) -> None:
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    with pytest.raises(SourcesError, match=fragment):
        load_sources(_write(tmp_path, body), require_evidence=True)


def test_catalogue_mode_accepts_a_toml_date(tmp_path: Path) -> None:
    body = EVIDENCED.replace('"2026-12-06"', "2026-12-06")
    (src,) = load_sources(_write(tmp_path, body), require_evidence=True)
    assert src.evidence_seen == date(2026, 12, 6)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("[[source]]\nid = 'a'\nname = 'x'\n", "'url' is required"),
        ("[[source]]\nid = 'A B'\nname = 'x'\nurl = 'https://e.org'\n", "lower-case slug"),
        ("[[source]]\nid = 'a'\nname = 'x'\nurl = 'ftp://e.org/rss'\n", "scheme 'ftp'"),
        ("[[source]]\nid = 'a'\nname = 'x'\nurl = 'missing.xml'\n", "not found"),
        ("[[source]]\nid = 'a'\nname = 'x'\nurl = 'https://e.org'\ninterval = 1\n", "interval"),
        ("[[source]]\nid = 'a'\nname = 'x'\nurl = 'https://e.org'\ncolour = 1\n", "unknown field"),
        (GOOD + GOOD, "duplicate source id"),
        ("source = 3\n", "array of tables"),
        ("[[source]\n", "not valid"),
    ],
    ids=["no-url", "bad-id", "bad-scheme", "missing-local", "interval", "unknown-field", "dup", "shape", "toml"],
)
def test_invalid_sources_are_refused_with_a_reason(tmp_path: Path, body: str, fragment: str) -> None:
    with pytest.raises(SourcesError, match=fragment):
        load_sources(_write(tmp_path, body))


@pytest.mark.parametrize("interval", [1, 30, 59])
def test_interval_below_the_floor_is_refused_naming_the_source_and_the_floor(tmp_path: Path, interval: int) -> None:
    body = f"[[source]]\nid = 'fast'\nname = 'x'\nurl = 'https://e.org'\ninterval = {interval}\n"
    with pytest.raises(SourcesError) as err:
        load_sources(_write(tmp_path, body))
    message = str(err.value)
    assert "\n" not in message
    assert "(fast)" in message and f"interval = {interval}" in message and "poll floor of 60 s" in message


def test_interval_at_the_floor_is_kept(tmp_path: Path) -> None:
    body = "[[source]]\nid = 'a'\nname = 'x'\nurl = 'https://e.org'\ninterval = 60\n"
    (src,) = load_sources(_write(tmp_path, body))
    assert src.interval == 60


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("written", "hint"),
    [("خوزستن", "خوزستان"), ("خراسان شمال", "خراسان شمالی"), ("استان کرمانشا", "کرمانشاه")],
    ids=["typo", "cut-short", "prefix-and-typo"],
)
def test_unknown_province_refused_with_the_nearest(tmp_path: Path, written: str, hint: str) -> None:
    path = _write(tmp_path, GOOD + f'province = "{written}"\n')
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    assert str(caught.value) == f"sources: {path}: source #1: unknown province {written!r}; did you mean {hint!r}?"


def test_a_province_with_no_near_name_is_refused_with_an_example(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + 'province = "Atlantis"\n')
    with pytest.raises(SourcesError, match="unknown province 'Atlantis'; write one of the 31 province names"):
        load_sources(path)


def test_province_spelling_variants_are_accepted(tmp_path: Path) -> None:
    (src,) = load_sources(_write(tmp_path, GOOD + 'province = "استان سیستان‌وبلوچستان"\n'))
    assert src.province == "استان سیستان‌وبلوچستان"  # kept as written; matching canonicalises it
