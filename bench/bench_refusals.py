"""How fast hostile inputs are refused; prints one JSON object per line (median of runs, seconds).

    python bench/bench_refusals.py [--runs 5]

These bounds used to be wall-clock asserts inside unit tests, where a loaded machine made them fail;
the unit tests now check what is refused and that memory stays bounded, and this bench keeps the
speed targets: an XML entity bomb or quadratic blow-up in a feed < 0.5 s, an over-size or hostile
export/OPML file < 1 s. A line has `ok: false` when its median misses the target; exit code 1 then.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.ops.backup import BackupError, parse_export  # noqa: E402
from bot.ops.opml import MAX_OPML_BYTES, parse_opml  # noqa: E402
from feeds.parse import parse_feed_sync  # noqa: E402

NOW = datetime(2024, 1, 1, tzinfo=UTC)
BOMB = (REPO / "tests" / "feeds" / "fixtures" / "bomb.xml").read_bytes()
QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 100_000 + b'">]>'
    b"<rss version='2.0'><channel><item><title>" + b"&a;" * 100_000 + b"</title></item></channel></rss>"
)
OPML_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
    b'<opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://x.example/"/></body></opml>'
)


def refused(parse: Callable[[bytes], object], body: bytes) -> Callable[[], None]:
    def run() -> None:
        try:
            parse(body)
        except BackupError:
            return
        raise AssertionError("not refused")

    return run


def feed(body: bytes) -> Callable[[], None]:
    def run() -> None:
        result = parse_feed_sync(body, "https://x.example/rss", None, NOW)
        assert result.error is not None and result.error.kind == "entities"

    return run


CASES: dict[str, tuple[Callable[[], None], float]] = {
    "feed_billion_laughs": (feed(BOMB), 0.5),
    "feed_quadratic_blowup": (feed(QUADRATIC), 0.5),
    "export_over_64_mib": (refused(parse_export, b" " * (64 * 1024 * 1024 + 1)), 1.0),
    "opml_entity_bomb": (refused(parse_opml, OPML_BOMB), 1.0),
    "opml_over_cap": (refused(parse_opml, b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>"), 1.0),
}


def median_seconds(run: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    missed = 0
    for name, (run, target) in CASES.items():
        seconds = median_seconds(run, args.runs)
        ok = seconds < target
        missed += not ok
        emit(bench="refusal", case=name, median_ms=round(seconds * 1000, 3), target_ms=target * 1000, ok=ok)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
