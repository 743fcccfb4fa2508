"""Sweep feedparser's own test corpus through khabar's poll path; print JSON lines.

    python bench/bench_feedcorpus.py [CORPUS_DIR] [--cache DIR] [--version 6.0.11] [--limit N]

CORPUS_DIR is the `tests/` directory of a feedparser source tree (about 2,200 XML files). Without
it, the feedparser sdist is fetched once with `pip download --no-deps --no-binary :all:` into
`--cache` (default ~/.cache/khabar/feedcorpus) and unpacked there.

What runs, as `khabar poll --once --backfill …` would, minus Redis and Telegram: every file is served
by the local test server (tests/feedserver.py) with the HTTP headers its `Header:` comment names
(Content-Type, Content-Location, Content-Language, ETag; `Status`/`Location` are not replayed: every
file is a 200 here), spread over 64 host names; the real poller fetches and parses them all (real
client, real feedparser, in-memory feed state); each new item goes through the pipeline's digest
(`bot.pipeline.to_article` → `digest.extract`, the pipeline's empty-item rule) and `render_card`.
Independently, feedparser parses each file's bytes with the same headers, as its own test harness does.

Lines printed:
- {"bench": "feedcorpus_example", "kind": ..., "file": ..., "field": ..., "value": ...}: at most
  `--examples` (5) per kind of problem, to look at;
- {"bench": "feedcorpus", ...}: the counts. `files`, `parsed` (khabar read a feed), `refused_entities`
  (a DOCTYPE declaring entities: refused on purpose), `failed` (other fetch/parse failures),
  `feedparser_only` (feedparser reads a feed, khabar does not; entity DOCTYPEs excepted), `items`,
  `stories` (items with a headline), `skipped_empty` (no title, no Persian text: skipped as the
  pipeline does), and over the fields a reader sees (every item's decoded title and text; each
  story's digest headline, kicker, summary, speakers, figures, places and rendered card):
  `raw_markup`, `entity_leftovers`, `mojibake`, `replacement_chars` (fields with U+FFFD),
  `relative_links` (item links left relative: Content-Location and the feed URL are the bases),
  `empty_cards`, `cards_over_2_messages`, `crashes` (an exception anywhere, or a source failing
  with an internal error), `seconds`.
Targets (issue 11): 0 raw markup, 0 mojibake, 0 crashes, 0 feedparser_only.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import feedparser  # noqa: E402

from bot.pipeline import is_story, to_article  # noqa: E402
from digest import Digest, extract, render_card  # noqa: E402
from digest.htmlparts import utf16_len  # noqa: E402
from feeds.fetch import FetchConfig, build_client  # noqa: E402
from feeds.model import FeedItem, FeedSource  # noqa: E402
from feeds.parse import MAX_ENTRIES  # noqa: E402
from feeds.poller import Outcome, PollConfig, PollDeps, PollResult, poll_due  # noqa: E402
from tests.fakes import FakeSeenStore, FakeStateStore  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402
from tests.telegram_html import parse as parse_telegram  # noqa: E402
from tests.textcheck import problems  # noqa: E402

HOSTS = 64
NOW = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = re.compile(rb"^Header:\s+([^:\r\n]+):([^\r\n]+)$", re.MULTILINE)
REPLAYED = {"content-type", "content-location", "content-language", "etag", "last-modified", "x-foo"}


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # path under the corpus directory
    body: bytes
    headers: dict[str, str]  # lower-case names


def corpus_dir(given: str | None, cache: Path, version: str) -> Path:
    """The corpus `tests/` directory: as given, or unpacked from the sdist into the cache."""
    if given:
        return Path(given)
    tests = cache / f"feedparser-{version}" / "tests"
    if tests.is_dir():
        return tests
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / f"feedparser-{version}.tar.gz"
    if not sdist.exists():
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        subprocess.run([*pip, f"feedparser=={version}", "-d", str(cache)], check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(sdist) as tar:
        tar.extractall(cache, filter="data")
    return tests


def load_cases(corpus: Path, limit: int | None) -> list[Case]:
    cases = []
    for path in sorted(corpus.rglob("*.xml"))[:limit]:
        body = path.read_bytes()
        headers = {k.strip().lower().decode(): v.strip().decode("utf-8", "replace") for k, v in HEADER.findall(body)}
        headers = {k: v for k, v in headers.items() if k in REPLAYED}
        headers.setdefault("content-type", "application/xml")
        cases.append(Case(str(path.relative_to(corpus)), body, headers))
    return cases


def feedparser_reads(case: Case) -> bool:
    """feedparser's own verdict: a feed (a version or entries) came out of the bytes."""
    try:
        result = feedparser.parse(io.BytesIO(case.body), response_headers=case.headers)
    except Exception:
        return False
    return bool(result.get("version") or result.get("entries"))


class Tally:
    def __init__(self, examples: int) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: Counter[str] = Counter()
        self.per_kind = examples

    def problem(self, kind: str, file: str, field: str, value: object) -> None:
        self.counts[kind] += 1
        if self.examples[kind] < self.per_kind:
            self.examples[kind] += 1
            emit(bench="feedcorpus_example", kind=kind, file=file, field=field, value=str(value)[:200])


def emit(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def reader_fields(digest: Digest, card: list[str]) -> dict[str, str]:
    return {
        "headline": digest.headline,
        "kicker": digest.kicker or "",
        "summary": "\n".join(digest.summary),
        "speakers": "\n".join(f"{s.name or ''} {s.role or ''}" for s in digest.speakers),
        "figures": "\n".join(f"{f.text} {f.context}" for f in digest.figures),
        "places": " ".join(digest.places),
        "card": "\n".join(parse_telegram(part).text for part in card),
    }


def check_item(item: FeedItem, file: str, tally: Tally) -> None:
    check_fields({"title": item.title or "", "text": item.text}, file, tally)
    if item.url and not urlsplit(item.url).scheme:
        tally.problem("relative_links", file, "url", item.url)
    try:
        digest = extract(to_article(item))
        if not is_story(digest):
            tally.counts["skipped_empty"] += 1
            return
        card = render_card(digest)
        fields = reader_fields(digest, card)
    except Exception as exc:  # a crash is what this bench looks for
        tally.problem("crashes", file, "digest", f"{type(exc).__name__}: {exc}")
        return
    tally.counts["stories"] += 1
    if len(card) > 2 or any(utf16_len(parse_telegram(p).text) > 4096 for p in card):
        tally.problem("cards_over_2_messages", file, "card", len(card))
    if not digest.headline.strip() or not card[0].startswith("<b>"):  # no bold headline on top
        tally.problem("empty_cards", file, "card", card[0])
    check_fields(fields, file, tally)


def check_fields(fields: dict[str, str], file: str, tally: Tally) -> None:
    for name, value in fields.items():
        found = problems(value)
        for kind, key in (("raw_markup", "markup"), ("entity_leftovers", "entities"), ("mojibake", "mojibake")):
            if found[key]:
                tally.problem(kind, file, name, found[key][:3])
        if "\ufffd" in value:
            tally.problem("replacement_chars", file, name, value)


async def resolve_local(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


async def poll_corpus(cases: list[Case], server: FeedServer) -> tuple[list[FeedSource], PollResult]:
    for case in cases:
        extra = {k: v for k, v in case.headers.items() if k != "content-type"}
        server.bytes("/" + case.name, case.body, case.headers["content-type"], headers=extra)
    sources = [
        FeedSource(f"f{i}", case.name, server.url("/" + case.name, host=f"h{i % HOSTS}.corpus"))
        for i, case in enumerate(cases)
    ]
    fetch = FetchConfig(user_agent="khabar-bench/1", allow_private=True, total_timeout=30)
    config = PollConfig(fetch=fetch, fulltext_enabled=False, concurrency=16, per_host=2)
    async with build_client(fetch, resolve=resolve_local) as client:
        deps = PollDeps(client, FakeStateStore(), FakeSeenStore(cap=10 * MAX_ENTRIES), config)
        result = await poll_due(deps, sources, NOW, force=True, backfill=MAX_ENTRIES)
    return sources, result


def sweep(cases: list[Case], examples: int) -> Counter[str]:
    tally = Tally(examples)
    reference = {case.name: feedparser_reads(case) for case in cases}
    with FeedServer() as server:
        sources, result = asyncio.run(poll_corpus(cases, server))
    by_id = {s.id: s.name for s in sources}
    for outcome in result.outcomes:
        file = by_id[outcome.source_id]
        error = outcome.error or ""
        if outcome.outcome is Outcome.OK:
            tally.counts["parsed"] += 1
        elif "entity declarations refused" in error:
            tally.counts["refused_entities"] += 1
        else:
            tally.problem("failed", file, "poll", error)
            if error.startswith("internal:"):
                tally.problem("crashes", file, "poll", error)
            if reference[file]:
                tally.problem("feedparser_only", file, "poll", error)
    tally.counts["items"] = len(result.items)
    for item in result.items:
        check_item(item, by_id[item.source_id], tally)
    return tally.counts


KINDS = (
    "parsed refused_entities failed feedparser_only items stories skipped_empty raw_markup entity_leftovers "
    "mojibake replacement_chars relative_links empty_cards cards_over_2_messages crashes"
).split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="feedparser's tests/ directory (default: download the sdist)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "khabar" / "feedcorpus")
    parser.add_argument("--version", default="6.0.11", help="feedparser sdist version to download")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (a quick look)")
    parser.add_argument("--examples", type=int, default=5, help="example lines printed per kind of problem")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    cases = load_cases(corpus_dir(args.corpus, args.cache, args.version), args.limit)
    counts = sweep(cases, args.examples)
    emit(
        bench="feedcorpus",
        files=len(cases),
        **{k: counts[k] for k in KINDS},
        seconds=round(time.perf_counter() - started, 1),
        targets={"raw_markup": 0, "mojibake": 0, "crashes": 0, "feedparser_only": 0},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
