"""Settings: one frozen object built from an environment mapping (and an optional TOML file).

Built once in `bot.__main__` and passed down; nothing in khabar reads `os.environ` anywhere else and
nothing here runs at import time. Policy numbers (intervals, back-off, limits) live here, not inline.

Environment variables (public interface):

| variable                    | default                       |
| --------------------------- | ----------------------------- |
| KHABAR_CONFIG               | unset: no TOML file           |
| KHABAR_BOT_TOKEN            | unset: no Telegram            |
| KHABAR_TELEGRAM_API_URL     | https://api.telegram.org/bot  |
| KHABAR_REDIS_URL            | unset: embedded Redis (or redis+sentinel://h1:26379,h2/service/db) |
| KHABAR_DATA_DIR             | $XDG_DATA_HOME/khabar         |
| KHABAR_SOURCES              | the bundled catalogue         |
| KHABAR_ADMIN_IDS            | empty                         |
| KHABAR_POLL_INTERVAL        | 600                           |
| KHABAR_TIMEZONE             | Asia/Tehran                   |
| KHABAR_ALLOW_PRIVATE_URLS   | off                           |
| KHABAR_FEEDS_PROXY          | none                          |
| KHABAR_BACKFILL             | 0                             |
| KHABAR_TELEGRAM_PROXY       | none                          |
| KHABAR_METRICS_PORT         | off                           |
| KHABAR_METRICS_HOST         | 127.0.0.1 (where /metrics and /healthz listen) |
| KHABAR_QUEUE_STUCK_AFTER    | 900 (s a ready delivery may wait before /healthz fails) |
| KHABAR_LOG_LEVEL            | INFO                          |
| KHABAR_GLOBAL_RATE          | 30 (messages/s, all chats)    |
| KHABAR_PAID_BROADCAST       | off (needed above 30/s)       |
| KHABAR_ERROR_CHAT_ID        | unset: no error notices       |
| KHABAR_DELIVERY_LEASE       | 30 (s before a dead sender's message is retried) |
| KHABAR_UPDATES_LEASE        | 10 (s before another instance takes over getUpdates) |
| KHABAR_INBOX_LEASE          | 60 (s before a dead poller's new items are redone) |
| KHABAR_WEBHOOK_URL          | unset: long polling           |
| KHABAR_WEBHOOK_LISTEN       | 0.0.0.0                       |
| KHABAR_WEBHOOK_PORT         | 8443                          |
| KHABAR_WEBHOOK_SECRET       | unset                         |
| KHABAR_ARCHIVE_DAYS         | 90 (days social stories stay searchable) |

A TOML file named by KHABAR_CONFIG may set the same values under their lower-case names without the
prefix (`bot_token`, `redis_url`, `admin_ids = [1, 2]`, ...); environment variables win over the file.
"""

from __future__ import annotations

import ipaddress
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feeds.sources import CATALOGUE, MAX_INTERVAL
from feeds.state import POLL_FLOOR

T = TypeVar("T")

BUNDLED_SOURCES = CATALOGUE
PREFIX = "KHABAR_"
FREE_BROADCAST_RATE = 30.0  # Telegram's overall limit without paid broadcasts (FloodLimit.MESSAGES_PER_SECOND)
PAID_BROADCAST_RATE = 1000.0  # with allow_paid_broadcast (FloodLimit.PAID_MESSAGES_PER_SECOND)


class SettingsError(ValueError):
    """A setting is missing or invalid. `str()` is one line naming the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


class Secret:
    """A string that never shows itself in repr/str/logs (cf. Starlette's Secret)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class Settings:
    bot_token: Secret | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    redis_url: Secret | None = None
    data_dir: Path = field(default_factory=lambda: _default_data_dir({}))
    sources_path: Path = BUNDLED_SOURCES
    admin_ids: frozenset[int] = frozenset()
    poll_interval: int = 600
    timezone: str = "Asia/Tehran"
    allow_private_urls: bool = False
    feeds_proxy: str | None = None
    telegram_proxy: str | None = None
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"  # /metrics and /healthz bind here (loopback unless the operator says so)
    queue_stuck_after: int = 900  # seconds the oldest ready delivery may wait before /healthz reports a stuck queue
    log_level: str = "INFO"
    # --- polling policy ---
    min_interval: int = POLL_FLOOR  # never poll one source more often than this
    max_interval: int = 6 * 3600  # nor less often than this when healthy
    max_backoff: int = 24 * 3600  # cap of the error back-off
    pause_after_errors: int = 20  # consecutive failures before a source is paused
    poll_tick: int = 15  # seconds between scheduler ticks
    poll_concurrency: int = 16
    per_host_concurrency: int = 2
    backfill: int = 0  # items a new source may announce on its first poll (`khabar run`)
    claim_lease: int = 300  # seconds a claimed source stays reserved for the process polling it
    inbox_lease: int = 60  # seconds new items stay with the process that polled them before another redoes them
    poll_batch: int = 500  # sources claimed per tick at most
    late_item_grace: int = 3600  # unseen items dated this long before a source's first poll still count as new
    # --- fetch limits ---
    fetch_timeout: float = 20.0  # total, per request including redirects and body
    connect_timeout: float = 10.0
    read_timeout: float = 10.0  # between two reads
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "khabar/0.1 (+https://github.com/khabar-bot/khabar; Persian news digest bot)"
    # --- dedupe / retention ---
    seen_cap: int = 2000  # seen item ids kept per source
    seen_ttl: int = 30 * 86400
    state_ttl: int = 90 * 86400  # a source's FeedState outlives its last save by this much
    story_window: int = 3 * 86400  # cross-agency near-duplicate window
    story_ttl: int = 7 * 86400  # stories kept for /latest and "also reported by"
    story_cap: int = 50_000  # stories kept at most (recent list and near-duplicate index)
    archive_days: int = 90  # social stories stay in the archive (/search, /figures, weekly) this long
    story_hamming: int = 12  # SimHash bits apart ≤ this → same story (= digest.fingerprint.NEAR_DUPLICATE_BITS)
    # --- full text ---
    fulltext: bool = True  # fetch the article page when a feed item is only a teaser
    fulltext_teaser_chars: int = 400  # feed text shorter than this (plain) counts as a teaser
    fulltext_max_bytes: int = 2 * 1024 * 1024
    fulltext_per_poll: int = 10  # article pages fetched per source per poll at most
    # --- delivery ---
    global_rate: float = 30.0  # messages per second, all chats (raise for paid broadcasts)
    paid_broadcast: bool = False  # send with allow_paid_broadcast (costs Stars); required above 30/s
    private_rate: float = 1.0  # messages per second to one private chat
    group_per_minute: int = 20  # messages per minute to one group or channel
    delivery_concurrency: int = 64  # sends in flight per process
    delivery_batch: int = 100  # chats claimed per queue round trip
    delivery_lease: float = 30.0  # seconds a claimed send may take before another worker reclaims it
    send_timeout: float = 10.0  # read/write timeout of one sendMessage (must stay below the lease)
    retry_backoff_max: float = 300.0  # cap of the back-off after network errors and 5xx
    resend_unknown: bool = True  # after a crash mid-send: resend (True) or skip (False) the unknown message
    chat_queue_cap: int = 1000  # pending messages kept per chat
    held_cap: int = 200  # stories held per chat for a daily digest or quiet hours
    schedule_tick: float = 30.0  # seconds between checks for due daily digests / ended quiet hours
    latest_max: int = 10  # most stories /latest shows
    error_chat_id: int | None = None  # chat that receives short error notices
    # --- webhook (unset url: long polling) ---
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: Secret | None = None
    # --- several instances (bot.runtime.lease) ---
    updates_lease: float = 10.0  # seconds the getUpdates lease lasts unrenewed (renewed every ~lease/3)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def has_telegram(self) -> bool:
        return self.bot_token is not None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Build settings from an environment mapping; raise SettingsError naming the bad variable."""
        merged: dict[str, str | object] = dict(_load_toml(environ))
        merged.update({k: v for k, v in environ.items() if k.startswith(PREFIX)})
        settings = cls(**_parse_all(merged, environ))
        if settings.global_rate > FREE_BROADCAST_RATE and not settings.paid_broadcast:
            raise SettingsError(
                "KHABAR_GLOBAL_RATE",
                f"above {FREE_BROADCAST_RATE:g}/s Telegram needs paid broadcasts: also set KHABAR_PAID_BROADCAST=1",
            )
        return settings


def _load_toml(environ: Mapping[str, str]) -> dict[str, object]:
    path = environ.get("KHABAR_CONFIG")
    if not path:
        return {}
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise SettingsError("KHABAR_CONFIG", f"cannot read {path!r}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("KHABAR_CONFIG", f"{path!r} is not valid TOML: {exc}") from None
    known = {name for name, _ in _FIELDS}
    out: dict[str, object] = {}
    for key, value in raw.items():
        var = PREFIX + key.upper()
        if var not in known:
            raise SettingsError("KHABAR_CONFIG", f"unknown setting {key!r} in {path!r}")
        out[var] = value
    return out


def _text(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).strip()


def _int_range(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            n = int(raw)
        except ValueError:
            raise ValueError(f"must be a whole number, got {raw!r}") from None
        if not lo <= n <= hi:
            raise ValueError(f"must be between {lo} and {hi}, got {n}")
        return n

    return parse


def _bool(raw: str) -> bool:
    low = raw.lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"must be 1 or 0, got {raw!r}")


def _token(raw: str) -> Secret:
    # Telegram tokens look like 123456:ABC-DEF...; never echo the value back.
    head, sep, tail = raw.partition(":")
    if not (sep and head.isdigit() and len(tail) >= 20 and all(c.isalnum() or c in "_-" for c in tail)):
        raise ValueError("does not look like a Telegram bot token (expected 123456:ABC...)")
    return Secret(raw)


def _http_url(raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"must be an http(s) URL, got {raw!r}")
    return raw


def _proxy_url(raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https", "socks5", "socks5h"} or not parts.netloc:
        raise ValueError("must be an http://, https:// or socks5:// proxy URL")
    return raw


def _redis_url(raw: str) -> Secret:
    parts = urlsplit(raw)
    if parts.scheme in {"redis+sentinel", "rediss+sentinel"}:
        if not parts.netloc or not parts.path.strip("/"):
            raise ValueError("a Sentinel URL is redis+sentinel://[:password@]host:26379[,host:port...]/service[/db]")
        return Secret(raw)
    if parts.scheme not in {"redis", "rediss", "unix"}:
        raise ValueError("must be a redis://, rediss://, unix:// or redis+sentinel:// URL")
    return Secret(raw)


def _admin_ids(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(" ", "").split(","):
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise ValueError(f"must be comma-separated numeric Telegram user ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def _zone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {raw!r} (expected e.g. Asia/Tehran)") from None
    return raw


def _poll_interval(raw: str) -> int:
    n = _int_range(0, MAX_INTERVAL)(raw)
    if n < POLL_FLOOR:
        raise ValueError(f"{n} is below the poll floor of {POLL_FLOOR} s (khabar never polls a source more often)")
    return n


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise ValueError(f"must be DEBUG, INFO, WARNING or ERROR, got {raw!r}")
    return level


def _optional_port(raw: str) -> int | None:
    return None if raw in {"", "0", "off"} else _int_range(1, 65535)(raw)


def _host(raw: str) -> str:
    try:
        ipaddress.ip_address(raw)
    except ValueError:
        if not raw or len(raw) > 253 or not all(c.isascii() and (c.isalnum() or c in "-.") for c in raw):
            raise ValueError(f"must be an IP address or a host name to listen on, got {raw!r}") from None
    return raw


def _rate(raw: str) -> float:
    try:
        rate = float(raw)
    except ValueError:
        raise ValueError(f"must be a number of messages per second, got {raw!r}") from None
    if not 0.1 <= rate <= PAID_BROADCAST_RATE:
        raise ValueError(f"must be between 0.1 and {PAID_BROADCAST_RATE:g}, got {raw}")
    return rate


def _chat_id(raw: str) -> int:
    if not raw.lstrip("-").isdigit():
        raise ValueError(f"must be a numeric Telegram chat id, got {raw!r}")
    return int(raw)


def _https_url(raw: str) -> str:
    if urlsplit(raw).scheme != "https":
        raise ValueError(f"must be an https:// URL (Telegram only calls https webhooks), got {raw!r}")
    return _http_url(raw)


def _webhook_secret(raw: str) -> Secret:
    # Telegram: 1-256 characters, A-Z a-z 0-9 _ -
    if not (1 <= len(raw) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in raw)):
        raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return Secret(raw)


# (environment variable, field name, parser)
_FIELDS: tuple[tuple[str, tuple[str, Callable[[str], Any]]], ...] = (
    ("KHABAR_CONFIG", ("", str)),
    ("KHABAR_BOT_TOKEN", ("bot_token", _token)),
    ("KHABAR_TELEGRAM_API_URL", ("telegram_api_url", _http_url)),
    ("KHABAR_REDIS_URL", ("redis_url", _redis_url)),
    ("KHABAR_DATA_DIR", ("data_dir", lambda raw: Path(raw).expanduser())),
    ("KHABAR_SOURCES", ("sources_path", lambda raw: Path(raw).expanduser())),
    ("KHABAR_ADMIN_IDS", ("admin_ids", _admin_ids)),
    ("KHABAR_POLL_INTERVAL", ("poll_interval", _poll_interval)),
    ("KHABAR_TIMEZONE", ("timezone", _zone)),
    ("KHABAR_ALLOW_PRIVATE_URLS", ("allow_private_urls", _bool)),
    ("KHABAR_FEEDS_PROXY", ("feeds_proxy", _proxy_url)),
    ("KHABAR_BACKFILL", ("backfill", _int_range(0, 50))),
    ("KHABAR_TELEGRAM_PROXY", ("telegram_proxy", _proxy_url)),
    ("KHABAR_METRICS_PORT", ("metrics_port", _optional_port)),
    ("KHABAR_METRICS_HOST", ("metrics_host", _host)),
    ("KHABAR_QUEUE_STUCK_AFTER", ("queue_stuck_after", _int_range(30, 7 * 86400))),
    ("KHABAR_LOG_LEVEL", ("log_level", _log_level)),
    ("KHABAR_GLOBAL_RATE", ("global_rate", _rate)),
    ("KHABAR_PAID_BROADCAST", ("paid_broadcast", _bool)),
    ("KHABAR_ERROR_CHAT_ID", ("error_chat_id", _chat_id)),
    ("KHABAR_DELIVERY_LEASE", ("delivery_lease", lambda raw: float(_int_range(2, 600)(raw)))),
    ("KHABAR_WEBHOOK_URL", ("webhook_url", _https_url)),
    ("KHABAR_WEBHOOK_LISTEN", ("webhook_listen", str)),
    ("KHABAR_WEBHOOK_PORT", ("webhook_port", _int_range(1, 65535))),
    ("KHABAR_WEBHOOK_SECRET", ("webhook_secret", _webhook_secret)),
    ("KHABAR_UPDATES_LEASE", ("updates_lease", lambda raw: float(_int_range(3, 300)(raw)))),
    ("KHABAR_INBOX_LEASE", ("inbox_lease", _int_range(2, 3600))),
    ("KHABAR_ARCHIVE_DAYS", ("archive_days", _int_range(1, 3650))),
)


def _parse_all(merged: Mapping[str, object], environ: Mapping[str, str]) -> dict[str, Any]:
    known = dict(_FIELDS)
    values: dict[str, Any] = {"data_dir": _default_data_dir(environ)}
    for var, raw_value in merged.items():
        if var not in known:
            continue  # unrelated KHABAR_* variables (e.g. for tests) are ignored
        name, parse = known[var]
        raw = _text(raw_value)
        if not name or raw == "":
            continue  # empty means "unset"
        try:
            values[name] = parse(raw)
        except ValueError as exc:
            raise SettingsError(var, str(exc)) from None
    return values


def _default_data_dir(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_DATA_HOME") or str(Path(environ.get("HOME", "~")) / ".local" / "share")
    return Path(base).expanduser() / "khabar"
