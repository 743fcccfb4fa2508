"""Fetch: one polite, bounded HTTP GET (or operator file read). Imports nothing of ours but feeds.ssrf.

`fetch(client, url, config, ...) -> FetchResult` never raises for expected failures: timeouts,
refused addresses, 4xx/5xx, 429/503, oversize bodies and redirect loops come back as
`FetchResult.error` (kind + one-line message starting with "fetch:" or "ssrf:").

- one shared `httpx.AsyncClient` from `build_client(config)`, whose transport dials through
  `feeds.ssrf.GuardedBackend` (resolve, check, connect to the checked address);
- conditional GET (If-None-Match / If-Modified-Since → 304);
- connect/read timeouts on the client and a total deadline around the whole fetch;
- redirects followed by hand, at most `max_redirects`, each target re-checked, loops refused;
- gzip/deflate decoded here with a bounded decompressor, so the size cap applies to the decoded body
  (a compression bomb stops at the cap) and is enforced while streaming;
- Retry-After (seconds or HTTP-date) and Cache-Control max-age reported for scheduling;
- file:// only when the caller says the URL came from the operator's sources file.

The body is returned as bytes; `feeds.charset.decode` turns it into text.
"""

from __future__ import annotations

import asyncio
import re
import time
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from enum import StrEnum
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import httpcore
import httpx

from feeds.ssrf import BlockedAddress, Connector, GuardedBackend, Resolver, check_scheme, precheck

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,9})", re.I)


class ErrorKind(StrEnum):
    BLOCKED = "blocked"  # refused by the SSRF guard or scheme check
    INVALID_URL = "invalid_url"
    CONNECT = "connect"  # DNS or TCP/TLS connection failed
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    REDIRECT = "redirect"  # loop, too many, or a bad Location
    HTTP = "http"  # 4xx/5xx answer
    RATE_LIMITED = "rate_limited"  # 429, or 503 with Retry-After
    PROTOCOL = "protocol"  # broken HTTP, unsupported or corrupt content-encoding
    FILE = "file"  # operator's local file unreadable


@dataclass(frozen=True, slots=True)
class FetchError:
    kind: ErrorKind
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # the final URL after redirects
    status: int | None = None  # HTTP status, None when no answer arrived
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds
    cache_max_age: int | None = None  # seconds
    error: FetchError | None = None
    elapsed: float = 0.0  # seconds
    content_location: str | None = None  # the Content-Location header, as sent

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def base_url(self) -> str:
        """The base for the document's relative links: Content-Location (resolved), if http(s), else the URL."""
        return content_base(self.url, self.content_location)


@dataclass(frozen=True, slots=True)
class FetchConfig:
    user_agent: str
    connect_timeout: float = 10.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    proxy: str | None = None
    max_connections: int = 64


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the SSRF-guarded network backend (direct connections only).

    Through a proxy the proxy connects, so the guard cannot see the address; `fetch` then
    pre-checks each URL instead (see feeds.ssrf.precheck).
    """

    def __init__(self, config: FetchConfig, resolve: Resolver | None = None, connect: Connector | None = None) -> None:
        limits = httpx.Limits(max_connections=config.max_connections, keepalive_expiry=30.0)
        super().__init__(limits=limits, proxy=config.proxy, trust_env=False)
        if config.proxy is None:
            self._pool = httpcore.AsyncConnectionPool(
                ssl_context=httpx.create_ssl_context(trust_env=False),
                max_connections=limits.max_connections,
                max_keepalive_connections=limits.max_keepalive_connections,
                keepalive_expiry=limits.keepalive_expiry,
                network_backend=GuardedBackend(config.allow_private, resolve, connect),
            )


def build_client(
    config: FetchConfig, resolve: Resolver | None = None, connect: Connector | None = None
) -> httpx.AsyncClient:
    """The one shared client for feeds and article pages. Close it with `await client.aclose()`."""
    timeout = httpx.Timeout(
        connect=config.connect_timeout, read=config.read_timeout, write=config.read_timeout, pool=config.total_timeout
    )
    return httpx.AsyncClient(
        transport=GuardedTransport(config, resolve, connect),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": config.user_agent, "Accept-Encoding": "gzip, deflate"},
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    config: FetchConfig,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_file: bool = False,
    accept: str = FEED_ACCEPT,
    now: datetime | None = None,
) -> FetchResult:
    """GET `url` once (following redirects). Expected failures come back in `.error`."""
    started = time.monotonic()
    now = now or datetime.now(UTC)
    try:
        async with asyncio.timeout(config.total_timeout):
            if _scheme(url) == "file":
                result = await _fetch_file(url, config, etag, allow_file)
            else:
                result = await _fetch_http(client, url, config, _conditional(etag, last_modified, accept), now)
    except TimeoutError:
        result = _fail(url, ErrorKind.TIMEOUT, f"fetch: no complete answer within {config.total_timeout:g}s")
    return _with_elapsed(result, time.monotonic() - started)


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""  # malformed: check_scheme names the problem


def _with_elapsed(result: FetchResult, elapsed: float) -> FetchResult:
    return replace(result, elapsed=round(elapsed, 4))


def _fail(url: str, kind: ErrorKind, message: str) -> FetchResult:
    return FetchResult(url=url, error=FetchError(kind, message))


def _conditional(etag: str | None, last_modified: str | None, accept: str) -> dict[str, str]:
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


async def _fetch_http(
    client: httpx.AsyncClient, url: str, config: FetchConfig, headers: dict[str, str], now: datetime
) -> FetchResult:
    current = url
    visited: set[str] = set()
    for _hop in range(config.max_redirects + 1):
        try:
            outcome = await _one_hop(client, current, config, headers, now)
        except BlockedAddress as exc:
            return _fail(current, ErrorKind.BLOCKED, str(exc))
        except httpx.TimeoutException as exc:
            return _fail(current, ErrorKind.TIMEOUT, f"fetch: timed out ({type(exc).__name__})")
        except httpx.ConnectError as exc:
            return _fail(current, ErrorKind.CONNECT, f"fetch: cannot connect: {exc}")
        except httpx.InvalidURL as exc:
            return _fail(current, ErrorKind.INVALID_URL, f"fetch: invalid URL {current!r}: {exc}")
        except httpx.HTTPError as exc:
            return _fail(current, ErrorKind.PROTOCOL, f"fetch: {type(exc).__name__}: {exc}")
        except ValueError as exc:  # a URL or Location httpx/idna cannot build a request for (bad IDNA, bad IPv6)
            return _fail(current, ErrorKind.INVALID_URL, f"fetch: invalid URL {current[:200]!r}: {exc}")
        if isinstance(outcome, FetchResult):
            return outcome
        visited.add(current)
        if outcome in visited:
            return _fail(current, ErrorKind.REDIRECT, f"fetch: redirect loop back to {outcome}")
        current = outcome
    return _fail(current, ErrorKind.REDIRECT, f"fetch: more than {config.max_redirects} redirects")


async def _one_hop(
    client: httpx.AsyncClient, url: str, config: FetchConfig, headers: dict[str, str], now: datetime
) -> FetchResult | str:
    """One request: a finished FetchResult, or the next URL when the answer is a redirect."""
    why = check_scheme(url)
    if why is not None:
        return _fail(url, ErrorKind.BLOCKED, why)
    if config.proxy is not None:
        await precheck(url, config.allow_private)
    response = await client.send(client.build_request("GET", url, headers=headers), stream=True)
    try:
        if response.status_code in REDIRECT_CODES:
            location = response.headers.get("location", "").strip()
            if not location:
                return _fail(url, ErrorKind.REDIRECT, f"fetch: {response.status_code} without a Location header")
            return str(urljoin(url, location))
        return await _finish(response, url, config, now)
    finally:
        await response.aclose()


async def _finish(response: httpx.Response, url: str, config: FetchConfig, now: datetime) -> FetchResult:
    status = response.status_code
    h = response.headers
    head = FetchResult(
        url=url,
        status=status,
        content_type=h.get("content-type"),
        etag=h.get("etag"),
        last_modified=h.get("last-modified"),
        retry_after=parse_retry_after(h.get("retry-after"), now),
        cache_max_age=parse_max_age(h.get("cache-control")),
        content_location=h.get("content-location"),
    )
    if status == 304:
        return head
    if status == 429 or (status == 503 and head.retry_after is not None):
        return replace(head, error=FetchError(ErrorKind.RATE_LIMITED, f"fetch: HTTP {status} (slow down)"))
    if not 200 <= status < 300:
        message = f"fetch: HTTP {status} {response.reason_phrase}".rstrip()
        return replace(head, error=FetchError(ErrorKind.HTTP, message))
    body = await _read_body(response, config.max_body_bytes)
    if isinstance(body, FetchError):
        return replace(head, error=body)
    return replace(head, body=body)


class _Decoder:
    """Content-Encoding decoder that never produces more than `room` bytes."""

    def __init__(self, encoding: str, room: int) -> None:
        self._room = room
        enc = encoding.strip().lower()
        if enc in {"", "identity"}:
            self._z = None
        elif enc in {"gzip", "x-gzip", "deflate"}:
            self._z = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
        else:
            raise ValueError(f"unsupported content-encoding {encoding!r}")

    def feed(self, chunk: bytes) -> bytes:
        out = chunk if self._z is None else self._z.decompress(chunk, self._room + 1)
        self._room -= len(out)
        return out

    @property
    def over(self) -> bool:
        return self._room < 0


async def _read_body(response: httpx.Response, cap: int) -> bytes | FetchError:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return FetchError(ErrorKind.TOO_LARGE, f"fetch: body of {declared} bytes is over the {cap}-byte cap")
    try:
        decoder = _Decoder(response.headers.get("content-encoding", ""), cap)
    except ValueError as exc:
        return FetchError(ErrorKind.PROTOCOL, f"fetch: {exc}")
    parts: list[bytes] = []
    try:
        async for chunk in response.aiter_raw():
            parts.append(decoder.feed(chunk))
            if decoder.over:
                return FetchError(ErrorKind.TOO_LARGE, f"fetch: body is over the {cap}-byte cap")
    except zlib.error as exc:
        return FetchError(ErrorKind.PROTOCOL, f"fetch: corrupt compressed body: {exc}")
    return b"".join(parts)


async def _fetch_file(url: str, config: FetchConfig, etag: str | None, allow_file: bool) -> FetchResult:
    """Read an operator's local feed file; its mtime and size make an ETag so re-reads can be 304."""
    if not allow_file:
        return _fail(url, ErrorKind.BLOCKED, "ssrf: file:// URLs are allowed only in the operator's sources file")
    path = Path(url2pathname(urlsplit(url).path))
    try:
        st = path.stat()
        tag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
        modified = format_datetime(datetime.fromtimestamp(st.st_mtime, UTC), usegmt=True)
        if etag == tag:
            return FetchResult(url=url, status=304, etag=tag, last_modified=modified)
        if st.st_size > config.max_body_bytes:
            return _fail(url, ErrorKind.TOO_LARGE, f"fetch: {path} is over the {config.max_body_bytes}-byte cap")
        body = await asyncio.to_thread(path.read_bytes)
    except OSError as exc:
        return _fail(url, ErrorKind.FILE, f"fetch: cannot read {path}: {exc.strerror}")
    return FetchResult(url=url, status=200, body=body, etag=tag, last_modified=modified)


def content_base(url: str, content_location: str | None) -> str:
    """`url`, or the Content-Location header resolved against it when that names an http(s) URL."""
    if not content_location or not content_location.strip():
        return url
    try:
        base = urljoin(url, content_location.strip())
        usable = _scheme(base) in ("http", "https") and bool(urlsplit(base).hostname)
    except ValueError:  # a malformed header (bad IPv6 literal, ...)
        return url
    return base if usable else url


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from `now`: delta-seconds or an HTTP-date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def parse_max_age(value: str | None) -> int | None:
    """Cache-Control max-age in seconds (no-cache/no-store → 0); None when absent."""
    if not value:
        return None
    low = value.lower()
    if "no-store" in low or "no-cache" in low:
        return 0
    m = _MAX_AGE.search(low)
    return int(m.group(1)) if m else None
