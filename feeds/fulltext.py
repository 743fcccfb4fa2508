"""Full text: when a feed carries only a teaser, fetch the article page and read its main text.

Imports nothing of ours but feeds.*. `fetch_page` fetches a page with `feeds.fetch.fetch` (same
client, same SSRF guard, timeouts and size cap; never file://), refuses binary bodies and reads the
page with `feeds.page.read_page` (trafilatura, once, in a worker thread). `fetch_fulltext` keeps the
main text when trafilatura found enough of it. Expected failures come back as values; the caller then
keeps the teaser. `khabar digest URL` uses `fetch_page` too.
"""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import dataclass, replace

import httpx

from feeds.fetch import HTML_ACCEPT, FetchConfig, fetch
from feeds.page import Extractor, Page, binary_reason, read_page

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FulltextConfig:
    teaser_chars: int = 400  # feed text shorter than this (as plain text) is a teaser
    max_page_bytes: int = 2 * 1024 * 1024
    min_text_chars: int = 200  # an extraction shorter than this is not better than the teaser
    max_text_chars: int = 20_000


@dataclass(frozen=True, slots=True)
class FulltextResult:
    text: str | None  # the article's main text (plain, paragraphs separated by newlines)
    error: str | None = None
    status: int | None = None
    page: Page | None = None  # the page as read (title, time, canonical URL), when one was read


@dataclass(frozen=True, slots=True)
class PageResult:
    page: Page | None
    error: str | None = None
    status: int | None = None
    url: str | None = None  # the final URL after redirects


def plain_length(markup: str) -> int:
    """Length of the visible text of an HTML fragment (cheap; for the teaser test only)."""
    return len(_SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip())


def is_teaser(markup: str, config: FulltextConfig) -> bool:
    return plain_length(markup) < config.teaser_chars


async def fetch_page(client: httpx.AsyncClient, url: str, fetch_config: FetchConfig, max_bytes: int) -> PageResult:
    """GET an article page through the guarded client and read it once."""
    page_config = replace(fetch_config, max_body_bytes=min(fetch_config.max_body_bytes, max_bytes))
    result = await fetch(client, url, page_config, accept=HTML_ACCEPT, allow_file=False)
    if result.error is not None:
        return PageResult(None, str(result.error), result.status, result.url)
    why = binary_reason(result.body, result.content_type)
    if why is not None:
        return PageResult(None, f"page: {why}", result.status, result.url)
    page = await asyncio.to_thread(read_page, result.body, result.url, result.content_type)
    return PageResult(page, None, result.status, result.url)


async def fetch_fulltext(
    client: httpx.AsyncClient, url: str, fetch_config: FetchConfig, config: FulltextConfig
) -> FulltextResult:
    got = await fetch_page(client, url, fetch_config, config.max_page_bytes)
    if got.page is None:
        return FulltextResult(None, got.error, got.status)
    text = got.page.text if got.page.extractor is Extractor.TRAFILATURA else ""
    if len(text) < config.min_text_chars:
        return FulltextResult(None, "fulltext: no main text found on the page", got.status, got.page)
    return FulltextResult(text[: config.max_text_chars], None, got.status, got.page)
