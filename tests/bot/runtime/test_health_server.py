"""The operators' endpoints on aiohttp's server: /metrics, /healthz, and what they refuse."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from bot.runtime.health_server import Health, HealthServer
from bot.runtime.metrics import Metrics


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


async def _serve(metrics: Metrics, health: Health) -> HealthServer:
    async def probe() -> Health:
        return health

    server = HealthServer(metrics, probe)
    await server.start()
    return server


async def test_metrics_endpoint_exposes_counters(metrics: Metrics) -> None:
    metrics.polls.labels("ok").inc(3)
    metrics.messages.labels("sent", "").inc()
    server = await _serve(metrics, Health({"redis": True}))
    try:
        async with httpx.AsyncClient() as client:
            resp = await client.get(f"http://127.0.0.1:{server.port}/metrics")
        assert resp.status_code == 200
        assert resp.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
        assert 'khabar_polls_total{outcome="ok"} 3.0' in resp.text
        assert 'khabar_messages_total{reason="",result="sent"} 1.0' in resp.text
    finally:
        await server.stop()


@pytest.mark.parametrize(
    ("checks", "status"),
    [({"redis": True, "scheduler": True}, 200), ({"redis": False, "scheduler": True}, 503)],
    ids=["healthy", "redis-down"],
)
async def test_healthz_reflects_checks(metrics: Metrics, checks: dict[str, bool], status: int) -> None:
    server = await _serve(metrics, Health(checks, {"queue": "0 waiting"}))
    try:
        async with httpx.AsyncClient() as client:
            resp = await client.get(f"http://127.0.0.1:{server.port}/healthz")
        assert resp.status_code == status
        assert resp.headers["content-type"].startswith("application/json")
        body = json.loads(resp.text)
        assert body["ok"] is (status == 200) and body["checks"] == checks
    finally:
        await server.stop()


async def test_unknown_path_and_method(metrics: Metrics) -> None:
    server = await _serve(metrics, Health())
    try:
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"http://127.0.0.1:{server.port}/admin")).status_code == 404
            assert (await client.post(f"http://127.0.0.1:{server.port}/metrics")).status_code == 405
    finally:
        await server.stop()


@pytest.mark.parametrize(
    "request_bytes",
    [b"nonsense\r\n\r\n", b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"],
    ids=["malformed", "huge-request-line"],
)
async def test_bad_requests_get_400_and_the_server_keeps_serving(metrics: Metrics, request_bytes: bytes) -> None:
    server = await _serve(metrics, Health({"redis": True}))
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(request_bytes)
        await writer.drain()
        status_line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        assert status_line.split()[1] == b"400"
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"http://127.0.0.1:{server.port}/healthz")).status_code == 200
    finally:
        await server.stop()
