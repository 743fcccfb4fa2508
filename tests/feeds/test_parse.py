from __future__ import annotations

import os
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.parse import MAX_ENTRIES, ParseResult, parse_feed, parse_feed_sync
from tests.feeds.conftest import NOW, fixture_bytes
from tests.feedserver import FIXTURES

URL = "https://www.example.ir/rss"


def parse(name: str, content_type: str | None = "text/xml", url: str = URL) -> ParseResult:
    return parse_feed_sync(fixture_bytes(name), url, content_type, NOW)


FORMATS = [
    ("rss2_khuzestan.xml", "rss20", 4, "بازسازی ۱۲۰ مدرسه در مناطق سیل‌زده خوزستان آغاز شد"),
    ("atom_isfahan.xml", "atom10", 3, "خشکی زاینده‌رود و نگرانی کشاورزان شرق اصفهان"),
    ("rss1_fars.xml", "rss10", 2, "آغاز واکسیناسیون دام‌های عشایر کوچ‌رو در فارس"),
    ("cp1256_kerman.xml", "rss20", 2, "افزايش بارندگي در استان کرمان"),
    ("utf8_bom.xml", "rss20", 4, "بازسازی ۱۲۰ مدرسه در مناطق سیل‌زده خوزستان آغاز شد"),
]


@pytest.mark.parametrize(("name", "version", "count", "first_title"), FORMATS, ids=[f[0] for f in FORMATS])
def test_formats(name: str, version: str, count: int, first_title: str) -> None:
    result = parse(name)
    assert result.error is None and result.version == version
    assert len(result.entries) == count
    assert result.entries[0].title == first_title
    assert all(e.identities for e in result.entries)


def test_windows_1256_with_a_lying_header() -> None:
    result = parse("cp1256_kerman.xml", content_type="application/rss+xml; charset=utf-8")
    assert result.encoding == "windows-1256"
    assert result.entries[1].title == "توزيع بسته‌هاي معيشتي در جيرفت و کهنوج"


def test_rss2_details() -> None:
    result = parse("rss2_khuzestan.xml")
    first, second, third, fourth = result.entries
    assert result.ttl == 30 * 60
    assert first.published == datetime(2024, 3, 4, 5, 15, tzinfo=UTC)  # +0330 → UTC
    assert "۸۵۰ میلیارد ریال" in first.content and "مدیرکل نوسازی" in first.summary
    assert first.guid == "mojnews-481203" and len(first.identities) == 2  # guid + link
    assert len(second.identities) == 1  # permalink guid == link: one key
    assert third.guid is None and third.link == "https://mojnews.com/fa/news/481177/"
    assert fourth.identities[0] != fourth.identities[-1]


def test_atom_uses_published_then_updated() -> None:
    first, second, _ = parse("atom_isfahan.xml").entries
    assert first.published == datetime(2024, 3, 4, 5, 30, tzinfo=UTC)
    assert second.published == datetime(2024, 3, 3, 16, 20, tzinfo=UTC)  # only <updated>
    assert "۱۵ هزار هکتار" in first.content


def test_irna_feed_with_undeclared_namespace_is_accepted_as_bozo() -> None:
    result = parse("bozo_irna.xml")
    assert result.error is None and result.bozo is not None
    first = result.entries[0]
    assert first.title == "معاون استاندار تهران:‌ هر نوع خبری مبنی بر کمبود کالا تکذیب می‌شود"
    assert first.link is not None and "معاون-استاندار-تهران" in first.link
    assert first.published == datetime(2020, 3, 14, 15, 42, 9, tzinfo=UTC)
    assert first.summary.startswith("تهران- ایرنا-") and first.content == ""


def test_items_without_dates_keep_none_for_first_seen() -> None:
    entries = parse("nodates.xml").entries
    assert [e.published for e in entries] == [None, None, None]
    assert entries[2].link is None and len(entries[2].identities) == 1  # title+date fallback
    assert len({e.key for e in entries}) == 3


def test_dates_future_clamped_ancient_dropped_jalali_read() -> None:
    future, ancient, jalali = parse("future.xml").entries
    assert future.published == NOW
    assert ancient.published is None
    assert jalali.published == datetime(2024, 3, 4, 5, 0, tzinfo=UTC)  # ۱۴۰۲/۱۲/۱۴ ۰۸:۳۰ Tehran


def test_truncated_xml_still_yields_the_items_it_has() -> None:
    result = parse("broken.xml")
    assert result.error is None and result.bozo is not None
    assert [e.guid for e in result.entries] == ["ilam-90", "ilam-89"]


@pytest.mark.parametrize(("name", "kind"), [("not_a_feed.html", "not_a_feed")], ids=["html-error-page"])
def test_unparseable_documents_are_error_values(name: str, kind: str) -> None:
    result = parse(name)
    assert result.error is not None and result.error.kind == kind and result.entries == ()


def test_tag_soup_that_trips_feedparser_is_an_error_value() -> None:
    # found by test_xml_soup_never_raises: feedparser's loose parser raises KeyError('links') here
    result = parse_feed_sync(b"<channel><entry><link></item></link>", URL, None, NOW)
    assert result.error is not None and result.error.kind == "malformed" and result.entries == ()


@pytest.mark.parametrize("body", [b"", b"   \n\t ", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom-only"])
def test_empty_documents(body: bytes) -> None:
    result = parse_feed_sync(body, URL, None, NOW)
    assert result.error is not None and result.error.kind in {"empty", "not_a_feed"}


def test_billion_laughs_refused_with_bounded_memory() -> None:
    """Refused before any expansion (memory stays small); how fast is bench/bench_refusals.py's question."""
    tracemalloc.start()
    result = parse("bomb.xml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.error is not None and result.error.kind == "entities"
    assert peak < 5 * 1024 * 1024


def test_quadratic_blowup_refused_before_expansion() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 100_000 + b'">]>'
        b"<rss version='2.0'><channel><item><title>" + b"&a;" * 100_000 + b"</title></item></channel></rss>"
    )
    tracemalloc.start()
    result = parse_feed_sync(body, URL, None, NOW)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.error is not None and result.error.kind == "entities"
    assert peak < 50 * 1024 * 1024  # expanded, the title alone would be 10 GB


@pytest.mark.parametrize("decl", ["<!ENTITY x 'y'>", "<!entity x 'y'>", "<! ENTITY x SYSTEM 'file:///etc/passwd'>"])
def test_any_entity_declaration_is_refused(decl: str) -> None:
    body = f"<?xml version='1.0'?><!DOCTYPE rss [{decl}]><rss version='2.0'><channel><title>&x;</title></channel></rss>"
    result = parse_feed_sync(body.encode(), URL, None, NOW)
    assert result.error is not None and result.error.kind == "entities"


def test_a_body_naming_a_local_file_is_not_read_from_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(fixture_bytes("rss1_fars.xml"))
    result = parse_feed_sync(str(secret).encode(), URL, None, NOW)
    assert result.entries == ()


def test_entries_are_capped() -> None:
    items = "".join(f"<item><title>خبر {i}</title><guid>g{i}</guid></item>" for i in range(MAX_ENTRIES + 50))
    body = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    result = parse_feed_sync(body, URL, None, NOW)
    assert len(result.entries) == MAX_ENTRIES and result.truncated == 50


def test_shared_or_home_page_links_do_not_identify_items() -> None:
    body = """<rss version='2.0'><channel><title>t</title>
      <item><title>الف</title><link>https://site.ir/</link></item>
      <item><title>ب</title><link>https://site.ir/page</link><guid>same</guid></item>
      <item><title>ج</title><link>https://site.ir/page</link><guid>same</guid></item>
    </channel></rss>""".encode()
    a, b, c = parse_feed_sync(body, URL, None, NOW).entries
    assert len({a.key, b.key, c.key}) == 3  # each falls back to its own title+date identity


def test_relative_links_resolve_against_the_feed_url() -> None:
    body = (
        b"<rss version='2.0'><channel><title>t</title><item><title>x</title><link>/news/7</link></item></channel></rss>"
    )
    (entry,) = parse_feed_sync(body, "https://www.ilna.ir/rss/tp/5", None, NOW).entries
    assert entry.link == "https://www.ilna.ir/news/7"


def test_identity_is_stable_across_calls_and_links_variants() -> None:
    plain = parse("rss2_khuzestan.xml").entries
    again = parse_feed_sync(fixture_bytes("rss2_khuzestan.xml"), URL, None, datetime(2030, 1, 1, tzinfo=UTC)).entries
    assert [e.identities for e in plain] == [e.identities for e in again]


async def test_async_parse_runs_in_a_thread() -> None:
    result = await parse_feed(fixture_bytes("atom_isfahan.xml"), URL, None, NOW)
    assert len(result.entries) == 3


# --- property tests: random and mutated feeds never raise and never hang ---

SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.xml")) if p.name != "bomb.xml"]


@st.composite
def mutated_feed(draw: st.DrawFn) -> bytes:
    body = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        pos = draw(st.integers(0, max(len(body) - 1, 0)))
        if op == "flip" and body:
            body[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del body[pos : pos + draw(st.integers(1, 400))]
        elif op == "dup":
            body[pos:pos] = body[pos : pos + draw(st.integers(1, 400))]
        else:
            body[pos:pos] = draw(
                st.sampled_from([b"<", b">", b"&", b"]]>", b"<![CDATA[", b"\x00", b"<item>", b"&#x0;", b"\xd9"])
            )
    return bytes(body)


TOKENS = [
    "<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
    "<guid>", "</guid>", "<pubDate>", "</pubDate>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "<entry>", "</entry>", "<![CDATA[", "]]>", "&amp;", "&nbsp;", "&#1606;", "خبر", "https://x.ir/a",
    "Mon, 04 Mar 2024", "۱۴۰۲/۱۲/۱۴", "<", ">", '"', "'", " ", "\n",
]  # fmt: skip
XMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map(lambda parts: "".join(parts).encode())

# KHABAR_FUZZ_EXAMPLES=2000 python -m tests tests/feeds/test_parse.py -k never  → a longer fuzzing run
LIMITS = settings(
    max_examples=int(os.environ.get("KHABAR_FUZZ_EXAMPLES", "60")),
    deadline=None,  # a slow example on a loaded machine is not a failure (speed: bench/)
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(body: bytes) -> None:
    result = parse_feed_sync(body, URL, None, NOW)
    assert isinstance(result, ParseResult)
    assert (result.error is None) or result.entries == ()
    for entry in result.entries:
        assert entry.identities and (entry.published is None or entry.published <= NOW)


@LIMITS
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(body: bytes) -> None:
    _check(body)


@LIMITS
@given(mutated_feed())
def test_mutated_feeds_never_raise(body: bytes) -> None:
    _check(body)


@LIMITS
@given(XMLISH)
def test_xml_soup_never_raises(body: bytes) -> None:
    _check(body)
