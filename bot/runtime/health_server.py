"""A tiny local HTTP server for operators: `GET /metrics` (Prometheus) and `GET /healthz` (JSON).

aiohttp's web server (aiohttp is already the Bot API backend, bot.telegram.request): two read-only
endpoints; it parses and bounds requests and answers 404 and 405 itself. `/healthz` answers 200 when
every check passes and 503 otherwise, with the failing checks named.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

from bot.runtime.metrics import Metrics

log = logging.getLogger("khabar.health")

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


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
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        assert self._runner is not None and self._runner.addresses
        return int(self._runner.addresses[0][1])

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics_page, allow_head=False)
        app.router.add_get("/healthz", self._healthz, allow_head=False)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, self._port).start()
        except OSError as exc:
            await runner.cleanup()
            where = f"{self._host}:{self._port}"
            raise ListenError(f"metrics: cannot listen on {where}: {exc.strerror or exc}") from None
        self._runner = runner
        log.info("metrics and health endpoints listening", extra={"port": self.port})

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _metrics_page(self, _: web.Request) -> web.Response:
        return web.Response(body=self._metrics.exposition(), headers={"Content-Type": PROMETHEUS_TEXT})

    async def _healthz(self, _: web.Request) -> web.Response:
        health = await self._probe()
        return web.Response(body=health.to_json(), status=200 if health.ok else 503, content_type="application/json")
