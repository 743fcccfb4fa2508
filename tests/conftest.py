"""Shared fixtures: real Redis (REDIS_URL, one key prefix per test), settings, repo paths."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from bot.settings import Settings
from bot.store import Store

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "1")  # as bot.__main__ does: PTB's RetryAfter warns otherwise

# Property tests check properties, not speed: no per-example deadline and no "data generation too slow"
# on a loaded machine (speed is bench/'s business). The same examples every run, so a landing never fails
# on a case nobody's change touched; KHABAR_FUZZ_RANDOM=1 explores new ones (what it finds becomes an
# explicit test, as test_parse.py's tag soup and test_args.py's «ازدواج کودکان» did).
hypothesis_settings.register_profile(
    "khabar",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("KHABAR_FUZZ_RANDOM") != "1",
)
hypothesis_settings.load_profile("khabar")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_url() -> str:
    return REDIS_URL


@pytest.fixture
async def redis_client() -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        await client.ping()
    except Exception as exc:  # a clear failure beats a hang: the suite needs a real Redis
        await client.aclose()
        pytest.fail(f"tests need a Redis server at REDIS_URL={REDIS_URL!r}: {exc}")
    yield client
    await client.aclose()


@pytest.fixture
async def store(redis_client: aioredis.Redis) -> AsyncIterator[Store]:
    """A Store whose keys live under a unique prefix; every key is deleted afterwards."""
    prefix = f"khabar:test:{uuid.uuid4().hex[:12]}:"
    yield Store.create(redis_client, prefix)
    keys = [k async for k in redis_client.scan_iter(match=prefix + "*", count=1000)]
    if keys:
        await redis_client.delete(*keys)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for tests: local addresses allowed, data in a temp dir, real Redis."""
    return Settings.from_env(
        {
            "KHABAR_REDIS_URL": REDIS_URL,
            "KHABAR_DATA_DIR": str(tmp_path / "data"),
            "KHABAR_ALLOW_PRIVATE_URLS": "1",
            "KHABAR_SOURCES": str(SEEDS / "sources.toml"),
        }
    )
