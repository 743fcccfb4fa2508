"""Discover: a site's home page → the feeds it offers. Imports nothing of ours but feeds.*.

`discover(client, url, config) -> list[FeedCandidate]`, as feed readers do for subscriptions
(Miniflux's subscription finder): users know an outlet's home page, not its feed URL.

1. The URL is fetched through `feeds.fetch` (the SSRF-guarded client; redirects re-checked). If the
   body is itself a feed, that is the answer.
2. Otherwise the HTML is read (lxml) for `<link rel="alternate">` of the feed types (hrefs resolved
   against `<base href>`, itself against Content-Location or the final URL), then for `<a>` links whose
   href or text names RSS/Atom/feed/خوراک/آر اس اس.
3. Only when the page names no feed that validates, a short list of well-known paths is tried
   (`WELL_KNOWN`, at the site's root).
4. A link or common path that answers with a web page instead of a feed (Iranian CMSs' `/rss` page
   listing every service's feed) is read the same way, one level deep, for the feeds it lists.

Every candidate is fetched through the same guarded fetch (so every URL is re-checked by the SSRF
guard) and validated by `feeds.parse.parse_feed`: it counts only when its root element is a feed
(`<rss>`, `<feed>`, `<rdf:RDF>`) and feedparser reads it. A candidate that answers with anything else
(an HTML page, a 404) is dropped; one that was not checked (request or time budget spent, a timeout,
a 5xx, a JSON Feed, which khabar does not poll) is kept, unvalidated, with the reason. The work is
bounded: at most `max_requests` fetches in all (the page included; candidates follow at most
`CANDIDATE_REDIRECTS` redirects each) and `budget` seconds.

Results are ranked: validated first, more entries first, then the order found. Bad input raises
`DiscoverError` with a kind and a one-line message starting with "discover:" (or the guard's "ssrf:").
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
import lxml.etree  # type: ignore[import-untyped]  # lxml ships no type stubs
import lxml.html  # type: ignore[import-untyped]

from feeds import charset
from feeds.fetch import ErrorKind, FetchConfig, FetchResult, fetch
from feeds.parse import parse_feed
from feeds.ssrf import check_scheme

MAX_REQUESTS = 8
BUDGET_SECONDS = 30.0
CANDIDATE_REDIRECTS = 3
MAX_LEADS = 20  # links taken from one page, at most (those past the request budget are listed unchecked)
MIN_FETCH_SECONDS = 0.5  # a fetch is not started with less time than this left in the budget
WELL_KNOWN = ("/feed/", "/rss", "/rss.xml", "/fa/rss/allnews", "/feeds/")
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/feed+json;q=0.9, application/xml;q=0.8, */*;q=0.5"
)
FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/rdf+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
}
# Words that name a feed in a link's href or text: Latin, and Persian «خوراک», «آر اس اس» (any spacing/ZWNJ).
_FEED_WORDS = re.compile(r"rss|\batom\b|\bfeeds?\b|خوراک|آر[\s\u200c]*اس[\s\u200c]*اس", re.I)
_FEED_PATH = re.compile(r"rss|atom|feed|\.xml\b", re.I)
_PROLOG = re.compile(r"^(?:\ufeff|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(rss|feed|RDF)\b")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HEAD_CHARS = 4096
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}?\?>", re.I)  # XHTML pages open with one
HtmlElement = Any  # lxml.html.HtmlElement


class FeedKind(StrEnum):
    RSS = "rss"
    ATOM = "atom"
    JSON = "json"


class Found(StrEnum):
    """How a candidate was found."""

    DIRECT = "direct"  # the URL given is itself a feed
    LINK = "link"  # <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">
    ANCHOR = "anchor"  # <a> whose href or text names a feed
    WELL_KNOWN = "well-known"  # a common feed path at the site's root
    LISTED = "listed"  # on a page of feed links (`/rss`, «خوراک‌ها») that a link or a common path led to


@dataclass(frozen=True, slots=True)
class FeedCandidate:
    url: str
    title: str | None  # the feed's own title (else the link's title attribute or text)
    kind: FeedKind
    entries: int  # items seen when validated; 0 when not validated
    found: Found
    valid: bool  # fetched and parsed by feeds.parse as an RSS/Atom feed
    problem: str | None = None  # why it is not validated


class DiscoverErrorKind(StrEnum):
    REFUSED = "refused"  # not http(s), malformed, or a private address (SSRF guard)
    FETCH = "fetch"  # the page could not be fetched (HTTP error, timeout, too large…)
    NOT_HTML = "not_html"  # the body is neither a web page nor a feed
    NOTHING = "nothing"  # no feed found


class DiscoverError(Exception):
    """Discovery failed; `str()` is one line, `kind` says why."""

    def __init__(self, kind: DiscoverErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class _Lead:
    """A URL worth checking, before it is fetched."""

    url: str
    kind: FeedKind | None  # as the link declared it
    hint: str | None  # the link's title attribute or text
    found: Found


class _Budget:
    """At most `requests` fetches and `seconds` of wall time."""

    def __init__(self, requests: int, seconds: float) -> None:
        self.left = requests
        self.deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def take(self) -> float | None:
        """Seconds the next fetch may take, or None when the budget is spent."""
        if self.left <= 0 or self.remaining() < MIN_FETCH_SECONDS:
            return None
        self.left -= 1
        return self.remaining()


async def discover(
    client: httpx.AsyncClient,
    url: str,
    config: FetchConfig,
    *,
    max_requests: int = MAX_REQUESTS,
    budget: float = BUDGET_SECONDS,
    now: datetime | None = None,
) -> list[FeedCandidate]:
    """The feeds `url` offers, best first. Raises DiscoverError for bad input or when none is found."""
    url = url.strip()
    why = check_scheme(url)
    if why is not None:
        raise DiscoverError(DiscoverErrorKind.REFUSED, why)
    now = now or datetime.now(UTC)
    spend = _Budget(max(1, max_requests), budget)
    page = await _get(client, url, config, spend, redirects=config.max_redirects)
    if page is None or page.error is not None:
        raise _page_error(url, page, budget)
    direct = await _as_feed(page, Found.DIRECT, None, now)
    if direct is not None:
        return [direct]
    text = charset.decode(page.body, page.content_type).text
    if not _looks_html(page.content_type, text):
        raise DiscoverError(
            DiscoverErrorKind.NOT_HTML,
            f"discover: {page.url} is neither a web page nor a feed ({page.content_type or 'no content type'})",
        )
    search = _Search(client, config, spend, now, tried={url, page.url})
    found = await search.check(page_leads(text, page.base_url))
    if not any(c.valid for c in found):
        found += await search.check(well_known_leads(page.url))
    if not found:
        raise DiscoverError(DiscoverErrorKind.NOTHING, f"discover: no RSS/Atom feed found on {page.url}")
    return rank(found)


def rank(candidates: list[FeedCandidate]) -> list[FeedCandidate]:
    """Validated first, then more entries first; otherwise the order found (stable sort)."""
    return sorted(candidates, key=lambda c: (not c.valid, -c.entries))


def best(candidates: list[FeedCandidate]) -> FeedCandidate | None:
    """The best validated candidate, if any."""
    return next((c for c in rank(candidates) if c.valid), None)


# --- fetching and validating ---------------------------------------------------------------------------------


async def _get(
    client: httpx.AsyncClient, url: str, config: FetchConfig, spend: _Budget, *, redirects: int
) -> FetchResult | None:
    """One fetch within the budget; None when the budget is spent."""
    seconds = spend.take()
    if seconds is None:
        return None
    limited = replace(config, total_timeout=min(config.total_timeout, seconds), max_redirects=redirects)
    return await fetch(client, url, limited, accept=ACCEPT)


def _page_error(url: str, page: FetchResult | None, budget: float) -> DiscoverError:
    if page is None:
        return DiscoverError(DiscoverErrorKind.FETCH, f"discover: no time left to fetch {url} ({budget:g}s budget)")
    assert page.error is not None
    if page.error.kind in (ErrorKind.BLOCKED, ErrorKind.INVALID_URL):
        return DiscoverError(DiscoverErrorKind.REFUSED, str(page.error))
    return DiscoverError(DiscoverErrorKind.FETCH, f"discover: cannot fetch {url}: {page.error}")


class _Search:
    """Checks leads in order within one budget; each URL at most once."""

    def __init__(
        self, client: httpx.AsyncClient, config: FetchConfig, spend: _Budget, now: datetime, tried: set[str]
    ) -> None:
        self._client = client
        self._config = replace(config, max_redirects=min(config.max_redirects, CANDIDATE_REDIRECTS))
        self._spend = spend
        self._now = now
        self._tried = tried

    async def check(self, leads: list[_Lead]) -> list[FeedCandidate]:
        """Fetch and validate each lead; a feed-list page a link led to adds its feed links (one level)."""
        queue = self._fresh(leads, MAX_LEADS)
        out: list[FeedCandidate] = []
        for lead in queue:  # grows while iterating, up to MAX_LEADS
            result = await _get(self._client, lead.url, self._config, self._spend, redirects=self._config.max_redirects)
            candidate = await _judge(lead, result, self._now)
            if candidate is not None:
                if candidate.url not in self._tried or candidate.url == lead.url:  # not a feed seen by another URL
                    self._tried.add(candidate.url)
                    out.append(candidate)
            elif result is not None and lead.found in (Found.ANCHOR, Found.WELL_KNOWN):
                queue += self._fresh(_listed(result), MAX_LEADS - len(queue))
        return out

    def _fresh(self, leads: list[_Lead], room: int) -> list[_Lead]:
        """The leads not tried yet (first mention wins), at most `room`; they count as tried from now."""
        out: list[_Lead] = []
        for lead in leads:
            if len(out) >= room:
                break
            if lead.url not in self._tried:
                self._tried.add(lead.url)
                out.append(lead)
        return out


def _listed(result: FetchResult) -> list[_Lead]:
    """The feed links of a page that answered in place of a feed (a site's list of its feeds)."""
    if result.error is not None:
        return []
    text = charset.decode(result.body, result.content_type).text
    if not _looks_html(result.content_type, text):
        return []
    return [replace(lead, found=Found.LISTED) for lead in page_leads(text, result.base_url)]


async def _judge(lead: _Lead, result: FetchResult | None, now: datetime) -> FeedCandidate | None:
    """The lead as a candidate: validated, kept unvalidated (not checked), or None (not a feed)."""
    if result is None:  # a guess is not worth mentioning unchecked
        return None if lead.found is Found.WELL_KNOWN else _unchecked(lead, "not checked: discovery budget spent")
    if result.error is not None:
        transient = result.error.kind in (ErrorKind.TIMEOUT, ErrorKind.CONNECT, ErrorKind.RATE_LIMITED) or (
            result.status is not None and result.status >= 500
        )
        return _unchecked(lead, str(result.error)) if transient and lead.found is not Found.WELL_KNOWN else None
    return await _as_feed(result, lead.found, lead.hint, now)


def _unchecked(lead: _Lead, problem: str) -> FeedCandidate:
    return FeedCandidate(lead.url, lead.hint, lead.kind or FeedKind.RSS, 0, lead.found, False, problem)


async def _as_feed(result: FetchResult, found: Found, hint: str | None, now: datetime) -> FeedCandidate | None:
    """A candidate when the body is a feed (RSS/Atom validated by feeds.parse; JSON Feed recognised)."""
    head = charset.decode(result.body[: _HEAD_CHARS * 4], result.content_type).text[:_HEAD_CHARS]
    root = _feed_root(head)
    if root is None:
        return _json_feed(result, found, hint)
    parsed = await parse_feed(result.body, result.base_url, result.content_type, now)
    if parsed.error is not None:
        return None
    kind = FeedKind.ATOM if root == "feed" or parsed.version.startswith("atom") else FeedKind.RSS
    return FeedCandidate(result.url, parsed.title or hint, kind, len(parsed.entries), found, True)


def _feed_root(head: str) -> str | None:
    """`rss`, `feed` or `RDF` when the document's root element is a feed's, else None."""
    rest = head[_PROLOG.match(head).end() :]  # type: ignore[union-attr]  # the pattern matches empty text
    m = _FEED_ROOT.match(rest)
    return m.group(1) if m else None


def _json_feed(result: FetchResult, found: Found, hint: str | None) -> FeedCandidate | None:
    """A JSON Feed (jsonfeed.org) is recognised but not validated: khabar polls RSS/Atom only."""
    if result.body.lstrip()[:1] != b"{":
        return None
    try:
        doc = json.loads(result.body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or "jsonfeed.org/version" not in str(doc.get("version", "")):
        return None
    items = doc.get("items")
    title = doc.get("title") if isinstance(doc.get("title"), str) else hint
    count = len(items) if isinstance(items, list) else 0
    problem = f"JSON Feed with {count} items: khabar polls RSS/Atom only"
    return FeedCandidate(result.url, title, FeedKind.JSON, 0, found, False, problem)


# --- reading the page ----------------------------------------------------------------------------------------


def _looks_html(content_type: str | None, text: str) -> bool:
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    return mime in ("text/html", "application/xhtml+xml") or bool(_HTML_START.search(text[:_HEAD_CHARS]))


def page_leads(html: str, base_url: str) -> list[_Lead]:
    """Feed URLs the page names: `<link rel=alternate>` of feed types first, then `<a>` naming a feed."""
    try:
        doc = lxml.html.document_fromstring(_XML_DECL.sub("", html, count=1))  # lxml refuses str with one
    except (ValueError, TypeError, RecursionError, lxml.etree.ParserError):  # empty, undecodable or hostile markup
        return []
    base = _base(doc, base_url)
    links = [lead for el in doc.iter("link") if (lead := _link_lead(el, base)) is not None]
    anchors = [lead for el in doc.iter("a") if (lead := _anchor_lead(el, base)) is not None]
    anchors.sort(key=lambda lead: not _FEED_PATH.search(urlsplit(lead.url).path + "?" + urlsplit(lead.url).query))
    return (links + anchors)[:MAX_LEADS]


def _base(doc: HtmlElement, base_url: str) -> str:
    for el in doc.iter("base"):
        href = (el.get("href") or "").strip()
        if href:
            joined = _resolve(base_url, href)
            return joined or base_url
    return base_url


def _resolve(base: str, href: str) -> str | None:
    """`href` made absolute against `base`; None unless it is http(s) (feed:// taken as http)."""
    href = href.strip()
    if href.lower().startswith("feed:"):
        rest = href[5:]
        href = rest if rest.lower().startswith(("http://", "https://")) else "http:" + rest
    try:
        url = urldefrag(urljoin(base, href)).url
    except ValueError:
        return None
    return url if check_scheme(url) is None else None


def _link_lead(el: HtmlElement, base: str) -> _Lead | None:
    rels = (el.get("rel") or "").lower().split()
    kind = FEED_TYPES.get((el.get("type") or "").split(";", 1)[0].strip().lower())
    if "alternate" not in rels or kind is None:
        return None
    url = _resolve(base, el.get("href") or "")
    if url is None:
        return None
    return _Lead(url, FeedKind(kind), _clean(el.get("title")), Found.LINK)


def _anchor_lead(el: HtmlElement, base: str) -> _Lead | None:
    href = el.get("href") or ""
    text = _clean(el.text_content())
    label = " ".join(x for x in (text, _clean(el.get("title"))) if x)
    if not href.strip() or not (_FEED_WORDS.search(href) or _FEED_WORDS.search(label)):
        return None
    url = _resolve(base, href)
    if url is None:
        return None
    return _Lead(url, None, text, Found.ANCHOR)


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text[:200] or None


def well_known_leads(page_url: str) -> list[_Lead]:
    """The common feed paths at the root of the page's site."""
    parts = urlsplit(page_url)
    root = f"{parts.scheme}://{parts.netloc}"
    return [_Lead(root + path, None, None, Found.WELL_KNOWN) for path in WELL_KNOWN]
