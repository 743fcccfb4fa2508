"""Paths and the optional dev set for digest tests (a uniquely named helper, not a conftest)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_89b941ca74b638ba.txt"


def eval_dir() -> Path:
    """`KHABAR_EVAL_DIR`, else ../shared/eval next to the repository."""
    return Path(os.environ.get("KHABAR_EVAL_DIR", REPO.parent / "shared" / "eval")).resolve()


def dev_items() -> list[dict[str, Any]]:
    path = eval_dir() / "dev.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
