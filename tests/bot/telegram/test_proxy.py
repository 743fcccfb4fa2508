"""KHABAR_TELEGRAM_PROXY: every Bot API call — long polling, replies, deliveries — goes through it.

A local HTTP proxy (khabar's aiohttp transport) and a local SOCKS5 proxy (PTB's httpx transport,
through socksio) forward to the fake Bot API. The fake sees each request's TCP peer port; each one
must be a port of the proxy's upstream connections, so nothing went around the proxy.
"""

from __future__ import annotations

import pytest

from bot.settings import Settings
from tests.bot.conftest import ManualClock, delete_prefix, make_story, say, start_khabar, stop_khabar
from tests.bot.waiting import wait_settled
from tests.fakebotapi import FakeBotAPI
from tests.proxyserver import Kind, Proxy

USER = 851


@pytest.mark.parametrize("kind", ["http", "socks5"])
async def test_replies_and_deliveries_go_through_the_telegram_proxy(kind: Kind, clock: ManualClock) -> None:
    async with FakeBotAPI() as fake, Proxy(kind) as proxy:
        proxy_url = Settings.from_env({"KHABAR_TELEGRAM_PROXY": proxy.url}).telegram_proxy
        assert proxy_url == proxy.url
        h, stop, task = await start_khabar(fake, clock, telegram_proxy=proxy_url)
        try:
            (welcome,) = await say(h, fake.private(USER), USER, "/subscribe")  # getUpdates in, the reply out
            assert "خوزستان" in welcome  # the province picker
            h.poll.publish(make_story("خبر از راه پروکسی"))
            await fake.wait_for(lambda: any("خبر از راه پروکسی" in m.text for m in fake.messages_to(USER)), 15)
            await wait_settled(h.poll, h.store)

            assert len(fake.messages_to(USER)) == 2
            assert fake.calls["getUpdates"] >= 1
            assert set(proxy.targets) == {("127.0.0.1", fake.port)}
            assert {m.peer for m in fake.sent} <= proxy.upstream_ports  # every message came via the proxy
            assert proxy.refused == 0
        finally:
            await stop_khabar(stop, task)
            await delete_prefix(h.prefix)
