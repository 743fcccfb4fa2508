"""A real local HTTP server for feed tests: aiohttp in its own thread and event loop.

Usable from sync and async tests alike (`with FeedServer() as srv:`). Routes are set per test:

    srv.file("/rss", "rss2_khuzestan.xml", etag='"v1"')       # fixture file, conditional GET aware
    srv.bytes("/x", b"...", content_type="text/xml")
    srv.status("/busy", 429, headers={"Retry-After": "120"})
    srv.redirect("/a", "/b")
    srv.slow("/slow", delay=5.0)      # headers after `delay`
    srv.drip("/drip", every=0.2)      # a byte every `every` seconds, forever
    srv.huge("/big", 10 * 1024 * 1024, chunked=True)

Every request is recorded (`srv.requests`: path and headers) for assertions. `stop()` closes the
site and the loop and joins the thread, so nothing is left running after a test.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from aiohttp import web

FIXTURES = Path(__file__).resolve().parent / "feeds" / "fixtures"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self._busy: dict[str, int] = {}
        self.max_inflight: dict[str, int] = {}  # host header → most requests in flight at once
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="feedserver", daemon=True)
        self._runner: web.AppRunner | None = None

    # --- lifecycle ---
    def start(self) -> FeedServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._runner = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(Seen(request.path, {k: v for k, v in request.headers.items()}))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        host = request.headers.get("Host", "").rsplit(":", 1)[0]
        self._busy[host] = self._busy.get(host, 0) + 1
        self.max_inflight[host] = max(self.max_inflight.get(host, 0), self._busy[host])
        try:
            return await handler(request)
        finally:
            self._busy[host] -= 1

    # --- route helpers ---
    def bytes(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/rss+xml; charset=utf-8",
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
        gzip_body: bool = False,
    ) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            extra = dict(headers or {})
            if etag:
                extra["ETag"] = etag
            if last_modified:
                extra["Last-Modified"] = last_modified
            if (etag and request.headers.get("If-None-Match") == etag) or (
                last_modified and not etag and request.headers.get("If-Modified-Since") == last_modified
            ):
                return web.Response(status=304, headers=extra)
            payload = body
            if gzip_body:
                payload = gzip.compress(body)
                extra["Content-Encoding"] = "gzip"
            extra["Content-Type"] = content_type
            return web.Response(body=payload, headers=extra)

        self.routes[path] = handler

    def file(
        self, path: str, fixture: str, content_type: str = "application/rss+xml; charset=utf-8", **kw: object
    ) -> None:
        self.bytes(path, (FIXTURES / fixture).read_bytes(), content_type, **kw)  # type: ignore[arg-type]

    def status(self, path: str, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers=headers, body=body)

        self.routes[path] = handler

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.status(path, status, headers={"Location": location})

    def slow(self, path: str, delay: float, body: bytes = b"<rss/>", content_type: str = "application/rss+xml") -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(delay)
            return web.Response(body=body, content_type=content_type)

        self.routes[path] = handler

    def drip(self, path: str, every: float) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await resp.prepare(request)
            try:
                for _ in range(10_000):
                    await resp.write(b" ")
                    await asyncio.sleep(every)
            except (ConnectionError, asyncio.CancelledError):
                pass
            return resp

        self.routes[path] = handler

    def huge(self, path: str, size: int, *, chunked: bool) -> None:
        """`size` bytes of XML-ish filler; with `chunked` no Content-Length is sent."""

        async def handler(request: web.Request) -> web.StreamResponse:
            resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            if not chunked:
                resp.content_length = size
            await resp.prepare(request)
            block = b"<!-- " + b"x" * 65_000 + b" -->\n"
            sent = 0
            try:
                while sent < size:
                    piece = block[: size - sent]
                    await resp.write(piece)
                    sent += len(piece)
            except (ConnectionError, asyncio.CancelledError):
                pass
            return resp

        self.routes[path] = handler
