"""The console sink: a python-telegram-bot request backend that answers the Bot API locally.

`khabar run --console` builds the same Application with this backend instead of HTTP: getMe
answers a fake bot, sendMessage prints the message (HTML turned into plain text) to a stream,
everything else succeeds quietly. The scheduler, feed polling, digests and the delivery queue run
unchanged, so the console shows exactly what a chat would get — without a token or network.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import time
from typing import Any, TextIO

from telegram.request import BaseRequest, RequestData

CONSOLE_TOKEN = "0:console"  # never sent anywhere
CONSOLE_CHAT_ID = 1  # the console's one "private chat"
_BOT = {"id": 1, "is_bot": True, "first_name": "khabar", "username": "khabar_console_bot"}
_ANCHOR = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(markup: str) -> str:
    """Telegram HTML → plain text for a terminal (links keep their address)."""
    text = _ANCHOR.sub(lambda m: f"{m.group(2)} ({html.unescape(m.group(1))})", markup)
    return html.unescape(_TAG.sub("", text))


class ConsoleRequest(BaseRequest):
    __slots__ = ("_ids", "_out")

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._ids = itertools.count(1)

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

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
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data is not None else {}
        result: Any = True
        if name == "getMe":
            result = _BOT
        elif name == "sendMessage":
            result = self._print(params)
        elif name == "getUpdates":
            result = []
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _print(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        text = str(params.get("text", ""))
        body = html_to_text(text) if str(params.get("parse_mode", "")).upper() == "HTML" else text
        thread = params.get("message_thread_id")
        where = f"{chat_id}/{thread}" if thread else f"{chat_id}"
        self._out.write(f"──── khabar → chat {where} ────\n{body}\n\n")
        self._out.flush()
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id if isinstance(chat_id, int) else CONSOLE_CHAT_ID, "type": "private"},
            "text": body,
        }
