"""How python-telegram-bot reaches the Bot API: an aiohttp-based `BaseRequest`, or PTB's httpx one.

PTB's default HTTPXRequest costs about 1 ms of CPU per call (httpx's connection pool); this aiohttp
implementation costs about 0.2 ms, which is what lets one khabar process push paid broadcasts
(1,000 messages/s) on one core. It is used unless the Telegram proxy is a SOCKS proxy, which only
the httpx transport supports (through socksio).

`send_html` is the delivery queue's sendMessage: PTB's own request data, request backend and
answer checks (so the same errors), but no telegram.Message built from the answer (a tenth of a
paced message's CPU) and none of Bot.send_message's per-call argument handling.

Imports nothing of ours except Settings; never logs the URL (it contains the token).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import aiohttp
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter  # what Bot builds its RequestData from

from bot.settings import Settings


class AiohttpRequest(BaseRequest):
    """A PTB request backend on one aiohttp session (HTTP(S) proxies supported)."""

    __slots__ = ("_connect", "_limit", "_proxy", "_read", "_session", "_write")

    def __init__(
        self,
        connection_pool_size: int = 256,
        proxy: str | None = None,
        read_timeout: float | None = 10.0,
        write_timeout: float | None = 10.0,
        connect_timeout: float | None = 10.0,
    ) -> None:
        self._limit = connection_pool_size
        self._proxy = proxy
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._limit, limit_per_host=self._limit)
            self._session = aiohttp.ClientSession(connector=connector, proxy=self._proxy)

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._read if read_timeout is BaseRequest.DEFAULT_NONE else read_timeout
        write = self._write if write_timeout is BaseRequest.DEFAULT_NONE else write_timeout
        connect = self._connect if connect_timeout is BaseRequest.DEFAULT_NONE else connect_timeout
        # one bound for the whole call (pool wait, connect, upload, answer): callers reason in one number
        total = None if read is None else max(t for t in (read, write, connect) if t is not None)
        timeout = aiohttp.ClientTimeout(total=total, sock_connect=connect, sock_read=read)
        kwargs: dict[str, Any] = {"headers": {"User-Agent": self.USER_AGENT}, "timeout": timeout}
        if request_data is not None:
            if request_data.contains_files:
                raise NotImplementedError("khabar sends text only; file uploads are not supported")
            kwargs["data"] = request_data.json_payload
            kwargs["headers"]["Content-Type"] = "application/json"
        try:
            async with self._session.request(method, url, **kwargs) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut() from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{exc.__class__.__name__}: {exc}") from exc


def make_request(settings: Settings, *, for_updates: bool = False, pool: int = 256) -> BaseRequest:
    """The request backend for sends (`for_updates=False`) or for getUpdates long polling."""
    read = settings.send_timeout
    if for_updates:
        pool, read = 2, settings.send_timeout + 30.0
    proxy = settings.telegram_proxy
    if proxy and proxy.startswith("socks"):
        return HTTPXRequest(
            connection_pool_size=pool,
            proxy=proxy,
            read_timeout=read,
            write_timeout=settings.send_timeout,
            connect_timeout=settings.send_timeout,
        )
    return AiohttpRequest(pool, proxy, read, settings.send_timeout, settings.send_timeout)


def retry_after_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked us to wait. (PTB 22.2+ keeps a timedelta; `.retry_after` warns.)"""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(exc.retry_after if isinstance(exc.retry_after, int) else exc.retry_after.total_seconds())


_NO_PREVIEW = {"is_disabled": True}


async def send_html(
    bot: Bot, chat_id: int, text: str, *, thread_id: int | None = None, paid: bool = False, timeout: float
) -> int:
    """sendMessage with HTML and no link preview; returns the message id. Raises what Bot.send_message
    raises (RetryAfter, ChatMigrated, Forbidden, BadRequest, TimedOut, NetworkError …): the call goes
    through the bot's request backend and PTB's answer checks, only the Message object is skipped."""
    values: dict[str, object] = {
        "chat_id": chat_id,
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": _NO_PREVIEW,
    }
    if thread_id is not None:
        values["message_thread_id"] = thread_id
    if paid:
        values["allow_paid_broadcast"] = True
    data = RequestData([RequestParameter.from_input(name, value) for name, value in values.items()])
    result = await bot.request.post(
        f"{bot.base_url}/sendMessage",
        data,
        read_timeout=timeout,
        write_timeout=timeout,
        connect_timeout=timeout,
        pool_timeout=timeout,
    )
    return int(result.get("message_id", 0)) if isinstance(result, dict) else 0
