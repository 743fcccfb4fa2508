from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import BUNDLED_SOURCES
from feeds.sources import SourcesError, load_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_sources_file_points_at_the_seed_feed() -> None:
    (src,) = load_sources(SEEDS / "sources.toml")
    assert src.id == "mojnews-khuzestan" and src.province == "خوزستان" and src.interval == 600
    assert src.is_local and src.url == (SEEDS / "feed.xml").resolve().as_uri()
    assert src.from_file  # only sources from the operator's file may read local files


def test_bundled_catalogue_loads() -> None:
    sources = load_sources(BUNDLED_SOURCES)
    assert len(sources) >= 30 and all(s.url.startswith("https://") for s in sources)
    assert all(s.province for s in sources) and all(s.from_file for s in sources)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = '[[source]]\nid = "a"\nname = "الف"\nurl = "https://example.org/rss"\n'


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


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.toml")
