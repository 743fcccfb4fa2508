"""Full text: when a feed carries only a teaser, fetch the article page and extract its main text.

Imports nothing of ours but feeds.*. The page is fetched with `feeds.fetch.fetch` (same client, same
SSRF guard, timeouts and size cap; never file://), decoded by `feeds.charset`, and its main text is
extracted by trafilatura in a worker thread. Expected failures come back as values; the caller then
keeps the teaser.
"""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import dataclass, replace

import httpx

from feeds import charset
from feeds.fetch import HTML_ACCEPT, FetchConfig, fetch

_TAG = re.compile(r"<[^>]+>")
# trafilatura drops non-printable characters, among them the zero-width non-joiner that Persian
# spelling needs (می‌شود, شهرستان‌ها). It is swapped for a printable stand-in and back.
ZWNJ = "\u200c"
_STANDIN = "\u2e3b"
_ZWNJ_FORMS = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.I)
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


def plain_length(markup: str) -> int:
    """Length of the visible text of an HTML fragment (cheap; for the teaser test only)."""
    return len(_SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip())


def is_teaser(markup: str, config: FulltextConfig) -> bool:
    return plain_length(markup) < config.teaser_chars


async def fetch_fulltext(
    client: httpx.AsyncClient, url: str, fetch_config: FetchConfig, config: FulltextConfig
) -> FulltextResult:
    page_config = replace(fetch_config, max_body_bytes=min(fetch_config.max_body_bytes, config.max_page_bytes))
    result = await fetch(client, url, page_config, accept=HTML_ACCEPT, allow_file=False)
    if result.error is not None:
        return FulltextResult(None, str(result.error), result.status)
    decoded = charset.decode(result.body, result.content_type)
    text = await asyncio.to_thread(extract_main_text, decoded.text, result.url)
    if text is None or len(text) < config.min_text_chars:
        return FulltextResult(None, "fulltext: no main text found on the page", result.status)
    return FulltextResult(text[: config.max_text_chars], None, result.status)


def extract_main_text(page: str, url: str | None = None) -> str | None:
    """trafilatura's main-text extraction (imported lazily: it is slow to import)."""
    import trafilatura

    shielded = _ZWNJ_FORMS.sub(_STANDIN, page)
    try:
        text = trafilatura.extract(
            shielded, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
    except (ValueError, TypeError, RecursionError):  # trafilatura/lxml on hostile markup
        return None
    if not isinstance(text, str) or not text.strip():
        return None
    return text.strip().replace(_STANDIN, ZWNJ)
