"""`khabar run`: refuses to start without a token; `--console` runs everything and prints digests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def khabar_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env.update({"KHABAR_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}, **extra)
    return env


def test_run_without_token_exits_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=khabar_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "KHABAR_BOT_TOKEN" in lines[0] and "--console" in lines[0]


@pytest.mark.slow
def test_console_prints_the_seed_digest_without_token_or_network(tmp_path: Path) -> None:
    env = khabar_env(tmp_path, KHABAR_SOURCES=str(ROOT / "seeds" / "sources.toml"))  # embedded Redis in tmp
    out = tmp_path / "out.txt"
    with open(out, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--console"], cwd=ROOT, env=env, stdout=sink, stderr=subprocess.PIPE
        )
        try:
            deadline = time.monotonic() + 90
            while "روزبه کردونی" not in out.read_text(encoding="utf-8") and time.monotonic() < deadline:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.2)
        finally:
            proc.send_signal(signal.SIGINT)
            code = proc.wait(30)
            stderr = proc.stderr.read().decode() if proc.stderr else ""
            if proc.stderr:
                proc.stderr.close()
    text = out.read_text(encoding="utf-8")
    assert "روزبه کردونی" in text and "خوزستان" in text and "khabar → chat" in text
    assert "<b>" not in text  # HTML made readable
    assert code == 0, stderr
    assert "Traceback" not in stderr
