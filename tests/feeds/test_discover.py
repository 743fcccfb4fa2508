"""Feed discovery over real HTTP (the local feed server): home pages → feeds, bounded, SSRF-guarded."""

from __future__ import annotations

import time
from dataclasses import replace

import httpx
import pytest

from feeds.discover import (
    MAX_REQUESTS,
    DiscoverError,
    DiscoverErrorKind,
    FeedKind,
    Found,
    best,
    discover,
)
from feeds.fetch import FetchConfig, build_client
from tests.feeds.conftest import UA, rss
from tests.feeds.test_ssrf import Dialer, resolver
from tests.feedserver import FeedServer

HTML = "text/html; charset=utf-8"


def page(head: str = "", body: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>خبرگزاری نمونه</title>{head}'
        f'</head><body><nav><a href="/">صفحه اصلی</a> <a href="/about">درباره ما</a></nav>{body}</body></html>'
    ).encode()


def items(n: int) -> list[dict[str, str]]:
    return [{"title": f"خبر {i}", "guid": f"g{i}"} for i in range(n)]


async def test_link_alternate_with_a_relative_href(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    head = '<link rel="alternate" type="application/rss+xml" title="همه اخبار" href="rss/allnews">'
    server.bytes("/fa/", page(head), content_type=HTML)
    server.bytes("/fa/rss/allnews", rss(*items(3), title="خبرگزاری نمونه - همه"))
    got = await discover(client, server.url("/fa/"), open_config)
    (c,) = got
    assert c.url == server.url("/fa/rss/allnews")  # resolved against the page's directory
    assert (c.kind, c.entries, c.found, c.valid, c.title) == (FeedKind.RSS, 3, Found.LINK, True, "خبرگزاری نمونه - همه")
    assert server.hits("/about") == 0 and server.hits("/feed/") == 0  # no guessing when the page names a feed


async def test_base_href_and_content_location_are_the_base(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    atom = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title><id>x</id></entry></feed>'
    server.bytes("/index", page('<link rel="alternate" type="application/atom+xml" href="atom.xml">'),
                 content_type=HTML, headers={"Content-Location": "/site/"})  # fmt: skip
    server.bytes("/site/atom.xml", atom, content_type="application/atom+xml")
    server.bytes("/b/", page('<base href="/news/"><link rel="alternate" type="application/rss+xml" href="f.rss">'),
                 content_type=HTML)  # fmt: skip
    server.bytes("/news/f.rss", rss(*items(1)))
    (by_location,) = await discover(client, server.url("/index"), open_config)
    assert by_location.url == server.url("/site/atom.xml") and by_location.kind is FeedKind.ATOM
    (by_base,) = await discover(client, server.url("/b/"), open_config)
    assert by_base.url == server.url("/news/f.rss") and by_base.valid


async def test_only_an_anchor_named_khorak(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    body = '<footer><a href="/services/17">تماس</a> <a href="/rssb5.-er48r6--4qhfle2m.puirug.r.xml">خوراک</a></footer>'
    server.bytes("/", page(body=body), content_type=HTML)
    server.bytes("/rssb5.-er48r6--4qhfle2m.puirug.r.xml", rss(*items(2)), content_type="text/xml")
    got = await discover(client, server.url("/"), open_config)
    assert [(c.url, c.found, c.entries) for c in got] == [
        (server.url("/rssb5.-er48r6--4qhfle2m.puirug.r.xml"), Found.ANCHOR, 2)
    ]
    assert server.hits("/services/17") == 0 and server.hits("/about") == 0


async def test_anchor_text_rss_in_persian_letters(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/", page(body='<a href="/fa/services/9">آر‌اس‌اس</a>'), content_type=HTML)
    server.bytes("/fa/services/9", rss(*items(1)))
    (c,) = await discover(client, server.url("/"), open_config)
    assert c.url == server.url("/fa/services/9") and c.valid and c.title == "خبرگزاری آزمایشی"


async def test_a_feed_list_page_is_read_one_level_deep(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    """Iranian CMSs link «آر اس اس» to an HTML page listing each service's feed (`/fa/rss/<n>`)."""
    server.bytes("/", page(body='<a href="/fa/rss">آر اس اس</a>'), content_type=HTML)
    listing = '<a href="/fa/rss/1">سیاسی</a> <a href="/fa/rss/2">اجتماعی</a> <a href="/fa/rss">آر اس اس</a>'
    server.bytes("/fa/rss", page(body=listing), content_type=HTML)
    server.bytes("/fa/rss/1", rss(*items(2), title="سیاسی"))
    server.bytes("/fa/rss/2", rss(*items(5), title="اجتماعی"))
    got = await discover(client, server.url("/"), open_config)
    assert [(c.url, c.found, c.entries) for c in got] == [
        (server.url("/fa/rss/2"), Found.LISTED, 5),
        (server.url("/fa/rss/1"), Found.LISTED, 2),
    ]
    assert server.hits("/fa/rss") == 1 and server.hits("/feed/") == 0


async def test_a_well_known_path_that_lists_feeds(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/", page(body="<p>خبرها</p>"), content_type=HTML)
    server.bytes("/rss", page(body='<a href="/rss/tp/19">استان‌ها</a>'), content_type=HTML)
    server.bytes("/rss/tp/19", rss(*items(3)))
    got = await discover(client, server.url("/"), open_config)
    assert [(c.url, c.found) for c in got] == [(server.url("/rss/tp/19"), Found.LISTED)]


async def test_nothing_on_the_page_but_a_working_well_known_path(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/", page(body="<p>خبرها</p>"), content_type=HTML)
    server.bytes("/fa/rss/allnews", rss(*items(4)))
    got = await discover(client, server.url("/"), open_config)
    assert [(c.url, c.found, c.entries) for c in got] == [(server.url("/fa/rss/allnews"), Found.WELL_KNOWN, 4)]
    assert [r.path for r in server.requests] == ["/", "/feed/", "/rss", "/rss.xml", "/fa/rss/allnews", "/feeds/"]


async def test_a_candidate_that_is_html_is_rejected(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    head = '<link rel="alternate" type="application/rss+xml" href="/rss">'
    server.bytes("/", page(head, body='<a href="/rss">RSS</a>'), content_type=HTML)
    server.bytes("/rss", page(body="<ul><li>سیاسی</li></ul>"), content_type=HTML)  # an HTML list of feeds
    with pytest.raises(DiscoverError) as err:
        await discover(client, server.url("/"), open_config)
    assert err.value.kind is DiscoverErrorKind.NOTHING and "no RSS/Atom feed" in str(err.value)
    assert server.hits("/rss") == 1  # checked once (link and anchor are one lead), not guessed again


async def test_the_page_after_a_redirect_is_the_base(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.redirect("/old", "/fa/index.html", status=301)
    server.bytes("/fa/index.html", page('<link rel="alternate" type="application/rss+xml" href="rss/tp/5">'),
                 content_type=HTML)  # fmt: skip
    server.bytes("/fa/rss/tp/5", rss(*items(2)))
    (c,) = await discover(client, server.url("/old"), open_config)
    assert c.url == server.url("/fa/rss/tp/5") and c.entries == 2


async def test_a_feed_url_is_its_own_answer(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/rss/tp/12", rss(*items(5)))
    got = await discover(client, server.url("/rss/tp/12"), open_config)
    assert [(c.found, c.entries, c.valid) for c in got] == [(Found.DIRECT, 5, True)]
    assert len(server.requests) == 1


async def test_ranked_validated_first_then_by_entries(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    head = (
        '<link rel="alternate" type="application/feed+json" href="/feed.json">'
        '<link rel="alternate" type="application/rss+xml" href="/small">'
        '<link rel="alternate" type="application/rss+xml" href="/big">'
    )
    server.bytes("/", page(head), content_type=HTML)
    server.bytes("/feed.json", b'{"version": "https://jsonfeed.org/version/1.1", "title": "j", "items": []}',
                 content_type="application/feed+json")  # fmt: skip
    server.bytes("/small", rss(*items(1)))
    server.bytes("/big", rss(*items(6)))
    got = await discover(client, server.url("/"), open_config)
    assert [(c.url.rsplit("/", 1)[1], c.valid, c.entries) for c in got] == [
        ("big", True, 6),
        ("small", True, 1),
        ("feed.json", False, 0),
    ]
    assert got[2].kind is FeedKind.JSON and "RSS/Atom only" in (got[2].problem or "")
    assert best(got) == got[0]


async def test_the_request_bound_is_respected(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    body = "".join(f'<a href="/rss/tp/{i}">RSS {i}</a>' for i in range(12))
    server.bytes("/", page(body=body), content_type=HTML)
    for i in range(12):
        server.bytes(f"/rss/tp/{i}", rss(*items(1)))
    got = await discover(client, server.url("/"), open_config)
    assert len(server.requests) == MAX_REQUESTS
    assert sum(c.valid for c in got) == MAX_REQUESTS - 1
    unchecked = [c for c in got if not c.valid]
    assert len(unchecked) == 12 - (MAX_REQUESTS - 1) and all("budget" in (c.problem or "") for c in unchecked)


async def test_the_time_budget_is_respected(server: FeedServer, open_config: FetchConfig) -> None:
    server.bytes("/", page('<link rel="alternate" type="application/rss+xml" href="/slow">'), content_type=HTML)
    server.slow("/slow", delay=5.0)
    async with build_client(open_config) as client:
        started = time.monotonic()
        got = await discover(client, server.url("/"), open_config, budget=1.5)
        elapsed = time.monotonic() - started
    assert elapsed < 2.5
    assert [(c.valid, c.found) for c in got] == [(False, Found.LINK)] and "fetch:" in (got[0].problem or "")


async def test_a_private_address_is_refused_when_not_allowed(server: FeedServer) -> None:
    server.bytes("/", page(), content_type=HTML)
    strict = FetchConfig(user_agent=UA, connect_timeout=2, read_timeout=2, total_timeout=5)
    async with build_client(strict) as client:
        with pytest.raises(DiscoverError) as err:
            await discover(client, server.url("/"), strict)
    assert err.value.kind is DiscoverErrorKind.REFUSED and str(err.value).startswith("ssrf:")
    assert "KHABAR_ALLOW_PRIVATE_URLS" in str(err.value)
    assert not server.requests


async def test_every_candidate_is_rechecked_by_the_guard(server: FeedServer) -> None:
    """A public page naming a loopback feed: the page is read, the feed is never dialled."""
    server.bytes("/", page(f'<link rel="alternate" type="application/rss+xml" href="{server.url("/private.xml")}">'),
                 content_type=HTML)  # fmt: skip
    server.bytes("/private.xml", rss(*items(1)))
    strict = FetchConfig(user_agent=UA, connect_timeout=2, read_timeout=2, total_timeout=5)
    dialer = Dialer(server.port)
    async with build_client(strict, resolve=resolver({"news.test": ["93.184.216.34"]}), connect=dialer) as client:
        with pytest.raises(DiscoverError) as err:
            await discover(client, f"http://news.test:{server.port}/", strict)
    assert err.value.kind is DiscoverErrorKind.NOTHING
    assert "127.0.0.1" not in dialer.dialled and server.hits("/private.xml") == 0
    assert server.hits("/") == 1 and server.hits("/feed/") == 1  # the guesses went to the public host only


@pytest.mark.parametrize(
    "url", ["ftp://example.ir/", "file:///etc/passwd", "javascript:alert(1)", "example.ir"], ids=str
)
async def test_not_http_is_refused_before_any_request(
    client: httpx.AsyncClient, open_config: FetchConfig, url: str
) -> None:
    with pytest.raises(DiscoverError) as err:
        await discover(client, url, open_config)
    assert err.value.kind is DiscoverErrorKind.REFUSED and "\n" not in str(err.value)


async def test_a_body_that_is_neither_page_nor_feed(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    server.bytes("/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
    with pytest.raises(DiscoverError) as err:
        await discover(client, server.url("/logo.png"), open_config)
    assert err.value.kind is DiscoverErrorKind.NOT_HTML and "image/png" in str(err.value)


async def test_a_page_that_does_not_answer_is_a_fetch_error(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    with pytest.raises(DiscoverError) as err:
        await discover(client, server.url("/missing"), open_config)
    assert err.value.kind is DiscoverErrorKind.FETCH and "404" in str(err.value)
    assert len(server.requests) == 1


async def test_candidates_follow_few_redirects(server: FeedServer, open_config: FetchConfig) -> None:
    server.bytes("/", page('<link rel="alternate" type="application/rss+xml" href="/r0">'), content_type=HTML)
    for i in range(6):
        server.redirect(f"/r{i}", f"/r{i + 1}")
    server.bytes("/r6", rss(*items(1)))
    config = replace(open_config, max_redirects=10)
    async with build_client(config) as client:
        with pytest.raises(DiscoverError):
            await discover(client, server.url("/"), config)
    assert server.hits("/r4") == 0  # three redirects at most for a candidate (r0→r1→r2→r3)


async def test_one_feed_reached_by_several_links_is_listed_once(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    body = '<a href="/rss">RSS</a> <a href="/fa/rss">خوراک</a> <a href="/feed.xml">Feed</a>'
    server.bytes("/", page(body=body), content_type=HTML)
    server.redirect("/rss", "/feed.xml", status=301)
    server.redirect("/fa/rss", "/feed.xml", status=301)
    server.bytes("/feed.xml", rss(*items(2)))
    got = await discover(client, server.url("/"), open_config)
    assert [c.url for c in got] == [server.url("/feed.xml")]


async def test_an_xhtml_page_with_an_xml_declaration(
    server: FeedServer, client: httpx.AsyncClient, open_config: FetchConfig
) -> None:
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<link rel="alternate" type="application/rss+xml" href="/rss.aspx"/></head><body/></html>'
    )
    server.bytes("/", xhtml.encode(), content_type="application/xhtml+xml")
    server.bytes("/rss.aspx", rss(*items(1)))
    (c,) = await discover(client, server.url("/"), open_config)
    assert (c.url, c.found) == (server.url("/rss.aspx"), Found.LINK)
