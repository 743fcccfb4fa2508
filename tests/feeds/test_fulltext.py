from __future__ import annotations

import httpx
import pytest

from feeds.fetch import FetchConfig, build_client
from feeds.fulltext import FulltextConfig, fetch_fulltext, fetch_page, is_teaser, plain_length
from tests.feeds.conftest import UA
from tests.feedserver import FeedServer

CFG = FulltextConfig()


def test_teaser_detection_uses_visible_text() -> None:
    assert is_teaser("<p>رئیس دانشگاه علوم پزشکی ایلام از اعزام ۲۰ تیم پزشکی خبر داد.</p>", CFG)
    assert not is_teaser("<p>" + "متن کامل خبر " * 60 + "</p>", CFG)
    assert plain_length("<p>الف &amp; ب</p>") == len("الف & ب")


async def test_article_page_main_text_without_boilerplate(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/article/ilam-1.html", "article_ilam.html", content_type="text/html; charset=utf-8")
    got = await fetch_fulltext(client, server.url("/article/ilam-1.html"), open_config, CFG)
    assert got.error is None and got.text is not None
    assert "دهلران، آبدانان و دره‌شهر" in got.text and "۱۲ هزار نفر" in got.text
    assert "پربازدیدترین" not in got.text and "کلیه حقوق" not in got.text
    assert "text/html" in server.requests[-1].headers["Accept"]


@pytest.mark.parametrize(
    ("route", "body", "content_type"),
    [
        ("/gone", None, None),
        ("/image.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40, "image/jpeg"),
        ("/empty", "<html><body><nav>خانه</nav></body></html>".encode(), "text/html"),
    ],
    ids=["404", "binary", "no-main-text"],
)
async def test_failures_are_values(
    server: FeedServer,
    client: httpx.AsyncClient,
    open_config: FetchConfig,
    route: str,
    body: bytes | None,
    content_type: str | None,
) -> None:
    if body is not None and content_type is not None:
        server.bytes(route, body, content_type)
    got = await fetch_fulltext(client, server.url(route), open_config, CFG)
    assert got.text is None and got.error


async def test_article_fetch_goes_through_the_ssrf_guard(server: FeedServer) -> None:
    server.file("/article/ilam-1.html", "article_ilam.html", content_type="text/html")
    guarded = FetchConfig(user_agent=UA)
    async with build_client(guarded) as c:
        got = await fetch_fulltext(c, server.url("/article/ilam-1.html"), guarded, CFG)
    assert got.text is None and got.error is not None and got.error.startswith("ssrf:")
    assert server.hits("/article/ilam-1.html") == 0


async def test_fulltext_carries_the_page_it_read(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.file("/fa/news/3012345", "page_province_menu.html", content_type="text/html; charset=utf-8")
    got = await fetch_fulltext(client, server.url("/fa/news/3012345"), open_config, CFG)
    assert got.text is not None and got.page is not None
    assert got.page.title == "اعزام ۲۰ تیم پزشکی به مناطق سیل\u200cزده ایلام"
    assert "کرمانشاه" not in got.text and "اینستاگرام" not in got.text and "تبریز" not in got.text


async def test_fetch_page_refuses_binary_by_content(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/doc", b"%PDF-1.7\n" + bytes(range(256)) * 8, "text/html")  # a PDF served as HTML
    got = await fetch_page(client, server.url("/doc"), open_config, 1 << 20)
    assert got.page is None and got.error == "page: a PDF document, not text"
