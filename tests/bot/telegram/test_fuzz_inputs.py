"""Random chat input through the real Application and the fake Bot API (hypothesis).

One khabar runs for the whole module in a background thread with its own event loop; each
hypothesis example is a batch of random updates — commands with random arguments, plain text,
button presses with random callback data — from fresh chats, so every answer can be attributed.
Every input must be answered (a reply or a Persian refusal; every button press answered once) or,
for what a bot ignores (non-commands in groups, commands addressed to another bot), draw no
answer at all; nothing may reach the error handler. (How long an update takes is a benchmark's
question, not this test's: a wall-clock bound here fails on a loaded machine.) Admins send /addsource with
random URLs through the real SSRF-guarded client, with a resolver that maps names to public and
private addresses: no connection may ever be attempted to a private address.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import itertools
import logging
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpcore
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import texts
from bot.ops.sources_admin import SourceAdminImpl
from bot.pipeline import build_client
from bot.settings import Settings
from bot.store import Store
from bot.telegram.app import build_application, serve
from bot.telegram.context import Collaborators
from bot.telegram.keyboards import Action, Callback, View, encode
from feeds.ssrf import blocked_reason
from tests.bot.conftest import ADMIN, MemoryStories, delete_prefix, khabar_settings, make_story
from tests.fakebotapi import BOT_USERNAME, Chat, FakeBotAPI, SentMessage

BATCHES = 40
BATCH = st.integers(min_value=26, max_value=34)
MIN_INPUTS = 1000

COMMANDS = [name for name, _ in texts.COMMANDS] + [name for name, _ in texts.ADMIN_COMMANDS]
ODD = [
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200c", "\u200d", "\u200b", "\ufeff", "\u0651", "\u064b",
    "\u0301", "\x00", "\x1b", "\x7f", "\u0085", "\u2028", "🇮🇷", "👨\u200d👩\u200d👧", "🙂", "ي", "ك", "۱", "٢", "\n",
    "\t", " ", "/", "@", "+", "-", "−", "،", "خوزستان", "سیستان و بلوچستان", "طلاق", "کودکان کار", "daily",
    "instant", "08:30", "۲۳:۰۰-۰۷:۰۰", "off", "add", "list", "remove", "@channel_name", "-1001234", "&", "<b>", "</a>",
    "&amp;", "\"'", "%s", "{provinces}",
]  # fmt: skip
PROVINCE_WORDS = ["خوزستان", "تهران", "كرمان", "سیستان و بلوچستان", "ناکجاآباد", ""]

# names → addresses, as a hostile DNS might answer; khabar may connect only to the public ones
PUBLIC = ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"]
PRIVATE = [
    "127.0.0.1", "10.0.0.5", "192.168.1.1", "172.16.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1",
    "fd00::1", "fe80::1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "224.0.0.1",
]  # fmt: skip


def _answers_for(host: str) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    digest = hashlib.sha256(host.encode("utf-8", "surrogatepass")).digest()
    pool = [[a] for a in PUBLIC + PRIVATE] + [[PUBLIC[0], PRIVATE[0]], [PRIVATE[2], PUBLIC[1]]]
    return pool[digest[0] % len(pool)]


def text_strategy(max_size: int = 200) -> st.SearchStrategy[str]:
    chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
    piece = st.one_of(st.text(chars, min_size=1, max_size=max_size), st.sampled_from(ODD))
    words = st.lists(piece, min_size=1, max_size=12).map(" ".join)
    huge = st.tuples(piece, st.integers(100, 3000)).map(lambda t: (t[0] * t[1])[:6000])
    return st.one_of(words, words, words, huge)


def url_strategy() -> st.SearchStrategy[str]:
    scheme = st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "file://", "javascript:", "", "//"])
    host = st.one_of(
        st.sampled_from(
            [
                "localhost",
                "127.0.0.1",
                "[::1]",
                "169.254.169.254",
                "10.1.2.3",
                "0x7f000001",
                "2130706433",
                "[::ffff:10.0.0.1]",
                "metadata.google.internal",
                "news.example",
                "اخبار.ایران",
                "xn--.example",
                "a" * 300 + ".example",
                "exa\u202emple.com",
                "[::1",
                "user:pass@127.0.0.1",
                "127.1",
            ]
        ),  # fmt: skip
        st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,10}){0,3}", fullmatch=True),
        st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
    )
    port = st.one_of(st.just(""), st.integers(0, 99999).map(lambda p: f":{p}"))
    path = st.one_of(st.just("/rss"), st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
    return st.builds(lambda s, h, p, q: f"{s}{h}{p}{q}", scheme, host, port, path)


@dataclass(frozen=True)
class Input:
    kind: str  # private | group | admin | press
    text: str = ""
    data: str = ""
    group_admin: bool = False


def command(name: str, args: str) -> str:
    return f"/{name} {args}" if args else f"/{name}"


inputs = st.one_of(
    # a command (ours, a misspelt one, or one addressed to a bot) with random arguments, in a private chat
    st.builds(
        lambda c, a: Input("private", command(c, a)),
        st.sampled_from([*COMMANDS, "nonsense", "Start", "SUBSCRIBE", f"help@{BOT_USERNAME}", "help@other_bot", "x"]),
        st.one_of(st.just(""), text_strategy()),
    ),
    st.builds(lambda t: Input("private", t), text_strategy()),
    # groups: commands from members or group admins; chatter that the bot must ignore
    st.builds(
        lambda c, a, admin: Input("group", command(c, a), group_admin=admin),
        st.sampled_from(COMMANDS),
        st.one_of(st.just(""), text_strategy()),
        st.booleans(),
    ),
    st.builds(lambda t: Input("group", t.lstrip("/") or "سلام"), text_strategy()),
    # the bot's admin: sources with random URLs, and every other admin command with random arguments
    st.builds(
        lambda u, p, n: Input("admin", f"/addsource {u} {p} {n}".strip()),
        url_strategy(),
        st.sampled_from(PROVINCE_WORDS),
        st.one_of(st.just(""), text_strategy(40)),
    ),
    st.builds(
        lambda c, a: Input("admin", command(c, a)),
        st.sampled_from([name for name, _ in texts.ADMIN_COMMANDS]),
        st.one_of(st.just(""), text_strategy()),
    ),
    # button presses: valid callback data (on a message that no longer exists), stale or garbage data
    st.builds(
        lambda a, v, i: Input("press", data=encode(Callback(a, v, i))),
        st.sampled_from(list(Action)),
        st.sampled_from(list(View)),
        st.integers(-1, 30),
    ).filter(lambda x: x.data != ""),
    st.builds(lambda d: Input("press", data=d), st.text(max_size=80)),
)


# --- one khabar for the whole module, in its own thread ---------------------------------------------------


@dataclass
class Running:
    loop: asyncio.AbstractEventLoop
    fake: FakeBotAPI
    connects: list[str] = field(default_factory=list)
    errors: list[logging.LogRecord] = field(default_factory=list)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(10_000_000))

    def run(self, coro: Any, timeout: float = 120) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return future.result(timeout)


class _Collect(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@pytest.fixture(scope="module")
def running() -> Iterator[Running]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="khabar-fuzz", daemon=True)
    thread.start()
    fake = FakeBotAPI(enforce_chat_limits=False)
    state = Running(loop, fake)
    collect = _Collect(state.errors)
    for name in ("khabar", "telegram.ext"):
        logging.getLogger(name).addHandler(collect)
    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
    stop = asyncio.Event()
    holder: dict[str, Any] = {}

    async def resolve(host: str, port: int) -> list[str]:
        return _answers_for(host)

    async def connect(address: str, port: int, **_: Any) -> httpcore.AsyncNetworkStream:
        state.connects.append(address)
        raise httpcore.ConnectError(f"test: no network ({address})")

    async def start() -> None:
        await fake.start()
        base = khabar_settings(fake.base_url, allow_private_urls=False, global_rate=1000.0, private_rate=500.0,
                               group_per_minute=60_000, fetch_timeout=3.0, connect_timeout=1.0)  # fmt: skip
        stories = MemoryStories()
        stories.add(*(make_story(f"خبر شماره {i}", province=p) for i, p in enumerate(["خوزستان", "تهران"] * 4)))

        async def wiring(store: Store, settings: Settings, http: httpx.AsyncClient) -> Collaborators:
            client = build_client(settings, resolve, connect)
            holder["client"] = client
            admin = SourceAdminImpl(store, settings, client, lambda: (), lambda: datetime.now(UTC))
            return Collaborators(stories=stories, sources=admin)

        app = build_application(base, wiring=wiring, prefix=prefix)
        holder["task"] = asyncio.create_task(serve(app, stop))
        await fake.wait_for(lambda: app.running or holder["task"].done(), 20)
        if holder["task"].done():
            holder["task"].result()

    async def finish() -> None:
        stop.set()
        await asyncio.wait_for(holder["task"], 30)
        if "client" in holder:
            await holder["client"].aclose()
        await fake.stop()
        await delete_prefix(prefix)
        # connection handlers of the fake server may still be winding down: finish them before the loop closes
        rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in rest:
            task.cancel()
        await asyncio.gather(*rest, return_exceptions=True)

    try:
        state.run(start())
        yield state
    finally:
        try:
            state.run(finish())
        finally:
            for name in ("khabar", "telegram.ext"):
                logging.getLogger(name).removeHandler(collect)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.close()


# --- one batch ---------------------------------------------------------------------------------------------


@dataclass
class Sent:
    input: Input
    chat_id: int
    query_id: str | None
    expect_answer: bool


def _push(state: Running, item: Input) -> Sent:
    fake = state.fake
    n = next(state.ids)
    if item.kind == "press":
        chat = fake.private(n)
        gone = SentMessage(message_id=n % 1000 + 1, chat_id=chat.id, thread_id=None, text="x", html="x", at=0.0)
        return Sent(item, chat.id, fake.press(gone, n, item.data), True)
    if item.kind == "private":
        chat = fake.private(n)
        user = n
    else:  # group, admin: a fresh group, so the answers can be told apart
        user = ADMIN if item.kind == "admin" else n
        admins = {user} if item.group_admin or item.kind == "admin" else set()
        chat = fake.add_chat(Chat(-n, "group", title="گروه", admins=admins, creator=next(iter(admins), None)))
    fake.send_text(chat, user, item.text)
    is_command = item.text.startswith("/")
    to_other_bot = is_command and "@" in item.text.split()[0] and not item.text.split()[0].endswith(BOT_USERNAME)
    expect = is_command and not to_other_bot if chat.type == "group" else not to_other_bot
    return Sent(item, chat.id, None, expect)


async def _batch(state: Running, items: list[Input]) -> list[Sent]:
    fake = state.fake
    sent = [_push(state, item) for item in items]
    sentinel = fake.private(next(state.ids))
    fake.send_text(sentinel, sentinel.id, "/start")  # updates are handled in order: once this is
    await fake.wait_for(lambda: bool(fake.messages_to(sentinel.id)), 60)  # answered, all before it are
    return sent


@settings(
    max_examples=BATCHES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(batch=BATCH.flatmap(lambda n: st.lists(inputs, min_size=n, max_size=n)))
def check_random_batches(running: Running, counted: list[int], batch: list[Input]) -> None:
    """One hypothesis example: a random batch, every input answered or ignored cleanly."""
    sent = running.run(_batch(running, batch))
    counted.append(len(sent))
    fake = running.fake
    for s in sent:
        if s.query_id is not None:
            answers = [a for a in fake.callback_answers if a["callback_query_id"] == s.query_id]
            assert len(answers) == 1, s.input
            continue
        replies = fake.messages_to(s.chat_id)
        if s.expect_answer:
            assert replies, s.input
            assert all(texts.APOLOGY not in m.text for m in replies), s.input
        else:
            assert replies == [], s.input
    assert running.errors == [], [r.getMessage() for r in running.errors][:3]
    refused = [e for e in fake.errors if e[0] != "editMessageText"]
    assert refused == [], refused[:3]  # Telegram would have refused nothing we sent


def test_every_chat_input_is_answered_or_ignored_cleanly(running: Running) -> None:
    """Owns its count: at least MIN_INPUTS random inputs, whichever test ran before it."""
    counted: list[int] = []
    dialled_before = len(running.connects)
    check_random_batches(running, counted)
    assert sum(counted) >= MIN_INPUTS
    assert_no_private_address(running.connects[dialled_before:])


def _host_for_each_answer() -> list[str]:
    """One host name per answer pool of `_answers_for` (public, private and mixed), found by search."""
    wanted = len(PUBLIC + PRIVATE) + 2
    found: dict[tuple[str, ...], str] = {}
    for i in itertools.count():
        host = f"agency{i}.example"
        found.setdefault(tuple(_answers_for(host)), host)
        if len(found) == wanted:
            return sorted(found.values())
    raise AssertionError("unreachable")


def assert_no_private_address(connects: list[str]) -> None:
    dialled = {a: blocked_reason(ipaddress.ip_address(a.split("%")[0])) for a in connects}
    assert {a: why for a, why in dialled.items() if why is not None} == {}


def test_no_private_address_is_dialled(running: Running) -> None:
    # Random URLs reach the network stage only now and then; these always get that far when they may.
    fixed = [Input("admin", f"/addsource https://{host}/rss خوزستان") for host in _host_for_each_answer()]
    fixed += [Input("admin", f"/addsource http://{ip}/rss تهران") for ip in ("93.184.216.34", "[2606:2800::1]")]
    dialled_before = len(running.connects)
    running.run(_batch(running, fixed))
    connects = running.connects[dialled_before:]
    assert connects, "no /addsource reached the network stage: the SSRF check above tested nothing"
    assert_no_private_address(connects)
