"""Webhook mode: Telegram POSTs updates to PTB's webhook server; the secret token is checked."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from dataclasses import replace

import aiohttp
import httpx
import pytest

from bot.settings import Secret, Settings
from bot.store import Store
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators
from tests.bot.conftest import MemoryStories, delete_prefix, khabar_settings
from tests.fakebotapi import FakeBotAPI
from tests.redis_server import free_port

USER = 1201
SKIPPED = "update already handled; skipped"  # bot.telegram.updates logs this for an update it does not handle again


async def wait_listening(port: int, timeout: float = 20.0) -> None:
    """Until a TCP connection to the port succeeds: PTB calls setWebhook before its server listens."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on port {port}") from None
            await asyncio.sleep(0.02)
        else:
            writer.close()
            await writer.wait_closed()
            return


async def test_updates_arrive_by_webhook(fake: FakeBotAPI) -> None:
    port = free_port()
    settings = replace(
        khabar_settings(fake.base_url),
        webhook_url="https://khabar.example/telegram/hook",
        webhook_listen="127.0.0.1",
        webhook_port=port,
        webhook_secret=Secret("s3cret-token"),
    )

    async def wiring(store: Store, s: Settings, http: httpx.AsyncClient) -> Collaborators:
        return Collaborators(stories=MemoryStories())

    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
    app = build_application(settings, wiring=wiring, prefix=prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        await wait_listening(port)
        update = {"update_id": 1, "message": fake.message_json(fake.private(USER), USER, "/start")}
        url = f"http://127.0.0.1:{port}/telegram/hook"
        body = json.dumps(update)
        async with aiohttp.ClientSession() as http:
            async with http.post(url, data=body, headers={"Content-Type": "application/json"}) as r:
                assert r.status == 403  # without the secret: refused
            headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            async with http.post(url, data=body, headers=headers) as r:
                assert r.status == 200
        await fake.wait_for(lambda: len(fake.messages_to(USER)) == 1, 10)
        assert "خبر" in fake.messages_to(USER)[0].text
        assert fake.calls["getUpdates"] == 0
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await delete_prefix(prefix)


async def test_only_the_lease_holder_serves_the_webhook_and_a_retried_update_is_answered_once(
    fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="khabar.updates")
    port = free_port()
    settings = replace(
        khabar_settings(fake.base_url),
        webhook_url="https://khabar.example/telegram/hook",
        webhook_listen="127.0.0.1",
        webhook_port=port,  # the same port for both instances: only the holder listens
        webhook_secret=Secret("s3cret-token"),
        updates_lease=3.0,
    )

    async def wiring(store: Store, s: Settings, http: httpx.AsyncClient) -> Collaborators:
        return Collaborators(stories=MemoryStories())

    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
    first, second = (build_application(settings, wiring=wiring, prefix=prefix) for _ in range(2))
    stops = [asyncio.Event(), asyncio.Event()]
    tasks = [asyncio.create_task(serve(first, stops[0]))]
    url = f"http://127.0.0.1:{port}/telegram/hook"
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
    try:
        await fake.wait_for(lambda: fake.calls["setWebhook"] == 1, 20)
        await wait_listening(port)
        tasks.append(asyncio.create_task(serve(second, stops[1])))
        await fake.wait_for(lambda: second.running, 10)
        update = json.dumps({"update_id": 7, "message": fake.message_json(fake.private(USER), USER, "/start")})
        async with aiohttp.ClientSession() as http:
            for _ in range(2):  # Telegram sends it again (say our first answer timed out)
                async with http.post(url, data=update, headers=headers) as r:
                    assert r.status == 200
            await fake.wait_for(lambda: len(fake.messages_to(USER)) == 1, 10)
            await fake.wait_for(lambda: any(r.getMessage() == SKIPPED for r in caplog.records), 10)
            assert len(fake.messages_to(USER)) == 1  # the retry was handled (skipped): answered once
            assert fake.calls["setWebhook"] == 1  # the second instance did not re-point Telegram
            stops[0].set()  # a rolling upgrade: the holder stops and hands over
            await asyncio.wait_for(tasks[0], 20)
            await fake.wait_for(lambda: fake.calls["setWebhook"] == 2, 20)
            await wait_listening(port)  # the first has stopped: this is the second instance
            other = USER + 1
            update = json.dumps({"update_id": 8, "message": fake.message_json(fake.private(other), other, "/start")})
            async with http.post(url, data=update, headers=headers) as r:
                assert r.status == 200
            await fake.wait_for(lambda: len(fake.messages_to(other)) == 1, 10)
    finally:
        for stop in stops:
            stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 20)
        await delete_prefix(prefix)
