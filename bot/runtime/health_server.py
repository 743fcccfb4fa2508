"""A tiny local HTTP server for operators: `GET /metrics` (Prometheus) and `GET /healthz` (JSON).

Plain asyncio streams, no web framework: two read-only endpoints, bounded request size, short timeouts.
`/healthz` answers 200 when every check passes and 503 otherwise, with the failing checks named.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.runtime.metrics import Metrics

log = logging.getLogger("khabar.health")

MAX_REQUEST_LINE = 2048
READ_TIMEOUT = 5.0


class ListenError(RuntimeError):
    """The endpoints could not be served (address in use, not permitted). `str()` is one line."""


@dataclass(frozen=True, slots=True)
class Health:
    checks: dict[str, bool] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(self.checks.values())

    def to_json(self) -> bytes:
        body = {"ok": self.ok, "checks": self.checks, "details": self.details}
        return json.dumps(body, ensure_ascii=False).encode()


HealthProbe = Callable[[], Awaitable[Health]]


class HealthServer:
    def __init__(self, metrics: Metrics, probe: HealthProbe, host: str = "127.0.0.1", port: int = 0) -> None:
        self._metrics = metrics
        self._probe = probe
        self._host, self._port = host, port
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        assert self._server is not None and self._server.sockets
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        try:
            self._server = await asyncio.start_server(self._handle, self._host, self._port, limit=MAX_REQUEST_LINE)
        except OSError as exc:
            where = f"{self._host}:{self._port}"
            raise ListenError(f"metrics: cannot listen on {where}: {exc.strerror or exc}") from None
        log.info("metrics and health endpoints listening", extra={"port": self.port})

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            status, ctype, body = await self._respond(reader)
        except (TimeoutError, ValueError, asyncio.LimitOverrunError, ConnectionError):
            status, ctype, body = 400, "text/plain", b"bad request\n"
        head = f"HTTP/1.1 {status} {_REASONS[status]}\r\nContent-Type: {ctype}\r\n"
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        try:
            writer.write(head.encode() + body)
            await writer.drain()
        except ConnectionError:
            pass  # the client went away; nothing to tell it
        finally:
            writer.close()

    async def _respond(self, reader: asyncio.StreamReader) -> tuple[int, str, bytes]:
        line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT)
        parts = line.decode("latin-1").split()
        if len(parts) < 2:
            raise ValueError("malformed request line")
        method, path = parts[0], parts[1].split("?", 1)[0]
        if method != "GET":
            return 405, "text/plain", b"only GET\n"
        if path == "/metrics":
            return 200, "text/plain; version=0.0.4; charset=utf-8", self._metrics.exposition()
        if path == "/healthz":
            health = await self._probe()
            return (200 if health.ok else 503), "application/json", health.to_json()
        return 404, "text/plain", b"not found\n"


_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}
