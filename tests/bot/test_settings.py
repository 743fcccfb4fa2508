from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import BUNDLED_SOURCES, Secret, Settings, SettingsError

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_defaults_need_nothing() -> None:
    s = Settings.from_env({"HOME": "/home/u"})
    assert s.bot_token is None and not s.has_telegram
    assert s.redis_url is None
    assert s.telegram_api_url == "https://api.telegram.org/bot"
    assert s.data_dir == Path("/home/u/.local/share/khabar")
    assert s.sources_path == BUNDLED_SOURCES and BUNDLED_SOURCES.is_file()
    assert s.poll_interval == 600 and s.timezone == "Asia/Tehran"
    assert s.admin_ids == frozenset() and s.allow_private_urls is False
    assert s.feeds_proxy is None and s.telegram_proxy is None


def test_every_public_variable_is_read(tmp_path: Path) -> None:
    s = Settings.from_env(
        {
            "KHABAR_BOT_TOKEN": TOKEN,
            "KHABAR_TELEGRAM_API_URL": "http://127.0.0.1:8081/bot",
            "KHABAR_REDIS_URL": "rediss://:pw@redis.example:6380/2",
            "KHABAR_DATA_DIR": str(tmp_path),
            "KHABAR_SOURCES": "/etc/khabar/sources.toml",
            "KHABAR_ADMIN_IDS": "11, 22,33",
            "KHABAR_POLL_INTERVAL": "900",
            "KHABAR_TIMEZONE": "Europe/Berlin",
            "KHABAR_ALLOW_PRIVATE_URLS": "1",
            "KHABAR_FEEDS_PROXY": "socks5://127.0.0.1:1080",
            "KHABAR_TELEGRAM_PROXY": "http://proxy:3128",
            "KHABAR_BACKFILL": "3",
        }
    )
    assert s.bot_token is not None and s.bot_token.reveal() == TOKEN
    assert s.telegram_api_url == "http://127.0.0.1:8081/bot"
    assert s.redis_url is not None and s.redis_url.reveal().startswith("rediss://")
    assert s.data_dir == tmp_path and s.sources_path == Path("/etc/khabar/sources.toml")
    assert s.admin_ids == {11, 22, 33} and s.poll_interval == 900
    assert s.timezone == "Europe/Berlin" and s.allow_private_urls
    assert s.feeds_proxy == "socks5://127.0.0.1:1080" and s.telegram_proxy == "http://proxy:3128"
    assert s.backfill == 3


def test_lease_settings_for_several_instances() -> None:
    s = Settings.from_env({"KHABAR_UPDATES_LEASE": "6", "KHABAR_INBOX_LEASE": "30"})
    assert s.updates_lease == 6.0 and s.inbox_lease == 30
    assert Settings().updates_lease == 10.0 and Settings().inbox_lease == 60


def test_archive_days_reach_the_store() -> None:
    from bot.store import StoreLimits

    assert Settings().archive_days == 90
    s = Settings.from_env({"KHABAR_ARCHIVE_DAYS": "30"})
    assert s.archive_days == 30 and StoreLimits.from_settings(s).archive_ttl == 30 * 86400


def test_secrets_never_print() -> None:
    s = Settings.from_env({"KHABAR_BOT_TOKEN": TOKEN, "KHABAR_REDIS_URL": "redis://:hunter2@h:6379"})
    for text in (repr(s), str(s), repr(s.bot_token), f"{s.redis_url}"):
        assert TOKEN not in text and "hunter2" not in text
    assert Secret("a") == Secret("a") and Secret("a") != Secret("b")


@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("KHABAR_POLL_INTERVAL", "abc", "whole number"),
        ("KHABAR_POLL_INTERVAL", "5", "below the poll floor of 60 s"),
        ("KHABAR_POLL_INTERVAL", "30", "below the poll floor of 60 s"),
        ("KHABAR_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("KHABAR_ADMIN_IDS", "12,abc", "numeric"),
        ("KHABAR_ALLOW_PRIVATE_URLS", "maybe", "1 or 0"),
        ("KHABAR_BOT_TOKEN", "not-a-token", "bot token"),
        ("KHABAR_REDIS_URL", "http://x", "redis://"),
        ("KHABAR_TELEGRAM_API_URL", "ftp://x/bot", "http(s)"),
        ("KHABAR_FEEDS_PROXY", "nonsense", "proxy"),
        ("KHABAR_TELEGRAM_PROXY", "gopher://x", "proxy"),
        ("KHABAR_BACKFILL", "500", "between"),
        ("KHABAR_UPDATES_LEASE", "1", "between"),
        ("KHABAR_INBOX_LEASE", "soon", "whole number"),
        ("KHABAR_ARCHIVE_DAYS", "0", "between"),
    ],
    ids=lambda v: str(v)[:20],
)
def test_invalid_values_name_the_variable(variable: str, value: str, fragment: str) -> None:
    with pytest.raises(SettingsError) as err:
        Settings.from_env({variable: value})
    assert err.value.variable == variable
    assert str(err.value).startswith(variable + ":") and fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_bad_token_is_not_echoed() -> None:
    with pytest.raises(SettingsError) as err:
        Settings.from_env({"KHABAR_BOT_TOKEN": "secret-value-xyz"})
    assert "secret-value-xyz" not in str(err.value)


def test_toml_file_and_env_precedence(tmp_path: Path) -> None:
    cfg = tmp_path / "khabar.toml"
    cfg.write_text('poll_interval = 1200\nadmin_ids = [5, 6]\ntimezone = "Asia/Tehran"\n', encoding="utf-8")
    s = Settings.from_env({"KHABAR_CONFIG": str(cfg), "KHABAR_POLL_INTERVAL": "300"})
    assert s.poll_interval == 300  # the environment wins
    assert s.admin_ids == {5, 6}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("poll_intervall = 5\n", "unknown setting"), ("poll_interval = \n", "not valid TOML")],
    ids=["unknown-key", "broken-toml"],
)
def test_toml_errors(tmp_path: Path, content: str, fragment: str) -> None:
    cfg = tmp_path / "khabar.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=fragment):
        Settings.from_env({"KHABAR_CONFIG": str(cfg)})


def test_missing_toml_file() -> None:
    with pytest.raises(SettingsError, match="cannot read"):
        Settings.from_env({"KHABAR_CONFIG": "/nonexistent/khabar.toml"})


def test_cli_reports_bad_setting_in_one_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KHABAR_TIMEZONE": "Nowhere/Zone"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "KHABAR_TIMEZONE" in lines[0] and "Traceback" not in proc.stderr


def test_sentinel_urls_are_accepted_and_checked() -> None:
    s = Settings.from_env({"KHABAR_REDIS_URL": "redis+sentinel://:pw@s1:26379,s2/khabar/2"})
    assert s.redis_url is not None and s.redis_url.reveal().startswith("redis+sentinel://")
    with pytest.raises(SettingsError, match="service"):
        Settings.from_env({"KHABAR_REDIS_URL": "redis+sentinel://s1:26379"})
