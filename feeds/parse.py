"""Parse: feed bytes → entries with stable identities and sane dates. Imports nothing of ours but feeds.*.

`parse_feed(body, url, content_type, now) -> ParseResult` runs feedparser in a worker thread
(`parse_feed_sync` is the same thing, synchronous). It never raises for bad input:

- the body is decoded by `feeds.charset` and handed to feedparser as UTF-8, so mislabelled
  windows-1256/UTF-8 feeds parse the same as well-labelled ones;
- a document that declares XML entities (`<!ENTITY`, the billion-laughs and quadratic-blowup
  bombs) is refused before parsing, in one linear scan; feeds do not need entity declarations;
- "bozo" feeds that still yield items (undeclared `content:` namespace, as in IRNA's feeds) are
  accepted, with the reason kept in `.bozo`; documents with no feed in them come back as `.error`;
- titles, summaries and content are plain text, decoded once by `feeds.text` according to the type
  feedparser reports for each (HTML: tags removed, entities decoded; double escaping undone);
- relative links resolve against `url`, which the poller gives as the response's base (its
  Content-Location, else the final URL);
- at most MAX_ENTRIES entries are kept (in document order);
- dates: published, else updated (also Jalali `1402/05/10 14:30` strings), as aware UTC; a date in
  the future is clamped to `now`; a date before 1995 is treated as missing. A missing date stays
  None here: the poller substitutes the first-seen time.
- identities come from `feeds.identity`: a link shared by several entries of one document, or one
  naming only the site's home page, does not identify an item; a guid repeated in one document
  neither.
"""

from __future__ import annotations

import asyncio
import calendar
import io
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

import feedparser

from feeds import charset
from feeds.identity import fallback_key, guid_key, is_site_root, link_key
from feeds.text import to_line, to_text

MAX_ENTRIES = 500
MIN_YEAR = 1995
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}?\?>", re.I)
_ENTITY_DECL = re.compile(r"<!\s*ENTITY", re.I)
_JALALI = re.compile(r"^\s*(1[34]\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:\D+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_TEHRAN = timedelta(hours=3, minutes=30)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


@dataclass(frozen=True, slots=True)
class ParseError:
    kind: str  # "empty", "entities", "not_a_feed", "malformed"
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Entry:
    identities: tuple[str, ...]  # stable keys, most specific first (see feeds.identity)
    guid: str | None
    link: str | None  # absolute URL as published (may contain raw Persian)
    title: str | None  # plain text on one line
    summary: str  # the description as plain text (one line per paragraph), may be empty
    content: str  # the longest full-content element (content:encoded, Atom content) as plain text, may be empty
    published: datetime | None  # aware UTC, never after `now`; None when the feed gives no usable date
    position: int  # 0 = first in the document

    @property
    def key(self) -> str:
        return self.identities[0]


@dataclass(frozen=True, slots=True)
class ParseResult:
    entries: tuple[Entry, ...] = ()
    title: str | None = None
    ttl: int | None = None  # seconds, from RSS <ttl> (minutes)
    version: str = ""
    encoding: str | None = None
    bozo: str | None = None  # why the document is malformed, when it still yielded a feed
    truncated: int = 0  # entries dropped beyond MAX_ENTRIES
    error: ParseError | None = None


async def parse_feed(body: bytes, url: str, content_type: str | None, now: datetime) -> ParseResult:
    """Parse off the event loop (feedparser is synchronous and CPU-bound)."""
    return await asyncio.to_thread(parse_feed_sync, body, url, content_type, now)


def parse_feed_sync(body: bytes, url: str, content_type: str | None, now: datetime) -> ParseResult:
    if not body.strip():
        return ParseResult(error=ParseError("empty", "parse: empty document"))
    decoded = charset.decode(body, content_type)
    if _ENTITY_DECL.search(decoded.text):
        return ParseResult(error=ParseError("entities", "parse: XML entity declarations refused (possible XML bomb)"))
    utf8 = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', decoded.text, count=1).encode("utf-8")
    # A file-like object: given bytes, feedparser would try them as a file name first. No base URL:
    # feedparser would resolve guids against it too; links are resolved here (`_link`).
    headers = {"content-type": "application/xml; charset=utf-8"}
    try:
        parsed = feedparser.parse(io.BytesIO(utf8), response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser's loose parser trips on some tag soup (KeyError 'links', …)
        message = f"parse: malformed document ({type(exc).__name__})"
        return ParseResult(encoding=decoded.encoding, error=ParseError("malformed", message))
    return _result(parsed, url, decoded.encoding, now)


def _result(parsed: Any, url: str, encoding: str, now: datetime) -> ParseResult:
    raw_entries = list(parsed.entries)
    bozo = str(_get(parsed, "bozo_exception") or "malformed") if _get(parsed, "bozo") else None
    feed = _get(parsed, "feed") or {}
    if not raw_entries and not _get(parsed, "version") and not _get(feed, "title"):
        reason = f": {bozo}" if bozo else ""
        return ParseResult(encoding=encoding, error=ParseError("not_a_feed", f"parse: no RSS/Atom feed found{reason}"))
    kept = raw_entries[:MAX_ENTRIES]
    return ParseResult(
        entries=_entries(kept, url, now),
        title=_title(feed),
        ttl=_ttl(_get(feed, "ttl")),
        version=str(_get(parsed, "version") or ""),
        encoding=encoding,
        bozo=bozo,
        truncated=len(raw_entries) - len(kept),
    )


def _entries(raw: list[Any], url: str, now: datetime) -> tuple[Entry, ...]:
    links = [_link(e, url) for e in raw]
    guids = [_text(_get(e, "id")) for e in raw]
    link_counts = Counter(link_key(x) for x in links if x)
    guid_counts = Counter(g for g in guids if g)
    out: list[Entry] = []
    for pos, (e, link, guid) in enumerate(zip(raw, links, guids, strict=True)):
        raw_title, raw_summary = _text(_get(e, "title")), str(_get(e, "summary") or "")
        published = _date(e, now)
        keys: list[str] = []
        if guid and guid_counts[guid] == 1:
            keys.append(guid_key(guid))
        lk = link_key(link) if link else None
        if link and lk and link_counts[lk] == 1 and not is_site_root(link) and lk not in keys:
            keys.append(lk)
        if not keys:
            keys.append(fallback_key(raw_title, published.isoformat() if published else None, raw_summary))
        summary = to_text(raw_summary, _mime(e, "summary"))
        out.append(Entry(tuple(keys), guid, link, _title(e), summary, _content(e), published, pos))
    return tuple(out)


def _get(d: Any, key: str) -> Any:
    """Plain dict lookup: FeedParserDict.get maps aliases (updated → published) with a DeprecationWarning."""
    return dict.get(d, key) if isinstance(d, dict) else None


def _mime(d: Any, key: str) -> str | None:
    """The type feedparser gives a text construct (`title_detail.type`); None when it gives none."""
    detail = _get(d, key + "_detail")
    return str(_get(detail, "type") or "") or None


def _title(d: Any) -> str | None:
    raw = _text(_get(d, "title"))
    return (to_line(raw, _mime(d, "title")) or None) if raw else None


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _link(entry: Any, base: str) -> str | None:
    link = _text(_get(entry, "link"))
    if link is None:
        return None
    try:
        return urljoin(base, link) if base.startswith(("http://", "https://")) else link
    except ValueError:
        return link


def _content(entry: Any) -> str:
    parts = [c for c in _get(entry, "content") or () if isinstance(c, dict)]
    values = [to_text(str(_get(c, "value") or ""), str(_get(c, "type") or "") or None) for c in parts]
    return max(values, key=len, default="")


def _ttl(value: object) -> int | None:
    text = _text(value)
    if text is None or not text.isdigit():
        return None
    return min(int(text), 7 * 24 * 60) * 60


def _date(entry: Any, now: datetime) -> datetime | None:
    for parsed_key, raw_key in (("published_parsed", "published"), ("updated_parsed", "updated")):
        for when in (_from_struct(_get(entry, parsed_key)), _jalali(_get(entry, raw_key))):
            if when is not None and when.year >= MIN_YEAR:
                return min(when, now)
    return None


def _from_struct(value: object) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _jalali(value: object) -> datetime | None:
    """Jalali dates as some Iranian CMSs write them, taken as Tehran local time (UTC+03:30)."""
    if not isinstance(value, str):
        return None
    m = _JALALI.match(value.translate(_DIGITS))
    if not m:
        return None
    import jdatetime

    y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
    try:
        local: datetime = jdatetime.datetime(y, mo, d, hh, mm, ss).togregorian()
    except ValueError:
        return None
    return local.replace(tzinfo=UTC) - _TEHRAN
