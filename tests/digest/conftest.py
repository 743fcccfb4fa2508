"""Fixtures for digest tests: the seed article and the optional dev set (skipped when absent)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.digest.digest_paths import SEED, dev_items


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dev() -> list[dict[str, Any]]:
    items = dev_items()
    if not items:
        pytest.skip("dev set not available (set KHABAR_EVAL_DIR)")
    return items
