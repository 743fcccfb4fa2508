"""The `khabar` command line as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


def test_help_lists_every_command() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("run", "poll", "digest", "extract", "sources", "status", "export", "import", "search", "figures"):
        assert f"    {command} " in done.stdout, command


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
