"""Export and import: JSON round trips against real Redis, merge and replace, and files that are refused."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import redis

from bot.ops import backup as backup_module
from bot.ops.backup import BackupError, export_data, import_backup, parse_export
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode, PauseReason, Subscription
from feeds.sources import remote_source
from feeds.state import FeedState
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)

SUBSCRIPTIONS = (
    Subscription(11),
    Subscription(12, provinces=("خوزستان", "سیستان و بلوچستان"), topics=("طلاق",), quiet="23:00-07:00"),
    Subscription(13, mode=Mode.DAILY, daily_at="08:30", include=("کودک",), exclude=("فوتبال",)),
    Subscription(14, paused=True, pause_reason=PauseReason.BLOCKED),
    Subscription(-1005001, thread_id=77, kind=ChatKind.SUPERGROUP, provinces=("کرمان",)),
    Subscription(-1007001, kind=ChatKind.CHANNEL, title="@khabar_ch", added_by=900, mode=Mode.DAILY, daily_at="21:00"),
)
SOURCES = (
    remote_source("added-one", "خبرگزاری افزوده", "https://added.example/rss", "خوزستان"),
    remote_source("added-two", "منبع دوم", "http://two.example/feed?x=1&y=2", None, 900),
)


async def fill(store: Store) -> None:
    for sub in SUBSCRIPTIONS:
        await store.subscriptions.put(sub)
    for source in SOURCES:
        await store.sources.add(source)
    await store.feeds.save("added-one", FeedState(error_count=2))


async def wipe(store: Store) -> None:
    keys = [k async for k in store.redis.scan_iter(match=store.keys.prefix + "*", count=1000)]
    if keys:
        await store.redis.delete(*keys)


def encode(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


async def test_export_flush_import_is_identical(store: Store, settings: Settings) -> None:
    await fill(store)
    first = await export_data(store, settings.sources_path, NOW)
    assert first["format"] == "khabar-export" and first["version"] == 1
    assert first["sources_file"] == str(settings.sources_path)
    assert len(first["subscriptions"]) == 6 and [s["id"] for s in first["sources"]] == ["added-one", "added-two"]
    assert first["subscriptions"][0]["chat_id"] == -1007001  # sorted by chat
    await wipe(store)
    assert await store.subscriptions.count() == 0

    imported = await import_backup(store, settings, parse_export(encode(first)), [], NOW, replace=False)
    assert (imported.subscriptions, imported.sources, imported.removed_chats) == (6, 2, 0)
    again = await export_data(store, settings.sources_path, datetime(2024, 6, 1, tzinfo=UTC))
    assert without_time(again) == without_time(first)
    assert {s.chat_key: s for s in await store.subscriptions.all()} == {s.chat_key: s for s in SUBSCRIPTIONS}
    # daily digests are scheduled in the new instance; instant chats are not
    assert await store.delivery.due_at("13") is not None and await store.delivery.due_at("-1007001") is not None
    assert await store.delivery.due_at("11") is None


async def test_merge_keeps_and_replace_removes(store: Store, settings: Settings) -> None:
    await fill(store)
    await store.delivery.enqueue_parts("11", ["پیام در صف"])
    only = {
        "format": "khabar-export",
        "version": 1,
        "subscriptions": [{"chat_id": 12, "provinces": ["كرمان"]}, {"chat_id": 99}],  # Arabic kaf: canonicalised
        "sources": [{"id": "added-two", "name": "دوم", "url": "https://two.example/new"}],
    }
    merged = await import_backup(store, settings, parse_export(encode(only)), [], NOW, replace=False)
    assert merged.removed_chats == 0 and await store.subscriptions.count() == 7
    twelve = await store.subscriptions.get(12)
    assert twelve is not None and twelve.provinces == ("کرمان",) and twelve.quiet is None  # the file's record wins
    assert {s.id: s.url for s in await store.sources.list()}["added-two"] == "https://two.example/new"

    replaced = await import_backup(store, settings, parse_export(encode(only)), [], NOW, replace=True)
    assert (replaced.removed_chats, replaced.removed_sources) == (5, 1)
    assert sorted(s.chat_key for s in await store.subscriptions.all()) == ["12", "99"]
    assert [s.id for s in await store.sources.list()] == ["added-two"]
    assert await store.delivery.chat_jobs("11") == [] and await store.delivery.pending() == 0
    assert await store.feeds.load("added-one") is None  # a removed source's state goes with it


async def test_sources_the_file_has_are_skipped(store: Store, settings: Settings) -> None:
    document = {"format": "khabar-export", "version": 1, "sources": [{"id": "added-one", "name": "x",
                "url": "https://x.example/rss"}]}  # fmt: skip
    file_source = replace(SOURCES[0], from_file=True)
    imported = await import_backup(store, settings, parse_export(encode(document)), [file_source], NOW, replace=False)
    assert imported.sources == 0 and imported.skipped_sources == ("added-one",)
    assert await store.sources.list() == []


def doc(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"format": "khabar-export", "version": 1, "subscriptions": [], "sources": []}
    return base | changes


BAD: dict[str, tuple[bytes, str]] = {
    "not-json": (b"{nope", "not JSON"),
    "not-utf8": (b'{"format": "\xff"}', "not UTF-8"),
    "not-an-export": (encode({"subscriptions": []}), "not a khabar export"),
    "newer-version": (encode(doc(version=2)), "version 2; this khabar reads version 1"),
    "unknown-top": (encode(doc(extra=1)), "unknown top-level field(s): extra"),
    "subs-not-list": (encode(doc(subscriptions={})), '"subscriptions" must be a list'),
    "chat-id-zero": (encode(doc(subscriptions=[{"chat_id": 0}])), "subscriptions[0] (chat 0): chat_id must be"),
    "chat-id-text": (encode(doc(subscriptions=[{"chat_id": "12"}])), "subscriptions[0]: chat_id must be"),
    "chat-id-bool": (encode(doc(subscriptions=[{"chat_id": True}])), "chat_id must be"),
    "twice": (encode(doc(subscriptions=[{"chat_id": 5}, {"chat_id": 5}])), "subscriptions[1] (chat 5): chat 5 appears"),
    "bad-mode": (encode(doc(subscriptions=[{"chat_id": 5, "mode": "weekly"}])), "mode must be one of instant, daily"),
    "daily-no-time": (encode(doc(subscriptions=[{"chat_id": 5, "mode": "daily"}])), "mode daily needs daily_at"),
    "bad-time": (encode(doc(subscriptions=[{"chat_id": 5, "daily_at": "25:00"}])), "daily_at must be HH:MM"),
    "bad-quiet": (encode(doc(subscriptions=[{"chat_id": 5, "quiet": "07:00-07:00"}])), "quiet must be HH:MM-HH:MM"),
    "province": (encode(doc(subscriptions=[{"chat_id": 5, "provinces": ["آتلانتیس"]}])), "unknown province"),
    "topic": (encode(doc(subscriptions=[{"chat_id": 5, "topics": ["فوتبال"]}])), "unknown topic"),
    "keywords": (encode(doc(subscriptions=[{"chat_id": 5, "include": ["x"] * 21}])), "more than 20 keywords"),
    "invisible": (encode(doc(subscriptions=[{"chat_id": 5, "include": ["\u200f"]}])), "must have a letter or digit"),
    "sub-field": (encode(doc(subscriptions=[{"chat_id": 5, "colour": "red"}])), "unknown field(s): colour"),
    "kind": (encode(doc(subscriptions=[{"chat_id": 5, "kind": "bot"}])), "kind must be one of private"),
    "thread": (encode(doc(subscriptions=[{"chat_id": -5, "thread_id": -1}])), "thread_id must be a positive"),
    "title": (encode(doc(subscriptions=[{"chat_id": -5, "title": "x" * 300}])), "title is longer than 256"),
    "file-url": (encode(doc(sources=[{"id": "a", "name": "a", "url": "file:///etc/passwd"}])), "http:// or https://"),
    "source-id": (encode(doc(sources=[{"id": "A B", "name": "a", "url": "https://a.example/"}])), "lower-case slug"),
    "source-twice": (
        encode(doc(sources=[{"id": "a", "name": "a", "url": "https://a.example/"}] * 2)),
        "sources[1]: source id 'a' appears twice",
    ),
    "source-province": (
        encode(doc(sources=[{"id": "a", "name": "a", "url": "https://a.example/", "province": "Mars"}])),
        "unknown province",
    ),
    "source-field": (encode(doc(sources=[{"id": "a", "name": "a", "url": "https://a.example/", "x": 1}])), "(s): x"),
    "source-interval": (
        encode(doc(sources=[{"id": "a", "name": "a", "url": "https://a.example/", "interval": 5}])),
        "interval = 5 is below the poll floor of 60 s",
    ),
    "source-interval-type": (
        encode(doc(sources=[{"id": "a", "name": "a", "url": "https://a.example/", "interval": "600"}])),
        "interval must be whole seconds",
    ),
}


@pytest.mark.parametrize(("raw", "expected"), list(BAD.values()), ids=list(BAD))
def test_bad_files_are_refused_with_one_line(raw: bytes, expected: str) -> None:
    with pytest.raises(BackupError) as caught:
        parse_export(raw)
    message = str(caught.value)
    assert expected in message and message.startswith("import:") and "\n" not in message


def test_huge_file_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("the JSON parser ran on a file over the size cap")

    monkeypatch.setattr(backup_module, "json", SimpleNamespace(loads=never, JSONDecodeError=json.JSONDecodeError))
    with pytest.raises(BackupError, match="larger than 64 MiB"):
        parse_export(b" " * (64 * 1024 * 1024 + 1))


# --- the commands ----------------------------------------------------------------------------------------------


@pytest.fixture
def servers() -> Iterator[tuple[RedisServer, RedisServer]]:
    a, b = RedisServer(appendonly=False).start(), RedisServer(appendonly=False).start()
    try:
        yield a, b
    finally:
        a.cleanup()
        b.cleanup()


def khabar(
    tmp_path: Path, redis_url: str, *args: str, stdin: bytes | None = None, sources: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env |= {"KHABAR_REDIS_URL": redis_url, "KHABAR_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    env["KHABAR_SOURCES"] = str(sources or ROOT / "seeds" / "sources.toml")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, timeout=60, input=stdin
    )


def all_keys(url: str) -> dict[str, Any]:
    client = redis.Redis.from_url(url, decode_responses=True)
    try:
        return {k: client.type(k) for k in client.scan_iter(count=1000)}
    finally:
        client.close()


async def test_commands_move_an_instance(tmp_path: Path, servers: tuple[RedisServer, RedisServer]) -> None:
    old, new = servers
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(old.url, decode_responses=True)
    try:
        await fill(Store.create(client))
    finally:
        await client.aclose()
    backup = tmp_path / "backup.json"
    done = khabar(tmp_path, old.url, "export", "--output", str(backup))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # it holds chat ids

    bad = tmp_path / "bad.json"
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["subscriptions"][-1]["mode"] = "weekly"
    bad.write_text(json.dumps(document), encoding="utf-8")
    done = khabar(tmp_path, new.url, "import", str(bad))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1
    assert done.stderr.decode().startswith("khabar import: subscriptions[5] (chat 14): mode must be")
    assert all_keys(new.url) == {}  # nothing written

    done = khabar(tmp_path, new.url, "import", "--check", str(backup))
    assert done.returncode == 0 and b"6 subscriptions, 2 sources (nothing written)" in done.stdout
    assert all_keys(new.url) == {}
    done = khabar(tmp_path, new.url, "import", "-", stdin=backup.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "khabar import: imported 6 subscriptions, 2 sources"
    moved = khabar(tmp_path, new.url, "export")
    assert without_time(json.loads(moved.stdout)) == without_time(json.loads(backup.read_bytes()))

    opml = tmp_path / "sources.opml"
    done = khabar(tmp_path, old.url, "export", "--opml", "--output", str(opml))
    assert done.returncode == 0 and b"xmlUrl" in opml.read_bytes()
    assert b"mojnews-khuzestan" not in opml.read_bytes()  # the seeds' local file feed has no URL to share
    fresh = RedisServer(appendonly=False).start()
    try:
        done = khabar(tmp_path, fresh.url, "import", "--opml", str(opml))
        assert done.stdout.decode().strip() == "khabar import: imported 2 sources"
        exported = json.loads(khabar(tmp_path, fresh.url, "export").stdout)
        assert exported["subscriptions"] == [] and exported["sources"] == json.loads(backup.read_bytes())["sources"]
        # a sources file that has one of them: the file wins, the OPML's copy is skipped
        mine = tmp_path / "mine.toml"
        mine.write_text('[[source]]\nid = "added-one"\nname = "x"\nurl = "https://x.example/rss"\n', encoding="utf-8")
        done = khabar(tmp_path, fresh.url, "import", "--opml", "--replace", str(opml), sources=mine)
        assert done.stdout.decode().strip() == (
            "khabar import: imported 1 sources, removed 0 subscriptions and 1 sources, "
            "skipped 1 sources the sources file already has"
        )
    finally:
        fresh.cleanup()
