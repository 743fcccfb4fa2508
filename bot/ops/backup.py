"""Export and import of what an operator cannot rebuild: subscriptions and runtime sources.

The export file is JSON (public interface, versioned):

    {"format": "khabar-export", "version": 1, "exported_at": "2024-05-01T06:00:00+00:00",
     "sources_file": "/etc/khabar/sources.toml",          # for reference; never imported
     "subscriptions": [{"chat_id": 1, "thread_id": null, "provinces": [...], ...}, ...],
     "sources": [{"id": "...", "name": "...", "url": "https://...", "province": "...", "interval": null}]}

Subscriptions carry every field of `bot.store.subscriptions.Subscription`; sources are the ones
admins added at runtime (/addsource, or an OPML import) — the operator's sources file is a file and
is backed up as one. Everything else in Redis (seen items, stories, the delivery queue) is
derived or short-lived and rebuilds itself (a new instance's first poll is a silent baseline).

`parse_export(raw)` validates the whole document first and raises `BackupError` with one line
naming the first problem (`subscriptions[3] (chat 42): ...`); nothing is written on error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.delivery.digests import DigestScheduler
from bot.delivery.fanout import SubscriptionCache
from bot.settings import Settings
from bot.store import Store
from bot.store.subscriptions import ChatKind, Mode, PauseReason, Subscription
from digest import RenderOptions, canonical_province, canonical_topic
from feeds.model import FeedSource
from feeds.sources import MAX_SOURCES, SourcesError, remote_source

FORMAT = "khabar-export"
VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # about 200,000 subscriptions
MAX_KEYWORDS = 20  # as /filter allows
MAX_KEYWORD_CHARS = 64
MAX_TITLE_CHARS = 256
TELEGRAM_ID_LIMIT = 2**53  # ids fit in a double (Bot API)
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_TOP = {"format", "version", "exported_at", "sources_file", "subscriptions", "sources"}
_SOURCE_FIELDS = {"id", "name", "url", "province", "interval"}


class BackupError(ValueError):
    """An import file is unusable; `str()` is one line naming the first problem."""


@dataclass(frozen=True, slots=True)
class Backup:
    subscriptions: tuple[Subscription, ...]
    sources: tuple[FeedSource, ...]


@dataclass(frozen=True, slots=True)
class Imported:
    subscriptions: int
    sources: int
    removed_chats: int
    removed_sources: int
    skipped_sources: tuple[str, ...]  # ids the operator's sources file already has (it wins)
    with_subscriptions: bool = True  # False for an OPML import (sources only)


# --- export ---------------------------------------------------------------------------------------------


async def export_data(store: Store, sources_file: Path, now: datetime) -> dict[str, Any]:
    subs = sorted(await store.subscriptions.all(), key=lambda s: (s.chat_id, s.thread_id or 0))
    sources = await store.sources.list()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "sources_file": str(sources_file),
        "subscriptions": [asdict(s) for s in subs],
        "sources": [source_record(s) for s in sources],
    }


def source_record(source: FeedSource) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "url": source.url,
        "province": source.province,
        "interval": source.interval,
    }


# --- validation -----------------------------------------------------------------------------------------


def parse_export(raw: bytes) -> Backup:
    """Validate a whole export document (see the module docstring)."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise BackupError(f"import: the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MiB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BackupError("import: the file is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"import: not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f'import: not a khabar export (expected "format": "{FORMAT}")')
    version = data.get("version")
    if version != VERSION:
        raise BackupError(f"import: export format version {version!r}; this khabar reads version {VERSION}")
    unknown = set(data) - _TOP
    if unknown:
        raise BackupError(f"import: unknown top-level field(s): {', '.join(sorted(unknown))}")
    subs = _list(data, "subscriptions")
    sources = _list(data, "sources")
    return Backup(parse_subscriptions(subs), parse_sources(sources))


def _list(data: dict[str, Any], name: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise BackupError(f'import: "{name}" must be a list')
    return value


def parse_subscriptions(records: Sequence[Any]) -> tuple[Subscription, ...]:
    out: list[Subscription] = []
    seen: set[str] = set()
    for i, record in enumerate(records):
        where = f"import: subscriptions[{i}]"
        if isinstance(record, dict) and isinstance(record.get("chat_id"), int):
            where += f" (chat {record['chat_id']})"
        try:
            sub = subscription(record)
        except (ValueError, TypeError) as exc:
            raise BackupError(f"{where}: {exc}") from None
        if sub.chat_key in seen:
            raise BackupError(f"{where}: chat {sub.chat_key} appears twice")
        seen.add(sub.chat_key)
        out.append(sub)
    return tuple(out)


_SUB_FIELDS = {f.name for f in fields(Subscription)}


def subscription(record: Any) -> Subscription:
    """One subscription record, checked field by field (raises ValueError with the reason)."""
    if not isinstance(record, dict):
        raise ValueError("must be an object")
    unknown = set(record) - _SUB_FIELDS
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    mode = Mode(_choice(record, "mode", Mode, Mode.INSTANT))
    daily_at = _optional_str(record, "daily_at")
    if daily_at is not None and not _HHMM.match(daily_at):
        raise ValueError(f"daily_at must be HH:MM, got {daily_at!r}")
    if mode is Mode.DAILY and daily_at is None:
        raise ValueError("mode daily needs daily_at")
    reason = record.get("pause_reason")
    return Subscription(
        chat_id=_id(record, "chat_id"),
        thread_id=_positive(record, "thread_id"),
        provinces=_names(record, "provinces", canonical_province, "province"),
        topics=_names(record, "topics", canonical_topic, "topic"),
        paused=_bool(record, "paused"),
        kind=ChatKind(_choice(record, "kind", ChatKind, ChatKind.PRIVATE)),
        mode=mode,
        daily_at=daily_at,
        quiet=_quiet(record),
        include=_keywords(record, "include"),
        exclude=_keywords(record, "exclude"),
        pause_reason=PauseReason(_choice(record, "pause_reason", PauseReason, None)) if reason is not None else None,
        title=_title(record),
        added_by=_optional_id(record, "added_by"),
    )


def _id(record: dict[str, Any], name: str) -> int:
    value = record.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < abs(value) < TELEGRAM_ID_LIMIT:
        raise ValueError(f"{name} must be a Telegram id (a non-zero whole number)")
    return value


def _optional_id(record: dict[str, Any], name: str) -> int | None:
    return None if record.get(name) is None else _id(record, name)


def _positive(record: dict[str, Any], name: str) -> int | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < TELEGRAM_ID_LIMIT:
        raise ValueError(f"{name} must be a positive whole number or null")
    return value


def _bool(record: dict[str, Any], name: str) -> bool:
    value = record.get(name, False)
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false")
    return value


def _choice(record: dict[str, Any], name: str, enum: type[Any], default: Any) -> Any:
    value = record.get(name)
    if value is None:
        return default
    allowed = [e.value for e in enum]
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _optional_str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name} must be a string or null")
    return value


def _strings(record: dict[str, Any], name: str) -> list[str]:
    value = record.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be a list of strings")
    return value


def _names(record: dict[str, Any], name: str, canonical: Any, what: str) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for value in _strings(record, name):
        found = canonical(value)
        if found is None:
            raise ValueError(f"unknown {what} {value[:40]!r}")
        out.setdefault(found, None)
    return tuple(out)


def _quiet(record: dict[str, Any]) -> str | None:
    value = _optional_str(record, "quiet")
    if value is None:
        return None
    start, sep, end = value.partition("-")
    if not (sep and _HHMM.match(start) and _HHMM.match(end)) or start == end:
        raise ValueError(f"quiet must be HH:MM-HH:MM with two different times, got {value[:40]!r}")
    return value


def _keywords(record: dict[str, Any], name: str) -> tuple[str, ...]:
    words = _strings(record, name)
    if len(words) > MAX_KEYWORDS:
        raise ValueError(f"{name} has more than {MAX_KEYWORDS} keywords")
    for word in words:
        if not word.strip() or len(word) > MAX_KEYWORD_CHARS or not any(c.isalnum() for c in word):
            raise ValueError(f"{name} keyword {word[:40]!r} must have a letter or digit and ≤{MAX_KEYWORD_CHARS} chars")
    return tuple(words)


def _title(record: dict[str, Any]) -> str | None:
    value = _optional_str(record, "title")
    if value is not None and len(value) > MAX_TITLE_CHARS:
        raise ValueError(f"title is longer than {MAX_TITLE_CHARS} characters")
    return value


def parse_sources(records: Sequence[Any]) -> tuple[FeedSource, ...]:
    if len(records) > MAX_SOURCES:
        raise BackupError(f"import: more than {MAX_SOURCES} sources")
    out: list[FeedSource] = []
    seen: set[str] = set()
    for i, record in enumerate(records):
        where = f"import: sources[{i}]"
        if not isinstance(record, dict):
            raise BackupError(f"{where}: must be an object")
        unknown = set(record) - _SOURCE_FIELDS
        if unknown:
            raise BackupError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
        try:
            source = remote_source(
                _text(record, "id"),
                _text(record, "name"),
                _text(record, "url"),
                record.get("province"),
                record.get("interval"),
            )
        except (SourcesError, ValueError) as exc:
            raise BackupError(f"{where}: {exc}") from None
        if source.province is not None and canonical_province(source.province) is None:
            raise BackupError(f"{where}: unknown province {source.province[:40]!r}")
        if source.id in seen:
            raise BackupError(f"{where}: source id {source.id!r} appears twice")
        seen.add(source.id)
        out.append(source)
    return tuple(out)


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string")
    return value


# --- import ------------------------------------------------------------------------------------------------


async def import_backup(
    store: Store,
    settings: Settings,
    backup: Backup,
    from_file: Sequence[FeedSource],
    now: datetime,
    *,
    replace: bool,
    subscriptions: bool = True,
) -> Imported:
    """Write a validated backup. `subscriptions=False` imports only its sources (OPML)."""
    file_ids = {s.id for s in from_file}
    sources = [s for s in backup.sources if s.id not in file_ids]
    skipped = tuple(s.id for s in backup.sources if s.id in file_ids)
    written = await store.transfer.write(backup.subscriptions if subscriptions else None, sources, replace=replace)
    for ck in written.removed_chats:
        await store.delivery.drop_chat(ck)
    for sid in written.removed_sources:
        await store.feeds.forget(sid)
    if subscriptions:
        digests = DigestScheduler(
            store, settings, store.stories, RenderOptions(timezone=settings.timezone), SubscriptionCache(store)
        )
        for sub in backup.subscriptions:
            await digests.reschedule(sub, now)  # daily digests get their next time in this instance
    return Imported(
        subscriptions=written.subscriptions,
        sources=written.sources,
        removed_chats=len(written.removed_chats),
        removed_sources=len(written.removed_sources),
        skipped_sources=skipped,
        with_subscriptions=subscriptions,
    )


def describe(imported: Imported) -> str:
    parts = [f"{imported.subscriptions} subscriptions"] if imported.with_subscriptions else []
    parts.append(f"{imported.sources} sources")
    if imported.removed_chats or imported.removed_sources:
        parts.append(f"removed {imported.removed_chats} subscriptions and {imported.removed_sources} sources")
    if imported.skipped_sources:
        parts.append(f"skipped {len(imported.skipped_sources)} sources the sources file already has")
    return "imported " + ", ".join(parts)


__all__ = ["Backup", "BackupError", "Imported", "export_data", "import_backup", "parse_export"]
