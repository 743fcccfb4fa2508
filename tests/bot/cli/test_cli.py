"""The `khabar` command line as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[3]
REDIS = "redis://127.0.0.1:6379/0"


def test_help_lists_every_command() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("run", "poll", "digest", "extract", "sources", "status", "export", "import", "search", "figures"):
        assert f"    {command} " in done.stdout, command


HEAVY = ("telegram", "hazm", "trafilatura", "redis", "feedparser", "httpx", "aiohttp")


def test_help_imports_no_heavy_module() -> None:
    """`khabar --help` stays fast: the entry point and the full command list import none of these."""
    code = (
        "import sys, bot.__main__, bot.cli; bot.cli.build_parser().format_help(); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_command_imports_only_its_own_module() -> None:
    code = "import sys, bot.cli; bot.cli.build_parser('extract'); print(sorted(m for m in sys.modules if 'cmd' in m))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['bot.cli.extract_cmd']"


def test_an_unknown_command_is_refused_with_the_list() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "digets"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    last = done.stderr.splitlines()[-1]  # argparse's wording (its quoting varies across Python versions)
    assert last.startswith("khabar: error: argument COMMAND: invalid choice:") and "digets" in last
    assert all(name in last for name in COMMANDS)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_texts_speak_to_users(command: str) -> None:
    """No Markdown backticks, no module names; every summary a lower-case phrase without a final period."""
    done = subprocess.run([sys.executable, "-m", "bot", command, "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert "`" not in done.stdout
    assert not re.search(r"\b(?:bot|digest|feeds)\.[a-z_]+", done.stdout), done.stdout
    summary = COMMANDS[command].summary
    assert summary[0].islower() and not summary.endswith(".") and "`" not in summary


def test_run_without_a_token_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")} | {"HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == "khabar run: KHABAR_BOT_TOKEN is not set (or use khabar run --console)\n"


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`khabar sources list | head -c 1`: the closed pipe ends khabar quietly."""
    entry = '[[source]]\nid = "s{n}"\nname = "منبع شماره {n}"\nurl = "https://news{n}.example/rss"\n'
    sources = tmp_path / "sources.toml"
    sources.write_text("".join(entry.format(n=n) for n in range(3000)), encoding="utf-8")  # > a pipe buffer
    env = {**os.environ, "HOME": str(tmp_path), "KHABAR_REDIS_URL": os.environ.get("REDIS_URL", REDIS)}
    shell = f"{sys.executable} -m bot sources list --sources {sources} | head -c 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert len(done.stdout) == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 0
