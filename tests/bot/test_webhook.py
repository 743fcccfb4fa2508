"""Webhook mode: Telegram POSTs updates to PTB's webhook server; the secret token is checked."""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import replace

import aiohttp
import httpx

from bot.app import Collaborators, build_application, serve
from bot.settings import Secret, Settings
from bot.store import Store
from tests.bot.conftest import MemoryStories, delete_prefix, khabar_settings
from tests.fakebotapi import FakeBotAPI
from tests.redis_server import free_port

USER = 1201


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
        await fake.wait_for(lambda: fake.calls["setWebhook"] == 1, 10)
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
