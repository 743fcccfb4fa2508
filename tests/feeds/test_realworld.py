"""Real-shaped feeds through the real path: local HTTP server → fetch → feedparser → FeedItem → digest.

The shapes are those that broke on real feeds (../shared/notes/real-world-inputs.md F1–F5, R1):
entities inside CDATA, double escaping, Atom `type="html"`/`type="text"`, a UTF-8 body with one bad
byte, BOM-less UTF-16/32, windows-1256 declared or not, a Content-Location base, a giant title.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest

from bot.pipeline import to_article
from digest import Digest, extract, render_card
from feeds.fetch import FetchConfig
from feeds.model import FeedItem, FeedSource
from feeds.poller import PollConfig, PollDeps, poll_due
from feeds.sources import load_sources
from tests.fakes import FakeSeenStore, FakeStateStore
from tests.feeds.conftest import NOW
from tests.feedserver import FIXTURES, FeedServer
from tests.textcheck import problems

ZWNJ = "\u200c"
REALWORLD = FIXTURES / "realworld"
TEMPLATE = (
    '<?xml version="1.0" encoding="{label}"?>\n<rss version="2.0"><channel><title>خبرگزاری نمونه</title>'
    "<item><title>{title}</title><link>https://news.example.ir/n/1</link><guid>n1</guid>"
    "<description>{text}</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>"
)
TITLE = "۸۰۰ مددجوی بهزیستی سمنان صاحب خانه شدند"
TEXT = "مدیرکل بهزیستی سمنان گفت: ۸۰۰ مددجو امسال صاحب خانه شدند."


async def poll(
    client: httpx.AsyncClient, config: FetchConfig, *sources: FeedSource, fulltext: bool = False
) -> list[FeedItem]:
    cfg = PollConfig(fetch=config, fulltext_enabled=fulltext)
    deps = PollDeps(client, FakeStateStore(), FakeSeenStore(), cfg)
    result = await poll_due(deps, sources, NOW, force=True, backfill=50)
    failed = [o.error for o in result.outcomes if o.error]
    assert not failed, failed
    return sorted(result.items, key=lambda i: (i.source_id, i.url or "", i.key))


async def served(
    server: FeedServer,
    client: httpx.AsyncClient,
    config: FetchConfig,
    body: bytes,
    content_type: str = "application/rss+xml",
    headers: dict[str, str] | None = None,
) -> list[FeedItem]:
    server.bytes("/feed", body, content_type, headers=headers)
    return await poll(client, config, FeedSource("src", "منبع نمونه", server.url("/feed")))


def assert_clean(item: FeedItem, digest: Digest) -> None:
    """No markup, entity or mojibake in any field a reader sees."""
    fields: dict[str, Any] = {
        "title": item.title,
        "text": item.text,
        "headline": digest.headline,
        "summary": "\n".join(digest.summary),
        "speakers": " ".join(f"{s.name or ''} {s.role or ''}" for s in digest.speakers),
        "figures": " ".join(f"{f.text} {f.context}" for f in digest.figures),
        "places": " ".join(digest.places),
    }
    for name, value in fields.items():
        found = {k: v for k, v in problems(value).items() if v}
        assert not found, (name, value, found)


# --- text: entities, CDATA, double escaping, Atom types ---


async def test_entities_in_cdata_are_decoded_and_never_become_figures(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    items = await served(server, client, open_config, (REALWORLD / "entities.xml").read_bytes())
    flood, aid = items
    assert flood.title == "«سیل» در اردکان & میبد"
    assert aid.title == f"توزیع بسته{ZWNJ}های معیشتی در یزد"
    assert aid.text == f"کمک{ZWNJ}های مردمی به ۳۰۰ خانواده نیازمند رسید."
    for item in items:
        digest = extract(to_article(item))
        assert_clean(item, digest)
        assert not {171.0, 187.0} & {f.number for f in digest.figures}
    flood_digest = extract(to_article(flood))
    assert flood_digest.headline == "«سیل» در اردکان & میبد"
    assert "۴۰" in " ".join(f.text for f in flood_digest.figures)
    card = "".join(render_card(flood_digest))
    assert "۱۷۱" not in card and "171" not in card and "&amp;#" not in card


async def test_no_figure_speaker_or_place_comes_from_markup(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    """Attributes, scripts and styles are markup: none of their words or numbers reach the digest."""
    description = (
        '<![CDATA[<p><img alt="استاندار تهران گفت: ۵۰۰ نفر" src="/i/۹۰۰.jpg"/>'
        '<a href="/tag/اصفهان" title="اصفهان ۷۰۰ خانوار">فرماندار ایذه</a> گفت: ۴۰ خانوار آسیب دیدند.</p>'
        "<script>var n = 800; // شیراز</script><style>.x{width:600px}</style>]]>"
    )
    body = TEMPLATE.format(label="utf-8", title="سیل در ایذه", text=description).encode()
    (item,) = await served(server, client, open_config, body)
    assert item.text == "فرماندار ایذه گفت: ۴۰ خانوار آسیب دیدند."
    digest = extract(to_article(item))
    assert {f.number for f in digest.figures} == {40.0}
    assert "ایذه" in digest.places and not {"تهران", "اصفهان", "شیراز"} & set(digest.places)
    assert all("تهران" not in (s.role or "") + (s.name or "") for s in digest.speakers)


async def test_atom_html_and_text_constructs(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>نمونه</title>'
        '<entry><id>tag:x,2024:1</id><title type="html">'
        "&lt;b&gt;بارش&lt;/b&gt;&amp;nbsp;برف در &amp;#171;سپیدان&amp;#187;</title>"
        '<link href="https://news.example.ir/a/1"/><updated>2024-03-05T10:00:00Z</updated>'
        '<summary type="text">فرماندار گفت: جاده &lt;بسته&gt; نیست &amp; باز است.</summary></entry>'
        '<entry><id>tag:x,2024:2</id><title type="text">سد درودزن &amp; کشاورزان</title>'
        '<link href="https://news.example.ir/a/2"/><updated>2024-03-05T11:00:00Z</updated>'
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>سطر&#160;یک</p><p>سطر دو</p></div>'
        "</content></entry></feed>"
    ).encode()
    snow, dam = await served(server, client, open_config, atom, "application/atom+xml")
    assert snow.title == "بارش برف در «سپیدان»"
    assert snow.text == "فرماندار گفت: جاده <بسته> نیست & باز است."  # text: `<بسته>` is no tag
    assert dam.title == "سد درودزن & کشاورزان"
    assert dam.text == "سطر یک\nسطر دو"


# --- bytes: encodings ---

WIDE = [
    ("utf16le", "utf-16", "utf-16-le"),
    ("utf16be", "utf-16", "utf-16-be"),
    ("utf32le", "utf-32", "utf-32-le"),
    ("utf32be", "utf-32", "utf-32-be"),
]


@pytest.mark.parametrize(("label", "codec"), [c[1:] for c in WIDE], ids=[c[0] for c in WIDE])
async def test_bomless_utf16_and_utf32_feeds(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig, label: str, codec: str
) -> None:
    body = TEMPLATE.format(label=label, title=TITLE, text=TEXT).encode(codec)
    (item,) = await served(server, client, open_config, body, "application/xml")
    assert (item.title, item.text) == (TITLE, TEXT)


async def test_bomless_utf16le_fixture(server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    (item,) = await served(server, client, open_config, (REALWORLD / "utf16le_nobom.xml").read_bytes(), "text/xml")
    assert item.title == TITLE and item.url == "http://127.0.0.1:1/semnan/1"


async def test_utf8_with_one_bad_byte_stays_utf8(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    body = (REALWORLD / "utf8_one_bad_byte.xml").read_bytes()
    (item,) = await served(server, client, open_config, body, "application/rss+xml; charset=utf-8")
    assert item.title == f"معاون استاندار قم: ۲۵ مدرسه جدید افتتاح می{ZWNJ}شود"
    assert item.text.endswith("ساخ\ufffd") and item.text.count("\ufffd") == 1


WINDOWS_1256 = [
    ("declared", "windows-1256", "text/xml"),
    ("header-only", None, "text/xml; charset=windows-1256"),
    ("undeclared", None, "text/xml"),
    ("latin-label", "iso-8859-1", "text/xml; charset=iso-8859-1"),
]


@pytest.mark.parametrize(("label", "content_type"), [c[1:] for c in WINDOWS_1256], ids=[c[0] for c in WINDOWS_1256])
async def test_windows_1256_feeds(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig, label: str | None, content_type: str
) -> None:
    title, text = "افزايش بارندگي در جيرفت و کهنوج", "مديرکل هواشناسي کرمان گفت: بارندگي 30 درصد بيشتر شده است."
    doc = TEMPLATE.format(label=label or "", title=title, text=text).replace("ی", "ي")  # windows-1256 has Arabic yeh
    if label is None:
        doc = doc.replace(' encoding=""', "")
    (item,) = await served(server, client, open_config, doc.encode("cp1256"), content_type)
    assert (item.title, item.text) == (title, text)


async def test_valid_persian_under_a_windows_1256_label_is_not_mojibake(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    body = TEMPLATE.format(label="windows-1256", title=TITLE, text=TEXT).encode()
    (item,) = await served(server, client, open_config, body, "text/xml; charset=windows-1256")
    assert (item.title, item.text) == (TITLE, TEXT)


# --- links and empty items ---


@pytest.mark.parametrize(
    ("location", "want"),
    [
        ("https://mirror.example.ir/fa/rss/", "https://mirror.example.ir/n/7"),
        ("/fa/rss/all", "http://127.0.0.1:{port}/n/7"),
        ("javascript:alert(1)", "http://127.0.0.1:{port}/n/7"),
    ],
    ids=["absolute", "relative", "unsafe"],
)
async def test_content_location_is_the_base_for_relative_links(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig, location: str, want: str
) -> None:
    body = TEMPLATE.format(label="utf-8", title=TITLE, text=TEXT).replace("https://news.example.ir/n/1", "/n/7")
    (item,) = await served(server, client, open_config, body.encode(), headers={"Content-Location": location})
    assert item.url == want.format(port=server.port)


# --- the giant title (R1) ---


async def test_a_100000_character_title_makes_a_short_card(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    giant = " ".join(["افزایش&nbsp;<b>بارش</b>"] * 12_500)  # 100,000+ characters of title
    body = TEMPLATE.format(label="utf-8", title=giant, text=TEXT).encode()
    (item,) = await served(server, client, open_config, body)
    assert item.title is not None and len(item.title) == len("افزایش بارش ") * 12_500 - 1
    digest = extract(to_article(replace(item, title=item.title)))
    parts = render_card(digest)
    assert len(parts) == 1 and len(parts[0]) < 1_000
    headline = parts[0].split("</b>")[0].removeprefix("<b>")
    assert headline.endswith("…") and 250 <= len(headline) <= 300
    assert item.title[len(headline) - 1] == " "  # cut at a word


# --- a sources file of real shapes, polled ---


async def test_realworld_sources_file_polls_clean(client: httpx.AsyncClient, open_config: FetchConfig) -> None:
    sources = load_sources(REALWORLD / "sources.toml")
    items = await poll(client, open_config, *sources)
    assert {i.source_id for i in items} == {s.id for s in sources}
    assert len(items) == 5
    for item in items:
        digest = extract(to_article(item))
        assert digest.headline
        assert_clean(item, digest)
        assert len(render_card(digest)) == 1
