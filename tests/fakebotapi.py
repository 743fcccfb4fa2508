"""A local fake Telegram Bot API server (aiohttp) that behaves like Telegram where khabar cares.

The real python-telegram-bot client talks HTTP to it (`base_url = fake.base_url`). It implements
getMe, getUpdates (scripted updates, honouring `offset` like Telegram), sendMessage, editMessageText,
answerCallbackQuery, setMyCommands, deleteWebhook, getChat, getChatMember, getChatAdministrators and
deleteMessage, and behaves like Telegram:

* sendMessage/editMessageText with parse_mode HTML accept only Telegram's tags, balanced, with
  `<`, `>`, `&` escaped (the strict validator in tests.telegram_html) and answer Telegram's
  "Bad Request: can't parse entities: ..." otherwise; text longer than 4096 UTF-16 units after
  parsing gets "Bad Request: message is too long";
* rate limits answer 429 "Too Many Requests: retry after N" with parameters.retry_after. Telegram
  does not publish its algorithm; the fake enforces each limit as a GCRA — the average rate exactly,
  with a small time tolerance (the fake stamps a request when its event loop gets to it, so a busy
  test machine bunches arrivals): overall (`global_rate`, off by default; 0.5 s tolerance), one
  message per second per private chat (0.3 s), 20 per minute per group or channel (1 s); with
  `strict=True` each limit is a strict sliding window instead, with no tolerance at all: at most
  `global_rate` messages in any 1 s, two messages to one private chat at least 1 s apart, at most
  20 to one group or channel in any 60 s;
* a chat can be told to answer "Forbidden: bot was blocked by the user", "Bad Request: chat not
  found", any other error, or a migrate_to_chat_id (group upgraded to a supergroup); one forum topic
  (or a forum's General topic, no message_thread_id) can be closed: "Bad Request: TOPIC_CLOSED";
* a chat's sendMessage can be held: the message is accepted and recorded at once, the answer comes
  `seconds` later (a client whose read timeout is shorter never learns it was delivered);
* getUpdates: an update is kept until a call's `offset` is above its id (Telegram's confirmation);
  a call arriving while another client's long poll is still open ends that one with 409 "Conflict:
  terminated by other getUpdates request" (counted in `conflicts`). `unconfirm(n)` puts the last n
  updates handed out back, as if the confirming call of a client that died never arrived.

Every accepted message is recorded in `sent` for assertions. Run standalone for benchmarks:
`python -m tests.fakebotapi --port 8081 --global-rate 30 [--strict]` (GET /__control/state gives
counters, GET /__control/sent every accepted message).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.telegram_html import TelegramHTMLError, parse

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_ID = 123456789
BOT_USERNAME = "khabar_test_bot"
MAX_TEXT = 4096  # UTF-16 units after entity parsing (MessageLimit.MAX_TEXT_LENGTH)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- Fake server ---------------------------------------------------------------------------------


@dataclass
class SentMessage:
    message_id: int
    chat_id: int
    thread_id: int | None
    text: str  # plain text after parsing
    html: str  # as sent
    at: float  # time.monotonic()
    reply_markup: dict[str, Any] | None = None
    peer: int | None = None  # the sending client's TCP port (tells several khabar processes apart)


@dataclass
class Chat:
    id: int
    type: str  # private | group | supergroup | channel
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    admins: set[int] = field(default_factory=set)  # user ids that are administrators
    creator: int | None = None
    bot_status: str = "member"  # member | administrator | left | kicked
    bot_can_post: bool = True
    is_forum: bool = False

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class Failure:
    error_code: int
    description: str
    parameters: dict[str, Any] | None = None
    times: int | None = None  # None: until cleared


class _Gcra:
    """Generic cell rate algorithm: one theoretical arrival time per key."""

    def __init__(self, interval: float, tolerance: float) -> None:
        self.interval = interval
        self.tolerance = tolerance
        self._tat: dict[Any, float] = {}

    def wait(self, key: Any, now: float) -> float:
        """Seconds until one more request for `key` is allowed (0.0: now)."""
        tat = max(self._tat.get(key, now), now)
        return max(0.0, tat - self.tolerance - now)

    def take(self, key: Any, now: float) -> None:
        self._tat[key] = max(self._tat.get(key, now), now) + self.interval


class _Window:
    """Strict sliding window: at most `limit` requests per key in any `seconds`."""

    def __init__(self, limit: float, seconds: float) -> None:
        self.limit = max(1, int(limit))
        self.seconds = seconds
        self._times: dict[Any, deque[float]] = defaultdict(deque)

    def wait(self, key: Any, now: float) -> float:
        times = self._times[key]
        while times and times[0] <= now - self.seconds:
            times.popleft()
        return 0.0 if len(times) < self.limit else times[0] + self.seconds - now

    def take(self, key: Any, now: float) -> None:
        self._times[key].append(now)


def _user(user_id: int, first_name: str = "User", is_bot: bool = False, username: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if username:
        data["username"] = username
    return data


BOT_USER = _user(BOT_ID, "Khabar", is_bot=True, username=BOT_USERNAME)

_INT_FIELDS = {"chat_id", "message_id", "user_id", "message_thread_id", "offset", "limit", "timeout"}


class FakeBotAPI:
    def __init__(
        self,
        token: str = TOKEN,
        *,
        global_rate: float | None = None,
        global_tolerance: float = 0.5,
        private_interval: float = 1.0,
        private_tolerance: float = 0.3,
        group_per_minute: float = 20,
        group_tolerance: float = 1.0,
        enforce_chat_limits: bool = True,
        strict: bool = False,
    ) -> None:
        self.token = token
        self.sent: list[SentMessage] = []
        self.floods: list[tuple[int, float]] = []  # (chat id, monotonic time) of every 429 answered
        self.calls: Counter[str] = Counter()
        self.commands: list[dict[str, Any]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.edits: list[SentMessage] = []
        self.errors: list[tuple[str, int, str]] = []  # (method, code, description) of every error answered
        self.chats: dict[int, Chat] = {}
        self.failures: dict[int, Failure] = {}
        self.call_failures: dict[str, Failure] = {}  # by method, whatever the chat
        self.migrated: dict[int, int] = {}
        self.closed_topics: set[tuple[int, int | None]] = set()  # (chat id, thread id; None: General)
        self.holds: dict[int, list[float]] = {}  # chat id → answer delays of its next sendMessage calls
        self.global_limit: _Gcra | _Window | None = None
        self.private_limit: _Gcra | _Window | None = None
        self.group_limit: _Gcra | _Window | None = None
        if strict:
            self.global_limit = _Window(global_rate, 1.0) if global_rate else None
            self.private_limit = _Window(1, private_interval) if enforce_chat_limits else None
            self.group_limit = _Window(group_per_minute, 60.0) if enforce_chat_limits else None
        else:
            self.global_limit = _Gcra(1 / global_rate, global_tolerance) if global_rate else None
            self.private_limit = _Gcra(private_interval, private_tolerance) if enforce_chat_limits else None
            self.group_limit = _Gcra(60 / group_per_minute, group_tolerance) if enforce_chat_limits else None
        self._updates: list[dict[str, Any]] = []
        self._history: list[dict[str, Any]] = []  # every update ever pushed
        self._poll: _Poll | None = None  # the getUpdates call in progress
        self.conflicts = 0  # getUpdates calls ended by another client's call (409)
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._callback_ids = itertools.count(1)
        self._new_updates = asyncio.Event()
        self._closing = False
        self._peer: int | None = None  # client port of the request being handled
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": lambda p: BOT_USER | {"can_join_groups": True, "can_read_all_group_messages": False},
            "getUpdates": lambda p: [],  # served by _get_updates (it needs the request)
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "answerCallbackQuery": self._answer_callback,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": lambda p: True,
            "deleteWebhook": lambda p: True,
            "setWebhook": lambda p: True,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
            "deleteMessage": lambda p: True,
            "close": lambda p: True,
            "logOut": lambda p: True,
        }

    # --- lifecycle ----------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, port: int = 0) -> FakeBotAPI:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/__control/state", self._state)
        app.router.add_get("/__control/sent", self._sent)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        self._closing = True
        self._new_updates.set()
        if self._poll is not None:
            self._poll.wake.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- scripting ------------------------------------------------------------------------------------
    def add_chat(self, chat: Chat) -> Chat:
        self.chats[chat.id] = chat
        return chat

    def private(self, user_id: int, name: str = "User") -> Chat:
        return self.chats.get(user_id) or self.add_chat(Chat(user_id, "private", first_name=name))

    def fail(self, chat_id: int, description: str, error_code: int = 400, times: int | None = None,
             parameters: dict[str, Any] | None = None) -> None:  # fmt: skip
        """Answer every (or the next `times`) sendMessage to this chat with an error."""
        self.failures[chat_id] = Failure(error_code, description, parameters, times)

    def block(self, chat_id: int, description: str = "Forbidden: bot was blocked by the user") -> None:
        self.fail(chat_id, description, 403)

    def unblock(self, chat_id: int) -> None:
        self.failures.pop(chat_id, None)

    def flood(self, chat_id: int, retry_after: int, times: int = 1) -> None:
        self.fail(chat_id, f"Too Many Requests: retry after {retry_after}", 429, times, {"retry_after": retry_after})

    def flood_calls(self, method: str, retry_after: int, times: int = 1) -> None:
        """Answer the next `times` calls of `method` (any chat) with 429 retry_after."""
        description = f"Too Many Requests: retry after {retry_after}"
        self.call_failures[method] = Failure(429, description, {"retry_after": retry_after}, times)

    def close_topic(self, chat_id: int, thread_id: int | None) -> None:
        """A forum topic was closed: sendMessage to it answers 400 TOPIC_CLOSED (None: the General topic)."""
        self.closed_topics.add((chat_id, thread_id))

    def reopen_topic(self, chat_id: int, thread_id: int | None) -> None:
        self.closed_topics.discard((chat_id, thread_id))

    def hold(self, chat_id: int, seconds: float, times: int = 1) -> None:
        """Accept the next `times` sendMessage calls to this chat but answer each only after `seconds`."""
        self.holds.setdefault(chat_id, []).extend([seconds] * times)

    def migrate(self, old_id: int, new_id: int) -> None:
        """The group `old_id` became the supergroup `new_id`."""
        old = self.chats.get(old_id) or self.add_chat(Chat(old_id, "group", title="Group"))
        self.add_chat(Chat(new_id, "supergroup", title=old.title, admins=set(old.admins), creator=old.creator))
        self.migrated[old_id] = new_id

    def push(self, **update: Any) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._history.append(self._updates[-1])
        self._wake()
        return update_id

    def unconfirm(self, count: int) -> list[int]:
        """Put the last `count` updates already confirmed back (their confirming call never arrived)."""
        pending = {u["update_id"] for u in self._updates}
        back = [u for u in self._history if u["update_id"] not in pending][-count:]
        self._updates = sorted(self._updates + back, key=lambda u: int(u["update_id"]))
        self._wake()
        return [int(u["update_id"]) for u in back]

    def _wake(self) -> None:
        self._new_updates.set()
        if self._poll is not None:
            self._poll.wake.set()

    def message_json(self, chat: Chat, user_id: int | None, text: str, thread_id: int | None = None,
                     **extra: Any) -> dict[str, Any]:  # fmt: skip
        msg: dict[str, Any] = {
            "message_id": next(self._message_ids[chat.id]),
            "date": int(time.time()),
            "chat": chat.json(),
            "text": text,
        }
        if user_id is not None:
            msg["from"] = _user(user_id, f"User{user_id}")
        if text.startswith("/"):
            command = text.split()[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        if thread_id is not None:
            msg["message_thread_id"] = thread_id
            msg["is_topic_message"] = True
        msg.update(extra)
        return msg

    def send_text(self, chat: Chat, user_id: int, text: str, thread_id: int | None = None) -> int:
        """A user writes `text` in `chat` (commands get their bot_command entity)."""
        return self.push(message=self.message_json(chat, user_id, text, thread_id))

    def press(self, message: SentMessage, user_id: int, data: str) -> str:
        """A user presses an inline button with callback `data` under one of the bot's messages."""
        chat = self.chats[message.chat_id]
        query_id = str(next(self._callback_ids))
        msg = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": chat.json(),
            "from": BOT_USER,
            "text": message.text,
        }
        if message.thread_id is not None:
            msg["message_thread_id"] = message.thread_id
            msg["is_topic_message"] = True
        self.push(
            callback_query={
                "id": query_id,
                "from": _user(user_id, f"User{user_id}"),
                "chat_instance": str(chat.id),
                "message": msg,
                "data": data,
            }
        )
        return query_id

    def member_update(self, chat: Chat, user_id: int, old: str, new: str, can_post: bool = True) -> int:
        """my_chat_member: the bot's status in `chat` changed from `old` to `new` (by `user_id`)."""
        return self.push(
            my_chat_member={
                "chat": chat.json(),
                "from": _user(user_id, f"User{user_id}"),
                "date": int(time.time()),
                "old_chat_member": _member(BOT_USER, old, can_post),
                "new_chat_member": _member(BOT_USER, new, can_post),
            }
        )

    def messages_to(self, chat_id: int, thread_id: int | None = None) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id and (thread_id is None or m.thread_id == thread_id)]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.02)

    # --- HTTP ------------------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        self.calls[method] += 1
        params = await _params(request)
        peername = request.transport.get_extra_info("peername") if request.transport else None
        self._peer = int(peername[1]) if peername else None
        handler = self._handlers.get(method)
        if handler is None:
            return _error(404, "Not Found: method not found")
        try:
            self._check_call_failure(method, params)
            result = self._get_updates(params, request) if method == "getUpdates" else handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except _ApiError as exc:
            self.errors.append((method, exc.code, exc.description))
            return _error(exc.code, exc.description, exc.parameters)
        return web.json_response({"ok": True, "result": result})

    async def _state(self, request: web.Request) -> web.Response:
        per_chat = Counter((m.chat_id, m.html) for m in self.sent)
        return web.json_response(
            {
                "sent": len(self.sent),
                "floods": len(self.floods),
                "duplicates": sum(n - 1 for n in per_chat.values() if n > 1),
                "chats": len({m.chat_id for m in self.sent}),
                "first_at": self.sent[0].at if self.sent else None,
                "last_at": self.sent[-1].at if self.sent else None,
            }
        )

    async def _sent(self, request: web.Request) -> web.Response:
        """Every accepted message as [chat_id, html, monotonic time] (for benchmarks in another process)."""
        return web.json_response([[m.chat_id, m.html, m.at] for m in self.sent])

    async def _get_updates(self, p: dict[str, Any], request: web.Request) -> list[dict[str, Any]]:
        await self._end_other_poll()
        me = _Poll(request)
        self._poll = me
        try:
            offset = int(p.get("offset") or 0)
            if offset:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            deadline = time.monotonic() + float(p.get("timeout") or 0)
            while not self._updates and not self._closing and not me.conflict:
                me.wake.clear()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(me.wake.wait(), remaining)
                except TimeoutError:
                    break
            if me.conflict:
                raise _ApiError(409, CONFLICT)
            return self._updates[: int(p.get("limit") or 100)]
        finally:
            if self._poll is me:
                self._poll = None

    async def _end_other_poll(self) -> None:
        """Telegram ends a long poll still open when another getUpdates arrives (409 for the first)."""
        other = self._poll
        if other is None:
            return
        for _ in range(10):  # a client that just hung up: give the server a moment to notice
            if not other.connected:
                break
            await asyncio.sleep(0.01)
        if other.connected and self._poll is other:
            self.conflicts += 1
            other.conflict = True
        other.wake.set()

    def _target(self, p: dict[str, Any]) -> Chat:
        raw = p.get("chat_id")
        if isinstance(raw, str) and raw.startswith("@"):
            chat = next((c for c in self.chats.values() if c.username and f"@{c.username}" == raw), None)
            if chat is None:
                raise _ApiError(400, "Bad Request: chat not found")
            return chat
        chat_id = int(raw) if raw is not None else 0
        if chat_id in self.migrated:
            raise _ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat_id]},
            )
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id > 0:
                return self.private(chat_id)
            raise _ApiError(400, "Bad Request: chat not found")
        return chat

    def _check_failure(self, chat: Chat) -> None:
        failure = self.failures.get(chat.id)
        if failure is None:
            return
        if failure.times is not None:
            failure.times -= 1
            if failure.times <= 0:
                del self.failures[chat.id]
        if failure.error_code == 429:
            self.floods.append((chat.id, time.monotonic()))
        raise _ApiError(failure.error_code, failure.description, failure.parameters)

    def _check_call_failure(self, method: str, p: dict[str, Any]) -> None:
        failure = self.call_failures.get(method)
        if failure is None:
            return
        if failure.times is not None:
            failure.times -= 1
            if failure.times <= 0:
                del self.call_failures[method]
        if failure.error_code == 429:
            raw = p.get("chat_id")
            self.floods.append((int(raw) if isinstance(raw, int) else 0, time.monotonic()))
        raise _ApiError(failure.error_code, failure.description, failure.parameters)

    def _check_rate(self, chat: Chat) -> None:
        now = time.monotonic()
        per_chat = self.private_limit if chat.type == "private" else self.group_limit
        limits: list[tuple[_Gcra | _Window | None, int | None]] = [(per_chat, chat.id), (self.global_limit, None)]
        wait = max((limit.wait(key, now) for limit, key in limits if limit is not None), default=0.0)
        if wait > 0:
            self.floods.append((chat.id, now))
            retry = max(1, math.ceil(wait))
            raise _ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
        for limit, key in limits:
            if limit is not None:
                limit.take(key, now)

    def _text(self, p: dict[str, Any]) -> tuple[str, str]:
        html = str(p.get("text") or "")
        if str(p.get("parse_mode") or "").upper() == "HTML":
            try:
                text = parse(html).text.strip()
            except TelegramHTMLError as exc:
                raise _ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        else:
            text = html.strip()
        if not text:
            raise _ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > MAX_TEXT:
            raise _ApiError(400, "Bad Request: message is too long")
        return html, text

    def _send_message(self, p: dict[str, Any]) -> dict[str, Any] | Coroutine[Any, Any, dict[str, Any]]:
        chat = self._target(p)
        self._check_failure(chat)
        thread = int(p["message_thread_id"]) if p.get("message_thread_id") else None
        if (chat.id, thread) in self.closed_topics:
            raise _ApiError(400, "Bad Request: TOPIC_CLOSED")
        if chat.type != "private" and chat.bot_status in {"left", "kicked"}:
            raise _ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        if chat.type == "channel" and not (chat.bot_status == "administrator" and chat.bot_can_post):
            raise _ApiError(400, "Bad Request: need administrator rights in the channel chat")
        html, text = self._text(p)
        self._check_rate(chat)
        markup = p.get("reply_markup")
        msg = SentMessage(
            next(self._message_ids[chat.id]), chat.id, thread, text, html, time.monotonic(), markup, self._peer
        )
        self.sent.append(msg)
        result = self._message_result(chat, msg)
        delays = self.holds.get(chat.id)
        if delays:
            return _later(delays.pop(0), result)
        return result

    def _message_result(self, chat: Chat, msg: SentMessage) -> dict[str, Any]:
        result: dict[str, Any] = {
            "message_id": msg.message_id,
            "date": int(time.time()),
            "chat": chat.json(),
            "text": msg.text,
        }
        if chat.type == "channel":
            result["sender_chat"] = chat.json()
        else:
            result["from"] = BOT_USER
        if msg.thread_id is not None:
            result["message_thread_id"] = msg.thread_id
            result["is_topic_message"] = True
        if msg.reply_markup:
            result["reply_markup"] = msg.reply_markup
        return result

    def _edit_message_text(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(p)
        message_id = int(p.get("message_id") or 0)
        found = next((m for m in reversed(self.sent) if m.chat_id == chat.id and m.message_id == message_id), None)
        if found is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        html, text = self._text(p)
        markup = p.get("reply_markup")
        if html == found.html and markup == found.reply_markup:
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message",
            )
        found.html, found.text, found.reply_markup = html, text, markup
        self.edits.append(SentMessage(found.message_id, chat.id, found.thread_id, text, html, time.monotonic(), markup))
        return self._message_result(chat, found)

    def _answer_callback(self, p: dict[str, Any]) -> bool:
        if any(a["callback_query_id"] == str(p.get("callback_query_id")) for a in self.callback_answers):
            raise _ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self.callback_answers.append({**p, "callback_query_id": str(p.get("callback_query_id"))})
        return True

    def _set_my_commands(self, p: dict[str, Any]) -> bool:
        self.commands.append(p)
        return True

    def _get_chat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(p)
        return chat.json() | {
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _get_chat_member(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._target(p)
        user_id = int(p.get("user_id") or 0)
        if user_id == BOT_ID:
            return _member(BOT_USER, chat.bot_status, chat.bot_can_post)
        user = _user(user_id, f"User{user_id}")
        if user_id == chat.creator:
            return _member(user, "creator")
        if user_id in chat.admins:
            return _member(user, "administrator")
        return _member(user, "member")

    def _get_chat_administrators(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        chat = self._target(p)
        if chat.type == "private":
            raise _ApiError(400, "Bad Request: there are no administrators in the private chat")
        admins = [_member(_user(a, f"User{a}"), "administrator") for a in sorted(chat.admins) if a != chat.creator]
        if chat.creator is not None:
            admins.insert(0, _member(_user(chat.creator, f"User{chat.creator}"), "creator"))
        if chat.bot_status == "administrator":
            admins.append(_member(BOT_USER, "administrator", chat.bot_can_post))
        return admins


CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"


class _Poll:
    """One getUpdates call in progress."""

    def __init__(self, request: web.Request) -> None:
        self.request = request
        self.wake = asyncio.Event()
        self.conflict = False

    @property
    def connected(self) -> bool:
        transport = self.request.transport
        return transport is not None and not transport.is_closing()


class _ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


async def _later(seconds: float, result: dict[str, Any]) -> dict[str, Any]:
    await asyncio.sleep(seconds)
    return result


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


def _member(user: dict[str, Any], status: str, can_post: bool = True) -> dict[str, Any]:
    if status == "administrator":
        flags = (
            "can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats "
            "can_restrict_members can_promote_members can_change_info can_invite_users can_post_stories "
            "can_edit_stories can_delete_stories"
        ).split()
        data = {"user": user, "status": status, **{f: f == "can_manage_chat" for f in flags}}
        data["can_post_messages"] = can_post
        return data
    if status == "creator":
        return {"user": user, "status": status, "is_anonymous": False}
    if status == "kicked":
        return {"user": user, "status": status, "until_date": 0}
    return {"user": user, "status": status}


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.read()
        data: dict[str, Any] = json.loads(body) if body else {}
    else:
        form = await request.post()
        data = {k: v for k, v in form.items() if isinstance(v, str)}
    for k, v in list(data.items()):  # PTB sends nested objects as JSON strings, as Telegram allows
        if isinstance(v, str) and k != "text" and (v[:1] in "[{" or v in ("true", "false")):
            data[k] = json.loads(v)
    data.update({k: v for k, v in request.query.items() if k not in data})
    for k in _INT_FIELDS & data.keys():
        if isinstance(data[k], str) and data[k].lstrip("-").isdigit():
            data[k] = int(data[k])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the fake Bot API server (for benchmarks).")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--global-rate", type=float, default=None, help="overall messages/s limit (default: none)")
    parser.add_argument("--no-chat-limits", action="store_true")
    parser.add_argument("--strict", action="store_true", help="strict sliding windows instead of GCRA with tolerance")
    args = parser.parse_args()

    async def serve() -> None:
        fake = FakeBotAPI(global_rate=args.global_rate, enforce_chat_limits=not args.no_chat_limits, strict=args.strict)
        await fake.start(args.port)
        print(json.dumps({"port": fake.port}), flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await fake.stop()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
